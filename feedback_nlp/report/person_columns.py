"""Carried columns that hold a person's name (a customer's, or the officer or agent who
handled the case), handle, profile link or phone number, told by their header: no text
detector finds a bare name or an unformatted number in a cell."""

from __future__ import annotations

import re

import pandas as pd

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.people_cues import names_someone

#: Words before a name that make it a person's: "Full name", "customer.name", "visitor.name",
#: "via.source.from.name", "Twitter handle" ("Store name", "plan_name", "product.name" are not).
_PERSON_PREFIX = (
    r"(?:customer|user|respondent|author|reviewer|requester|submitter|sender|buyer|guest|"
    r"member|contact|client|your|full|first|last|given|family|middle|display|kunden|visitor|"
    r"agent|assignee|from|owner|recipient|screen|twitter|instagram|tiktok|facebook|social|"
    r"policy[ ._-]?holder|driver|third[ ._-]?party|claimant|insured|patient|passenger|witness)"
)
#: A carried column that holds a person's name or handle, by its header (or its last two
#: dotted parts): "Name" (Microsoft Forms), "Full name", "Vorname", "Nom", "Screen Name",
#: "username", "author.username", "Twitter Handle", "customer_full_name".
_NAME_COLUMN = re.compile(
    r"(?i)^(?:requester|assignee|submitter)$|"  # help desks' person columns (Zendesk)
    rf"^(?:{_PERSON_PREFIX}[ ._-]?){{0,2}}(?:name|surname|nom|prénom|prenom|vorname|"
    r"nachname|nombre|apellidos?|nome|cognome|имя|фамилия|nume|prenume|imię|nazwisko|nickname|"
    r"handle)(?: completo| of (?:the )?(?:respondent|customer|user|client|contact))?"
    r"\s*(?::|\(.*\))?\s*$"  # "Name (optional)", "Your name:"
)
#: A member of staff who handled the case, by role (since stop 51, a council probe): "Officer",
#: "Case officer", "Handled by", "Assigned to", "Caseworker", "Agent", "Advisor name"; since
#: stop 52 (an insurer's probe) "Claim handler", "Loss adjuster" ("Officer ID", "User agent",
#: "handled_at" are not).
_STAFF_COLUMN = re.compile(
    r"(?i)^(?:(?:case|assigned|investigating|attending|responsible|council|police|parking|"
    r"enforcement|housing|support|service)[ ._-]?)?(?:officer|case[ ._-]?worker|"
    r"(?:case|claims?)[ ._-]?handler|case[ ._-]?owner|agent|advisor|adviser|"
    r"(?:loss[ ._-]?)?adjuster)(?:[ ._-]?name)?\s*:?\s*$|"
    r"^(?:handled|dealt[ ._-]with|answered|attended)[ ._-]?by\s*:?\s*$|^assigned[ ._-]?to\s*:?\s*$"
)
#: A link to a person's profile: "Profile URL", "author_url", "user.profile_link".
_PROFILE_COLUMN = re.compile(
    r"(?i)^(?:(?:author|user|reviewer|customer|member|visitor)[ ._-]?)?(?:profile[ ._-]?"
    r"(?:url|link)|(?<=[ ._-])(?:url|link))$"
)
NAME_PLACEHOLDER = PII_PLACEHOLDERS["name"]
#: A bare role header (since stop 51, a Play-store probe): "reviewer", "User", "customer",
#: "student"; a name column only when its values look like names (`role_column_holds_names`):
#: a "customer" column may hold ids, a "user" column plan tiers ("free", "Premium").
_ROLE_HEADER = re.compile(
    r"(?i)^(?:reviewer|user|customer|respondent|author|agent|caller|student|lecturer|teacher|"
    r"employee)s?\s*:?\s*$"
)
#: A member of staff or a party to a claim by role, up to two words before it (since stop 52,
#: employee, hospital, retail and insurance probes): "Manager", "Line manager", "Team lead",
#: "Store Manager Name", "Served by", "Cashier", "Consultant", "Claimant"; "Server" and "Host"
#: only with "name" ("Server name": a "Server" column holds machines); a name column only
#: when its values are names (`_staff_names`): "Team", "Store", "Manager approval" are none.
_STAFF_ROLE_HEADER = re.compile(
    r"(?i)^(?:[^\W\d_]+[ ._-]){0,2}(?:manager|supervisor|team[ ._-]?lead(?:er)?|cashier|"
    r"colleague|(?:team|staff)[ ._-]?member|consultant|doctor|nurse|clinician|physician|"
    r"surgeon|therapist|midwife|technician|engineer|stylist|waiter|waitress|"
    r"instructor|coach|tutor|rep|representative|claimant|driver|policy[ ._-]?holder)"
    r"(?:[ ._-]?name)?\s*:?\s*$|^(?:[^\W\d_]+[ ._-]){0,2}(?:server|host)[ ._-]?name\s*:?\s*$|"
    r"^(?:served|seen|treated|helped|visited|attended[ ._-]to)[ ._-]?by\s*:?\s*$"
)
#: A cell that looks like a name: one to three capitalised words of letters ("Anna Schmidt",
#: "María de la Cruz" has particles), or two to four Han or kana letters ("田中太郎").
_NAME_CELL = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*)(?: [^\W\d_][\w'’.-]*){0,3}$|^[\u3040-\u30ff\u4e00-\u9fff]{2,4}$"
)
_LOWER_PARTICLES = frozenset("van von de der den da di del dos du la le ap ab y".split())  # noqa: SIM905
#: Shares that make a role column a name column: at least half of its cells look like
#: names, and these are mostly two or more words, or varied (at least `_VARIED_NAMES`
#: different ones, half of them or more different): "Free", "Pro" and "Premium" repeat.
_NAME_CELL_SHARE = 0.5
_VARIED_NAMES = 5


def _looks_like_name(cell: str) -> bool:
    """One to three capitalised words (particles inside), or a short Han or kana name."""
    if not _NAME_CELL.match(cell):
        return False
    words = [w for w in cell.split() if w not in _LOWER_PARTICLES]
    return 1 <= len(words) <= 3 and all(w[0].isupper() or not w[0].isalpha() for w in words)


def role_column_holds_names(name: object, values: pd.Series) -> bool:
    """Whether a column with a bare role header ("reviewer", "user", "customer") or a staff
    role header ("Manager", "Served by", "Consultant") holds people's names, by its values:
    not ids, not tiers, not free text, not team or store names."""
    if _STAFF_ROLE_HEADER.match(str(name).strip()):
        return _staff_names(values)
    if not _ROLE_HEADER.match(str(name).strip()):
        return False
    cells = [str(v).strip() for v in values.dropna() if isinstance(v, str) and v.strip()]
    names = [cell for cell in cells if _looks_like_name(cell) and names_someone(cell.split())]
    if not names or len(names) < _NAME_CELL_SHARE * len(cells):
        return False
    several_words = sum(" " in cell for cell in names) >= _NAME_CELL_SHARE * len(names)
    distinct = len(set(names))
    return (several_words and _varied(names)) or (
        distinct >= _VARIED_NAMES and distinct >= len(names) / 2
    )


def _staff_names(values: pd.Series) -> bool:
    """Whether at least half of the different values of a staff role column are names
    ("Kerry Smith", "Dr Patel", "Dave"); staff repeat, so no variety is asked."""
    distinct = {str(v).strip() for v in values.dropna() if isinstance(v, str) and v.strip()}
    names = [cell for cell in distinct if _looks_like_name(cell) and names_someone(cell.split())]
    return bool(names) and len(names) >= _NAME_CELL_SHARE * len(distinct)


def _varied(names: list[str]) -> bool:
    """Whether `names` vary as people's names do: from 10 values on, none on more than a
    fifth of them ("New Customer" / "Existing Customer" are categories)."""
    return len(names) < 10 or max(pd.Series(names).value_counts()) <= len(names) / 5


#: A header that says its column holds phone numbers: "phone_int", "Mobile no",
#: "phoneNumber", "Telefonnummer", "Handynummer" ("Mobile app version" holds none: the values
#: decide, `_PHONE_VALUE`).
_PHONE_HEADER = re.compile(
    r"(?i)(?:phone|telephone|telefon|handy|whatsapp|\bfax\b|\btel\b|(?<![a-z])mobile(?![a-z]))"
)
#: A cell that is a phone number and nothing else: 8-15 digits, with + ( ) - . / spaces;
#: not a date ("2026-01-05" in a "phone_call_date" column).
_PHONE_VALUE = re.compile(r"^\+?[\d ()./-]+$")
_DATE_VALUE = re.compile(r"^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$")
_CAMEL = re.compile(r"([a-z])([A-Z])")  # "phoneNumber" -> "phone Number"


def is_name_column(name: object) -> bool:
    """Whether a carried column's header says it holds a person's name, handle or profile."""
    header = str(name).strip()
    last_two = ".".join(header.split(".")[-2:])  # "via.source.from.name" -> "from.name"
    return any(
        bool(rule.match(text))
        for rule in (_NAME_COLUMN, _PROFILE_COLUMN, _STAFF_COLUMN)
        for text in (header, last_two)
    )


def phone_columns(table: pd.DataFrame, skip: set[str]) -> list[str]:
    """Carried columns (not in `skip`) whose header says they hold phone numbers."""
    return [
        name
        for name in table.columns
        if name not in skip
        and not pd.api.types.is_bool_dtype(table[name])
        and _PHONE_HEADER.search(_CAMEL.sub(r"\1 \2", str(name)))
    ]


def phones_redacted(values: pd.Series) -> pd.Series:
    """`values` with each cell that is a phone number (8-15 digits) as <PHONE>; others kept."""

    def is_phone(value: object) -> bool:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if not _PHONE_VALUE.match(text) or _DATE_VALUE.match(text):
            return False
        return 8 <= sum(c.isdigit() for c in text) <= 15

    phones = values.map(is_phone, na_action="ignore").fillna(False).astype(bool)
    if not phones.any():
        return values
    out = values.astype("string")
    out[phones] = PII_PLACEHOLDERS["phone"]
    return out
