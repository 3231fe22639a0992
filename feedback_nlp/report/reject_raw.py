"""A reject's row as read (`raw`) with the columns the export redacts as columns redacted
the way the table's are (`report.column_redaction`); the rest is left to free-text redaction.

`raw` is a JSON object (header → cell) for a row that was split into its columns, a list of
cells (a spreadsheet row of the wrong width) or a string: the line of a row with the wrong
number of fields. Every object's, list's and line's cells are read as one table, headed as
the file's header, and the column rules decide once per header. A list's or line's cells are
headed by position, with the header that the file's rejected objects show (a row cut short
names the first columns right; a row with a field too many may not, and its cells are still
redacted as free text). A line is split by the delimiter that gives it most fields and, when
one of its cells changes, written again with that delimiter (quotes only where needed).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

#: Delimiters a line of a rejected row may use, in order of preference on a tie.
_DELIMITERS = (",", ";", "\t", "|")
_SCALARS = (str, int, float, bool)


@dataclass
class _Raw:
    """One reject's raw value as parsed: its record, or its cells (and a line's delimiter)."""

    record: dict[str, object] | None = None
    cells: list[object] | None = None
    delimiter: str | None = None

    def fields(self, header: list[str]) -> dict[str, object]:
        """The scalar cells, by header: a record's own, a list's or line's by position."""
        if self.record is not None:
            return {k: v for k, v in self.record.items() if isinstance(v, _SCALARS)}
        cells = list(zip(header, self.cells or [], strict=False))
        return {k: v for k, v in cells if isinstance(v, _SCALARS)}


def _split_line(line: str) -> _Raw:
    """A line's cells by the delimiter that gives most of them."""
    best = _Raw(cells=[line], delimiter=None)
    for delimiter in _DELIMITERS:
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
        if len(cells) > len(best.cells or []):
            best = _Raw(cells=list(cells), delimiter=delimiter)
    return best


def _parsed(raw: object) -> _Raw | None:
    """`raw` (JSON text) as a record, a list of cells or a line's cells; None: none of these."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if isinstance(value, dict):
        return _Raw(record={str(k): v for k, v in value.items()})
    if isinstance(value, list):
        return _Raw(cells=value)
    return _split_line(value) if isinstance(value, str) else None


def _headers(parsed: list[_Raw | None], files: list[object]) -> dict[object, list[str]]:
    """Each file's header, as the first of its rejected records shows it."""
    headers: dict[object, list[str]] = {}
    for raw, file in zip(parsed, files, strict=True):
        if raw is not None and raw.record is not None and file not in headers:
            headers[file] = list(raw.record)
    return headers


def _changed(before: object, after: object) -> bool:
    """Whether a cell was redacted: its text differs, or it was emptied."""
    if pd.isna(before):
        return False
    return bool(pd.isna(after)) or str(before) != str(after)


def _cell_redacted(cell: object, redact: Callable[[str], str] | None) -> object:
    """A text cell redacted by `redact` as the table's cells are, one by one (a salutation's
    name at the start of a cell is found there, not inside the JSON of the whole row)."""
    return redact(cell) if redact is not None and isinstance(cell, str) and cell else cell


def _written(
    raw: _Raw, header: list[str], new: dict[str, object], redact: Callable[[str], str] | None
) -> str | None:
    """`raw` as JSON text again, its cells in `new` (by header) replaced and every other text
    cell redacted by `redact`; None: no cell changed."""
    if raw.record is not None:
        record = {
            k: new[k] if k in new else _cell_redacted(v, redact) for k, v in raw.record.items()
        }
        changed = record != raw.record
        return json.dumps(record, ensure_ascii=False, default=str) if changed else None
    cells = [
        new[header[i]] if i < len(header) and header[i] in new else _cell_redacted(cell, redact)
        for i, cell in enumerate(raw.cells or [])
    ]
    if cells == raw.cells:
        return None
    if raw.delimiter is None:
        return json.dumps(cells, ensure_ascii=False, default=str)
    line = io.StringIO()
    csv.writer(line, delimiter=raw.delimiter, lineterminator="").writerow(cells)
    return json.dumps(line.getvalue(), ensure_ascii=False)


def _column_redactions(
    rows: list[dict[str, object]],
    redact_columns: Callable[[pd.DataFrame], pd.DataFrame],
    kept: pd.DataFrame | None,
) -> list[dict[str, object]]:
    """Per row, the cells that `redact_columns` changes when `rows` are read as one table
    under the same-named columns of `kept` (the rows the read kept: one decision per header
    over both)."""
    fields = pd.DataFrame(rows, dtype=object)
    if fields.empty:
        return [{} for _ in rows]
    shared = [name for name in fields.columns if kept is not None and name in kept.columns]
    above = kept[shared].astype(object) if kept is not None else fields.iloc[:0]
    combined = pd.concat([above, fields], ignore_index=True)
    redacted = redact_columns(combined).iloc[len(above) :].reset_index(drop=True)
    return [
        {
            name: None if pd.isna(after) else after
            for name, before in row.items()
            if _changed(before, after := redacted[name].iat[position])
        }
        for position, row in enumerate(rows)
    ]


def raws_redacted(
    raws: pd.Series,
    files: pd.Series | None,
    redact_columns: Callable[[pd.DataFrame], pd.DataFrame],
    redact_text: Callable[[str], str] | None = None,
    kept: pd.DataFrame | None = None,
) -> pd.Series:
    """`raws` (JSON text, one per reject; `files`: each one's source file) with each cell that
    `redact_columns` (the table's column rules) changes, read as one table, replaced, and each
    other text cell redacted by `redact_text`; `kept`: the rows the read kept, whose columns of
    the same headers count in each decision. A raw with no cell changed stays as it was,
    character for character."""
    parsed = [_parsed(raw) for raw in raws]
    file_list = list(files) if files is not None else [None] * len(raws)
    headers = _headers(parsed, file_list)
    rows = [
        raw.fields(headers.get(file, [])) if raw is not None else {}
        for raw, file in zip(parsed, file_list, strict=True)
    ]
    out = raws.copy()
    changes = _column_redactions(rows, redact_columns, kept)
    for position, (raw, new) in enumerate(zip(parsed, changes, strict=True)):
        header = headers.get(file_list[position], [])
        written = _written(raw, header, new, redact_text) if raw is not None else None
        if written is not None:
            out.iat[position] = written
    return out
