"""Checks of a table against the feedback schema (`validate`, `require`), multi-valued cells
(`split_list`, `join_list`) and the rejects table every reader returns beside the feedback table.

The columns, their dtypes and the label sets are defined, and documented, in
feedback_nlp.schema_columns; every name there is importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.schema_columns import (
    ANSWER_SUFFIX,
    CHANNELS,
    COLUMNS,
    EFFORT_LEVELS,
    EMOTION_LABELS,
    INPUT_COLUMNS,
    JOURNEY_STAGES,
    LIST_SEP,
    NEUTRAL_EMOTION,
    NPS_GROUPS,
    PII_PLACEHOLDERS,
    PRODUCED_COLUMNS,
    REQUIRED_COLUMNS,
    SCHEMA_VERSION,
    SCORE_RANGES,
    SENTIMENT_LABELS,
    TOUCHPOINTS,
    UNDETERMINED_LANGUAGE,
    Column,
    describe_schema,
    emotion_prob_columns,
    empty_table,
    sentiment_prob_columns,
)


def join_list(values: Iterable[object]) -> str:
    """Join a multi-valued cell (`emotion`, `themes`, …) into its string form."""
    return LIST_SEP.join(str(v) for v in values)


def split_list(cell: object) -> list[str]:
    """Split a multi-valued cell back into its values; missing or empty gives []."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return []
    return [part for part in str(cell).split(LIST_SEP) if part]


def lists_of(values: pd.Series, to_list: Callable[[object], list[str]] = split_list) -> pd.Series:
    """Each cell as a list (`split_list` by default) in an object column. `Series.map` would
    give an Arrow-backed string column an Arrow list column, which cannot be exploded when
    every list is empty (no touchpoint at all, every emotion neutral)."""
    return pd.Series([to_list(v) for v in values], index=values.index, dtype=object)


def require(df: pd.DataFrame, columns: Iterable[str], *, by: str) -> None:
    """Raise SchemaError if `df` lacks any of `columns`; `by` names who needs them, and the
    message says where they come from: the input data, or a stage."""
    missing = [c for c in columns if c not in df.columns]
    if not missing:
        return
    if all(c in INPUT_COLUMNS for c in missing):
        where = (
            "they come from the input data: a column of the export with that name, or mapped "
            "to it (docs/reading.md)"
        )
    else:
        where = f"run the stage that produces them first (the table has {list(df.columns)})"
    raise SchemaError(f"{by} needs the column(s) {missing}, which the table does not have; {where}")


def plain_repr(value: object) -> str:
    """`repr` of a row label or cell for a message: numpy scalars as the Python values they
    hold ("row 10: 11", not "row np.int64(10): np.int64(11)")."""
    return repr(value.item() if isinstance(value, np.generic) else value)


def _check_dtype(series: pd.Series, column: Column) -> str | None:
    dtype = series.dtype
    if column.dtype == "string":
        ok = pd.api.types.is_string_dtype(dtype) or series.isna().all()
    elif column.dtype == "Int64":
        ok = pd.api.types.is_integer_dtype(dtype)
    elif column.dtype == "float64":
        ok = pd.api.types.is_float_dtype(dtype)
    elif column.dtype == "boolean":
        ok = pd.api.types.is_bool_dtype(dtype)
    elif column.dtype.startswith("datetime64"):
        ok = isinstance(dtype, pd.DatetimeTZDtype) and str(dtype.tz) == "UTC"
    else:  # pragma: no cover - every Column uses one of the dtypes above
        ok = True
    if ok:
        return None
    return f"column '{column.name}' has dtype {dtype}, expected {column.dtype}"


def _check_values(
    series: pd.Series, column: Column, value_range: tuple[float, float] | None
) -> list[str]:
    problems: list[str] = []
    values = series.dropna()
    if column.allowed is not None and not column.open_set:
        bad = values[~values.isin(column.allowed)]
        if len(bad):
            problems.append(
                f"column '{column.name}' has {len(bad)} value(s) outside {list(column.allowed)}, "
                f"first at row {plain_repr(bad.index[0])}: {plain_repr(bad.iloc[0])}"
            )
    if value_range is not None and pd.api.types.is_numeric_dtype(values.dtype):
        low, high = value_range
        bad = values[(values < low) | (values > high)]
        if len(bad):
            problems.append(
                f"column '{column.name}' has {len(bad)} value(s) outside {low:g}-{high:g}, "
                f"first at row {plain_repr(bad.index[0])}: {plain_repr(bad.iloc[0])}"
            )
    return problems


def validation_problems(
    df: pd.DataFrame, ranges: Mapping[str, tuple[int, int]] | None = None
) -> list[str]:
    """Every way `df` breaks the schema, as readable sentences (empty when valid).
    `ranges`: the scales of score columns where a survey declared its own (`score_scales`)."""
    problems = [f"required column '{c}' is missing" for c in REQUIRED_COLUMNS if c not in df]
    if "response_id" in df.columns:
        dup = df["response_id"][df["response_id"].duplicated()]
        if len(dup):
            problems.append(f"response_id is not unique: {dup.iloc[0]!r} appears more than once")
        if df["response_id"].isna().any():
            problems.append("response_id has missing values")
    for name, column in COLUMNS.items():
        if name not in df.columns:
            continue
        dtype_problem = _check_dtype(df[name], column)
        if dtype_problem:
            problems.append(dtype_problem)
            continue
        value_range = (ranges or {}).get(name, column.value_range)
        problems.extend(_check_values(df[name], column, value_range))
    return problems


def validate(df: pd.DataFrame, ranges: Mapping[str, tuple[int, int]] | None = None) -> pd.DataFrame:
    """Return `df` unchanged if it follows the schema; raise SchemaError listing every problem.
    `ranges` as in :func:`validation_problems`."""
    problems = validation_problems(df, ranges)
    if problems:
        raise SchemaError(
            "the table does not follow the feedback schema:\n- " + "\n- ".join(problems)
        )
    return df


#: Columns of the rejects table every reader returns beside the feedback table.
#: `line` is the 1-based line (CSV/TSV/JSONL) or row (xlsx) in the source file; `raw` is the
#: row as read (JSON), so nothing is lost. `row_kept` is True for a problem that did not cost
#: the row (a score, date or outcome emptied under ``bad_scores="keep-text"``): the row is in
#: the table too.
#: Rows in = rows out + rows of the rejects table whose `row_kept` is False.
REJECT_COLUMNS: dict[str, str] = {
    "file": "string",
    "line": "Int64",
    "response_id": "string",
    "field": "string",
    "reason": "string",
    "raw": "string",
    "row_kept": "boolean",
}


def empty_rejects() -> pd.DataFrame:
    """An empty rejects table."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in REJECT_COLUMNS.items()})


def rejected_rows(rejects: pd.DataFrame) -> pd.DataFrame:
    """The rows of a rejects table that are not in the feedback table (`row_kept` not True)."""
    if "row_kept" not in rejects.columns:
        return rejects
    return rejects[~rejects["row_kept"].fillna(False).astype(bool)]


def source_response_ids(ids: pd.Series) -> pd.Series:
    """The survey row each `response_id` comes from: the id without its ``#q<k>`` suffix
    (rows split per answer, `io.answers`); other ids unchanged."""
    return ids.astype("string").str.replace(f"{ANSWER_SUFFIX}\\d+$", "", regex=True)


__all__ = [
    "ANSWER_SUFFIX",
    "CHANNELS",
    "COLUMNS",
    "EFFORT_LEVELS",
    "EMOTION_LABELS",
    "INPUT_COLUMNS",
    "JOURNEY_STAGES",
    "LIST_SEP",
    "NEUTRAL_EMOTION",
    "NPS_GROUPS",
    "PII_PLACEHOLDERS",
    "PRODUCED_COLUMNS",
    "REJECT_COLUMNS",
    "REQUIRED_COLUMNS",
    "SCHEMA_VERSION",
    "SCORE_RANGES",
    "SENTIMENT_LABELS",
    "TOUCHPOINTS",
    "UNDETERMINED_LANGUAGE",
    "Column",
    "describe_schema",
    "emotion_prob_columns",
    "empty_rejects",
    "empty_table",
    "join_list",
    "lists_of",
    "plain_repr",
    "rejected_rows",
    "require",
    "sentiment_prob_columns",
    "source_response_ids",
    "split_list",
    "validate",
    "validation_problems",
]
