"""One report section per declared outcome (churn, FCR, resolution time, contacts…).

Each section says what the outcome is and what it counts (the unit of analysis), then the
themes that go with the bad side (difference with its 95 % range, the kind's effect: odds
ratio, ratio of geometric means or rate ratio, with FDR-adjusted q-values), the key drivers and
the touchpoint × theme heatmap of that outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from feedback_nlp.insights.explain import NEGATIVE_SENTIMENT
from feedback_nlp.report import charts
from feedback_nlp.report.clear import clear_effects
from feedback_nlp.report.document import Paragraph, Section, Table
from feedback_nlp.report.driver_words import change_hover, drivers_caption, odds_hover
from feedback_nlp.report.heatmap import heatmap_chart
from feedback_nlp.report.outcome_summary import is_binary, low_is_bad
from feedback_nlp.report.plain import (
    count,
    counted,
    interval,
    not_comments,
    number,
    percent,
    signed,
    unit_noun,
)
from feedback_nlp.report.sections import chart, declared_outcomes
from feedback_nlp.scores import SMALL_N


def outcome_sections(tables: dict[str, pd.DataFrame]) -> list[Section]:
    """A section per declared outcome."""
    return [_section(name, tables) for name in declared_outcomes(tables)]


def _section(name: str, tables: dict[str, pd.DataFrame]) -> Section:
    impact = tables[f"theme_impact_{name}"]
    words = outcome_words(name)
    section = Section(f"outcome-{name}", words.title)
    units = unit_noun(impact["unit_of_analysis"].iloc[0] if len(impact) else "")
    section.add(Paragraph(_intro(name, impact, units)))
    if not len(impact):
        return section
    ranked = impact.sort_values(["small_n", "rank"], kind="stable")
    scale = _scale_words(impact)
    bad_low = low_is_bad(impact)
    figure = charts.interval_chart(
        charts.enough_first(impact, "difference", ascending=bad_low),
        label="theme_label",
        value="difference",
        low="difference_ci_low",
        high="difference_ci_high",
        x_title=f"{words.measure} with the theme minus without{_in(scale)}",
        bad_when_low=bad_low,
        clear=clear_effects(impact, "difference_ci_low", "difference_ci_high", bad_low),
    )
    section.add(
        chart(
            f"outcome_{name}",
            figure,
            f"Themes by their difference in {words.measure}{_in(scale)}, 95 % ranges; red: clearly "
            f"worse; themes of fewer than {SMALL_N} {units} (grey) after the others.",
        )
    )
    caption = f"Every theme and {words.measure}; counts are {units}{not_comments(units)}."
    section.add(Table(_impact_table(ranked, units), caption))
    drivers = tables.get(f"drivers_{name}")
    if drivers is not None and len(drivers):
        fit = tables.get(f"drivers_{name}_fit")
        fitted_on = int(fit["units"].iloc[0]) if fit is not None and len(fit) else None
        section.add(_drivers(drivers, name, f"{scale}", units, fitted_on, bad_low))
    cells = tables.get(f"pain_points_touchpoint_{name}")
    if cells is not None and len(cells):
        measure = f"{words.measure}, {scale}"
        figure = heatmap_chart(
            cells, "touchpoint", name, measure=measure, units=units, bad_when_low=bad_low
        )
        caption = (
            f"Touchpoint × theme: impact on {words.measure} ({measure}). Blank: too few {units}."
        )
        section.add(chart(f"heatmap_touchpoint_{name}", figure, caption))
    return section


@dataclass(frozen=True)
class OutcomeWords:
    """How the report writes an outcome: its section title, the measure in sentences and
    axes, its bad event, and what a binary outcome's units are said to have."""

    title: str
    measure: str
    event: str
    binary_level: str


#: The outcome of feedback with no score (`insights.explain.NEGATIVE_SENTIMENT`).
NEGATIVE_WORDS = OutcomeWords(
    title="What the negative comments raise",
    measure="the share of negative comments",
    event="a negative comment",
    binary_level="are read as negative by the sentiment model (these data carry no score: the "
    "themes are weighed by their negative comments; the sentiment of the whole comment, the "
    "themes table's 'Negative comments', not that of the part raising the theme, its "
    "'Negative mentions')",
)


def outcome_words(name: str, bad_low: bool = False) -> OutcomeWords:
    """How the report writes the outcome `name` (`bad_low`: false is a binary one's bad side)."""
    if name == NEGATIVE_SENTIMENT.name:
        return NEGATIVE_WORDS
    return OutcomeWords(
        title=f"Outcome: {name.replace('_', ' ')}",
        measure=name,
        event=f"{name} = {'false' if bad_low else 'true'}",
        binary_level=f"have {name} = true",
    )


def _scale_words(impact: pd.DataFrame) -> str:
    if is_binary(impact):
        return "percentage points"
    if impact["effect_name"].iloc[0] == "rate ratio":
        return "count"
    unit = impact["display_unit"].dropna()
    return str(unit.iloc[0]) if len(unit) and unit.iloc[0] else ""


def _in(scale: str) -> str:
    """ " (hours)" after a measure, nothing for a plain number."""
    return f" ({scale})" if scale else ""


def _intro(name: str, impact: pd.DataFrame, units: str) -> str:
    if not len(impact):
        return f"{name}: no theme has {units} with this outcome."
    overall = impact["metric_all"].iloc[0]
    if is_binary(impact):
        level = f"{percent(overall)} of {units} {outcome_words(name).binary_level}"
    else:
        scale = _scale_words(impact)
        level = f"the mean is {number(overall)}" + (
            f" {scale}" if scale not in ("count", "") else ""
        )
    tests = impact["test"].dropna().value_counts()
    used = (
        "; ".join(f"{test} for {counted(n, 'theme')}" for test, n in tests.items())
        if len(tests) > 1
        else "".join(tests.index)
    )
    return (
        f"Counts are {units} ({impact['unit_of_analysis'].iloc[0]}), each counted once; a theme "
        f"counts for one when any of its comments has it. Overall {level}. Each theme compares "
        f"the {units} with it "
        f"against the rest; q-values correct for testing every theme (Benjamini–Hochberg). "
        f"Test: {used}."
    )


def _impact_table(ranked: pd.DataFrame, units: str) -> pd.DataFrame:
    small = ranked["small_n"].fillna(False).astype(bool)
    clear = clear_effects(
        ranked, "difference_ci_low", "difference_ci_high", bad_when_low=low_is_bad(ranked)
    )
    frame = pd.DataFrame(
        {
            "Theme": ranked["theme_label"].astype(str),
            units.capitalize(): ranked["units"].map(count),
            "With the theme": ranked["value_with"].map(number),
            "Without": ranked["value_without"].map(number),
            "Difference": ranked["difference"].map(signed),
            "95 % range": _ranges(ranked, "difference"),
        }
    )
    if ranked["median_with"].notna().any():
        frame["Median with"] = ranked["median_with"].map(number)
        frame["Median without"] = ranked["median_without"].map(number)
    effect = (
        str(ranked["effect_name"].dropna().iloc[0]) if ranked["effect_name"].notna().any() else ""
    )
    if effect:
        frame[effect.capitalize()] = ranked["effect"].map(lambda v: number(v, 2))
        frame[f"{effect} range"] = _ranges(ranked, "effect", digits=2, sign=False)
    frame["q-value"] = ranked["q_value"].map(lambda v: number(v, 3))
    frame["Clear effect?"] = [
        "too few" if s else ("yes" if c else "no") for s, c in zip(small, clear, strict=True)
    ]
    return frame


def _ranges(frame: pd.DataFrame, column: str, digits: int = 1, sign: bool = True) -> list[str]:
    lows, highs = frame[f"{column}_ci_low"], frame[f"{column}_ci_high"]
    return [interval(lo, hi, digits, sign=sign) for lo, hi in zip(lows, highs, strict=True)]


def _drivers(
    drivers: pd.DataFrame,
    name: str,
    scale: str,
    units: str,
    fitted_on: int | None,
    bad_low: bool,
) -> object:
    label = drivers["label"].fillna(drivers["driver"]) if "label" in drivers else drivers["driver"]
    ranked = drivers.assign(shown=label.astype(str))
    measure = outcome_words(name).measure
    if "odds_ratio" in ranked and ranked["odds_ratio"].notna().any():
        ranked = ranked.dropna(subset=["odds_ratio"]).sort_values("odds_ratio", ascending=False)
        event = outcome_words(name, bad_low).event
        figure = charts.interval_chart(
            ranked,
            label="shown",
            value="odds_ratio",
            low="or_ci_low",
            high="or_ci_high",
            x_title=f"odds ratio of {event} (log scale)",
            hover=odds_hover(ranked, event),
            log_x=True,
            reference=1.0,
            bad_when_low=False,
        )
        caption = drivers_caption(event, "odds ratio", units, "1", measure)
    else:
        ranked = ranked.dropna(subset=["coef"]).sort_values("coef", ascending=False)
        figure = charts.interval_chart(
            ranked,
            label="shown",
            value="coef",
            low="coef_ci_low",
            high="coef_ci_high",
            x_title=f"change in {measure}{_in(scale)}",
            hover=change_hover(ranked, measure),
            bad_when_low=bad_low,
        )
        event = f"a {'lower' if bad_low else 'higher'} {measure}"
        caption = drivers_caption(event, "change in the mean", units, "0", measure)
    if fitted_on is not None:
        caption += f" Model fitted on {count(fitted_on)} {units}."
    return chart(f"drivers_{name}", figure, caption)
