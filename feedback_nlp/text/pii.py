"""PII redaction with typed placeholders (`<EMAIL>`, `<PHONE>`, `<CARD>`, `<IBAN>`, `<URL>`, …).

Each detector finds candidates with a regular expression and then checks them, so that the
numbers customers write all the time (order numbers, dates, prices, versions, times, "10/10",
postcodes) are left alone:

- e-mail: ``local@domain.tld``;
- URL: only links that carry credentials or personal data: ``user:pass@host``, a query or
  fragment key such as ``token=``, ``key=``, ``sig=``, ``session``, ``auth``, ``code=``,
  ``email=``, ``phone=``, an e-mail inside the link, or a link to a person's social profile
  or post (``https://x.com/jane_doe/status/1``; not a hashtag, search or subreddit).
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
inside a redacted link is not counted twice and an e-mail is not read as a handle.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from urllib.parse import SplitResult, parse_qsl, urlsplit

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.people import may_name_someone, redact_handles, redact_names
from feedback_nlp.text.secrets import may_hold_secret, redact_secrets

PII_TYPES: tuple[str, ...] = tuple(PII_PLACEHOLDERS)
_ORDER = ("url", "secret", "email", "iban", "card", "phone", "handle", "name")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}»"
_SENSITIVE_KEY_PARTS = frozenset(
    [
        "token",
        "key",
        "apikey",
        "sig",
        "signature",
        "session",
        "sess",
        "sessionid",
        "sid",
        "auth",
        "authorization",
        "code",
        "otp",
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "jwt",
        "email",
        "mail",
        "phone",
        "tel",
        "mobile",
        "user",
        "username",
        "uid",
        "userid",
        "customer",
        "firstname",
        "lastname",
        "name",
        "dob",
        "iban",
        "card",
        "credential",
        "credentials",
    ]
)
#: Social sites whose links start their path with a person's handle ("x.com/jane/status/1").
_SOCIAL_HOSTS = frozenset(
    ["twitter.com", "x.com", "instagram.com", "facebook.com", "fb.com", "tiktok.com",
     "threads.net", "linkedin.com", "youtube.com", "reddit.com", "vk.com", "t.me",
     "pinterest.com"]
)  # fmt: skip
#: First path parts of those sites that name no one (a hashtag, a search, a subreddit, a post,
#: a company or school page). A brand's own account (x.com/AcmeSupport) cannot be told apart.
_SOCIAL_PAGES = frozenset(
    ["", "hashtag", "search", "explore", "home", "i", "intent", "share", "sharer", "sharer.php",
     "watch", "help", "about", "r", "p", "reel", "groups", "events", "tags", "tag", "topics",
     "settings", "login", "privacy", "legal", "tos", "policies", "shorts", "playlist",
     "results", "channel", "c", "company", "school", "showcase", "jobs", "feed", "pages",
     "embed", "pin", "notifications", "marketplace", "business"]
)  # fmt: skip
_TOKEN_LIKE_SEGMENT = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_\-]{32,}$")

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


def _split_url(url: str) -> SplitResult:
    full = url if "://" in url else "http://" + url
    try:
        return urlsplit(full)
    except ValueError:  # "shop.com]label[" (forum markup): brackets that are no IPv6 host
        return urlsplit(full.replace("[", "/").replace("]", "/"))


def _is_sensitive_url(url: str) -> bool:
    parts = _split_url(url)
    if "@" in parts.netloc or _EMAIL.search(url):
        return True
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    pairs += parse_qsl(parts.fragment, keep_blank_values=True)
    for key, _value in pairs:
        key = key.lower()
        pieces = set(re.split(r"[_\-.\[\]]+", key)) | {key.replace("_", "").replace("-", "")}
        if pieces & _SENSITIVE_KEY_PARTS:
            return True
    if _names_a_person(parts):
        return True
    return any(_TOKEN_LIKE_SEGMENT.match(segment) for segment in parts.path.split("/"))


def _names_a_person(parts: SplitResult) -> bool:
    """A link to someone's social profile or post: its path starts with their handle."""
    host = ".".join((parts.hostname or "").split(".")[-2:])  # "uk.linkedin.com", "old.reddit…"
    first = parts.path.strip("/").split("/")[0].lower()
    return host in _SOCIAL_HOSTS and first not in _SOCIAL_PAGES


def _redact_urls(text: str, placeholder: str) -> tuple[str, bool]:
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        url = match.group(0)
        trailing = ""
        while url and url[-1] in _URL_TRAILING:
            trailing = url[-1] + trailing
            url = url[:-1]
        if not _is_sensitive_url(url):
            return match.group(0)
        found = True
        return placeholder + trailing

    return _URL.sub(replace, text), found


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
    redacted, count = _EMAIL.subn(placeholder, text)
    return redacted, count > 0


_DETECTORS: dict[str, Callable[[str, str], tuple[str, bool]]] = {
    "url": _redact_urls,
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


#: A social handle used as an id ("@ines1284"): it names the person.
_HANDLE = re.compile(r"^@[\w.]{2,}$")


def pseudonymise_pii_id(value: object) -> object:
    """`value` unchanged, or ``pii-<12 hex>`` (SHA-256) when it holds an e-mail, phone, … or
    is a social handle: an id that is personal data, replaced by the same pseudonym in every
    table and file."""
    if not isinstance(value, str):
        return value
    if not _HANDLE.match(value.strip()) and not redact_pii(value)[1]:
        return value
    return _pseudonym(value)


#: A respondent id of letters with no digit ("Anna Schneider", "zoe"): a person's name or
#: nickname (App Store `reviewerNickname`, appfigures `author`).
_NAME_LIKE_ID = re.compile(r"^[^\W\d_][^\d]*$")
#: The letter runs of an id ("maria", "lopez" in "maria_lopez_88").
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_DIGITS_LAST = re.compile(r"^\D+(?P<digits>\d+)\W*$")
_CONSONANTS = re.compile(r"[b-df-hj-np-tv-xz]{5}", re.IGNORECASE)
#: A run cut before each capital ("Power", "User" in "PowerUser").
_CASE_PIECE = re.compile(r"[^\W\d_][^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ]*")
#: Words that start the ids systems give ("cust-0379", "USR_42", "ticket 1881"): a run of
#: these is no name.
ID_PREFIXES = frozenset((
    "ids", "cust", "customer", "cus", "client", "cli", "user", "usr", "uid", "member", "mbr",
    "acct", "acc", "account", "resp", "response", "respondent", "rid", "person", "contact",
    "ref", "sub", "subscriber", "order", "ord", "ticket", "tkt", "case", "req", "request",
    "inc", "crm", "guest", "anon", "anonymous", "visitor", "session", "sess", "msg", "post",
    "comment", "review", "rev", "survey", "inv", "invoice", "txn", "trx", "kunde", "kunden",
    "kd", "nutzer", "benutzer", "mitglied", "cliente", "clienti", "usuario", "utente",
    "utilisateur", "membre", "socio", "klant", "abonne", "abonné", "abo", "pedido", "commande",
    "bestellung", "ordine", "store", "shop", "emp", "employee", "sku", "konto",
))  # fmt: skip


def _word_shaped(run: str) -> bool:
    """Written as a word or name is: lower, CAPITALS, Capitalised, or CamelCase ("McDonald",
    "PowerUser") with no five consonants in a row; random ids mix case otherwise
    ("ERzrWJhew") or pile up consonants ("ofGrftHbH")."""
    if run.islower() or run.isupper() or run.istitle():
        return True
    if _CONSONANTS.search(run):
        return False
    pieces = _CASE_PIECE.findall(run)
    return all(len(piece) >= 2 and piece[1:].islower() for piece in pieces[1:]) and (
        pieces[0].islower() or pieces[0].istitle()
    )


def _is_nickname(value: str) -> bool:
    """A name or nickname: no digit and every letter run word-shaped ("Anna Schneider",
    "zoe"), or digits only at its end (random ids mix them in), every run of two or more
    letters word-shaped and one of at least three letters that is no id prefix
    ("ines1284", "maria_lopez_88", "Power User 99"; not "cust-0379", "R_aK0cnQGdZ7")."""
    runs = _LETTER_RUN.findall(value)
    if not runs or not all(_word_shaped(run) for run in runs if len(run) >= 2):
        return False
    if not any(c.isdigit() for c in value):
        return _NAME_LIKE_ID.match(value) is not None
    digits = _DIGITS_LAST.match(value)
    if digits is None or digits["digits"].startswith("0"):  # zero-padded: a system's number
        return False
    return any(len(run) >= 3 and run.lower() not in ID_PREFIXES for run in runs)


def pseudonymise_respondent_id(value: object) -> object:
    """:func:`pseudonymise_pii_id`, and a name or nickname used as the respondent's id
    pseudonymised too: letters only (before stop 47 "Carlos Weber" left in `respondent_id`
    of every export while the same name in a "Reviewer Name" column became ``<NAME>``), or
    a handle with digits (before stop 48 a forum's "maria_lopez_88" and "ines1284" were
    exported as written); ids a system gives ("cust-0379", UUIDs, numbers) stay."""
    if isinstance(value, str) and _is_nickname(value.strip()) and not is_pseudonym(value):
        return _pseudonym(value)
    return pseudonymise_pii_id(value)


#: What :func:`_pseudonym` writes: never pseudonymised again (a table exported once, read by
#: `explain` or `report`, keeps its ids; "pii-deadbe012345" looks like a nickname).
_PSEUDONYM = re.compile(r"^pii-[0-9a-f]{12}$")


def is_pseudonym(value: str) -> bool:
    """Whether `value` is a pseudonym this module wrote."""
    return _PSEUDONYM.match(value.strip()) is not None


def _pseudonym(value: str) -> str:
    return "pii-" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]
