"""Loyalty and club card numbers for :func:`feedback_nlp.text.identifiers.redact_ids`
(``<ID>``; the label stays).

A number of eight digits or more right after a card of a shop's scheme (``My loyalty card
6339 1942 7781 0456``, ``loyalty card (card no 6339 …)``, ``Club card no. 98263000123456``,
``Kundenkarte``, ``carte de fidélité``). Such numbers fail the Luhn check that payment cards
pass, so the card rule of `feedback_nlp.text.pii` leaves them; one that passes it is left to
that rule and becomes ``<CARD>`` as before. A receipt or order number stays, and so do a date
or year range (``membership card 2023-2024``, ``store card 20230415``) and a phone number
(a leading 0 and 10-11 digits: the phone rule's ``<PHONE>``).
"""

from __future__ import annotations

import re

from feedback_nlp.text.uk_identifiers import Labelled

_CARD_LABEL = (
    r"(?:loyalty|rewards?|club|bonus|points|nectar|payback|member(?:ship)?|store|customer)"
    r"[ -]?card|clubcard|kundenkarte|payback-?karte|bonuskarte|treuekarte|"
    r"carte (?:de )?fid[ée]lit[ée]|tarjeta (?:de )?(?:fidelidad|fidelizaci[óo]n|puntos|socio)|"
    r"carta (?:fedelt[àa]|fidelity)|klantenkaart|bonuskaart|spaarkaart|karta lojalno[śs]ciowa"
)
#: After the card word: "(card no", "number", "nr.", "#", "is" …
_NUMBER_WORD = r"(?:[\s(:-]*(?:card\s+)?(?:number|no\.?|nr\.?|num(?:ber|mer|[ée]ro)?|#|id)(?!\w))?"
_LOYALTY_CARD = re.compile(
    rf"(?i)\b(?:{_CARD_LABEL})(?!\w){_NUMBER_WORD}[\s.:#°(-]*(?:(?:is|was|ist|est|es|è)\s+)?"
    r"(?P<value>\d(?:[ -]?\d){7,18})(?![0-9A-Za-z]|[.,]\d)"
)


def luhn_valid(digits: str) -> bool:
    """The Luhn check of payment card numbers (`digits`: digits only)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


#: Dates and year ranges after a label ("2023-2024", "12 03 2024", "20230415", "12-31-2024").
_DATE_SHAPE = re.compile(
    r"(?:19|20)\d\d[ -]?(?:19|20)\d\d|(?:19|20)\d\d[ -]?(?:0[1-9]|1[0-2])[ -]?(?:[0-2]\d|3[01])|"
    r"(?:[0-2]\d|3[01])[ -]?(?:0[1-9]|1[0-2])[ -]?(?:19|20)\d\d|"
    r"(?:0[1-9]|1[0-2])[ -]?(?:[0-2]\d|3[01])[ -]?(?:19|20)\d\d"
)
#: A UK phone number's shape: a leading 0 and 10 or 11 digits, left to the phone rule.
_PHONE_DIGITS = re.compile(r"0\d{9,10}")


def is_date_shape(value: str) -> bool:
    """Whether a labelled number is a date or a year range ("2019-2024", "01-01-2024"): the
    loyalty, bank and frequent-flyer rules leave it."""
    return _DATE_SHAPE.fullmatch(value) is not None


def _is_card_number(value: str) -> bool:
    """A loyalty number: not 13-19 digits that pass Luhn (those stay for the card rule), no
    date or year range, no phone number (left to the phone rule: "0800 123 4567")."""
    digits = re.sub(r"\D", "", value)
    if 13 <= len(digits) <= 19 and luhn_valid(digits):
        return False
    return not (is_date_shape(value) or _PHONE_DIGITS.fullmatch(digits))


LOYALTY_LABELLED: Labelled = ((_LOYALTY_CARD, _is_card_number, None),)
