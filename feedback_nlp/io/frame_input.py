"""The checks the readers make, for a DataFrame given to `pipeline.tag_frame` instead of a file,
and for a DataFrame given where file paths are expected."""

from __future__ import annotations

import os
import reprlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from feedback_nlp.errors import ReadError, SchemaError
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.scores import SLASHED_HINT, parse_datetime
from feedback_nlp.schema import INPUT_COLUMNS, SCORE_RANGES, plain_repr
from feedback_nlp.scores import check_range

#: Columns of a feedback table the readers write themselves (and a stage may update).
_READER_COLUMNS = {"text_issues", "star_rating"}

_TAG_FRAME_HINT = (
    "to tag a DataFrame with a fitted model use feedback_nlp.pipeline.tag_frame(model, df); "
    "to read it as a file is read, write it first: df.to_parquet('feedback.parquet')"
)


def checked_paths(paths: object, caller: str) -> list[str | Path]:
    """`paths` as a list of paths (one path alone: a list of it), each a str or a Path (any
    ``os.PathLike`` read as its path); ReadError naming `caller` for a DataFrame or Series,
    TypeError for anything else that is no path (before, a ``PurePosixPath`` or another
    ``os.PathLike`` was refused as if it were a DataFrame)."""
    if isinstance(paths, str | os.PathLike):
        return [_as_path(paths)]
    if isinstance(paths, pd.DataFrame | pd.Series):
        raise _frame_error(caller, _frame_name(paths))
    items = list(paths) if isinstance(paths, Iterable) else [paths]
    for item in items:
        if isinstance(item, pd.DataFrame | pd.Series):
            raise _frame_error(caller, f"{_frame_name(item)} among the paths")
        if not isinstance(item, str | os.PathLike):
            raise TypeError(
                f"{caller}() reads files, and was given {type(item).__name__} "
                f"{reprlib.repr(item)}: give a path (a str or an os.PathLike)"
            )
    return [_as_path(item) for item in items]


def _as_path(path: str | os.PathLike) -> str | Path:
    """A str or Path as it is; any other os.PathLike as the Path it names."""
    return path if isinstance(path, str | Path) else Path(os.fsdecode(path))


def _frame_name(table: pd.DataFrame | pd.Series) -> str:
    """'a DataFrame' or 'a Series'."""
    return "a DataFrame" if isinstance(table, pd.DataFrame) else "a Series"


def _frame_error(caller: str, given: str) -> ReadError:
    """The ReadError for a DataFrame given where paths are expected, pointing to tag_frame."""
    return ReadError(None, f"{caller}() reads files, and was given {given}", hint=_TAG_FRAME_HINT)


def tag_frame_input(table: object, outputs: Iterable[str]) -> pd.DataFrame:
    """`table` checked as the readers check a file's rows, for `tag_frame`: a table without a
    ``text`` column has its export headers recognised as the readers recognise them
    (`comment` → ``text``, `nps_score` → ``nps``; `_recognised`); SchemaError naming the row
    of a missing or repeated response_id, of an NPS outside 0-10 (before any tagging:
    `nps_group` needs it) or of a ``created_at`` that is no date, which is read in UTC as
    the readers read it; a column named as one of the model's `outputs` (``sentiment``,
    ``topic``…, in any letter case) kept as ``source_<name>``, as the readers keep it."""
    if not isinstance(table, pd.DataFrame):
        raise SchemaError(
            f"tag_frame tags a pandas DataFrame, and was given {type(table).__name__}"
        )
    if isinstance(table.columns, pd.MultiIndex):
        raise SchemaError(
            "tag_frame needs one level of column names, and was given a MultiIndex (after a "
            "pivot?); flatten it first: df.columns = ['_'.join(map(str, filter(None, c))) "
            "for c in df.columns]"
        )
    table = _recognised(table)
    if "response_id" in table.columns:
        _check_ids(table["response_id"])
    if "nps" in table.columns:  # CSAT and CES: on the model's scales, not known here
        check_range(table["nps"], "nps", SCORE_RANGES["nps"])
    if "created_at" in table.columns:
        table = table.assign(created_at=_dates(table["created_at"]))
    return table.rename(columns=_source_names(table.columns, outputs))


def _recognised(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with the schema's names for the export headers the readers recognise
    (`column_names.recognise`), where it has no ``text`` column: a feedback table (one a
    reader made) keeps its columns as they are, a warehouse extract gets the readers' names."""
    if "text" in table.columns or not all(isinstance(c, str) for c in table.columns):
        return table
    found = recognise(list(table.columns))
    names = {column: name for name, column in found.items() if name not in table.columns}
    return table.rename(columns=names) if "text" in names.values() else table


def _dates(values: pd.Series) -> pd.Series:
    """``created_at`` in UTC, as the readers parse it (`io.scores.parse_datetime`: naive times
    taken as UTC); SchemaError naming the first row whose value is no date."""
    parsed, reasons = parse_datetime(values)
    bad = reasons.notna()
    if bad.any():
        position = int(bad.to_numpy().argmax())
        row = plain_repr(values.index[position])
        if SLASHED_HINT in reasons.iat[position]:  # tag_frame takes no mapping's date_format
            raise SchemaError(
                f"row {row}: created_at is not a date: {plain_repr(values.iat[position])} "
                "(slashed dates are day or month first, which the text cannot tell): parse the "
                "column first, df['created_at'] = pd.to_datetime(df['created_at'], "
                "dayfirst=True) for day-first dates, or format='%m/%d/%Y'"
            )
        raise SchemaError(
            f"row {row}: {reasons.iat[position]}; give datetimes or dates the readers read"
        )
    return parsed


def _check_ids(ids: pd.Series) -> None:
    """SchemaError naming the first row whose response_id is missing or seen before."""
    missing = ids.isna()
    if missing.any():
        raise SchemaError(
            f"column 'response_id' row {plain_repr(ids.index[missing.argmax()])}: the id is "
            "missing (the readers make one, '<file>-<line>'); give every row an id"
        )
    repeated = ids.duplicated()
    if repeated.any():
        position = int(repeated.argmax())
        value = ids.iat[position]
        first = ids.index[(ids == value).argmax()]
        raise SchemaError(
            f"column 'response_id' row {plain_repr(ids.index[position])}: "
            f"{plain_repr(value)} again (first at row {plain_repr(first)}; the readers reject "
            "the repeat); give every row its own id"
        )


def _source_names(columns: Sequence[object], outputs: Iterable[str]) -> dict[object, str]:
    """Each column named as an output (in any letter case) → ``source_<name>``."""
    taken = {str(name).lower() for name in outputs} - set(INPUT_COLUMNS) - _READER_COLUMNS
    return {c: f"source_{c}" for c in columns if str(c).lower() in taken}
