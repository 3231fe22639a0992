"""Duplicate detection: a row repeats an earlier one when their normalised texts are equal.

Normalisation case-folds the text and drops whitespace and punctuation (Unicode categories P*
and Z*), so "Great app!!" and "great app" match; letters, digits, symbols and emoji are kept.
Empty texts (after normalisation) are never duplicates.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import pandas as pd


@cache
def _dropped_characters() -> dict[int, None]:
    """Translation table deleting punctuation and whitespace (built once, on first use)."""
    return {
        code: None
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code))[0] in "PZ" or chr(code).isspace()
    }


def normalise_for_duplicates(text: str) -> str:
    """The key two texts share when they count as duplicates."""
    return text.casefold().translate(_dropped_characters())


def find_duplicates(texts: pd.Series, ids: pd.Series) -> pd.DataFrame:
    """Flag rows whose normalised text appeared in an earlier row.

    Returns `is_duplicate` (boolean) and `duplicate_of` (the id of the first row with that
    text, NA for first occurrences and empty texts), indexed like `texts`.
    """
    keys = pd.Series(
        [normalise_for_duplicates("" if pd.isna(t) else str(t)) for t in texts],
        index=texts.index,
        dtype="string",
    )
    has_text = keys.str.len() > 0
    is_duplicate = (keys.duplicated(keep="first") & has_text).astype("boolean")
    first_id = ids.astype("string").groupby(keys.to_numpy(), sort=False).transform("first")
    duplicate_of = first_id.where(is_duplicate.to_numpy(), pd.NA).astype("string")
    return pd.DataFrame({"is_duplicate": is_duplicate, "duplicate_of": duplicate_of})
