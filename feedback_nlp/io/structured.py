"""JSON, JSON Lines and Parquet readers, including App Store and chat exports (Excel:
`io.excel`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.cells import json_loads
from feedback_nlp.io.chat import chat_conversations, chat_rows
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.encoding import check_is_text, detect_encoding
from feedback_nlp.io.mapping import ColumnPlan, Mapping

CHUNK_ROWS = 20_000

APP_STORE_COLUMNS = {
    "response_id": "id",
    "star_rating": "rating",
    "text": "body",
    "respondent_id": "reviewerNickname",
    "created_at": "createdDate",
}


def decode_file(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The file's text (`encoding`, else detected; a damaged byte read as U+FFFD) and the
    encoding used; ReadError for an empty file or one that is not text."""
    if not data.strip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n"):
        raise ReadError(path, "the file is empty", hint="export the data again")
    chosen = encoding or detect_encoding(data[: 1 << 16], path)
    text = data.decode(chosen, errors="replace")
    check_is_text(text, path, 1, chosen)
    return text.lstrip("\ufeff"), chosen


def _records_in(document: Any, path: Path) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key, value in document.items():
            objects = sum(isinstance(v, dict) for v in value) if isinstance(value, list) else 0
            if objects and objects * 2 >= len(value):  # a stray "oops" among them is rejected
                return value
            if isinstance(value, list) and not value and key in ("data", "responses", "reviews"):
                return []
    raise ReadError(
        path,
        'the JSON holds no list of records (expected [ {...}, … ] or {"<name>": [ {...}, … ]})',
        hint="export the rows as a JSON array",
    )


def _is_app_store(records: list[Any]) -> bool:
    return bool(records) and all(
        isinstance(r, dict) and r.get("type") == "customerReviews" and "attributes" in r
        for r in records
    )


def read_json(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    encoding: str | None,
    agent_turns: str,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Read a JSON document: chat conversations, App Store reviews or a list of records."""
    text, chosen = decode_file(path, path.read_bytes(), encoding)
    try:
        document = json_loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            path,
            f"invalid or truncated JSON: {exc.msg} (column {exc.colno})",
            line=exc.lineno,
            hint="export the file again",
        ) from None
    info: dict[str, object] = {"format": "json", "encoding": chosen}
    conversations = chat_conversations(document)
    if conversations is not None and platform in ("auto", "chat"):
        return _chat(path, conversations, mapping, agent_turns, seen_ids, info)
    records = _records_in(document, path)
    if _is_app_store(records) and platform in ("auto", "app_store"):
        frame = pd.DataFrame(
            [{"id": r.get("id"), "type": r.get("type"), **r["attributes"]} for r in records]
        )
        plan = ColumnPlan(
            columns={k: v for k, v in APP_STORE_COLUMNS.items() if v in frame.columns},
            constants={"channel": "review", "source": "app_store"},
            platform="app_store",
        )
    else:
        _check_platform(path, platform, ("auto", "generic"))
        objects = [r for r in records if isinstance(r, dict)]
        frame = pd.DataFrame([flat_record(r) for r in objects], dtype=object)  # 19-digit ids exact
        plan = ColumnPlan(columns=recognise([str(c) for c in frame.columns]))
    info["line_means"] = "record number"
    builder = _builder(path, plan.apply(mapping), list(frame.columns), seen_ids)
    numbers = []
    for number, record in enumerate(records, start=1):  # a record that is no object: rejected
        if isinstance(record, dict):
            numbers.append(number)
        else:
            builder.add_rejected(number, "the record is not a JSON object", record)
    builder.add(frame, numbers)
    return builder, info


def _check_platform(path: Path, platform: str, allowed: tuple[str, ...]) -> None:
    if platform not in allowed:
        raise ReadError(
            path, f"the file does not look like a {platform} export", hint="use platform='auto'"
        )


def _builder(
    path: Path, plan: ColumnPlan, columns: list[str], seen_ids: dict[str, str]
) -> TableBuilder:
    builder = TableBuilder(path=path, plan=plan, seen_ids=seen_ids)
    builder.check_plan([str(c) for c in columns])
    return builder


def _chat(
    path: Path,
    conversations: list[dict[str, Any]],
    mapping: Mapping | None,
    agent_turns: str,
    seen_ids: dict[str, str],
    info: dict[str, object],
) -> tuple[TableBuilder, dict[str, object]]:
    frame, numbers, plan, counts = chat_rows(conversations, agent_turns, path)
    builder = _builder(path, plan.apply(mapping), list(frame.columns), seen_ids)
    builder.add(frame, numbers)
    info.update(counts, agent_turns=agent_turns, line_means="conversation number")
    return builder, info


def flat_record(record: dict[str, Any], parent: str = "") -> dict[str, Any]:
    """Nested objects of a JSON record as dotted columns ({"via": {"channel": "email"}} ->
    {"via.channel": "email"}), as help-desk and API exports nest them; lists stay values."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{parent}.{key}" if parent else str(key)
        if isinstance(value, dict) and value:
            flat.update(flat_record(value, name))
        else:
            flat[name] = None if isinstance(value, dict) else value
    return flat


def jsonl_object(path: Path, number: int, line: str, is_last: bool) -> Any:
    """One JSONL line parsed, or its JSONDecodeError (the row is rejected); an invalid last
    line means the file was cut off and is refused."""
    try:
        return json_loads(line)
    except json.JSONDecodeError as exc:
        if is_last:
            raise ReadError(
                path,
                f"the last line is cut off or invalid JSON ({exc.msg})",
                line=number,
                hint="the file is truncated; export it again",
            ) from None
        return exc


def _jsonl_objects(path: Path, text: str) -> Iterator[tuple[int, Any, str]]:
    lines = text.split("\n")
    last = max((i for i, line in enumerate(lines, start=1) if line.strip()), default=0)
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, jsonl_object(path, number, line, number == last), line


def read_jsonl(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    encoding: str | None,
    agent_turns: str,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Read JSON Lines: one object per line; bad lines go to rejects with their line."""
    text, chosen = decode_file(path, path.read_bytes(), encoding)
    items = list(_jsonl_objects(path, text))
    info: dict[str, object] = {"format": "jsonl", "encoding": chosen}
    objects = [obj for _, obj, _ in items if isinstance(obj, dict)]
    conversations = chat_conversations(objects)
    if conversations is not None and len(objects) == len(items) and platform in ("auto", "chat"):
        return _chat(path, conversations, mapping, agent_turns, seen_ids, info)
    _check_platform(path, platform, ("auto", "generic"))
    items = [(n, flat_record(o) if isinstance(o, dict) else o, line) for n, o, line in items]
    objects = [obj for _, obj, _ in items if isinstance(obj, dict)]
    columns: list[str] = list(dict.fromkeys(str(k) for obj in objects for k in obj))
    plan = ColumnPlan(columns=recognise(columns)).apply(mapping)
    builder = _builder(path, plan, columns, seen_ids)
    chunk: list[dict[str, Any]] = []
    lines: list[int] = []
    for number, obj, line in items:
        if not isinstance(obj, dict):
            what = f"not valid JSON ({obj.msg})" if isinstance(obj, Exception) else "not an object"
            builder.add_rejected(number, f"the line is {what}", line)
            continue
        chunk.append(obj)
        lines.append(number)
        if len(chunk) >= CHUNK_ROWS:
            builder.add(pd.DataFrame(chunk, columns=columns, dtype=object), lines)
            chunk, lines = [], []
    if chunk:
        builder.add(pd.DataFrame(chunk, columns=columns, dtype=object), lines)
    return builder, info


def open_parquet(path: Path) -> Any:
    """`pyarrow.parquet.ParquetFile` of `path`; ReadError when it is not readable Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise ReadError(
            path,
            f"not a readable Parquet file ({exc})",
            hint="write it again with pandas.DataFrame.to_parquet",
        ) from None


def read_parquet(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Read a Parquet file batch by batch; line = row number (1-based)."""
    import pyarrow as pa

    _check_platform(path, platform, ("auto", "generic"))
    parquet = open_parquet(path)
    columns = list(parquet.schema_arrow.names)
    plan = ColumnPlan(columns=recognise(columns)).apply(mapping)
    builder = _builder(path, plan, columns, seen_ids)
    start = 1
    try:
        for batch in parquet.iter_batches(batch_size=CHUNK_ROWS):
            frame = batch.to_pandas()
            builder.add(frame, list(range(start, start + len(frame))))
            start += len(frame)
    except (pa.ArrowException, OSError) as exc:
        raise ReadError(path, f"the Parquet data is damaged ({exc})", line=start) from None
    return builder, {"format": "parquet", "line_means": "row number"}
