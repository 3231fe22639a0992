"""The checks the readers make, for a DataFrame given to `pipeline.tag_frame` instead of a file,
and for a DataFrame given where file paths are expected."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from feedback_nlp.errors import ReadError, SchemaError
from feedback_nlp.schema import INPUT_COLUMNS, SCORE_RANGES, plain_repr
from feedback_nlp.scores import check_range

#: Columns of a feedback table the readers write themselves (and a stage may update).
_READER_COLUMNS = {"text_issues", "star_rating"}

_TAG_FRAME_HINT = (
    "to tag a DataFrame with a fitted model use feedback_nlp.pipeline.tag_frame(model, df); "
    "to read it as a file is read, write it first: df.to_parquet('feedback.parquet')"
)


def checked_paths(paths: object, caller: str) -> list[str | Path]:
    """`paths` as a list of paths (one path alone: a list of it); ReadError naming `caller`
    when a DataFrame or something else that is no path is given."""
    if isinstance(paths, str | Path):
        return [paths]
    if isinstance(paths, pd.DataFrame | pd.Series):
        raise ReadError(
            None, f"{caller}() reads files, and was given a DataFrame", hint=_TAG_FRAME_HINT
        )
    items = list(paths) if isinstance(paths, Iterable) else [paths]
    for item in items:
        if not isinstance(item, str | Path):
            what = "a DataFrame" if isinstance(item, pd.DataFrame) else type(item).__name__
            raise ReadError(
                None,
                f"{caller}() reads files, and was given {what} among the paths",
                hint=_TAG_FRAME_HINT,
            )
    return items


def tag_frame_input(table: object, outputs: Iterable[str]) -> pd.DataFrame:
    """`table` checked as the readers check a file's rows, for `tag_frame`: SchemaError naming
    the row of a missing or repeated response_id, or of an NPS outside 0-10 (before any
    tagging: `nps_group` needs it); a column named as one of the model's `outputs`
    (``sentiment``, ``topic``…, in any letter case) kept as ``source_<name>``, as the readers
    keep it."""
    if not isinstance(table, pd.DataFrame):
        raise SchemaError(
            f"tag_frame tags a pandas DataFrame, and was given {type(table).__name__}"
        )
    if "response_id" in table.columns:
        _check_ids(table["response_id"])
    if "nps" in table.columns:  # CSAT and CES: on the model's scales, not known here
        check_range(table["nps"], "nps", SCORE_RANGES["nps"])
    return table.rename(columns=_source_names(table.columns, outputs))


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
