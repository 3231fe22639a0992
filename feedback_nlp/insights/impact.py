"""Theme impact on an outcome and theme change over time (pain points: `pain_points`)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from feedback_nlp.insights.compare import compare
from feedback_nlp.insights.core import (
    Outcome,
    benjamini_hochberg,
    event_mask,
    impact_of,
    odds_ratio_test,
    outcome_values,
    pain,
    resolve_outcome,
    theme_labels,
    unit_theme_pairs,
)
from feedback_nlp.insights.distinct import Similar, add_distinct_rank
from feedback_nlp.insights.impact_significance import impact_test
from feedback_nlp.insights.outcome_metrics import outcome_unit
from feedback_nlp.insights.pain_points import pain_point_matrix, row_order
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.schema import require
from feedback_nlp.scores import (
    CONFIDENCE,
    SMALL_N,
    ScoreScales,
    counting_unit,
    describe_units,
    unit_ids,
)

__all__ = ["PERIODS", "pain_point_matrix", "period_of", "row_order", "theme_impact", "theme_trends"]


def theme_impact(
    table: pd.DataFrame,
    outcome: str | OutcomeSpec = "nps",
    *,
    theme_column: str = "themes",
    unit: str = "auto",
    min_n: int = SMALL_N,
    labels: Mapping[int | str, str] | None = None,
    scales: ScoreScales | None = None,
    higher_is_better: bool | None = None,
    confidence: float = CONFIDENCE,
    similar: Similar | None = None,
) -> pd.DataFrame:
    """Per theme: volume, outcome with/without, impact with CI, event rate, lift, odds ratio.

    impact = metric(all units) − metric(units without the theme) (e.g. NPS points);
    lift = event rate among units with the theme / overall event rate; the odds ratio and
    ``event_p_value`` come from Fisher's exact test of the event; ``p_value`` tests the impact
    itself (`impact_test`: NPS and means; a declared outcome's test of its kind), q_value is
    its Benjamini–Hochberg adjustment across themes. Themes with fewer than `min_n` units
    are marked ``small_n`` and get no rank; rank 1 is the theme that hurts the outcome most.
    With `similar` (theme id as text → ids of its near-duplicate themes,
    `insights.distinct.similar_from_table`) the table also says which higher-ranked theme
    each one `repeats` and its `distinct_rank` among those that repeat none.
    """
    spec = resolve_outcome(table, outcome, scales=scales, higher_is_better=higher_is_better)
    unit = spec.unit_for(unit)
    values = outcome_values(table, spec, unit)
    pairs = unit_theme_pairs(table, theme_column, unit)
    comment_counts = pairs.groupby("theme").size()
    pairs = pairs.drop_duplicates()
    pairs = pairs[pairs["unit_id"].isin(values.index)]
    names = theme_labels(table, labels)
    rows = [
        _theme_row(theme, set(group["unit_id"]), values, spec, confidence)
        | {"theme_label": names.get(theme, theme), "comments": int(comment_counts[theme])}
        for theme, group in pairs.groupby("theme", sort=True)
    ]
    columns = _COLUMNS + (_DECLARED_COLUMNS if spec.declared else _SCORE_COLUMNS)
    result = _finish(pd.DataFrame(rows, columns=columns), spec, min_n)
    result.insert(3, "unit_of_analysis", describe_units(values.index, unit == "respondent_id"))
    return result if similar is None else add_distinct_rank(result, similar)


_DECLARED_COLUMNS = [
    "display_unit",
    "value_with",
    "value_without",
    "difference",
    "difference_ci_low",
    "difference_ci_high",
    "median_with",
    "median_without",
    "median_difference",
    "effect_name",
    "effect",
    "effect_ci_low",
    "effect_ci_high",
    "test",
]
#: A score's table: the test of its impact (`p_value`) and the Fisher p of its bad event.
_SCORE_COLUMNS = ["event_p_value", "test"]
_COLUMNS = [
    "theme",
    "theme_label",
    "comments",
    "units",
    "share_of_units",
    "metric",
    "metric_all",
    "metric_with",
    "metric_without",
    "impact",
    "impact_ci_low",
    "impact_ci_high",
    "event",
    "event_rate",
    "lift",
    "odds_ratio",
    "or_ci_low",
    "or_ci_high",
    "p_value",
]


def _theme_row(
    theme: str, members: set[str], values: pd.Series, spec: Outcome, confidence: float
) -> dict:
    has_theme = pd.Series(values.index.isin(members), index=values.index)
    row = {"theme": theme, "units": int(has_theme.sum()), "share_of_units": has_theme.mean()}
    row |= {"metric": spec.metric_name, **impact_of(values, has_theme, spec.kind, confidence)}
    row |= _event_stats(values, has_theme, spec)
    if not spec.declared:  # p_value tests the impact itself, not only its bad event
        row |= {"event_p_value": row.get("p_value", np.nan)}
        row |= impact_test(values, has_theme, spec.kind)
    else:
        with_theme, without = values[has_theme].to_numpy(), values[~has_theme].to_numpy()
        row |= {"display_unit": spec.display_unit or ("%" if spec.kind == "binary" else "")}
        row |= compare(with_theme, without, spec.kind, spec.scale, confidence)
    return row


def _event_stats(values: pd.Series, has_theme: pd.Series, spec: Outcome) -> dict:
    events = event_mask(values, spec)
    if events is None or not has_theme.any():
        return {"event": spec.event_name}
    overall = events.mean()
    rate = events[has_theme].mean()
    return {
        "event": spec.event_name,
        "event_rate": 100 * rate,
        "lift": rate / overall if overall > 0 else np.nan,
        **odds_ratio_test(events, has_theme),
    }


def _finish(result: pd.DataFrame, spec: Outcome, min_n: int) -> pd.DataFrame:
    result["q_value"] = benjamini_hochberg(result["p_value"].astype(float))
    result["small_n"] = result["units"] < min_n
    result["pain"] = pain(result["impact"], spec)
    result["higher_is_better"] = spec.higher_is_better
    ranked = result[~result["small_n"]]["pain"].rank(ascending=False, method="first")
    result["rank"] = ranked.reindex(result.index).astype("Int64")
    order = result.sort_values(["small_n", "pain"], ascending=[True, False], kind="stable")
    return order.drop(columns="pain").reset_index(drop=True)


#: The periods of trends and of the ``period`` segment: month, week or quarter.
PERIODS = {"M": "month", "W": "week", "Q": "quarter"}


def period_of(table: pd.DataFrame, period: str = "M") -> pd.Series:
    """Each row's period label ('2026-03' for months, '2026-03-02/2026-03-08' for weeks,
    '2026-Q1' for quarters)."""
    require(table, ["created_at"], by="period analysis")
    times = pd.to_datetime(table["created_at"], utc=True).dt.tz_convert(None)
    labels = times.dt.to_period(period).astype("string")
    if period == "Q":  # pandas writes '2026Q1'
        labels = labels.str.replace(r"^(\d{4})Q", r"\1-Q", regex=True)
    return labels.rename("period")


def theme_trends(
    table: pd.DataFrame,
    outcome: str | OutcomeSpec | None = "nps",
    *,
    period: str = "M",
    theme_column: str = "themes",
    unit: str = "auto",
    min_n: int = SMALL_N,
    alpha: float = 0.05,
    labels: Mapping[int | str, str] | None = None,
    scales: ScoreScales | None = None,
    higher_is_better: bool | None = None,
) -> pd.DataFrame:
    """Per period and theme: units, share of the period's units, impact (when scored).

    A theme *grew significantly* in a period when its share of the period's units is above its
    share over all earlier periods pooled (``baseline_share``) and the one-sided Fisher exact
    test of the two gives a Benjamini–Hochberg q-value below `alpha` (adjusted across every
    theme × period test). ``share_change`` is the change against the previous period. A period
    with fewer than `min_n` units (a month that holds a few answers spilled over from a
    survey wave) is ``small_period``: it is not tested and never grew significantly; nor is a
    period whose earlier periods hold fewer than `min_n` units together.
    """
    periods = period_of(table, period)
    frame = table.assign(_period=periods)
    counting = counting_unit(table, unit)  # a period counts units as the whole table does
    per_outcome = (  # a declared outcome keeps its level, decided on the whole table too
        outcome_unit(table, outcome, unit) if isinstance(outcome, OutcomeSpec) else counting
    )
    records = []
    for period_value, part in frame.groupby("_period", sort=True):
        part = part.drop(columns="_period")
        units_in_period = unit_ids(part, counting).nunique()
        pairs = unit_theme_pairs(part, theme_column, counting).drop_duplicates()
        impacts = _period_impacts(
            part, outcome, theme_column, per_outcome, labels, scales, higher_is_better
        )
        for theme, group in pairs.groupby("theme", sort=True):
            record = {"period": period_value, "theme": theme, "units": group["unit_id"].nunique()}
            record |= {"period_units": units_in_period}
            record |= impacts.get(theme, {})
            records.append(record)
    result = _complete_grid(pd.DataFrame(records))
    if result.empty:
        return result
    result["share"] = 100 * result["units"] / result["period_units"]
    names = theme_labels(table, labels)
    result.insert(2, "theme_label", result["theme"].map(lambda t: names.get(t, t)))
    result = _flag_growth(result, alpha, min_n)
    counted = unit_ids(frame[periods.notna()], counting)  # what `units` counts, for wording
    result["unit_of_analysis"] = describe_units(counted, unit == "respondent_id")
    return result


def _period_impacts(
    part: pd.DataFrame,
    outcome: str | OutcomeSpec | None,
    theme_column: str,
    unit: str,
    labels: Mapping[int | str, str] | None,
    scales: ScoreScales | None,
    higher_is_better: bool | None,
) -> dict[str, dict]:
    if outcome is None:
        return {}
    impacts = theme_impact(
        part,
        outcome,
        theme_column=theme_column,
        unit=unit,
        min_n=1,
        labels=labels,
        scales=scales,
        higher_is_better=higher_is_better,
    )
    keep = ["metric", "metric_with", "impact", "impact_ci_low", "impact_ci_high"]
    return {row["theme"]: {k: row[k] for k in keep} for _, row in impacts.iterrows()}


def _complete_grid(result: pd.DataFrame) -> pd.DataFrame:
    """Add the periods in which a theme had no units (units = 0), so growth compares neighbours."""
    if result.empty:
        return result
    period_units = result.groupby("period")["period_units"].first()
    grid = pd.MultiIndex.from_product(
        [period_units.index, sorted(result["theme"].unique())], names=["period", "theme"]
    )
    full = result.set_index(["period", "theme"]).reindex(grid).reset_index()
    full["units"] = full["units"].fillna(0).astype(int)
    full["period_units"] = full["period"].map(period_units).astype(int)
    return full


def _flag_growth(result: pd.DataFrame, alpha: float, min_n: int) -> pd.DataFrame:
    result = result.sort_values(["theme", "period"], kind="stable").reset_index(drop=True)
    by_theme = result.groupby("theme")
    before_units = by_theme["units"].cumsum() - result["units"]
    before_total = by_theme["period_units"].cumsum() - result["period_units"]
    small_period = result["period_units"] < min_n
    comparable = (before_total >= max(min_n, 1)) & ~small_period
    p_values = pd.Series(np.nan, index=result.index)
    for index in result.index[comparable]:
        units, total = int(result.at[index, "units"]), int(result.at[index, "period_units"])
        earlier, earlier_total = int(before_units[index]), int(before_total[index])
        table = [[units, total - units], [earlier, earlier_total - earlier]]
        p_values[index] = stats.fisher_exact(table, alternative="greater")[1]
    previous_share = by_theme["share"].shift(1)
    result["share_change"] = result["share"] - previous_share
    result["baseline_share"] = 100 * before_units / before_total.where(before_total > 0)
    result["p_value"] = p_values
    result["q_value"] = benjamini_hochberg(p_values)
    grew = (result["share"] > result["baseline_share"]) & (result["q_value"] < alpha)
    result["grew_significantly"] = grew
    result["small_n"] = result["units"] < min_n
    result["small_period"] = small_period
    return result.sort_values(["period", "theme"], kind="stable").reset_index(drop=True)
