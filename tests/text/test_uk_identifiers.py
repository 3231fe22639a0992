"""UK public-service numbers, addresses and plates (`feedback_nlp.text.uk_identifiers`),
through `redact_ids` and `redact_pii`."""

import pytest

from feedback_nlp.text.identifiers import redact_ids
from feedback_nlp.text.pii import redact_pii


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NINO ab 12 34 56 c on file", "NINO <ID> on file"),
        ("my NINO is ab123456c!", "my NINO is <ID>!"),
        ("NI number: ce 11 22 33 d", "NI number: <ID>"),
        ("national insurance number ab123456c", "national insurance number <ID>"),
        ("Passport number 712004381 was copied", "Passport number <ID> was copied"),
        ("passport no. 712004381", "passport no. <ID>"),
        ("Blue badge number 987123456 refused", "Blue badge number <ID> refused"),
        ("NHS number 485 777 3456 on the letter", "NHS number <ID> on the letter"),
        ("Council tax ref: 5501 7788", "Council tax ref: <ID>"),
        ("council tax reference 55017788991", "council tax reference <ID>"),
        ("council tax account 55017788", "council tax account <ID>"),
        ("housing benefit reference HB778812", "housing benefit reference <ID>"),
        ("Sort code 11-22-33, account 87654321 please", "Sort code 11-22-33, account <ID> please"),
        ("account 87654321 and sort code 11-22-33", "account <ID> and sort code 11-22-33"),
        ("I live at 7 Ffordd y Llan, Abertawe SA1 9ZZ now", "I live at <ID> now"),
        ("parked outside 42b Station Road CF10 1AA today", "parked outside <ID> today"),
        ("Car reg AB51 XYZ got a ticket", "Car reg <ID> got a ticket"),
        ("they clamped my van BD70 KLM", "they clamped my van <ID>"),
        ("permit for FG21 HJK expired", "permit for <ID> expired"),
    ],
)
def test_uk_public_service_ids_addresses_and_plates_are_redacted(raw, expected):
    """Probe 51: each was exported as written."""
    assert redact_ids(raw, "<ID>") == (expected, True)
    assert redact_pii(raw) == (expected, ["id"])


@pytest.mark.parametrize(
    "raw",
    [
        "NINO is missing from the form",
        "ni ab 12 34 56 c",  # lower case without a label: not read
        "council tax 2024 rose by 5%",
        "council tax went up 2024-2025",
        "NHS 111 never answered",
        "my passport 2023 renewal took weeks",
        "75001 Paris, 10115 Berlin, SW1A 1AA London",  # a postcode alone is a place
        "bought 3 items in CF10 1AA",  # no street after the number
        "ordered 2 Samsung M2 2TB drives and a PS5 1TB",
        "my car GT86 was scratched",  # no plate format
        "car park on Station Road was full",
        "the van came 20 min late",
        # a reviewer (stop 51): the digits of later words made a word an id
        "My passport renewal took 12 weeks and cost 88 pounds in 2024.",
        "Passport office took 10 weeks in 2023",
    ],
)
def test_words_and_numbers_that_are_no_uk_ids_stay(raw):
    assert redact_pii(raw) == (raw, [])
