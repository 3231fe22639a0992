"""Confidentiality of small groups in the segment table (employee surveys: a department of
three people must not see its eNPS): each segment of fewer than `min_group_size` units has
its values blanked, with the reason, and so has the next smallest segment of its dimension
where the one hidden could otherwise be worked out from the total by subtraction."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

#: The columns a suppressed segment row carries (only when a threshold is set).
SUPPRESSION_COLUMNS = ("suppressed", "suppressed_reason")
#: The values blanked in a suppressed row: the value, its n and its range.
BLANKED_COLUMNS = ("value", "n", "ci_low", "ci_high")


def group_sizes(unit_ids: pd.Series, values: pd.Series) -> pd.Series:
    """The distinct units (people) in each segment of one dimension; `values`: each row's
    segments as a list, on the index of `unit_ids`."""
    frame = pd.DataFrame({"unit": unit_ids, "segment": values}).explode("segment")
    return frame.dropna(subset=["segment"]).groupby("segment")["unit"].nunique()


def hidden_segments(sizes: pd.Series, min_group_size: int, *, additive: bool) -> dict[str, str]:
    """Each segment to suppress with its reason: those of fewer than `min_group_size` units,
    and where the dimension is `additive` (each row in one segment, so that the total minus
    the others gives the rest) the next smallest ones until at least two are hidden together
    holding `min_group_size` units or more."""
    small = sizes[sizes < min_group_size]
    reasons = {str(s): f"fewer than {min_group_size} respondents" for s in small.index}
    if not reasons or not additive:
        return reasons
    hidden = int(small.sum())
    for segment, size in sizes.drop(small.index).sort_values(kind="stable").items():
        if len(reasons) >= 2 and hidden >= min_group_size:
            break
        reasons[str(segment)] = "hidden so that a smaller group cannot be worked out by subtraction"
        hidden += int(size)
    return reasons


def suppress_small_groups(
    result: pd.DataFrame,
    sizes: Mapping[str, pd.Series],
    min_group_size: int,
    additive: Mapping[str, bool],
) -> pd.DataFrame:
    """`result` (the segment table) with `suppressed` and `suppressed_reason` columns, and the
    value, n and range of each hidden segment's rows blanked (`hidden_segments`, per
    dimension: `sizes`, `additive`)."""
    result = result.assign(suppressed=False, suppressed_reason="")
    for dimension, dimension_sizes in sizes.items():
        reasons = hidden_segments(dimension_sizes, min_group_size, additive=additive[dimension])
        rows = result["dimension"].eq(dimension) & result["segment"].astype(str).isin(reasons)
        result.loc[rows, "suppressed"] = True
        result.loc[rows, "suppressed_reason"] = result.loc[rows, "segment"].astype(str).map(reasons)
    hidden = result["suppressed"]
    result[list(BLANKED_COLUMNS)] = result[list(BLANKED_COLUMNS)].astype(float)
    result.loc[hidden, list(BLANKED_COLUMNS)] = np.nan
    result.loc[hidden, "ci_method"] = ""
    return result
