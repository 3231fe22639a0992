"""The headline value of each declared outcome, with its range, as `score_metrics` gives NPS.

A binary outcome (churned, resolved at first contact, recommended) is the % of units where it
is true, with a Wilson interval; a numeric, duration or count outcome is its mean (durations in
the unit the impact tables use), with a Student t-interval. Units are counted once, by the same
rule as the scores (:mod:`feedback_nlp.scores`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from feedback_nlp.insights.core import declared_outcome, outcome_values
from feedback_nlp.intervals import CONFIDENCE, t_interval, wilson_interval
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.scores import SMALL_N, describe_units

OUTCOME_METRIC_COLUMNS = (
    "outcome",
    "metric",
    "value",
    "n",
    "ci_low",
    "ci_high",
    "ci_method",
    "small_n",
    "unit_of_analysis",
    "higher_is_better",
    "display_unit",
)


def outcome_metrics(
    table: pd.DataFrame,
    outcomes: Sequence[OutcomeSpec],
    unit: str = "auto",
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """One row per declared outcome: its value over all units, n and 95 % range."""
    rows = [_row(table, spec, unit, confidence) for spec in outcomes]
    return pd.DataFrame(rows, columns=list(OUTCOME_METRIC_COLUMNS))


def _row(table: pd.DataFrame, spec: OutcomeSpec, unit: str, confidence: float) -> dict:
    outcome = declared_outcome(table, spec)
    counted_by = outcome.unit_for(unit)
    per_unit = outcome_values(table, outcome, counted_by)
    values = per_unit.to_numpy(dtype=float)
    n = len(values)
    if outcome.kind == "binary":
        hits = int((values == 1).sum())
        low, high = wilson_interval(hits, n, confidence)
        value, ci, method = 100 * hits / n if n else np.nan, (100 * low, 100 * high), "Wilson"
    else:
        value = float(np.mean(values)) if n else np.nan
        ci, method = t_interval(values, confidence), "t"
    return {
        "outcome": spec.name,
        "metric": outcome.metric_name,
        "value": value,
        "n": n,
        "ci_low": ci[0],
        "ci_high": ci[1],
        "ci_method": method,
        "small_n": n < SMALL_N,
        "unit_of_analysis": describe_units(per_unit.index, counted_by == "respondent_id"),
        "higher_is_better": outcome.higher_is_better,
        "display_unit": outcome.display_unit,
    }
