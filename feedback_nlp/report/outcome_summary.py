"""The summary's themes on an outcome's bad side, when there is no NPS, CSAT or CES.

Without a score the report weighs the themes by a declared outcome (churned, recommended,
resolution time…) or, with none, by the comments the sentiment model reads as negative
(`insights.explain.NEGATIVE_SENTIMENT`). The summary names the themes whose units are clearly
on the outcome's bad side more often, or further, than the rest (a difference on the bad
side with q < 0.05 after the correction for testing every theme, as the tables' "Clear
effect?", and enough units), the largest share of the bad outcome first, a theme close to
one already named folded into it, and the themes that judge the experience as a whole left
out: they say how customers feel, not what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.insights.distinct import Similar
from feedback_nlp.insights.explain import NEGATIVE_IMPACT, NEGATIVE_SENTIMENT
from feedback_nlp.report.clear import clear_effects, lower_is_worse
from feedback_nlp.report.document import Card, Quote
from feedback_nlp.report.plain import counted_units, interval, number, percent, unit_noun
from feedback_nlp.report.score_facts import OutcomeFact, first_quote, fold_close

SHOWN = 3


@dataclass
class BadSide:
    """How an outcome's bad side reads: a binary outcome's bad event ("read as negative",
    "have churned = true") as a share, else a numeric outcome's mean ("resolution_time",
    in hours)."""

    outcome: str
    low_is_bad: bool
    binary: bool
    display_unit: str = ""

    @property
    def bad_value(self) -> str:
        """A binary outcome's bad side: `churned = true`, `recommended = false`."""
        return f"{self.outcome} = {'false' if self.low_is_bad else 'true'}"

    @property
    def event(self) -> str:
        """`read as negative`, `have churned = true`, `have recommended = false`."""
        if self.outcome == NEGATIVE_SENTIMENT.name:
            return "read as negative"
        return f"have {self.bad_value}"

    @property
    def title(self) -> str:
        """The heading of the summary's cards."""
        if self.outcome == NEGATIVE_SENTIMENT.name:
            return "What the negative comments raise most"
        if self.binary:
            return f"What goes most with {self.bad_value}"
        return f"What goes most with a {'lower' if self.low_is_bad else 'higher'} {self.outcome}"

    @property
    def closing(self) -> str:
        """How the CLI's closing lines introduce these themes."""
        if self.outcome == NEGATIVE_SENTIMENT.name:
            return "Most often negative"
        if self.binary:
            return f"Most often {self.bad_value}"
        return f"{'Lowest' if self.low_is_bad else 'Highest'} {self.outcome}"

    def value(self, value: float) -> str:
        """A value as the card shows it: the bad event's share, or the mean in its unit."""
        if self.binary:
            return percent(value)
        return f"{number(value)} {self.display_unit}".strip()


@dataclass
class OutcomeTheme:
    """A theme whose units are on the outcome's bad side more often (or further) than the
    others'."""

    label: str
    side: BadSide
    bad_with: float  # the bad event's % (binary) or the mean, among the theme's units
    bad_without: float
    low: float  # 95 % range of the difference towards the bad side
    high: float
    units: int
    unit_word: str = "comments"
    quote: Quote | None = None
    similar: list[str] = field(default_factory=list)

    def text(self) -> str:
        """`'games like': 61 % of its 54 responses read as negative, 27 % of the others`."""
        side, units = self.side, counted_units(self.units, self.unit_word)
        if side.binary:
            return (
                f"'{self.label}': {percent(self.bad_with)} of its {units} {side.event}, "
                f"{percent(self.bad_without)} of the others"
            )
        return (
            f"'{self.label}': {side.outcome} {side.value(self.bad_with)} on average over its "
            f"{units}, {side.value(self.bad_without)} over the others"
        )

    def card(self) -> Card:
        side = self.side
        scale = " points" if side.binary else f" {side.display_unit}".rstrip()
        units = counted_units(self.units, self.unit_word)
        if side.binary:
            detail = (
                f"{percent(self.bad_with)} of its {units} {side.event} "
                f"against {percent(self.bad_without)} of the others"
            )
        else:
            detail = (
                f"{side.outcome} {side.value(self.bad_with)} on average over its "
                f"{units} against {side.value(self.bad_without)}"
            )
        detail += f" (difference {interval(self.low, self.high)}{scale}, 95 % range)"
        if self.similar:
            detail += " · close themes: " + ", ".join(f"'{label}'" for label in self.similar)
        return Card(self.label, side.value(self.bad_with), detail, "bad", self.quote)


def is_binary(impact: pd.DataFrame) -> bool:
    """True for a binary outcome's impact table (effects are odds ratios), and for a table
    without effects (a share, as the negative comments')."""
    if "effect_name" not in impact:
        return True
    return bool(len(impact)) and impact["effect_name"].iloc[0] == "odds ratio"


def low_is_bad(impact: pd.DataFrame) -> bool:
    """True when a lower value is the outcome's bad side (resolved, recommended, spend): the
    table's `higher_is_better` says (since stop 48); a table without it, when the theme ranked
    as hurting the outcome most lowers it."""
    if "higher_is_better" in impact and len(impact):
        return lower_is_worse(impact)
    if "rank" not in impact:
        return False
    ranked = impact.dropna(subset=["rank"])
    if not len(ranked):
        return False
    return bool(ranked.sort_values("rank").iloc[0]["impact"] < 0)


def bad_side_themes(
    impact: pd.DataFrame | None,
    outcome: str,
    judged: frozenset[str],
    similar: Similar,
    quote_of: Callable[[object], Quote | None],
    low_bad: bool | None = None,
) -> list[OutcomeTheme]:
    """The SHOWN themes clearly on the bad side of `outcome` (see the module), from its
    theme impact table; `low_bad` says whether lower is worse (None: read off the table)."""
    if impact is None or not len(impact):
        return []
    low_bad = low_is_bad(impact) if low_bad is None else low_bad
    sign = -1.0 if low_bad else 1.0
    clear = (
        clear_effects(impact, "difference_ci_low", "difference_ci_high", low_bad)
        & (sign * impact["difference"] > 0)
        & ~impact["theme"].astype(str).isin(judged)
    )
    ranked = impact[clear].sort_values("impact", ascending=low_bad, kind="stable")
    shown, folded = fold_close(ranked, similar, SHOWN)
    binary = is_binary(impact)
    unit = impact["display_unit"].dropna() if "display_unit" in impact else pd.Series()
    side = BadSide(outcome, low_bad, binary, str(unit.iloc[0]) if len(unit) else "")
    return [_theme(row, side, folded, quote_of) for _, row in shown.iterrows()]


def _theme(
    row: pd.Series,
    side: BadSide,
    folded: dict[str, list[str]],
    quote_of: Callable[[object], Quote | None],
) -> OutcomeTheme:
    def bad(value: float) -> float:  # a binary outcome's bad event rate, else its mean
        return 100.0 - value if side.binary and side.low_is_bad else value

    low, high = float(row["difference_ci_low"]), float(row["difference_ci_high"])
    return OutcomeTheme(
        label=str(row["theme_label"]),
        side=side,
        bad_with=bad(float(row["value_with"])),
        bad_without=bad(float(row["value_without"])),
        low=-high if side.binary and side.low_is_bad else low,
        high=-low if side.binary and side.low_is_bad else high,
        units=int(row["units"]),
        unit_word=unit_noun(row.get("unit_of_analysis")),
        quote=quote_of(row["theme"]),
        similar=folded.get(str(row["theme"]), []),
    )


def negative_themes(
    tables: dict[str, pd.DataFrame],
    judged: frozenset[str],
    similar: Similar,
    quote_of: Callable[[object], Quote | None],
) -> list[OutcomeTheme]:
    """The SHOWN themes that carry most of the negative comments of feedback with no score
    and no declared outcome."""
    impact = tables.get(NEGATIVE_IMPACT)
    return bad_side_themes(impact, NEGATIVE_SENTIMENT.name, judged, similar, quote_of, False)


def bad_side_of(
    table: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    outcomes: list[OutcomeFact],
    judged: frozenset[str],
    similar: Similar,
) -> list[OutcomeTheme]:
    """The themes on the first declared outcome's bad side, quoted from a unit on that side
    where one of the theme's quotes is; with no declared outcome, of the negative comments."""
    quotes = tables.get("quotes")
    if not outcomes:
        negative = negative_ids(table)
        return negative_themes(
            tables, judged, similar, lambda t: first_quote(quotes, t, "detractor", negative)
        )
    first = outcomes[0]
    bad = _bad_ids(table, first)
    return bad_side_themes(
        tables.get(f"theme_impact_{first.outcome}"),
        first.outcome,
        judged,
        similar,
        lambda t: first_quote(quotes, t, "detractor", bad),
        low_bad=first.higher_is_better,
    )


def _bad_ids(table: pd.DataFrame, outcome: OutcomeFact) -> frozenset[str]:
    """Response ids of the rows on a binary outcome's bad side (none for other outcomes)."""
    if not outcome.binary or not {outcome.outcome, "response_id"} <= set(table.columns):
        return frozenset()
    values = pd.to_numeric(table[outcome.outcome], errors="coerce")
    bad = values.eq(0.0 if outcome.higher_is_better else 1.0).fillna(False).astype(bool)
    return frozenset(table.loc[bad, "response_id"].astype(str))


def negative_ids(table: pd.DataFrame) -> frozenset[str]:
    """Response ids of the comments read as negative (none without the columns)."""
    if not {"sentiment", "response_id"} <= set(table.columns):
        return frozenset()
    negative = table["sentiment"].astype("string").eq("negative").fillna(False).astype(bool)
    return frozenset(table.loc[negative, "response_id"].astype(str))
