"""Number cells written with other digits or invisible marks, made plain before parsing."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from feedback_nlp.text.clean import INVISIBLE_MARKS

#: Any decimal digit of any script ("٩", "९", "９"): Python's `\d` matches them all.
_ANY_DIGIT = re.compile(r"\d")
_NON_ASCII = r"[^\x00-\x7f]"


def plain_digits(series: pd.Series) -> pd.Series:
    """`series` with its text cells' digits in ASCII ("٩/١٠" and "９/１０" become "9/10"),
    full-width signs folded (NFKC) and the invisible marks text clean-up strips (a bidi
    mark before "٩") taken out; other cells and non-text columns are returned unchanged."""
    if series.dtype != object and not pd.api.types.is_string_dtype(series.dtype):
        return series
    text = series.astype("string")
    foreign = text.str.contains(_NON_ASCII, regex=True).fillna(False).astype(bool)
    if not foreign.any():
        return series
    plain = series.astype(object).copy()
    plain[foreign] = text[foreign].map(plain_number_text)
    return plain


def plain_number_text(cell: str) -> str:
    """One cell as `plain_digits` makes it."""
    folded = unicodedata.normalize("NFKC", cell.translate(INVISIBLE_MARKS))
    return _ANY_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group())), folded)
