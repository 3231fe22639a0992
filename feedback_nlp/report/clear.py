"""When the report calls a theme's effect clear: one rule for the summary's cards, the chart
colours and the tables' "Clear effect?" column.

A theme's effect is clear when it counts enough customers (not ``small_n``), its 95 % range
does not cross 0, and, where the table has q-values, the Benjamini–Hochberg q of its test is
below CLEAR_Q: with tens of themes, a range that misses 0 by chance is expected for some.
"""

from __future__ import annotations

import pandas as pd

#: The q-value under which an effect can be called clear.
CLEAR_Q = 0.05


def clear_effects(
    frame: pd.DataFrame, low: str = "impact_ci_low", high: str = "impact_ci_high"
) -> pd.Series:
    """True for the rows (themes) of an impact table whose effect is clear (module docstring)."""
    if not len(frame):
        return pd.Series(False, index=frame.index, dtype=bool)
    enough = ~frame["small_n"].fillna(False).astype(bool) if "small_n" in frame else True
    off_zero = (frame[high].astype(float) < 0) | (frame[low].astype(float) > 0)
    tested = frame["q_value"].astype(float) < CLEAR_Q if "q_value" in frame else True
    return (off_zero & tested & enough).fillna(False).astype(bool)
