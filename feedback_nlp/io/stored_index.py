"""A pandas index stored in a Parquet file, read back as ordinary columns.

`DataFrame.to_parquet` stores a named index (``df.set_index("Response ID")``) as a column of
that name, an unnamed one that is not a plain 0, 1, 2… as ``__index_level_0__``, and
``batch.to_pandas()`` turns them back into the frame's index. The file's schema lists them
as columns, so the readers (which map columns by that schema) read them as columns: under
their name, the unnamed ones under the name the file gives them (``__index_level_0__``).
"""

from __future__ import annotations

import re

import pandas as pd

#: The name pyarrow gives the level of an unnamed pandas index it stores as a column.
_UNNAMED_LEVEL = re.compile(r"__index_level_\d+__")


def with_index_as_columns(raw: pd.DataFrame, file_columns: list[str]) -> pd.DataFrame:
    """`raw` with a default 0-based index; the levels of its index back as the columns of
    `file_columns` (the file's schema) that `raw` lacks, when they are that index."""
    stored = _stored_index_names(raw, file_columns)
    if stored is None:
        return raw.reset_index(drop=True)
    raw = raw.set_axis(raw.index.set_names(stored), axis=0)
    restored = raw.reset_index()
    order = [c for c in file_columns if c in restored.columns]
    return restored[order + [c for c in restored.columns if c not in order]]


def _stored_index_names(raw: pd.DataFrame, file_columns: list[str]) -> list[str] | None:
    """The schema's names of `raw`'s index levels, or None when the index is no stored one."""
    if isinstance(raw.index, pd.RangeIndex) and raw.index.name is None:
        return None
    absent = [c for c in file_columns if c not in raw.columns]
    if len(absent) != raw.index.nlevels:
        return None
    for level, name in zip(raw.index.names, absent, strict=True):
        if level != name and not (level is None and _UNNAMED_LEVEL.fullmatch(name)):
            return None
    return absent


def unnamed_index_note(file_columns: list[str], mapped: set[str]) -> str | None:
    """A note for the file's unnamed stored index, kept as a column and not `mapped` to a
    field: it may hold the ids."""
    unnamed = [c for c in file_columns if _UNNAMED_LEVEL.fullmatch(c) and c not in mapped]
    if not unnamed:
        return None
    return (
        f"column '{unnamed[0]}' is the unnamed pandas index stored in the file, kept as a "
        f'column; if it holds the response ids, map it: response_id = "{unnamed[0]}"'
    )
