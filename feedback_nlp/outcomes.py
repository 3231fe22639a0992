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
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.amounts import read_amounts
from feedback_nlp.io.scores import NO_ANSWER, is_missing, parse_datetime

KINDS = ("binary", "numeric", "duration", "count")
#: Yes and no in English and in the languages of the toolkit's surveys (form exports answer in
#: the form's language: "Oui", "Nein", "Não", "Да").
TRUE_WORDS = ("1", "true", "yes", "y", "t", "oui", "ja", "sí", "si", "sì", "sim", "da", "да", "tak")
FALSE_WORDS = (
    "0",
    "false",
    "no",
    "n",
    "f",
    "non",
    "nein",
    "nee",
    "nej",
    "não",
    "nao",
    "nu",
    "нет",
    "nie",
)
#: A two-answer satisfaction rating (Zendesk's "Good" / "Bad"): true is the good answer.
GOOD_WORDS, BAD_WORDS = ("good",), ("bad",)
DURATION_UNITS = {"s": 1, "seconds": 1, "min": 60, "minutes": 60, "h": 3600, "hours": 3600}
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$")
_KEYS = {"kind", "bad", "unit", "start", "end", "column"}


#: The declared outcomes of an `analyze` folder (as stored, parsed), of its model and of a
#: tagging job made with that model (as declared, read from the raw columns).
OUTCOMES_FILE = "outcomes.json"


@dataclass(frozen=True)
class OutcomeSpec:
    """A declared outcome column: its name in the table, kind and which side is bad."""

    name: str
    kind: str
    bad: str | None = None
    column: str | None = None
    unit: str = "seconds"
    start: str | None = None
    end: str | None = None
    level: str = "row"  # "customer" (joined per customer) or "comment": insights.core.OUTCOME_UNITS

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ConfigError(f"outcome '{self.name}': kind '{self.kind}' is not one of {KINDS}")
        if self.kind == "duration" and self.unit not in DURATION_UNITS:
            raise ConfigError(
                f"outcome '{self.name}': unit '{self.unit}' is not one of {list(DURATION_UNITS)}"
            )
        if (self.start is None) != (self.end is None):
            raise ConfigError(f"outcome '{self.name}': give both start= and end= columns")
        if self.bad is not None and self.kind != "binary" and self.bad not in ("high", "low"):
            raise ConfigError(f"outcome '{self.name}': bad must be 'high' or 'low'")
        if self.kind == "binary" and self.bad is not None:
            _truth(self.bad, self.name)

    @property
    def source_columns(self) -> tuple[str, ...]:
        """The file column(s) the outcome is read from."""
        if self.start is not None and self.end is not None:
            return (self.start, self.end)
        return (self.column or self.name,)

    @property
    def higher_is_better(self) -> bool:
        """True when a larger value (or the true side) is the good one."""
        if self.kind == "binary":
            return not _truth(self.bad or "true", self.name)
        return (self.bad or default_bad(self.name, self.kind)) == "low"

    def describe(self) -> str:
        """'churned (binary, bad = true)' — for notes and the report."""
        if self.kind == "binary":
            bad = "true" if not self.higher_is_better else "false"
            return f"{self.name} (binary, bad = {bad})"
        worse = "lower" if self.higher_is_better else "higher"
        return f"{self.name} ({self.kind}, {worse} is worse{self._assumed()})"

    def _assumed(self) -> str:
        """', assumed; …' for a numeric outcome whose bad side neither `bad=` nor its name
        says."""
        if self.kind != "numeric" or self.bad is not None or named_bad_side(self.name):
            return ""
        return ", assumed; state bad=high or bad=low"

    def stored(self) -> OutcomeSpec:
        """The spec of the parsed column the reader wrote (its own name, in seconds)."""
        return replace(self, column=None, unit="seconds", start=None, end=None)


#: Words of a numeric outcome's name that say which side is bad when ``bad=`` is not given:
#: the good side's (a rating, a saving, a resolution, "on time", work done or a failure avoided:
#: low is bad) win over a burden's (a time, a cost, an effort: high is bad). Units (rate, pct,
#: share) say neither.
GOOD_SIDE_WORDS = frozenset(
    {"star", "stars", "rating", "ratings", "score", "satisfaction", "satisfied", "saved"}
    | {"saving", "savings", "resolved", "solved", "fixed", "ontime", "punctuality", "retention"}
    | {"answered", "handled", "closed", "processed", "ok", "avoided", "prevented", "free"}
    | {"success", "successful", "completed", "uptime"}
)
BURDEN_WORDS = frozenset(
    {"time", "wait", "waiting", "delay", "delays", "duration", "minutes", "mins", "hours"}
    | {"seconds", "cost", "costs", "effort", "complaint", "complaints", "churn", "error", "errors"}
)
#: Words that make a burden likely but not certain (``calls`` may be calls answered,
#: ``returns`` an investment's): high is bad by default, assumed, never named (`default_bad`).
LIKELY_BURDEN_WORDS = frozenset(
    {"downtime", "outage", "outages", "defect", "defects", "bug", "bugs", "late", "returns"}
    | {"returned", "cancellations", "escalations", "contacts", "calls", "tickets", "failures"}
)
#: Words that turn a good-side word around ("not_resolved"): the name is then ambiguous.
NEGATIONS = frozenset({"not", "no", "non", "without", "never"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def name_words(name: str) -> set[str]:
    """The lower-case words of a column name, camelCase and separators split, "on time" as
    ``ontime``: ``avgHandleTimeMinutes`` -> {avg, handle, time, minutes}."""
    words = re.split(r"[^a-z]+", _CAMEL.sub(" ", name).lower())
    joined = {a + b for a, b in itertools.pairwise(words) if (a, b) == ("on", "time")}
    return (set(words) | joined) - {""}


def named_bad_side(name: str) -> str | None:
    """The bad side a numeric outcome's name says ('low' for ``on_time_rate``,
    ``time_saved_minutes``; 'high' for ``waitTime``), or None when it says none or is
    ambiguous (``not_resolved``)."""
    words = name_words(name)
    if words & GOOD_SIDE_WORDS:
        return None if words & NEGATIONS else "low"
    return "high" if words & BURDEN_WORDS else None


def default_bad(name: str, kind: str) -> str:
    """The bad side of a numeric, duration or count outcome without ``bad=``: 'high' for
    durations and counts, the side a numeric outcome's name says (`named_bad_side`), else
    'high' for a name with a burden word or a likely one (``defects``) and 'low' for any other
    (``spend``), assumed."""
    if kind != "numeric":
        return "high"
    burdens = BURDEN_WORDS | LIKELY_BURDEN_WORDS
    return named_bad_side(name) or ("high" if name_words(name) & burdens else "low")


def _truth(value: object, name: str) -> bool:
    text = str(value).strip().lower()
    if text in TRUE_WORDS + GOOD_WORDS:
        return True
    if text in FALSE_WORDS + BAD_WORDS:
        return False
    raise ConfigError(
        f"outcome '{name}': bad='{value}' is not a yes/no, true/false, good/bad or 1/0 value"
    )


def parse_outcome_option(option: str) -> OutcomeSpec:
    """``churned:binary``, ``resolved:binary:bad=no``, ``time:duration:start=a:end=b`` …

    Without a kind the outcome is ``numeric``.
    """
    name, *parts = option.split(":")
    if not name:
        raise ConfigError(f"--outcome '{option}': give NAME[:KIND[:key=value]...]")
    settings: dict[str, Any] = {"kind": parts[0] if parts else "numeric"}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if not sep:
            raise ConfigError(f"--outcome '{option}': '{part}' is not key=value")
        settings[key] = value
    return spec_from_dict(name, settings, origin=f"--outcome '{option}'")


def spec_from_dict(name: str, settings: Mapping[str, Any], origin: str) -> OutcomeSpec:
    """One ``[outcomes.NAME]`` table (kind, bad, unit, start, end, column) as a spec."""
    unknown = set(settings) - _KEYS
    if unknown:
        raise ConfigError(f"{origin}: unknown outcome setting(s) {sorted(unknown)}; use {_KEYS}")
    if "kind" not in settings:
        raise ConfigError(f"{origin}: outcome '{name}' needs a kind, one of {KINDS}")
    values = {k: str(v) for k, v in settings.items()}
    return OutcomeSpec(name=name, **values)


def specs_from_mapping(table: Mapping[str, Any], origin: str) -> dict[str, OutcomeSpec]:
    """The ``[outcomes]`` table of a mapping file: {name: {kind = …, bad = …}}."""
    specs = {}
    for name, settings in table.items():
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{origin}: [outcomes.{name}] must be a table with kind = …")
        specs[name] = spec_from_dict(name, settings, origin)
    return specs


# --- parsing --------------------------------------------------------------------------------


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
    lower = text.str.lower().str.replace(r"^([01])\.0*$", r"\1", regex=True)  # "1.0": pandas
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
    is_number = text.str.fullmatch(_NUMBER.pattern).fillna(False).astype(bool) & ~missing
    values[is_number] = text[is_number].astype(float)
    if (is_number | missing).all():
        return values, reasons
    amounts, problems = read_amounts(text.where(~missing))
    values[~is_number] = amounts[~is_number]  # and "1.234" read by the column's decimal comma
    values[is_number & amounts.notna()] = amounts[is_number & amounts.notna()]
    bad = ~missing & values.isna()
    ambiguous = bad & (problems == "ambiguous").fillna(False)
    reasons[bad] = f"{spec.name} is not a number: '" + text[bad] + "'"
    reasons[ambiguous] = (
        f"{spec.name} is ambiguous: '" + text[ambiguous] + "' (thousands or a decimal comma? "
        "no other cell of the column shows its decimal mark: write 1234 or 1.234)"
    )
    return values, reasons


def _count(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    values, reasons = _numeric(series, spec)
    whole = values.isna() | ((values >= 0) & (values == np.floor(values)))
    bad = reasons.isna() & ~whole
    reasons[bad] = f"{spec.name} is not a whole number ≥ 0: '" + series.astype("string")[bad] + "'"
    values[reasons.notna()] = np.nan
    return values, reasons


def _duration(series: pd.Series, spec: OutcomeSpec) -> tuple[pd.Series, pd.Series]:
    missing, text, values, reasons = _start(series)
    is_number = text.str.fullmatch(_NUMBER.pattern).fillna(False).astype(bool) & ~missing
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


def case_hints(specs: Sequence[OutcomeSpec], columns: Sequence[object]) -> str:
    """' (the files have 'Churned': name it with column=Churned)' for an outcome whose column
    the files have in other letter case, else ''."""
    by_lower = {str(c).lower(): str(c) for c in columns}
    found = [
        (spec.name, by_lower[column.lower()])
        for spec in specs
        for column in spec.source_columns
        if column.lower() in by_lower and by_lower[column.lower()] != column
    ]
    named = "; ".join(
        f"'{name}' is '{column}' in the files: add :column={column}" for name, column in found
    )
    return f" ({named})" if named else ""


def read_outcomes(path: Path) -> list[OutcomeSpec]:
    """The declared outcomes saved in an analysis or model folder (`OUTCOMES_FILE`)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return [OutcomeSpec(**record) for record in records]
