"""Bank account numbers after their label (`feedback_nlp.text.bank_identifiers` and the
account rule of `feedback_nlp.text.identifiers`), probe 53 (a bank's chat)."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("account number 12109010140000071219812874 ok", "account number <ID> ok"),
        ("Account number 12 1090 1014 0000 0712 1981 2874", "Account number <ID>"),
        ("numer konta 12 1090 1014 0000 0712 1981 2874", "numer konta <ID>"),
        ("przelew na konto 12109010140000071219812874", "przelew na konto <ID>"),
        ("número de conta 0002 0123 12345678901", "número de conta <ID>"),
        ("sort code 40-47-84 acc 31926819", "sort code 40-47-84 acc <ID>"),
        ("a/c 31926819 please", "a/c <ID> please"),
        ("Acc 8512345678 - please sort it", "Acc <ID> - please sort it"),
        ("Account 0123456789 wrong", "Account <ID> wrong"),
        ("my account 87654321 was charged", "my account <ID> was charged"),  # 8+ digits
        ("Kontonummer 1234567890 gesperrt", "Kontonummer <ID> gesperrt"),
    ],
)
def test_account_numbers_after_their_label(raw, expected):
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "my account 2 years old was closed",
        "acc 2 the website the transfer of £1,234.56 went through",
        "a conta de 123,45 € foi paga",
        "Account blocked since 03/02/2026 for no reason",
    ],
)
def test_short_numbers_and_amounts_stay(raw):
    assert redact_pii(raw) == (raw, [])


@pytest.mark.parametrize(
    "raw",
    [
        "My account 2019-2024 was fine",
        "account 2023 2024 tax year",
        "acc 01-01-2024 opened",
        "acc 12-31-2024 closed",
        "a/c 20240415 statement",
    ],
)
def test_dates_and_year_ranges_after_an_account_word_stay(raw):
    assert redact_pii(raw) == (raw, [])


def test_an_account_number_beside_a_year_range_still_goes():
    raw = "account 31926819 since 2019-2024"
    assert redact_pii(raw) == ("account <ID> since 2019-2024", ["id"])
