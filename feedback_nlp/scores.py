"""NPS, CSAT and CES as CX practice defines them, each with its n and a confidence interval.

Counting rule (one score per unit): `feedback_nlp.score_units`, whose names this module
also offers.

Confidence intervals (95 % by default):

- NPS: adjusted Wald interval of Rocks (2016) — add 3 to n and 0.75 to promoters and to
  detractors, then a normal interval with the multinomial variance (p + d − (p − d)²) / n.
- shares (CSAT satisfied, CES low effort, binary outcomes): Wilson score interval.
- means (CSAT, CES, numeric outcomes): Student t-interval; where every value is the same,
  the variance is that of the values with one answer added at each end of the scale (CSAT,
  CES; a numeric outcome has no known scale and keeps the plain one), not 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.intervals import CONFIDENCE, t_interval, wilson_interval, z_value
from feedback_nlp.schema import NPS_GROUPS, SCORE_RANGES, plain_repr
from feedback_nlp.score_scales import ScoreScales
from feedback_nlp.score_units import (
    AGREEING,
    EVERY_ANSWER,
    SCORE_COLUMNS,
    counting_unit,
    describe_units,
    in_time_order,
    repeated_answers,
    score_conflicts,
    unit_ids,
    unit_scores,
)

__all__ = ["AGREEING", "EVERY_ANSWER", "METRIC_COLUMNS", "SCORE_COLUMNS", "SMALL_N",
           "add_nps_group", "check_range", "check_scores", "counting_unit", "describe_units",
           "in_time_order", "mean_metric", "metrics_of_units", "nps_group", "nps_interval",
           "nps_metrics", "nps_value", "nps_variance", "repeated_answers", "score_conflicts",
           "score_metrics", "share_metric", "unit_ids", "unit_scores"]  # fmt: skip

SMALL_N = 30
METRIC_COLUMNS = ("metric", "value", "n", "ci_low", "ci_high", "ci_method")


# --- groups ---------------------------------------------------------------------------------


def nps_group(nps: pd.Series) -> pd.Series:
    """Detractor (0-6), passive (7-8) or promoter (9-10); missing stays missing."""
    check_range(nps, "nps", SCORE_RANGES["nps"])
    values = pd.to_numeric(nps, errors="raise").astype("Float64")
    groups = pd.Series(pd.NA, index=nps.index, dtype="string", name="nps_group")
    groups[values <= 6] = NPS_GROUPS[0]
    groups[(values >= 7) & (values <= 8)] = NPS_GROUPS[1]
    groups[values >= 9] = NPS_GROUPS[2]
    return groups


def add_nps_group(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of `table` with the `nps_group` column (requires `nps`)."""
    if "nps" not in table.columns:
        raise SchemaError("nps_group needs the column 'nps', which the table does not have.")
    out = table.copy()
    out["nps_group"] = nps_group(table["nps"])
    return out


def check_range(values: pd.Series, column: str, value_range: tuple[int, int]) -> None:
    """Raise SchemaError naming the first row whose score is not a whole number or is outside
    `value_range` (as the readers reject "7.5": scores are answers on a scale)."""
    numeric = pd.to_numeric(values.dropna(), errors="coerce")
    not_numeric = numeric.isna()
    if not_numeric.any():
        row = numeric.index[not_numeric][0]
        raise SchemaError(
            f"column '{column}' row {plain_repr(row)}: {plain_repr(values[row])} is not a number"
        )
    fraction = numeric[numeric.astype(float) % 1 != 0]
    if len(fraction):
        raise SchemaError(
            f"column '{column}' has {len(fraction)} value(s) that are not whole numbers, first "
            f"at row {plain_repr(fraction.index[0])}: {float(fraction.iloc[0]):g}"
        )
    low, high = value_range
    bad = numeric[(numeric < low) | (numeric > high)]
    if len(bad):
        raise SchemaError(
            f"column '{column}' has {len(bad)} value(s) outside {low}-{high}, first at row "
            f"{plain_repr(bad.index[0])}: {float(bad.iloc[0]):g} (out-of-range scores are "
            "rejected on reading; fix the source, or declare the survey's scale: the mapping's "
            "[scales], or scales=ScoreScales(...) from Python, docs/reading.md)"
        )


# --- NPS ------------------------------------------------------------------------------------


def nps_value(nps: pd.Series | np.ndarray) -> float:
    """NPS = % promoters − % detractors, −100…100 (NaN when there are no scores)."""
    values = pd.Series(nps).dropna().to_numpy(dtype=float)
    if len(values) == 0:
        return np.nan
    return 100.0 * (np.mean(values >= 9) - np.mean(values <= 6))


def nps_variance(promoters: float, detractors: float, n: float) -> float:
    """Multinomial variance of NPS (on the −1…1 scale) from counts."""
    p, d = promoters / n, detractors / n
    return (p + d - (p - d) ** 2) / n


def nps_interval(
    promoters: int, detractors: int, n: int, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Adjusted Wald interval of NPS (Rocks 2016), on the −100…100 scale, widened where
    needed to hold the observed NPS: the adjustment pulls the centre towards 0, and for a few
    respondents all of one kind (1 detractor: −100) the range would miss it (−98 to +48)."""
    if n == 0:
        return (np.nan, np.nan)
    n_adj, p_adj, d_adj = n + 3, promoters + 0.75, detractors + 0.75
    centre = (p_adj - d_adj) / n_adj
    half = z_value(confidence) * np.sqrt(nps_variance(p_adj, d_adj, n_adj))
    observed = (promoters - detractors) / n
    low, high = min(centre - half, observed), max(centre + half, observed)
    return (100 * max(-1.0, low), 100 * min(1.0, high))


# --- metrics --------------------------------------------------------------------------------


def _row(metric: str, value: float, n: int, ci: tuple[float, float], method: str) -> dict:
    return {
        "metric": metric,
        "value": value,
        "n": n,
        "ci_low": ci[0],
        "ci_high": ci[1],
        "ci_method": method,
    }


def nps_metrics(nps: pd.Series, confidence: float = CONFIDENCE) -> list[dict]:
    """NPS and the promoter/passive/detractor shares (%) of one set of unit scores."""
    values = pd.Series(nps).dropna().to_numpy(dtype=float)
    n = len(values)
    promoters, detractors = int((values >= 9).sum()), int((values <= 6).sum())
    rows = [
        _row(
            "nps",
            nps_value(values),
            n,
            nps_interval(promoters, detractors, n, confidence),
            "adjusted Wald",
        )
    ]
    for name, count in (
        ("promoter_share", promoters),
        ("passive_share", n - promoters - detractors),
        ("detractor_share", detractors),
    ):
        ci = wilson_interval(count, n, confidence)
        value = 100 * count / n if n else np.nan
        rows.append(_row(name, value, n, (100 * ci[0], 100 * ci[1]), "Wilson"))
    return rows


def mean_metric(
    name: str,
    values: pd.Series,
    confidence: float = CONFIDENCE,
    bounds: tuple[float, float] | None = None,
) -> dict:
    """The mean of `values` with its t-interval, cut to the scale's `bounds` where given (3
    answers of a 1-5 CSAT gave a range of −1.3 to 7.3); equal values get the variance of
    theirs with one answer added at each bound (4 answers of 1 gave 1.000 to 1.000)."""
    array = pd.Series(values).dropna().to_numpy(dtype=float)
    mean = float(np.mean(array)) if len(array) else np.nan
    low, high = t_interval(array, confidence, bounds)
    if bounds is not None:
        low, high = max(low, float(bounds[0])), min(high, float(bounds[1]))
    return _row(name, mean, len(array), (low, high), "t")


def share_metric(
    name: str, values: pd.Series, accepted: tuple[int, int], confidence: float = CONFIDENCE
) -> dict:
    """The % of `values` within `accepted` (inclusive) with its Wilson interval."""
    array = pd.Series(values).dropna().to_numpy(dtype=float)
    hits = int(((array >= accepted[0]) & (array <= accepted[1])).sum())
    ci = wilson_interval(hits, len(array), confidence)
    value = 100 * hits / len(array) if len(array) else np.nan
    return _row(name, value, len(array), (100 * ci[0], 100 * ci[1]), "Wilson")


def metrics_of_units(
    scores: pd.DataFrame, scales: ScoreScales | None = None, confidence: float = CONFIDENCE
) -> list[dict]:
    """Every metric the score columns of a one-row-per-unit table allow."""
    scales = scales or ScoreScales()
    rows: list[dict] = []
    if "nps" in scores.columns:
        rows += nps_metrics(scores["nps"], confidence)
    if "csat" in scores.columns:
        satisfied = scales.csat_satisfied
        rows.append(share_metric("csat_satisfied_share", scores["csat"], satisfied, confidence))
        rows.append(mean_metric("csat_mean", scores["csat"], confidence, scales.range_of("csat")))
    if "ces" in scores.columns:
        low_effort = scales.ces_low_effort
        rows.append(share_metric("ces_low_effort_share", scores["ces"], low_effort, confidence))
        rows.append(mean_metric("ces_mean", scores["ces"], confidence, scales.range_of("ces")))
    return rows


def check_scores(table: pd.DataFrame, scales: ScoreScales | None = None) -> list[str]:
    """Check every score column's range; return the score columns present."""
    scales = scales or ScoreScales()
    present = [c for c in SCORE_COLUMNS if c in table.columns]
    for column in present:
        check_range(table[column], column, scales.range_of(column))
    return present


def score_metrics(
    table: pd.DataFrame,
    unit: str = "auto",
    scales: ScoreScales | None = None,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Tidy table of every score metric (one row per metric), each unit counted once.

    Columns: metric, value, n (units with that score), ci_low, ci_high, ci_method, small_n,
    unit_of_analysis (what n counts: '468 responses, 12 respondents').
    Score columns that are missing are skipped and named in ``attrs["skipped"]``.
    """
    present = check_scores(table, scales)
    per_unit = unit_scores(table, present, unit)
    rows = metrics_of_units(per_unit, scales, confidence)
    result = pd.DataFrame(rows, columns=list(METRIC_COLUMNS))
    result["small_n"] = result["n"] < SMALL_N
    counted = {c: describe_units(per_unit[c].dropna().index) for c in present}
    result["unit_of_analysis"] = result["metric"].map(
        lambda m: counted.get(m.split("_")[0], counted.get("nps", ""))
    )
    result.attrs["skipped"] = [
        f"no '{c}' column: {c} metrics skipped" for c in SCORE_COLUMNS if c not in present
    ]
    return result
