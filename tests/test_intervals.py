"""Wilson and Student t intervals against known values and scipy."""

import numpy as np
import pytest
from scipy import stats

from feedback_nlp.intervals import t_interval, wilson_interval, z_value


def test_z_value_of_95_percent():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)


def test_wilson_interval_known_value_and_t_interval_against_scipy():
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    values = np.array([1.0, 2.0, 4.0, 5.0, 7.0])
    expected = stats.t.interval(0.95, 4, loc=values.mean(), scale=stats.sem(values))
    assert t_interval(values) == pytest.approx(expected)
