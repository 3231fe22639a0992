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
- it states a service failure (:func:`feedback_nlp.text.complaints.states_failure`, or a
  post's verbless :data:`TERSE_FAILURES`: "internet down", "wifi dead") that recurs or goes
  on (a ``repeated`` word: "again", "another", "still", "wieder", "encore", "otra vez",
  "опять", …, or a numbered repeat of :data:`NUMBERED_REPEATS`: "for the 3rd time", "zum
  3. Mal"; praise beside a single failure may thank the staff who handled it), or describes
  effort that praise can only mock (the effort stage's rules: a wait, no answer or a
  hang-up, chasing, repeated contacts rated "high");
- it reports no fix: no ``resolved`` word ("fixed", "replaced", "refunded", "ersetzt",
  "remplacé", …) without a negation in the four words before it. "Great service, the
  engineer fixed the broken boiler in an hour." is sincere; "Great, still no refund." is not;
- it holds no contrast word of its language (all languages' when the language is unknown):
  "Great food, but the wait was endless" praises one thing and blames another.

A sarcasm emoji (:data:`SARCASM_EMOJI`: 🙃 🙄) after a praise word (the list's, or one of
:data:`EMOJI_PRAISE`: "love", "best", "thanks") marks the praise as mocked by itself: "really
love it. 🙄" and "Best provider ever! Only took them 3 weeks to fix it 🙃" are ironic (no
failure, repeat or fix test); the length and contrast tests still apply.
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.text.complaints import (
    NEGATIONS,
    SENTENCE_BREAK,
    WORD,
    contrast_cue,
    cue_lists,
    longest_first_cue,
    normalise,
    states_failure,
)
from feedback_nlp.text.greetings import without_greeting
from feedback_nlp.text.social import strip_social

#: Words before a ``resolved`` word that deny the fix: the negations of text.complaints and
#: the pronouns "nobody" ("nobody fixed it"; not negations of a failure: "nobody repaired
#: the broken lift" states one).
FIX_DENIALS = NEGATIONS | frozenset(
    fold("nobody noone niemand nadie nessuno ninguém никто nikt nimeni kimse").split()
)
#: Effort cue families (stage "effort") that praise can only mock, at any level.
IRONIC_EFFORT = frozenset({"long_wait", "no_reply", "chasing"})
#: Longer comments say more than one ironic remark, and the model reads them in context.
MAX_WORDS = 25
#: An opening clause of more words is a statement, not an exclamation of praise.
OPENER_WORDS = 3
_OPENER = re.compile(r"\s*([^,!:;.…]+)[,!:;.…]+\s*(\S.*)$", re.DOTALL)
#: Emoji that mark the praise before them as sarcasm: the upside-down face and the eye-roll.
SARCASM_EMOJI = ("\N{UPSIDE-DOWN FACE}", "\N{FACE WITH ROLLING EYES}")
#: Praise besides the ``praise`` list that a sarcasm emoji mocks (cue syntax of the data file).
EMOJI_PRAISE = (
    "lov*", "best", "thank*", "cool", "yay", "danke", "merci", "gracias", "grazie", "obrigad*",
    "bedankt", "dzieki", "спасибо", "multumesc", "tesekkur*", "adoro", "j'adore", "liebe*",
)  # fmt: skip
#: Repeats written with a numeral, in any language, from the second on ("for the 3rd time",
#: "3 times", "zum 3. Mal", "pour la 3e fois", "por 3a vez"; cue syntax of the data file).
NUMBERED_REPEATS = (
    "([2-9]|[1-9][0-9]+)(nd|rd|th|e|eme|er|a|o)? "
    "(time|times|fois|vez|veces|volta|volte|vezes|keer|raz|razy)",
    "([2-9]|[1-9][0-9]+) mal",
    "([2-9]|[1-9][0-9]+)x",
)  # fmt: skip
#: Failures a post states without a verb ("internet down", "wifi dead again").
TERSE_FAILURES = (
    "(internet|wi-?fi|network|broadband|fibre|fiber|connection|signal|service|app|website"
    "|site|server|system|tv|landline|line) (down|dead|offline)",
)


def praise_words(kind: str = "praise") -> dict[str, tuple[str, ...]]:
    """The words per language of one list (``praise``, ``repeated`` or ``resolved``), as
    written."""
    return {lang: lists[kind] for lang, lists in cue_lists("ironic_praise.toml").items()}


@lru_cache(maxsize=3)
def _words(kind: str) -> re.Pattern[str]:
    return longest_first_cue(w for words in praise_words(kind).values() for w in words)


@lru_cache(maxsize=1)
def _extra_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """EMOJI_PRAISE, NUMBERED_REPEATS and TERSE_FAILURES, compiled."""
    praise, numbered, terse = (
        longest_first_cue(c) for c in (EMOJI_PRAISE, NUMBERED_REPEATS, TERSE_FAILURES)
    )
    return praise, numbered, terse


def reports_a_fix(text: str) -> bool:
    """True when `text` says a failure was put right: a ``resolved`` word without a negation
    in the four words before it in its sentence ("fixed", not "never fixed", "no refund")."""
    return _fixed(normalise(text))


def _fixed(folded: str) -> bool:
    """:func:`reports_a_fix` of folded text."""
    for sentence in SENTENCE_BREAK.split(folded):
        for match in _words("resolved").finditer(sentence):
            before = WORD.findall(sentence[: match.start()])[-4:]
            if not any(w in FIX_DENIALS or w.endswith("n't") for w in before):
                return True
    return False


def opens_with_praise(text: str) -> bool:
    """True when `text` opens with a short clause of praise that more text follows."""
    return _praise_opener(normalise(without_greeting(strip_social(text))))


def _praise_opener(folded: str) -> bool:
    """:func:`opens_with_praise` of folded text without social markup."""
    found = _OPENER.match(folded)
    if found is None:
        return False
    words = WORD.findall(found.group(1))
    if not words or len(words) > OPENER_WORDS or any(w in NEGATIONS for w in words):
        return False
    return bool(_words("praise").search(found.group(1)))


def ironic_praise(text: str, lang: str | None = None) -> bool:
    """True when `text` praises ironically (module docstring); `lang` picks the contrast
    words."""
    plain = without_greeting(strip_social(text))  # "Hello, great, another hour on hold"
    folded = normalise(plain)
    mocked = mocked_by_emoji(folded)
    if not mocked and not _praise_opener(folded):  # the cheap tests first: most stop here
        return False
    if len(WORD.findall(plain)) > MAX_WORDS or contrast_cue(lang).search(folded):
        return False
    if mocked:
        return True
    return not _fixed(folded) and (_recurring_failure(plain, folded) or _ironic_effort(plain))


def mocked_by_emoji(text: str) -> bool:
    """True when a praise word comes before a sarcasm emoji in `text` ("really love it. 🙄")."""
    end = max(text.rfind(emoji) for emoji in SARCASM_EMOJI)
    if end < 0:
        return False
    before = normalise(text[:end])
    return bool(_words("praise").search(before) or _extra_cues()[0].search(before))


def _recurring_failure(plain: str, folded: str) -> bool:
    """A failure that recurs or goes on: a ``repeated`` word or a numbered repeat, and a
    failure statement (the complaint cues' or a terse one)."""
    _, numbered, terse = _extra_cues()
    if not (_words("repeated").search(folded) or numbered.search(folded)):
        return False
    return bool(terse.search(folded)) or states_failure(plain)


def _ironic_effort(text: str) -> bool:
    """Effort that praise can only mock: a wait, no answer or a hang-up, chasing, or repeated
    contacts at the effort rules' level "high" (not "I only had to call once", not a quick
    transfer, not staff who "explained everything again")."""
    effort = RuleEffortBackend().predict([text])[0]
    if set(effort.cues) & IRONIC_EFFORT:
        return True
    return effort.level == "high" and "repeat_contact" in effort.cues
