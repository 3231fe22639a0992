"""Pseudonyms for ids that are personal data."""

import pytest

from feedback_nlp.text.pseudonyms import pseudonymise_respondent_id


@pytest.mark.parametrize(
    "handle",
    ["maria_lopez_88", "ines1284", "Power User 99", "dev_dan2", "PowerUser99", "Anna Schneider"],
)
def test_a_nickname_used_as_respondent_id_is_pseudonymised(handle):
    """Forum authors carry digits; before stop 48 only ids of letters were pseudonymised."""
    assert pseudonymise_respondent_id(handle).startswith("pii-")


@pytest.mark.parametrize(
    "system_id",
    ["cust-0379", "CUST0042", "C7", "12345", "R_aK0cnQGdZ7W0Sgq", "R_ERzrWJhewqbNEbA",
     "3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e", "USR_42", "ticket 1881", "kunde-0042",
     "cliente_0042", "Kunde123", "Emp00123", "pii-deadbe012345"],
)  # fmt: skip
def test_ids_a_system_gives_stay_joinable(system_id):
    assert pseudonymise_respondent_id(system_id) == system_id
