"""A reject's row as read leaves with the table's column redactions (since stop 53)."""

import json

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.report.export import export_table, redact_for_export
from feedback_nlp.report.reject_raw import raws_redacted

HEADER = "Review ID,Reviewer Name,Booking reference,Guest phone,Rating,Review Text"
GOOD = [
    "R1,Pieter de Vries,8Z7BCL,+31 20 794 6012,5,Lovely stay",
    "R2,Sarah Jones,X7K9QL,07700 900123,4,Street noise all night",
]


def _read(tmp_path, *rows: str):
    source = tmp_path / "reviews.csv"
    source.write_text("\n".join([HEADER, *GOOD, *rows]) + "\n")
    return read_feedback(source)


def test_a_rejected_rows_columns_leave_as_the_tables_do(tmp_path):
    read = _read(tmp_path, "R3,Marie Dubois,8Z7BCL,+44 20 7946 0958,2,")
    table = redact_for_export(read.table)
    raw = json.loads(redact_for_export(read.rejects)["raw"].iat[0])
    assert raw["Reviewer Name"] == table["Reviewer Name"].iat[0]
    assert raw["Booking reference"] == table["Booking reference"].iat[0]  # one pseudonym
    assert raw["Guest phone"] == table["Guest phone"].iat[0]
    assert (raw["Review ID"], raw["Rating"]) == ("R3", "2")  # the rest stays readable


def test_a_short_rows_fields_under_redacted_columns_are_redacted(tmp_path):
    read = _read(tmp_path, "R3,Marie Dubois,8Z7BCL,,2,", "R4,Anna Schmidt")
    path = export_table(read.rejects, tmp_path / "rejects.csv")
    written = path.read_text(encoding="utf-8-sig")
    assert "Marie Dubois" not in written and "Anna Schmidt" not in written
    lines = [json.loads(raw) for raw in pd.read_csv(path)["raw"]]
    assert "R4,<NAME>" in lines


def test_a_raw_without_such_columns_is_left_as_it_was():
    raws = pd.Series(
        [json.dumps({"id": "r1", "Store": "Leeds", "comment": ""}), json.dumps("r2,Leeds,ok,x")]
    )
    assert raws_redacted(raws, None, lambda fields: fields).equals(raws)
    out = redact_for_export(pd.DataFrame({"raw": raws.astype("string")}))
    assert out["raw"].tolist() == raws.tolist()


def test_a_spreadsheet_rows_cells_are_redacted_by_position():
    raws = pd.Series(
        [json.dumps({"Name": "Ann Lee", "Comment": "ok"}), json.dumps(["Bo Chan", "ok", "x"])]
    )
    out = redact_for_export(pd.DataFrame({"file": ["a.xlsx"] * 2, "raw": raws}))
    assert json.loads(out["raw"].iat[1]) == ["<NAME>", "ok", "x"]


def test_a_rejected_rows_text_cells_are_redacted_as_the_tables_cells(tmp_path):
    reply = "Dear Carlos Ruiz, we are sorry to hear this. Kind regards, John Smith"
    source = tmp_path / "replies.csv"
    source.write_text(
        f"id,comment,Reply\nr1,Cold room,{reply!r}\nr2,,{reply!r}\n".replace("'", '"')
    )
    read = read_feedback(source)
    table = redact_for_export(read.table)
    raw = json.loads(redact_for_export(read.rejects)["raw"].iat[0])
    assert raw["Reply"] == table["Reply"].iat[0] and "Carlos" not in raw["Reply"]


def test_a_header_decided_by_its_values_is_decided_with_the_rows_kept(tmp_path):
    customers = ["Anna", "Peter", "Maria", "Thomas", "Laura", "Daniel"]
    rows = [f"r{n},{name},Fine stay" for n, name in enumerate(customers)]
    source = tmp_path / "stays.csv"
    source.write_text("\n".join(["id,Customer,comment", *rows, "r9,Sophie,"]) + "\n")
    read = read_feedback(source)
    table = redact_for_export(read.table)
    rejects = redact_for_export(read.rejects, rows_kept=read.table)
    assert json.loads(rejects["raw"].iat[0])["Customer"] == table["Customer"].iat[0] != "Anna"
