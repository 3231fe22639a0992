"""Damaged rows are kept, flagged and counted; only files that are not text are refused."""

from __future__ import annotations

import json

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback, read_many
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.stages.prepare import PrepareStage
from tests.io.conftest import check_result

ROWS = [
    ("1", "Great service, would recommend"),
    ("2", "I didn\ufffdt get the \ufffd20 refund"),
    ("3", "one NUL\x00 byte here"),
    ("4", "a bell \x07 and a vertical tab \x0b"),
    ("5", "donâ€™t like the CafÃ© menu"),
    ("6", "all fine"),
]


def _csv(path, rows=ROWS):
    lines = ["id,text"] + [f'{i},"{t}"' for i, t in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def test_damaged_rows_are_kept_flagged_and_counted(tmp_path):
    result = check_result(read_feedback(_csv(tmp_path / "nps.csv")))
    assert len(result.table) == len(ROWS)
    assert result.table["text_issues"].tolist() == [
        "",
        "replacement_char",
        "nul",
        "control_chars",
        "mojibake",
        "",
    ]
    assert result.info["text_issues"] == {
        "replacement_char": 1,
        "nul": 1,
        "control_chars": 1,
        "mojibake": 1,
    }
    summary = result.summary()
    assert "damaged text kept" in summary and "1 x nul" in summary


def test_damaged_rows_are_cleaned_in_text_clean(tmp_path):
    table = read_feedback(_csv(tmp_path / "nps.csv")).table
    out = PrepareStage()(table)
    assert out["text"].equals(table["text"])
    clean = out["text_clean"].tolist()
    assert clean[1] == "I didnt get the 20 refund"
    assert clean[2] == "one NUL byte here"
    assert clean[3] == "a bell and a vertical tab"
    assert clean[4] == "don’t like the Café menu"
    assert not any(ch in "".join(clean) for ch in "\ufffd\x00\x07\x0b")
    assert out["text_issues"].equals(table["text_issues"])


def test_one_nul_in_a_300_row_file_keeps_every_row(tmp_path):
    rows = [(str(i), f"comment number {i}") for i in range(300)]
    rows[150] = ("150", "broken \x00 comment")
    result = check_result(read_feedback(_csv(tmp_path / "big.csv", rows)))
    assert len(result.table) == 300
    assert result.table.loc[150, "text_issues"] == "nul"


def test_many_replacement_characters_in_a_minority_of_rows_are_kept(tmp_path):
    rows = [(str(i), f"fine comment {i}") for i in range(20)]
    rows += [(str(i), "\ufffd\ufffd\ufffd \ufffd\ufffd") for i in range(20, 29)]
    result = check_result(read_feedback(_csv(tmp_path / "lost.csv", rows)))
    assert result.info["text_issues"] == {"replacement_char": 9}


def test_a_file_of_mostly_garbled_lines_is_refused_with_line_and_fix(tmp_path):
    rows = [("1", "fine")] + [(str(i), "\x01\x02\x03\x04\x05\x06") for i in range(2, 12)]
    with pytest.raises(ReadError, match=r"g\.csv, line 3: the file is not text: .*fix: save"):
        read_feedback(_csv(tmp_path / "g.csv", rows))


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError, match=r"blob\.csv, line 1: the file is not text"):
        read_feedback(path)


def test_jsonl_and_json_keep_damaged_rows(tmp_path):
    records = [{"id": i, "text": t} for i, t in ROWS]
    jsonl = tmp_path / "f.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    as_json = tmp_path / "f.json"
    as_json.write_text(json.dumps(records, ensure_ascii=False))
    for path in (jsonl, as_json):
        result = check_result(read_feedback(path))
        assert result.table["text_issues"].tolist()[2] == "nul"
        assert result.info["text_issues"]["mojibake"] == 1


def test_raw_control_characters_inside_jsonl_strings_are_kept(tmp_path):
    path = tmp_path / "raw.jsonl"
    path.write_bytes(b'{"id": 1, "text": "tab\tand bell\x07"}\n{"id": 2, "text": "ok"}\n')
    result = check_result(read_feedback(path))
    assert result.table["text_issues"].tolist() == ["control_chars", ""]


def test_streaming_flags_the_same_rows(tmp_path):
    path = _csv(tmp_path / "nps.csv")
    chunks = list(stream_feedback([path], chunk_rows=2))
    streamed = [v for c in chunks for v in c.table["text_issues"].tolist()]
    assert streamed == read_many([path]).table["text_issues"].tolist()
