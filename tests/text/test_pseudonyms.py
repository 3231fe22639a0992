"""Pseudonyms for ids that are personal data."""

import hashlib
import hmac

import pytest

from feedback_nlp.text.pseudonyms import (
    PSEUDONYM_KEY_VARIABLE,
    is_pseudonym,
    pseudonymise_pii_id,
    pseudonymise_respondent_id,
)


@pytest.fixture(autouse=True)
def _no_key(monkeypatch):
    """Every test starts without a key, whatever the shell that runs them has set."""
    monkeypatch.delenv(PSEUDONYM_KEY_VARIABLE, raising=False)


@pytest.mark.parametrize(
    "handle",
    ["maria_lopez_88", "ines1284", "Power User 99", "dev_dan2", "PowerUser99", "Anna Schneider",
     "redditor_0x", "Mark77_Leeds", "jk_1987_london", "j0hn_sm1th", "throwaway_2024_uk",
     "olga_1990_kyiv"],
)  # fmt: skip
def test_a_nickname_used_as_respondent_id_is_pseudonymised(handle):
    """Forum authors carry digits; before stop 48 only ids of letters were pseudonymised."""
    assert pseudonymise_respondent_id(handle).startswith("pii-")


@pytest.mark.parametrize(
    "system_id",
    ["cust-0379", "CUST0042", "C7", "12345", "R_aK0cnQGdZ7W0Sgq", "R_ERzrWJhewqbNEbA",
     "3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e", "USR_42", "ticket 1881", "kunde-0042",
     "cliente_0042", "Kunde123", "Emp00123", "pii-deadbe012345",
     # digits inside: hex, object ids, SKUs, random chunks, Stripe- or Salesforce-like ids
     "deadbeef12cafe34", "A1B2C3D4", "5ba682d23d7cf92bef87bfd4", "conv_7f3a", "SKU-12A9",
     "R_x7Qm2LpKd93VbTz", "R_abcdwxyz42Pqrst", "k3j9x2mqtp", "usr_k3j9x2mq", "ORD-2024-0001",
     "cus_Qx8LmZ2pWvN4Tr", "0035g00000XYZabAAH", "NPS2024Q1R55", "2fast4you"],
)  # fmt: skip
def test_ids_a_system_gives_stay_joinable(system_id):
    assert pseudonymise_respondent_id(system_id) == system_id


def test_without_a_key_pseudonyms_are_the_ones_written_before():
    """No key: unkeyed SHA-256, so exports and saved models written before still join."""
    assert (
        pseudonymise_respondent_id("maria_lopez_88")
        == "pii-" + (hashlib.sha256(b"maria_lopez_88").hexdigest()[:12])
    )
    assert (
        pseudonymise_pii_id("jane@example.org")
        == "pii-" + (hashlib.sha256(b"jane@example.org").hexdigest()[:12])
    )


def test_with_a_key_pseudonyms_are_keyed_hashes(monkeypatch):
    """Before, anyone holding an id could hash it and find its rows; with a key they need it."""
    unkeyed = pseudonymise_respondent_id("maria_lopez_88")
    monkeypatch.setenv(PSEUDONYM_KEY_VARIABLE, "a secret kept by the data owner")
    keyed = pseudonymise_respondent_id("maria_lopez_88")
    expected = hmac.new(b"a secret kept by the data owner", b"maria_lopez_88", hashlib.sha256)
    assert keyed == "pii-" + expected.hexdigest()[:12] != unkeyed
    assert is_pseudonym(keyed) and pseudonymise_respondent_id(keyed) == keyed
    monkeypatch.setenv(PSEUDONYM_KEY_VARIABLE, "another key")
    assert pseudonymise_respondent_id("maria_lopez_88") not in (keyed, unkeyed)


def test_an_email_id_has_one_pseudonym_whatever_its_case_and_spaces():
    """Before, "Erika.M@WEB.DE" and "erika.m@web.de" got different pseudonyms."""
    lower = pseudonymise_pii_id("erika.m@web.example")
    assert pseudonymise_pii_id("Erika.M@WEB.Example") == lower
    assert pseudonymise_respondent_id(" erika.m@web.example ") == lower


def test_other_ids_keep_their_case():
    """Only e-mails are normalised: "AnnaK" and "annak" may be two people."""
    assert pseudonymise_respondent_id("AnnaK") != pseudonymise_respondent_id("annak")
