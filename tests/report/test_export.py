import openpyxl
import pandas as pd
import pytest

from feedback_nlp.report.export import (
    export_table,
    free_text_columns,
    neutralise_formula,
    neutralise_formulas,
    redact_for_export,
    restore_formula,
    sheet_names,
    write_workbook,
)


def tagged() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": pd.Series(["r1", "r2"], dtype="string"),
            "text": ["mail me at jane.doe@example.com", '=HYPERLINK("http://x")'],
            "text_clean": ["mail me at <EMAIL>", '=HYPERLINK("http://x")'],
            "pii_types": pd.Series(["email", ""], dtype="string"),
            "context": ["agent: call +44 20 7946 0958", "@SUM(A1)"],
            "channel": pd.Series(["survey", "chat"], dtype="string"),
            "nps": pd.Series([3, 9], dtype="Int64"),
            "created_at": pd.to_datetime(["2026-01-01", "2026-01-02"], utc=True),
        }
    )


@pytest.mark.parametrize(
    "cell", ["=1+1", "+A1", "-2+3", "-1-cmd|' /C calc'!A0", "@A1", "\tx", "\r=1", "-", "+1e"]
)
def test_formula_triggers_are_prefixed(cell):
    assert neutralise_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1", "+1", "-2.5", "+.5", "-3e4", "-0"])
def test_a_plain_number_is_not_prefixed(cell, tmp_path):
    """A spreadsheet reads "-1" as the number -1, never as a formula: before, Other's theme
    id showed as "'-1" in the workbook's tagged comments."""
    assert neutralise_formula(cell) == cell
    written = export_table(pd.DataFrame({"themes": [cell, "=1+1"]}), tmp_path / "t.xlsx")
    cells = [row[0] for row in openpyxl.load_workbook(written).active.values]
    assert cells == ["themes", cell, "'=1+1"]


@pytest.mark.parametrize("cell", ["=1+1", "- Nothing to unlock", "@user hi", "fine", "'quoted", 3])
def test_a_neutralised_cell_is_restored_as_it_was(cell):
    assert restore_formula(neutralise_formula(cell)) == cell


def test_plain_values_stay():
    assert neutralise_formula("fine") == "fine"
    assert neutralise_formula(3) == 3
    frame = neutralise_formulas(pd.DataFrame({"=a": ["ok", None]}))
    assert list(frame.columns) == ["'=a"]
    assert frame.iloc[0, 0] == "ok"


def test_free_text_columns_exclude_our_labels_and_ids_not_the_exports_values():
    assert free_text_columns(tagged()) == ["text", "text_clean", "context", "channel"]
    assert free_text_columns(tagged(), trusted=True) == ["text", "context", "channel"]
    produced = pd.DataFrame({"sentiment": ["negative"], "lang": ["en"], "nps_group": ["promoter"]})
    assert free_text_columns(produced) == []


def test_values_of_open_columns_are_redacted_and_customer_ids_pseudonymised_apart():
    from feedback_nlp.report.export import redact_for_export

    cells = ["zoe@example.com", "+44 7700 900321", "call me on +44 7700 900322"]
    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3"],
            "respondent_id": ["ann@example.com", "bob@example.com", "C7"],
            **{name: cells for name in ("channel", "source", "touchpoint", "lang_hint")},
            "journey_stage": ["purchase", "ann@example.com", None],
        }
    )
    out = redact_for_export(table)
    content = out.to_csv()
    assert "example.com" not in content and "7700" not in content
    assert out["touchpoint"].tolist() == ["<EMAIL>", "<PHONE>", "call me on <PHONE>"]
    assert out["journey_stage"].tolist()[:2] == ["purchase", "<EMAIL>"]
    ids = out["respondent_id"].tolist()
    assert ids[0].startswith("pii-") and ids[1].startswith("pii-") and ids[0] != ids[1]
    assert ids[2] == "C7"


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx", ".jsonl"])
def test_exports_hold_no_raw_pii(tmp_path, suffix):
    path = export_table(tagged(), tmp_path / f"out{suffix}")
    if suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        content = " ".join(str(c.value) for row in book.active.iter_rows() for c in row)
    else:
        content = path.read_bytes().decode("utf-8", errors="replace")
    assert "jane.doe@example.com" not in content
    assert "7946" not in content
    assert "<EMAIL>" in content


def test_xlsx_and_csv_neutralise_formulas(tmp_path):
    book = openpyxl.load_workbook(export_table(tagged(), tmp_path / "out.xlsx"))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert "'@SUM(A1)" in values
    csv_text = export_table(tagged(), tmp_path / "out.csv").read_text()
    assert "'=HYPERLINK" in csv_text


def test_raw_text_only_when_asked(tmp_path):
    default = pd.read_parquet(export_table(tagged(), tmp_path / "a.parquet"))
    assert "text" not in default.columns
    raw = pd.read_parquet(export_table(tagged(), tmp_path / "b.parquet", include_raw_text=True))
    assert raw["text"].iloc[0] == "mail me at jane.doe@example.com"


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"unsupported export format '\.txt'"):
        export_table(tagged(), tmp_path / "out.txt")


def test_ids_that_are_pii_are_pseudonymised_consistently(tmp_path):
    from feedback_nlp.report.export import export_table

    table = pd.DataFrame(
        {
            "response_id": ["ana@example.com", "r2"],
            "text": ["a", "b"],
            "text_clean": ["a", "a"],
            "duplicate_of": [pd.NA, "ana@example.com"],
        }
    )
    out = pd.read_csv(export_table(table, tmp_path / "t.csv"))
    assert "ana@example.com" not in (tmp_path / "t.csv").read_text()
    assert out.loc[0, "response_id"].startswith("pii-")
    assert out.loc[1, "duplicate_of"] == out.loc[0, "response_id"]
    assert out.loc[1, "response_id"] == "r2"


def test_pseudonymising_ids_keeps_the_column_types():
    from feedback_nlp.report.export import redact_for_export

    table = pd.DataFrame(
        {
            "response_id": pd.array(["r1", "ann@example.com"], dtype="string"),
            "duplicate_of": pd.array([pd.NA, pd.NA], dtype="string"),
        }
    )
    out = redact_for_export(table)
    assert out.dtypes.equals(table.dtypes)  # an all-missing id column stays a string column
    assert out["response_id"][0] == "r1" and out["response_id"][1].startswith("pii-")


def test_redacting_keeps_the_type_of_a_text_column_with_no_value():
    from feedback_nlp.report.export import redact_for_export

    table = pd.DataFrame(
        {"note": pd.Series([None, None], dtype="str"), "other": pd.Series([None, 1], dtype=object)}
    )
    out = redact_for_export(table)
    assert out["note"].dtype == table["note"].dtype  # not float64, which a later chunk breaks
    assert out["other"].dtype == object


def test_xlsx_keeps_long_ids_whole_and_lists_as_json(tmp_path):
    import numpy as np

    table = pd.DataFrame(
        {
            "order_id": pd.array([4611686018427387904, 12], dtype="Int64"),
            "small": [1, 2],
            "tags": [np.array(["late", "refund"]), np.array([], dtype=object)],
        }
    )
    path = export_table(table, tmp_path / "t.xlsx")
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[1][0] == "4611686018427387904"  # as text: Excel keeps 15 digits of a number
    assert rows[1][1] == 1 and rows[1][2] == '["late", "refund"]' and rows[2][2] == "[]"


def test_a_bare_reviewer_column_of_names_leaves_redacted_and_a_tier_column_stays():
    """An app-store probe (stop 51): `reviewer` and `user` columns of names were exported as
    written; a `user` column of plan tiers is no name."""
    from feedback_nlp.report.export import redact_for_export

    names = ["Anna Schmidt", "Ben Okafor", "Carla Ruiz", "Dev Patel", "Eva Novak", "Finn Berg"]
    table = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(6)],
            "reviewer": names,
            "user": ["free", "premium", "free", "free", "premium", "free"],
        }
    )
    out = redact_for_export(table)
    assert out["reviewer"].tolist() == ["<NAME>"] * 6
    assert out["user"].tolist() == table["user"].tolist()


def test_columns_of_peoples_names_and_handle_ids_leave_redacted():
    from feedback_nlp.report.export import is_name_column, redact_for_export

    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2"],
            "respondent_id": ["@ines1284", "C7"],
            "Name": ["Olivia Brandt", " "],
            "customer.name": ["Ana Pop", "Ion Ionescu"],
            "Store name": ["Paris Nord", "Lyon"],
        }
    )
    out = redact_for_export(table)
    assert out["Name"].tolist() == ["<NAME>", " "]  # a blank cell stays blank
    assert out["customer.name"].tolist() == ["<NAME>", "<NAME>"]
    assert out["Store name"].tolist() == ["Paris Nord", "Lyon"]  # a store, not a person
    assert out["respondent_id"].tolist()[0].startswith("pii-") and out["respondent_id"][1] == "C7"
    headers = ("Vorname", "requester.name", "Name (optional)", "Your name:", "plan_name")
    assert [is_name_column(c) for c in headers] == [True, True, True, True, False]
    people = (
        "Screen Name",
        "user.screen_name",
        "Twitter Handle",
        "author.username",
        "via.source.from.name",
        "visitor.name",
        "customer_full_name",
        "Profile URL",
    )
    assert all(is_name_column(c) for c in people)
    things = ("product.name", "Url", "page_url", "company_name", "handled_at", "Handling time")
    assert not any(is_name_column(c) for c in things)


def test_rejects_quote_pii_ids_by_the_pseudonym_of_the_id_column(tmp_path):
    from feedback_nlp.io import read_feedback

    source = tmp_path / "posts.csv"
    rows = ["id,comment", "@ines1284,late", "@ines1284,again", "o'hara@example.com,x"]
    source.write_text("\n".join([*rows, "o'hara@example.com,y", "r7,z", "r7,w"]) + "\n")
    rejects = read_feedback(source).rejects
    assert len(rejects) == 3 and rejects["raw"].notna().all()
    path = export_table(rejects, tmp_path / "rejects.csv")
    written = path.read_text()
    assert "ines1284" not in written and "hara@example" not in written
    out = pd.read_csv(path)
    for row in out.itertuples():  # the reason and the row as read: the id column's pseudonym
        assert f"response_id '{row.response_id}'" in row.reason
        assert f'"id": "{row.response_id}"' in row.raw
    assert out["response_id"].tolist()[2] == "r7"


def test_phone_numbers_in_a_column_named_for_phones_leave_redacted_other_numbers_stay():
    from feedback_nlp.report.export import redact_for_export

    table = pd.DataFrame(
        {
            "response_id": ["a", "b"],
            "phone_int": pd.array([4915123456789, None], dtype="Int64"),  # a JSON number
            "Telefonnummer": ["015123456789", "n/a"],  # a German compound, as text
            "customer.phoneNumber": ["7700900123", pd.NA],  # camelCase
            "phone_wait_minutes": [3.5, 12.0],  # numbers that are no phone numbers
            "phone_call_date": ["2026-01-05", "05.01.2026"],
            "Mobile app version": [5, 6],
            "calls_to_phone_support": [0, 2],
            "telecom_score": [1, 2],
            "nps": pd.array([3, 9], dtype="Int64"),
        }
    )
    out = redact_for_export(table)
    assert out["phone_int"].tolist()[0] == "<PHONE>" and pd.isna(out["phone_int"].iloc[1])
    assert out["Telefonnummer"].tolist() == ["<PHONE>", "n/a"]
    assert out["customer.phoneNumber"].tolist()[0] == "<PHONE>"
    for name in ("phone_wait_minutes", "phone_call_date", "Mobile app version",
                 "calls_to_phone_support", "telecom_score", "nps"):  # fmt: skip
        assert out[name].tolist() == table[name].tolist(), name


def test_tables_whose_names_excel_would_cut_alike_get_a_sheet_each(tmp_path):
    """Excel keeps 31 characters of a sheet name, compared case-blind: before stop 47 the
    second table overwrote the first's sheet, rows and columns mixed."""
    first = pd.DataFrame({"stage": ["a", "b", "c"], "extra": [1, 2, 3]})
    second = pd.DataFrame({"stage": ["x"]})
    tables = {
        "pain_points_journey_stage_resolved_first_contact": first,
        "pain_points_journey_stage_resolution_time": second,
        "PAIN_POINTS_JOURNEY_STAGE_RESOLUTION": second,
    }
    names = sheet_names(list(tables))
    assert names == {
        "pain_points_journey_stage_resolved_first_contact": "pain_points_journey_stage_resol",
        "pain_points_journey_stage_resolution_time": "pain_points_journey_stage_res~2",
        "PAIN_POINTS_JOURNEY_STAGE_RESOLUTION": "PAIN_POINTS_JOURNEY_STAGE_RES~3",
    }
    book = pd.read_excel(write_workbook(tables, tmp_path / "book.xlsx"), sheet_name=None)
    assert list(book) == list(names.values())
    pd.testing.assert_frame_equal(book["pain_points_journey_stage_resol"], first)
    pd.testing.assert_frame_equal(book["pain_points_journey_stage_res~2"], second)


def test_text_clean_of_a_table_made_elsewhere_is_redacted_too(tmp_path):
    """Without `pii_types` no prepare stage redacted `text_clean`: the export does."""
    table = tagged().drop(columns=["text", "pii_types"], errors="ignore")
    table["text_clean"] = ["mail me at jane.doe@example.com", "card 4111 1111 1111 1111"]
    content = export_table(table, tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "jane.doe@example.com" not in content and "4111 1111" not in content
    prepared = table.assign(pii_types=["", ""])  # redaction may have been off: redacted
    assert "jane.doe@example.com" not in export_table(prepared, tmp_path / "p.csv").read_text()


def _prepared_unredacted() -> pd.DataFrame:
    """What the prepare stage writes with `redact = false`: raw text, `pii_types` empty."""
    return pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3"],
            "text_clean": [
                "refund to DE89 3704 0044 0532 0130 00 please",
                "card 4111 1111 1111 1111, call +44 7700 900123",
                "thanks @ShopBrand and @jane_q",
            ],
            "pii_types": pd.Series(["", "", ""], dtype="string"),
        }
    )


@pytest.mark.parametrize(
    "prepare",
    [None, {"redact": False}, {"redact": True, "pii_types": ["email"]}],
    ids=["settings unknown", "redaction off", "some types only"],
)
def test_text_clean_is_redacted_unless_the_prepare_settings_redacted_every_type(prepare):
    """Before, a `pii_types` column was trusted, and with redaction switched off the tagged
    tables and the workbook carried IBANs, cards, phones and handles as written."""
    out = redact_for_export(_prepared_unredacted(), prepare=prepare)["text_clean"].tolist()
    assert out == [
        "refund to <IBAN> please",
        "card <CARD>, call <PHONE>",
        "thanks @user and @user",
    ]


def test_text_clean_is_trusted_when_every_type_was_redacted_and_kept_handles_stay():
    table = _prepared_unredacted()
    trusted = redact_for_export(table, prepare={"redact": True})
    assert trusted["text_clean"].tolist() == table["text_clean"].tolist()
    again = redact_for_export(table, prepare={"redact": False, "keep_handles": ["@ShopBrand"]})
    assert again["text_clean"].iloc[2] == "thanks @ShopBrand and @user"


def test_redacting_redacted_text_changes_nothing():
    once = redact_for_export(_prepared_unredacted())
    twice = redact_for_export(once)
    pd.testing.assert_frame_equal(once, twice)


def test_csv_is_written_with_a_byte_order_mark_and_reads_back(tmp_path):
    """Excel on Windows reads a CSV without a BOM in the local code page: Arabic and Chinese
    comments showed as mojibake."""
    from feedback_nlp.report.inputs import read_tagged

    table = pd.DataFrame({"response_id": ["a1", "a2"], "text_clean": ["لم يصل الطلب", "快递太慢"]})
    path = export_table(table, tmp_path / "tagged.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    read = read_tagged(path)
    assert list(read.columns) == ["response_id", "text_clean"]
    assert read["text_clean"].tolist() == ["لم يصل الطلب", "快递太慢"]


def test_a_name_or_nickname_as_respondent_id_leaves_pseudonymised():
    """App Store's reviewerNickname and appfigures' author are read as respondent_id: a
    name with no digit is pseudonymised like an e-mail id; system ids keep their value."""
    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3", "r4"],
            "respondent_id": ["Anna Schneider", "zoe", "cust-0379", "anna@example.com"],
            "text_clean": ["a", "b", "c", "d"],
            "pii_types": ["", "", "", ""],
        }
    )
    ids = redact_for_export(table)["respondent_id"].tolist()
    assert ids[0].startswith("pii-") and ids[1].startswith("pii-") and ids[3].startswith("pii-")
    assert ids[2] == "cust-0379"
    again = redact_for_export(table)["respondent_id"].tolist()
    assert again == ids  # the same pseudonym in every file: units still join


def test_ip_addresses_and_coordinates_of_survey_exports_are_redacted():
    """Qualtrics carries IPAddress and LocationLatitude/Longitude with every response;
    before stop 48 they reached the tagged tables and the workbook as written."""
    from feedback_nlp.report.export import redact_for_export

    table = pd.DataFrame(
        {
            "response_id": ["r1", "r2"],
            "IPAddress": ["203.0.113.7", None],
            "IP Address": ["2001:db8::1", ""],
            "LocationLatitude": [48.85, None],
            "LocationLongitude": [2.35, 13.4],
            "Zip": ["75001", "10115"],
            "app_version": ["4.12.6.1", "4.12.7"],
        }
    )
    out = redact_for_export(table)
    assert list(out["IPAddress"].fillna("")) == ["<IP>", ""]
    assert list(out["IP Address"]) == ["<IP>", ""]
    assert out["LocationLatitude"].isna().all() and out["LocationLongitude"].isna().all()
    assert list(out["Zip"]) == ["75001", "10115"] and out["app_version"][0] == "4.12.6.1"


def test_a_help_desks_requester_and_assignee_columns_are_names():
    """Zendesk's "Requester" holds the customer's full name: before stop 48 it was carried
    into every export as written, while the e-mail column beside it was redacted."""
    from feedback_nlp.report.export import redact_for_export

    table = pd.DataFrame(
        {"response_id": ["t1"], "Requester": ["Maria Lopez"], "Assignee": ["Sarah Miller"]}
    )
    out = redact_for_export(table)
    assert out.loc[0, "Requester"] == "<NAME>" and out.loc[0, "Assignee"] == "<NAME>"


def test_workbook_sheets_keep_their_header_row_in_view_and_filtered(tmp_path):
    """Stop 49's accessibility probe: no sheet froze or marked its header row."""
    import openpyxl

    from feedback_nlp.report.export import write_workbook

    path = write_workbook(
        {"themes": pd.DataFrame({"theme": ["late", "rude"], "n": [3, 2]})}, tmp_path / "w.xlsx"
    )
    sheet = openpyxl.load_workbook(path)["themes"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:B3"


def _with_nested_cells() -> pd.DataFrame:
    import numpy as np

    table = tagged()
    table["cc"] = [np.array(["ann.lee@example.org", "+44 20 7946 0958"], dtype=object), []]
    table["sender"] = [{"mail": "bo@example.net", "ids": np.array(["x"])}, None]
    table["note"] = [b"write to cy@example.com", None]
    return table


@pytest.mark.parametrize("suffix", ["csv", "parquet", "xlsx", "jsonl"])
def test_pii_in_list_dict_and_bytes_cells_leaves_redacted_as_json(tmp_path, suffix):
    """Before stop 50 a Parquet LIST column (numpy arrays), a struct or bytes left raw."""
    path = export_table(_with_nested_cells(), tmp_path / f"t.{suffix}")
    written = path.read_bytes()
    if suffix == "xlsx":
        sheet = openpyxl.load_workbook(path).active
        written = repr([c.value for row in sheet.iter_rows() for c in row]).encode()
    for raw in (b"ann.lee", b"7946", b"bo@example", b"cy@example"):
        assert raw not in written
    safe = redact_for_export(_with_nested_cells())
    assert safe["cc"].tolist() == ['["<EMAIL>", "<PHONE>"]', "[]"]
    assert safe["sender"].iloc[0] == '{"mail": "<EMAIL>", "ids": ["x"]}'
    assert safe["note"].iloc[0] == "write to <EMAIL>"


def test_an_arrow_list_column_is_redacted():
    import pyarrow as pa

    table = tagged()
    table["cc"] = pd.Series([["di@example.org"], None], dtype=pd.ArrowDtype(pa.list_(pa.string())))
    assert "cc" in free_text_columns(table)
    assert redact_for_export(table)["cc"].iloc[0] == '["<EMAIL>"]'
