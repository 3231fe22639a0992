"""Carried identifier columns (`feedback_nlp.report.identifier_columns`), pseudonymised per
value by header and values in every export (probe 53, energy and airline surveys)."""

import pandas as pd
import pytest

from feedback_nlp.report.export import redact_for_export
from feedback_nlp.report.identifier_columns import header_label, is_identifier_column
from feedback_nlp.text.pseudonyms import is_pseudonym, pseudonym

COLUMNS = {
    "Account Number": [5249575204, 8097289387, 5249575204],
    "Meter Serial": ["E10BG68641", "E16BG59505", "E10BG68641"],
    "Kundennummer": ["3301595691", "2033639716", "3301595691"],
    "Zählernummer": ["1ESY116007135241", "1ESY116008122250", "1ESY116007135241"],
    "Marktlokation": ["53503055453", "53428605135", "53503055453"],
    "PNR": ["8Z7BCL", "X7K9QL", "8Z7BCL"],
    "Booking reference": ["8Z7BCL", "X7K9QL", "8Z7BCL"],
    "Membership number": ["M1234567", "M7654321", "M1234567"],
    "account_number": ["5249575204", "8097289387", "5249575204"],
    "MPANNumber": ["1200012345678", "1200012345679", "1200012345678"],
}
KEPT = {
    "Flight number": ["SK8325", "AB626", "SK8325"],
    "Route": ["AMS-FCO", "AMS-FCO", "FCO-AMS"],
    "Ticket number": ["48213", "48214", "48215"],
    "Loyalty card": ["Yes", "No", "Yes"],
    "Account": ["Acme Ltd", "Globex", "Acme Ltd"],
    "Country": ["UK", "Spain", "UK"],
    "Account (GBP)": [12345678, 23456789, 12345678],
    "Acc": ["12345678", "23456789.50", "12345678"],
    "Acct": ["12345678", "£23456789", "12345678"],
    "Booking code": ["SUMMER", "WINTER", "SUMMER"],
    "Miles and More": ["2023 2024", "2022 2023", "2023 2024"],
}


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3"],
            "respondent_id": ["5249575204", "8097289387", "5249575204"],
            "text": ["fine", "bad", "ok"],
            **COLUMNS,
            **KEPT,
        }
    )


@pytest.mark.parametrize("header", list(COLUMNS))
def test_identifier_columns_leave_as_pseudonyms_that_still_group(header):
    out = redact_for_export(_table())
    values = out[header].tolist()
    assert all(is_pseudonym(v) for v in values)
    assert values[0] == values[2] != values[1]  # one account, one pseudonym
    assert values[1] == pseudonym(str(COLUMNS[header][1]))


@pytest.mark.parametrize("header", list(KEPT))
def test_other_columns_stay(header):
    out = redact_for_export(_table())
    assert out[header].tolist() == KEPT[header]


def test_mapped_ids_stay_and_export_twice_changes_nothing():
    once = redact_for_export(_table())
    assert once["respondent_id"].tolist() == ["5249575204", "8097289387", "5249575204"]
    assert redact_for_export(once).equals(once)


def test_missing_cells_stay_missing():
    table = pd.DataFrame({"Account Number": [5249575204.0, None, 8097289387.0]})
    out = redact_for_export(table)["Account Number"]
    assert out.isna().tolist() == [False, True, False]
    assert out[0] == pseudonym("5249575204")


def test_headers_read_as_labels():
    assert header_label("AccountNumber") == "Account Number"
    assert header_label("MPANNumber") == "MPAN Number"
    assert header_label("NHSNumber (optional)") == "NHS Number"
    assert header_label("meter_serial (if known):") == "meter serial"
    assert is_identifier_column("PNR", pd.Series(["8Z7BCL", None]))
    assert not is_identifier_column("PNR", pd.Series([True, False]))


def test_a_column_of_arrow_strings_or_of_lists_is_read_without_error():
    """`Series.map` on Arrow strings gives strings (stop 53: `.all()` raised on them)."""
    numbers = pd.Series(["12345678", "87654321"], dtype="string[pyarrow]")
    assert is_identifier_column("Account Number", numbers)
    assert not is_identifier_column("Account Number", pd.Series([["12345678"], ["87654321"]]))
