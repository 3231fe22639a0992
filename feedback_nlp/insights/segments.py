"""Every metric by segment (channel, touchpoint, language, theme, emotion, period, …)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from feedback_nlp.insights.core import commented, negative_flags, row_themes, theme_labels
from feedback_nlp.insights.impact import period_of
from feedback_nlp.intervals import wilson_interval
from feedback_nlp.io.amounts import read_amounts
from feedback_nlp.io.scores import NO_ANSWER
from feedback_nlp.outcomes import OutcomeSpec, name_words
from feedback_nlp.schema import lists_of
from feedback_nlp.scores import (
    CONFIDENCE,
    METRIC_COLUMNS,
    SMALL_N,
    ScoreScales,
    check_scores,
    in_time_order,
    metrics_of_units,
    unit_ids,
)
from feedback_nlp.segment_columns import SavedRanges, column_hint

#: A numeric segment column (a tenure in months, an age) with more distinct values than this
#: is cut at quantiles into up to RANGE_BINS ranges (ties keep them apart: at least
#: MIN_RANGES, else it keeps its values); one with fewer keeps its values.
MAX_NUMERIC_SEGMENTS = 12
RANGE_BINS = 5
MIN_RANGES = 3
#: Words of a column name that say its numbers are labels (ids, codes), never cut into ranges.
CODE_WORDS = frozenset(
    {"id", "ids", "code", "codes", "zip", "zipcode", "postcode", "number", "no", "nr"}
)
#: Segment dimensions tried by default, in this order; missing columns are skipped.
DEFAULT_SEGMENTS = (
    "channel",
    "touchpoint",
    "journey_stage",
    "lang",
    "themes",
    "emotion",
    "sentiment",
    "effort",
    "period",
)
MULTI_VALUED = ("emotion",)
#: Dimensions read from the comment's text whose segments hold comments only: a row without
#: one (a score only) has no language, not an "Undetermined" one, and no sentiment, emotion or
#: effort (the stages call empty text "neutral", "none": a probe's "neutral" segment held 533
#: scores beside 333 comments).
TEXT_DIMENSIONS = ("lang", "sentiment", "emotion", "effort")
#: Tried by default only where the column is there, unnoted otherwise (`question`: the open
#: question a comment answers, in surveys asking several; `io.answers`).
PRESENT_SEGMENTS = ("question",)


def segment_values(
    table: pd.DataFrame,
    dimension: str,
    *,
    theme_column: str = "themes",
    period: str = "M",
    saved: SavedRanges | None = None,
) -> pd.Series:
    """Each row's values of `dimension` as a list (a comment counts in each of its themes; a
    row without a comment is in no segment of a TEXT_DIMENSIONS dimension; `saved`: the
    ranges the analysis cut a numeric column into)."""
    if dimension == "period":
        return lists_of(period_of(table, period), lambda v: [] if pd.isna(v) else [v])
    if dimension == theme_column:
        return row_themes(table, theme_column)
    column = table[dimension]
    if dimension in TEXT_DIMENSIONS:
        column = column.astype("string").where(commented(table))
    if dimension in MULTI_VALUED:
        return lists_of(column)
    labels = segment_labels(column, saved).reindex(table.index)
    return lists_of(labels, lambda v: [] if pd.isna(v) else [str(v)])


def segment_labels(column: pd.Series, saved: SavedRanges | None = None) -> pd.Series:
    """The segment of each row that has one, as text without surrounding spaces; rows whose
    value is missing or blank are left out (they are in no segment). A numeric column of more
    than MAX_NUMERIC_SEGMENTS values is cut into ranges (`numeric_ranges`), unless its name
    says it holds ids or codes (`names_codes`); with `saved`, into the analysis's ranges.
    People's names are pseudonymised (`person_pseudonyms`)."""
    text = column.astype("string").str.strip()
    text = person_pseudonyms(text[text.notna() & text.ne("")])
    ranges = None if names_codes(column.name) else numeric_ranges(text, saved)
    return text if ranges is None else ranges


def person_pseudonyms(text: pd.Series) -> pd.Series:
    """`text` with each name as its pseudonym (``pii-…``, `text.pseudonyms`) when its column
    holds people's names (`report.person_columns`: an agent's, a customer's), else as it is:
    each agent stays a segment of their own, and no name leaves in a table of segments."""
    from feedback_nlp.report.person_columns import is_name_column, role_column_holds_names
    from feedback_nlp.schema import PII_PLACEHOLDERS
    from feedback_nlp.text.pseudonyms import is_pseudonym, pseudonym

    if not (is_name_column(text.name) or role_column_holds_names(text.name, text)):
        return text
    kept = text.isin(list(PII_PLACEHOLDERS.values())) | text.map(is_pseudonym).astype(bool)
    return text.where(kept, text.map(pseudonym)).astype("string")  # every name: "李伟" too


def names_codes(name: object) -> bool:
    """True for a column name like ``store_id``, ``agentID``, ``zip``, ``postal_code``,
    ``order_number`` or ``branch_nr``: its numbers are labels, not amounts to cut into ranges
    (``number_of_orders`` is a count)."""
    words = name_words(str(name)) if isinstance(name, str) else set()
    if "of" in words:
        words -= {"number", "no", "nr"}
    return bool(words & CODE_WORDS)


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


#: A money amount whose one separator is followed by three digits ("$48,000", "48.000 €"):
#: thousands (an amount has no third decimal); `io.amounts` alone calls "$48,000" ambiguous.
_THOUSANDS = re.compile(r"^(?=.*[^\d\s.,'’+-])([^.,]*\d)[.,](\d{3}[^\d.,]*)$")


def range_numbers(text: pd.Series) -> pd.Series | None:
    """The cells of `text` that answer (not NO_ANSWER: "n/a", "-") as numbers, read as plain
    numbers or as money amounts (`io.amounts`: "$48,000", "48 000 €", "CHF 1'200"); None
    unless every one is a finite number."""
    answered = text[~text.str.lower().isin(NO_ANSWER)]
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


def segment_ranges(table: pd.DataFrame, columns: Iterable[str]) -> dict[str, SavedRanges]:
    """The ranges each of `columns` is cut into (`numeric_ranges`), to keep in segments.json."""
    cuts = {c: segment_labels(table[c]).attrs.get("saved") for c in columns if c in table}
    return {column: cut for column, cut in cuts.items() if cut is not None}


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


def segment_metrics(
    table: pd.DataFrame,
    by: Iterable[str] | None = None,
    *,
    theme_column: str = "themes",
    period: str = "M",
    unit: str = "auto",
    min_n: int = SMALL_N,
    labels: Mapping[int | str, str] | None = None,
    scales: ScoreScales | None = None,
    confidence: float = CONFIDENCE,
    also: Iterable[str] = (),
    outcomes: Sequence[OutcomeSpec] = (),
    ranges: Mapping[str, SavedRanges] | None = None,
) -> pd.DataFrame:
    """Tidy table: one row per (dimension, segment, metric) with value, n and CI.

    Metrics are the score metrics present (each unit counted once per segment) plus the text
    metrics ``comments`` and ``negative_share`` (when `sentiment` is present), and each
    declared outcome's headline (`outcome_metrics`: a rate or a mean; the mean star rating
    per app version). ``small_n``
    marks rows with n < `min_n`. Dimensions whose column is missing are skipped and named in
    ``attrs["skipped"]``. `by` defaults to DEFAULT_SEGMENTS and the PRESENT_SEGMENTS the
    table has; `also` adds dimensions (carried columns: a region, a plan) to `by`. `ranges`:
    the analysis's cut of its numeric columns (segments.json), reused by a tagging job.
    """
    requested = (
        list(by)
        if by is not None
        else [_default(d, theme_column) for d in DEFAULT_SEGMENTS]
        + [d for d in PRESENT_SEGMENTS if d in table.columns]
    )
    requested = list(dict.fromkeys([*requested, *also]))  # `also`: carried columns to add
    scores = check_scores(table, scales)
    frames, skipped = [], []
    asked = set(also)  # carried columns the caller named: a typo gets a hint
    per_row = _per_row(table, scores, unit)  # the same for every dimension: made once
    for dimension in requested:
        needed = "created_at" if dimension == "period" else dimension
        if needed not in table.columns:
            columns = [str(c) for c in table.columns]
            hint = column_hint(needed, columns) if dimension in asked else ""
            skipped.append(f"segment '{dimension}' skipped: no '{needed}' column{hint}")
            continue
        saved = (ranges or {}).get(dimension)
        values = segment_values(
            table, dimension, theme_column=theme_column, period=period, saved=saved
        )
        blank = int(values.map(len).eq(0).sum())
        if blank and dimension in asked:  # a carried column: say who is in no segment
            skipped.append(f"segment '{dimension}': {blank:,} row(s) with no value are in none")
        frames.append(_dimension(per_row, dimension, values, scores, scales, confidence))
        if outcomes:
            frames.append(_outcome_rows(table, dimension, values, outcomes, unit, confidence))
    result = pd.concat(frames, ignore_index=True) if frames else _empty()
    if labels is not None or "topic_label" in table.columns:
        names = theme_labels(table, labels)
        is_theme = result["dimension"] == theme_column
        result.loc[is_theme, "segment_label"] = result.loc[is_theme, "segment"].map(
            lambda t: names.get(t, t)
        )
    result["small_n"] = result["n"] < min_n
    result.attrs["skipped"] = skipped
    return result


def _default(dimension: str, theme_column: str) -> str:
    return theme_column if dimension == "themes" else dimension


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=["dimension", "segment", "segment_label", *METRIC_COLUMNS])


def _per_row(table: pd.DataFrame, scores: list[str], unit: str) -> pd.DataFrame:
    """Each row's scores, unit, negative flag and whether it holds a comment, in time order
    (a unit's last score is its latest)."""
    frame = table[scores].assign(
        unit_id=unit_ids(table, unit), negative=negative_flags(table), commented=commented(table)
    )
    return in_time_order(frame, table.get("created_at"))


def _dimension(
    per_row: pd.DataFrame,
    dimension: str,
    values: pd.Series,
    scores: list[str],
    scales: ScoreScales | None,
    confidence: float,
) -> pd.DataFrame:
    frame = per_row.assign(segment=values).explode("segment").dropna(subset=["segment"])
    rows = []
    parts = dict(list(frame.groupby("segment", sort=True)))
    for segment in chronological(parts) or parts:  # periods in time order
        part = parts[segment]
        per_unit = part.groupby("unit_id")[scores].last()
        metrics = metrics_of_units(per_unit, scales, confidence) + _text_metrics(part, confidence)
        rows += [{"dimension": dimension, "segment": segment, **m} for m in metrics]
    result = pd.DataFrame(rows, columns=["dimension", "segment", *METRIC_COLUMNS])
    result.insert(2, "segment_label", result["segment"])
    return result


def _outcome_rows(
    table: pd.DataFrame,
    dimension: str,
    values: pd.Series,
    outcomes: Sequence[OutcomeSpec],
    unit: str,
    confidence: float,
) -> pd.DataFrame:
    """Each declared outcome's headline metric within each segment of `dimension`, its units
    counted as in the whole `table` (a respondent's every answer where the table shows
    repeated answers, a customer-level outcome's customers)."""
    from feedback_nlp.insights.outcome_metrics import outcome_metrics, outcome_unit

    rows = []
    counted_by = [(spec, outcome_unit(table, spec, unit)) for spec in outcomes]
    flat = values.reset_index(drop=True).explode().dropna()  # row position -> each segment
    for segment, positions in flat.groupby(flat, sort=True).groups.items():
        part = table.iloc[sorted(set(positions))]
        for spec, spec_unit in counted_by:
            metrics = outcome_metrics(part, [spec], spec_unit, confidence)
            rows += [
                {"dimension": dimension, "segment": segment, **m}
                for m in metrics.to_dict("records")
            ]
    result = pd.DataFrame(rows, columns=["dimension", "segment", *METRIC_COLUMNS])
    result.insert(2, "segment_label", result["segment"])
    return result


def _text_metrics(part: pd.DataFrame, confidence: float) -> list[dict]:
    comments = int(part["commented"].sum())  # rows with a comment, not score-only rows
    rows = [
        {
            "metric": "comments",
            "value": float(comments),
            "n": comments,
            "ci_low": np.nan,
            "ci_high": np.nan,
            "ci_method": "",
        }
    ]
    negative = part["negative"].dropna()
    if len(negative):
        hits = int(negative.sum())
        low, high = wilson_interval(hits, len(negative), confidence)
        rows.append(
            {
                "metric": "negative_share",
                "value": 100 * hits / len(negative),
                "n": len(negative),
                "ci_low": 100 * low,
                "ci_high": 100 * high,
                "ci_method": "Wilson",
            }
        )
    return rows
