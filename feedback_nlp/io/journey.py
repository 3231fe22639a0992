"""The export's own journey stages and touchpoints, declared in a mapping, with their order.

A mapping may declare, for `journey_stage` and for `touchpoint`, the names the export uses, in
journey order, each optionally mapped to a canonical value::

    [journey_stages]
    order = ["Order", "First Payment", "Equipment Received", "Service in Use"]
    [journey_stages.canonical]
    "Order" = "purchase"
    "Service in Use" = "retention"

The column then keeps the export's names (matched without regard to case and surrounding
spaces, written as declared); ``<column>_order`` holds each row's 1-based position in `order`
(reports sort by it) and ``<column>_canonical`` the canonical value where one is given. Without
a declaration, `journey_stage` must be one of the five canonical stages, ordered as
:data:`~feedback_nlp.schema.JOURNEY_STAGES`, and `touchpoint` is kept as written. A stage that
is neither declared nor canonical is emptied and its reason returned (the reader keeps the row,
listing the problem, or rejects it under ``bad_scores="reject-row"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import JOURNEY_STAGES, TOUCHPOINTS

#: Said after an unknown journey stage when the mapping declares none (no quote, colon or
#: bracket: `io.cells.reason_kind` counts the reason with it).
UNDECLARED_HINT = (
    "; a [journey_stages] mapping declares the stages of an export, see docs/reading.md"
)

#: Mapping table name -> (feedback table column, canonical values).
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "journey_stages": ("journey_stage", JOURNEY_STAGES),
    "touchpoints": ("touchpoint", TOUCHPOINTS),
}


@dataclass
class Declared:
    """An export's own values of one column: their order and canonical equivalents."""

    column: str
    order: list[str]
    canonical: dict[str, str] = field(default_factory=dict)

    def lookup(self) -> dict[str, str]:
        """Normalised name -> declared spelling."""
        return {value_key(name): name for name in self.order}


def parse_declared(section: str, content: Any, origin: str) -> Declared:
    """Check one ``[journey_stages]`` / ``[touchpoints]`` table of a mapping."""
    column, canonical_values = SECTIONS[section]
    if not isinstance(content, dict) or set(content) - {"order", "canonical"}:
        raise ConfigError(f"{origin}: [{section}] takes 'order' (a list) and [{section}.canonical]")
    order = content.get("order")
    canonical = content.get("canonical", {})
    if not isinstance(order, list) or not order or not all(isinstance(v, str) for v in order):
        raise ConfigError(f"{origin}: [{section}] order must be a non-empty list of names")
    keys = [value_key(v) for v in order]
    if len(set(keys)) != len(keys):
        raise ConfigError(f"{origin}: [{section}] order names a value twice: {order}")
    if not isinstance(canonical, dict):
        raise ConfigError(f"{origin}: [{section}.canonical] must map names to values")
    unknown = [name for name in canonical if value_key(name) not in keys]
    if unknown:
        raise ConfigError(f"{origin}: [{section}.canonical] names {unknown}, not in order")
    closed = section == "journey_stages"
    bad = {k: v for k, v in canonical.items() if closed and v not in canonical_values}
    if bad:
        raise ConfigError(
            f"{origin}: [{section}.canonical] maps to {bad}; use one of {list(canonical_values)}"
        )
    spelled = {value_key(v): v for v in order}
    return Declared(
        column, list(order), {spelled[value_key(k)]: str(v) for k, v in canonical.items()}
    )


def apply_declared(
    values: pd.Series, declared: Declared | None
) -> tuple[dict[str, pd.Series], pd.Series]:
    """Columns for one declared column (itself, ``_order``, ``_canonical``) and reasons.

    The reason is set (NA elsewhere) where a value is neither declared nor canonical; that
    value is emptied (the reader keeps or rejects the row, as `bad_scores` says).
    """
    name = declared.column if declared else "journey_stage"
    if declared is None:  # canonical journey stages only
        cleaned = values.str.strip().str.lower()
        position = {stage: i for i, stage in enumerate(JOURNEY_STAGES, start=1)}
        bad = cleaned.notna() & ~cleaned.isin(JOURNEY_STAGES)
        reasons = _reasons(name, cleaned, bad, JOURNEY_STAGES, UNDECLARED_HINT)
        cleaned = cleaned.where(~bad, pd.NA)
        order = cleaned.map(position).astype("Int64")
        return {name: cleaned, f"{name}_order": order}, reasons
    lookup = declared.lookup()
    keys = values.str.strip().str.lower()
    spelled = keys.map(lookup).astype("string")
    canonical_values = SECTIONS[_section(name)][1]
    is_canonical = keys.isin(canonical_values) & spelled.isna()
    spelled = spelled.where(~is_canonical, keys)
    bad = values.notna() & spelled.isna()
    if name == "touchpoint":  # open set: undeclared touchpoints are kept as written
        spelled = spelled.where(~bad, values.str.strip())
        bad = pd.Series(False, index=values.index)
    position = {value: i for i, value in enumerate(declared.order, start=1)}
    canonical = {**{v: v for v in canonical_values}, **declared.canonical}
    columns = {
        name: spelled.astype("string"),
        f"{name}_order": spelled.map(position).astype("Int64"),
        f"{name}_canonical": spelled.map(canonical).astype("string"),
    }
    hint = f"; add it to the [{_section(name)}] order of the mapping"
    return columns, _reasons(name, values, bad, (*declared.order, *canonical_values), hint)


def _reasons(
    name: str, shown: pd.Series, bad: pd.Series, allowed: tuple[str, ...], hint: str
) -> pd.Series:
    """`name is not one of …<hint>: 'value'` where `bad` (the hint is in the counted part)."""
    text = f"{name} is not one of " + ", ".join(allowed) + hint + ": '"
    return (text + shown.astype("string") + "'").where(bad, pd.NA).astype("string")


def _section(column: str) -> str:
    return next(s for s, (c, _) in SECTIONS.items() if c == column)


def value_key(value: object) -> str:
    """A declared value as it is matched: without surrounding spaces, lower-cased."""
    return str(value).strip().lower()
