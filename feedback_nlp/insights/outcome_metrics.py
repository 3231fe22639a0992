"""The headline value of each declared outcome, with its range, as `score_metrics` gives NPS.

A binary outcome (churned, resolved at first contact, recommended) is the % of units where it
is true, with a Wilson interval; a numeric, duration or count outcome is its mean (durations in
the unit the impact tables use), with a Student t-interval. Units are counted once, by the same
rule as the scores (:mod:`feedback_nlp.score_units`); a segment or period of a table counts them
as the whole table does (`outcome_unit`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from feedback_nlp.insights.core import Outcome, declared_outcome, outcome_values
from feedback_nlp.intervals import CONFIDENCE
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.scores import (
    SMALL_N,
    counting_unit,
    describe_units,
    mean_metric,
    share_metric,
)

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
    """One row per declared outcome: its value over all units, n and 95 % range. For a part
    of a table (a segment) pass the unit `outcome_unit` gives on the whole table."""
    rows = [_row(table, spec, outcome_unit(table, spec, unit), confidence) for spec in outcomes]
    return pd.DataFrame(rows, columns=list(OUTCOME_METRIC_COLUMNS))


def outcome_unit(whole: pd.DataFrame, outcome: OutcomeSpec | Outcome, unit: str) -> str:
    """The unit `outcome` is counted by in `whole` and in any part of it: its own level (a
    customer-level outcome counts customers), with "auto" resolved on `whole` (`counting_unit`)."""
    if isinstance(outcome, OutcomeSpec):
        outcome = declared_outcome(whole, outcome)
    return counting_unit(whole, outcome.unit_for(unit))


def _row(table: pd.DataFrame, spec: OutcomeSpec, counted_by: str, confidence: float) -> dict:
    outcome = declared_outcome(table, spec)
    per_unit = outcome_values(table, outcome, counted_by)
    if outcome.kind == "binary":  # % of units where it is true (1), as CSAT's share
        metric = share_metric(outcome.metric_name, per_unit, (1, 1), confidence)
    else:
        metric = mean_metric(outcome.metric_name, per_unit, confidence)
    return {
        "outcome": spec.name,
        **metric,
        "small_n": metric["n"] < SMALL_N,
        "unit_of_analysis": describe_units(per_unit.index, counted_by == "respondent_id"),
        "higher_is_better": outcome.higher_is_better,
        "display_unit": outcome.display_unit,
    }
