"""Airline references after their label (`feedback_nlp.text.travel_identifiers`), through
`redact_ids` and `redact_pii` (probe 53, an airline's survey)."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PNR: X7K9QL", "PNR: <ID>"),
        ("My booking reference is X7K9QL and", "My booking reference is <ID> and"),
        (
            "Booking ref x7k9ql, flight AB1234, seat 14C",
            "Booking ref <ID>, flight AB1234, seat 14C",
        ),
        ("Numéro de réservation X7K9QL, vol AB1234.", "Numéro de réservation <ID>, vol AB1234."),
        ("Codice prenotazione X7K9QL", "Codice prenotazione <ID>"),
        ("Localizador X7K9QL", "Localizador <ID>"),
        ("Boekingscode X7K9QL", "Boekingscode <ID>"),
        ("Buchungsnummer 4711-0815-22", "Buchungsnummer <ID>"),
        ("Lost baggage file AMSKL12345, still nothing.", "Lost baggage file <ID>, still nothing."),
        ("PIR number FCOAZ12345", "PIR number <ID>"),
        ("dossier bagage CDGAF12345", "dossier bagage <ID>"),
        ("pratica bagaglio FCOAZ12345 aperta", "pratica bagaglio <ID> aperta"),
        ("Mi maleta se perdió, referencia FCOSK27349.", "Mi maleta se perdió, referencia <ID>."),
        (
            "Frequent flyer number 3081234567, Flying Blue.",
            "Frequent flyer number <ID>, Flying Blue.",
        ),
        ("Miles & More 992 000 123 456 789 not credited", "Miles & More <ID> not credited"),
        (
            "Ticket number 074-2412345678 was never refunded.",
            "Ticket number <ID> was never refunded.",
        ),
        ("my e-ticket 0742412345678", "my e-ticket <ID>"),
        ("ticket 0742412345678 not refunded", "ticket <ID> not refunded"),
        ("Booking reference number 12345", "Booking reference number <ID>"),
        ("booking ref no. X7K9QL please", "booking ref no. <ID> please"),
        ("PNR code: 8Z7BCL", "PNR code: <ID>"),
    ],
)
def test_travel_references_after_their_label(raw, expected):
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


def test_a_booking_reference_of_six_capitals():
    """No digit: `redact_pii` skips the id rules on such a text (a cheap test in `pii`)."""
    assert redact_ids("Localizador QWERTY, 2 maletas", "<ID>") == (
        "Localizador <ID>, 2 maletas",
        True,
    )
    assert redact_ids("PNR is ABCDEF", "<ID>") == ("PNR is <ID>", True)


@pytest.mark.parametrize(
    "raw",
    [
        "Flight AB1234 AMS-CDG, seat 14C, gate D7, EU261 applies.",
        "My booking reference is wrong on the app",
        "Support ticket number 48213 is still open",
        "I have 1234567 Avios and still no upgrade",
        "Flying Blue 2025 status was not applied",
        "Order reference ORDER12345 for the headphones",
        "Delayed 3h45, departed 14:05 instead of 10:20 on 03/02/2026.",
        "Miles and More 2023 2024 status not applied, 2 calls",
        "Flying Blue 2023-2024 miles expired after 3 months",
    ],
)
def test_flights_seats_and_unlabelled_codes_stay(raw):
    assert redact_pii(raw) == (raw, [])


@pytest.mark.parametrize(
    "raw",
    [
        "PNR CANCEL",
        "My booking reference URGENT please",
        "Booking code SUMMER did not apply",
        "Localizador ONLINE no funciona",
    ],
)
def test_a_capitalised_word_after_a_booking_label_stays(raw):
    """Six capitals with no digit are a PNR only when they are no common word."""
    assert redact_ids(raw, "<ID>") == (raw, False)
    assert redact_pii(raw) == (raw, [])
