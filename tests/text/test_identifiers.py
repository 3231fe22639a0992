import pytest

from feedback_nlp.text.identifiers import redact_birth_dates, redact_card_details, redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Steuer-ID 86095742719", "Steuer-ID <ID>"),
        ("NIR 1 85 05 78 006 084 91", "NIR <ID>"),
        ("mon numéro 185057800608491.", "mon numéro <ID>."),
        ("BSN: 111222333", "BSN: <ID>"),
        ("burgerservicenummer 1112.22.333", "burgerservicenummer <ID>"),
        ("NI number AB 12 34 56 C", "NI number <ID>"),
        ("身份证号11010519491231002X", "身份证号<ID>"),
        ("DNI 12345678Z y NIE X1234567L", "DNI <ID> y NIE <ID>"),
        ("my account number is 4839201745", "my account number is <ID>"),
        ("acct no. 4839201745", "acct no. <ID>"),
        ("customer number CU-48392017", "customer number <ID>"),
        ("Kundennummer: 0012345678", "Kundennummer: <ID>"),
        ("numéro client 48392017", "numéro client <ID>"),
        ("número de cliente 48392017", "número de cliente <ID>"),
        ("klantnummer 48392017", "klantnummer <ID>"),
        ("contract number 48392017", "contract number <ID>"),
    ],
)
def test_national_ids_and_labelled_customer_numbers(raw, expected):
    assert redact_ids(raw, "<ID>") == (expected, True)


@pytest.mark.parametrize(
    "raw",
    [
        "Steuer-ID 86095742718",  # wrong check digit
        "BSN 123456789",  # fails the elfproef
        "a 9-digit number 111222333 without its label",
        "NI number GB 12 34 56 A",  # no valid prefix
        "DNI 12345678A",  # wrong letter
        "order 86095742719 is late",  # an order number, even with a valid check
        "my account number is wrong",
        "customer number one complaint",
        "order no. 0123456789, tracking 00340434161094000000",
        "75001 Paris, 10115 Berlin, 2026-05-03 14:22, v4.12.6, €1,234.56, 10/10",
    ],
)
def test_numbers_that_are_no_ids_stay(raw):
    assert redact_ids(raw, "<ID>") == (raw, False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("date of birth 12/05/1985", "date of birth <DOB>"),
        ("DOB: 1985-05-12", "DOB: <DOB>"),
        ("born on 3 March 1985", "born on <DOB>"),
        ("born on March 3rd, 1985!", "born on <DOB>!"),
        ("Geburtsdatum 12.05.1985", "Geburtsdatum <DOB>"),
        ("geboren am 12. Mai 1985", "geboren am <DOB>"),
        ("née le 12 mai 1985", "née le <DOB>"),
        ("fecha de nacimiento 12 de mayo de 1985", "fecha de nacimiento <DOB>"),
        ("data di nascita 12/05/1985", "data di nascita <DOB>"),
        ("geboortedatum 12-05-1985", "geboortedatum <DOB>"),
        ("Dyddiad geni: 12/05/1985", "Dyddiad geni: <DOB>"),  # Welsh, probe 51
        # probe 51 (contact centre): an ordinal "of" a month, and Spanish/Portuguese verbs
        ("I was born on the 9th of March 1980.", "I was born on <DOB>."),
        ("born on 9th of March, 1980", "born on <DOB>"),
        ("nací el 9 de marzo de 1980", "nací el <DOB>"),
        ("naci el 09/03/1980", "naci el <DOB>"),
        ("nasci a 09/03/1980", "nasci a <DOB>"),
        ("nasci em 9 de março de 1980", "nasci em <DOB>"),
        ("sono nata il 9 marzo 1980", "sono nata il <DOB>"),
    ],
)
def test_a_date_after_a_birth_date_label(raw, expected):
    assert redact_birth_dates(raw, "<DOB>") == (expected, True)


@pytest.mark.parametrize(
    "raw",
    [
        "delivered on 12/05/2025",
        "since 3 March 2024",
        "date of birth missing from form",
        "the 4th of July 2025 sale",
    ],
)
def test_dates_without_a_birth_date_label_stay(raw):
    assert redact_birth_dates(raw, "<DOB>") == (raw, False)


def test_card_security_code_and_expiry_after_their_label():
    assert redact_card_details("CVC: 4321 and expiry 8/2027", "<CARD>") == (
        "CVC: <CARD> and expiry <CARD>",
        True,
    )


@pytest.mark.parametrize(
    "raw", ["the CVV field is broken", "expires in 12 days", "subscription ends 08/27", "v1.2.3"]
)
def test_card_details_need_their_label_and_value(raw):
    assert redact_card_details(raw, "<CARD>") == (raw, False)


@pytest.mark.parametrize(
    "text",
    ["the milk exp 08/25 was sour", "valid until 12/25 voucher", "Expiry 12/24 on the yoghurt",
     "My order number is 86095742719", "order (86095742719) late"],
)  # fmt: skip
def test_product_dates_and_order_numbers_in_prose_stay(text):
    """Stop 49's review: an expiry with no card near it, an order number after "is" or "("."""
    assert redact_pii(text) == (text, [])


def test_an_expiry_near_a_card_word_and_a_customer_number_after_lautet_go():
    assert redact_pii("my visa, exp 08/27")[0] == "my visa, exp <CARD>"
    assert redact_pii("Meine Kundennummer lautet 12345678")[0] == "Meine Kundennummer lautet <ID>"
