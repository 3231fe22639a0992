"""Columns that hold a person's name, by header (`feedback_nlp.report.person_columns`)."""

import pandas as pd
import pytest

from feedback_nlp.report.export import redact_for_export
from feedback_nlp.report.person_columns import is_name_column

STAFF = (
    "Officer",
    "Case officer",
    "case_officer",
    "Handled by",
    "handled_by",
    "Assigned to",
    "Agent",
    "Agent name",
    "Caseworker",
    "Case worker",
    "Parking officer",
    "Advisor",
)
NOT_STAFF = (
    "Officer ID",
    "officer_code",
    "User agent",
    "handled_at",
    "Handling time",
    "Case status",
    "Assigned date",
)


@pytest.mark.parametrize("header", STAFF)
def test_the_staff_member_who_handled_a_case_is_a_name_column(header):
    """Probe 51: a council export's "Officer" column was exported as written."""
    assert is_name_column(header)


@pytest.mark.parametrize("header", NOT_STAFF)
def test_ids_codes_dates_and_browser_agents_of_staff_are_no_name_columns(header):
    assert not is_name_column(header)


def test_an_officer_column_leaves_as_name_placeholders():
    table = pd.DataFrame({"Officer": ["Rhian Beynon", None], "Case status": ["open", "closed"]})
    out = redact_for_export(table)
    assert out["Officer"].tolist()[0] == "<NAME>" and pd.isna(out["Officer"][1])
    assert out["Case status"].tolist() == ["open", "closed"]
