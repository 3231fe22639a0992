"""Declared outcomes as specs: `OutcomeSpec` (name, kind, bad side, the column(s) it is read
from), the words a binary outcome answers with, and specs read from ``--outcome`` options, a
mapping's ``[outcomes]`` table or an analysis folder's `OUTCOMES_FILE`.

The kinds and their settings are described in :mod:`feedback_nlp.outcomes`, which parses the
values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from feedback_nlp.errors import ConfigError
from feedback_nlp.outcome_names import default_bad, named_bad_side

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
