"""Duplicate detection: a row repeats an earlier one when their normalised texts are equal.

Normalisation drops a retweet's prefix ("RT @anna: ", "rt @anna ", "RT: ") and a trailing
"via @anna", so a retweet repeats the post it shares and points to it wherever the export lists
it (the first row of a text that is not a retweet is kept); then it case-folds the text and
drops whitespace and punctuation (Unicode categories P* and Z*), so "Great app!!" and "great
app" match; letters, digits, symbols and emoji are kept. Empty texts (after normalisation) are
never duplicates.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

import pandas as pd

from feedback_nlp.text.social import is_retweet, without_retweet_marks


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
    return without_retweet_marks(text).casefold().translate(_dropped_characters())


def find_duplicates(texts: pd.Series, ids: pd.Series) -> pd.DataFrame:
    """Flag rows whose normalised text another row holds first (or holds as an original).

    Returns `is_duplicate` (boolean) and `duplicate_of` (the id of the row with that text
    that is kept: the first that is not a retweet, else the first; NA for that row and empty
    texts), indexed like `texts`.
    """
    plain = ["" if pd.isna(t) else str(t) for t in texts]
    keys = [normalise_for_duplicates(t) for t in plain]
    originals = original_positions(keys, [is_retweet(t) for t in plain])
    pairs = enumerate(zip(keys, originals, strict=True))
    is_duplicate = [bool(key) and kept != position for position, (key, kept) in pairs]
    id_values = ids.astype("string").to_numpy()
    duplicate_of = [
        id_values[kept] if flagged else pd.NA
        for kept, flagged in zip(originals, is_duplicate, strict=True)
    ]
    return pd.DataFrame(
        {
            "is_duplicate": pd.Series(is_duplicate, index=texts.index, dtype="boolean"),
            "duplicate_of": pd.Series(duplicate_of, index=texts.index, dtype="string"),
        }
    )


def original_positions(keys: list[str], retweets: list[bool]) -> list[int]:
    """Per row, the position of the row its key is kept for: the first row with that key that
    is not a retweet, else the first row with that key."""
    original: dict[str, int] = {}
    for position, key in enumerate(keys):
        kept = original.get(key)
        if kept is None or (retweets[kept] and not retweets[position]):
            original[key] = position
    return [original[key] for key in keys]
