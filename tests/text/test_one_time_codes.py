"""One-time codes and PINs after their label become <SECRET> (stop 53: a probe found none)."""

import pytest

from feedback_nlp.text.pii import redact_pii
from feedback_nlp.text.secrets import redact_secrets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your code is 482913", "Your code is <SECRET>"),
        ("Your code is 771204.", "Your code is <SECRET>."),
        ("OTP 119283 never came", "OTP <SECRET> never came"),
        ("Verification code: 662190", "Verification code: <SECRET>"),
        ("kod SMS 582913 nie działa", "kod SMS <SECRET> nie działa"),
        ("my PIN is 4821", "my PIN is <SECRET>"),
        ("código 123456", "código <SECRET>"),
        ("o código 999537 é inválido", "o código <SECRET> é inválido"),
        ("Bestätigungscode 123456", "Bestätigungscode <SECRET>"),
        ("PIN-Code 4821", "PIN-Code <SECRET>"),
        ("TAN 123456 abgelaufen", "TAN <SECRET> abgelaufen"),
        ("I got the code 482913 but it expired", "I got the code <SECRET> but it expired"),
        ("code 384 912 ok", "code <SECRET> ok"),
    ],
)
def test_labelled_codes_and_pins_are_secrets(text, expected):
    assert redact_secrets(text, "<SECRET>") == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "error code 502 again",
        "error code 5023 after the update",
        "promo code SUMMER20 did not apply",  # a shared marketing code: no secret
        "the discount code 2024 expired",
        "postcode 1012 is outside the area",
        "post code 1012 AB",
        "zip code 90210 not accepted",
        "area code 0415 is missing",
        "sort code 20-00-00",
        "I entered the code 3 times",
        "the code was wrong",
        "código postal 1000-001",
        "kod pocztowy 00-950",
        "tan leather jacket 2024",
        "Code 1234567890",
    ],
)
def test_other_codes_and_numbers_stay(text):
    assert redact_pii(text) == (text, [])
