"""Ironic praise: a comment that opens with praise and goes on to state a failure ("Great,
another hour on hold. Thanks a lot.", "Fantastic support, they just hung up on me.", "Na
toll, wieder eine Stunde in der Warteschleife.", "Génial, encore une heure d'attente au
téléphone."). The sentiment model reads the praise; the writer means the failure.

The praise words (`feedback_nlp/data/complaints/ironic_praise.toml`, written for the project)
cover en de fr es it pt nl ru pl ro tr; every language's words are tried on every comment.
A comment is *ironic praise* when all of these hold:

- it has at most :data:`MAX_WORDS` words (@handles, links and retweet markers left out);
- its opening clause (up to the first ``, ! : ; . …``) has at most :data:`OPENER_WORDS` words,
  holds a praise word and no negation, and more text follows it ("Great,", "Na toll!",
  "Fantastic support,"; not "Great service and fast delivery, …", not "Not great, …");
- it states a service failure (:func:`feedback_nlp.text.complaints.states_failure`) or
  describes customer effort (the effort stage's rules: waits, repeat contacts, hang-ups, …);
- it holds no contrast word of its language (all languages' when the language is unknown):
  "Great food, but the wait was endless" praises one thing and blames another.
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.text.complaints import (
    NEGATIONS,
    WORD,
    any_cue,
    cue_lists,
    cue_pattern,
    normalise,
    states_failure,
)
from feedback_nlp.text.sentences import CONTRAST_WORDS
from feedback_nlp.text.social import strip_social

#: Longer comments say more than one ironic remark, and the model reads them in context.
MAX_WORDS = 25
#: An opening clause of more words is a statement, not an exclamation of praise.
OPENER_WORDS = 3
_OPENER = re.compile(r"\s*([^,!:;.…]+)[,!:;.…]+\s*(\S.*)$", re.DOTALL)


def praise_words() -> dict[str, tuple[str, ...]]:
    """The praise words per language, as written."""
    return {lang: lists["praise"] for lang, lists in cue_lists("ironic_praise.toml").items()}


@lru_cache(maxsize=1)
def _praise() -> re.Pattern[str]:
    words = {w for per_language in praise_words().values() for w in per_language}
    return any_cue(sorted(words, key=lambda w: (-len(cue_pattern(w)), w)))  # longest first


@lru_cache(maxsize=16)
def _contrast(lang: str | None) -> re.Pattern[str]:
    """The contrast words of `lang`; of every language when it has none of its own."""
    if lang in CONTRAST_WORDS:
        return any_cue(CONTRAST_WORDS[lang])
    return any_cue(w for words in CONTRAST_WORDS.values() for w in words)


def opens_with_praise(text: str) -> bool:
    """True when `text` opens with a short clause of praise that more text follows."""
    found = _OPENER.match(normalise(strip_social(text)))
    if found is None:
        return False
    words = WORD.findall(found.group(1))
    if not words or len(words) > OPENER_WORDS or any(w in NEGATIONS for w in words):
        return False
    return bool(_praise().search(found.group(1)))


def ironic_praise(text: str, lang: str | None = None) -> bool:
    """True when `text` praises ironically (module docstring); `lang` picks the contrast
    words."""
    plain = strip_social(text)
    if len(WORD.findall(plain)) > MAX_WORDS or _contrast(lang).search(normalise(plain)):
        return False
    if not opens_with_praise(plain):
        return False
    return states_failure(plain) or RuleEffortBackend().predict([plain])[0].level != "none"
