"""The report's sections after the summary, in the order people read them: the themes section
here, the chart-led ones (volume, pain points, mix) in `report.chart_sections`.

Each builder takes the tagged table and/or explain tables and returns a Section of plain-word
blocks. Technical tables go to the workbook, not here.
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights.explain import NEGATIVE_IMPACT
from feedback_nlp.report import charts
from feedback_nlp.report.chart_sections import (
    chart,
    mix_section,
    pain_points_section,
    volume_section,
)
from feedback_nlp.report.clear import clear_effects, lower_is_worse
from feedback_nlp.report.document import Chart, Paragraph, Section, Table
from feedback_nlp.report.driver_words import drivers_caption, odds_hover
from feedback_nlp.report.impact_words import (
    impact_axis,
    impact_meaning,
    measured,
    on_mean,
)
from feedback_nlp.report.plain import (
    SCORE_NAMES,
    count,
    interval,
    not_comments,
    number,
    percent,
    signed,
    units_of,
)
from feedback_nlp.report.theme_negative import (
    add_negative_columns,
    negative_comments_of,
    negative_meanings,
)
from feedback_nlp.score_scales import ScoreScales

__all__ = ["chart", "declared_outcomes", "mix_section", "pain_points_section", "themes_section",
           "volume_section"]  # fmt: skip


def themes_section(
    tables: dict[str, pd.DataFrame],
    themes: pd.DataFrame | None,
    score: str | None,
    scales: ScoreScales | None = None,
) -> Section:
    """Themes and categories with their impact on the main score, and the key drivers; a
    CSAT or CES impact is on its mean, on the scale of `scales` when given."""
    impact = tables.get(f"theme_impact_{score}") if score else None
    if impact is None or not len(impact):
        section = Section("themes", "Themes")
        section.add(Paragraph(_unweighed(tables)))
        if themes is not None and len(themes):
            sizes = _theme_sizes(themes, negative_comments_of(tables))
            caption = (
                "Themes found, largest first; a comment raising several themes counts in each."
            )
            section.add(Table(sizes, caption + negative_meanings(sizes)))
        return section
    section = Section("themes", "Themes and what they cost")
    name = SCORE_NAMES[score]  # type: ignore[index]
    units, measure = units_of(impact), measured(impact, score, scales)  # type: ignore[arg-type]
    low_bad = lower_is_worse(impact)
    section.add(
        Paragraph(impact_meaning(impact, measure, units, low_bad))
        if "unit_of_analysis" in impact
        else None
    )
    ranked = impact.sort_values("impact", ascending=low_bad, kind="stable")
    charted = charts.enough_first(impact, "impact", ascending=low_bad)
    figure = charts.interval_chart(
        charted,
        label="theme_label",
        value="impact",
        low="impact_ci_low",
        high="impact_ci_high",
        x_title=impact_axis(measure),
        hover=charts.impact_hover(charted, measure),
        bad_when_low=low_bad,
        clear=clear_effects(charted),
    )
    caption = f"Themes by impact on {name}, costliest first; themes of too few {units} after."
    section.add(chart("theme_impact", figure, caption))
    frame = _impact_table(ranked, themes, name, units, negative_comments_of(tables), measure)
    section.add(
        Table(
            frame,
            f"The numbers behind the chart: every theme and its impact on {name}. It counts "
            + (
                f"{units}."
                if not not_comments(units)
                else f"{units}, not comments: one with several comments on a theme counts "
                "once, so these counts are at most the theme's comment counts elsewhere in "
                "the report."
            )
            + negative_meanings(frame),
            collapsed=True,
        )
    )
    categories = tables.get(f"category_impact_{score}")
    if categories is not None and len(categories):
        ranked = charts.enough_first(categories, "impact", ascending=low_bad)
        figure = charts.interval_chart(
            ranked,
            label="theme_label",
            value="impact",
            low="impact_ci_low",
            high="impact_ci_high",
            x_title=impact_axis(measure),
            hover=charts.impact_hover(ranked, measure),
            bad_when_low=low_bad,
        )
        section.add(chart("category_impact", figure, f"Categories by impact on {name}."))
    drivers = tables.get(f"drivers_{score}")
    if drivers is not None and len(drivers):
        section.add(_drivers_chart(drivers, tables.get(f"drivers_{score}_fit"), name, units))
    return section


def _unweighed(tables: dict[str, pd.DataFrame]) -> str:
    """Why the themes are listed by size, and where they are weighed if anywhere."""
    if NEGATIVE_IMPACT in tables:
        return (
            "No scores to weigh the themes by: themes by size here, and by the comments the "
            "sentiment model reads as negative in 'What the negative comments raise' below."
        )
    outcomes = declared_outcomes(tables)
    if outcomes:
        named = ", ".join(f"'{name}'" for name in outcomes)
        return (
            "No NPS, CSAT or CES to weigh the themes by: themes by size here, and by the "
            f"declared outcome{'s' * (len(outcomes) > 1)} {named} in the sections below."
        )
    return "No scores to weigh the themes by: themes by size only."


def declared_outcomes(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Names of the outcomes with a per-kind impact table (declared ones), in table order."""
    return [
        name.removeprefix("theme_impact_")
        for name, frame in tables.items()
        if name.startswith("theme_impact_") and "effect_name" in frame.columns
    ]


def _theme_sizes(themes: pd.DataFrame, comments: dict[str, float] | None = None) -> pd.DataFrame:
    label = "label" if "label" in themes else "topic"
    by = "mentions" if "mentions" in themes and themes["mentions"].notna().any() else "size"
    shown = themes.sort_values(by, ascending=False) if by in themes else themes
    frame = pd.DataFrame({"Theme": shown[label].astype(str)})
    if "category" in shown:
        frame["Category"] = shown["category"].astype(str)
    if "mentions" in shown and shown["mentions"].notna().any():
        frame["Comments raising it"] = shown["mentions"].map(count)
    elif "size" in shown:
        frame["Comments"] = shown["size"].map(count)
    ids = shown["topic"].astype(str) if "topic" in shown else pd.Series(dtype="string")
    return add_negative_columns(
        frame.reset_index(drop=True),
        ids.reset_index(drop=True),
        _column_of(themes, "negative_share"),
        comments or {},
        at=len(frame.columns),
    )


def _impact_table(
    ranked: pd.DataFrame,
    themes: pd.DataFrame | None,
    name: str,
    units: str = "customers",
    comments: dict[str, float] | None = None,
    measure: str | None = None,
) -> pd.DataFrame:
    """The themes table's rows, in plain words; `comments`: theme id → % of its comments
    read as negative (`report.theme_negative`); `measure` what the impact is on (`measured`:
    'mean CSAT (1–5)'), `name` by default."""
    measure = measure or (name if name == SCORE_NAMES["nps"] else f"mean {name}")
    category = _categories_of(themes)
    small = ranked["small_n"].fillna(False).astype(bool)
    clear = clear_effects(ranked)
    digits = 1 if name == SCORE_NAMES["nps"] else 2  # a CSAT or CES mean moves by hundredths
    frame = pd.DataFrame(
        {
            "Theme": ranked["theme_label"].astype(str),
            "Category": ranked["theme"].astype(str).map(category).fillna(""),
            units.capitalize(): ranked["units"].map(count),
            f"Share of {units}": ranked["share_of_units"].mul(100).map(percent),
            # NPS is a difference of shares (+20); a CSAT or CES mean is a point on its scale
            f"{measure[0].upper()}{measure[1:]} of these {units}": ranked["metric_with"].map(
                signed if name == SCORE_NAMES["nps"] else number
            ),
            "Impact on the mean" if on_mean(measure) else "Impact (points)": ranked["impact"].map(
                lambda v: signed(v, digits)
            ),
            "95 % range": [
                interval(lo, hi, digits)
                for lo, hi in zip(ranked["impact_ci_low"], ranked["impact_ci_high"], strict=True)
            ],
            "× the average": ranked["lift"].map(lambda v: number(v, 2)),
            "Clear effect?": [
                "too few" if s else ("yes" if c else "no")
                for s, c in zip(small, clear, strict=True)
            ],
        }
    )
    ids = ranked["theme"].astype(str)
    frame = add_negative_columns(
        frame, ids, _column_of(themes, "negative_share"), comments or {}, 2
    )
    if not frame["Category"].str.len().any():
        frame = frame.drop(columns=["Category"])
    return frame


def _categories_of(themes: pd.DataFrame | None) -> dict[str, str]:
    return {k: str(v) for k, v in _column_of(themes, "category").items()}


def _column_of(themes: pd.DataFrame | None, column: str) -> dict[str, object]:
    """Theme id (as text) -> a column of the theme table ({} when it is missing)."""
    if themes is None or column not in themes or "topic" not in themes:
        return {}
    return dict(zip(themes["topic"].astype(str), themes[column], strict=True))


def _drivers_chart(
    drivers: pd.DataFrame, fit: pd.DataFrame | None, name: str, units: str = "customers"
) -> Chart | None:
    ranked = drivers.dropna(subset=["odds_ratio"]).sort_values("odds_ratio", ascending=False)
    label = ranked["label"].fillna(ranked["driver"]) if "label" in ranked else ranked["driver"]
    ranked = ranked.assign(shown=label.astype(str))
    figure = charts.interval_chart(
        ranked,
        label="shown",
        value="odds_ratio",
        low="or_ci_low",
        high="or_ci_high",
        x_title="odds ratio of a bad score (log scale)",
        log_x=True,
        reference=1.0,
        bad_when_low=False,
        hover=odds_hover(ranked, f"a bad {name}"),
    )
    caption = drivers_caption(f"a bad {name}", "odds ratio", units, "1")
    if fit is not None and len(fit):
        row = fit.iloc[0]
        caption += f" Model fitted on {count(row['units'])} {units}."
    return chart("drivers", figure, caption)
