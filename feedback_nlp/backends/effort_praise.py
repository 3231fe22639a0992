"""Praise with no problem beside it ("I've called them several times, always perfect"): a
vague count of contacts in such a comment is a regular customer's, not effort. Used by
:mod:`feedback_nlp.backends.effort_repeats`; the praise words are those of
``data/complaints/ironic_praise.toml``, the problems those of :mod:`feedback_nlp.text.complaints`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.backends import effort_lexicon as lex
from feedback_nlp.backends.effort_negation import found, words
from feedback_nlp.text.complaints import contrast_cue, cue_lists, longest_first_cue, states_failure

_STILL_NOT = words(lex.STILL_NOT)


@lru_cache(maxsize=1)
def _praise() -> re.Pattern[str]:
    """Words of praise of every language of the cue file."""
    lists = cue_lists("ironic_praise.toml").values()
    return longest_first_cue(word for kinds in lists for word in kinds["praise"])


def problem_stated(text: str) -> bool:
    """A service failure, a contrast ("but", "aber") or an issue still open in `text`."""
    return states_failure(text) or bool(contrast_cue().search(text) or _STILL_NOT.search(text))


def praise_only(text: str) -> bool:
    """Praise that is not negated in `text` (normalised) and no problem beside it."""
    return found(_praise(), text) and not problem_stated(text)
