"""Pseudonyms for ids that are personal data (an e-mail, a phone, a handle or a name used as
a respondent id): the same pseudonym in every table and file, so exports can still be joined."""

from __future__ import annotations

import hashlib
import re

from feedback_nlp.text.pii import redact_pii

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
