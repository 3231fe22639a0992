"""Redaction of a column of categories (a segment, a consultant, a store) that keeps its
groups apart.

A carried column whose header says nothing of people may still hold names ("Consultant":
"Dr Patel", "Dr Sousa"). Redacted as free text, both became "Dr <NAME>", and the segments
table and the report merged two groups into one (a clinic probe, stop 52). In a column of
categories a value that redaction leaves as a name alone ("Dr <NAME>", "<NAME>") becomes its
pseudonym instead (``pii-…``, the same in every table): one label per value.

Everything else is redacted in place and stays readable (review of stop 52): a label with more
than a name ("Dr Pepper 330ml" → "Dr <NAME> 330ml", "Please give your MRN <ID> format"), and
every cell of a column of text: the export's `unit_text`, a reject's `reason` and `raw`, a
quote or comment column, or one whose distinct values are mostly sentences
(:func:`is_text_like`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from feedback_nlp.io.nested import strings_mapped
from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.people_titles import TITLES
from feedback_nlp.text.pseudonyms import pseudonym

#: A column is one of categories when its values repeat: on average each filled cell's value
#: stands in at least this many cells ("Dr Patel" in 67 rows; a comment stands in one).
MIN_CELLS_PER_VALUE = 2
#: A segment-like value has at most this many words ("Dr Patel", "Harley St Clinic").
MAX_SEGMENT_WORDS = 4
#: A column is text-like when fewer than this share of its distinct values are segment-like.
MIN_SEGMENT_SHARE = 0.5
#: Columns of text whatever their values: units, a reject's reason and row as read.
_TEXT_COLUMNS = frozenset({"text", "text_clean", "unit_text", "reason", "raw"})
_TEXT_HEADER = re.compile(r"(?i)quote|comment|verbatim|\btext\b|_text$")
#: Punctuation that ends or splits a sentence; a full stop only at the end ("Dr. Patel" keeps
#: its abbreviation).
_SENTENCE_PUNCTUATION = re.compile(r"[!?;:]|\.\s*$")
#: A value that redaction left as a name alone, titles before it allowed ("Dr <NAME>").
_NAME_ALONE = re.compile(
    rf"(?i)^\s*(?:(?:{TITLES})[ \t]*)*{re.escape(PII_PLACEHOLDERS['name'])}[\s.,]*$"
)


def is_category_column(values: pd.Series) -> bool:
    """Whether the text cells of `values` repeat as categories do (`MIN_CELLS_PER_VALUE`)."""
    texts = values[values.map(lambda v: isinstance(v, str) and bool(v.strip()))]
    return len(texts) > 0 and len(texts) >= MIN_CELLS_PER_VALUE * texts.nunique()


def is_segment_like(value: str) -> bool:
    """Whether `value` reads as a label: a few words, no sentence punctuation."""
    return len(value.split()) <= MAX_SEGMENT_WORDS and _SENTENCE_PUNCTUATION.search(value) is None


def is_text_like(name: str, distinct: list[str]) -> bool:
    """Whether a column `name` with `distinct` values holds text rather than labels."""
    if str(name) in _TEXT_COLUMNS or _TEXT_HEADER.search(str(name)):
        return True
    labels = sum(is_segment_like(value) for value in distinct)
    return labels < MIN_SEGMENT_SHARE * len(distinct)


def _pseudonymised(value: str, redacted: str) -> bool:
    """Whether `value`, redacted as `redacted`, is a name alone that needs its pseudonym."""
    return redacted != value and is_segment_like(value) and bool(_NAME_ALONE.match(redacted))


def categories_redacted(values: pd.Series, redact: Callable[[str], str]) -> pd.Series:
    """`values` redacted by `redact`; in a column of categories that is no text
    (:func:`is_category_column`, :func:`is_text_like`) a value left as a name alone becomes
    its pseudonym instead, so no two groups merge."""
    done: dict[str, str] = {}

    def once(text: str) -> str:
        if text not in done:
            done[text] = redact(text)
        return done[text]

    redacted = strings_mapped(values, once)
    renamed = {v: pseudonym(v) for v, r in done.items() if _pseudonymised(v, r)}
    if not renamed or is_text_like(str(values.name), list(done)):
        return redacted
    if not is_category_column(values):
        return redacted
    changed = values.isin(list(renamed))
    out = redacted.astype(object)
    out[changed] = values[changed].map(renamed)
    return out.astype(redacted.dtype)
