"""What the streaming readers share: read options, and draining a TableBuilder chunk by chunk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.mapping import Mapping, load_mapping
from feedback_nlp.io.seen_ids import SeenIds

#: Bytes that make a file empty when it holds nothing else.
BLANK = b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n"


@dataclass
class ReadOptions:
    """The read options of a streamed read, and the response_ids seen so far."""

    platform: str
    mapping: str | Path | dict[str, Any] | None
    agent_turns: str
    encoding: str | None
    sheet: str | int | None
    columns: dict[str, str]
    chunk_rows: int
    seen: SeenIds
    bad_scores: str | None = None


#: What a streaming reader yields per chunk: kept rows, rejected rows, rows read, bytes read.
Piece = tuple[pd.DataFrame, pd.DataFrame, int, int]


def drain(builder: TableBuilder, rows_read: int, position: int, final: bool = False) -> Piece:
    """The rows the builder checked since the last drain: (kept, rejected, rows read, bytes);
    `final` on the file's last chunk (a long export's last response is then checked)."""
    table, rejects = builder.finish(final)
    builder.tables.clear()
    builder.rejects.clear()
    return table, rejects, rows_read, position


def mapping_for(path: Path, options: ReadOptions) -> Mapping | None:
    """The column mapping for `path`: the given one, the one beside the file, the kwargs."""
    return load_mapping(options.mapping, options.columns, path, options.bad_scores)


def last_drain(builder: TableBuilder, position: int) -> Piece | None:
    """After a file's last chunk: the response a long export held back, if any."""
    if builder.long is None or builder.long.pending is None:
        return None
    return drain(builder, 0, position, final=True)
