"""Cells that hold more than one value: lists, arrays (a Parquet LIST column as pandas reads
it), tuples, dicts (a struct) and bytes (a BINARY column).

The readers carry them as text (JSON; bytes decoded as UTF-8) and the exports write them as
that JSON with every string inside redacted, so a value inside a list is never written raw.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

#: The types of a cell that holds several values, or bytes.
NESTED_TYPES = (dict, list, tuple, np.ndarray, bytes, bytearray)


def is_nested(value: Any) -> bool:
    """Whether `value` is a list, array, tuple, dict or bytes (not one text or number)."""
    return isinstance(value, NESTED_TYPES)


def bytes_text(value: bytes | bytearray) -> str:
    """A binary cell (a Parquet BINARY column) as UTF-8 text, a byte that is not UTF-8 read as
    U+FFFD (`text_issues` flags it), as a file's damaged byte is: never its repr "b'...'"."""
    return bytes(value).decode("utf-8", errors="replace")


def plain_value(value: Any, transform: Callable[[str], str] = str) -> Any:
    """`value` as JSON-ready Python values (arrays as lists, bytes as text), each string in it
    passed through `transform` (a redaction), string dict keys too (a map keyed by e-mail
    addresses: before, its keys were exported raw)."""
    if isinstance(value, bytes | bytearray):
        value = bytes_text(value)
    if isinstance(value, str):
        return transform(value)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, dict):
        return _with_plain_keys(value, transform)
    if isinstance(value, list | tuple):
        return [plain_value(item, transform) for item in value]
    return value.item() if isinstance(value, np.generic) else value


def _with_plain_keys(value: dict[Any, Any], transform: Callable[[str], str]) -> dict[Any, Any]:
    """`value` with its string keys and its items passed through `transform`; a key that a
    redaction makes the same as one before gets " (2)", " (3)"… so no item is lost."""
    plain: dict[Any, Any] = {}
    for key, item in value.items():
        name = transform(key) if isinstance(key, str) else key
        count, unique = 1, name
        while unique in plain:
            count += 1
            unique = f"{name} ({count})"
        plain[unique] = plain_value(item, transform)
    return plain


def nested_text(value: Any, transform: Callable[[str], str] = str) -> str:
    """A nested cell as text: bytes decoded, the others as JSON (`transform` applied to every
    string inside, as :func:`plain_value`)."""
    plain = plain_value(value, transform)
    if isinstance(plain, str):
        return plain
    return json.dumps(plain, ensure_ascii=False, default=str)


def is_arrow_nested(column: pd.Series) -> bool:
    """Whether `column` is an Arrow list, struct, map or binary column (`dtype_backend=
    "pyarrow"`), whose cells hold several values or bytes."""
    if not isinstance(column.dtype, pd.ArrowDtype):
        return False
    import pyarrow as pa

    kind = column.dtype.pyarrow_dtype
    return pa.types.is_nested(kind) or pa.types.is_binary(kind) or pa.types.is_large_binary(kind)


def strings_mapped(column: pd.Series, transform: Callable[[str], str]) -> pd.Series:
    """`column` with each distinct text passed through `transform` once (a redaction); when a
    cell holds a list, array, dict or bytes, the column becomes text and that cell the JSON of
    :func:`nested_text` (bytes: decoded), `transform` applied to every string in it."""
    if is_arrow_nested(column):
        column = column.astype(object)
    texts = {v for v in column.dropna() if isinstance(v, str)}
    done = {text: transform(text) for text in texts}
    mapped = column.map(lambda v: done.get(v, v) if isinstance(v, str) else v)
    nested = column.map(is_nested).astype(bool)
    if not nested.any():
        return mapped.astype(column.dtype)  # a column of no value stays text
    mapped[nested] = column[nested].map(lambda v: nested_text(v, transform))
    return mapped.astype("string")
