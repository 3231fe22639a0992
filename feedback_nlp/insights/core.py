"""Shared pieces of the insight functions: outcomes, theme membership and units (impact:
`insights.impact_estimates`).

Every insight counts *units* (see :mod:`feedback_nlp.scores`): a unit has a theme when any of
its comments has it, and its outcome is counted once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights.comment_text import commented
from feedback_nlp.insights.impact_estimates import (
    benjamini_hochberg,
    impact_of,
    metric_and_variance,
    odds_ratio_test,
    pain,
)
from feedback_nlp.outcomes import OutcomeSpec, duration_scale, parse_declared
from feedback_nlp.schema import lists_of, split_list
from feedback_nlp.scores import (
    AGREEING,
    SCORE_COLUMNS,
    ScoreScales,
    check_range,
    unit_ids,
    unit_scores,
)

OUTLIER_TOPIC = "-1"
#: The outliers' name in the category columns; left out like topic -1 so that "Other" is
#: treated the same in the theme and the category tables.
OUTLIER_LABEL = "Other"
CATEGORY_COLUMNS = ("categories", "topic_category")

__all__ = ["CATEGORY_COLUMNS", "OUTCOME_UNITS", "OUTLIER_LABEL", "OUTLIER_TOPIC", "Outcome",
           "benjamini_hochberg", "commented", "declared_outcome", "declared_values",
           "event_mask", "impact_of", "metric_and_variance", "negative_flags", "odds_ratio_test",
           "outcome_values", "pain", "resolve_outcome", "row_themes", "theme_labels",
           "unit_theme_pairs"]  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """What an analysis explains.

    kind: ``"nps"`` (metric = NPS, event = detractor), ``"binary"`` (metric = % of units
    where the column is true, event = true) or ``"numeric"`` (metric = mean; event = the
    'bad' side for csat/ces, none for other numeric columns).
    """

    column: str
    kind: str
    higher_is_better: bool
    event_name: str | None
    event_range: tuple[float, float] | None = None
    declared: bool = False
    unit: str = "auto"
    scale: float = 1.0
    display_unit: str = ""
    spec: OutcomeSpec | None = None

    @property
    def metric_name(self) -> str:
        """Name of the metric the impact is measured on."""
        if self.kind == "nps":
            return "nps"
        if self.kind == "binary":
            return f"{self.column}_rate"
        suffix = f"_{self.display_unit}" if self.display_unit else ""
        return f"{self.column}_mean{suffix}"

    def unit_for(self, unit: str) -> str:
        """The unit of analysis: the caller's, unless 'auto' and the outcome is per customer;
        a declared row-level outcome counts a respondent as one unit only where their rows
        agree on it too (``auto:<column>``: one requester's tickets rated good and bad are
        several units, as differing scores are)."""
        if unit != "auto":
            return unit
        if self.unit == "auto" and self.declared:
            return f"{AGREEING}{self.column}"
        return self.unit


def resolve_outcome(
    table: pd.DataFrame,
    column: str | OutcomeSpec,
    *,
    scales: ScoreScales | None = None,
    higher_is_better: bool | None = None,
) -> Outcome:
    """Describe the outcome `column`: nps, csat, ces or any binary/numeric user column.

    For columns other than the scores, `higher_is_better` defaults to False (as for churn or
    resolution time); pass True for outcomes such as 'resolved at first contact'.
    """
    scales = scales or ScoreScales()
    if isinstance(column, OutcomeSpec):
        return declared_outcome(table, column)
    if column not in table.columns:
        raise SchemaError(f"the outcome column '{column}' is not in the table")
    if column in SCORE_COLUMNS:
        check_range(table[column], column, scales.range_of(column))
    if column == "nps":
        return Outcome("nps", "nps", True, "detractor", (0, 6))
    if column == "csat":
        return _scale_outcome("csat", scales, "not_satisfied")
    if column == "ces":
        return _scale_outcome("ces", scales, "not_low_effort")
    return _user_outcome(table[column], column, bool(higher_is_better))


def _scale_outcome(column: str, scales: ScoreScales, event_name: str) -> Outcome:
    """A 1-k score whose counted answers are good; the event is every other answer."""
    accepted = scales.counted(column)
    if scales.higher_is_better(column):
        return Outcome(column, "numeric", True, event_name, (-np.inf, accepted[0] - 0.5))
    return Outcome(column, "numeric", False, event_name, (accepted[1] + 0.5, np.inf))


def _user_outcome(values: pd.Series, column: str, higher_is_better: bool) -> Outcome:
    present = values.dropna()
    if pd.api.types.is_bool_dtype(values.dtype) or (
        pd.api.types.is_numeric_dtype(values.dtype) and set(present.unique()) <= {0, 1}
    ):
        return Outcome(column, "binary", higher_is_better, column, (1, 1))
    if pd.api.types.is_numeric_dtype(values.dtype):
        return Outcome(column, "numeric", higher_is_better, None)
    raise SchemaError(
        f"the outcome column '{column}' has dtype {values.dtype}: declare its kind, e.g. "
        f"--outcome {column}:binary (yes/no, true/false, 1/0), {column}:numeric, "
        f"{column}:duration or {column}:count"
    )


#: The unit an outcome of each level is counted by: a customer's (joined from a customer
#: table) by respondent, a comment's (`negative_sentiment`) by row, a row's by the counting
#: rule of `feedback_nlp.scores` ("auto").
OUTCOME_UNITS = {"customer": "respondent_id", "comment": "comment"}


def declared_outcome(table: pd.DataFrame, spec: OutcomeSpec) -> Outcome:
    """The Outcome of a declared column (parsed to numbers by the reader or parse_declared)."""
    unit = OUTCOME_UNITS.get(spec.level, "auto")
    better = spec.higher_is_better
    if spec.kind == "binary":
        bad = 0.0 if better else 1.0
        name = f"{spec.name}={'false' if better else 'true'}"
        return Outcome(spec.name, "binary", better, name, (bad, bad), True, unit, spec=spec)
    scale, display = 1.0, ""
    if spec.kind == "duration":
        scale, display = duration_scale(declared_values(table, spec).dropna())
    return Outcome(spec.name, spec.kind, better, None, None, True, unit, scale, display, spec)


def declared_values(table: pd.DataFrame, spec: OutcomeSpec) -> pd.Series:
    """The declared outcome as floats: the column when numeric, else parsed (errors raised)."""
    if not set(spec.source_columns) <= set(table.columns):
        raise SchemaError(f"the outcome column(s) {spec.source_columns} are not in the table")
    return parse_declared(table, [spec])[spec.name]


def outcome_values(table: pd.DataFrame, outcome: Outcome, unit: str) -> pd.Series:
    """One outcome value per unit (float; the last non-missing, see the counting rule)."""
    column = table[outcome.column] if outcome.spec is None else declared_values(table, outcome.spec)
    if outcome.kind == "binary":
        column = column.astype("Float64")
    if outcome.scale != 1.0:
        column = column.astype(float) / outcome.scale
    per_unit = unit_scores(table.assign(**{outcome.column: column}), [outcome.column], unit)
    return per_unit[outcome.column].astype("Float64").astype(float).dropna()


def event_mask(values: pd.Series, outcome: Outcome) -> pd.Series | None:
    """True where a unit's outcome is the event (detractor, not satisfied, churned…)."""
    if outcome.event_range is None:
        return None
    low, high = outcome.event_range
    return (values >= low) & (values <= high)


# --- themes ---------------------------------------------------------------------------------


def row_themes(table: pd.DataFrame, theme_column: str) -> pd.Series:
    """Each row's theme ids as a list of strings (outliers left out: topic -1, or "Other" in a
    category column)."""
    if theme_column not in table.columns:
        raise SchemaError(f"the theme column '{theme_column}' is not in the table")
    values = table[theme_column]
    if pd.api.types.is_numeric_dtype(values.dtype):
        lists = lists_of(values, lambda v: [] if pd.isna(v) else [str(int(v))])
    else:
        lists = lists_of(values)
    drop = {OUTLIER_TOPIC, OUTLIER_LABEL} if theme_column in CATEGORY_COLUMNS else {OUTLIER_TOPIC}
    return lists_of(lists, lambda themes: [t for t in dict.fromkeys(themes) if t not in drop])


def theme_labels(
    table: pd.DataFrame, labels: Mapping[int | str, str] | None = None
) -> dict[str, str]:
    """Theme id → readable label, from the table's (themes, theme_labels) lists and (topic,
    topic_label) pairs, then `labels` on top."""
    found = _listed_labels(table) if {"themes", "theme_labels"} <= set(table.columns) else {}
    if {"topic", "topic_label"} <= set(table.columns):
        pairs = table[["topic", "topic_label"]].dropna().drop_duplicates("topic")
        found.update({str(int(t)): str(label) for t, label in pairs.itertuples(index=False)})
    found.update({str(k): str(v) for k, v in (labels or {}).items()})
    return found


def _listed_labels(table: pd.DataFrame) -> dict[str, str]:
    """Theme id → label from rows whose `themes` and `theme_labels` lists are aligned (a
    label holding the list separator leaves its row out)."""
    found: dict[str, str] = {}
    pairs = table[["themes", "theme_labels"]].dropna().drop_duplicates()
    for themes, labels in pairs.itertuples(index=False):
        ids, names = split_list(themes), split_list(labels)
        if len(ids) == len(names):
            found.update(zip(ids, names, strict=True))
    return found


def unit_theme_pairs(table: pd.DataFrame, theme_column: str, unit: str) -> pd.DataFrame:
    """Distinct (unit_id, theme) pairs plus each theme's comment count."""
    exploded = pd.DataFrame(
        {"unit_id": unit_ids(table, unit), "theme": row_themes(table, theme_column)}
    ).explode("theme")
    return exploded.dropna(subset=["theme"])


def negative_flags(table: pd.DataFrame) -> pd.Series:
    """1.0 where `sentiment` is negative, 0.0 where not, NaN without a sentiment column and
    where the row has no comment (the sentiment stage calls an empty comment neutral)."""
    if "sentiment" not in table.columns:
        return pd.Series(np.nan, index=table.index)
    flags = (table["sentiment"] == "negative").astype("boolean").astype(float)
    return flags.where(commented(table))
