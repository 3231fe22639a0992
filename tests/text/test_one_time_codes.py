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
        ("código de verificação 123456", "código de verificação <SECRET>"),
        ("o meu código 999537 é inválido", "o meu código <SECRET> é inválido"),
        ("Bestätigungscode 123456", "Bestätigungscode <SECRET>"),
        ("PIN-Code 4821", "PIN-Code <SECRET>"),
        ("TAN 123456 abgelaufen", "TAN <SECRET> abgelaufen"),
        ("I got the code 482913 but it expired", "I got the code <SECRET> but it expired"),
        ("your code 384 912 ok", "your code <SECRET> ok"),
        # stop 53 review: "lautet", French labels, "PIN-Nummer", "482-913" and "48 29 13"
        ("Ihre TAN lautet 123456", "Ihre TAN lautet <SECRET>"),
        ("Mein Bestätigungscode lautet 482913", "Mein Bestätigungscode lautet <SECRET>"),
        ("mon code de vérification est 482913", "mon code de vérification est <SECRET>"),
        ("PIN-Nummer 1234", "PIN-Nummer <SECRET>"),
        ("Code: 482-913", "Code: <SECRET>"),
        ("The code 48 29 13 never arrived", "The code <SECRET> never arrived"),
        ("the code 5023 sent by SMS expired", "the code <SECRET> sent by SMS expired"),
        ("my pin is 4821", "my pin is <SECRET>"),
    ],
)
def test_labelled_codes_and_pins_are_secrets(text, expected):
    assert redact_secrets(text, "<SECRET>") == (expected, True)


@pytest.mark.parametrize(
    "text",
    [  # 4-8 digits each, so that only the qualifier or the missing context keeps them
        "error code 5023 after the update",
        "promo code SUMMER20 did not apply",  # a shared marketing code: no secret
        "the discount code 2024 expired",
        "postcode 1012 is outside the area",
        "post code 1012 AB",
        "zip code 90210 not accepted",
        "area code 0415 is missing",
        "sort code 200000 is wrong",
        "I entered the code 3 times",
        "the code was wrong",
        "código postal 1000 Lisboa",
        "kod pocztowy 00950 Warszawa",
        "tan leather jacket 2024",
        "Code 1234567890",
        # stop 53 review: errors, promotions and a verb "pin" are no one-time code
        "Windows update failed with code 80244019",
        "Update failed (code 80070005)",
        "The game crashes with code 10054",
        "Error: code 5023",
        "Use code 2024 at checkout",
        "Enter code 5050 for 50% off",
        "Rabatt-Code 2024 funktioniert nicht",
        "Fehler Code 4003 beim Bezahlen",
        "Gutschein code 1234 ging nicht",
        "PLZ-Code 10115",
        "I pin 1000 of my posts",
        "code 1000 points bonus",
        "the verification failed with error code 4003",
    ],
)
def test_other_codes_and_numbers_stay(text):
    assert redact_pii(text) == (text, [])
