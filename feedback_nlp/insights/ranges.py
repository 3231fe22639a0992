"""Segment values in their order: numeric columns cut into ranges (money amounts read as
numbers; the ranges saved with a model and reused by its tagging jobs) and period labels
("2025-Q1", "2025-03") in time order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from feedback_nlp.insights.numeric_segments import no_answer, value_segments
from feedback_nlp.io.amounts import read_amounts
from feedback_nlp.outcomes import name_words
from feedback_nlp.segment_columns import SavedRanges

#: A numeric segment column (a tenure in months, an age) with more distinct values than this
#: is cut at quantiles into up to RANGE_BINS ranges (ties keep them apart: at least
#: MIN_RANGES, else it keeps its values); one with fewer keeps its values.
MAX_NUMERIC_SEGMENTS = 12
RANGE_BINS = 5
MIN_RANGES = 3
#: Words of a column name that say its numbers are labels (ids, codes), never cut into ranges.
CODE_WORDS = frozenset(
    {"id", "ids", "code", "codes", "zip", "zipcode", "postcode", "number", "no", "nr", "nbr"}
)
#: Words naming a place or unit of an organisation: a column named by these alone (``Store``,
#: ``Branch``, ``Store Nbr``, ``Store #``, ``site``) numbers its places, so it keeps its values
#: (``store_sales``, ``store_size`` are measures and still cut).
PLACE_WORDS = frozenset(
    {
        "store", "stores", "branch", "branches", "shop", "shops", "location", "locations",
        "site", "sites", "outlet", "outlets", "depot", "depots", "restaurant", "warehouse",
        "clinic", "office", "hotel", "franchise", "dealer", "dealership",
    }
)  # fmt: skip
#: "Number" abbreviated, a code word only beside a place word (``Store Num``; ``num_orders``
#: is a count).
_PLACE_NUMBER_WORDS = frozenset({"num", "nos"})


def names_codes(name: object) -> bool:
    """True for a column name like ``store_id``, ``agentID``, ``zip``, ``postal_code``,
    ``order_number``, ``branch_nr``, ``Store #`` or a place alone (``Store``, ``Branch``,
    ``Shop``, ``Location``, ``site``): its numbers are labels, not amounts to cut into ranges
    (``number_of_orders`` and ``# of visits`` are counts)."""
    if not isinstance(name, str):
        return False
    words = name_words(name) | ({"number"} if "#" in name else set())
    if "of" in words:  # "number of orders", "nbr_of_visits": a count
        words -= {"number", "no", "nr", "nbr"}
    named_place = bool(words) and words <= PLACE_WORDS | CODE_WORDS | _PLACE_NUMBER_WORDS
    return bool(words & CODE_WORDS) or named_place


def numeric_ranges(text: pd.Series, saved: SavedRanges | None = None) -> pd.Series | None:
    """Each value's range ("0-6", "7-12", …: up to RANGE_BINS bins cut at quantiles, ties kept
    in one bin) when every value is a finite number or amount (`range_numbers`: "$48,000"),
    none zero-padded ("01000": a code), and there are more than MAX_NUMERIC_SEGMENTS distinct
    ones; None otherwise (the values are segments as they are), and also when fewer than 3
    bins survive the ties or two bins' labels would read the same. A cell saying no answer
    ("n/a", "-") is in no range. `saved` (the analysis's cut, kept in segments.json): the
    values are cut as the analysis cut them (`attrs["saved"]` holds a new cut)."""
    numbers = range_numbers(text)
    if numbers is None or text.str.match(r"^[+-]?0\d").any():
        return None
    if saved is not None:
        return _marked(_saved_cut(numbers, saved), saved)
    if numbers.nunique() <= MAX_NUMERIC_SEGMENTS:
        return None
    edges = np.unique(np.quantile(numbers, np.linspace(0, 1, RANGE_BINS + 1)))
    bins = pd.Series(pd.cut(numbers, edges, labels=False, include_lowest=True), numbers.index)
    labels = _bin_labels(numbers, bins, edges)
    if len(labels) < MIN_RANGES or len(set(labels.values())) < len(labels):
        return None
    every = [  # an empty bin (ties) is named by its edges
        labels.get(i) or _range_label(edges[i], edges[i + 1], _decimals(edges))
        for i in range(len(edges) - 1)
    ]
    cut = SavedRanges(tuple(float(e) for e in edges), tuple(every))
    return _marked(bins.map(labels).astype("string"), cut)


def numeric_segments(text: pd.Series, saved: SavedRanges | None = None) -> pd.Series | None:
    """The segments of a numeric column: its ranges (`numeric_ranges`), or, with at most
    MAX_NUMERIC_SEGMENTS distinct numbers, one segment per number however written
    (`value_segments`: "$0" and "0" together, "2.0" as "2", in value order); None for a column
    of text or of zero-padded codes. A cell saying no answer is in no segment (NA)."""
    ranges = numeric_ranges(text, saved)
    if ranges is not None:
        return ranges
    numbers = range_numbers(text)
    if numbers is None or text.str.match(r"^[+-]?0\d").any():
        return None
    if numbers.nunique() > MAX_NUMERIC_SEGMENTS:
        return None
    return value_segments(text, numbers).reindex(text.index)


#: A money amount whose one separator is followed by three digits ("$48,000", "48.000 €"):
#: thousands (an amount has no third decimal); `io.amounts` alone calls "$48,000" ambiguous.
_THOUSANDS = re.compile(r"^(?=.*[^\d\s.,'’+-])([^.,]*\d)[.,](\d{3}[^\d.,]*)$")


def range_numbers(text: pd.Series) -> pd.Series | None:
    """The cells of `text` that answer (not `no_answer`: "n/a", "-", "n.v.t.") as numbers,
    read as plain numbers or as money amounts (`io.amounts`: "$48,000", "48 000 €",
    "CHF 1'200"); None unless every one is a finite number."""
    answered = text[~no_answer(text)]
    numbers = pd.to_numeric(answered, errors="coerce")
    if numbers.isna().any():
        amounts, _ = read_amounts(answered.str.replace(_THOUSANDS, r"\1\2", regex=True))
        numbers = amounts.where(amounts.notna(), numbers)  # as outcomes read amounts
    if not len(numbers) or not np.isfinite(numbers.to_numpy(dtype=float)).all():
        return None
    return numbers.astype(float)


def _marked(ranges: pd.Series, cut: SavedRanges) -> pd.Series:
    ranges.attrs["ranges"] = True  # read by the report's breakdown (its order and caption)
    ranges.attrs["saved"] = cut  # kept in segments.json: a tagging job's report cuts the same
    return ranges


def _saved_cut(numbers: pd.Series, saved: SavedRanges) -> pd.Series:
    """`numbers` in the ranges of `saved`; a number below or above them is in the first or
    last range, whose label then says so ("≤ 30000", "≥ 580001")."""
    edges, labels = np.asarray(saved.edges), list(saved.labels)
    inside = numbers.clip(edges[0], edges[-1])
    bins = pd.Series(pd.cut(inside, edges, labels=False, include_lowest=True), numbers.index)
    if (numbers < edges[0]).any():
        labels[0] = "≤ " + _label_ends(labels[0])[1]
    if (numbers > edges[-1]).any():
        labels[-1] = "≥ " + _label_ends(labels[-1])[0]
    return bins.map(dict(enumerate(labels))).astype("string")


def _label_ends(label: str) -> tuple[str, str]:
    """The first and last number of a `_range_label` ("7-12": "7", "12")."""
    match = re.fullmatch(r"(-?[\d.]+)(?:-| to )(-?[\d.]+)", label)
    return (match[1], match[2]) if match else (label, label)


def _bin_labels(numbers: pd.Series, bins: pd.Series, edges: np.ndarray) -> dict[int, str]:
    """Each non-empty bin's label, with as many decimals as the narrowest bin needs."""
    whole = bool((numbers == numbers.round()).all())
    decimals = _decimals(edges)
    labels = {}
    for position, part in numbers.groupby(bins):
        low, high = part.min(), part.max()  # whole numbers: contiguous ranges, cut at edges
        if whole:
            low = low if position == 0 else np.floor(edges[int(position)]) + 1
            high = np.floor(edges[int(position) + 1])
        labels[int(position)] = _range_label(low, high, decimals)
    return labels


def _decimals(edges: np.ndarray) -> int:
    """Decimals that tell the narrowest bin's ends apart: 2, or more for tiny bins."""
    width = float(np.diff(edges).min())
    return max(2, int(np.ceil(-np.log10(width))) + 1) if width > 0 else 2


def _range_label(low: float, high: float, decimals: int = 2) -> str:
    """'7-12' ('-5 to 3' below zero, '12' for one value)."""
    shown = [np.format_float_positional(v, precision=decimals, trim="-") for v in (low, high)]
    if low == high:
        return shown[0]
    return " to ".join(shown) if low < 0 else "-".join(shown)


def range_start(label: str) -> float:
    """Where a `numeric_ranges` label starts (-inf for "≤ 30000", inf for another label):
    sorts ranges in order."""
    if label.startswith("≤ "):
        return float("-inf")
    match = re.match(r"(?:≥ )?(-?\d+(?:\.\d+)?)", label)
    return float(match[1]) if match else float("inf")


#: A period label: a year, a quarter ("2025-Q1"), an ISO week ("2025-W07"), a month
#: ("2025-03") or a day; a pandas week ("2026-03-02/2026-03-08") is read by its first day.
PERIOD_LABEL = re.compile(
    r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|W(?P<week>\d{1,2})|(?P<month>\d{1,2})"
    r"(?:-(?P<day>\d{1,2}))?))?(?:/\d{4}-\d{2}-\d{2})?$"
)


def period_start(label: str) -> pd.Timestamp | None:
    """The first day of a period label (PERIOD_LABEL), or None for any other value."""
    match = PERIOD_LABEL.match(label.strip())
    if match is None:
        return None
    year, parts = int(match["year"]), match.groupdict()
    try:
        if parts["week"]:
            return pd.Timestamp(date.fromisocalendar(year, int(parts["week"]), 1))
        month = 3 * int(parts["quarter"]) - 2 if parts["quarter"] else int(parts["month"] or 1)
        return pd.Timestamp(year, month, int(parts["day"] or 1))
    except ValueError:  # "2025-13", "2025-W60": not a period
        return None


def chronological(values: Iterable[str]) -> list[str] | None:
    """`values` earliest first (a year before its quarters, a quarter before its months)
    when every one is a period label; None otherwise (they keep their order)."""
    values = list(values)
    starts = [period_start(str(v)) for v in values]
    if not values or any(start is None for start in starts):
        return None
    ranked = sorted(zip(starts, [len(str(v)) for v in values], values, strict=True))
    return [value for _, _, value in ranked]
