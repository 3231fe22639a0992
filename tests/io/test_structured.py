"""JSON, JSON Lines, Excel and Parquet readers."""

from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback
from tests.io.conftest import FIXTURES, check_result


def test_json_array_of_records(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            [{"id": 1, "comment": "a", "meta": {"k": 1}}, {"id": 2, "comment": "b", "meta": None}]
        ),
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["1", "2"]
    assert result.table["meta.k"].tolist()[0] == 1  # nested objects become dotted columns
    assert pd.isna(result.table["meta.k"].tolist()[1])


def test_a_json_field_mixing_kinds_of_value_gets_one_type(tmp_path):
    path = tmp_path / "r.json"
    fields = {"ref": [12, "A-13", None], "amount": [3, 2.5, None], "paid": [True, None, False]}
    records = [
        {"id": i, "comment": "a", **{name: values[i] for name, values in fields.items()}}
        for i in range(3)
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    table = check_result(read_feedback(path)).table
    assert table["ref"].tolist()[:2] == ["12", "A-13"] and pd.isna(table["ref"].iloc[2])
    assert str(table["ref"].dtype) == "string"  # text and numbers: one type, text
    assert table["amount"].tolist()[:2] == [3, 2.5]
    assert table["paid"].tolist()[::2] == [True, False]
    table.to_parquet(tmp_path / "r.parquet")  # one type per column, as Parquet needs


def test_nested_fields_of_a_help_desk_export_are_columns_and_recognised(tmp_path):
    path = tmp_path / "tickets.json"
    tickets = [
        {"id": 7, "description": "Still no refund", "via": {"channel": "email"}, "tags": ["a"]},
        {"id": 8, "description": "Solved, thanks", "via": {"channel": "web"}, "tags": []},
    ]
    path.write_text(json.dumps({"tickets": tickets, "count": 2}), encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["columns"]["channel"] == "via.channel"
    assert result.table["channel"].tolist() == ["email", "web"]
    jsonl = tmp_path / "tickets.jsonl"
    jsonl.write_text("\n".join(json.dumps(t) for t in tickets) + "\n", encoding="utf-8")
    assert check_result(read_feedback(jsonl)).table["channel"].tolist() == ["email", "web"]


def test_json_object_holding_a_list(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"meta": {}, "responses": [{"text": "hej", "nps": 9.0}]}))
    result = check_result(read_feedback(path))
    assert result.table["nps"].tolist() == [9]
    assert result.table["response_id"].tolist() == ["r-1"]


def test_truncated_json():
    with pytest.raises(ReadError, match=r"bad_truncated\.json, line 1: invalid or truncated JSON"):
        read_feedback(FIXTURES / "bad_truncated.json")


def test_truncated_jsonl():
    with pytest.raises(ReadError, match=r"bad_truncated\.jsonl, line 2: the last line is cut off"):
        read_feedback(FIXTURES / "bad_truncated.jsonl")


def test_jsonl_bad_line_in_the_middle_goes_to_rejects(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "1", "text": "a"}\n{oops\n\n[1, 2]\n{"id": "2", "text": "b"}\n')
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["1", "2"]
    assert result.rejects["line"].tolist() == [2, 4]
    assert result.rejects.loc[1, "reason"] == "the line is not an object"


def test_xlsx_rows_and_typed_cells():
    result = check_result(read_feedback(FIXTURES / "generic.xlsx", bad_scores="reject-row"))
    assert result.info["sheet"] == "Responses"
    assert result.table["nps"].tolist() == [10, 2]
    assert result.rejects.loc[0, "line"] == 4
    assert result.rejects.loc[0, "reason"] == "nps is not a whole number: '6.5'"


def test_xlsx_qualtrics_layout_and_sheet_choice(tmp_path):
    source = pd.read_csv(FIXTURES / "qualtrics.csv", header=None, dtype=str, keep_default_na=False)
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Export")
    for row in source.itertuples(index=False):
        sheet.append(list(row))
    path = tmp_path / "q.xlsx"
    workbook.save(path)
    result = check_result(read_feedback(path, sheet="Export"))
    assert result.info["platform"] == "qualtrics"
    assert result.table["nps"].tolist() == [9, 3, 7, 10]
    with pytest.raises(ReadError, match=r"no sheet 'Nope'; the workbook has \['Notes', 'Export'\]"):
        read_feedback(path, sheet="Nope")


def test_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("id,text\n")
    with pytest.raises(ReadError, match=r"fake\.xlsx: not a readable \.xlsx workbook"):
        read_feedback(path)


def test_parquet_with_typed_columns():
    result = check_result(read_feedback(FIXTURES / "generic.parquet"))
    assert result.table["nps"].tolist() == [9, 4]
    assert result.table.loc[0, "created_at"] == pd.Timestamp("2026-05-01 10:00", tz="UTC")


def test_parquet_float_scores_checked(tmp_path):
    path = tmp_path / "p.parquet"
    pd.DataFrame({"text": ["a", "b", "c"], "csat": [4.0, 4.5, None]}).to_parquet(path)
    result = check_result(read_feedback(path))
    assert result.table["csat"].tolist()[0] == 4
    assert result.rejects.loc[0, "reason"] == "csat is not a whole number: '4.5'"


def _survey(rows: int = 4) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Response ID": [f"S-{i}" for i in range(rows)],
            "Region": ["north", "south"] * (rows // 2),
            "Comment": [f"parcel {i} came late" for i in range(rows)],
            "NPS": [3, 9, 7, 10][:rows],
        }
    )


@pytest.mark.parametrize("index", [["Response ID"], ["Region", "Response ID"]])
def test_a_stored_pandas_index_is_read_as_columns(tmp_path, index):
    """Before stop 50 a named index or MultiIndex stored by to_parquet crashed with KeyError."""
    from feedback_nlp.io.stream import stream_feedback

    path = tmp_path / "indexed.parquet"
    _survey().set_index(index).to_parquet(path)
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["S-0", "S-1", "S-2", "S-3"]
    assert result.table["nps"].tolist() == [3, 9, 7, 10]
    assert result.table["Region"].tolist() == ["north", "south"] * 2
    chunks = list(stream_feedback([path], chunk_rows=3))  # a tagging job's reader
    assert [i for c in chunks for i in c.table["response_id"]] == ["S-0", "S-1", "S-2", "S-3"]


def test_an_unnamed_stored_index_is_a_column_that_can_be_the_id(tmp_path):
    """Before stop 50 it was dropped silently, and mapping it to response_id crashed."""
    path = tmp_path / "unnamed.parquet"
    _survey().drop(columns="Response ID").set_axis(["t0", "t1", "t2", "t3"]).to_parquet(path)
    result = check_result(read_feedback(path))
    assert result.table["__index_level_0__"].tolist() == ["t0", "t1", "t2", "t3"]
    assert any(
        n.startswith("column '__index_level_0__' is the unnamed") for n in result.info["notes"]
    )
    mapped = check_result(read_feedback(path, response_id="__index_level_0__"))
    assert mapped.table["response_id"].tolist() == ["t0", "t1", "t2", "t3"]
    assert not any("__index_level_0__' is the unnamed" in n for n in mapped.info["notes"])


def test_a_binary_text_column_is_decoded_not_its_repr(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    comments = [b"caf\xc3\xa9 was closed", b"broken \xff byte", None]
    table = pa.table({"id": ["1", "2", "3"], "comment": pa.array(comments, pa.binary())})
    table = table.append_column("note", pa.array([b"ok", None, b"fine"], pa.binary()))
    pq.write_table(table, tmp_path / "binary.parquet")
    result = check_result(read_feedback(tmp_path / "binary.parquet"))
    assert result.table["text"].tolist() == ["café was closed", "broken \ufffd byte"]
    assert result.table["text_issues"].tolist()[0] == ""
    assert result.table["text_issues"].tolist()[1] != ""  # the damaged byte is flagged
    assert result.table["note"].tolist()[:1] == ["ok"]
    assert result.rejects["response_id"].tolist() == ["3"]  # no text, no score


def test_list_and_struct_cells_are_carried_as_json(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["1", "2"],
            "comment": ["late", "fine"],
            "cc": pa.array([["x@example.org", "y"], []], pa.list_(pa.string())),
            "who": pa.array([{"ids": ["a", "b"]}, {"ids": []}]),
        }
    )
    pq.write_table(table, tmp_path / "nested.parquet")
    result = check_result(read_feedback(tmp_path / "nested.parquet"))
    assert result.table["cc"].tolist() == ['["x@example.org", "y"]', "[]"]
    assert result.table["who"].tolist() == ['{"ids": ["a", "b"]}', '{"ids": []}']


def test_damaged_parquet(tmp_path):
    path = tmp_path / "p.parquet"
    path.write_bytes(b"PAR1 nothing here")
    with pytest.raises(ReadError, match=r"p\.parquet: not a readable Parquet file"):
        read_feedback(path)


@pytest.mark.parametrize("suffix", ["json", "jsonl"])
def test_a_half_emoji_escape_is_read_as_a_replacement_character_not_a_crash(tmp_path, suffix):
    records = [
        '{"id": "r1", "text": "good \\ud83d stuff"}',
        '{"id": "r2", "text": "ok \\ud83d\\ude00"}',
    ]
    path = tmp_path / f"export.{suffix}"
    text = "[" + ",".join(records) + "]" if suffix == "json" else "\n".join(records)
    path.write_text(text, encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["text"].tolist() == ["good \ufffd stuff", "ok \U0001f600"]
    assert result.table["text_issues"].tolist() == ["replacement_char", ""]


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_whole_numbers_beside_a_missing_value_stay_exact(tmp_path, suffix):
    records = [
        {"id": "a1", "text": "late again", "order_number": 1045678901234567891, "n": 2**70},
        {"id": "a2", "text": "thanks", "n": 1},
    ]
    path = tmp_path / f"orders{suffix}"
    lines = [json.dumps(r) for r in records]
    path.write_text(json.dumps(records) if suffix == ".json" else "\n".join(lines) + "\n")
    table = read_feedback(path).table
    assert table["order_number"].dtype == "Int64"
    assert table["order_number"].iloc[0] == 1045678901234567891  # not 1045678901234567936
    assert table["n"].tolist() == [str(2**70), "1"]  # beyond Int64: text, not a rounded float
    from feedback_nlp.io.stream import stream_feedback

    streamed = pd.concat([chunk.table for chunk in stream_feedback([path])])
    assert streamed["order_number"].iloc[0] == 1045678901234567891


def test_a_json_field_of_text_or_of_no_value_is_a_string_column(tmp_path):
    path = tmp_path / "posts.json"
    records = [{"id": "a", "text": "late", "ts": "2026", "none": None}, {"id": "b", "text": "ok"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    table = read_feedback(path).table
    assert str(table["ts"].dtype) == "string" and str(table["none"].dtype) == "string"


@pytest.mark.parametrize("nested", [False, True])
def test_a_record_that_is_no_object_is_rejected_and_the_others_read(tmp_path, nested):
    records = [{"id": "a", "text": "late"}, "oops", None, {"id": "b", "text": "fine"}]
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"responses": records} if nested else records), encoding="utf-8")
    result = check_result(read_feedback(path))  # the whole file was refused
    assert result.table["response_id"].tolist() == ["a", "b"]
    assert result.rejects["line"].tolist() == [2, 3]
    assert set(result.rejects["reason"]) == {"the record is not a JSON object"}
