"""The summary's facts about scores: each score and declared outcome with its range, and the
costliest themes.

`report.summary` gathers them with the rest of the one-screen summary; without a score the
summary names the themes on a declared outcome's bad side, or with none the themes of the
negative comments, instead (`report.outcome_summary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.insights.distinct import Similar, fold_repeats
from feedback_nlp.report.clear import clear_effects, costs, lower_is_worse
from feedback_nlp.report.document import Card, Quote
from feedback_nlp.report.plain import (
    HEADLINE_METRICS,
    SCORE_NAMES,
    counted_units,
    headline_meaning,
    interval,
    number,
    percent,
    signed,
    unit_noun,
)
from feedback_nlp.score_scales import ScoreScales
from feedback_nlp.scores import SCORE_COLUMNS

COSTLIEST = 3


@dataclass
class ScoreFact:
    """A headline score: name, value, range and how many customers it counts."""

    score: str
    metric: str
    value: float
    low: float
    high: float
    n: int
    meaning: str
    units: str = "customers"
    described: str = ""  # unit_of_analysis: '60 responses, 30 respondents'

    def text(self) -> str:
        """`NPS −41.0 (95 % range −48.1 to −33.4, 468 customers)`."""
        name = SCORE_NAMES[self.score]
        if self.metric == "nps":
            shown, rng = signed(self.value), interval(self.low, self.high)
        else:
            shown, rng = percent(self.value), interval(self.low, self.high, 0, sign=False) + " %"
        return f"{name} {shown} (95 % range {rng}, {self.counted()})"

    def counted(self) -> str:
        """`468 customers`, or `90 units: 60 responses and 30 respondents`."""
        return counted_units(self.n, self.units, self.described)


@dataclass
class ThemeFact:
    """A costly theme: label, impact with its range, customers, one quote, and the labels of
    the costly themes close to it (`similar`, not listed on their own)."""

    label: str
    impact: float
    low: float
    high: float
    units: int
    share: float
    score: str
    quote: Quote | None = None
    unit_word: str = "customers"
    similar: list[str] = field(default_factory=list)
    theme: str = ""  # its id, as text
    #: What else may explain its cost (`report.co_raised`: mostly raised with a costlier one).
    note: str = ""

    @property
    def digits(self) -> int:
        """Decimals of its impact: 1 for NPS points, 2 on a CSAT or CES mean (1-5, 1-7), where
        one decimal showed every theme as −0.1 and a range ending at −0.05 as reaching 0.0."""
        return 1 if self.score == "nps" else 2

    def cost(self) -> str:
        """`costs 20.3 NPS points (95 % range −24.4 to −16.2)`; on a mean, `costs 0.08 on the
        mean CSAT (95 % range −0.12 to −0.05)` (not "CSAT points" beside a % headline)."""
        name, size = SCORE_NAMES[self.score], number(abs(self.impact), self.digits)
        what = f"{size} {name} points" if self.score == "nps" else f"{size} on the mean {name}"
        return f"costs {what} (95 % range {interval(self.low, self.high, self.digits)})"

    def text(self) -> str:
        """`'late delivery' costs 20.3 NPS points (95 % range −24.4 to −16.2), 23 % …`."""
        return (
            f"'{self.label}' {self.cost()}, "
            f"{percent(self.share)} of {self.unit_word}{self.close_themes('; ')}"
            + (f"; {self.note}" if self.note else "")
        )

    def close_themes(self, separator: str) -> str:
        """`separator` + "close themes: 'x', 'y'", or nothing when none was folded in."""
        if not self.similar:
            return ""
        return separator + "close themes: " + ", ".join(f"'{label}'" for label in self.similar)


def score_facts(metrics: pd.DataFrame | None, scales: ScoreScales) -> list[ScoreFact]:
    """NPS, CSAT and CES as the report heads them, from the `score_metrics` table."""
    if metrics is None:
        return []
    found = []
    for score in SCORE_COLUMNS:
        metric = HEADLINE_METRICS[score]
        row = metrics[metrics["metric"] == metric]
        if len(row) and pd.notna(row["value"].iloc[0]) and int(row["n"].iloc[0]) > 0:
            r = row.iloc[0]
            described = _described(r)
            found.append(
                ScoreFact(
                    score,
                    metric,
                    r["value"],
                    r["ci_low"],
                    r["ci_high"],
                    int(r["n"]),
                    headline_meaning(score, scales),
                    unit_noun(described),
                    described,
                )
            )
    return found


def _described(row: pd.Series) -> str:
    """A tidy table row's ``unit_of_analysis`` ('60 responses, 30 respondents'), or ""."""
    described = row.get("unit_of_analysis")
    return described if isinstance(described, str) else ""


@dataclass
class OutcomeFact:
    """A declared outcome over all units: a binary one's share true, else its mean, with its
    range (the `outcome_metrics` table)."""

    outcome: str
    value: float
    low: float
    high: float
    n: int
    binary: bool
    higher_is_better: bool = True
    display_unit: str = ""
    units: str = "customers"
    described: str = ""  # unit_of_analysis: '60 responses, 30 respondents'

    def shown(self) -> str:
        """`74 %`, or `5.2 hours`."""
        if self.binary:
            return percent(self.value)
        return f"{number(self.value)} {self.display_unit}".strip()

    def range_text(self) -> str:
        """`71 to 77 %`, or `4.1 to 6.3 hours`."""
        if self.binary:
            return interval(self.low, self.high, 0, sign=False) + " %"
        return f"{interval(self.low, self.high, sign=False)} {self.display_unit}".strip()

    def meaning(self) -> str:
        """`share with recommended = true`, or `mean resolution_time`."""
        return f"share with {self.outcome} = true" if self.binary else f"mean {self.outcome}"

    def text(self) -> str:
        """`recommended 74 % (share with recommended = true; 95 % range 71 to 77 %, 1,100
        responses)`."""
        return (
            f"{self.outcome} {self.shown()} ({self.meaning()}; 95 % range {self.range_text()}, "
            f"{counted_units(self.n, self.units, self.described)})"
        )

    def card(self) -> Card:
        units = counted_units(self.n, self.units, self.described)
        detail = f"95 % range {self.range_text()} · {units} · {self.meaning()}"
        return Card(self.outcome.replace("_", " "), self.shown(), detail)


def outcome_facts(metrics: pd.DataFrame | None) -> list[OutcomeFact]:
    """The declared outcomes as the summary heads them, from the `outcome_metrics` table."""
    if metrics is None:
        return []
    return [
        OutcomeFact(
            outcome=str(row["outcome"]),
            value=float(row["value"]),
            low=float(row["ci_low"]),
            high=float(row["ci_high"]),
            n=int(row["n"]),
            binary=row["ci_method"] == "Wilson",
            higher_is_better=bool(row["higher_is_better"]),
            display_unit="" if pd.isna(row["display_unit"]) else str(row["display_unit"]),
            units=unit_noun(row.get("unit_of_analysis")),
            described=_described(row),
        )
        for _, row in metrics.iterrows()
        if int(row["n"]) > 0
    ]


def costliest_themes(
    impact: pd.DataFrame,
    quotes: pd.DataFrame | None,
    score: str,
    similar: Similar,
) -> list[ThemeFact]:
    """The COSTLIEST themes that clearly make `score` worse (`report.clear`: enough units, a
    range on the bad side of 0, clear after testing every theme), costliest first, each theme
    close to a costlier one named beside it instead of listed."""
    ranked = impact[clear_effects(impact) & costs(impact)]
    ranked = ranked.sort_values("impact", ascending=lower_is_worse(impact), kind="stable")
    ranked, folded = fold_close(ranked, similar, COSTLIEST)
    return [
        ThemeFact(
            label=str(row["theme_label"]),
            impact=float(row["impact"]),
            low=float(row["impact_ci_low"]),
            high=float(row["impact_ci_high"]),
            units=int(row["units"]),
            share=float(row["share_of_units"]) * 100,
            score=score,
            quote=first_quote(quotes, row["theme"], prefer="detractor"),
            unit_word=unit_noun(row.get("unit_of_analysis")),
            similar=folded.get(str(row["theme"]), []),
            theme=str(row["theme"]),
        )
        for _, row in ranked.iterrows()
    ]


def fold_close(
    ranked: pd.DataFrame, similar: Similar, keep: int
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """The first `keep` themes of a ranking that repeat no earlier one, and for each of them
    (id as text) the labels of the later themes folded into it."""
    repeats = fold_repeats(ranked["theme"], similar)
    folded: dict[str, list[str]] = {}
    for theme, label in zip(ranked["theme"].astype(str), ranked["theme_label"], strict=True):
        if repeats[theme] is not None:
            folded.setdefault(repeats[theme], []).append(str(label))
    return ranked[[repeats[str(t)] is None for t in ranked["theme"]]].head(keep), folded


def first_quote(
    quotes: pd.DataFrame | None,
    theme: object,
    prefer: str,
    prefer_ids: frozenset[str] = frozenset(),
) -> Quote | None:
    """The best quote of a theme, from the `prefer` group when it has one, else from the
    comments in `prefer_ids` when one of them is quoted (the negative ones of text-only data)."""
    if quotes is None or not len(quotes):
        return None
    mine = quotes[quotes["theme"].astype(str) == str(theme)]
    if "cell" in mine:
        mine = mine[mine["cell"].isna()]
    if not len(mine):
        return None
    preferred = (mine["group"] == prefer) | mine["response_id"].astype(str).isin(prefer_ids)
    ordered = mine.assign(first=~preferred).sort_values(["first", "rank"])
    row = ordered.iloc[0]
    return Quote.from_row(row)


def score_card(fact: ScoreFact) -> Card:
    name = SCORE_NAMES[fact.score]
    if fact.metric == "nps":
        value, rng = signed(fact.value, 0), interval(fact.low, fact.high, 0)
        tone = "bad" if fact.value < 0 else "good"
    else:
        value, rng = percent(fact.value), interval(fact.low, fact.high, 0, sign=False) + " %"
        tone = "bad" if fact.value < 50 else "good"
    detail = f"95 % range {rng} · {fact.counted()} · {fact.meaning}"
    return Card(name, value, detail, tone)


def theme_card(theme: ThemeFact) -> Card:
    detail = f"{theme.cost()} · {percent(theme.share)} of {theme.unit_word}"
    detail += theme.close_themes(" · ") + (f" · {theme.note}" if theme.note else "")
    return Card(theme.label, signed(theme.impact, theme.digits), detail, "bad", theme.quote)
