"""Costly themes mostly raised together with a costlier one: their cost may be that theme's.

A theme's impact compares the units that raise it with the rest, so a theme with no effect of
its own that mostly comes with a costly theme looks costly too. The summary says so, and adds
what the key-driver table (which weighs the themes together) says of the theme.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights.core import unit_theme_pairs
from feedback_nlp.report.plain import interval, number, percent
from feedback_nlp.report.score_facts import ThemeFact
from feedback_nlp.scores import unit_scores

#: Share of a theme's units that also raise a costlier theme for it to be "mostly" raised
#: together with it.
MOSTLY = 0.5


def theme_units(table: pd.DataFrame, score: str, unit: str = "auto") -> dict[str, set[str]]:
    """Theme id (as text) → the units with a `score` that raise it, counted by `unit` as the
    impact tables count them (``explain(unit=...)``, ``report --unit``); {} without themes."""
    if "themes" not in table or score not in table:
        return {}
    try:
        pairs = unit_theme_pairs(table, "themes", unit)
        scored = unit_scores(table, [score], unit)[score].dropna().index
    except SchemaError:  # no unit ids: the impact tables could not count units either
        return {}
    pairs = pairs[pairs["unit_id"].isin(scored)]
    return {str(theme): set(group["unit_id"]) for theme, group in pairs.groupby("theme")}


def with_co_raised_notes(
    themes: list[ThemeFact], units: dict[str, set[str]], drivers: pd.DataFrame | None
) -> list[ThemeFact]:
    """`themes` (costliest first), each mostly raised together with one listed before it
    noted so, and where the driver table's range for it crosses 1, that too."""
    noted = []
    for position, theme in enumerate(themes):
        mine = units.get(theme.theme, set())
        costlier = [t for t in themes[:position] if _together(mine, units.get(t.theme)) >= MOSTLY]
        if not mine or not costlier:
            noted.append(theme)
            continue
        partner = max(costlier, key=lambda t: _together(mine, units.get(t.theme)))
        share = _together(mine, units.get(partner.theme))
        note = (
            f"mostly raised together with '{partner.label}' ({percent(100 * share)} of its "
            f"{theme.unit_word}): its cost may be that theme's"
        )
        odds = _unclear_odds(drivers, theme.theme, partner.theme)
        if odds:
            note += f"; the key-driver model does not single it out ({odds})"
        noted.append(replace(theme, note=note))
    return noted


def _together(mine: set[str], theirs: set[str] | None) -> float:
    """The share of `mine` also in `theirs`."""
    return len(mine & (theirs or set())) / len(mine) if mine else 0.0


def _unclear_odds(drivers: pd.DataFrame | None, theme: str, partner: str) -> str:
    """`odds ratio 0.84, 95 % range 0.46 to 1.59` when the driver of `theme` (alone, not
    merged with `partner`) has a range that crosses 1; "" otherwise."""
    needed = {"driver", "odds_ratio", "or_ci_low", "or_ci_high"}
    if drivers is None or not needed <= set(drivers.columns):
        return ""
    for _, row in drivers.iterrows():
        merged = str(row["driver"]).split(" = ")
        if f"theme:{theme}" not in merged or f"theme:{partner}" in merged:
            continue
        low, high = float(row["or_ci_low"]), float(row["or_ci_high"])
        if low <= 1 <= high:
            rng = interval(low, high, 2, sign=False)
            return f"odds ratio {number(row['odds_ratio'], 2)}, 95 % range {rng}"
    return ""
