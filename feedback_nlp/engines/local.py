"""The local runner: stream the input chunk by chunk, tag each chunk, write it as a part.

Where the model has a topics stage, each chunk's `theme_mentions` side table (one row per
comment and theme: the part of the comment that raises it, its similarity and sentiment) is
written beside its tagged part, as ``<out>/theme_mentions/part-<chunk>.parquet``.

Reading runs one chunk ahead in a thread, so the next chunk is read and checked while the
current one is tagged. Each finished chunk is recorded in the manifest only after its part
files are in place, so a run stopped at any point (crash, kill -9, Ctrl-C) leaves finished
chunks and nothing else; `resume` reads the input again and tags only the chunks the manifest
does not list.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines.job import TagSummary, finish_job, load_model
from feedback_nlp.engines.manifest import Manifest
from feedback_nlp.engines.parts import (
    MENTIONS,
    REJECTS,
    TAGGED,
    first_schema,
    part_name,
    to_arrow,
    write_mentions,
    write_part,
)
from feedback_nlp.engines.progress import Progress
from feedback_nlp.io.stream import Chunk, stream_feedback
from feedback_nlp.pipeline import with_nps_group
from feedback_nlp.report.export import redact_for_export
from feedback_nlp.report.inputs import prepare_settings, stage_configs
from feedback_nlp.schema import rejected_rows
from feedback_nlp.topics.drift import baseline, chunk_record, theme_model

_DONE = object()


def run_local(
    manifest: Manifest,
    model: Path,
    paths: list[Path],
    *,
    chunk_rows: int,
    read_options: dict[str, Any],
    progress: bool | None = None,
) -> TagSummary:
    """Tag every chunk the manifest does not list yet; mark the job done at the end."""
    out = manifest.folder
    analyzer = load_model(model)
    done_before = _verified_parts(manifest)
    manifest.theme_baseline = baseline(theme_model(analyzer))
    manifest.save()  # before the first part, so that any part on disk belongs to a manifest
    schemas = {
        int(index): first_schema(out / TAGGED, name)
        for index, name in manifest.schema_parts.items()
    }
    offsets = _offsets(paths)
    started = time.perf_counter()
    written = tagged_now = 0
    chunks = stream_feedback(paths, chunk_rows=chunk_rows, **read_options)
    with Progress(offsets[-1], progress) as bar:
        for chunk in prefetched(chunks):
            position = offsets[chunk.file_index] + chunk.position
            if chunk.key in manifest.parts:
                bar.advance(manifest.parts[chunk.key]["rows"], position, skipped=True)
                continue
            record, schema = _tag_chunk(analyzer, chunk, out, schemas.get(chunk.file_index))
            if record["tagged"] and chunk.file_index not in schemas:
                schemas[chunk.file_index] = schema
                manifest.schema_parts[str(chunk.file_index)] = record["tagged"]
            manifest.parts[chunk.key] = record
            manifest.save()
            written += 1
            tagged_now += record["rows"]
            bar.advance(record["rows"], position)
    seconds = time.perf_counter() - started
    return finish_job(manifest, "local", written, done_before, seconds, tagged_now)


def tag_chunk_tables(
    analyzer: Analyzer, table: pd.DataFrame, prepare: dict[str, Any] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The tagged chunk and its `theme_mentions` table (None without a topics stage), both
    redacted as every export is (`prepare`: the model's prepare settings, read from it when
    not given)."""
    batch = analyzer.transform_batch(table)
    prepare = prepare or prepare_settings(stage_configs(analyzer.stages))
    tagged = redact_for_export(with_nps_group(batch.table), prepare=prepare)
    mentions = batch.tables.get(MENTIONS)
    return tagged, None if mentions is None else redact_for_export(mentions)


def _tag_chunk(
    analyzer: Analyzer, chunk: Chunk, out: Path, schema: Any
) -> tuple[dict[str, Any], Any]:
    rejected = len(rejected_rows(chunk.rejects))
    record: dict[str, Any] = {
        "file": chunk.file_index,
        "chunk": chunk.index,
        "rows_read": chunk.rows_read,
        "rows": len(chunk.table),
        "rejects": rejected,
        "kept_with_problem": len(chunk.rejects) - rejected,
        "tagged": None,
        "rejected": None,
        "mentions": None,
    }
    name = part_name(chunk.key)
    prepare = prepare_settings(stage_configs(analyzer.stages))  # the brand's handles stay
    if len(chunk.table):
        tagged, mentions = tag_chunk_tables(analyzer, chunk.table, prepare)
        arrow = to_arrow(tagged, schema)
        schema = schema or arrow.schema
        record.update(chunk_record(analyzer, tagged))
        record["mentions"] = write_mentions(mentions, out, name)
        write_part(arrow, out / TAGGED, name)
        record["tagged"] = name
    if len(chunk.rejects):
        rejects = redact_for_export(chunk.rejects, prepare=prepare, rows_kept=chunk.table)
        write_part(to_arrow(rejects), out / REJECTS, name)
        record["rejected"] = name
    return record, schema


def _verified_parts(manifest: Manifest) -> int:
    """Drop finished chunks whose part files have gone missing (they are tagged again)."""
    for key in manifest.missing_parts():
        del manifest.parts[key]
    tagged = {r.get("tagged") for r in manifest.parts.values()}
    manifest.schema_parts = {i: n for i, n in manifest.schema_parts.items() if n in tagged}
    return len(manifest.parts)


def _offsets(paths: list[Path]) -> list[int]:
    """Bytes before each file (and in total, last)."""
    offsets = [0]
    for path in paths:
        offsets.append(offsets[-1] + path.stat().st_size)
    return offsets


def prefetched(items: Iterable[Chunk], depth: int = 1) -> Iterator[Chunk]:
    """Iterate `items` produced `depth` ahead in a thread; its errors are raised here."""
    buffer: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def hand_over(item: Any) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(_DONE)
        except BaseException as error:  # handed over to the consumer
            hand_over(error)

    threading.Thread(target=produce, name="feedback-nlp-reader", daemon=True).start()
    try:
        while True:
            item = buffer.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
