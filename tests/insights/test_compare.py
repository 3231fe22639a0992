"""The per-kind comparisons against scipy and statsmodels on small hand-made tables."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats import rates
from statsmodels.stats.proportion import confint_proportions_2indep

from feedback_nlp.insights.compare import (
    compare,
    compare_binary,
    compare_count,
    compare_duration,
    compare_numeric,
)


def _binary(events: int, n: int) -> np.ndarray:
    return np.array([1.0] * events + [0.0] * (n - events))


def test_binary_large_cells_use_chi_square_and_match_scipy_and_statsmodels() -> None:
    result = compare_binary(_binary(30, 80), _binary(40, 220))
    table = [[30, 50], [40, 180]]
    assert result["test"] == "chi-square"
    assert result["p_value"] == pytest.approx(
        stats.chi2_contingency(table, correction=False).pvalue
    )
    assert result["value_with"] == pytest.approx(37.5)
    assert result["difference"] == pytest.approx(37.5 - 100 * 40 / 220)
    low, high = confint_proportions_2indep(30, 80, 40, 220, method="newcomb", compare="diff")
    assert result["difference_ci_low"] == pytest.approx(100 * low)
    assert result["difference_ci_high"] == pytest.approx(100 * high)
    ratio = stats.contingency.odds_ratio(table, kind="sample")
    ci = ratio.confidence_interval(0.95)
    assert result["effect"] == pytest.approx(ratio.statistic)
    assert (result["effect_ci_low"], result["effect_ci_high"]) == pytest.approx((ci.low, ci.high))


def test_binary_small_cells_use_fisher() -> None:
    result = compare_binary(_binary(4, 6), _binary(3, 30))
    assert result["test"] == "Fisher exact"
    assert result["p_value"] == pytest.approx(stats.fisher_exact([[4, 2], [3, 27]])[1])


def test_binary_zero_cell_gives_a_finite_odds_ratio_interval() -> None:
    result = compare_binary(_binary(0, 10), _binary(5, 40))
    assert np.isfinite(result["effect_ci_low"]) and np.isfinite(result["effect_ci_high"])
    assert result["effect_ci_low"] < 1 < result["effect_ci_high"]


def test_numeric_matches_scipy_welch() -> None:
    a = np.array([12.0, 15.5, 9.0, 20.0, 14.0, 11.5])
    b = np.array([8.0, 10.0, 7.5, 9.0, 12.0, 6.0, 9.5, 11.0])
    result = compare_numeric(a, b)
    expected = stats.ttest_ind(a, b, equal_var=False)
    ci = expected.confidence_interval(0.95)
    assert result["difference"] == pytest.approx(a.mean() - b.mean())
    assert result["p_value"] == pytest.approx(expected.pvalue)
    assert (result["difference_ci_low"], result["difference_ci_high"]) == pytest.approx(
        (ci.low, ci.high)
    )


def test_duration_tests_on_the_log_scale_and_reports_medians() -> None:
    hours_with = np.array([5.0, 30.0, 12.0, 48.0, 20.0])
    hours_without = np.array([1.0, 2.0, 4.0, 3.0, 6.0, 2.5])
    result = compare_duration(hours_with, hours_without, seconds_per_unit=3600)
    logs = [np.log1p(v * 3600) for v in (hours_with, hours_without)]
    expected = stats.ttest_ind(*logs, equal_var=False)
    assert result["p_value"] == pytest.approx(expected.pvalue)
    ci = expected.confidence_interval(0.95)
    assert result["effect"] == pytest.approx(np.exp(logs[0].mean() - logs[1].mean()))
    assert result["effect_ci_low"] == pytest.approx(np.exp(ci.low))
    assert result["median_with"] == 20.0 and result["median_without"] == 2.75
    assert result["median_difference"] == pytest.approx(17.25)
    assert result["difference"] == pytest.approx(hours_with.mean() - hours_without.mean())


def test_count_rate_ratio_matches_statsmodels() -> None:
    with_theme = np.array([2, 1, 3, 0, 2, 1, 1, 2, 0, 0], dtype=float)  # 12 in 10 units
    without = np.array([0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0], dtype=float)  # 5 in 15
    result = compare_count(with_theme, without)
    assert result["effect"] == pytest.approx(3.6)
    exact = rates.test_poisson_2indep(12, 10, 5, 15, method="exact-cond")
    assert result["p_value"] == pytest.approx(exact.pvalue)
    low, high = rates.confint_poisson_2indep(12, 10, 5, 15, method="wald-log", compare="ratio")
    assert (result["effect_ci_low"], result["effect_ci_high"]) == pytest.approx((low, high))


def test_compare_dispatches_by_kind_and_handles_an_empty_group() -> None:
    assert compare(_binary(1, 2), _binary(0, 3), "binary")["effect_name"] == "odds ratio"
    assert compare(np.ones(3), np.zeros(3), "count")["effect_name"] == "rate ratio"
    empty = compare(np.array([]), np.array([1.0, 2.0]), "numeric")
    assert np.isnan(empty["difference"]) and np.isnan(empty["p_value"])


def test_overdispersed_counts_are_not_called_different_by_chance_one_time_in_nine() -> None:
    """Contacts per case vary about twice as much as their mean: the exact Poisson test called
    a theme of 20 cases different from 400 others in 12 % of draws with no difference (the
    range of the rate ratio held 1 in 88 %); the quasi-Poisson test and range hold 5 %."""
    rng = np.random.default_rng(3)
    trials, called, held = 300, 0, 0
    for _ in range(trials):
        result = compare_count(
            rng.negative_binomial(2, 0.5, 20), rng.negative_binomial(2, 0.5, 400)
        )
        called += result["p_value"] < 0.05
        held += result["effect_ci_low"] <= 1 <= result["effect_ci_high"]
        assert result["test"].startswith(("quasi-Poisson", "exact conditional"))
    assert called / trials <= 0.07 and held / trials >= 0.93


def test_a_rate_ratio_with_no_count_on_one_side_lies_inside_its_range() -> None:
    """0.5 is added to both counts for the estimate as for its range (it was infinite)."""
    result = compare_count(np.array([1, 2, 3, 1, 2.0]), np.zeros(20))
    assert result["effect_ci_low"] < result["effect"] < result["effect_ci_high"]
    assert result["effect"] == pytest.approx((9.5 / 5) / (0.5 / 20))


def test_a_group_of_equal_values_has_no_zero_variance() -> None:
    """A probe: 6 reviews all of 1 star against 794 others read −2.555 (−2.637 to −2.474),
    p = 0 and q = 0. The 6 now get the variance of 1 × 6 with a 1 and a 5 added."""
    rng = np.random.default_rng(0)
    rest = rng.integers(1, 6, 794).astype(float)
    result = compare_numeric(np.ones(6), rest)
    v1, v0 = np.var([1.0] * 7 + [5.0], ddof=1) / 6, np.var(rest, ddof=1) / 794
    assert result["difference_ci_high"] - result["difference_ci_low"] > 2
    assert result["difference_ci_high"] - result["difference"] == pytest.approx(
        stats.t.ppf(0.975, (v1 + v0) ** 2 / (v1**2 / 5 + v0**2 / 793)) * np.sqrt(v1 + v0)
    )
    assert 0 < result["p_value"] < 0.05
    same = compare_numeric(np.full(5, 3.0), np.full(7, 3.0))
    assert same["difference"] == 0 and np.isnan(same["p_value"])  # nothing to tell apart
