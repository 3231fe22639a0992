"""Excel workbooks: the sheet that holds the comments, its title rows and header.

Without `sheet=`, the first sheet whose header has a comment column (by name, question
wording or the mapping) is read: reporting tools put a summary or a cover sheet first and
the responses after it. When no sheet has one, the first sheet is read (and its missing text
column reported as for any file).
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.mapping import Mapping
from feedback_nlp.io.platforms import Header, detect_header
from feedback_nlp.io.preamble import PREAMBLE_PEEK, preamble_rows
from feedback_nlp.io.questions import ANSWER_PEEK
from feedback_nlp.io.structured import _builder, _check_platform

Rows = list[tuple[int, list]]


def read_excel(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    sheet: str | int | None,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Read one sheet of an .xlsx workbook; line = spreadsheet row number."""
    workbook = _open(path)
    try:
        worksheet, passed = _chosen_sheet(workbook, sheet, path, platform, mapping)
        rows, unsaved = _rows_with_formulas(path, worksheet)
    finally:
        workbook.close()
    if not rows:
        raise ReadError(path, f"the sheet '{worksheet.title}' is empty", hint="pick another sheet")
    skip, header = _header(rows, platform)
    if header is None:
        _check_platform(path, platform, ())
    assert header is not None
    if unsaved:
        header.plan.notes.append(
            f"{unsaved:,} cell(s) of sheet '{worksheet.title}' are formulas with no saved result "
            "(a tool wrote the workbook; Excel saves the results): read as their formula text"
        )
    if passed:
        header.plan.notes.append(
            f"sheet '{worksheet.title}' read: the sheets before it ("
            + ", ".join(f"'{title}'" for title in passed)
            + ") have no comment column (sheet= picks another)"
        )
    builder = _builder(path, header.plan.apply(mapping), header.columns, seen_ids)
    _add_sheet_rows(builder, header, rows[skip + header.rows :])
    info: dict[str, object] = {
        "format": "xlsx",
        "sheet": worksheet.title,
        "header_rows": header.rows,
        "line_means": "spreadsheet row",
    }
    if skip:
        info["preamble"] = [
            " ".join(str(v) for v in row if v is not None) for _, row in rows[:skip]
        ]
    return builder, info


def _rows_with_formulas(path: Path, worksheet: Any) -> tuple[Rows, int]:
    """The sheet's rows, a formula cell with no saved result read as its formula text (pandas
    and other tools write "=…" text as a formula and save no result: such a comment read as
    empty was lost), and how many cells that was. A saved result, an empty one included, is
    read as Excel shows it."""
    sheet_xml = getattr(worksheet, "_worksheet_path", None)  # openpyxl's part of the sheet
    unsaved = _unsaved_formula_cells(path, sheet_xml) if sheet_xml else set()
    if not unsaved:
        return _sheet_rows(worksheet), 0
    formulas = _open(path, data_only=False)
    try:
        pairs = itertools.zip_longest(
            worksheet.iter_rows(values_only=True),
            formulas[worksheet.title].iter_rows(values_only=True),
            fillvalue=(),
        )
        rows = _kept_rows(
            _formula_text(number, shown, written, unsaved)
            for number, (shown, written) in enumerate(pairs, start=1)
        )
    finally:
        formulas.close()
    return rows, len(unsaved)


def _unsaved_formula_cells(path: Path, sheet_xml: str) -> set[tuple[int, int]]:
    """(row, column), from 1, of the sheet's formula cells that have no saved value: an
    ``<f>`` and an empty or no ``<v>``, not typed ``t="str"`` (how Excel saves a formula whose
    result is the empty string)."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    found: set[tuple[int, int]] = set()
    with zipfile.ZipFile(path) as archive:
        data = archive.read(sheet_xml)
    if b"<f" not in data:  # no formula: the XML is not parsed a second time
        return found
    for _, element in iterparse(io.BytesIO(data)):
        if element.tag.endswith("}c"):
            children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
            value = children.get("v")
            saved = (value is not None and value.text) or element.get("t") == "str"
            if "f" in children and not saved:
                column, row = coordinate_from_string(element.get("r", "A1"))
                found.add((row, column_index_from_string(column)))
            element.clear()
    return found


def _formula_text(number: int, shown: tuple, written: tuple, unsaved: set[tuple[int, int]]) -> list:
    """Row `number`'s saved values, each formula cell with no saved value given its text."""
    row = list(shown)
    for index, formula in enumerate(written[: len(row)]):
        if (number, index + 1) in unsaved and isinstance(formula, str):
            row[index] = formula
    return row


def _open(path: Path, data_only: bool = True) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(
            path,
            f"not a readable .xlsx workbook ({exc})",
            hint="save it again as .xlsx, or export CSV",
        ) from None


def _sheet_rows(worksheet: Any, max_row: int | None = None) -> Rows:
    """The sheet's rows that hold something, with their spreadsheet row numbers."""
    return _kept_rows(worksheet.iter_rows(values_only=True, max_row=max_row))


def _kept_rows(rows: Iterable[Sequence[Any]]) -> Rows:
    """The rows that hold something, numbered from 1 as the spreadsheet numbers them."""
    return [
        (number, list(values))
        for number, values in enumerate(rows, start=1)
        if any(v is not None and str(v).strip() for v in values)
    ]


def _header(rows: Rows, platform: str) -> tuple[int, Header | None]:
    """Title rows to skip and the header below them."""
    skip = preamble_rows([row for _, row in rows[:PREAMBLE_PEEK]])
    header_rows = [
        [("" if v is None else str(v)) for v in row] for _, row in rows[skip:][: 1 + ANSWER_PEEK]
    ]
    return skip, detect_header(header_rows, platform)


def _chosen_sheet(
    workbook: Any, sheet: str | int | None, path: Path, platform: str, mapping: Mapping | None
) -> tuple[Any, list[str]]:
    """The sheet asked for, else the first with a comment column (and the titles passed)."""
    if sheet is not None:
        try:
            return (workbook.worksheets[sheet] if isinstance(sheet, int) else workbook[sheet]), []
        except (KeyError, IndexError):
            raise ReadError(
                path, f"no sheet {sheet!r}; the workbook has {workbook.sheetnames}", field="sheet"
            ) from None
    passed: list[str] = []
    for worksheet in workbook.worksheets:
        _, header = _header(_sheet_rows(worksheet, max_row=4 * PREAMBLE_PEEK), platform)
        if header is not None and _has_text(header, mapping):
            return worksheet, passed
        passed.append(worksheet.title)
    return workbook.worksheets[0], []


def _has_text(header: Header, mapping: Mapping | None) -> bool:
    explicit = mapping.columns.get("text") if mapping else None
    if explicit is not None:
        return explicit in header.columns
    return "text" in header.plan.columns or bool(mapping and "text" in mapping.constants)


def _add_sheet_rows(builder: TableBuilder, header: Header, rows: Rows) -> None:
    width = len(header.columns)
    data, lines = [], []
    for number, values in rows:
        while len(values) > width and values[-1] is None:
            values.pop()
        if len(values) > width:
            builder.add_rejected(number, f"expected {width} cells, found {len(values)}", values)
            continue
        data.append(values + [None] * (width - len(values)))
        lines.append(number)
    builder.add(pd.DataFrame(data, columns=header.columns, dtype=object), lines)
