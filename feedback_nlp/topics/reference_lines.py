"""Reference lines: "Account #.", "Kundennummer <ID>.", "Codice prenotazione QZEBLD.".

A customer who quotes an account, booking or meter number raises no issue with it; once the
value is redacted, the line is the same in every comment that has one, and without this rule
it becomes a theme of its own ("helps / postcode", "ticket"). Like a contact line
(`feedback_nlp.topics.contact_lines`), a unit that holds a reference value says something
only if it has a word beyond function words, the label words below ("account", "postcode",
"Kundennummer", "codice", "nazywam", …) and fillers ("if that helps", "here"). A value
follows a label word, at most two words after it: a redaction placeholder (<ID>, <IBAN>,
<NAME>, …), a token with a digit, a number sign ("#", "#39375"; not a hashtag), an
upper-case code ("QZEBLD") after an identifier word ("code", "reference", "codice", …) in a
unit that is not all capitals, or, of two or more capitalised words ending the unit after
"account:", "name:" or "company:", those that are no common word or a legal form ("Our
account: Soylent AG."; "Account: Locked Out Again" keeps its words). A unit without a value
keeps its theme ("The booking reference didn't work"), and so does one with another word ("My
account <ID> was closed"), a negation or a question mark ("Where is my order #123?").
"""

from __future__ import annotations

import re

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.common_words import is_common_word

#: Words that name an identifier: an upper-case code after them is a value (lower case).
IDENTIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("number", "nr", "num", "reference", "ref", "code", "id", "pnr", "locator",
           "iban", "mpan", "mprn", "cups", "postcode", "zipcode", "zip", "serial", "username",
           "ticket", "sort", "file"),
    "fr": ("numéro", "référence", "réf", "code", "identifiant", "iban"),
    "de": ("nummer", "nr", "referenz", "code", "kennung", "iban", "postleitzahl", "plz"),
    "es": ("número", "nº", "referencia", "ref", "código", "localizador", "iban", "cups"),
    "it": ("numero", "riferimento", "rif", "codice", "iban", "cap"),
    "pt": ("número", "nº", "referência", "ref", "código", "iban", "nif"),
    "ro": ("număr", "numărul", "nr", "referință", "cod", "codul", "iban"),
    "ru": ("номер", "код", "iban"),
    "nl": ("nummer", "nr", "referentie", "code", "iban", "postcode"),
    "pl": ("numer", "nr", "kod", "iban"),
    "tr": ("numara", "numarası", "kod", "kodu", "iban"),
}  # fmt: skip
#: Words that name what the value identifies (lower case).
OBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("account", "acct", "customer", "client", "member", "membership", "booking",
           "order", "case", "invoice", "policy", "contract", "meter", "transaction", "name",
           "company", "confirmation", "user"),
    "fr": ("compte", "client", "cliente", "dossier", "réservation", "commande", "facture",
           "contrat", "compteur", "nom", "appelle", "société"),
    "de": ("konto", "kunde", "kunden", "buchung", "bestellung", "vertrag", "rechnung",
           "zähler", "name", "heiße", "firma"),
    "es": ("cuenta", "cliente", "reserva", "pedido", "factura", "contrato", "contador",
           "nombre", "llamo", "empresa"),
    "it": ("conto", "cliente", "prenotazione", "ordine", "fattura", "contratto", "contatore",
           "nome", "chiamo", "azienda"),
    "pt": ("conta", "cliente", "reserva", "pedido", "encomenda", "fatura", "contrato",
           "contador", "nome", "chamo", "empresa"),
    "ro": ("cont", "contul", "client", "rezervare", "comandă", "factură", "contract",
           "numele", "numesc", "firma"),
    "ru": ("счёт", "счет", "клиент", "бронь", "заказ", "договор", "зовут", "имя"),
    "nl": ("rekening", "klant", "boeking", "bestelling", "factuur", "contract", "meter",
           "naam", "heet", "bedrijf"),
    "pl": ("konto", "klient", "klienta", "rezerwacja", "rezerwacji", "zamówienie",
           "zamówienia", "faktura", "umowa", "umowy", "licznik", "nazywam", "imię",
           "nazwisko", "firma"),
    "tr": ("hesap", "hesabım", "müşteri", "rezervasyon", "sipariş", "fatura", "sözleşme",
           "sayaç", "adım", "şirket"),
}  # fmt: skip
#: Words around a quoted value that say nothing either ("if that helps", "here", "voici").
FILLER_WORDS = frozenset((
    "here", "below", "fyi", "helps", "voici", "aide", "hier", "hilft", "aquí", "ayuda",
    "sirve", "ecco", "aiuta", "serve", "aqui", "ajuda", "aici", "ajută", "поможет", "helpt",
    "tutaj", "pomoże", "burada",
))  # fmt: skip
IDENTIFIER = frozenset(w for words in IDENTIFIER_WORDS.values() for w in words)
LABELS = IDENTIFIER | frozenset(w for words in OBJECT_WORDS.values() for w in words)
#: Endings of compound identifier words ("Kundennummer", "Zählernummer", "Vertragsnr").
_IDENTIFIER_ENDINGS = ("nummer", "number", "numer", "kennung")
_NAME_LABELS = ("account", "name", "company", "compte", "nom", "konto", "firma", "cuenta",
                "nombre", "conto", "nome", "conta", "naam", "nazwa")  # fmt: skip
#: How many words may stand between a label and its value ("o meu nome é <NAME>").
MAX_GAP = 2

_PLACEHOLDER = re.compile(
    "|".join(re.escape(p) for k, p in PII_PLACEHOLDERS.items() if k not in ("url", "handle"))
)
#: A value token: a placeholder, a token with a digit ("TRX-88231923"), a bare number sign
#: or one before digits ("#", "#39375"; not a hashtag).
_VALUE = re.compile(rf"\(?(?:{_PLACEHOLDER.pattern}|[^\s#]*\d\S*|[#№]\d*)[).,;:!]*")
#: An upper-case code of four or more letters and digits ("QZEBLD").
_CAPS_CODE = re.compile(r"\(?[A-Z0-9][A-Z0-9-]{3,}[).,;:!]*")
#: Two or more capitalised words ending the unit after a colon ("account: Soylent AG.").
_NAME_AFTER_COLON = re.compile(r"(?<=:)\s*[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)+\s*[.!]?\s*$")
#: Legal forms that end a company name, common words or not ("AG", "SA"; lower case).
_LEGAL_FORMS = frozenset((
    "ag", "gmbh", "kg", "ohg", "ug", "ltd", "plc", "llc", "llp", "inc", "corp", "co", "bv",
    "nv", "sa", "sas", "sarl", "sl", "slu", "spa", "srl", "lda", "oy", "ab",
))  # fmt: skip
#: "no." before a value ("Account no. 12345"): an abbreviation, not a negation.
_NUMBER_SIGN = re.compile(r"\b(?:no|nº|n°)\.?\s*(?=[#\d])", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: An amount is no reference ("A fatura diz 2.109,19 €", "Pour une commande de 711 €").
_CURRENCY = re.compile(r"[€$£¥₹₺₽]|^(?i:eur|euros?|usd|gbp|chf|zł|pln|lei|ron|tl|руб)[.,;:!]?$")
#: Two decimals after a number; never starts inside a digit run, so a long run is read once.
_DECIMAL = re.compile(r"(?<!\d)\d+[.,]\d{2}\b")


def is_label(word: str) -> bool:
    """Is the lower-case `word` a reference label ("account", "Kundennummer", "codice")?"""
    return word in LABELS or any(
        word.endswith(end) and len(word) > len(end) for end in _IDENTIFIER_ENDINGS
    )


def _labels_in(token: str) -> list[str]:
    return [w for w in _WORD.findall(token.lower()) if is_label(w)]


def _blank_values(tokens: list[str], value: re.Pattern[str], identifier_only: bool) -> bool:
    """Blank, in place, each value token that follows a label word within `MAX_GAP` words;
    True if any was."""
    blanked = False
    for i, token in enumerate(tokens):
        if not value.fullmatch(token) or _labels_in(_PLACEHOLDER.sub(" ", token)):
            continue
        if _is_amount(tokens, i):
            continue
        before = [w for t in tokens[max(0, i - MAX_GAP - 1) : i] for w in _labels_in(t)]
        if before and (not identifier_only or any(_is_identifier(w) for w in before)):
            tokens[i], blanked = " ", True
    return blanked


def _is_amount(tokens: list[str], i: int) -> bool:
    """Is `tokens[i]` part of a sum of money ("2 102,69 €"): a currency sign in or near it,
    or two decimals in it or the next token?"""
    near = tokens[max(0, i - 1) : i + 3]
    return any(_DECIMAL.search(t) for t in tokens[i : i + 2]) or any(
        _CURRENCY.search(t) for t in near
    )


def _is_identifier(word: str) -> bool:
    return word in IDENTIFIER or any(word.endswith(end) for end in _IDENTIFIER_ENDINGS)


def without_reference_values(text: str) -> str | None:
    """`text` with its reference values blanked when a label word precedes one; None when
    it holds no such value, or asks a question about it."""
    if "?" in text or not _labels_in(text):
        return None
    tokens = _NUMBER_SIGN.sub(" ", text).split()
    found = _blank_values(tokens, _VALUE, identifier_only=False)
    if any(c.islower() for c in text):
        found = _blank_values(tokens, _CAPS_CODE, identifier_only=True) or found
    rest = " ".join(tokens)
    if ":" in rest and any(w in _NAME_LABELS for w in _labels_in(rest.split(":")[0])):
        named = _NAME_AFTER_COLON.sub(_without_name_words, rest)
        found, rest = found or named != rest, named
    return rest if found else None


def _without_name_words(match: re.Match[str]) -> str:
    """The capitalised words of `match` less the name words: no common word, or a legal form
    ("Soylent AG" goes, "Locked Out Again" stays); the match itself when none goes."""
    words = match.group().split()
    kept = [w for w in words if not _is_name_word(w)]
    return match.group() if len(kept) == len(words) else f" {' '.join(kept)}"


def _is_name_word(token: str) -> bool:
    """A word of a name or company after "account:": no common word, or a legal form."""
    word = token.strip(".!")
    return word.lower() in _LEGAL_FORMS or not is_common_word(word)
