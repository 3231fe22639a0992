"""The summary of feedback with no score: the themes that carry its negative comments.

Without NPS, CSAT or CES the report weighs the themes by the comments the sentiment model
reads as negative (`insights.explain.NEGATIVE_SENTIMENT`). The summary names the themes whose
comments are clearly more often negative than the rest (a positive difference with q < 0.05
after the correction for testing every theme, as the tables' "Clear effect?", and enough
units), largest share of the negative comments first, a theme
close to one already named folded into it, and the themes that judge the experience as a
whole left out: they say how customers feel, not what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.insights.distinct import Similar
from feedback_nlp.insights.explain import NEGATIVE_IMPACT
from feedback_nlp.report.document import Card, Quote
from feedback_nlp.report.plain import interval, percent, unit_noun
from feedback_nlp.report.score_facts import fold_close

SHOWN = 3
#: The q-value under which the report calls an effect clear (its tables' "Clear effect?").
CLEAR_Q = 0.05


@dataclass
class NegativeTheme:
    """A theme whose comments are read as negative more often than the others'."""

    label: str
    negative_with: float  # % of the units raising the theme that are negative
    negative_without: float
    low: float  # 95 % range of the difference, percentage points
    high: float
    units: int
    unit_word: str = "comments"
    quote: Quote | None = None
    similar: list[str] = field(default_factory=list)

    def text(self) -> str:
        """`'games like': 61 % of its 54 responses read as negative, 27 % of the others`."""
        return (
            f"'{self.label}': {percent(self.negative_with)} of its {self.units:,} "
            f"{self.unit_word} read as negative, {percent(self.negative_without)} of the others"
        )

    def card(self) -> Card:
        detail = (
            f"{percent(self.negative_with)} of its {self.units:,} {self.unit_word} read as "
            f"negative against {percent(self.negative_without)} of the others (difference "
            f"{interval(self.low, self.high)} points, 95 % range)"
        )
        if self.similar:
            detail += " · close themes: " + ", ".join(f"'{label}'" for label in self.similar)
        return Card(self.label, percent(self.negative_with), detail, "bad", self.quote)


def negative_themes(
    tables: dict[str, pd.DataFrame],
    judged: frozenset[str],
    similar: Similar,
    quote_of: Callable[[object], Quote | None],
) -> list[NegativeTheme]:
    """The SHOWN themes that carry most of the negative comments, clearly (see the module)."""
    impact = tables.get(NEGATIVE_IMPACT)
    if impact is None or not len(impact):
        return []
    clear = (
        ~impact["small_n"].fillna(False).astype(bool)
        & (impact["difference"] > 0)
        & (impact["q_value"] < CLEAR_Q)
        & ~impact["theme"].astype(str).isin(judged)
    )
    ranked = impact[clear].sort_values("impact", ascending=False, kind="stable")
    shown, folded = fold_close(ranked, similar, SHOWN)
    return [
        NegativeTheme(
            label=str(row["theme_label"]),
            negative_with=float(row["value_with"]),
            negative_without=float(row["value_without"]),
            low=float(row["difference_ci_low"]),
            high=float(row["difference_ci_high"]),
            units=int(row["units"]),
            unit_word=unit_noun(row.get("unit_of_analysis")),
            quote=quote_of(row["theme"]),
            similar=folded.get(str(row["theme"]), []),
        )
        for _, row in shown.iterrows()
    ]
