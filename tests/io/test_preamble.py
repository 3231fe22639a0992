"""Title rows above the header of a table export (feedback_nlp.io.preamble)."""

from __future__ import annotations

import openpyxl

from feedback_nlp.io import read_feedback
from feedback_nlp.io.preamble import preamble_rows
from feedback_nlp.io.stream import stream_feedback
from tests.io.conftest import check_result

TITLE = "Customer feedback export - generated 2026-11-30"
HEADER = ["Response ID", "Date", "Comment"]
ROWS = [
    ["A1", "2026-11-01", "Fast delivery, thanks"],
    ["A2", "2026-11-02", "Parcel arrived broken"],
]


def test_title_rows_are_counted_only_above_a_table():
    assert preamble_rows([[TITLE], [], HEADER, *ROWS]) == 2
    assert preamble_rows([HEADER, *ROWS]) == 0
    assert preamble_rows([["comment"], ["Great", " thanks"], ["Slow"], ["Fine"]]) == 0
    assert preamble_rows([[TITLE], ["only"], ["one"], ["column"]]) == 0


def test_a_csv_with_a_title_block_is_read_from_its_header(tmp_path):
    path = tmp_path / "export.csv"
    lines = [TITLE, "Filter: all stores", "", ";".join(HEADER)] + [";".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["delimiter"] == ";"
    assert result.table["response_id"].tolist() == ["A1", "A2"]
    assert result.table["text"].tolist() == ["Fast delivery, thanks", "Parcel arrived broken"]
    assert result.info["preamble"] == [TITLE, "Filter: all stores"]
    assert "above the header, not read: 2 title or group-label row(s)" in result.summary()
    streamed = list(stream_feedback([path]))
    assert streamed[0].table["response_id"].tolist() == ["A1", "A2"]


def test_a_workbook_with_a_title_row_is_read_from_its_header(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in ([TITLE], [], HEADER, *ROWS):
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    result = check_result(read_feedback(path))
    assert result.table["text"].tolist() == ["Fast delivery, thanks", "Parcel arrived broken"]
    assert result.info["preamble"] == [TITLE]


def test_a_one_column_export_keeps_its_header(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_text("comment\nGreat, thanks\nSlow\nFine\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert "preamble" not in result.info
    assert result.table["text"].tolist() == ["Slow", "Fine"]  # the stray comma: a reject
    assert len(result.rejects) == 1


def test_a_score_question_in_a_generic_file_is_named_not_guessed(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text(
        "id,How likely are you to recommend us?,What would make you recommend us?\n"
        "1,9,Faster delivery\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path, text="What would make you recommend us?"))
    assert "nps" not in result.table.columns
    notes = [n for n in result.info["notes"] if "reads like a score question" in n]
    assert len(notes) == 1 and "'How likely are you to recommend us?'" in notes[0]


def test_a_row_of_group_labels_above_the_header_is_skipped(tmp_path):
    groups = ["", "Scores", "", "Verbatim"]
    header = ["id", "NPS", "CSAT", "Comment"]
    assert preamble_rows([groups, header, ["1", "9", "4", "Great"], ["2", "3", "2", "Late"]]) == 1
    unnamed_index = ["", "id", "comment"]  # pandas' index column: the row below is data
    assert preamble_rows([unnamed_index, ["0", "a1", "Great"], ["1", "a2", "Late"]]) == 0
    no_more_names = ["", "Comment", "Author"]
    assert preamble_rows([no_more_names, ["x", "Nice", "Bob"], ["y", "Bad", "Ann"]]) == 0
    path = tmp_path / "grouped.csv"
    path.write_text(",Scores,,Verbatim\nid,NPS,CSAT,Comment\n1,9,4,Great\n2,3,2,Late\n")
    result = check_result(read_feedback(path))
    assert result.table["nps"].tolist() == [9, 3] and result.table["csat"].tolist() == [4, 2]
    assert result.table["text"].tolist() == ["Great", "Late"]
    assert result.table["response_id"].tolist() == ["1", "2"]
