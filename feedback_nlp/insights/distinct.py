"""List each issue once: fold near-duplicate themes under the first of them in a ranking.

A corpus where one issue is frequent gets it as several themes worded apart ("aufzug defekt",
"hbf defekt", "technischen störung ist der aufzug"): each is a fair theme for an analyst, but
a list of the five costliest themes that holds three of them names three causes where there is
one. The theme table's `similar_themes` (`topics.tables.similar_themes`: centroid cosine ≥
0.6) says which themes repeat which; a ranking walks down its order and folds every theme that
is similar to one already listed under that one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import pandas as pd

from feedback_nlp.schema import split_list

Similar = Mapping[str, Collection[str]]


def similar_from_table(themes: pd.DataFrame | None) -> dict[str, frozenset[str]]:
    """Theme id (as text) → ids of its similar themes, from a theme table's `similar_themes`
    column (empty without the column: tables written before it existed)."""
    if themes is None or "similar_themes" not in themes or "topic" not in themes:
        return {}
    pairs = zip(themes["topic"].astype(str), themes["similar_themes"], strict=True)
    return {topic: frozenset(split_list(close)) for topic, close in pairs if split_list(close)}


def fold_repeats(ordered: Iterable[object], similar: Similar) -> dict[str, str | None]:
    """For themes in ranking order: None for a theme listed as its own issue, else the id of
    the earlier listed theme it repeats (the first listed one it is similar to)."""
    listed: list[str] = []
    repeats: dict[str, str | None] = {}
    for theme in (str(t) for t in ordered):
        close = similar.get(theme, ())
        earlier = next((t for t in listed if t in close), None)
        repeats[theme] = earlier
        if earlier is None:
            listed.append(theme)
    return repeats


def add_distinct_rank(impact: pd.DataFrame, similar: Similar) -> pd.DataFrame:
    """`theme_impact`'s table with `repeats` (the higher-ranked theme a theme repeats, as
    text) and `distinct_rank` (the rank among the themes that repeat none; NA for the others
    and for unranked themes)."""
    ranked = impact[impact["rank"].notna()].sort_values("rank", kind="stable")
    repeats = fold_repeats(ranked["theme"], similar)
    theme_ids = impact["theme"].astype(str)
    result = impact.assign(repeats=theme_ids.map(repeats).astype("string"))
    distinct = [t for t in map(str, ranked["theme"]) if repeats[t] is None]
    order = {t: i + 1 for i, t in enumerate(distinct)}
    return result.assign(distinct_rank=theme_ids.map(order).astype("Int64"))
