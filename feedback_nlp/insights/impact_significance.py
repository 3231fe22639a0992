"""The test of a theme's impact itself, beside the test of its bad event.

A theme table's range is of the impact on the metric (NPS points, a mean); its p-value must
test the same thing. Fisher's test of the detractor rate missed a theme that turns promoters
into passives: it costs NPS points while its detractor rate is the rest's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from feedback_nlp.insights.compare import welch
from feedback_nlp.insights.core import metric_and_variance

#: The `test` column's words for each kind of score outcome.
NPS_TEST = "z test of the NPS difference (adjusted variances)"
MEAN_TEST = "Welch t test of the means"
EVENT_TEST = "Fisher exact test of the event"


def impact_test(values: pd.Series, has_theme: pd.Series, kind: str) -> dict[str, float | str]:
    """The two-sided p-value of metric(with the theme) = metric(without), and the test's name.

    NPS: z = Δ / √(var(with) + var(without)), with the adjusted variances the impact's range
    uses (`core.metric_and_variance`), so a range that excludes 0 always has p < 0.05; a mean:
    Welch's t test; a binary rate: the event's own Fisher test (left to the caller: {}).
    """
    with_theme = values[has_theme].to_numpy(dtype=float)
    without = values[~has_theme].to_numpy(dtype=float)
    if kind == "nps":
        return {"p_value": _nps_p_value(with_theme, without), "test": NPS_TEST}
    if kind == "numeric":
        return {"p_value": welch(with_theme, without)[3], "test": MEAN_TEST}
    return {"test": EVENT_TEST}


def _nps_p_value(with_theme: np.ndarray, without: np.ndarray) -> float:
    if not len(with_theme) or not len(without):
        return np.nan
    nps_with, var_with = metric_and_variance(with_theme, "nps")
    nps_without, var_without = metric_and_variance(without, "nps")
    z = abs(nps_with - nps_without) / np.sqrt(var_with + var_without)
    return float(2 * stats.norm.sf(z))
