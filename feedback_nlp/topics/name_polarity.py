"""Theme names that do not say the opposite of what most of a theme's units say.

A theme whose units are mixed in polarity was often named after one side, even the minority:
"battery lasts forever" for a theme of mostly battery-drain complaints. At fit each unit
carries a polarity (`unit_polarity`): the comment's `sentiment` for a one-unit comment, the
sentiment model run on the unit (on the arrays its encoding already made) for the parts of
a longer comment, none without a sentiment. A theme has a clear majority when at least
`MAJORITY` of its units read positive or negative read one way (neutral units do not count;
at least `MIN_POLAR_UNITS` of them). A name that more than half of the theme's units using it
read the other way is then passed over while another name exists (`topics.naming`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from feedback_nlp.topics.units import Units
from feedback_nlp.topics.unspaced import has_unspaced

NEGATIVE, POSITIVE = "negative", "positive"
MAJORITY = 0.6
MIN_POLAR_UNITS = 3
#: Sentiment labels of unit texts and their languages (`topics.sentiment.unit_sentiment`).
UnitSentiment = Callable[[list[str], list[str]], Sequence[str]]


def unit_polarity(
    units: Units,
    content: np.ndarray,
    sentiments: Sequence[str] | None,
    unit_sentiment: UnitSentiment | None = None,
) -> list[str]:
    """The polarity of each unit at `content`: its comment's sentiment when the unit is the
    whole comment, `unit_sentiment` of the unit otherwise; "" where unknown."""
    if sentiments is None:
        return [""] * len(content)
    result = [str(sentiments[units.owner[i]]) if units.whole[i] else "" for i in content]
    parts = [k for k, i in enumerate(content) if not units.whole[i]]
    if parts and unit_sentiment is not None:
        labels = unit_sentiment(
            [units.text[content[k]] for k in parts], [units.lang[content[k]] for k in parts]
        )
        for k, label in zip(parts, labels, strict=True):
            result[k] = str(label)
    return result


@dataclass
class ThemePolarity:
    """The fitted units' texts, theme rows (-1: none) and polarities ("" unknown)."""

    texts: Sequence[str]
    rows: Sequence[int]
    labels: Sequence[str]
    _members: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False)

    def majority(self, row: int) -> str:
        """The side ("negative" or "positive") holding `MAJORITY` of the row's polar units
        (at least `MIN_POLAR_UNITS` of them); "" without one."""
        counts = Counter(self.labels[i] for i in self._of(row))
        polar = counts[NEGATIVE] + counts[POSITIVE]
        if polar < MIN_POLAR_UNITS:
            return ""
        side = NEGATIVE if counts[NEGATIVE] >= counts[POSITIVE] else POSITIVE
        return side if counts[side] >= MAJORITY * polar else ""

    def opposes(self, name: str, row: int) -> bool:
        """Does more than half of the row's units using `name` read opposite to its clear
        majority? (False without a majority or without a unit using it.)"""
        side = self.majority(row)
        if not side or not name:
            return False
        other = POSITIVE if side == NEGATIVE else NEGATIVE
        users = [i for i in self._of(row) if uses(self.texts[i], name)]
        return 2 * sum(self.labels[i] == other for i in users) > len(users)

    def _of(self, row: int) -> list[int]:
        if not self._members:
            for i, r in enumerate(self.rows):
                self._members.setdefault(int(r), []).append(i)
        return self._members.get(row, [])


def uses(text: str, name: str) -> bool:
    """Does `text` say the name's phrase (or, for "word / word", one of its words)?"""
    said = " ".join(str(text).lower().split())
    return any(_says(said, part.strip()) for part in name.lower().split(" / ") if part.strip())


def _says(text: str, phrase: str) -> bool:
    if has_unspaced(phrase):  # no spaces between words: any occurrence
        return phrase in text
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def agreeing_name(
    name_with: Callable[[set[str]], str],
    polarity: ThemePolarity | None,
    row: int,
    taken: set[str],
    tries: int = 12,
) -> str:
    """The first name `name_with(taken names)` gives that does not oppose the row's majority,
    each opposing one taken in turn; the first name when every other opposes too."""
    blocked: set[str] = set()
    first = ""
    for _ in range(tries):
        name = name_with(taken | blocked)
        if not name or name.lower() in blocked:
            break
        first = first or name
        if polarity is None or not polarity.opposes(name, row):
            return name
        blocked.add(name.lower())
    return first
