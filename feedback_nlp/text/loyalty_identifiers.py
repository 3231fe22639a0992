"""Loyalty and club card numbers for :func:`feedback_nlp.text.identifiers.redact_ids`
(``<ID>``; the label stays).

A number of eight digits or more right after a card of a shop's scheme (``My loyalty card
6339 1942 7781 0456``, ``loyalty card (card no 6339 …)``, ``Club card no. 98263000123456``,
``Kundenkarte``, ``carte de fidélité``). Such numbers fail the Luhn check that payment cards
pass, so the card rule of `feedback_nlp.text.pii` leaves them; one that passes it is left to
that rule and becomes ``<CARD>`` as before. A receipt or order number stays.
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


def _not_a_payment_card(value: str) -> bool:
    """Not 13-19 digits that pass Luhn (those stay for the card rule)."""
    digits = re.sub(r"\D", "", value)
    return not (13 <= len(digits) <= 19 and luhn_valid(digits))


LOYALTY_LABELLED: Labelled = ((_LOYALTY_CARD, _not_a_payment_card, None),)
