"""Hospital, NHS, CHI and PESEL numbers (`feedback_nlp.text.health_identifiers`), through
`redact_ids` and `redact_pii` (probe 52, a trust's Friends and Family Test)."""

import pytest

from feedback_nlp.text.health_identifiers import nhs_number_valid
from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MRN 00482913 was printed on", "MRN <ID> was printed on"),
        ("Hospital no. K1234567 was wrong", "Hospital no. <ID> was wrong"),
        ("Hospital number: K1234567 on my letter", "Hospital number: <ID> on my letter"),
        ("medical record number 77812345 on it", "medical record number <ID> on it"),
        ("patient ID 20394857 mixed up", "patient ID <ID> mixed up"),
        ("NHS: 9434765919", "NHS: <ID>"),
        ("NHS 943 476 5919 on the wristband", "NHS <ID> on the wristband"),
        ("943 476 5919 is my NHS number", "<ID> is my NHS number"),
        ("Rhif GIG 485 777 3456 - Nyrs", "Rhif GIG <ID> - Nyrs"),
        ("CHI number 0101011234", "CHI number <ID>"),
        ("CHI: 0101011234", "CHI: <ID>"),
        ("PESEL 85010112345", "PESEL <ID>"),
        ("mój numer PESEL to 85010112345", "mój numer PESEL to <ID>"),
    ],
)
def test_patient_numbers_after_their_label(raw, expected):
    """Each was exported as written, or as a phone (CHI), before."""
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "NHS 111 never answered",
        "NHS: 9434765918 on the form",  # wrong check digit after a bare "NHS"
        "patient number 3 in the queue",
        "hospital no 1 in the region, MRN missing",
        "CHI 9913011234",  # no date first
        "PESEL missing, 2024",
    ],
)
def test_health_words_without_an_id_stay(raw):
    assert redact_ids(raw, "<ID>") == (raw, False)


def test_a_phone_after_hospital_number_stays_a_phone():
    assert redact_pii("hospital number 01214242000 never answers") == (
        "hospital number <PHONE> never answers",
        ["phone"],
    )


def test_nhs_check_digit():
    assert nhs_number_valid("943 476 5919")
    assert not nhs_number_valid("943 476 5918")
    assert not nhs_number_valid("94347659")
