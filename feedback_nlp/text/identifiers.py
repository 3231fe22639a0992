"""National ids, birth dates, customer numbers, card details for :mod:`feedback_nlp.text.pii`.

- id: a national id with its check or strict format (German Steuer-ID, French NIR, UK National
  Insurance number, Chinese resident id, Spanish DNI/NIE; a Dutch BSN only after its label),
  or a customer, account or contract number after its label (``account number 4839201745``,
  ``Kundennummer``, ``numéro client``); an order or tracking number is no personal data and
  stays; UK public-service numbers, addresses and plates (`feedback_nlp.text.uk_identifiers`),
  insurance policy and claim numbers and plates (`feedback_nlp.text.insurance_identifiers`),
  hospital, NHS, CHI and PESEL numbers (`feedback_nlp.text.health_identifiers`), loyalty
  card numbers (`feedback_nlp.text.loyalty_identifiers`), booking, baggage, frequent-flyer
  and ticket references (`feedback_nlp.text.travel_identifiers`), meter and supply numbers
  (`feedback_nlp.text.utility_identifiers`) and bank account numbers
  (`feedback_nlp.text.bank_identifiers`), each after its label;
- dob: a date right after a date-of-birth label (``DOB``, ``Geburtsdatum``, ``né le``,
  ``nací el``, ``nasci a``, Welsh ``dyddiad geni`` …), also ``born on the 4th of July 1985``;
- card details: a CVV/CVC and an expiry date right after their label.

A label stays in the text, only the value is replaced (``account number <ID>``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from feedback_nlp.text.bank_identifiers import BANK_LABELLED
from feedback_nlp.text.health_identifiers import HEALTH_LABELLED
from feedback_nlp.text.insurance_identifiers import INSURANCE_LABELLED
from feedback_nlp.text.loyalty_identifiers import LOYALTY_LABELLED
from feedback_nlp.text.travel_identifiers import TRAVEL_LABELLED
from feedback_nlp.text.uk_identifiers import NINO, UK_LABELLED
from feedback_nlp.text.utility_identifiers import UTILITY_LABELLED

#: The end of a text before an order, tracking or ticket number or a meter reading (no personal
#: data; "meter reading 0123456789" is no phone).
ORDER_CONTEXT = re.compile(
    r"(?:\b(?:order|ord|ref|reference|invoice|tracking|parcel|awb|ticket|case|id|nr|no|n°|nº|"
    r"commande|colis|dossier|bestellnr|bestellnummer|auftragsnr|kundennr|kundennummer|"
    r"facture|bestellung|sendung|rechnung|auftrag|pedido|factura|comanda|colet|"
    r"заказ|номер заказа|счет|счёт|посылк[аи]|ordine|fattura|encomenda|fatura|bestelling|"
    r"return|rma|retoure|retour|rücksende|rücksendung|bestel|zamówieni[ae]|zamówień|"
    r"przesyłki|paczki|zwrotu|shipment|consignment|spedizione|reso|envío|envio|devolución|"
    r"devolucion|zending|pakket|paket|meter[ -]?readings?|(?-i:readings?)|z[äa]hlerstand|"
    r"lectura|relev[ée]|lettura|meterstand|odczyt|leitura)|#|订单|單號|单号|注文|주문|ऑर्डर)"
    r"[\s.:#°-]*(?:s?-?(?:number|nummer|nr\.?)|numero|número|no\.?|n°|n\.|#|号|番号|번호|नंबर)?[\s.:#-]*"
    r"(?:(?:is|was|ist|war|lautet|est|es|é|è|=)\s*)?[\s(=]*$",  # "order number is (…"
    re.IGNORECASE,
)
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
_STEUER_ID = re.compile(r"(?<![0-9A-Za-z+])(?<!\d[.,/-])[1-9]\d{10}(?![0-9A-Za-z]|[.,/-]\d)")
_NIR = re.compile(
    rf"{_EDGE_BEFORE}[1-478] ?\d{{2}} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{{2}}|2[AB]) ?"
    rf"\d{{3}} ?\d{{3}} ?\d{{2}}{_EDGE_AFTER}"
)
_CHINESE_ID = re.compile(
    rf"{_EDGE_BEFORE}[1-8]\d{{5}}(?:18|19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    rf"\d{{3}}[\dXx]{_EDGE_AFTER}"
)
_DNI = re.compile(rf"{_EDGE_BEFORE}(?P<number>[XYZ]?\d{{7,8}})-?(?P<letter>[A-Z]){_EDGE_AFTER}")
_BSN = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofi-?nummer)\W{0,3}(?:is\s+)?"
    r"(?P<value>\d{4}[ .]?\d{2}[ .]?\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![0-9A-Za-z]|[.,]\d)"
)
#: Labels of a customer, account or contract number ("account number", "Kundennummer",
#: "customer reference").
ACCOUNT_LABEL = (
    r"(?:customer|client|account|acct|member(?:ship)?|contract|policy|loyalty)"
    r"[ -]?(?:(?:reference|ref\.?)(?: (?:number|no\.?))?|number|no\.?|nr\.?|id|#)|acct\.?|"
    r"kunden-?(?:nummer|nr\.?)|vertragsnummer|"
    r"versichertennummer|mitgliedsnummer|num[ée]ro (?:de )?(?:client|compte|contrat)|"
    r"n° (?:de )?client|n[úu]mero de (?:cliente|cuenta|contrato)|numero (?:di )?cliente|"
    r"codice cliente|klantnummer|contractnummer|numer klienta|номер (?:клиента|договора|счета)"
)
#: A value of letters and digits, four digits at least; up to 41 characters, so a grouped
#: 26-digit Polish account number fits (stop 53: "{3,24}" cut it, and it stayed whole).
_ACCOUNT = re.compile(
    rf"(?i)\b(?:{ACCOUNT_LABEL})"
    r"[\s.:#°-]*(?:(?:is|ist|lautet|est|es|è)\s+)?"
    r"(?P<value>(?=(?:[A-Za-z-]*\d){4})[A-Za-z0-9](?:[A-Za-z0-9]|[ -](?=\d)){3,40})"
    r"(?![0-9A-Za-z]|[.,]\d)"
)
_DATE = (
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+of\s+[^\W\d_]{3,10},?\s+\d{4}"  # "the 4th of July 1985"
)
_DOB = re.compile(
    r"(?i)\b(?:date of birth|d\.?o\.?b\.?|born on|birth ?date|geburtsdatum|geboren am|"
    r"né(?:e|\(e\))? le|date de naissance|fecha de nacimiento|nacid[oa] el|nac[ií] el|"
    r"nasci(?:d[oa])? (?:a|em|no dia|dia)|"
    r"data di nascita|nat[oa] il|geboortedatum|geboren op|data de nascimento|"
    r"data urodzenia|дата рождения|dyddiad geni|ganwyd ar)"
    rf"[\s.:-]*(?:(?:is|ist|est|es|è)\s+)?(?P<value>{_DATE})(?![0-9A-Za-z])"
)
_CVV = re.compile(
    r"(?i)\b(?:cvv2?|cvc2?|csc|security code|card code|kartenprüfnummer|prüfnummer|"
    r"cryptogramme|código de seguridad|codice di sicurezza)"
    r"[\s.:#-]*(?:(?:is|ist|est|es|è)\s+)?(?P<value>\d{3,4})(?![0-9A-Za-z]|[.,/]\d)"
)
_EXPIRY = re.compile(
    r"(?i)\b(?:exp(?:iry|iration)?(?: date)?|card expires|valid (?:thru|through|until)|"
    r"gültig bis|ablaufdatum|date d'expiration|fecha de (?:caducidad|vencimiento)|scadenza)"
    r"[\s.:-]*(?:(?:is|ist|est|es|è|on)\s+)?(?P<value>(?:0?[1-9]|1[0-2]) ?[/-] ?(?:20)?\d{2})"
    r"(?![0-9A-Za-z]|[./-]\d)"
)


def _steuer_id_valid(digits: str) -> bool:
    """ISO 7064 MOD 11,10 check digit, and one digit of the first ten used twice or thrice."""
    counts = sorted((digits[:10].count(d) for d in set(digits[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    product = 10
    for char in digits[:10]:
        total = (int(char) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


def _nir_valid(compact: str) -> bool:
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(compact[13:])


def _chinese_id_valid(compact: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(compact[:17], weights, strict=True))
    return "10X98765432"[total % 11] == compact[17].upper()


def _dni_valid(match: re.Match[str]) -> bool:
    number = match["number"]
    if number[0] in "XYZ":
        number = str("XYZ".index(number[0])) + number[1:]
    return len(number) == 8 and "TRWAGMYFPDXBNJZSQVHLCKE"[int(number) % 23] == match["letter"]


def _bsn_valid(digits: str) -> bool:
    """The Dutch "elfproef": weights 9 … 2 and -1, the sum a multiple of 11."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return (
        len(digits) == 9 and sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0
    )


def _compact(value: str) -> str:
    return re.sub(r"[ .-]", "", value)


_CHECKED: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool]], ...] = (
    (_CHINESE_ID, lambda m: _chinese_id_valid(m[0])),
    (_NIR, lambda m: _nir_valid(_compact(m[0]))),
    (_STEUER_ID, lambda m: _steuer_id_valid(m[0])),
    (NINO, lambda m: True),
    (_DNI, _dni_valid),
)
_LABELLED: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (_BSN, lambda v: _bsn_valid(_compact(v))),
    (_ACCOUNT, lambda v: True),
)
_SECTOR_LABELLED = (
    UK_LABELLED
    + INSURANCE_LABELLED
    + HEALTH_LABELLED
    + LOYALTY_LABELLED
    + TRAVEL_LABELLED
    + UTILITY_LABELLED
    + BANK_LABELLED
)


def _replace_values(
    text: str,
    pattern: re.Pattern[str],
    valid: Callable[[str], bool],
    placeholder: str,
    context: Callable[[str, int], bool] | None = None,
) -> tuple[str, bool]:
    """Replace the `value` group of each match that is `valid` (and whose `context`, the text
    and the value's start, holds); the label stays."""
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        if not valid(match["value"]):
            return match[0]
        if context is not None and not context(text, match.start("value")):
            return match[0]
        found = True
        start, end = match.span("value")
        return match[0][: start - match.start()] + placeholder + match[0][end - match.start() :]

    return pattern.sub(replace, text), found


def _after_order_word(text: str, start: int) -> bool:
    """An order word (not a bare "ID", "Nr." or "#") right before `start`."""
    match = ORDER_CONTEXT.search(text[max(0, start - 30) : start])
    return match is not None and not re.match(r"(?i)(?:id|nr|no|n°|nº|#)\b", match[0].strip())


def redact_ids(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with national ids and labelled customer/account numbers replaced; a number
    after an order word ("order 86095742719") stays."""
    found = False
    for pattern, check in _CHECKED:
        hits = [
            m for m in pattern.finditer(text) if check(m) and not _after_order_word(text, m.start())
        ]
        for match in reversed(hits):
            text = text[: match.start()] + placeholder + text[match.end() :]
        found = found or bool(hits)
    for pattern, valid in _LABELLED:
        text, hit = _replace_values(text, pattern, valid, placeholder)
        found = found or hit
    for pattern, valid, context in _SECTOR_LABELLED:  # passport, claim, MRN, loyalty card …
        text, hit = _replace_values(text, pattern, valid, placeholder, context)
        found = found or hit
    return text, found


def _labelled_redacted(text: str, placeholder: str) -> str:
    """`text` with the values of every labelled rule (no national id) replaced."""
    for pattern, valid in _LABELLED:
        text = _replace_values(text, pattern, valid, placeholder)[0]
    for pattern, valid, context in _SECTOR_LABELLED:
        text = _replace_values(text, pattern, valid, placeholder, context)[0]
    return text


def is_labelled_identifier(label: str, value: str) -> bool:
    """Whether `value` written after `label` ("Account Number", "PNR", "Zählernummer") is an
    identifier the labelled rules replace, which `value` alone is not: one vocabulary for
    comments and for column headers (`feedback_nlp.report.identifier_columns`)."""
    marker = "\x00"
    if marker in value or _labelled_redacted(value, marker) != value:
        return False
    redacted = _labelled_redacted(f"{label} {value}", marker)
    return redacted == f"{label} {marker}"


def redact_birth_dates(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with a date right after a date-of-birth label replaced."""
    return _replace_values(text, _DOB, lambda value: True, placeholder)


def redact_card_details(text: str, placeholder: str) -> tuple[str, bool]:
    """`text` with a card's CVV/CVC and expiry date (after their label) replaced."""
    text, cvv = _replace_values(text, _CVV, lambda value: True, placeholder)
    text, expiry = _replace_values(text, _EXPIRY, lambda value: True, placeholder, _card_near)
    return text, cvv or expiry


#: A word of a payment card near an expiry date: "the milk exp 08/25" or a voucher "valid
#: until 12/25" is no card's.
_CARD_WORD = re.compile(
    r"(?i)card|karte|carte|tarjeta|carta|cartão|cartao|visa|master ?card|amex|maestro|"
    r"cvv|cvc|<CARD>"
)


def _card_near(text: str, start: int) -> bool:
    """A card word within the 40 characters before `start` (the label included)."""
    return _CARD_WORD.search(text, max(0, start - 40), start) is not None
