"""The redaction a carried column gets as a column, decided once per header (and its values):
phone numbers, whereabouts (`report.whereabouts`), customers' identifiers
(`report.identifier_columns`) and people's names (`report.person_columns`).

One function for every table the export writes and for the fields of a reject's row as read
(`report.reject_raw`), so a value leaves the same way in both (since stop 53, a hotel chain's
probe: the rejects' `raw` kept the "Reviewer Name" the table redacted).
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.nested import is_arrow_nested
from feedback_nlp.io.scores import is_missing
from feedback_nlp.report.identifier_columns import pseudonymise_identifier_columns
from feedback_nlp.report.person_columns import (
    NAME_PLACEHOLDER,
    is_name_column,
    phone_columns,
    phones_redacted,
    role_column_holds_names,
)
from feedback_nlp.report.whereabouts import redact_whereabouts
from feedback_nlp.schema import COLUMNS

_SCHEMA = frozenset(COLUMNS)


def holds_names(name: object, values: pd.Series) -> bool:
    """Whether a column so headed, with `values`, holds people's names or handles."""
    return is_name_column(name) or role_column_holds_names(name, values)


def _is_text(values: pd.Series) -> bool:
    """Whether `values` is a column of strings (or nested values holding strings)."""
    return (
        pd.api.types.is_object_dtype(values)
        or pd.api.types.is_string_dtype(values)
        or is_arrow_nested(values)
    )


def carried_columns_redacted(
    table: pd.DataFrame, labels: frozenset[str]
) -> tuple[pd.DataFrame, list[str]]:
    """`table` (changed in place and returned) with its phone, whereabouts, identifier and
    name columns redacted, and the names of its name columns (`labels`: columns of our own
    labels and ids, never redacted as columns)."""
    for name in phone_columns(table, set(labels)):  # a number no text reader finds
        table[name] = phones_redacted(table[name])
    table = redact_whereabouts(table, _SCHEMA)
    table = pseudonymise_identifier_columns(table, _SCHEMA)  # "Account Number", "PNR"
    named = [
        name
        for name in table.columns
        if name not in labels and _is_text(table[name]) and holds_names(name, table[name])
    ]
    for name in named:
        table[name] = table[name].where(is_missing(table[name]), NAME_PLACEHOLDER)
    return table, named
