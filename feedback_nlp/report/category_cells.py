"""Redaction of a column of categories (a segment, a consultant, a store) that keeps its
groups apart.

A carried column whose header says nothing of people may still hold names ("Consultant":
"Dr Patel", "Dr Sousa"). Redacted as free text, both became "Dr <NAME>", and the segments
table and the report merged two groups into one (a clinic probe, stop 52). In a column of
categories a value that redaction changes becomes its pseudonym instead (``pii-…``, the same
in every table): one label per value, none of it readable.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from feedback_nlp.io.nested import strings_mapped
from feedback_nlp.text.pseudonyms import pseudonym

#: A column is one of categories when its values repeat: on average each filled cell's value
#: stands in at least this many cells ("Dr Patel" in 67 rows; a comment stands in one).
MIN_CELLS_PER_VALUE = 2


def is_category_column(values: pd.Series) -> bool:
    """Whether the text cells of `values` repeat as categories do (`MIN_CELLS_PER_VALUE`)."""
    texts = values[values.map(lambda v: isinstance(v, str) and bool(v.strip()))]
    return len(texts) > 0 and len(texts) >= MIN_CELLS_PER_VALUE * texts.nunique()


def categories_redacted(values: pd.Series, redact: Callable[[str], str]) -> pd.Series:
    """`values` redacted by `redact`, each value it changes as that value's pseudonym when
    the column holds categories (:func:`is_category_column`), so no two groups merge."""
    done: dict[str, str] = {}

    def once(text: str) -> str:
        if text not in done:
            done[text] = redact(text)
        return done[text]

    redacted = strings_mapped(values, once)
    if not is_category_column(values):
        return redacted
    changed = values.map(lambda v: isinstance(v, str) and once(v) != v).astype(bool)
    if not changed.any():
        return redacted
    out = redacted.astype(object)
    out[changed] = values[changed].map(pseudonym)
    return out.astype(redacted.dtype)
