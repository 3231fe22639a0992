"""Sentences of a comment for the effort cues: split at "." "!" "?" ";" and line breaks, not at
the point between two digits of an amount or a duration ("£1,250.00", "EUR 1.250,00", "1.5
hours"), so that "waiting for my payout of £1,250.00 for six weeks" stays one sentence."""

from __future__ import annotations

import re

#: A run of sentence ends; a point with a digit on both sides is part of a number.
SENTENCE_END = re.compile(r"(?:[!?;\n]|(?<!\d)\.|\.(?!\d))+")


def sentences(text: str) -> list[str]:
    """The sentences of `text` (a number's decimal or thousands point splits nothing)."""
    return SENTENCE_END.split(text)
