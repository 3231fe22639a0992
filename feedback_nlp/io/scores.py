"""Parse score and turn columns without coercing: bad values are reported, not fixed (dates:
`feedback_nlp.io.dates`)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from feedback_nlp.io.cells import NUMBER as _NUMBER
from feedback_nlp.io.cells import is_missing
from feedback_nlp.io.dates import SLASHED_HINT, date_order_note, parse_datetime
from feedback_nlp.io.digits import plain_digits
from feedback_nlp.schema import SCORE_RANGES

#: Scores the readers know beyond the schema's: kept under their own name, validated the same way.
EXTRA_SCORE_RANGES: dict[str, tuple[int, int]] = {"star_rating": (1, 5)}
ALL_SCORE_RANGES: dict[str, tuple[int, int]] = {**SCORE_RANGES, **EXTRA_SCORE_RANGES}

__all__ = [
    "ALL_SCORE_RANGES",
    "EXTRA_SCORE_RANGES",
    "NO_ANSWER",
    "NUMBER_CELL",
    "OUT_OF_WORDS",
    "SLASHED_HINT",
    "date_order_note",
    "drawn_stars",
    "is_missing",
    "parse_datetime",
    "parse_integer",
    "parse_score",
    "score_summary",
    "stated_numbers",
]

_INTEGER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
#: Cells that say "no answer" in a number column: read as missing, not as unreadable numbers.
NO_ANSWER = frozenset({
    "n/a", "na", "#n/a", "-", "–", "—", "null", "none", "nan",
    # a rating offered or not, not given (Zendesk); "don't know" and its kin are no score
    "offered", "unoffered", "not offered", "don't know", "don’t know", "dont know",
    "prefer not to say", "no answer", "not applicable", "weiß nicht", "keine angabe",
    "je ne sais pas", "ne sais pas", "sans avis", "no sé", "ns/nc", "non so", "não sei",
    "nu știu", "не знаю", "weet niet", "nie wiem",
    "not rated",  # LiveChat's chat rating, when the customer gave none
})  # fmt: skip
#: A decimal comma ("4,0" in a semicolon-separated European export): read as a point. Three
#: digits after the comma stay unreadable ("1,000" could be a thousands separator).
_DECIMAL_COMMA = re.compile(r"^([+-]?\d+),(\d{1,2})$")
#: A cell that is a plain number, with a decimal point or comma ("9", "4,5"): header rows and
#: answers to score questions are told from labels and words by it.
NUMBER_CELL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
#: A whole number, then a dash, colon, equals sign or bracket (or a space) and a label with
#: no other number in it ("9 - Very likely"; not "2 - 3", "9 or 10", "2 (was 5)", "9 ½").
_LABELLED = re.compile(r"^([+-]?\d{1,2})\s*(?:[-–—:=(]\s*|\s+)[^\d\s½¼¾][^\d½¼¾]*$")
#: What stands between a number and its scale's top: "9/10", "3 out of 10", "8 von 10".
OUT_OF_WORDS = r"\s*(?:/|out of|of|von|sur|su|de|из)\s*"
#: A number out of a scale's top: "9/10", "4 / 5", "3 out of 10", "8 von 10", "7 sur 10".
_OUT_OF = re.compile(rf"^(\d{{1,2}}){OUT_OF_WORDS}(\d{{1,2}})$", re.IGNORECASE)
#: Star characters of ratings written as stars ("★★★★☆").
_FILLED, _EMPTY = "★⭐✭✮✯🌟", "☆✩"


def parse_integer(
    series: pd.Series,
    name: str,
    value_range: tuple[float, float],
    shown: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Parse an integer column; return (Int64 values, reason per row or NA where fine).
    `shown`: the cells as the file had them, for the reasons (default `series`)."""
    text = plain_digits(series).astype("string").str.strip()
    missing = is_missing(text) | text.str.lower().isin(NO_ANSWER).fillna(False).astype(bool)
    text = text.str.replace(_DECIMAL_COMMA, r"\1.\2", regex=True)
    is_int = text.str.fullmatch(_INTEGER.pattern).fillna(False).astype(bool)
    is_num = text.str.fullmatch(_NUMBER.pattern).fillna(False).astype(bool)
    values = pd.Series(pd.NA, index=series.index, dtype="Int64")
    good = is_int & ~missing
    if good.any():
        values[good] = text[good].astype(float).astype("int64")
    reasons = pd.Series(pd.NA, index=series.index, dtype="string")
    shown = (series if shown is None else shown).astype("string")
    non_numeric = ~missing & ~is_num
    reasons[non_numeric] = f"{name} is not a number: '" + shown[non_numeric] + "'"
    fraction = ~missing & is_num & ~is_int
    reasons[fraction] = f"{name} is not a whole number: '" + shown[fraction] + "'"
    low, high = value_range
    outside = good & ((values < low) | (values > high)).fillna(False).astype(bool)
    reasons[outside] = f"{name} is outside {low:g}-{high:g}: '" + shown[outside] + "'"
    values[outside] = pd.NA
    values[reasons.notna()] = pd.NA
    return values, reasons


def parse_score(
    series: pd.Series, name: str, value_range: tuple[int, int] | None = None
) -> tuple[pd.Series, pd.Series]:
    """Parse a score column with its range: `value_range` (a declared scale,
    `feedback_nlp.score_scales`), else the schema's (nps 0-10, csat 1-5, ces 1-7, star_rating
    1-5).

    Survey tools that export choice texts label the ends of the scale ("10 - Extremely
    likely", "0 = Not at all likely", "9 (Promoter)") and some write scores out of the scale's
    top ("9/10"): the number is read. Words alone ("Very satisfied") are not.
    """
    value_range = value_range or ALL_SCORE_RANGES[name]
    values, reasons = parse_integer(
        stated_numbers(series, value_range[1]), name, value_range, series
    )
    return values, reasons.where(reasons.isna(), _other_scale(series, name, value_range, reasons))


def _other_scale(
    series: pd.Series, name: str, value_range: tuple[int, int], reasons: pd.Series
) -> pd.Series:
    """`reasons`, where a cell is a number out of another scale's top ("4/10" in a 1-5
    column): that conflict, said, the value left out (never rescaled)."""
    text = plain_digits(series).astype("string").str.strip()
    out_of = text.str.extract(_OUT_OF.pattern)
    other = out_of[1].notna() & (out_of[1].astype("Float64") != value_range[1]).fillna(False)
    low, high = value_range
    said = (
        f"{name} is out of another scale ("
        + out_of[0]
        + " out of "
        + out_of[1]
        + f"; the column is {low}-{high}, nothing rescaled): '"
        + series.astype("string")
        + "'"
    )
    return said.where(other.astype(bool), reasons)


def stated_numbers(series: pd.Series, top: float) -> pd.Series:
    """Cells holding a labelled number or a number out of `top` replaced by the number (in
    any script's digits: "٩/١٠" is 9)."""
    if series.dtype != object and not pd.api.types.is_string_dtype(series.dtype):
        return series
    series = plain_digits(series)
    text = series.astype("string").str.strip()
    text = text[text.str.contains(r"[^\d.,+-]", regex=True).fillna(False)]  # not plain numbers
    if text.empty:
        return series
    labelled = text.str.extract(_LABELLED.pattern)[0]
    out_of = text.str.extract(_OUT_OF.pattern)
    of_top = out_of[0].where(out_of[1].astype("Float64") == top)
    stated = labelled.fillna(of_top).fillna(_stars(text, top)).reindex(series.index)
    return series.where(stated.isna(), stated).astype(object)


def _stars(text: pd.Series, top: float) -> pd.Series:
    """The filled stars of cells that are only stars ("★★★★☆", "⭐⭐⭐"), as text; NA
    elsewhere, and where filled and empty stars do not make the scale's top."""
    filled, empty = drawn_stars(text)
    read = filled.notna() & ((empty == 0) | (filled + empty == top)).fillna(False)
    return filled.astype("string").where(read)


def drawn_stars(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(filled, empty) star counts of cells that are only star characters with one filled
    star at least ("★★★★☆": 4, 1); NA elsewhere."""
    only = text.str.fullmatch(f"[{_FILLED}{_EMPTY}\ufe0f\\s]+").fillna(False).astype(bool)
    filled = text.str.count(f"[{_FILLED}]").astype("Int64")
    read = only & (filled > 0).fillna(False)
    empty = text.str.count(f"[{_EMPTY}]").astype("Int64")
    return filled.where(read), empty.where(read)


def score_summary(values: pd.Series) -> dict[str, object]:
    """Count, min and max of a parsed score column (for `ReadResult.info`)."""
    present = values.dropna()
    if present.empty:
        return {"count": 0, "min": None, "max": None}
    return {"count": len(present), "min": int(np.min(present)), "max": int(np.max(present))}
