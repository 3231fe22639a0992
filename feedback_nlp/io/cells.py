"""Cells of raw rows as feedback-table values: text, damage flags, carried columns, dtypes."""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd

from feedback_nlp.io.nested import bytes_text, is_nested, nested_text
from feedback_nlp.schema import COLUMNS, INPUT_COLUMNS
from feedback_nlp.text.damage import find_issues, merge_issues

#: A plain decimal number, with an optional exponent ("4", "-2.5", ".5", "1e3").
NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def is_missing(series: pd.Series) -> pd.Series:
    """True where a cell is missing or holds only whitespace."""
    as_text = series.astype("string")
    return as_text.isna() | (as_text.str.strip() == "")


def is_missing_cell(value: object) -> bool:
    """`is_missing` for one cell: missing (None, NaN, NA) or only whitespace."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return True
    return str(value).strip() == ""


def text_issues(texts: pd.Series) -> pd.Series:
    """The `text_issues` cell of every text: damage kinds joined by '|', "" when none."""
    issues = pd.Series("", index=texts.index, dtype="string")
    suspect = texts.str.contains(_SUSPECT, regex=True, na=False)
    for position in suspect.to_numpy().nonzero()[0]:
        issues.iat[position] = merge_issues(find_issues(texts.iat[position]))
    return issues


_SUSPECT = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]|[ÂÃ]|â€"


def add_note(notes: list[str], note: str | None, key: str) -> None:
    """Append `note` unless a note starting with `key` is there (every chunk of a file may
    have one; the first chunk's stays)."""
    if note and not any(other.startswith(key) for other in notes):
        notes.append(note)


def reason_kind(reason: str) -> str:
    """Group reasons for counting: the text before the first quote, colon or bracket ("the
    line is not valid JSON (Expecting ',' …)" counts as "the line is not valid JSON")."""
    return re.split(r"[:(]|(?<!\w)'", reason, maxsplit=1)[0].strip()


def as_string(series: pd.Series) -> pd.Series:
    """`series` as a string column: bytes decoded as UTF-8, lists, arrays and dicts as JSON."""
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return series.astype("string")
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.astype("string")
    return series.map(_cell_text, na_action="ignore").astype("string")


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if is_nested(value):  # bytes decoded; lists, arrays and dicts as JSON
        return nested_text(value)
    return str(value)


def bytes_decoded(raw: pd.DataFrame) -> pd.DataFrame:
    """`raw` with the bytes cells of its columns (a Parquet BINARY column) as UTF-8 text
    (`io.nested.bytes_text`), before any check reads them."""
    for name in raw.columns:
        column = raw[name]
        if pd.api.types.is_object_dtype(column) and column.map(_is_bytes).any():
            raw[name] = column.map(_decoded)
    return raw


def _is_bytes(value: Any) -> bool:
    return isinstance(value, bytes | bytearray)


def _decoded(value: Any) -> Any:
    return bytes_text(value) if _is_bytes(value) else value


def carry(series: pd.Series) -> pd.Series:
    """A carried column: one whose cells hold lists, arrays (a Parquet LIST column) or dicts
    (a struct) becomes JSON text, as a JSON reader's nested lists do, so exports redact it."""
    if series.dtype == object and series.map(is_nested).any():
        return as_string(series)
    return series


def carried_dtype(kinds: set[type]) -> str:
    """The one dtype of a carried field whose values have these Python types: whole numbers
    Int64, numbers Float64, booleans boolean, anything else (text, or a mix such as order
    references written 12 in one record and "A-12" in another) string."""
    if not kinds:  # no value at all: text, as an empty column of a CSV
        return "string"
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "Int64"
    if kinds <= {int, float}:
        return "Float64"
    return "string"


def one_type_per_column(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`table` with each of `columns` that holds Python values (a JSON or xlsx field) given
    one dtype (`carried_dtype`): Parquet, and a tagging job's parts, take one type per
    column, and whole numbers stay exact (a 19-digit order number beside a missing one)."""
    for name in columns:
        column = table[name]
        if column.dtype != object:
            continue
        kinds = set(column.dropna().map(type).unique())
        table[name] = as_carried(column, carried_dtype(kinds))
    return table


def as_carried(column: pd.Series, dtype: str) -> pd.Series:
    """`column` as `dtype`, as text where a whole number exceeds Int64."""
    if dtype == "string":
        return as_string(column)
    try:
        return column.astype(dtype)
    except (OverflowError, TypeError, ValueError):
        return as_string(column)


def carried_name(column: str, out: dict[str, pd.Series]) -> str:
    """A carried column's name: `source_<name>` when the schema has the name (a `topic` or
    `sentiment` column of the export is kept beside the toolkit's, not mistaken for it), in
    any letter case ("Sentiment" beside `sentiment` would clash in case-blind tools)."""
    name = str(column)
    lower = name.lower()
    taken = lower in COLUMNS or any(str(key).lower() == lower for key in out)
    return f"source_{name}" if taken else name


def plain_record(record: dict[str, Any]) -> dict[str, Any]:
    return {str(k): (None if _is_na(v) else v) for k, v in record.items()}


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def schema_dtypes(table: pd.DataFrame) -> pd.DataFrame:
    for name, column in INPUT_COLUMNS.items():
        if name in table.columns and column.dtype in ("string", "Int64"):
            table[name] = table[name].astype(column.dtype)
        elif name in table.columns and column.dtype.startswith("datetime"):
            table[name] = pd.to_datetime(table[name], utc=True)
    if "text_issues" in table.columns:
        table["text_issues"] = table["text_issues"].astype("string")
    if "star_rating" in table.columns:
        table["star_rating"] = table["star_rating"].astype("Int64")
    return table


def ordered_columns(table: pd.DataFrame) -> pd.DataFrame:
    first = [c for c in (*INPUT_COLUMNS, "text_issues", "star_rating") if c in table.columns]
    return table[first + [c for c in table.columns if c not in first]]


#: A \uD800-\uDFFF escape that is not half of a pair: a character a tool cut in two.
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def json_loads(text: str) -> Any:
    """`json.loads` (control characters allowed in strings), a lone surrogate escape read as
    U+FFFD, which `text_issues` flags and `text_clean` drops: a half emoji would otherwise
    stop the read with an encoding error."""
    if "\\u" in text and _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub(r"\\ufffd", text)
    return json.loads(text, strict=False)
