"""Address, postcode and plate columns (`feedback_nlp.report.whereabouts`), by header."""

import pandas as pd
import pytest

from feedback_nlp.report.export import redact_for_export
from feedback_nlp.report.whereabouts import redact_whereabouts

ADDRESSES = (
    "Address",
    "Street address",
    "Home address",
    "Postcode",
    "Post code",
    "postal_code",
    "Address line 1",
    "address_line_2",
    "Delivery address",
    "customer.address",
)
PLATES = (
    "Vehicle registration",
    "Vehicle reg",
    "Reg plate",
    "Licence plate",
    "License plate number",
    "Number plate",
    "VRM",
)
KEPT = (
    "Store address",
    "Branch postcode",
    "Site address",
    "Office address",
    "Email address",
    "Zip",
    "Registration date",
    "Vehicle make",
    "Street lighting rating",
)


@pytest.mark.parametrize("header", ADDRESSES)
def test_a_persons_address_and_postcode_columns_leave_redacted(header):
    """Probe 51: a council export's "Address" column was exported as written."""
    table = pd.DataFrame({header: ["9 Lôn Hir, Bangor LL57 1ZZ", None]})
    out = redact_whereabouts(table, frozenset())
    assert out[header].tolist()[0] == "<ADDRESS>" and pd.isna(out[header][1])


@pytest.mark.parametrize("header", PLATES)
def test_vehicle_plate_columns_leave_as_ids(header):
    out = redact_whereabouts(pd.DataFrame({header: ["XY12 ABC"]}), frozenset())
    assert out[header].tolist() == ["<ID>"]


@pytest.mark.parametrize("header", KEPT)
def test_a_business_place_a_zip_and_other_columns_stay(header):
    out = redact_whereabouts(pd.DataFrame({header: ["1 Market Sq"]}), frozenset())
    assert out[header].tolist() == ["1 Market Sq"]


def test_an_export_redacts_the_address_and_plate_and_keeps_the_store():
    table = pd.DataFrame(
        {
            "Address": ["3 Ffordd Fawr, Rhyl LL18 9ZZ"],
            "Vehicle registration": ["XY12 ABC"],
            "Store address": ["High Street"],
        }
    )
    out = redact_for_export(table)
    assert out.iloc[0].tolist() == ["<ADDRESS>", "<ID>", "High Street"]


@pytest.mark.parametrize("header", ["Kenteken", "Amtliches Kennzeichen", "Kfz-Kennzeichen"])
def test_dutch_and_german_plate_columns_leave_as_ids(header):
    """Probe 52 (an insurer's claims export): "Kenteken" plates were exported as written."""
    out = redact_whereabouts(pd.DataFrame({header: ["GH-123-J", None]}), frozenset())
    assert out[header].tolist()[0] == "<ID>" and pd.isna(out[header][1])


def test_a_registration_column_of_plates_leaves_as_ids():
    table = pd.DataFrame({"Registration": ["WX19 KLM", "AB12 CDE", "M-AB 1234", None]})
    out = redact_whereabouts(table, frozenset())
    assert out["Registration"].tolist()[:3] == ["<ID>"] * 3


@pytest.mark.parametrize(
    "values",
    [["2024-03-02", "12/05/2024"], ["Yes", "No", "Yes"], ["Registered", "Pending"]],
)
def test_a_registration_column_of_dates_or_answers_is_kept(values):
    out = redact_whereabouts(pd.DataFrame({"Registration": values}), frozenset())
    assert out["Registration"].tolist() == values


def test_a_registration_column_of_quarters_is_no_plate_column():
    """Review of stop 52: "2024 Q1" read as a plate."""
    from feedback_nlp.report.whereabouts import redact_whereabouts

    table = pd.DataFrame({"Registration": ["2024 Q1", "2023 Q4", "2024 Q2"]})
    out = redact_whereabouts(table.copy(), frozenset())
    assert out["Registration"].tolist() == ["2024 Q1", "2023 Q4", "2024 Q2"]
