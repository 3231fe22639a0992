"""Stop 53: a unit that only quotes an account, booking or meter number says nothing."""

from __future__ import annotations

import pytest

from feedback_nlp.topics.codebook import builtin_content_free
from feedback_nlp.topics.reference_lines import _DECIMAL, without_reference_values
from feedback_nlp.topics.units import split_units


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Número de cliente <ID>.", "es"),
        ("Postcode # if that helps.", "en"),
        ("Postcode LS6 2AB if that helps.", "en"),
        ("Zählernummer #.", "de"),
        ("Kundennummer <ID>.", "de"),
        ("CUPS #.", "es"),
        ("MPAN 1234567890123.", "en"),
        ("Account #.", "en"),
        ("Account no. 4417", "en"),
        ("Codice prenotazione KXPLMW.", "it"),
        ("(ticket #40211)", "en"),
        ("Our account: Initech Europe BV.", "en"),
        ("IBAN <IBAN>.", "pt"),
        ("o meu nome é <NAME>", "pt"),
        ("nazywam się <NAME> ok", "pl"),
        ("sort code 11-22-33 account <ID>, reference FLAT-RENT", "en"),
    ],
)
def test_a_unit_of_only_a_label_and_its_value_says_nothing(text, lang):
    units = split_units([text], [lang], builtin_content_free())
    assert not units.says_something.any()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("My account was closed without notice", "en"),
        ("The booking reference didn't work", "en"),
        ("My account <ID> was closed", "en"),
        ("Where is my order #5521?", "en"),
        ("Meter serial Z11AB20089 still not replaced.", "en"),
        ("Ticket #8812 is still open after a month", "en"),
        ("Account LOCKED", "en"),
        ("Booking CANCELLED", "en"),
        ("Account: Locked", "en"),
        ("Account Manager Jo was great", "en"),
        ("nor is 6 in my case", "en"),
        ("CONVENIENCE REIGNS in SomeCode.", "en"),
        ("Keine Antwort auf Kundennummer <ID>", "de"),
        ("Fiz uma transferência para <IBAN> e falhou", "pt"),
        ("A fatura diz 1.204,50 €", "pt"),
        ("Pour une commande de 1 412,30 €, ça fait mal.", "fr"),
    ],
)
def test_a_reference_beside_an_issue_still_says_something(text, lang):
    units = split_units([text], [lang], builtin_content_free())
    assert units.says_something.all()


def test_only_values_after_a_label_are_blanked():
    assert without_reference_values("I waited 3 hours") is None
    assert without_reference_values("Booking reference didn't work") is None
    assert "QZ" not in (without_reference_values("Booking ref QZXKLM, thanks") or "QZ")


def test_the_other_units_of_a_comment_keep_their_theme():
    text = "Account #. The app logs me out every day."
    units = split_units([text], ["en"], builtin_content_free())
    assert units.says_something.tolist() == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "Account: Locked Out Again",
        "Company: Worst Service Ever",
        "Customer Name: Rude Staff Everywhere",
    ],
)
def test_common_title_case_words_after_a_name_label_still_say_something(text):
    units = split_units([text], ["en"], builtin_content_free())
    assert units.says_something.all()


@pytest.mark.parametrize("text", ["Our account: Soylent AG.", "Company: Acme Ltd"])
def test_a_company_name_after_a_name_label_says_nothing(text):
    units = split_units([text], ["en"], builtin_content_free())
    assert not units.says_something.any()


def test_only_the_name_words_after_the_label_are_blanked():
    assert without_reference_values("Account: Vodafone Ruined Everything") == (
        "Account: Ruined Everything"
    )


def test_a_decimal_never_starts_inside_a_digit_run():
    text = "account 1234567,89"
    starts = [i for i in range(len(text)) if _DECIMAL.match(text, i)]
    assert starts == [text.index("1")]  # a long run is scanned from its start only: linear


def test_a_long_run_of_digits_after_a_label_is_blanked():
    assert without_reference_values("account " + "7" * 20_000) == "account  "
