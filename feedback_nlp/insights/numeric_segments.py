"""A numeric segment column of few values (a 1-5 rating, a handful of plan prices): one
segment per number, whichever way a cell writes it ("0" and "$0", "12000" and "$12,000",
"2" and "2.0"), listed in value order, and a cell saying no answer ("n/a", "n.v.t.", "k.A.",
"s/o") in no segment, as the score readers read it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.io.scores import NO_ANSWER
from feedback_nlp.text.replies import undotted

#: No answer in a numeric column, beside the score readers' NO_ANSWER: forms' abbreviations
#: for "not applicable" read without their dots ("n.v.t." and "nvt", "k.A.", "s/o").
SEGMENT_NO_ANSWER = NO_ANSWER | frozenset({"nvt", "ka", "s/o"})


def no_answer(text: pd.Series) -> pd.Series:
    """Whether each cell of `text` says no answer (SEGMENT_NO_ANSWER, dotted or not)."""
    folded = text.astype("string").str.strip().map(undotted, na_action="ignore").str.lower()
    return folded.isin(SEGMENT_NO_ANSWER).fillna(False).astype(bool)


def number_label(value: float) -> str:
    """A number as a segment's label: '2' for 2.0, '2.5', '12000'."""
    if float(value).is_integer():
        return str(int(value))
    return np.format_float_positional(float(value), trim="-")


def value_segments(text: pd.Series, numbers: pd.Series) -> pd.Series:
    """Each answering cell's segment: its number (`numbers`, read from `text`), labelled by
    the most frequent spelling that writes it as an amount ("$12,000") if any cell does,
    else as a plain number ('2' for "2.0"). ``attrs["order"]`` lists the labels by value."""
    plain = pd.to_numeric(text[numbers.index], errors="coerce").notna()
    labels = {}
    for value, cells in text[numbers.index].groupby(numbers):
        written = cells[~plain[cells.index]]
        labels[value] = written.value_counts().index[0] if len(written) else number_label(value)
    segments = numbers.map(labels).astype("string")
    segments.attrs["order"] = [labels[value] for value in sorted(labels)]
    return segments
