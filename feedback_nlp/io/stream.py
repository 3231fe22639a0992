"""`stream_feedback`: read feedback files chunk by chunk, never the whole input in memory.

Rows are checked exactly as :func:`~feedback_nlp.io.read_many` checks them (the same
header detection, column mapping and :class:`~feedback_nlp.io.build.TableBuilder`), and a
response_id seen earlier in any file is rejected, but each chunk of `chunk_rows` source rows
comes out on its own: its kept rows (schema dtypes) and its rejected rows. The chunks of a file
are the same on every run, so a chunk's number identifies it (the batch tagger resumes by it).

CSV/TSV, JSON Lines and Parquet stream; a JSON document, a chat export and an .xlsx sheet are
read whole (they are small by nature) and then cut into chunks.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.answers import first_answers
from feedback_nlp.io.chunks import (
    BLANK,
    Piece,
    ReadOptions,
    drain,
    file_scales,
    last_drains,
    mapping_for,
)
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.delimited import _builder as _delimited_builder
from feedback_nlp.io.delimited import (
    _rows_with_lines,
    _Tracked,
    read_header,
    row_problem,
    sniff_delimiter,
)
from feedback_nlp.io.encoding import SAMPLE_BYTES, detect_encoding, iter_lines
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.platforms import PLATFORMS
from feedback_nlp.io.reader import SUFFIXES, _read_one
from feedback_nlp.io.seen_ids import SeenIds
from feedback_nlp.io.stream_jsonl import is_chat_jsonl, stream_jsonl
from feedback_nlp.io.structured import _builder as _structured_builder
from feedback_nlp.io.structured import _check_platform, open_parquet
from feedback_nlp.schema import empty_rejects, rejected_rows, validate
from feedback_nlp.score_scales import ScoreScales

#: Source rows per chunk unless the caller says otherwise.
CHUNK_ROWS = 10_000


@dataclass
class Chunk:
    """One chunk of one file: the kept rows, the rejected rows and where the read is."""

    file_index: int
    index: int
    path: Path
    table: pd.DataFrame
    rejects: pd.DataFrame
    rows_read: int
    position: int
    size: int

    @property
    def key(self) -> str:
        """``<file>-<chunk>``, zero-padded: the chunk's name in a tagging job."""
        return f"{self.file_index:05d}-{self.index:06d}"


def stream_feedback(
    paths: Sequence[str | Path],
    *,
    chunk_rows: int = CHUNK_ROWS,
    mapping: str | Path | dict[str, Any] | None = None,
    platform: str = "auto",
    agent_turns: str = "context",
    encoding: str | None = None,
    sheet: str | int | None = None,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
    outcomes: dict[str, Any] | None = None,
    brand_handles: Iterable[str] = (),
    **columns: str,
) -> Iterator[Chunk]:
    """Yield the chunks of every file in order; options as in :func:`read_many`."""
    if not paths:
        raise ReadError(None, "no files given", hint="pass at least one file")
    if chunk_rows < 1:
        raise ValueError(f"chunk_rows must be >= 1, got {chunk_rows}")
    if platform not in PLATFORMS:
        from feedback_nlp.errors import ConfigError

        raise ConfigError(f"unknown platform '{platform}'; use one of {list(PLATFORMS)}")
    options = ReadOptions(
        platform,
        mapping,
        agent_turns,
        encoding,
        sheet,
        dict(columns),
        chunk_rows,
        SeenIds(),
        bad_scores,
        scales,
        outcomes,
        frozenset(brand_handles),
    )
    for file_index, path in enumerate(Path(p) for p in paths):
        yield from _stream_file(file_index, path, options)


def _stream_file(file_index: int, path: Path, options: ReadOptions) -> Iterator[Chunk]:
    if not path.is_file():
        raise ReadError(path, "no such file", hint="check the path")
    kind = SUFFIXES.get(path.suffix.lower())
    size = path.stat().st_size
    pieces: Iterator[Piece]
    if kind == "csv":
        pieces = _delimited(path, options)
    elif kind == "parquet":
        pieces = _parquet(path, options, size)
    elif kind == "jsonl" and not is_chat_jsonl(path, options):
        pieces = stream_jsonl(path, options)
    else:
        yield from _whole(file_index, path, options, size)
        return
    ranges = file_scales(path, options).ranges()
    for index, (table, rejects, rows_read, position) in enumerate(pieces):
        table = validate(table, ranges)
        yield Chunk(file_index, index, path, table, rejects, rows_read, position, size)


def _whole(file_index: int, path: Path, options: ReadOptions, size: int) -> Iterator[Chunk]:
    """Formats read whole (JSON, chat exports, xlsx): one read, then cut into chunks."""
    read = _read_one(
        path,
        options.mapping,
        options.platform,
        options.agent_turns,
        options.encoding,
        options.sheet,
        options.columns,
        options.seen,
        bad_scores=options.bad_scores,
        scales=options.scales,
        outcomes=options.outcomes,
    )
    step = options.chunk_rows
    count = max(1, -(-len(read.table) // step))
    split = read.info.get("answers_added", 0) > 0  # several answers of one row (io.answers)
    sources = first_answers(read.table) if split else pd.Series(True, index=read.table.index)
    for index in range(count):
        table = read.table.iloc[index * step : (index + 1) * step].reset_index(drop=True)
        rejects = read.rejects if index == 0 else empty_rejects()
        kept = int(sources.iloc[index * step : (index + 1) * step].sum())
        first = len(rejected_rows(read.rejects)) + read.info.get("rows_folded", 0)
        rows_read = kept + (first if index == 0 else 0)
        position = size if index == count - 1 else size * (index + 1) // count
        yield Chunk(file_index, index, path, table, rejects, rows_read, position, size)


def _delimited(path: Path, options: ReadOptions) -> Iterator[Piece]:
    """CSV/TSV as in read_delimited, yielding the builder after every chunk of rows."""
    with path.open("rb") as stream:
        sample = stream.read(SAMPLE_BYTES)
        if not sample.strip(BLANK):
            raise ReadError(path, "the file is empty", hint="export the data again")
        chosen = options.encoding or detect_encoding(sample, path)
        stream.seek(0)
        decoder, lines = iter_lines(stream, path, chosen, forced=options.encoding is not None)
        text_sample = sample.decode(chosen, errors="ignore")
        delimiter = sniff_delimiter(text_sample.lstrip("\ufeff"), path.suffix.lower())
        tracked = _Tracked(lines)
        reader = csv.reader(tracked, delimiter=delimiter)
        rows = _rows_with_lines(reader, tracked, path)
        header, first, _ = read_header(rows, options.platform, path)
        builder = _delimited_builder(path, header, mapping_for(path, options), options.seen)
        builder.turns.mode = options.agent_turns  # an agent's text: context or dropped
        width = len(header.columns)
        source = itertools.chain(first, rows)
        while True:
            batch = list(itertools.islice(source, options.chunk_rows))
            if not batch:
                yield from last_drains(builder, stream.tell(), options.chunk_rows)
                return
            kept = [(start, row) for start, row, _ in batch if len(row) == width]
            for start, row, raw in batch:
                if len(row) != width:
                    builder.add_rejected(start, row_problem(row, width), raw.rstrip("\r\n"))
            if kept:
                frame = pd.DataFrame([r for _, r in kept], columns=header.columns, dtype="str")
                builder.add(frame, np.asarray([s for s, _ in kept]))
            yield drain(builder, len(batch), decoder.position or stream.tell())


def _parquet(path: Path, options: ReadOptions, size: int) -> Iterator[Piece]:
    """Parquet batch by batch, as in read_parquet."""
    import pyarrow as pa

    _check_platform(path, options.platform, ("auto", "generic"))
    parquet = open_parquet(path)
    columns = list(parquet.schema_arrow.names)
    plan = ColumnPlan(columns=recognise(columns)).apply(mapping_for(path, options))
    builder = _structured_builder(path, plan, columns, options.seen)
    builder.turns.mode = options.agent_turns
    total = max(parquet.metadata.num_rows, 1)
    start = 1
    batches = parquet.iter_batches(batch_size=options.chunk_rows)
    while True:
        try:
            batch = next(batches, None)
        except (pa.ArrowException, OSError) as exc:
            raise ReadError(path, f"the Parquet data is damaged ({exc})", line=start) from None
        if batch is None:
            yield from last_drains(builder, size, options.chunk_rows)
            return
        frame = batch.to_pandas()
        builder.add(frame, list(range(start, start + len(frame))))
        start += len(frame)
        yield drain(builder, len(frame), size * (start - 1) // total)
