"""Units with a theme against units without it, with the test that fits the outcome's kind.

Every function takes the outcome values of the two groups (one value per unit) and returns a
flat dict: ``value_with``, ``value_without``, ``difference`` (with − without) and its CI,
``effect`` (a ratio; ``effect_name`` says which) and its CI, ``p_value`` and ``test``.

- binary (0/1; rates in %): difference of rates with Newcombe's hybrid score interval;
  odds ratio (of the value 1) with Woolf's log interval (0.5 added to every cell when one is
  0); Fisher's exact test when an expected cell count is below 5, else Pearson's χ².
- numeric: mean difference with Welch's t interval and test (a group of equal values gets
  the variance of theirs with one value added at each end of the range both groups span).
- duration (in the display unit): medians and their difference, mean difference with Welch's
  interval; the test is Welch's t on log(1 + seconds), whose difference gives the ratio of
  geometric means and its interval.
- count: mean difference (Welch) and the rate ratio (mean count with / without) with a Wald
  interval on the log scale; p from the exact conditional (binomial) test of two Poisson rates
  unless the counts vary more than Poisson counts do (contacts per case often vary twice as
  much as their mean; Pearson's χ² test of the dispersion at 5 %): then a quasi-Poisson Wald
  test and interval, the variance scaled by the Pearson dispersion, t with n − 2 degrees of
  freedom.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from feedback_nlp.intervals import (
    CONFIDENCE,
    floored_variance,
    odds_ratio_interval,
    wilson_interval,
    z_value,
)


def _empty(effect_name: str, test: str) -> dict:
    keys = ("difference", "difference_ci_low", "difference_ci_high")
    keys += ("effect", "effect_ci_low", "effect_ci_high", "p_value")
    return {**dict.fromkeys(keys, np.nan), "effect_name": effect_name, "test": test}


def compare_binary(
    with_theme: np.ndarray, without: np.ndarray, confidence: float = CONFIDENCE
) -> dict:
    """Rates (%) of the value 1 with and without, their difference, odds ratio, Fisher/χ²."""
    n1, n0 = len(with_theme), len(without)
    a, c = int(np.sum(with_theme)), int(np.sum(without))
    result = _empty("odds ratio", "")
    result |= {"value_with": 100 * a / n1 if n1 else np.nan}
    result |= {"value_without": 100 * c / n0 if n0 else np.nan}
    if n1 == 0 or n0 == 0:
        return result
    low, high = newcombe_interval(a, n1, c, n0, confidence)
    result |= {"difference": result["value_with"] - result["value_without"]}
    result |= {"difference_ci_low": 100 * low, "difference_ci_high": 100 * high}
    table = np.array([[a, n1 - a], [c, n0 - c]])
    effect, effect_low, effect_high = odds_ratio_interval(a, n1 - a, c, n0 - c, confidence)
    result |= {"effect": effect, "effect_ci_low": effect_low, "effect_ci_high": effect_high}
    result |= binary_test(table)
    return result


def binary_test(table: np.ndarray) -> dict:
    """Fisher's exact test when an expected count is below 5 (or a margin is 0), else χ²."""
    margins_ok = table.sum(axis=0).all() and table.sum(axis=1).all()
    if margins_ok:
        expected = stats.contingency.expected_freq(table)
        if expected.min() >= 5:
            chi2 = stats.chi2_contingency(table, correction=False)
            return {"p_value": float(chi2.pvalue), "test": "chi-square"}
    return {"p_value": float(stats.fisher_exact(table)[1]), "test": "Fisher exact"}


def newcombe_interval(
    a: int, n1: int, c: int, n0: int, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Newcombe's hybrid score interval of p1 − p0 (method 10), from Wilson intervals."""
    p1, p0 = a / n1, c / n0
    l1, u1 = wilson_interval(a, n1, confidence)
    l0, u0 = wilson_interval(c, n0, confidence)
    low = p1 - p0 - np.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    high = p1 - p0 + np.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    return (float(low), float(high))


def welch(
    with_theme: np.ndarray,
    without: np.ndarray,
    confidence: float = CONFIDENCE,
    scale: tuple[float, float] | None = None,
) -> tuple[float, float, float, float]:
    """Mean difference, its Welch t interval and the two-sided Welch p-value; a group of equal
    values gets the variance of theirs with one value added at each end of `scale` (by
    default the range of both groups' values: `intervals.floored_variance`; 6 reviews of 1
    star differed by −2.56, range −2.64 to −2.47, p = 0)."""
    n1, n0 = len(with_theme), len(without)
    if n1 < 2 or n0 < 2:
        diff = float(np.mean(with_theme) - np.mean(without)) if n1 and n0 else np.nan
        return (diff, np.nan, np.nan, np.nan)
    both = np.concatenate([with_theme, without]).astype(float)
    scale = scale or (float(both.min()), float(both.max()))
    v1 = floored_variance(with_theme, scale) / n1
    v0 = floored_variance(without, scale) / n0
    diff = float(np.mean(with_theme) - np.mean(without))
    se = float(np.sqrt(v1 + v0))
    if se == 0:
        return (diff, diff, diff, np.nan)
    df = (v1 + v0) ** 2 / (v1**2 / (n1 - 1) + v0**2 / (n0 - 1))
    half = float(stats.t.ppf(0.5 + confidence / 2, df)) * se
    p_value = float(2 * stats.t.sf(abs(diff) / se, df))
    return (diff, diff - half, diff + half, p_value)


def compare_numeric(
    with_theme: np.ndarray, without: np.ndarray, confidence: float = CONFIDENCE
) -> dict:
    """Means with and without and their difference (Welch's t interval and test)."""
    diff, low, high, p_value = welch(with_theme, without, confidence)
    return _empty("", "Welch t") | {
        "value_with": float(np.mean(with_theme)) if len(with_theme) else np.nan,
        "value_without": float(np.mean(without)) if len(without) else np.nan,
        "difference": diff,
        "difference_ci_low": low,
        "difference_ci_high": high,
        "p_value": p_value,
    }


def compare_duration(
    with_theme: np.ndarray,
    without: np.ndarray,
    seconds_per_unit: float = 1.0,
    confidence: float = CONFIDENCE,
) -> dict:
    """Medians and means (display unit); Welch's t on log(1 + seconds) for p and the ratio."""
    result = compare_numeric(with_theme, without, confidence)
    result |= {"test": "Welch t on log(1 + seconds)", "effect_name": "ratio of geometric means"}
    result |= {"median_with": float(np.median(with_theme)) if len(with_theme) else np.nan}
    result |= {"median_without": float(np.median(without)) if len(without) else np.nan}
    result["median_difference"] = result["median_with"] - result["median_without"]
    logs = [np.log1p(np.asarray(v, dtype=float) * seconds_per_unit) for v in (with_theme, without)]
    diff, low, high, p_value = welch(logs[0], logs[1], confidence)
    result |= {"effect": np.exp(diff), "effect_ci_low": np.exp(low), "effect_ci_high": np.exp(high)}
    result["p_value"] = p_value
    return result


def compare_count(
    with_theme: np.ndarray, without: np.ndarray, confidence: float = CONFIDENCE
) -> dict:
    """Mean counts and their difference (Welch); rate ratio (Wald log CI), exact conditional p."""
    result = compare_numeric(with_theme, without, confidence)
    result |= {"test": "exact conditional (binomial) test of two Poisson rates"}
    result["effect_name"] = "rate ratio"
    n1, n0 = len(with_theme), len(without)
    s1, s0 = float(np.sum(with_theme)), float(np.sum(without))
    if n1 == 0 or n0 == 0 or s1 + s0 == 0:
        result["p_value"] = np.nan
        return result
    c1, c0 = (s1 + 0.5, s0 + 0.5) if min(s1, s0) == 0 else (s1, s0)
    log_ratio = np.log((c1 / n1) / (c0 / n0))
    dispersion, degrees = pearson_dispersion(with_theme, without), n1 + n0 - 2
    overdispersed = degrees > 0 and stats.chi2.sf(dispersion * degrees, degrees) < 0.05
    se = np.sqrt((dispersion if overdispersed else 1.0) * (1 / c1 + 1 / c0))
    if overdispersed:
        half = float(stats.t.ppf(0.5 + confidence / 2, degrees)) * se
        p_value = 2 * float(stats.t.sf(abs(log_ratio) / se, degrees))
        result["test"] = f"quasi-Poisson Wald test of two rates (dispersion {dispersion:.2f})"
    else:
        half = z_value(confidence) * se
        p_value = float(stats.binomtest(int(s1), int(s1 + s0), n1 / (n1 + n0)).pvalue)
    result |= {"effect": float(np.exp(log_ratio))}  # with a zero count corrected as its range
    result |= {"effect_ci_low": float(np.exp(log_ratio - half))}
    result |= {"effect_ci_high": float(np.exp(log_ratio + half))}
    result["p_value"] = p_value
    return result


def pearson_dispersion(with_theme: np.ndarray, without: np.ndarray) -> float:
    """Pearson χ² / (n − 2) of the counts around their group's mean: about 1 for Poisson
    counts, above 1 when they vary more (NaN with fewer than 3 units or no count)."""
    groups = [np.asarray(g, dtype=float) for g in (with_theme, without)]
    n = sum(len(g) for g in groups)
    if n < 3:
        return np.nan
    chi2 = sum(((g - g.mean()) ** 2).sum() / g.mean() for g in groups if len(g) and g.mean() > 0)
    return float(chi2 / (n - 2))


def compare(
    with_theme: np.ndarray,
    without: np.ndarray,
    kind: str,
    seconds_per_unit: float = 1.0,
    confidence: float = CONFIDENCE,
) -> dict:
    """The comparison for an outcome of `kind` (binary, numeric, duration or count)."""
    if kind == "binary":
        return compare_binary(with_theme, without, confidence)
    if kind == "duration":
        return compare_duration(with_theme, without, seconds_per_unit, confidence)
    if kind == "count":
        return compare_count(with_theme, without, confidence)
    return compare_numeric(with_theme, without, confidence)
