"""Loyalty and club card numbers (`feedback_nlp.text.loyalty_identifiers`), through
`redact_ids` and `redact_pii` (probe 52, a retailer's store survey: 107 of 2,375 comments)."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("My loyalty card 6339 1942 7781 0456 didn't", "My loyalty card <ID> didn't"),
        ("on my loyalty card (card no 6339 2201 5567 1123).", "on my loyalty card (card no <ID>)."),
        ("loyalty card number 6339194277810456 not", "loyalty card number <ID> not"),
        ("my Rewards card 6339-1942-7781-0456 was", "my Rewards card <ID> was"),
        ("Club card no. 98263000123456 missing points", "Club card no. <ID> missing points"),
        ("Kundenkarte 98263000123456 nicht erkannt", "Kundenkarte <ID> nicht erkannt"),
        ("carte de fidélité 98263000123456", "carte de fidélité <ID>"),
    ],
)
def test_loyalty_card_numbers_after_their_label(raw, expected):
    """Each fails Luhn, so the card rule kept it as written before."""
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "My loyalty card didn't get the points from receipt #88123344",
        "Order ref receipt no. 1234-5678",
        "Clubcard points 1500 missing since 12/03/2024",
        "my card ending 0456 was charged twice",
        "loyalty card 10% off on 3 items",
    ],
)
def test_receipts_and_points_stay(raw):
    assert redact_pii(raw) == (raw, [])


def test_a_payment_card_after_a_card_word_stays_a_card():
    assert redact_pii("store card 4111 1111 1111 1111 declined") == (
        "store card <CARD> declined",
        ["card"],
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "My membership card 2023-2024 never arrived",
            "My membership card 2023-2024 never arrived",
        ),
        ("Club card 12 03 2024 expired", "Club card 12 03 2024 expired"),
        ("Paid with my store card 20230415 ok", "Paid with my store card 20230415 ok"),
        ("store card 0800 123 4567 helpline", "store card <PHONE> helpline"),
    ],
)
def test_dates_and_helplines_after_a_card_word_are_no_loyalty_numbers(raw, expected):
    """Review of stop 52: dates, year ranges and phone numbers became ``<ID>``."""
    assert redact_pii(raw)[0] == expected
