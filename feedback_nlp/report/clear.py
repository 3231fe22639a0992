"""When the report calls a theme's effect clear: one rule for the summary's cards, the chart
colours and the tables' "Clear effect?" column.

A theme's effect is clear when it counts enough customers (not ``small_n``), its 95 % range
does not cross 0, and, where the table has q-values, the Benjamini–Hochberg q of its test is
below CLEAR_Q (with tens of themes, a range that misses 0 by chance is expected for some) and
the test's bad event goes the same way (``lift`` above 1 for a cost: a theme of passives costs
NPS points while its detractor rate is lower than the rest's, and is no clear cost) where the
q tests that event; since stop 50 the score tables' q tests the impact itself (their ``test``
column: a z test of the NPS difference, Welch's for a mean), and a theme that turns promoters
into passives is a clear cost when that test says so.
"""

from __future__ import annotations

import pandas as pd

#: The q-value under which an effect can be called clear.
CLEAR_Q = 0.05


def lower_is_worse(frame: pd.DataFrame | None, default: bool = True) -> bool:
    """Is a lower value the bad side of the outcome an impact table weighs? Its
    ``higher_is_better`` column says (False for a CES on which 1 is the easiest answer);
    `default` for a table without it."""
    if frame is None or "higher_is_better" not in frame or not len(frame):
        return default
    return bool(frame["higher_is_better"].iloc[0])


def costs(frame: pd.DataFrame, value: str = "impact") -> pd.Series:
    """True where `value` lies on the outcome's bad side of 0 (`lower_is_worse`)."""
    values = frame[value].astype(float)
    return values < 0 if lower_is_worse(frame) else values > 0


def range_costs(
    frame: pd.DataFrame, low: str = "impact_ci_low", high: str = "impact_ci_high"
) -> pd.Series:
    """True where the whole 95 % range lies on the outcome's bad side of 0."""
    if lower_is_worse(frame):
        return frame[high].astype(float) < 0
    return frame[low].astype(float) > 0


def clear_effects(
    frame: pd.DataFrame,
    low: str = "impact_ci_low",
    high: str = "impact_ci_high",
    bad_when_low: bool | None = None,
) -> pd.Series:
    """True for the rows (themes) of an impact table whose effect is clear (module docstring);
    `bad_when_low`: a range below 0 is the bad side (a score), else above 0 (a churn rate, a
    CES on which 1 is easiest); None reads it off the table (`lower_is_worse`)."""
    if bad_when_low is None:
        bad_when_low = lower_is_worse(frame)
    if not len(frame):
        return pd.Series(False, index=frame.index, dtype=bool)
    enough = ~frame["small_n"].fillna(False).astype(bool) if "small_n" in frame else True
    below, above = frame[high].astype(float) < 0, frame[low].astype(float) > 0
    tested = frame["q_value"].astype(float) < CLEAR_Q if "q_value" in frame else True
    if "lift" in frame and "test" not in frame:  # the event the q tests must go the same way
        lift = frame["lift"].astype(float)
        worse, better = lift.isna() | (lift > 1), lift.isna() | (lift < 1)  # NaN: no event
        below = below & (worse if bad_when_low else better)
        above = above & (better if bad_when_low else worse)
    return ((below | above) & tested & enough).fillna(False).astype(bool)
