"""Title blocks and group labels above the header of a table export.

Reports exported from BI tools and survey back-ends often start with a title ("Customer
feedback export - generated 2026-11-30"), a filter line or a blank row before the column
header. The reader skips such rows, names them in the read summary, and reads the header
below them; without this the title became the only column name and the file was refused.
Spreadsheets also group columns under a label row ("Scores" above NPS and CSAT, "Verbatim"
above the comment): such a row is skipped too, when the row below it names every column and
more of the schema's columns than it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.scores import NUMBER_CELL

#: Title rows looked for above the header at most.
PREAMBLE_MAX = 10
#: Rows a caller passes to `preamble_rows`: the title rows, the header and three rows below it.
PREAMBLE_PEEK = PREAMBLE_MAX + 4


def filled(row: Sequence[object]) -> int:
    """Cells of `row` holding something other than blanks."""
    return sum(1 for cell in row if cell is not None and str(cell).strip())


def preamble_rows(rows: Sequence[Sequence[object]]) -> int:
    """How many leading rows are a title block: rows of at most one filled cell, followed
    (within PREAMBLE_MAX rows) by a header of two or more filled cells whose width the rows
    below it share. 0 when the first row is the header, or when nothing below looks like a
    table (a one-column export with a stray delimiter in a comment keeps its header)."""
    for index, row in enumerate(rows[: PREAMBLE_MAX + 1]):
        if filled(row) < 2:
            continue
        below = rows[index + 1 : index + 4]
        fits = sum(len(other) == len(row) and filled(other) >= 2 for other in below)
        start = index if index and below and fits * 2 > len(below) else 0
        return start + group_label_rows(rows[start:])
    return 0


def group_label_rows(rows: Sequence[Sequence[object]]) -> int:
    """1 when the first row labels groups of columns above the real header: it leaves cells
    blank, the row below fills every cell with a name (no number) and names more of the
    schema's columns; else 0."""
    if len(rows) < 3 or len(rows[0]) != len(rows[1]):
        return 0
    group, header = ([str(c or "").strip() for c in row] for row in rows[:2])
    if filled(group) == len(group) or filled(header) < len(header):
        return 0
    if any(NUMBER_CELL.match(cell) for cell in header):
        return 0
    return int(len(recognise(header)) > max(1, len(recognise(group))))
