"""Energy supply numbers after their label (`feedback_nlp.text.utility_identifiers`), through
`redact_ids` and `redact_pii` (probe 53, an energy supplier's survey: 0 of 13 redacted)."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MPAN 1200012345678 shows the wrong supplier", "MPAN <ID> shows the wrong supplier"),
        ("My MPAN is 00 801 103 1200012345678", "My MPAN is <ID>"),
        ("MPRN 1234567890 was moved", "MPRN <ID> was moved"),
        ("Meter serial E10BG12345 was swapped", "Meter serial <ID> was swapped"),
        ("meter number 19K0123456 reading 45678 kWh", "meter number <ID> reading 45678 kWh"),
        ("Gas meter serial G4A 00123456 7890", "Gas meter serial <ID>"),
        ("Zählernummer 1ESY116007135241 falsch", "Zählernummer <ID> falsch"),
        ("Zählpunkt DE0001234567890123456789012345678 falsch", "Zählpunkt <ID> falsch"),
        ("Mi CUPS es ES0021000000123456AB y", "Mi CUPS es <ID> y"),
        ("Vertragskonto 201234567890 belastet", "Vertragskonto <ID> belastet"),
        ("Marktlokations-ID 50123456789 falsch", "Marktlokations-ID <ID> falsch"),
        ("número de contador 12345678", "número de contador <ID>"),
        ("My customer reference 8512345678 was", "My customer reference <ID> was"),
    ],
)
def test_supply_numbers_after_their_label(raw, expected):
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "Meter reading 0123456789 was rejected",
        "I gave the reading 01234 56789 twice",
        "Kundennummer fehlt, Zählerstand 12345 kWh",
        "You charged me 1.234,56 € for 3.456 kWh and £123.45",
        "We used 7,800 kWh last year, meter number 3 of 4",
        "Two cups 2024 of coffee",
    ],
)
def test_readings_amounts_and_use_stay(raw):
    assert redact_ids(raw, "<ID>") == (raw, False)
    assert redact_pii(raw) == (raw, [])
