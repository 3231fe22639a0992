"""Phones a user probe found leaking (stop 53): "+CC" with an unspaced national number, and
phone words of Portuguese and Polish."""

import pytest

from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("o meu número é +351 918742404", "o meu número é <PHONE>"),
        ("+48 501234567", "<PHONE>"),
        ("+44 7700900123", "<PHONE>"),  # the country code goes with the number
        ("call +44 7700900123 today", "call <PHONE> today"),
        ("+44 (0)7700900123", "<PHONE>"),
        ("ligue para 918742404", "ligue para <PHONE>"),
        ("liga-me: 918742404", "liga-me: <PHONE>"),
        ("mój numer to 501234567", "mój numer to <PHONE>"),
        ("my number is 918742404", "my number is <PHONE>"),
        ("(+351) 918742404", "<PHONE>"),  # stop 53 review: the country code in brackets
    ],
)
def test_international_and_worded_phones_are_redacted_whole(raw, expected):
    assert redact_pii(raw) == (expected, ["phone"])


@pytest.mark.parametrize(
    "raw",
    [
        "encomenda 918742404 nunca chegou",
        "número da encomenda 918742404",
        "o número de série 123456789 não aparece",
        "mój numer zamówienia 123456789",
        "paid €1234 in 2023 for 12 months",
        "revenue grew to 918742404 dollars",
        "ligue para o apoio, esperei 45 minutos",
        "delivered 03.05.2026, +5 points",
        "v+1.2345678",
        # stop 53 review: an order, points or member word after "my number"
        "meu número de pedido é 918742404",
        "my number of points is 501234567",
        "mi número de socio es 501234567",
    ],
)
def test_order_numbers_amounts_and_years_stay(raw):
    assert redact_pii(raw) == (raw, [])
