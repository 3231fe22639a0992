from __future__ import annotations

import pytest

from feedback_nlp.topics.code_words import code_words, known_acronyms

pytest.importorskip("spacy_lookups_data")  # the lexicons that tell acronyms from codes

AIRLINE = [
    "AMS delayed again, no information at the gate",
    "My suitcase never arrived in AMS, file reference pending",
    "Check-in at FCO took over an hour",
    "Route AMS-FCO cancelled without notice",
    "Enregistrement à CDG très long",
]
ACRONYMS = [
    "SMS code never arrives",
    "The ATM ate my card",
    "PIN reset does not work",
    "The NHS app keeps logging me out",
    "VAT missing on the invoice",
    "USB port broken",
]


def test_airport_codes_are_codes():
    assert {"ams", "fco", "cdg"} <= code_words(AIRLINE + ACRONYMS, ["en", "fr"])


def test_acronyms_that_are_words_or_known_stay_words():
    codes = code_words(AIRLINE + ACRONYMS, ["en"])
    assert not codes & {"sms", "atm", "pin", "nhs", "vat", "usb", "app", "card"}


def test_a_code_the_comments_also_write_in_lower_case_is_a_word():
    texts = ["export to CSV fails", "the csv export is empty", "CSV has no header"]
    assert "csv" in code_words(texts[::2], ["en"])  # only ever in capitals: a code
    assert "csv" not in code_words(texts, ["en"])


def test_shouted_comments_make_no_codes():
    texts = ["WORST AIRLINE EVER, NEVER AGAIN, TERRIBLE TZK", "flight was late"]
    assert "tzk" not in code_words(texts, ["en"])
    assert "tzk" in code_words(["worst airline ever, never again, terrible TZK"], ["en"])


def test_known_acronyms_are_read_in_the_comments_languages():
    assert "nhs" in known_acronyms("en") and "ams" not in known_acronyms("en")
    assert known_acronyms("xx") == frozenset()


def test_a_common_word_in_the_place_of_a_code_is_a_code():
    texts = ["suitcase never arrived in AMS", "suitcase never arrived in MAD", "I was MAD at them"]
    assert "mad" in code_words(texts[:2], ["en"])
    assert "mad" not in code_words(texts[1:], ["en"])  # no code: "mad" is a common word
