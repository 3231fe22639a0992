"""Every metric by segment (channel, touchpoint, language, theme, emotion, period, …)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from feedback_nlp.insights.core import commented, negative_flags, row_themes, theme_labels
from feedback_nlp.insights.impact import period_of
from feedback_nlp.insights.ranges import (
    chronological,
    names_codes,
    numeric_segments,
)
from feedback_nlp.insights.segment_privacy import group_sizes, suppress_small_groups
from feedback_nlp.intervals import wilson_interval
from feedback_nlp.outcomes import OutcomeSpec
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
    than MAX_NUMERIC_SEGMENTS values is cut into ranges (`numeric_ranges`), one of fewer has a
    segment per number in value order (a rating: "2" and "2.0" one segment, ``attrs["order"]``),
    a cell saying no answer ("n/a", "n.v.t.") in none, unless its name says it holds ids or
    codes (`names_codes`); with `saved`, into the analysis's ranges. People's names are
    pseudonymised (`person_pseudonyms`)."""
    text = column.astype("string").str.strip()
    text = person_pseudonyms(text[text.notna() & text.ne("")])
    numeric = None if names_codes(column.name) else numeric_segments(text, saved)
    if numeric is None:
        return text
    answered = numeric.dropna()
    answered.attrs = dict(numeric.attrs)
    return answered


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


def segment_ranges(table: pd.DataFrame, columns: Iterable[str]) -> dict[str, SavedRanges]:
    """The ranges each of `columns` is cut into (`numeric_ranges`), to keep in segments.json."""
    cuts = {c: segment_labels(table[c]).attrs.get("saved") for c in columns if c in table}
    return {column: cut for column, cut in cuts.items() if cut is not None}


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
    min_group_size: int = 0,
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
    `min_group_size` (0: off; 5 for an employee survey): a segment of fewer units has its
    values blanked, ``suppressed`` and ``suppressed_reason`` saying so, as has the next
    smallest one where subtraction would give it away (`segment_privacy`).
    """
    requested = (
        list(by)
        if by is not None
        else [_default(d, theme_column) for d in DEFAULT_SEGMENTS]
        + [d for d in PRESENT_SEGMENTS if d in table.columns]
    )
    requested = list(dict.fromkeys([*requested, *also]))  # `also`: carried columns to add
    scores = check_scores(table, scales)
    frames, skipped, sizes, additive = [], [], {}, {}
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
        if min_group_size > 0:  # the units per segment, only where groups may be hidden
            sizes[dimension] = group_sizes(per_row["unit_id"], values)
            additive[dimension] = bool(values.map(len).le(1).all())  # each row in one segment
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
    if min_group_size > 0:
        result = suppress_small_groups(result, sizes, min_group_size, additive)
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
    repeated answers, a customer-level outcome's customers), a mean's range within the
    values the outcome takes in `table` (`outcome_bounds`)."""
    from feedback_nlp.insights.outcome_bounds import observed_bounds, within_bounds
    from feedback_nlp.insights.outcome_metrics import outcome_metrics, outcome_unit

    rows = []
    counted_by = [(spec, outcome_unit(table, spec, unit)) for spec in outcomes]
    bounds = {spec.name: observed_bounds(table, spec, by) for spec, by in counted_by}
    flat = values.reset_index(drop=True).explode().dropna()  # row position -> each segment
    for segment, positions in flat.groupby(flat, sort=True).groups.items():
        part = table.iloc[sorted(set(positions))]
        for spec, spec_unit in counted_by:
            metrics = outcome_metrics(part, [spec], spec_unit, confidence)
            metrics = within_bounds(metrics, part, spec, bounds[spec.name])
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
