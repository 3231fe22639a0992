"""Carried columns of customers' identifiers, told by header and values, pseudonymised per
value in every export (since stop 53, energy and airline probes).

An "Account Number", "Meter Serial", "Kundennummer", "Zählernummer", "Marktlokation", "PNR",
"Booking reference" or "Membership number" column reached the tagged tables and workbooks as
written. A column is one of these when its header is a label of the text rules
(:func:`feedback_nlp.text.identifiers.is_labelled_identifier`: one vocabulary for comments and
headers) and at least half of its sampled values, written after the header, are replaced by
those rules while alone they are not: a "Loyalty card" column of yes/no, or a help desk's
"Ticket number" of five digits, is kept, and so is a column of amounts: a currency in the
header ("Account (GBP)", "Konto €") or a currency sign or decimals in a value. Each value
becomes its pseudonym (``pii-…``, as ids get), so the rows of one account still group. The
schema's columns (``response_id``, ``respondent_id``, ``conversation_id`` the user mapped) are
never touched.
"""

from __future__ import annotations

import re

import pandas as pd

from feedback_nlp.io.nested import is_nested
from feedback_nlp.io.scores import is_missing
from feedback_nlp.text.identifiers import is_labelled_identifier
from feedback_nlp.text.pseudonyms import is_pseudonym, pseudonym

#: Distinct values read to decide whether a column holds identifiers.
_SAMPLE = 50
_SHARE = 0.5
#: "AccountNumber" -> "Account Number", "MPANNumber" -> "MPAN Number".
_CAMEL = re.compile(r"([a-z])([A-Z])|([A-Z])([A-Z][a-z])")
#: A header's note or prompt end: "(optional)", ":", "?" ("Account number (if known):").
_HEADER_TAIL = re.compile(r"\s*(?:\([^)]*\)|[:?*])\s*$")


def header_label(header: object) -> str:
    """`header` as a label is written in a comment: "account_number" is "account number"."""
    text = _CAMEL.sub(lambda m: " ".join(filter(None, m.groups())), str(header).strip())
    text = re.sub(r"[_.]+", " ", text)
    while _HEADER_TAIL.search(text):
        text = _HEADER_TAIL.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def _cell_text(value: object) -> str:
    """A cell as written: a float that is a whole number without its ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


#: A currency in a header: a sign, or an ISO code as a word ("Account (GBP)", "Betrag EUR").
_CURRENCY_HEADER = re.compile(r"[£€$¥₹]|zł|\b(?:GBP|EUR|USD|CHF|PLN|SEK|NOK|DKK|CAD|AUD|JPY)\b")
#: An amount in a cell: a currency sign, or a number with one or two decimals ("1234.56",
#: "12.345,60"; a dotted reference, "1234.5678.90", is none).
_AMOUNT_CELL = re.compile(r"[£€$¥₹]|^-?(?:\d+|\d{1,3}(?:[,. ]\d{3})+)[.,]\d{1,2}$")


def _holds_amounts(header: object, cells: list[str]) -> bool:
    """Whether a column holds amounts: its header names a currency, or a value has a currency
    sign or decimals."""
    if _CURRENCY_HEADER.search(str(header)):
        return True
    return any(_AMOUNT_CELL.search(cell) for cell in cells)


def is_identifier_column(header: object, values: pd.Series) -> bool:
    """Whether a column so headed holds customers' identifiers (see the module's note)."""
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return False
    label = header_label(header)
    if not label or not re.search(r"[^\W\d_]", label):
        return False
    present = values[~is_missing(values)]
    if any(map(is_nested, present.head(_SAMPLE))):  # lists, dicts: exported as JSON
        return False
    cells = [_cell_text(v) for v in present.unique()[:_SAMPLE]]
    cells = [cell for cell in cells if cell and not is_pseudonym(cell)]
    if _holds_amounts(header, cells):
        return False
    hits = sum(is_labelled_identifier(label, cell) for cell in cells)
    return bool(cells) and hits >= _SHARE * len(cells)


def _pseudonymised(value: object) -> object:
    """A cell's pseudonym (``pii-…``); a pseudonym already stays."""
    text = _cell_text(value)
    return text if is_pseudonym(text) else pseudonym(text)


def pseudonymise_identifier_columns(table: pd.DataFrame, skip: frozenset[str]) -> pd.DataFrame:
    """`table` (changed in place and returned) with every carried identifier column's values
    as their pseudonyms (`skip`: the schema's own columns)."""
    for name in table.columns:
        if name in skip or not is_identifier_column(name, table[name]):
            continue
        values = table[name]
        pseudonyms = values.map(_pseudonymised, na_action="ignore").astype("string")
        table[name] = values.astype("string").where(is_missing(values), pseudonyms)
    return table
