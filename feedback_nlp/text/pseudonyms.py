"""Pseudonyms for ids that are personal data (an e-mail, a phone, a handle or a name used as
a respondent id): the same pseudonym in every table and file, so exports can still be joined.

A pseudonym is ``pii-`` and the first 12 hex digits (48 bits) of HMAC-SHA256 under the secret
in ``FEEDBACK_NLP_PSEUDONYM_KEY``, or, with no key, of plain SHA-256: then anyone who holds an
original id can compute its pseudonym. An e-mail id is trimmed and lower-cased first.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

from feedback_nlp.text.links import EMAIL
from feedback_nlp.text.pii import redact_pii

#: The environment variable that holds the pseudonyms' secret key.
PSEUDONYM_KEY_VARIABLE = "FEEDBACK_NLP_PSEUDONYM_KEY"

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
    "bestellung", "ordine", "store", "shop", "emp", "employee", "sku", "konto", "conv",
    "conversation", "chat", "thread", "lead",
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
    "zoe"), or digits only at its end, every run of two or more letters word-shaped and one
    of at least three letters that is no id prefix ("ines1284", "maria_lopez_88", "Power
    User 99"; not "cust-0379", "R_aK0cnQGdZ7"), or digits inside as
    :func:`_is_nickname_with_inner_digits` allows."""
    runs = _LETTER_RUN.findall(value)
    if not runs or not all(_word_shaped(run) for run in runs if len(run) >= 2):
        return False
    if not any(c.isdigit() for c in value):
        return _NAME_LIKE_ID.match(value) is not None
    digits = _DIGITS_LAST.match(value)
    if digits is None:
        return _is_nickname_with_inner_digits(value)
    if digits["digits"].startswith("0"):  # zero-padded: a system's number
        return False
    return any(len(run) >= 3 and run.lower() not in ID_PREFIXES for run in runs)


#: A number written with leading zeros ("0042" in "kd_0042_x"): a system's.
_ZERO_PADDED = re.compile(r"(?<!\d)0\d")
_DIGIT_GROUP = re.compile(r"\d+")
#: A part of an id of 4 or more hex digits, letters and digits mixed ("deadbeef12cafe34",
#: "A1B2C3D4", "7f3a" in "conv_7f3a", object ids, UUIDs).
_HEX_PART = re.compile(r"(?=[a-fA-F]*\d)(?=\d*[a-fA-F])[0-9a-fA-F]{4,}")
_ID_SEPARATORS = re.compile(r"[\W_]+")
#: A short prefix and one random chunk with digits inside (a Qualtrics "R_" response id).
_RANDOM_TAIL = re.compile(r"[A-Za-z]{1,3}_[A-Za-z0-9]{10,}")
#: One digit between letters that stands for a letter ("j0hn", "sm1th").
_LEET_DIGIT = re.compile(r"(?<=[^\W\d_])[013457](?=[^\W\d_])")
_LEET_LETTERS = str.maketrans("013457", "oieast")
_VOWEL = re.compile(r"(?i)[aeiouy]|[^\x00-\x7f]")
_FOUR_CONSONANTS = re.compile(r"(?i)[b-df-hj-np-tv-xz]{4}")


def _looks_generated(value: str) -> bool:
    """Whether an id with digits inside is a system's: a zero-padded number, more than two
    digit groups, a Qualtrics-like random tail, or a hex part."""
    if _ZERO_PADDED.search(value) or len(_DIGIT_GROUP.findall(value)) > 2:
        return True
    parts = _ID_SEPARATORS.split(value)
    return bool(_RANDOM_TAIL.fullmatch(value)) or any(_HEX_PART.fullmatch(p) for p in parts)


def _is_nickname_with_inner_digits(value: str) -> bool:
    """A nickname with digits inside ("Mark77_Leeds", "jk_1987_london", "j0hn_sm1th",
    "redditor_0x"): not :func:`_looks_generated`, and, reading a lone digit between letters
    as the letter it stands for, one of its parts between separators a word
    (:func:`_is_word`). Ids with no separator ("k3j9x2mq") or no such part ("usr_k3j9x2mq",
    "SKU-12A9") are a system's."""
    if _looks_generated(value):
        return False
    read = _LEET_DIGIT.sub(lambda digit: digit.group().translate(_LEET_LETTERS), value)
    parts = _ID_SEPARATORS.split(read)
    return len(parts) > 1 and any(_is_word(part) for part in parts)


def _is_word(part: str) -> bool:
    """Three or more letters, lower case or capitalised, no id prefix, and pronounceable: a
    vowel in five letters, no four consonants in a row (random chunks rarely are)."""
    if len(part) < 3 or not part.isalpha() or part.lower() in ID_PREFIXES:
        return False
    vowels = len(_VOWEL.findall(part))
    cased = part.islower() or part.istitle()
    return cased and vowels * 5 >= len(part) and _FOUR_CONSONANTS.search(part) is None


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


#: What a model records of the key its pseudonyms were made with (never the key itself).
UNKEYED = "unkeyed"


def key_fingerprint() -> str:
    """`UNKEYED`, or ``keyed:`` and 12 hex digits of HMAC-SHA256 of a fixed text under the
    key: enough to tell two keys apart, nothing to recover the key or a pseudonym from."""
    key = os.environ.get(PSEUDONYM_KEY_VARIABLE, "")
    if not key:
        return UNKEYED
    check = hmac.new(key.encode("utf-8"), b"feedback_nlp pseudonym key check", hashlib.sha256)
    return "keyed:" + check.hexdigest()[:12]


def check_key(recorded: object, model: object) -> None:
    """ConfigError when the key set now is not the one `model` was fitted with (`recorded`,
    its `key_fingerprint`; models saved before stop 49 recorded none and are not checked):
    pseudonyms made under two keys do not join, and a job would mix them."""
    now = key_fingerprint()
    if recorded is None or recorded == now:
        return
    from feedback_nlp.errors import ConfigError

    said = {UNKEYED: "no key"}
    raise ConfigError(
        f"{model}: fitted with {said.get(str(recorded), 'a pseudonym key')} in "
        f"{PSEUDONYM_KEY_VARIABLE}, but {said.get(now, 'a different key')} is set now: the "
        "ids of this run would not join the model's and earlier runs'; set the key the model "
        "was fitted with (docs/privacy.md)"
    )


def pseudonym(value: str) -> str:
    """The pseudonym of `value` (`pii-` and 12 hex digits), as ids get; the same in every
    run with the same key."""
    return _pseudonym(value)


def _pseudonym(value: str) -> str:
    """``pii-`` and 48 bits of HMAC-SHA256 under the key, or of SHA-256 with none."""
    data = _hash_input(value).encode("utf-8", "surrogatepass")
    key = os.environ.get(PSEUDONYM_KEY_VARIABLE, "")
    digest = hmac.new(key.encode("utf-8"), data, hashlib.sha256) if key else hashlib.sha256(data)
    return "pii-" + digest.hexdigest()[:12]


def _hash_input(value: str) -> str:
    """`value` as hashed: an e-mail trimmed and lower-cased ("Erika.M@WEB.DE " is
    "erika.m@web.de"), anything else as written (changing it could merge two people)."""
    trimmed = value.strip()
    return trimmed.lower() if EMAIL.fullmatch(trimmed) else value
