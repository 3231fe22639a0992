"""Shared pieces of the insight functions: outcomes, theme membership, units and impact.

Every insight counts *units* (see :mod:`feedback_nlp.scores`): a unit has a theme when any of
its comments has it, and its outcome is counted once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights.comment_text import commented
from feedback_nlp.intervals import floored_variance, odds_ratio_interval
from feedback_nlp.outcomes import OutcomeSpec, duration_scale, parse_declared
from feedback_nlp.schema import lists_of, split_list
from feedback_nlp.scores import (
    AGREEING,
    CONFIDENCE,
    SCORE_COLUMNS,
    ScoreScales,
    check_range,
    nps_value,
    nps_variance,
    unit_ids,
    unit_scores,
)

OUTLIER_TOPIC = "-1"
#: The outliers' name in the category columns; left out like topic -1 so that "Other" is
#: treated the same in the theme and the category tables.
OUTLIER_LABEL = "Other"
CATEGORY_COLUMNS = ("categories", "topic_category")


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


# --- impact ---------------------------------------------------------------------------------


def metric_and_variance(
    values: np.ndarray, kind: str, scale: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The outcome metric of a set of unit values and the variance of that estimate.

    Shares get the variance of their adjusted estimate, as the headline NPS interval does:
    NPS adds 3 to n and 0.75 to promoters and to detractors (Rocks 2016), a binary rate one
    event and one non-event (Agresti–Caffo). The plain variance is 0 for a group of only
    promoters or only detractors, and gave a theme of 1 to 5 customers a range a point wide.
    A mean of equal values gets the variance of theirs with one value added at each end of
    `scale` (`intervals.floored_variance`).
    """
    n = len(values)
    if n == 0:
        return (np.nan, np.nan)
    if kind == "nps":
        promoters, detractors = float((values >= 9).sum()), float((values <= 6).sum())
        return (nps_value(values), 1e4 * nps_variance(promoters + 0.75, detractors + 0.75, n + 3))
    if kind == "binary":
        adjusted = (float(np.sum(values)) + 1) / (n + 2)
        return (100.0 * float(np.mean(values)), 1e4 * adjusted * (1 - adjusted) / (n + 2))
    return (float(np.mean(values)), floored_variance(values, scale) / n)


def impact_of(
    values: pd.Series, has_theme: pd.Series, kind: str, confidence: float = CONFIDENCE
) -> dict[str, float]:
    """Impact = metric(all) − metric(units without the theme), with a normal CI.

    Since metric(all) = w·metric(with) + (1 − w)·metric(without) with w the theme's share,
    impact = w·Δ with Δ = metric(with) − metric(without). Its standard error is the delta
    method's, w and Δ estimated from the same n units: se = √(Δ²·w(1 − w)/n +
    w²·(var(with) + var(without))). The first term is what varies with how many units raise
    the theme; without it (stop 46 and before) the 95 % range held the true impact about 78 %
    of the time for a theme of 10 % of 500 customers. A mean's scale is the range of all
    units' values (a theme of 4 units all at 1 had a zero variance).
    """
    with_theme = values[has_theme].to_numpy(dtype=float)
    without = values[~has_theme].to_numpy(dtype=float)
    scale = (values.min(), values.max()) if len(values) else None
    m_all, _ = metric_and_variance(values.to_numpy(dtype=float), kind)
    m_with, v_with = metric_and_variance(with_theme, kind, scale)
    m_without, v_without = metric_and_variance(without, kind, scale)
    share = len(with_theme) / len(values) if len(values) else np.nan
    impact = m_all - m_without
    gap = m_with - m_without
    n = len(values)
    se = (
        np.sqrt(gap**2 * share * (1 - share) / n + share**2 * (v_with + v_without)) if n else np.nan
    )
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    return {
        "metric_all": m_all,
        "metric_with": m_with,
        "metric_without": m_without,
        "impact": impact,
        "impact_ci_low": impact - z * se,
        "impact_ci_high": impact + z * se,
    }


def odds_ratio_test(events: pd.Series, has_theme: pd.Series) -> dict[str, float]:
    """Fisher's exact test of event vs theme, the odds ratio and its Woolf (log) CI
    (`intervals.odds_ratio_interval`: a zero cell adds 0.5 to every cell for both)."""
    a = int((events & has_theme).sum())
    b = int((~events & has_theme).sum())
    c = int((events & ~has_theme).sum())
    d = int((~events & ~has_theme).sum())
    odds_ratio, low, high = odds_ratio_interval(a, b, c, d)
    p_value = stats.fisher_exact([[a, b], [c, d]])[1]
    return {
        "odds_ratio": odds_ratio,
        "or_ci_low": low,
        "or_ci_high": high,
        "p_value": float(p_value),
    }


def benjamini_hochberg(p_values: pd.Series) -> pd.Series:
    """Benjamini–Hochberg adjusted p-values (q-values); NaN stays NaN."""
    q = pd.Series(np.nan, index=p_values.index)
    present = p_values.dropna()
    if len(present):
        q[present.index] = stats.false_discovery_control(present.to_numpy(), method="bh")
    return q


def pain(impact: pd.Series, outcome: Outcome) -> pd.Series:
    """Impact turned so that larger means worse for the business."""
    return -impact if outcome.higher_is_better else impact


def negative_flags(table: pd.DataFrame) -> pd.Series:
    """1.0 where `sentiment` is negative, 0.0 where not, NaN without a sentiment column and
    where the row has no comment (the sentiment stage calls an empty comment neutral)."""
    if "sentiment" not in table.columns:
        return pd.Series(np.nan, index=table.index)
    flags = (table["sentiment"] == "negative").astype("boolean").astype(float)
    return flags.where(commented(table))
