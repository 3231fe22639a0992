"""IP address and coordinate columns: where a respondent was, redacted in every export.

Qualtrics exports `IPAddress`, `LocationLatitude` and `LocationLongitude` with every
response, SurveyMonkey `IP Address`; carried through, they reached the tagged tables and the
workbook as written (a survey probe, stop 48). By header: an IP address column's values
become ``<IP>``, a coordinate column's are left empty (a number column stays one).
"""

from __future__ import annotations

import re

import pandas as pd

from feedback_nlp.io.scores import is_missing

IP_PLACEHOLDER = "<IP>"
_IP_HEADER = re.compile(
    r"(?i)^(?:(?:user|client|remote|respondent|source|origin|customer)[ ._-]?)?ip"
    r"(?:[ ._-]?(?:address|addr|v4|v6))?$"
)
_COORDINATE_HEADER = re.compile(
    r"(?i)^(?:(?:location|geo|gps|user|respondent)[ ._-]?)?(?:latitude|longitude|lat|lon|lng)$"
)


def redact_whereabouts(table: pd.DataFrame, skip: frozenset[str]) -> pd.DataFrame:
    """`table` (changed in place and returned) with IP addresses as ``<IP>`` and coordinates
    empty, in the columns whose header says so (`skip`: the schema's own columns)."""
    for name in table.columns:
        header = str(name).strip()
        if name in skip:
            continue
        if _IP_HEADER.match(header):
            blank = is_missing(table[name])
            table[name] = table[name].astype("string").where(blank, IP_PLACEHOLDER)
        elif _COORDINATE_HEADER.match(header):
            table[name] = table[name].where(table[name].isna(), pd.NA)
    return table
