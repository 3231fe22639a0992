"""PII redaction with typed placeholders (`<EMAIL>`, `<PHONE>`, `<CARD>`, `<IBAN>`, `<URL>`, …).

Each detector finds candidates with a regular expression and then checks them, so that the
numbers customers write all the time (order numbers, dates, prices, versions, times, "10/10",
postcodes) are left alone:

- e-mail (`feedback_nlp.text.links`): ``local@domain.tld``, ``name[at]host.de``, ``jane dot
  doe at gmail dot com``; URL: only links that carry credentials or personal data;
- IBAN (mod-97; spaces, dashes or dots between groups) and card (13-19 digits, Luhn; with a
  labelled CVV and expiry, `feedback_nlp.text.identifiers`);
- id and dob (`feedback_nlp.text.identifiers`): national ids, labelled customer numbers and
  a date after a birth-date label;
- phone: international (``+44 …``, ``0044 …``) or national formats, not inside a date and not
  after an order/tracking word;
- secret (`feedback_nlp.text.secrets`), handle and name (`feedback_nlp.text.people`).

Detectors run in the order url, secret, email, iban, id, dob, card, phone, handle, name, so
a number inside a redacted link is not counted twice and an e-mail is not read as a handle.
Full-width characters and the digits of other scripts are read as ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text import phone_formats as phones
from feedback_nlp.text.identifiers import (
    ORDER_CONTEXT,
    redact_birth_dates,
    redact_card_details,
    redact_ids,
)
from feedback_nlp.text.links import WORD, redact_emails, redact_urls
from feedback_nlp.text.loyalty_identifiers import luhn_valid
from feedback_nlp.text.people import (
    may_mention_handle,
    may_name_someone,
    redact_handles,
    redact_names,
)
from feedback_nlp.text.secrets import may_hold_secret, redact_secrets
from feedback_nlp.text.travel_identifiers import may_hold_letter_reference

PII_TYPES: tuple[str, ...] = tuple(PII_PLACEHOLDERS)
_ORDER = ("url", "secret", "email", "iban", "id", "dob", "card", "phone", "handle", "name")


_IBAN = re.compile(r"\b[A-Z]{2}[ .-]?\d{2}(?:[ .-]?[A-Z0-9]){11,30}\b")  # "DE89-3704-…"
#: An IBAN typed in lower case, written compact (no spaces): lower-case words with spaces
#: between them ("sw19 so again …") would pass mod-97 by chance too often.
_IBAN_LOWER = re.compile(r"\b[a-z]{2}\d{2}[a-z0-9]{11,30}\b")
_CARD = re.compile(r"(?<![\d+.,/-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d]|[.,/-]\d)")
_DOTTED_CARD = re.compile(r"(?<![\d+.,/-])[2-6]\d{3}(?:\.\d{4}){3}(?![\d]|[.,/-]\d)")
# \w of CJK, Hangul and Thai is left out: "090-1234-5678まで" has no space after the number.
_PHONE = re.compile(
    rf"(?:(?<!{WORD})(?<![+/.,:-])|(?<=[^\W\d_]:))"  # after "tel:" or "電話：" too
    r"(?:\+\s?)?\(?\d{1,17}\)?(?:(?:\s?\(0\)\s?|[ .\-])\(?\d{1,8}\)?){0,7}"
    rf"(?!{WORD})(?![/]|[.,:]\d)"
)
#: A German area code and a slash: "Tel. 030/1234567" (10+ digits or after a phone word: a
#: Thai letter's reference "04002/1257" is no phone).
_SLASH_PHONE = re.compile(
    rf"(?<!{WORD})(?<![+/.,:-])0\d{{2,5}} ?/ ?\d{{3,9}}(?!{WORD})(?![/]|[.,:]\d)"
)
_DATE_INSIDE = re.compile(  # not a run of more groups: 06.12.34.56.78 is a French phone
    r"(?<!\d[./])(?:\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b"
    r"|\b(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\b)(?![./]\d)"  # a range "-" still dates
)
_PHONE_CONTEXT = re.compile(
    r"(?:phone|tel|call|ring|text me|whatsapp|mobile|cell|telefon|téléphone|appel|portable|"
    r"handy|ruf|llam|móvil|movil|teléfono|telefone|celular|cellulare|chiamat|numar|număr|"
    r"тел|звон|номер|моб|τηλ|κινητ|手机|手機|电话|電話|携帯|연락처|전화|휴대폰|핸드폰|"
    r"هاتف|جوال|موبايل|تلفن|موبایل|फ़ोन|फोन|मोबाइल|नंबर|नम्बर|โทร|เบอร์|มือถือ)"
    r"\w*\W{0,4}(?:\w+\W{1,3}){0,3}$",
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


def _iban_valid(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


_SEPARATORS = re.compile(r"[ .-]")


def _redact_ibans(text: str, placeholder: str) -> tuple[str, bool]:
    """Replace every valid IBAN; the search resumes right after each one found, so a match
    that ran into the next IBAN ("DE89 … 00 DE89 …") does not hide it."""
    parts: list[str] = []
    position = 0
    found = False
    while (match := _IBAN.search(text, position)) is not None:
        candidate = match.group(0)
        # The pattern may run into a following upper-case word: try shorter prefixes too.
        ends = [m.start() for m in re.finditer(r"[ .-]", candidate)] + [len(candidate)]
        end = next(
            (e for e in reversed(ends) if _iban_valid(_SEPARATORS.sub("", candidate[:e]))), 0
        )
        if not end:
            parts.append(text[position : match.start() + ends[0]])
            position = match.start() + ends[0]
            continue
        found = True
        parts += [text[position : match.start()], placeholder]
        position = match.start() + end
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
        ends = [len(candidate), *[m.start() for m in re.finditer(r"[ .-]", candidate)][::-1]]
        for end in ends:
            digits = re.sub(r"\D", "", candidate[:end])
            if 13 <= len(digits) <= 19 and luhn_valid(digits):
                found = True
                return placeholder + candidate[end:]
        return candidate

    text = _DOTTED_CARD.sub(replace, _CARD.sub(replace, text))  # "4111.1111.1111.1111" too
    text, details = redact_card_details(text, placeholder)  # "CVV 123", "exp 08/27"
    return text, found or details


def _looks_like_phone(candidate: str, before: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 8 or _DATE_INSIDE.search(candidate):
        return False
    if candidate.startswith("+"):  # no order or ticket number starts with "+"
        return 8 <= len(digits) <= 15
    if ORDER_CONTEXT.search(before) and not _PHONE_LABEL.search(before):
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
    has_phone_word = _PHONE_CONTEXT.search(before) or phones.after_phone_word(before)
    return 9 <= len(digits) <= 12 and bool(has_phone_word)


def _redact_phones(text: str, placeholder: str) -> tuple[str, bool]:
    text, found = phones.redact_whole_formats(text, placeholder)  # "+351 918742404"

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        candidate = match.group(0).rstrip(" .-(")
        if not _looks_like_phone(candidate, text[max(0, match.start() - 30) : match.start()]):
            return match.group(0)
        found = True
        return placeholder + match.group(0)[len(candidate) :]

    def replace_slashed(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 30) : match.start()]
        if len(re.sub(r"\D", "", match.group(0))) < 10 and not _PHONE_CONTEXT.search(before):
            return match.group(0)
        return replace(match)

    text = _SLASH_PHONE.sub(replace_slashed, text)
    return _PHONE.sub(replace, text), found


_DETECTORS: dict[str, Callable[[str, str], tuple[str, bool]]] = {
    "url": redact_urls,
    "secret": redact_secrets,
    "email": redact_emails,
    "iban": _redact_ibans,
    "id": redact_ids,
    "dob": redact_birth_dates,
    "card": _redact_cards,
    "phone": _redact_phones,
    "handle": redact_handles,
    "name": redact_names,
}
# Cheap tests that rule a detector out before its regular expression runs.
_MAY_CONTAIN: dict[str, Callable[[str], bool]] = {
    "url": lambda t: _MAY_BE_URL.search(t) is not None,
    "secret": may_hold_secret,
    "email": lambda t: "@" in t or _MAY_BE_SPELLED_EMAIL.search(t) is not None,
    "iban": lambda t: _has_digit_run(t, 2),
    # "7 Heol y Llan SA1 9ZZ": no two digits in a row; "Localizador QWERTY": no digit at all
    "id": lambda t: _has_digit_run(t, 1) or may_hold_letter_reference(t),
    "dob": lambda t: _has_digit_run(t, 2),
    "card": lambda t: _has_digit_run(t, 2),
    "phone": lambda t: _has_digit_run(t, 2),
    "handle": may_mention_handle,
    "name": may_name_someone,
}
_MAY_BE_SPELLED_EMAIL = re.compile(r"(?i)\bat\b")
_MAY_BE_URL = re.compile(r"(?i)http|www\.")  # "Https://" and "Www." as phones capitalise them
_DIGIT_RUNS = {n: re.compile(rf"\d{{{n}}}") for n in (1, 2, 4)}


#: Full-width forms of the ASCII characters (U+FF01-FF5E), which East Asian keyboards type,
#: and the decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Thai, …): an
#: address or number written with them is found as the ASCII one; the text outside the
#: placeholders stays as written.
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    code: ord(str(unicodedata.digit(chr(code))))
    for code in range(0x0660, 0x1C00)
    if unicodedata.category(chr(code)) == "Nd"
}
_NOT_ASCII_FORM = re.compile("[" + "".join(map(chr, _TO_ASCII)) + "]")


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
    if _NOT_ASCII_FORM.search(text):  # "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "٠٥٠١٢٣": read as ASCII
        text = text.translate(_TO_ASCII)
    read = text
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
        return original, []
    if read != original and len(read) <= KEEP_AS_WRITTEN_CHARS:
        text = _keep_as_written(original, read, text)
    return text, [t for t in PII_TYPES if t in found]


#: Longest text whose unredacted parts are put back as written (the diff is quadratic in the
#: worst case: 9k full-width digits took 10 s); a longer one keeps the ASCII form of its
#: full-width characters and native digits, as every text did before stop 49.
KEEP_AS_WRITTEN_CHARS = 4000


def _keep_as_written(original: str, read: str, redacted: str) -> str:
    """`redacted` (made from `read`, the ASCII form of `original`) with the text that no
    detector replaced taken from `original` (same length as `read`, character by character)."""
    matcher = SequenceMatcher(None, read, redacted, autojunk=False)
    return "".join(
        original[i1:i2] if op == "equal" else redacted[j1:j2]
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )
