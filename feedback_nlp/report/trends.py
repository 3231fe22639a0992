"""The "Over time" section: the main score per period (month, week or quarter) and the themes
that grew."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report import trend_charts
from feedback_nlp.report.clear import lower_is_worse
from feedback_nlp.report.cuts import period_word
from feedback_nlp.report.document import Paragraph, Section
from feedback_nlp.report.plain import SCORE_NAMES, units_of
from feedback_nlp.report.sections import chart


def trends_section(
    tables: dict[str, pd.DataFrame],
    score: str | None,
    facts_grew: list[str],
    period: str | None = None,
) -> Section | None:
    """The main score and the themes' shares per `period` (M, W or Q; None: month);
    significant growth marked."""
    word = period_word(period)
    section = Section("trends", "Over time")
    segments = tables.get("segments")
    if score and segments is not None:
        metric = "nps" if score == "nps" else f"{score}_satisfied_share"
        if score == "ces":
            metric = "ces_low_effort_share"
        periods = segments[(segments["dimension"] == "period") & (segments["metric"] == metric)]
        name = SCORE_NAMES[score]
        figure = trend_charts.score_trend_chart(
            periods, metric, name if score == "nps" else f"% {name}", word
        )
        caption = f"{name} per {word} with its 95 % range.{_few_note(figure, word, tested=False)}"
        section.add(chart("score_trend", figure, caption))
    trends = tables.get("theme_trends")
    if trends is not None and len(trends):
        themes = _trend_themes(tables, trends, score)
        figure = trend_charts.theme_share_chart(trends, themes, word)
        section.add(
            chart(
                "theme_trends",
                figure,
                f"Share of each {word}'s {units_of(trends)} who mention the theme; a star marks "
                f"a significant rise above the {word}s before."
                f"{_few_note(figure, word, tested=True)}",
            )
        )
        for line in facts_grew:
            section.add(Paragraph(line))
    return section if section.blocks else None


def _few_note(figure: object | None, word: str, *, tested: bool) -> str:
    """A caption's sentence on the periods (`word`: month, week, quarter) drawn apart as too
    small to compare, if any."""
    names = [trace.name for trace in getattr(figure, "data", ())]
    if trend_charts.FEW_UNITS not in names:
        return ""
    growth = " and not tested for growth" if tested else ""
    return (
        f" Hollow grey points: {word}s with too few answers to compare (fewer than the "
        f"small-group floor), left off the line{growth}."
    )


def _trend_themes(
    tables: dict[str, pd.DataFrame], trends: pd.DataFrame, score: str | None
) -> list[str]:
    grown = trends.loc[trends["grew_significantly"].fillna(False).astype(bool), "theme_label"]
    chosen = list(dict.fromkeys(grown.astype(str)))
    impact = tables.get(f"theme_impact_{score}") if score else None
    if impact is not None and len(impact):
        costly = impact[~impact["small_n"].fillna(False).astype(bool)]
        costly = costly.sort_values("impact", ascending=lower_is_worse(impact), kind="stable")
        candidates = costly["theme_label"].astype(str)
    else:
        candidates = trends.groupby("theme_label")["units"].sum().sort_values(ascending=False)
        candidates = candidates.index.astype(str)
    for label in candidates:
        if len(chosen) >= trend_charts.MAX_TREND_THEMES:
            break
        if label not in chosen:
            chosen.append(label)
    return chosen[: trend_charts.MAX_TREND_THEMES]
