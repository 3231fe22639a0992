"""A numeric outcome whose values mix two rating scales by source: Google's 1-5 stars and
Booking.com's 1-10 scores in one ``Rating`` column average to a number on neither scale (a
hotel chain's report read "Rating 4.5" and site means of 5.7)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from feedback_nlp.outcomes import OutcomeSpec, name_words

#: Words of a column name that say where a row comes from (a review site, an app store).
SOURCE_WORDS = frozenset(
    {"source", "sources", "platform", "platforms", "channel", "channels", "website", "portal",
     "provider", "origin"}
)  # fmt: skip
#: A source column has at most this many values.
MAX_SOURCES = 20
#: The highest value of a 1-5 scale; a rating scale reaches at most 10 (or 100).
FIVE = 5.0
#: Values a source needs for its highest to tell its scale (a few bad 1-10 scores stay ≤ 5).
MIN_SOURCE_VALUES = 20


def mixed_scale_notes(table: pd.DataFrame, specs: Iterable[OutcomeSpec]) -> list[str]:
    """A warning for each numeric outcome of `specs` in `table` whose values reach at most 5
    for one source (a column named like ``Source``, ``platform``) and above 5 for another."""
    notes = []
    for spec in specs:
        if spec.kind != "numeric" or spec.name not in table:
            continue
        values = pd.to_numeric(table[spec.name], errors="coerce")
        for column in source_columns(table, exclude=spec.name):
            note = _mixed_note(spec.name, values, table[column])
            if note:
                notes.append(note)
                break
    return notes


def source_columns(table: pd.DataFrame, exclude: str = "") -> list[str]:
    """The columns of `table` named as a row's source, of at most MAX_SOURCES values."""
    return [
        str(c)
        for c in table.columns
        if c != exclude
        and name_words(str(c)) & SOURCE_WORDS
        and 1 < table[c].nunique() <= MAX_SOURCES
    ]


def _mixed_note(name: str, values: pd.Series, sources: pd.Series) -> str | None:
    """The warning when one source's values reach at most FIVE and another's go above it."""
    answered = values.notna() & sources.notna()
    groups = values[answered].groupby(sources[answered].astype(str))
    tops = groups.max()[groups.count() >= MIN_SOURCE_VALUES]
    if tops.empty or values.min() < 0 or tops.max() > 10:  # not ratings of 1-5 and 1-10
        return None
    five, above = sorted(tops.index[tops <= FIVE]), sorted(tops.index[tops > FIVE])
    if not five or not above:
        return None
    return (
        f"outcome '{name}' mixes rating scales by '{sources.name}': its values reach at most "
        f"5 for {_named(five)} but {tops[above].max():g} for {_named(above)}, so its means "
        "average two scales; map each source's ratings onto one scale before analysing (e.g. "
        f"a separate outcome per '{sources.name}', or 1-10 scores halved)"
    )


def _named(sources: list[str]) -> str:
    return ", ".join(f"'{s}'" for s in sources)
