"""Bare complaints: a short comment that states a service failure and nothing else ("Claim
still open after three months.", "Sinistro ancora aperto dopo tre mesi.", "De expert is nooit
komen opdagen."). The sentiment model, reading no judgement word, may take such a statement
for praise; the failure it states makes it a complaint.

A comment is a *bare complaint* when all of these hold:

- it states a service failure (:func:`feedback_nlp.text.complaints.states_failure`);
- it has at most :data:`MAX_WORDS` words (@handles and retweet markers left out): a longer
  comment tells more than the failure, and the model reads it in context;
- it holds no word that judges or feels (the `judging` words of requests.toml, any
  language's words of praise of ironic_praise.toml, positive one-word replies), no emoji or
  emoticon, and no contrast word of its language ("but", "aber", "mais"; all languages'
  when the language is unknown);
- it denies no problem (:func:`feedback_nlp.text.denials.problem_mentions`: "no problem at
  all") and accepts none (the `accepting` words of accepted_failures.toml, not after a
  negation: "no worries", "otherwise smooth", "exactly as described", "kept informed",
  "rebooked at no cost"), nor says what was good in plain words (its `content` words:
  "comfortable seats", "quiet carriage");
- it reports no fix (:func:`feedback_nlp.text.irony.reports_a_fix`: "arrived damaged,
  replaced the next day").
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.text.complaints import (
    NEGATIONS,
    WORD,
    contrast_cue,
    cue_lists,
    longest_first_cue,
    normalise,
    states_failure,
)
from feedback_nlp.text.denials import problem_mentions
from feedback_nlp.text.irony import reports_a_fix
from feedback_nlp.text.requests import judges_or_feels
from feedback_nlp.text.social import strip_social

#: Longer comments tell more than the failure; the model reads them in context.
MAX_WORDS = 12


def bare_complaint(text: str, lang: str | None = None) -> bool:
    """True when `text` only states a service failure (see the module); `lang` picks the
    contrast words."""
    if not isinstance(text, str) or not states_failure(text):
        return False
    plain = strip_social(text)
    folded = normalise(plain)
    if len(WORD.findall(folded)) > MAX_WORDS or judges_or_feels(plain):
        return False
    if problem_mentions(plain)[0] or accepts_failure(folded):
        return False
    return contrast_cue(lang).search(folded) is None and not reports_a_fix(plain)


def accepts_failure(folded: str) -> bool:
    """True when folded `folded` holds an `accepting` word ("no worries", "otherwise") with
    no negation in the two words before it."""
    for match in _accepting().finditer(folded):
        before = WORD.findall(folded[: match.start()])[-2:]
        if not any(w in NEGATIONS or w.endswith("n't") for w in before):
            return True
    return False


@lru_cache(maxsize=1)
def _accepting() -> re.Pattern[str]:
    """Every language's `accepting` and `content` words."""
    lists = cue_lists("accepted_failures.toml")
    kinds = ("accepting", "content")
    return longest_first_cue(w for words in lists.values() for k in kinds for w in words.get(k, ()))
