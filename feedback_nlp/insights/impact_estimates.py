"""How much a theme moves an outcome, and how sure that is: a group's metric and the
variance of its estimate, the impact with a normal range, Fisher's test and odds ratio of
the bad event, and Benjamini–Hochberg q-values across themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import stats

from feedback_nlp.intervals import floored_variance, odds_ratio_interval
from feedback_nlp.scores import CONFIDENCE, nps_value, nps_variance

if TYPE_CHECKING:
    from feedback_nlp.insights.core import Outcome


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
