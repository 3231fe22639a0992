"""What the streaming readers share: read options, and draining a TableBuilder chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.mapping import Mapping, load_mapping, with_brand_handles, with_outcomes
from feedback_nlp.io.seen_ids import SeenIds
from feedback_nlp.score_scales import ScoreScales

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
    scales: ScoreScales | None = None
    outcomes: dict[str, Any] | None = None  # declared outcomes, name -> OutcomeSpec
    brand_handles: frozenset[str] = frozenset()  # the brand's accounts: their posts rejected


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
    """The column mapping for `path`: the given one, the one beside the file, the kwargs, the
    declared outcomes and the brand's handles."""
    mapping = load_mapping(
        options.mapping, options.columns, path, options.bad_scores, options.scales
    )
    return with_brand_handles(with_outcomes(mapping, options.outcomes), options.brand_handles)


def file_scales(path: Path, options: ReadOptions) -> ScoreScales:
    """The CSAT and CES scales `path` is read on (its mapping's, the options', the defaults)."""
    mapping = mapping_for(path, options)
    return (mapping.scales if mapping else None) or ScoreScales()


def last_drains(builder: TableBuilder, position: int, chunk_rows: int) -> Iterator[Piece]:
    """After a file's last chunk: a long export's responses (`io.long_format` holds its rows
    until the file is read), in pieces of at most `chunk_rows` rows; nothing for other files.
    Their rows were counted as read with their chunks."""
    if builder.long is None or not builder.long.held:
        return
    table, rejects, _, _ = drain(builder, 0, position, final=True)
    for start in range(0, max(len(table), 1), chunk_rows):
        piece = table.iloc[start : start + chunk_rows].reset_index(drop=True)
        yield piece, rejects if start == 0 else rejects.iloc[:0], 0, position
