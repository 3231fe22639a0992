"""Insurance policy and claim numbers and plates (`feedback_nlp.text.insurance_identifiers`),
through `redact_ids` and `redact_pii` (probe 52, an insurer's claims survey)."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Policennummer 88123456 bitte", "Policennummer <ID> bitte"),
        ("numéro de police 4402118873, trop faible", "numéro de police <ID>, trop faible"),
        ("mijn polisnummer 55667788.", "mijn polisnummer <ID>."),
        ("numero di polizza 33445566 e", "numero di polizza <ID> e"),
        ("polizza n. 99887766", "polizza n. <ID>"),
        ("Versicherungsscheinnummer 4410-883-221", "Versicherungsscheinnummer <ID>"),
        ("My claim number is CLM-2024-00123 and", "My claim number is <ID> and"),
        ("claim no. 4471982 was rejected", "claim no. <ID> was rejected"),
        ("Claim ref: CLM-2023-77812, handled", "Claim ref: <ID>, handled"),
        ("Claim CLM-2024-00123 still open", "Claim <ID> still open"),
        ("Meine Schadennummer ist S-2024-118822, keiner", "Meine Schadennummer ist <ID>, keiner"),
        ("Mon numéro de sinistre est SIN-2024-55123.", "Mon numéro de sinistre est <ID>."),
        ("Le règlement du sinistre CLM-2024-55123 a pris", "Le règlement du sinistre <ID> a pris"),
        ("Mijn schadenummer is 2024-998877 en", "Mijn schadenummer is <ID> en"),
        ("Il numero di sinistro 2024/11223 è aperto", "Il numero di sinistro <ID> è aperto"),
        ("Kennzeichen B-XY 4321 wurde falsch", "Kennzeichen <ID> wurde falsch"),
        ("Kfz-Kennzeichen M-AB 1234", "Kfz-Kennzeichen <ID>"),
        ("immatriculation AB-123-CD, expert", "immatriculation <ID>, expert"),
        ("kenteken 12-ABC-3 total loss", "kenteken <ID> total loss"),
        ("targa AB123CD: pratica aperta", "targa <ID>: pratica aperta"),
        ("The garage kept my car (WX19 KLM) for weeks", "The garage kept my car (<ID>) for weeks"),
    ],
)
def test_policy_and_claim_numbers_and_plates_after_their_label(raw, expected):
    """Each was exported as written before."""
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "claim number one was paid, claim 2 was not",
        "my claim 2024 took 9 weeks",  # a year after a bare "claim"
        "Claim PS5 2TB warranty",  # one digit in the code
        "Schadennummer fehlt auf dem Brief",
        "Kennzeichen falsch eingetragen, targa 2",
        "the policy excess was 500 and police came at 10:30",
        "numéro de police manquant",
        "immatriculation RCS Paris B 123 456 789",  # capitals and digits in separate words
        "order number CLM-2024-00123",  # no claim label
    ],
)
def test_insurance_words_without_an_id_stay(raw):
    assert redact_pii(raw) == (raw, [])
