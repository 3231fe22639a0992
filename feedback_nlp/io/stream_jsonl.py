"""JSON Lines, streamed: bad lines go to rejects, every field keeps one dtype in all chunks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.cells import as_carried, carried_dtype, json_loads
from feedback_nlp.io.chat import chat_conversations
from feedback_nlp.io.chunks import BLANK, Piece, ReadOptions, drain, last_drains, mapping_for
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.encoding import SAMPLE_BYTES, detect_encoding, iter_lines
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.read_info import builder_carried
from feedback_nlp.io.structured import _builder as _structured_builder
from feedback_nlp.io.structured import _check_platform, flat_record, jsonl_object


def _json_lines(path: Path, options: ReadOptions) -> Iterator[tuple[int, str, int]]:
    """(line number, text, bytes read so far) of every line of a JSON Lines file."""
    with path.open("rb") as stream:
        sample = stream.read(SAMPLE_BYTES)
        if not sample.strip(BLANK):
            raise ReadError(path, "the file is empty", hint="export the data again")
        chosen = options.encoding or detect_encoding(sample, path)
        stream.seek(0)
        _, lines = iter_lines(stream, path, chosen, forced=options.encoding is not None)
        for number, line in enumerate(lines, start=1):
            yield number, line.lstrip("\ufeff") if number == 1 else line, stream.tell()


def is_chat_jsonl(path: Path, options: ReadOptions) -> bool:
    """A chat export in JSON Lines is read whole (as read_jsonl reads it)."""
    for _, line, _ in _json_lines(path, options):
        if line.strip():
            try:
                first = json_loads(line)
            except json.JSONDecodeError:
                return False
            return chat_conversations([first]) is not None
    return False


def _jsonl_survey(path: Path, options: ReadOptions) -> tuple[dict[str, set[type]], int]:
    """First pass: every key (first-seen order) with its value types; the last non-blank line."""
    keys: dict[str, set[type]] = {}
    last = 0
    for number, line, _ in _json_lines(path, options):
        if not line.strip():
            continue
        last = number
        try:
            obj = json_loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            for key, value in flat_record(obj).items():
                kinds = keys.setdefault(str(key), set())
                if value is not None:
                    kinds.add(type(value))
    return keys, last


def stream_jsonl(path: Path, options: ReadOptions) -> Iterator[Piece]:
    """JSON Lines as in read_jsonl: bad lines go to rejects; the keys come from a first pass."""
    _check_platform(path, options.platform, ("auto", "generic"))
    kinds, last = _jsonl_survey(path, options)
    columns = list(kinds)
    plan = ColumnPlan(columns=recognise(columns)).apply(mapping_for(path, options))
    builder = _structured_builder(path, plan, columns, options.seen)
    objects: list[dict[str, Any]] = []
    numbers: list[int] = []
    count = 0
    position = 0
    for number, line, position in _json_lines(path, options):
        if not line.strip():
            continue
        count += 1
        obj = jsonl_object(path, number, line, number == last)
        if isinstance(obj, dict):
            objects.append(flat_record(obj))
            numbers.append(number)
        else:
            what = f"not valid JSON ({obj.msg})" if isinstance(obj, Exception) else "not an object"
            builder.add_rejected(number, f"the line is {what}", line.rstrip("\n"))
        if count >= options.chunk_rows:
            yield _jsonl_piece(builder, objects, numbers, kinds, count, position)
            objects, numbers, count = [], [], 0
    if count:
        yield _jsonl_piece(builder, objects, numbers, kinds, count, position)
    for table, rejects, rows, at in last_drains(builder, position, options.chunk_rows):
        yield _carried_dtypes(table, kinds, builder), rejects, rows, at


def _jsonl_piece(
    builder: TableBuilder,
    objects: list[dict[str, Any]],
    numbers: list[int],
    kinds: dict[str, set[type]],
    count: int,
    position: int,
) -> Piece:
    if objects:
        builder.add(pd.DataFrame(objects, columns=list(kinds), dtype=object), numbers)
    table, rejects, count, position = drain(builder, count, position)
    return _carried_dtypes(table, kinds, builder), rejects, count, position


def _carried_dtypes(
    table: pd.DataFrame, kinds: dict[str, set[type]], builder: TableBuilder
) -> pd.DataFrame:
    """Give each carried JSON field one dtype for the whole file (chunks may lack values).

    Whole numbers -> Int64, numbers -> Float64, booleans -> boolean, anything else -> string
    (a field that mixes types is carried as text).
    """
    for name in builder_carried(builder, table):
        key = name if name in kinds else name.removeprefix("source_")
        dtype = carried_dtype(kinds.get(key, set()))
        table[name] = as_carried(table[name], dtype)
    return table
