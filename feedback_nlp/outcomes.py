"""Declared outcomes: churn, FCR, resolution time, referrals… parsed and validated like scores.

An outcome is declared, never guessed, by a mapping ``[outcomes.NAME]`` table or by
``--outcome NAME[:KIND[:key=value]...]`` on the command line. Kinds:

- ``binary``: yes/no, true/false, 1/0 (any case); ``bad`` names the bad answer (default: the
  true side, as for ``churned``; ``bad=no`` for ``resolved_first_contact``). Stored as 1.0/0.0
  (1.0 = the true side).
- ``numeric``: any number (spend, a score); ``bad=low`` (default) or ``bad=high`` (default
  for a name like a time, cost or effort: ``wait_minutes``, `default_bad`).
- ``duration``: seconds as a number (``unit=minutes`` or ``unit=hours`` for other units),
  ``HH:MM:SS`` / ``H:MM``, or two timestamp columns (``start=opened_at``, ``end=closed_at``).
  Stored in seconds; ``bad=high`` by default.
- ``count``: a whole number ≥ 0 (contacts per case, referrals); ``bad=high`` by default.

A value that does not parse is a reason for the row's rejection (file, line, field), the same
as an out-of-range score; nothing is coerced.

This module parses the values; the declarations (`OutcomeSpec`, ``--outcome`` options, a
mapping's table) are :mod:`feedback_nlp.outcome_specs`, the words of an outcome's name that
say its bad side :mod:`feedback_nlp.outcome_names`. Their names are importable from here too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.amounts import read_amounts
from feedback_nlp.io.cells import NUMBER
from feedback_nlp.io.score_labels import rating_words
from feedback_nlp.io.scores import NO_ANSWER, is_missing, parse_datetime
from feedback_nlp.io.written_ratings import RATING_WORDS, written_ratings
from feedback_nlp.outcome_names import (
    BURDEN_WORDS,
    GOOD_SIDE_WORDS,
    LIKELY_BURDEN_WORDS,
    NEGATIONS,
    default_bad,
    name_words,
    named_bad_side,
)
from feedback_nlp.outcome_specs import (
    BAD_WORDS,
    DURATION_UNITS,
    FALSE_WORDS,
    GOOD_WORDS,
    KINDS,
    OUTCOMES_FILE,
    TRUE_WORDS,
    OutcomeSpec,
    case_hints,
    parse_outcome_option,
    read_outcomes,
    spec_from_dict,
    specs_from_mapping,
)

__all__ = [
    "BAD_WORDS",
    "BURDEN_WORDS",
    "DURATION_UNITS",
    "FALSE_WORDS",
    "GOOD_SIDE_WORDS",
    "GOOD_WORDS",
    "KINDS",
    "LIKELY_BURDEN_WORDS",
    "NEGATIONS",
    "OUTCOMES_FILE",
    "TRUE_WORDS",
    "OutcomeSpec",
    "case_hints",
    "default_bad",
    "duration_scale",
    "name_words",
    "named_bad_side",
    "parse_declared",
    "parse_outcome",
    "parse_outcome_option",
    "read_outcomes",
    "spec_from_dict",
    "specs_from_mapping",
]

_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$")


def parse_outcome(
    columns: Mapping[str, pd.Series], spec: OutcomeSpec
) -> tuple[pd.Series, pd.Series]:
    """Parse the outcome from its file column(s); return (float values, reason or NA per row)."""
    if spec.start is not None and spec.end is not None:
        return _between(columns[spec.start], columns[spec.end], spec)
    series = columns[spec.column or spec.name]
    parser = {"binary": _binary, "numeric": _numeric, "duration": _duration, "count": _count}
    return parser[spec.kind](series, spec)


def _start(series: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    missing = is_missing(series)
    text = series.map(_as_text, na_action="ignore").astype("string").str.strip()
    values = pd.Series(np.nan, index=series.index, dtype=float)
    reasons = pd.Series(pd.NA, index=series.index, dtype="string")
    return missing, text, values, reasons


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _binary(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    missing, text, values, reasons = _start(series)
    lower = rating_words(text).str.replace(r"^([01])\.0*$", r"\1", regex=True)  # "1.0": pandas
    values[lower.isin(TRUE_WORDS + GOOD_WORDS).fillna(False).astype(bool)] = 1.0
    values[lower.isin(FALSE_WORDS + BAD_WORDS).fillna(False).astype(bool)] = 0.0
    # not answered (Zendesk's "Offered"/"Unoffered", "Don't know", "-"): missing, as in a score
    unanswered = lower.str.strip().isin(NO_ANSWER).fillna(False).astype(bool)
    bad = ~missing & values.isna() & ~unanswered
    reasons[bad] = f"{spec.name} is not yes/no, true/false, good/bad or 1/0: '" + text[bad] + "'"
    return values, reasons


def _numeric(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    """Plain numbers, and money amounts with a currency and separators (`io.amounts`)."""
    missing, text, values, reasons = _start(series)
    is_number = text.str.fullmatch(NUMBER.pattern).fillna(False).astype(bool) & ~missing
    values[is_number] = text[is_number].astype(float)
    if (is_number | missing).all():
        return values, reasons
    amounts, problems = read_amounts(text.where(~missing))
    values[~is_number] = amounts[~is_number]  # and "1.234" read by the column's decimal comma
    values[is_number & amounts.notna()] = amounts[is_number & amounts.notna()]
    if rating_like(spec.name):
        values, reasons = _with_written_ratings(text.where(~missing), values, reasons, spec)
    bad = ~missing & values.isna() & reasons.isna()
    ambiguous = bad & (problems == "ambiguous").fillna(False)
    reasons[bad] = f"{spec.name} is not a number: '" + text[bad] + "'"
    reasons[ambiguous] = (
        f"{spec.name} is ambiguous: '" + text[ambiguous] + "' (thousands or a decimal comma? "
        "no other cell of the column shows its decimal mark: write 1234 or 1.234)"
    )
    return values, reasons


def rating_like(name: str) -> bool:
    """An outcome named as a rating (`RATING_WORDS`: ``stars``, ``csat_score``), whose cells
    may be written as review sites show them ("4/5", "★★★★☆")."""
    return bool(name_words(name) & RATING_WORDS)


def _with_written_ratings(
    text: pd.Series, values: pd.Series, reasons: pd.Series, spec: OutcomeSpec
) -> tuple[pd.Series, pd.Series]:
    """`values` with the written ratings of the unread cells of `text` filled in, and
    `reasons` with those of another scale than the column's ("4/5" among 1-10 ratings)."""
    top = float(values.max()) if values.notna().any() else None
    rated, scale_reasons = written_ratings(text.where(values.isna()), top, spec.name)
    values = values.fillna(pd.Series(rated.to_numpy(float, na_value=np.nan), index=values.index))
    return values, reasons.fillna(scale_reasons)


def _count(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    values, reasons = _numeric(series, spec)
    whole = values.isna() | ((values >= 0) & (values == np.floor(values)))
    bad = reasons.isna() & ~whole
    reasons[bad] = f"{spec.name} is not a whole number ≥ 0: '" + series.astype("string")[bad] + "'"
    values[reasons.notna()] = np.nan
    return values, reasons


def _duration(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    missing, text, values, reasons = _start(series)
    is_number = text.str.fullmatch(NUMBER.pattern).fillna(False).astype(bool) & ~missing
    values[is_number] = text[is_number].astype(float) * DURATION_UNITS[spec.unit]
    clock = text.str.extract(_CLOCK.pattern)
    is_clock = clock[0].notna() & ~is_number
    seconds = clock[2].astype(float).fillna(0.0)
    values[is_clock] = (clock[0].astype(float) * 3600 + clock[1].astype(float) * 60 + seconds)[
        is_clock
    ]
    unreadable = ~missing & ~is_number & ~is_clock
    reasons[unreadable] = (
        f"{spec.name} is not a duration (seconds or HH:MM:SS): '" + text[unreadable] + "'"
    )
    negative = (values < 0).fillna(False)
    reasons[negative] = f"{spec.name} is negative: '" + text[negative] + "'"
    values[reasons.notna()] = np.nan
    return values, reasons


def _between(start: pd.Series, end: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    began, why_start = parse_datetime(start)
    ended, why_end = parse_datetime(end)
    values = (ended - began).dt.total_seconds().astype(float)
    reasons = pd.Series(pd.NA, index=start.index, dtype="string")
    for column, why in ((spec.start, why_start), (spec.end, why_end)):
        reasons = reasons.fillna(
            why.str.replace("created_at", f"{spec.name} {column}", regex=False)
        )
    backwards = reasons.isna() & (values < 0).fillna(False)
    reasons[backwards] = f"{spec.name}: {spec.end} is before {spec.start}"
    values[reasons.notna()] = np.nan
    return values, reasons


def duration_scale(seconds: pd.Series) -> tuple[float, str]:
    """Seconds per display unit and its name: minutes under 2 hours' median, else hours."""
    median = float(np.nanmedian(seconds)) if len(seconds) else 0.0
    return (3600.0, "hours") if median >= 7200 else (60.0, "minutes")


def parse_declared(
    table: pd.DataFrame, specs: list[OutcomeSpec], where: str = "the table", first_line: int = 0
) -> pd.DataFrame:
    """`table` with each declared outcome parsed to numbers (numbers are checked, not changed,
    except durations with ``unit=`` other than seconds: tagged tables hold seconds).

    A value that does not parse raises ConfigError naming `where`, the line (row position +
    `first_line`) and the value, with the number of bad values; nothing is coerced.
    """
    out = table.copy()
    for spec in specs:
        present = [c for c in spec.source_columns if c in table.columns]
        if not present:
            continue
        if len(present) < len(spec.source_columns):
            raise ConfigError(f"{where}: outcome '{spec.name}' needs {spec.source_columns}")
        values, reasons = parse_outcome(table, spec)
        bad = reasons.notna().to_numpy()
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            raise ConfigError(
                f"{where}, line {position + first_line}: {reasons.iloc[position]} "
                f"({int(bad.sum())} bad value(s) in '{spec.name}'; fix them or drop the rows)"
            )
        out[spec.name] = values.astype(float)
    return out
