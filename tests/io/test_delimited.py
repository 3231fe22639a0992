"""CSV/TSV: delimiters, multi-line quoted fields, malformed rows and their line numbers."""

from __future__ import annotations

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.delimited import sniff_delimiter
from tests.io.conftest import FIXTURES, check_result


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ('text;note\n"hello, world";x\n', ";"),
    ],
)
def test_sniff_delimiter(sample, expected):
    assert sniff_delimiter(sample, ".csv") == expected


def test_multiline_fields_and_malformed_rows_keep_physical_line_numbers():
    result = check_result(read_feedback(FIXTURES / "multiline_malformed.csv"))
    table, rejects = result.table, result.rejects
    assert table["response_id"].tolist() == ["m1", "m3", "m5", "m6"]
    assert table.loc[0, "text"] == "First line\nsecond line, with comma"
    assert table.loc[1, "text"] == 'Quote "inside" text'
    assert rejects["line"].tolist() == [4, 6]
    assert rejects["reason"].tolist() == [
        "expected 3 fields, found 5",
        "expected 3 fields, found 2",
    ]
    assert rejects.loc[0, "raw"] == '"m2,too,many,fields,4"'


def test_line_numbers_after_multiline_rows_in_rejects(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('id,text,nps\n1,"a\nb\nc",5\n2,"d",99\n', encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.rejects["line"].tolist() == [5]
    assert result.rejects.loc[0, "field"] == "nps"


def test_semicolon_cp1252_with_localised_column_name():
    result = check_result(read_feedback(FIXTURES / "semicolon_cp1252.csv"))
    assert result.info["delimiter"] == ";"
    assert result.info["columns"]["text"] == "Kommentar"
    assert result.table["text"].tolist()[2] == "Zu teuer – aber gut"


def test_tsv_with_schema_names():
    result = check_result(read_feedback(FIXTURES / "plain.tsv"))
    assert result.info["format"] == "tsv"
    assert result.table["ces"].tolist() == [2, 6]
    assert result.table["channel"].tolist() == ["email", "email"]


def test_truncated_file_with_unclosed_quote():
    with pytest.raises(
        ReadError, match=r"bad_truncated_quote\.csv, line 3: a quoted field opened here is never"
    ):
        read_feedback(FIXTURES / "bad_truncated_quote.csv")


@pytest.mark.parametrize("quoted", [True, False])
def test_a_stray_quote_rejects_its_row_and_the_rows_after_it_are_read(tmp_path, quoted):
    rows = [f'{i},"fine {i}",{i % 10}' if quoted else f"{i},fine,{i % 10}" for i in range(1, 9)]
    rows[4] = '5,"the quote is never closed,6'  # swallowed row 6 (quoted) or every row after
    path = tmp_path / "stray.csv"
    path.write_text("id,comment,nps\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = check_result(read_feedback(path))  # nothing lost: 8 = 7 kept + 1 rejected
    assert result.table["response_id"].tolist() == ["1", "2", "3", "4", "6", "7", "8"]
    assert result.rejects["line"].tolist() == [6]
    assert result.rejects["reason"].iloc[0].startswith("a quote opened in this row is not closed")
    assert result.table["nps"].tolist()[4] == 6  # row 6 keeps its own score


def test_empty_file_is_an_error():
    with pytest.raises(ReadError, match=r"bad_empty\.csv: the file is empty"):
        read_feedback(FIXTURES / "bad_empty.csv")


def test_bom_only_file_is_empty(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(ReadError, match="the file is empty"):
        read_feedback(path)


def test_header_only_gives_an_empty_valid_table():
    result = check_result(read_feedback(FIXTURES / "bad_header_only.csv"))
    assert result.table.empty and result.rejects.empty
    assert list(result.table.columns[:2]) == ["response_id", "text"]
    assert "0 read, 0 kept, 0 rejected" in result.summary()


def test_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text\n\n1,a\n\n2,b\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["1", "2"]


def test_large_file_is_read_in_chunks_with_ids_checked_across_chunks(tmp_path):
    path = tmp_path / "big.csv"
    rows = "".join(f"{i},comment {i},{i % 11}\n" for i in range(45_000))
    path.write_text("id,text,nps\n" + rows + "7,again,3\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert len(result.table) == 45_000
    assert result.rejects.loc[0, "line"] == 45_002
    assert result.rejects.loc[0, "reason"] == "duplicate response_id '7' (first at big.csv:9)"


def test_stray_quote_in_an_unquoted_last_field_is_not_truncation(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('id,text\n1,ok\n2,My 5" screen cracked\n', encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["text"].tolist() == ["ok", 'My 5" screen cracked']


def test_reading_moves_a_byte_sized_progress_bar_chunk_by_chunk(tmp_path, monkeypatch):
    from feedback_nlp import progress
    from feedback_nlp.io import delimited

    monkeypatch.setattr(delimited, "CHUNK_ROWS", 10)
    path = tmp_path / "comments.csv"
    path.write_text("id,comment\n" + "".join(f"{i},parcel {i} came late\n" for i in range(35)))
    moves: list[int] = []
    original = progress._Task.advance

    def record(task: progress._Task, count: int) -> None:
        moves.append(count)
        original(task, count)

    monkeypatch.setattr(progress._Task, "advance", record)
    with progress.task("Reading", total=path.stat().st_size, unit="B"):
        result = read_feedback(path)
    assert len(result.table) == 35
    assert len([m for m in moves[:-1] if m]) >= 4  # each chunk of 10 rows, then finish()
    assert 0 < sum(moves[:-1]) <= path.stat().st_size
