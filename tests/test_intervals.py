"""Wilson and Student t intervals against known values and scipy."""

import numpy as np
import pytest
from scipy import stats

from feedback_nlp.intervals import odds_ratio_interval, t_interval, wilson_interval, z_value


def test_z_value_of_95_percent():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)


def test_wilson_interval_known_value_and_t_interval_against_scipy():
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    values = np.array([1.0, 2.0, 4.0, 5.0, 7.0])
    expected = stats.t.interval(0.95, 4, loc=values.mean(), scale=stats.sem(values))
    assert t_interval(values) == pytest.approx(expected)


def test_an_odds_ratio_with_a_zero_cell_lies_inside_its_range():
    """3 of 3 with the theme churned, 10 of 40 without: the plain estimate is infinite."""
    odds_ratio, low, high = odds_ratio_interval(3, 0, 10, 30)
    assert low < odds_ratio < high
    assert odds_ratio == pytest.approx((3.5 * 30.5) / (0.5 * 10.5))


def test_an_odds_ratio_without_any_event_is_undefined():
    """Nobody churned: no odds ratio (the +0.5 made up 10.04 with a range of 0.20 to 512)."""
    assert all(np.isnan(v) for v in odds_ratio_interval(0, 5, 0, 40))
    assert all(np.isnan(v) for v in odds_ratio_interval(5, 0, 40, 0))
    assert odds_ratio_interval(2, 8, 10, 30)[0] == pytest.approx(2 * 30 / (8 * 10))
    assert all(
        np.isnan(v) for v in odds_ratio_interval(6, 4, 0, 0)
    )  # every unit: no one to compare
    assert all(np.isnan(v) for v in odds_ratio_interval(0, 0, 6, 4))


def test_equal_values_get_the_variance_of_their_scale_ends() -> None:
    """Four answers of 1 on a 1-5 scale: the variance of 1, 1, 1, 1, 1, 5, not 0."""
    from feedback_nlp.intervals import floored_variance

    ones = np.ones(4)
    assert floored_variance(ones, (1, 5)) == pytest.approx(np.var([1, 1, 1, 1, 1, 5], ddof=1))
    assert floored_variance(ones) == 0.0  # no scale known: the plain variance
    assert floored_variance(np.array([1.0, 2.0]), (1, 5)) == pytest.approx(0.5)  # spread kept
    assert np.isnan(floored_variance(np.ones(1), (1, 5)))
    low, high = t_interval(ones, scale=(1, 5))
    assert low < 1.0 < high
