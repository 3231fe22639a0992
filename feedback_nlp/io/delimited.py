"""CSV/TSV reading: streamed line by line, in chunks, with exact physical line numbers."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.encoding import SAMPLE_BYTES, detect_encoding, iter_lines
from feedback_nlp.io.mapping import Mapping
from feedback_nlp.io.platforms import Header, detect_header
from feedback_nlp.io.preamble import PREAMBLE_MAX, preamble_rows
from feedback_nlp.io.questions import ANSWER_PEEK
from feedback_nlp.progress import advance

DELIMITERS = (",", ";", "\t", "|")
CHUNK_ROWS = 20_000

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class _Tracked:
    """A line iterator that remembers the raw lines of the row being parsed."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.pending: list[str] = []

    def __iter__(self) -> _Tracked:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.pending.append(line)
        return line

    def take(self) -> str:
        raw, self.pending = "".join(self.pending), []
        return raw


class Unreadable(list):
    """A row the csv module could not split; `reason` says why (it goes to the rejects)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def row_problem(row: list[str], width: int) -> str:
    """Why a row is rejected before its fields are checked: wrong field count or unreadable."""
    return getattr(row, "reason", f"expected {width} fields, found {len(row)}")


def sniff_delimiter(sample: str, suffix: str) -> str:
    """Pick the delimiter that splits the first lines into the most, equally long rows; when
    no delimiter splits the first line, the rows below a title block (`preamble_rows`)."""
    lines = sample.splitlines()[:20]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of a sample may be cut
    default = "\t" if suffix == ".tsv" else ","
    return _best_split(lines, below_title=False) or _best_split(lines, below_title=True) or default


def _best_split(lines: list[str], below_title: bool) -> str | None:
    """The delimiter splitting `lines` (below their title rows) into the most, equally long
    rows of two fields or more; None when none does."""
    best, best_score = None, (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(lines, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if below_title:
            rows = rows[preamble_rows(rows) :]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(len(r) == width for r in rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_delimited(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    encoding: str | None,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Stream a CSV/TSV file into a TableBuilder; return it and what was detected."""
    with path.open("rb") as stream:
        sample = stream.read(SAMPLE_BYTES)
        if not sample.strip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n"):
            raise ReadError(path, "the file is empty", hint="export the data again")
        chosen = encoding or detect_encoding(sample, path)
        stream.seek(0)
        decoder, lines = iter_lines(stream, path, chosen, forced=encoding is not None)
        text_sample = sample.decode(chosen if chosen != "utf-8" else "utf-8", errors="ignore")
        delimiter = sniff_delimiter(text_sample.lstrip("\ufeff"), path.suffix.lower())
        tracked = _Tracked(lines)
        reader = csv.reader(tracked, delimiter=delimiter)
        rows = _rows_with_lines(reader, tracked, path)
        header, first, preamble = read_header(rows, platform, path)
        builder = _builder(path, header, mapping, seen_ids)
        _stream_rows(builder, header, first, rows)
    info = {
        "format": "tsv" if delimiter == "\t" else "csv",
        "encoding": decoder.encoding,
        "delimiter": delimiter,
        "header_rows": header.rows,
        "mixed_encoding_lines": decoder.mixed_lines,
        **({"preamble": preamble} if preamble else {}),
    }
    return builder, info


def read_header(
    rows: Iterator[tuple[int, list[str], str]], platform: str, path: Path
) -> tuple[Header, list[tuple[int, list[str], str]], list[str]]:
    """The header of the first rows (below a title block, `preamble_rows`), the peeked rows
    after it, and the title rows' text."""
    peeked = _peek(rows, PREAMBLE_MAX + 1 + ANSWER_PEEK)
    skip = preamble_rows([row for _, row, _ in peeked])
    header = detect_header([row for _, row, _ in peeked[skip : skip + 1 + ANSWER_PEEK]], platform)
    if header is None:
        raise ReadError(
            path, f"the file does not look like a {platform} export", hint="use platform='auto'"
        )
    preamble = [raw.strip() for _, _, raw in peeked[:skip]]
    return header, peeked[skip + header.rows :], preamble


def _builder(
    path: Path, header: Header, mapping: Mapping | None, seen_ids: dict[str, str]
) -> TableBuilder:
    plan = header.plan.apply(mapping)
    builder = TableBuilder(path=path, plan=plan, seen_ids=seen_ids)
    builder.check_plan(header.columns)
    return builder


def _rows_with_lines(
    reader: Iterator[list[str]], tracked: _Tracked, path: Path, first_line: int = 1
) -> Iterator[tuple[int, list[str], str]]:
    """Yield (first physical line, fields, raw text) for every non-blank row.

    A quote opened in one row and not closed where a field ends takes the lines after it into
    that row (a response swallowed, or every line to the end of the file): the row's first
    line is rejected and the lines after it are read again. A file cut inside its last row
    (`TRUNCATED_LINES`) is refused, as truncated."""
    start = first_line
    last: tuple[int, list[str], str] | None = None
    delimiter = reader.dialect.delimiter  # type: ignore[attr-defined]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # e.g. a bare CR inside an unquoted field: reject the row
            row = Unreadable(f"the CSV row cannot be split into fields: {error}")
        raw = tracked.take()
        line_num = reader.line_num + first_line - 1  # type: ignore[attr-defined]
        if last is not None:
            yield from _unbroken(last, path, delimiter)
        last = (start, row, raw) if row or isinstance(row, Unreadable) else None
        start = line_num + 1
    if last is not None:
        if len(last[2].splitlines()) <= TRUNCATED_LINES:  # cut inside its last row
            _check_closed_quotes(last, path, delimiter)
        yield from _unbroken(last, path, delimiter)


#: An unclosed quote in the last this many lines is a file cut short (refused); one further
#: up took every line after it into one row (that row is rejected, the lines read again).
TRUNCATED_LINES = 2


_BROKEN = "a quote opened in this row is not closed where its field ends: the row is rejected"


def _unbroken(
    row: tuple[int, list[str], str], path: Path, delimiter: str
) -> Iterator[tuple[int, list[str], str]]:
    """`row`, or, when a stray quote made it swallow the lines after its first, its first line
    rejected and those lines read again."""
    start, _, raw = row
    lines = raw.splitlines(keepends=True)
    if len(lines) < 2 or '"' not in raw or _strict_error(raw, delimiter) is None:
        yield row
        return
    yield start, Unreadable(_BROKEN), lines[0]
    rest = _Tracked(iter(lines[1:]))
    yield from _rows_with_lines(csv.reader(rest, delimiter=delimiter), rest, path, start + 1)


def _strict_error(raw: str, delimiter: str) -> str | None:
    """Why `raw` does not split with every quote where the CSV rules put one (None: it does)."""
    try:
        list(csv.reader(raw.splitlines(keepends=True), delimiter=delimiter, strict=True))
    except csv.Error as error:
        return str(error)
    return None


def _unclosed_quote(raw: str, delimiter: str) -> bool:
    """Whether `raw` ends inside a quoted field."""
    return '"' in raw and "unexpected end of data" in (_strict_error(raw, delimiter) or "")


def _check_closed_quotes(row: tuple[int, list[str], str], path: Path, delimiter: str) -> None:
    """Raise ReadError if the last row ends inside a quoted field (a truncated file)."""
    start, _, raw = row
    if _unclosed_quote(raw, delimiter):
        raise ReadError(
            path,
            "a quoted field opened here is never closed: the file is truncated or a quote is "
            "missing",
            line=start,
            hint="export the file again, or close the quote",
        )


def _peek(
    rows: Iterator[tuple[int, list[str], str]], count: int
) -> list[tuple[int, list[str], str]]:
    peeked = []
    for item in rows:
        peeked.append(item)
        if len(peeked) == count:
            break
    return peeked


def _stream_rows(
    builder: TableBuilder,
    header: Header,
    first: list[tuple[int, list[str], str]],
    rest: Iterator[tuple[int, list[str], str]],
) -> None:
    width = len(header.columns)
    chunk: list[list[str]] = []
    lines: list[int] = []
    characters = [0]  # read since the last flush: moves the reading bar (sized in bytes)

    def flush() -> None:
        if chunk:
            frame = pd.DataFrame(chunk, columns=header.columns, dtype="str")
            builder.add(frame, np.asarray(lines))
            chunk.clear()
            lines.clear()
        advance(characters[0])
        characters[0] = 0

    for source in (first, rest):
        for start, row, raw in source:
            characters[0] += len(raw)
            if len(row) != width:
                builder.add_rejected(start, row_problem(row, width), raw.rstrip("\r\n"))
                continue
            chunk.append(row)
            lines.append(start)
            if len(chunk) >= CHUNK_ROWS:
                flush()
    flush()
