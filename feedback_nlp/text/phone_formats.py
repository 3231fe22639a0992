"""Phone formats that :mod:`feedback_nlp.text.pii`'s grouped pattern misses.

- a North American number with its area code in brackets: "(415) 555-0132",
  "(415)555-0132", "1 (415) 555-0132" (no order number is written so);
- ``+CC`` and a national number written without spaces ("+351 918742404", "+48 501234567",
  "+44 7700900123"): the whole number, country code included, is one phone;
- phone words of Portuguese and Polish, and "my number" in several languages, before a
  national number without a leading 0 ("ligue para 918742404", "o meu número é 918742404"),
  unless an order, member, points or client word comes between ("meu número de pedido é …",
  "my number of points is …").
"""

from __future__ import annotations

import re

_AREA_CODE_PHONE = re.compile(r"(?<![\w+])(?:1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w])")
#: "+" and a country code (in brackets or not), then the national number in one block (6-12
#: digits), optionally after "(0)": "+44 (0)7700900123", "(+351) 918742404". Not inside a
#: word, a version or a longer number.
_INTERNATIONAL_BLOCK = re.compile(
    r"(?<![\w+/.,-])(?<!\d:)(?:\+\s?[1-9]\d{0,2}|\(\+\s?[1-9]\d{0,2}\))(?:\s?\(0\))?[ .-]?\d{6,12}"
    r"(?!\w|[.,/:-]\d)"
)
_MIN_DIGITS, _MAX_DIGITS = 8, 15

#: A phone word that `pii._PHONE_CONTEXT` lacks, up to three words before the number.
_MORE_PHONE_WORDS = re.compile(
    r"(?:\b(?:telemóvel|telemovel|tlm|ligue|ligar|liga-me|contacte-me|zadzwoń|zadzwon|"
    r"dzwoń|dzwon|komórk\w*|komork\w*)"
    r"|\b(?:my|meu|minha|mi|mój|moj|mein|meine|mon|mio)\s+(?:número|numéro|numero|numer|number|nummer))"
    r"\W{0,4}(?:\w+\W{1,3}){0,3}$",
    re.IGNORECASE,
)
#: A word between "my number" and the digits that makes them no phone: "meu número de pedido é".
_NOT_PHONE_WORDS = re.compile(
    r"\b(?:pedido|encomenda|order|points|punkte|puntos|pontos|punti|socio|sócio|member|"
    r"membership|miembro|client|cliente|customer|account|conta|cuenta|conto|série|serie|serial|"
    r"ticket|tracking|reserva|booking|fatura|factura|invoice|contrato|contract|cartão|tarjeta|"
    r"card|zamówienia|konta|karty|kunden\w*|mitglieds\w*)\b",
    re.IGNORECASE,
)


def _digit_count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def redact_whole_formats(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with every "(415) 555-0132" or "+CC 918742404" number replaced; whether one was."""
    text, area_coded = _AREA_CODE_PHONE.subn(placeholder, text)
    found = area_coded > 0

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        if not _MIN_DIGITS <= _digit_count(match[0]) <= _MAX_DIGITS:
            return match[0]
        found = True
        return placeholder

    return _INTERNATIONAL_BLOCK.sub(replace, text), found


def after_phone_word(before: str) -> bool:
    """Whether `before` (the text right before a number) ends with a phone word this module
    adds to `pii._PHONE_CONTEXT`."""
    match = _MORE_PHONE_WORDS.search(before)
    return match is not None and _NOT_PHONE_WORDS.search(match[0]) is None
