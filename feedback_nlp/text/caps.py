"""Comments written all in capitals, read by the encoder in sentence case.

The encoder's vocabulary is cased, and shouting changes its reading: a German praise read
positive (0.88) was neutral (0.27) in capitals; the project's challenge set in capitals scored
a sentiment macro-F1 of 0.65 instead of 0.86, 0.85 when folded. Only a text with no lower-case
letter and three words or more of capitals is folded (an uncased script such as Arabic has no
capitals and stays); placeholders (``<NAME>``, ``<ID>``) keep their case.
"""

from __future__ import annotations

import re

from feedback_nlp.schema import PII_PLACEHOLDERS

_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_START = re.compile(r"(^|[.!?…]\s+|\n)(\W*)(\w)")
_PLACEHOLDERS = {p.lower(): p for p in PII_PLACEHOLDERS.values()}
_LOWERED_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in _PLACEHOLDERS))


def all_caps(text: str) -> bool:
    """No lower-case letter and at least three words of capital letters."""
    if any(c.islower() for c in text):
        return False
    return sum(word.isupper() for word in _LETTER_WORD.findall(text)) >= 3


def caps_folded(text: str) -> str:
    """`text` in sentence case when it is written all in capitals (`all_caps`); else as is."""
    if not all_caps(text):
        return text
    lowered = _SENTENCE_START.sub(lambda m: m[1] + m[2] + m[3].upper(), text.lower())
    return _LOWERED_PLACEHOLDER.sub(lambda m: _PLACEHOLDERS[m[0]], lowered)
