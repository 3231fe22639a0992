"""The report's sections that are charts with a caption: who wrote and where (volume), where
it hurts (pain-point heatmaps), how customers feel (sentiment and emotion mix); and `chart`,
the Chart block of a plotly figure, which the other sections use too."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights.core import commented
from feedback_nlp.report import charts
from feedback_nlp.report.clear import lower_is_worse
from feedback_nlp.report.document import Chart, Paragraph, Section, Table
from feedback_nlp.report.heatmap import heatmap_chart
from feedback_nlp.report.impact_words import (
    heatmap_measure,
)
from feedback_nlp.report.plain import (
    count,
    counted,
    language_name,
    units_of,
)


def chart(key: str, figure: object | None, caption: str = "") -> Chart | None:
    """A Chart block from a plotly figure (None when there is no figure)."""
    if figure is None:
        return None
    return Chart(key, figure.to_plotly_json(), caption)  # type: ignore[attr-defined]


def volume_section(table: pd.DataFrame) -> Section:
    """Comments by channel and language (by language alone without a channel column), of the
    rows with a comment: a score-only row is in no language (`insights.core.commented`)."""
    said = commented(table)
    section = Section("volume", "Who wrote, and where")
    caption = (
        "Comments per channel, by language."
        if "channel" in table
        else "All comments, by language (the feedback has no channel column)."
    )
    if unsaid := int((~said).sum()):
        missing = f"{counted(unsaid, 'response')} without a comment"
        caption += f' Not counted: {missing} (blank, or a non-answer such as "-").'
    section.add(chart("volume", charts.volume_chart(table), caption))
    table = table[said]
    if "channel" in table and "lang" in table and len(table):
        counts = pd.crosstab(table["channel"].fillna("unknown"), table["lang"].fillna("und"))
        counts = counts[counts.sum().sort_values(ascending=False).index]
        counts.columns = [language_name(c) for c in counts.columns]
        counts.insert(0, "All languages", counts.sum(axis=1))
        counts = counts.sort_values("All languages", ascending=False)
        frame = counts.map(count).rename_axis("Channel").reset_index()
        section.add(Table(frame, "The numbers behind the chart."))
    return section


def pain_points_section(tables: dict[str, pd.DataFrame], score: str | None) -> Section | None:
    """Touchpoint × theme and journey stage × theme heatmaps."""
    section = Section("pain-points", "Where it hurts")
    for rows, words in (("touchpoint", "touchpoint"), ("journey_stage", "journey stage")):
        cells = tables.get(f"pain_points_{rows}")
        if cells is None or not len(cells):
            continue
        units = units_of(cells)
        if "small_n" in cells and cells["small_n"].fillna(False).astype(bool).all():
            section.add(
                Paragraph(
                    f"Every {words} × theme cell has too few {units} to show: no heatmap (the "
                    f"cells are on the sheet pain_points_{rows} of the workbook).",
                    note=True,
                )
            )
            continue
        figure = heatmap_chart(cells, rows, score, units=units, bad_when_low=lower_is_worse(cells))
        weighed = figure is not None and "impact" in cells and cells["impact"].notna().any()
        how = heatmap_measure(cells, score) if weighed else "% of negative comments"
        section.add(
            chart(
                f"heatmap_{rows}",
                figure,
                f"Each {words} × theme cell: {how}. Blank cells have too few {units}.",
            )
        )
    return section if section.blocks else None


def mix_section(table: pd.DataFrame) -> Section | None:
    """Sentiment and emotion mix by touchpoint (or by channel when there is no touchpoint), of
    the rows with a comment (a score-only row is no neutral comment)."""
    table = table[commented(table)]
    by = "touchpoint" if "touchpoint" in table and table["touchpoint"].notna().any() else "channel"
    section = Section("mix", "How customers feel")
    for column, words in (("sentiment", "Sentiment"), ("emotion", "Main emotion")):
        figure = charts.mix_chart(table, column, by)
        section.add(chart(f"{column}_mix", figure, f"{words} of the comments at each {by} (%)."))
    return section if section.blocks else None
