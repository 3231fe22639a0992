"""Columns that hold a person's name, by header (`feedback_nlp.report.person_columns`)."""

import pandas as pd
import pytest

from feedback_nlp.report.export import redact_for_export
from feedback_nlp.report.person_columns import is_name_column, role_column_holds_names

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


ROLE_NAMES = [
    ("reviewer", ["Anna Schmidt", "Ben Okafor", None]),
    ("User", ["Anna Schmidt", "john_doe88", "María López", "Tiago Silva", "田中太郎"]),
    ("customer", ["Anna", "Ben", "Carla", "Dirk", "Eva", "Femi"]),
    ("student", ["Jan de Vries", "Lotte Bakker"]),
]
ROLE_NOT_NAMES = [
    ("customer", ["C-1001", "C-1002", "C-1003"]),
    ("user", ["free", "premium", "free"]),
    ("User", ["Free", "Premium", "Free", "Pro", "Free", "Premium"]),
    ("user", ["The app crashes every time I open it", "Fine"]),
    ("comment", ["Anna Schmidt", "Ben Okafor"]),  # no role header
    # a reviewer (stop 51): two-word categories are no names
    ("customer", ["New Customer", "Existing Customer"] * 10),
    ("user", ["Free Plan", "Pro Plan"] * 10),
    ("employee", ["Full Time", "Part Time"]),
    ("reviewer", ["Verified Buyer"] * 3),
    ("agent", ["Chat Bot", "Live Agent"]),
]


@pytest.mark.parametrize(("header", "values"), ROLE_NAMES)
def test_a_bare_role_column_of_names_holds_names(header, values):
    """Probe 51 (Play-store export): a "reviewer" column was exported as written."""
    assert role_column_holds_names(header, pd.Series(values))


@pytest.mark.parametrize(("header", "values"), ROLE_NOT_NAMES)
def test_a_role_column_of_ids_tiers_or_text_holds_no_names(header, values):
    assert not role_column_holds_names(header, pd.Series(values))


CLAIM_PARTIES = ("Claim handler", "Claims handler", "Loss adjuster", "Third party name")
CLAIM_PARTIES += ("Policyholder name", "Driver name", "Patient name")


@pytest.mark.parametrize("header", CLAIM_PARTIES)
def test_the_parties_and_handlers_of_a_claim_are_name_columns(header):
    """Probe 52 (an insurer): "Driver name" was kept while "Case handler" was caught."""
    assert is_name_column(header)


STAFF_ROLE_NAMES = [
    ("Manager", ["Katrin Vogel", "Helen Price", "Mark Thompson"] * 40),
    ("Line manager", ["Mark", "Dave", "Sarah"] * 10),
    ("Team lead", ["Priya Shah", "Tom Baker"]),
    ("Supervisor", ["Kerry Smith"] * 9),
    ("Store Manager Name", ["Kerry Smith", "Sarah Jones", "Tom Baker", "Priya Shah"] * 5),
    ("Served by", ["Dave", "Aisha", "Ben"] * 10),
    ("Cashier", ["Aisha", "Ben"]),
    ("Colleague", ["Jo Evans", "Sam Hughes"]),
    ("Team member", ["Aisha", "Dave", None]),
    ("Consultant", ["Dr Patel", "Dr Sousa", "Ms Chen", "Mr Hargreaves"] * 30),
    ("Claimant", ["Sophie Laurent", "Tom Baker"] * 20),
]
STAFF_ROLE_NOT_NAMES = [
    ("Manager approval", ["yes", "no", "yes"]),
    ("Manager", ["Yes", "No"] * 10),
    ("Team", ["Team A", "Blue Team", "Night shift"] * 5),
    ("Team member", ["Sales", "Support", "Customer Services"]),
    ("Served by", ["Self checkout", "Counter", "Online"] * 3),
    ("Consultant", ["Yes", "No", "Unknown"]),
    ("Store", ["Chester", "Durham", "Glasgow Buchanan"]),
]


@pytest.mark.parametrize(("header", "values"), STAFF_ROLE_NAMES)
def test_a_staff_role_column_of_names_holds_names(header, values):
    """Probe 52: "Manager", "Served by", "Consultant" columns were exported as written."""
    assert role_column_holds_names(header, pd.Series(values))
    out = redact_for_export(pd.DataFrame({header: values}))
    assert set(out[header].dropna()) == {"<NAME>"}


@pytest.mark.parametrize(("header", "values"), STAFF_ROLE_NOT_NAMES)
def test_a_staff_role_column_of_answers_teams_or_places_holds_no_names(header, values):
    assert not role_column_holds_names(header, pd.Series(values))
    assert redact_for_export(pd.DataFrame({header: values}))[header].tolist() == values


def test_a_server_column_of_machines_is_no_name_column():
    """Review of stop 52: "Server": "Atlas", "Phoenix" left as <NAME>."""
    table = pd.DataFrame({"Server": ["Atlas", "Phoenix", "Hermes"] * 4})
    assert redact_for_export(table)["Server"].tolist() == table["Server"].tolist()
