"""Excel workbooks: the sheet with the comments is found behind a summary sheet."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback
from tests.io.conftest import check_result


def _workbook(path, sheets: dict[str, list[list[object]]]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


SUMMARY = [["NPS survey, May"], ["Responses", 2], ["NPS", 0]]
RESPONSES = [["Response ID", "NPS", "Comment"], ["r1", 9, "Great"], ["r2", 2, "Late again"]]


def test_the_first_sheet_with_a_comment_column_is_read(tmp_path):
    path = tmp_path / "export.xlsx"
    _workbook(path, {"Summary": SUMMARY, "Responses": RESPONSES})
    result = check_result(read_feedback(path))
    assert result.info["sheet"] == "Responses"
    assert result.table["text"].tolist() == ["Great", "Late again"]
    assert result.table["nps"].tolist() == [9, 2]
    assert any("the sheets before it ('Summary')" in n for n in result.info["notes"])


def test_a_mapped_text_column_chooses_its_sheet_and_sheet_still_wins(tmp_path):
    path = tmp_path / "export.xlsx"
    verbatims = [["Ref", "Verbatim text"], ["a", "Parcel lost"]]
    _workbook(path, {"Summary": SUMMARY, "Responses": RESPONSES, "Verbatims": verbatims})
    mapped = check_result(read_feedback(path, text="Verbatim text"))
    assert mapped.info["sheet"] == "Verbatims" and mapped.table["text"].tolist() == ["Parcel lost"]
    assert check_result(read_feedback(path, sheet="Responses")).info["notes"] == []


def test_no_sheet_with_comments_reports_the_first_sheet(tmp_path):
    path = tmp_path / "export.xlsx"
    _workbook(path, {"Summary": SUMMARY, "Totals": [["Month", "NPS"], ["May", 31]]})
    with pytest.raises(ReadError, match="no text column found among"):
        read_feedback(path)


def test_formula_cells_with_no_saved_result_are_read_as_their_formula_text(tmp_path):
    path = tmp_path / "written_by_a_tool.xlsx"
    book = Workbook()
    book.active.append(["id", "comment", "nps"])
    book.active.append(["r1", '=HYPERLINK("http://x.example","x") late again', 3])
    book.active.append(["r2", "fine", "=4+5"])  # a formula, its result never saved
    book.save(path)
    result = check_result(read_feedback(path))
    assert result.table["text"].tolist() == [
        '=HYPERLINK("http://x.example","x") late again',
        "fine",
    ]
    assert result.rejects["reason"].tolist() == ["nps is not a number: '=4+5'"]  # not guessed
    assert (
        "2 cell(s) of sheet 'Sheet' are formulas with no saved result (a tool wrote the "
        "workbook; Excel saves the results): read as their formula text"
    ) in result.info["notes"]


def test_a_formula_whose_saved_result_is_empty_stays_empty(tmp_path):
    import zipfile

    written = tmp_path / "written.xlsx"
    book = Workbook()
    book.active.append(["id", "comment", "flag"])
    book.active.append(["r1", "late again", '=IF(B2="x","flag","")'])
    book.save(written)
    saved = tmp_path / "saved_by_excel.xlsx"  # Excel types an empty string result t="str"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="C2">', b'<c r="C2" t="str">')
                assert b'<c r="C2" t="str">' in data
            target.writestr(item, data)
    result = check_result(read_feedback(saved))
    assert pd.isna(result.table["flag"].iloc[0])  # as Excel shows it: empty
    assert not any("formulas with no saved result" in n for n in result.info["notes"])
