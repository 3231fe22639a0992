"""The 95 % range of a numeric outcome's mean within a segment, kept within the values the
outcome takes: a 1-5 Likert item answered 1, 3 and 5 by three people has a t-interval of
-1.3 to 7.3, which no mean of that item can reach."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights.core import declared_outcome, outcome_values
from feedback_nlp.outcomes import OutcomeSpec


def observed_bounds(
    whole: pd.DataFrame, spec: OutcomeSpec, unit: str
) -> tuple[float, float] | None:
    """The lowest and highest value of numeric outcome `spec` over the units of `whole`, in
    its raw unit (seconds for a duration); None for a binary outcome (a Wilson interval is
    bounded) or one without values."""
    if spec.kind == "binary":
        return None
    outcome = declared_outcome(whole, spec)
    values = outcome_values(whole, outcome, unit) * outcome.scale
    return (float(values.min()), float(values.max())) if len(values) else None


def within_bounds(
    metrics: pd.DataFrame, part: pd.DataFrame, spec: OutcomeSpec, bounds: tuple[float, float] | None
) -> pd.DataFrame:
    """`metrics` (`outcome_metrics` of `part`) with its range cut to `bounds` (raw unit),
    shown in the unit the part's metric uses (a duration's minutes or hours)."""
    if bounds is None or metrics.empty:
        return metrics
    scale = declared_outcome(part, spec).scale
    low, high = bounds[0] / scale, bounds[1] / scale
    return metrics.assign(
        ci_low=metrics["ci_low"].clip(lower=low, upper=high),
        ci_high=metrics["ci_high"].clip(lower=low, upper=high),
    )
