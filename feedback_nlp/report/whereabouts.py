"""Columns that say where a respondent was or lives, or which car is theirs: redacted in
every export, by header.

Qualtrics exports `IPAddress`, `LocationLatitude` and `LocationLongitude` with every
response, SurveyMonkey `IP Address`; carried through, they reached the tagged tables and the
workbook as written (a survey probe, stop 48). An IP address column's values become
``<IP>``, a coordinate column's are left empty (a number column stays one).

Since stop 51 (a council probe) a person's address or postcode column ("Address", "Home
address", "Address line 1", "Postcode", "Postal code") becomes ``<ADDRESS>`` and a vehicle
plate column ("Vehicle registration", "Reg plate", "Licence plate", "Number plate"; since
stop 52 "Kenteken", "Amtliches Kennzeichen", and a bare "Registration" or "Reg no" whose
values are plates, not dates or yes/no) ``<ID>``.
A header that names a place of the business ("Store address", "Branch postcode", "Site
address", "Office address") is kept: it says where the company is, not the customer; so is
an "Email address" (the e-mail detector redacts its cells), and a US "Zip" (five digits name
an area of some ten thousand people, where a full UK postcode names about fifteen addresses).
"""

from __future__ import annotations

import re

import pandas as pd

from feedback_nlp.io.scores import is_missing
from feedback_nlp.schema import PII_PLACEHOLDERS

IP_PLACEHOLDER = "<IP>"
ADDRESS_PLACEHOLDER = "<ADDRESS>"
PLATE_PLACEHOLDER = PII_PLACEHOLDERS["id"]
_IP_HEADER = re.compile(
    r"(?i)^(?:(?:user|client|remote|respondent|source|origin|customer)[ ._-]?)?ip"
    r"(?:[ ._-]?(?:address|addr|v4|v6))?$"
)
_COORDINATE_HEADER = re.compile(
    r"(?i)^(?:(?:location|geo|gps|user|respondent)[ ._-]?)?(?:latitude|longitude|lat|lon|lng)$"
)
#: Words before "address"/"postcode" that make it a person's (or no word at all).
_PERSON_PLACE = (
    r"(?:home|street|postal|mailing|billing|delivery|shipping|residential|correspondence|"
    r"property|customer|contact|your|respondent|user|client|resident|tenant|applicant|"
    r"caller|complainant|permanent|current|previous|full)"
)
_ADDRESS_HEADER = re.compile(
    rf"(?i)^(?:{_PERSON_PLACE}[ ._-]?){{0,2}}(?:address|addr|street|house[ ._-]?(?:number|no)|"
    r"post[ ._-]?code|postal[ ._-]?code|address[ ._-]?line[ ._-]?\d)(?:[ ._-]?\d)?\s*:?\s*$"
)
_PLATE_HEADER = re.compile(
    r"(?i)^(?:(?:vehicle|car)[ ._-]?(?:registration|reg)(?:[ ._-]?(?:number|no|mark|plate))?|"
    r"(?:(?:vehicle|car|reg|registration|licen[cs]e|number)[ ._-]?)?plate(?:[ ._-]?number)?|"
    r"vrm|(?:(?:amtliches|kfz)[ ._-]?)?kennzeichen|kenteken|immatriculation|matr[ií]cula|"
    r"targa)\s*:?\s*$"
)
#: A header that may name a plate column, or a date or yes/no one ("Registration", "Reg no",
#: "Registration date" is none): a plate column when its values are plates (`_PLATE_VALUE`).
_MAYBE_PLATE_HEADER = re.compile(
    r"(?i)^(?:reg|rego|registration)(?:[ ._-]?(?:number|no|mark))?\.?\s*:?\s*$"
)
#: A plate: capitals and digits, both, in up to four groups ("WX19 KLM", "M-AB 1234",
#: "AB-123-CD"); no date, no "Yes", no number alone, no year's quarter or half ("2024 Q1",
#: "Q4-2023", "2024 H2").
_PLATE_VALUE = re.compile(
    r"^(?!(?:19|20)\d\d[ -]?[QH]\d$|[QH]\d[ -]?(?:19|20)\d\d$)"
    r"(?=.*[A-Z])(?=.*\d)[A-Z\d]{1,4}(?:[ -]?[A-Z\d]{1,4}){1,3}$"
)


def _placeholder_for(header: str, values: pd.Series) -> str | None:
    """The placeholder that replaces every value of a column so headed (None: kept)."""
    if _IP_HEADER.match(header):
        return IP_PLACEHOLDER
    if _ADDRESS_HEADER.match(header):
        return ADDRESS_PLACEHOLDER
    if _PLATE_HEADER.match(header) or (_MAYBE_PLATE_HEADER.match(header) and _plates(values)):
        return PLATE_PLACEHOLDER
    return None


def _plates(values: pd.Series) -> bool:
    """Whether at least half of the filled cells of `values` are vehicle plates."""
    cells = [str(v).strip() for v in values.dropna() if str(v).strip()]
    plates = sum(bool(_PLATE_VALUE.match(cell)) for cell in cells)
    return bool(cells) and plates >= len(cells) / 2


def redact_whereabouts(table: pd.DataFrame, skip: frozenset[str]) -> pd.DataFrame:
    """`table` (changed in place and returned) with IP addresses, a person's addresses and
    postcodes and vehicle plates as placeholders and coordinates empty, in the columns whose
    header says so (`skip`: the schema's own columns)."""
    for name in table.columns:
        header = str(name).strip()
        if name in skip:
            continue
        placeholder = _placeholder_for(header, table[name])
        if placeholder is not None:
            blank = is_missing(table[name])
            table[name] = table[name].astype("string").where(blank, placeholder)
        elif _COORDINATE_HEADER.match(header):
            table[name] = table[name].where(table[name].isna(), pd.NA)
    return table
