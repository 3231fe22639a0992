"""PII redaction with typed placeholders (`<EMAIL>`, `<PHONE>`, `<CARD>`, `<IBAN>`, `<URL>`, …).

Each detector finds candidates with a regular expression and then checks them, so that the
numbers customers write all the time (order numbers, dates, prices, versions, times, "10/10",
postcodes) are left alone:

- e-mail: ``local@domain.tld``;
- URL (`feedback_nlp.text.links`): only links that carry credentials or personal data
  (``user:pass@host``, ``token=``, ``email=``, a person's social profile);
  ``https://shop.example.com/help`` stays;
- IBAN: two letters, two check digits, 11-30 letters/digits (spaces allowed), mod-97 checked;
- card: 13-19 digits (spaces or dashes between groups), first digit 2-6, Luhn-checked;
- phone: international (``+44 …``, ``0044 …``, 8-15 digits) or national formats (a leading 0
  with 9-11 digits, Russian ``8 9xx …``, grouped Spanish/Italian mobiles), not inside a date
  and not after an order/tracking word;
- secret (`feedback_nlp.text.secrets`): API keys, access tokens and passwords pasted from a
  configuration or a log (``api_key=…``, ``Bearer …``, ``AKIA…``);
- handle and name (`feedback_nlp.text.people`): an ``@handle`` becomes ``@user`` (except
  `keep_handles`, a brand's own account), a name after a title, a self-introduction or a
  sign-off (``Mr Smith``, ``je m'appelle Claire``, ``Regards, John``) ``<NAME>``.

Detectors run in the order url, secret, email, iban, card, phone, handle, name, so a number
inside a redacted link is not counted twice and an e-mail is not read as a handle. Ids that
are personal data get pseudonyms (`feedback_nlp.text.pseudonyms`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.links import EMAIL, redact_urls
from feedback_nlp.text.people import may_name_someone, redact_handles, redact_names
from feedback_nlp.text.secrets import may_hold_secret, redact_secrets

PII_TYPES: tuple[str, ...] = tuple(PII_PLACEHOLDERS)
_ORDER = ("url", "secret", "email", "iban", "card", "phone", "handle", "name")


_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
#: An IBAN typed in lower case, written compact (no spaces): lower-case words with spaces
#: between them ("sw19 so again …") would pass mod-97 by chance too often.
_IBAN_LOWER = re.compile(r"\b[a-z]{2}\d{2}[a-z0-9]{11,30}\b")
_CARD = re.compile(r"(?<![\d+.,/-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d]|[.,/-]\d)")
_PHONE = re.compile(
    r"(?:(?<![\w+/.,:-])|(?<=[A-Za-z]:)(?=\+))"  # after "tel:" only an international number
    r"(?:\+\s?)?\(?\d{1,17}\)?(?:(?:\s?\(0\)\s?|[ .\-])\(?\d{1,8}\)?){0,7}"
    r"(?![\w/]|[.,:]\d)"
)
_DATE_INSIDE = re.compile(  # not a run of more groups: 06.12.34.56.78 is a French phone
    r"(?<!\d[./])(?:\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b"
    r"|\b(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\b)(?![./]\d)"  # a range "-" still dates
)
_ORDER_CONTEXT = re.compile(
    r"(?:\b(?:order|ord|ref|reference|invoice|tracking|parcel|awb|ticket|case|id|nr|no|n°|nº|"
    r"commande|colis|dossier|bestellnr|bestellnummer|auftragsnr|kundennr|kundennummer|"
    r"facture|bestellung|sendung|rechnung|auftrag|pedido|factura|comanda|colet|"
    r"заказ|номер заказа|счет|счёт|посылк[аи]|ordine|fattura|encomenda|fatura|bestelling)|#)"
    r"[\s.:#°-]*(?:number|nummer|numero|número|nr\.?|no\.?|n°|#)?[\s.:#-]*$",
    re.IGNORECASE,
)
_PHONE_CONTEXT = re.compile(
    r"(?:phone|tel|call|ring|text me|whatsapp|mobile|cell|telefon|téléphone|appel|portable|"
    r"handy|ruf|llam|móvil|movil|teléfono|telefone|celular|cellulare|chiamat|numar|număr|"
    r"тел|звон|номер|моб)\w*\W{0,4}(?:\w+\W{1,3}){0,3}$",
    re.IGNORECASE,
)

#: A number label right after a phone word ("Tel. Nr.", "phone no.", "Handy-Nr."): the label
#: is a phone's, not an order's. "Phone case order no.", "Bestellnr." stay order numbers.
_PHONE_LABEL = re.compile(
    r"\b(?:phone|tel|telefon|téléphone|telefono|teléfono|telefone|handy|mobile|mobil|cell|"
    r"móvil|movil|celular|cellulare|тел|моб)\w{0,6}\W{0,3}(?:no|nr|n°|nº|number|nummer|numero|"
    r"número|номер)\.?\W*$",
    re.IGNORECASE,
)


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _iban_valid(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _redact_ibans(text: str, placeholder: str) -> tuple[str, bool]:
    """Replace every valid IBAN; the search resumes right after each one found, so a match
    that ran into the next IBAN ("DE89 … 00 DE89 …") does not hide it."""
    parts: list[str] = []
    position = 0
    found = False
    while (match := _IBAN.search(text, position)) is not None:
        candidate = match.group(0)
        # The pattern may run into a following upper-case word: try shorter prefixes too.
        groups = candidate.split(" ")
        prefix = next(
            (
                " ".join(groups[:end])
                for end in range(len(groups), 0, -1)
                if _iban_valid(" ".join(groups[:end]).replace(" ", ""))
            ),
            None,
        )
        if prefix is None:
            parts.append(text[position : match.start() + len(groups[0])])
            position = match.start() + len(groups[0])
            continue
        found = True
        parts += [text[position : match.start()], placeholder]
        position = match.start() + len(prefix)
    parts.append(text[position:])
    text = "".join(parts)
    lower = [m for m in _IBAN_LOWER.finditer(text) if _iban_valid(m.group(0))]
    for match in reversed(lower):
        text = text[: match.start()] + placeholder + text[match.end() :]
    return text, found or bool(lower)


def _redact_cards(text: str, placeholder: str) -> tuple[str, bool]:
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        candidate = match.group(0)
        # A card followed by another number ("4111 1111 1111 1111 2"): try shorter prefixes
        # that end at a separator, too.
        ends = [len(candidate), *[m.start() for m in re.finditer(r"[ -]", candidate)][::-1]]
        for end in ends:
            digits = re.sub(r"\D", "", candidate[:end])
            if 13 <= len(digits) <= 19 and _luhn_valid(digits):
                found = True
                return placeholder + candidate[end:]
        return candidate

    return _CARD.sub(replace, text), found


#: A North American number with its area code in brackets: "(415) 555-0132",
#: "(415)555-0132", "1 (415) 555-0132". No order number is written so.
_AREA_CODE_PHONE = re.compile(r"(?<![\w+])(?:1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w])")


def _looks_like_phone(candidate: str, before: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 8 or _DATE_INSIDE.search(candidate):
        return False
    if candidate.startswith("+"):  # no order or ticket number starts with "+"
        return 8 <= len(digits) <= 15
    if _ORDER_CONTEXT.search(before) and not _PHONE_LABEL.search(before):
        return False  # "order no. 0123…", but "phone no. 07700 …" is a phone
    grouped = bool(re.search(r"\d[ .\-()]+\d", candidate))
    if digits.startswith("00"):
        return 10 <= len(digits) <= 17
    if digits.startswith("0"):
        return 9 <= len(digits) <= 12
    if digits.startswith("8") and len(digits) == 11 and grouped:
        return True
    if len(digits) in (9, 10) and digits[0] in "3679" and candidate.count(" ") >= 2:
        return True
    return 9 <= len(digits) <= 12 and bool(_PHONE_CONTEXT.search(before))


def _redact_phones(text: str, placeholder: str) -> tuple[str, bool]:
    text, area_coded = _AREA_CODE_PHONE.subn(placeholder, text)
    found = area_coded > 0

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        candidate = match.group(0).rstrip(" .-(")
        if not _looks_like_phone(candidate, text[max(0, match.start() - 30) : match.start()]):
            return match.group(0)
        found = True
        return placeholder + match.group(0)[len(candidate) :]

    return _PHONE.sub(replace, text), found


def _redact_emails(text: str, placeholder: str) -> tuple[str, bool]:
    redacted, count = EMAIL.subn(placeholder, text)
    return redacted, count > 0


_DETECTORS: dict[str, Callable[[str, str], tuple[str, bool]]] = {
    "url": redact_urls,
    "secret": redact_secrets,
    "email": _redact_emails,
    "iban": _redact_ibans,
    "card": _redact_cards,
    "phone": _redact_phones,
    "handle": redact_handles,
    "name": redact_names,
}
# Cheap tests that rule a detector out before its regular expression runs.
_MAY_CONTAIN: dict[str, Callable[[str], bool]] = {
    "url": lambda t: _MAY_BE_URL.search(t) is not None,
    "secret": may_hold_secret,
    "email": lambda t: "@" in t,
    "iban": lambda t: _has_digit_run(t, 2),
    "card": lambda t: _has_digit_run(t, 4),
    "phone": lambda t: _has_digit_run(t, 2),
    "handle": lambda t: "@" in t,
    "name": may_name_someone,
}
_MAY_BE_URL = re.compile(r"(?i)http|www\.")  # "Https://" and "Www." as phones capitalise them
_DIGIT_RUNS = {n: re.compile(rf"\d{{{n}}}") for n in (2, 4)}


#: Full-width forms of the ASCII characters (U+FF01-FF5E), which East Asian keyboards type:
#: an address or number written with them is redacted as the ASCII one (the text around it
#: is then shown in ASCII too; a text with no PII is returned as written).
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _has_digit_run(text: str, length: int) -> bool:
    return _DIGIT_RUNS[length].search(text) is not None


def check_pii_types(types: Iterable[str] | None) -> tuple[str, ...]:
    """The PII types to redact, in detection order; None means all. Unknown names raise."""
    if types is None:
        return _ORDER
    if isinstance(types, str):
        types = [types]
    wanted = list(types)
    unknown = [t for t in wanted if t not in PII_PLACEHOLDERS]
    if unknown:
        raise ConfigError(f"unknown PII type(s) {unknown}; choose from {list(PII_TYPES)}")
    return tuple(t for t in _ORDER if t in wanted)


def redact_pii(
    text: str, types: Iterable[str] | None = None, keep_handles: frozenset[str] = frozenset()
) -> tuple[str, list[str]]:
    """Replace PII in `text` by typed placeholders; return the text and the types found.

    The types come in the order of `schema.PII_PLACEHOLDERS`; `types` limits the detectors;
    `keep_handles` (from :func:`feedback_nlp.text.people.handle_names`) are handles left
    as written.
    """
    found: set[str] = set()
    original = text
    if _FULL_WIDTH.search(text):  # "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "＋44 …": read as ASCII
        text = text.translate(_HALF_WIDTH)
    for pii_type in check_pii_types(types):
        if not _MAY_CONTAIN[pii_type](text):
            continue
        if pii_type == "handle" and keep_handles:
            text, hit = redact_handles(text, PII_PLACEHOLDERS[pii_type], keep_handles)
        else:
            text, hit = _DETECTORS[pii_type](text, PII_PLACEHOLDERS[pii_type])
        if hit:
            found.add(pii_type)
    if not found:
        return original, []  # full-width text without PII stays as written
    return text, [t for t in PII_TYPES if t in found]
