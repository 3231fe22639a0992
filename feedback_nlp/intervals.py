"""Confidence intervals shared by the scores and the insights: Wilson for shares, Student t
for means (the variance of equal values floored on their scale: `floored_variance`)."""

from __future__ import annotations

import numpy as np
from scipy import stats

#: Confidence level of every interval unless a caller asks for another.
CONFIDENCE = 0.95


def z_value(confidence: float) -> float:
    """The two-sided normal quantile of a `confidence` level (1.96 at 0.95)."""
    return float(stats.norm.ppf(0.5 + confidence / 2))


def wilson_interval(successes: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval of a proportion (NaN when n = 0)."""
    if n == 0:
        return (np.nan, np.nan)
    z = z_value(confidence)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def floored_variance(values: np.ndarray, scale: tuple[float, float] | None = None) -> float:
    """The sample variance (ddof 1) of `values` for a mean's range; when they are all equal,
    that of the values with one pseudo-answer added at each end of the `scale` (low, high),
    so that 4 answers of 1 get a range, not 1.000 to 1.000 (as NPS and rates get their
    adjustments). Without a scale, or with fewer than 2 values, the plain variance (NaN)."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return np.nan
    if scale is None or np.ptp(values) > 0:
        return float(np.var(values, ddof=1))
    return float(np.var(np.concatenate([values, np.asarray(scale, dtype=float)]), ddof=1))


def t_interval(
    values: np.ndarray,
    confidence: float = CONFIDENCE,
    scale: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """Student t-interval of a mean (NaN when fewer than 2 values), its variance floored on
    the `scale` where the values are all equal (`floored_variance`)."""
    n = len(values)
    if n < 2:
        return (np.nan, np.nan)
    mean = float(np.mean(values))
    se = np.sqrt(floored_variance(values, scale) / n)
    half = float(stats.t.ppf(0.5 + confidence / 2, n - 1) * se)
    return (mean - half, mean + half)


def odds_ratio_interval(
    a: int, b: int, c: int, d: int, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Odds ratio (a·d)/(b·c) of the 2×2 table [[a, b], [c, d]] and its Woolf (log) interval.

    A zero cell adds 0.5 to every cell (Haldane-Anscombe) for the estimate and its range
    alike, so the estimate lies inside its range (the plain estimate was 0 or infinite
    beside a finite range). With no event at all, or no non-event, (a + c or b + d is 0),
    or an empty group (a theme every unit raises, or none: a + b or c + d is 0) the odds
    ratio is undefined: NaN, not a number the +0.5 would make up.
    """
    if 0 in (a + c, b + d, a + b, c + d):
        return (np.nan, np.nan, np.nan)
    cells = np.array([a, b, c, d], dtype=float)
    if (cells == 0).any():
        cells += 0.5
    log_or = np.log(cells[0] * cells[3] / (cells[1] * cells[2]))
    half = z_value(confidence) * np.sqrt((1.0 / cells).sum())
    return (float(np.exp(log_or)), float(np.exp(log_or - half)), float(np.exp(log_or + half)))
