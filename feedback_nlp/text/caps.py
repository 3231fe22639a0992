"""Comments written all in capitals, read by the encoder in sentence case.

The encoder's vocabulary is cased, and shouting changes its reading: a German praise read
positive (0.88) was neutral (0.27) in capitals; the project's challenge set in capitals scored
a sentiment macro-F1 of 0.65 instead of 0.86, 0.85 when folded. Only a text with no lower-case
letter and three words or more of capitals is folded (an uncased script such as Arabic has no
capitals and stays); placeholders (``<NAME>``, ``<ID>``) keep their case, also at a sentence's
start, and a text with a dotted capital İ is folded the Turkish way (İ→i, I→ı).
:func:`encoder_text` is the text the encoder reads, for the embed stage and the heads alike.
"""

from __future__ import annotations

import re

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.social import social_for_encoder

_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_START = re.compile(r"(^|[.!?…]\s+|\n)([^\w<]*)(\w)")
_PLACEHOLDER = re.compile(
    "(" + "|".join(re.escape(p) for p in PII_PLACEHOLDERS.values() if p.startswith("<")) + ")"
)
_TURKISH_LOWER = str.maketrans({"İ": "i", "I": "ı"})
_TURKISH_UPPER = str.maketrans({"i": "İ", "ı": "I"})


def all_caps(text: str) -> bool:
    """No lower-case letter and at least three words of capital letters."""
    if any(c.islower() for c in text):
        return False
    return sum(word.isupper() for word in _LETTER_WORD.findall(text)) >= 3


def _lowered(text: str, turkish: bool) -> str:
    """`text` in lower case but its placeholders (Turkish dotted and dotless i kept apart)."""
    pieces = _PLACEHOLDER.split(text)  # odd positions: the placeholders
    return "".join(
        piece if k % 2 else (piece.translate(_TURKISH_LOWER) if turkish else piece).lower()
        for k, piece in enumerate(pieces)
    )


def _capital(letter: str, turkish: bool) -> str:
    return (letter.translate(_TURKISH_UPPER) if turkish else letter).upper()


def caps_folded(text: str) -> str:
    """`text` in sentence case when it is written all in capitals (`all_caps`); else as is.
    A sentence that opens with a placeholder keeps it whole ("<NAME> was kind")."""
    if not all_caps(text):
        return text
    turkish = "İ" in text
    return _SENTENCE_START.sub(
        lambda m: m[1] + m[2] + _capital(m[3], turkish), _lowered(text, turkish)
    )


def encoder_text(text: str, social: bool = True) -> str:
    """`text` as the encoder reads it: folded from capitals (`caps_folded`) and, with
    `social`, its @handles, web addresses and retweet marks as the encoder expects them
    (:func:`feedback_nlp.text.social.social_for_encoder`)."""
    folded = caps_folded(text)
    return social_for_encoder(folded) if social else folded
