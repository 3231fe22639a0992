"""Effort read from the text against the CES the customers gave.

Each unit (see :mod:`feedback_nlp.scores`) counts once: its CES is its last non-missing answer
and its effort the highest of its comments (level and score). The table gives the mean CES of
the units at each effort level with a Student t-interval, and Spearman's rank correlation of
the effort score with CES, with a Fisher-z interval (standard error √(1.06 / (n − 3)), Fieller,
Hartley & Pearson 1957) and scipy's p-value. On the CES 2.0 scale (7 = "it was easy") more
effort in the text should go with lower CES: a negative rho.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from feedback_nlp.intervals import CONFIDENCE, t_interval
from feedback_nlp.schema import EFFORT_LEVELS, require
from feedback_nlp.scores import ScoreScales, check_range, in_time_order, unit_ids

COLUMNS = ("effort", "measure", "value", "n", "ci_low", "ci_high", "p_value", "method")
#: Fisher-z variance factor for Spearman's rho (Fieller, Hartley & Pearson 1957).
SPEARMAN_VARIANCE = 1.06


def unit_effort_ces(table: pd.DataFrame, unit: str = "auto") -> pd.DataFrame:
    """One row per unit with a CES: `ces`, `effort` (highest level) and `effort_score` (max)."""
    rank = {level: i for i, level in enumerate(EFFORT_LEVELS)}
    frame = pd.DataFrame(
        {
            "unit_id": unit_ids(table, unit),
            "ces": pd.to_numeric(table["ces"], errors="raise").astype("Float64"),
            "rank": table["effort"].map(rank).astype("Float64"),
            "effort_score": table["effort_score"].astype(float),
        }
    )
    frame = in_time_order(frame, table.get("created_at"))
    per_unit = frame.groupby("unit_id", sort=True).agg(
        ces=("ces", "last"), rank=("rank", "max"), effort_score=("effort_score", "max")
    )
    per_unit = per_unit.dropna(subset=["ces", "rank"])
    levels = np.array(EFFORT_LEVELS, dtype=object)
    return pd.DataFrame(
        {
            "ces": per_unit["ces"].astype(float),
            "effort": levels[per_unit["rank"].astype(int).to_numpy()],
            "effort_score": per_unit["effort_score"].astype(float),
        },
        index=per_unit.index,
    )


def spearman_interval(rho: float, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Fisher-z interval of Spearman's rho (NaN when n < 4 or rho is undefined)."""
    if n < 4 or not np.isfinite(rho):
        return (np.nan, np.nan)
    z = np.arctanh(np.clip(rho, -0.999999, 0.999999))
    half = float(stats.norm.ppf(0.5 + confidence / 2)) * np.sqrt(SPEARMAN_VARIANCE / (n - 3))
    return (float(np.tanh(z - half)), float(np.tanh(z + half)))


def effort_ces(
    table: pd.DataFrame,
    *,
    unit: str = "auto",
    scales: ScoreScales | None = None,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Mean CES by effort level (t-interval) and Spearman's rho of effort_score with CES."""
    require(table, ("ces", "effort", "effort_score"), by="effort_ces")
    check_range(table["ces"], "ces", (scales or ScoreScales()).ces)
    units = unit_effort_ces(table, unit)
    rows = []
    for level in EFFORT_LEVELS:
        values = units.loc[units["effort"] == level, "ces"].to_numpy()
        low, high = t_interval(values, confidence, (scales or ScoreScales()).range_of("ces"))
        mean = float(values.mean()) if len(values) else np.nan
        rows.append((level, "ces_mean", mean, len(values), low, high, np.nan, "Student t"))
    rows.append(_spearman_row(units, confidence))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _spearman_row(units: pd.DataFrame, confidence: float) -> tuple:
    n = len(units)
    varied = n >= 3 and units["ces"].nunique() > 1 and units["effort_score"].nunique() > 1
    if varied:
        result = stats.spearmanr(units["effort_score"], units["ces"])
        rho, p = float(result.statistic), float(result.pvalue)
    else:
        rho, p = np.nan, np.nan
    low, high = spearman_interval(rho, n, confidence)
    method = "Spearman (effort_score vs ces), Fisher-z interval"
    return ("all", "spearman_rho", rho, n, low, high, p, method)
