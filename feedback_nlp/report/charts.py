"""The report's charts, built with Plotly's Python API from the insight tables.

Each function returns a plotly ``Figure`` (or None when its table is empty). Every string that
comes from the data (theme labels, touchpoints, channels) is HTML-escaped before it enters a
figure, because plotly.js renders a subset of HTML tags in labels and hover text.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from feedback_nlp.insights.core import commented
from feedback_nlp.report.impact_words import on_mean
from feedback_nlp.report.plain import (
    counted_units,
    interval,
    language_name,
    percent,
    signed,
    units_of,
)

#: Colours: red for bad, blue for good, and a shape for each (`interval_chart`), so colour is
#: not the only sign. NEUTRAL marks an unclear effect: 3.3:1 on white, the contrast WCAG asks
#: of graphics (until stop 49 the dots of unclear effects were drawn in #cbd2d9, 1.5:1).
BAD, GOOD, NEUTRAL = "#c0392b", "#2a7ab0", "#858f9b"
SENTIMENT_COLOURS = {"negative": BAD, "neutral": NEUTRAL, "positive": GOOD}
EMOTION_COLOURS = {
    "anger": "#c0392b",
    "disgust": "#8e5b3a",
    "fear": "#7d3c98",
    "sadness": "#34495e",
    "surprise": "#f39c12",
    "joy": "#27ae60",
    "anticipation": "#16a085",
    "trust": "#2a7ab0",
    "neutral": NEUTRAL,
}
#: At most this many rows (themes, languages) in one chart; the tables keep the rest.
MAX_ROWS = 20
MAX_HEATMAP_THEMES = 15


def esc(value: object) -> str:
    """A data value as text that plotly.js shows literally (no markup): `<`, `>` and `&`
    escaped, so no tag can form; quotes left as they are (plotly.js showed `&quot;` as
    written in axis labels)."""
    return html.escape("" if value is None else str(value), quote=False)


def figure(data: list, height: int, **layout: object) -> object:
    """A plotly Figure in the report's style (fonts, margins, legend on top, no template)."""
    import plotly.graph_objects as go

    base = {
        "template": "none",
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 30, "b": 40},
        "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"align": "left"},
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
    }
    figure = go.Figure(data=data, layout={**base, **layout})
    figure.update_yaxes(automargin=True)
    figure.update_xaxes(automargin=True, gridcolor="#e4e7eb", zerolinecolor="#7b8794")
    return figure


def volume_chart(table: pd.DataFrame) -> object | None:
    """Comments per channel, stacked by language (or per language when there is no channel);
    a score-only row (`insights.core.commented`) is no comment and in no language."""
    import plotly.graph_objects as go

    if "lang" not in table.columns:
        return None
    table = table[commented(table)]
    if not len(table):
        return None
    langs = table["lang"].fillna("und").astype(str)
    top = langs.value_counts().index[:8]
    langs = langs.where(langs.isin(top), "other")
    rows = table["channel"].fillna("unknown").astype(str) if "channel" in table else None
    if rows is None:
        rows = pd.Series("all comments", index=table.index)
    counts = pd.crosstab(rows, langs)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    order = [c for c in [*top, "other"] if c in counts.columns]
    bars = [
        go.Bar(
            y=[esc(v) for v in counts.index],
            x=counts[lang].tolist(),
            name=esc(language_name(lang) if lang != "other" else "other languages"),
            orientation="h",
            hovertemplate="%{y}: %{x} comments<extra>%{fullData.name}</extra>",
        )
        for lang in order
    ]
    return figure(
        bars,
        height=120 + 36 * len(counts),
        barmode="stack",
        xaxis={"title": {"text": "comments"}},
    )


def enough_first(frame: pd.DataFrame, value: str, ascending: bool = True) -> pd.DataFrame:
    """Rows with enough units by `value`, then those marked `small_n`: a theme of one comment
    with a wide range is not what a chart shows first."""
    if "small_n" not in frame:
        return frame.sort_values(value, ascending=ascending, kind="stable")
    small = frame["small_n"].fillna(False).astype(bool).rename("_small")
    ordered = frame.assign(_small=small).sort_values(
        ["_small", value], ascending=[True, ascending], kind="stable"
    )
    return ordered.drop(columns="_small")


#: Ticks of a log-scale axis (odds ratios), where they fall in its range.
LOG_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
#: Months ("2026-07") as categories: a date axis put ticks at "Jul 5 … Aug 30", and
#: September's point at "Aug 30".


def interval_chart(
    frame: pd.DataFrame,
    *,
    label: str,
    value: str,
    low: str,
    high: str,
    x_title: str,
    hover: pd.Series | None = None,
    log_x: bool = False,
    reference: float = 0.0,
    bad_when_low: bool = True,
    clear: pd.Series | None = None,
) -> object | None:
    """Dots with 95 % intervals, one row per label, in the frame's order (first at the top).

    Red: the whole range is on the bad side of `reference`; blue: on the good side; grey: the
    range crosses it, or too few customers (`small_n`), or, where `clear` is given (a theme
    table's `report.clear.clear_effects`), the effect is not clear.

    `hover`: one already-escaped text per row (plotly's ``<br>`` allowed).
    """
    import plotly.graph_objects as go

    frame = frame.dropna(subset=[value]).head(MAX_ROWS)
    if not len(frame):
        return None
    values = frame[value].astype(float)
    below = frame[high].astype(float) < reference
    above = frame[low].astype(float) > reference
    colours = np.where(below, BAD if bad_when_low else GOOD, NEUTRAL)
    colours = np.where(above, GOOD if bad_when_low else BAD, colours)
    if "small_n" in frame:
        colours = np.where(frame["small_n"].fillna(False).astype(bool), NEUTRAL, colours)
    if clear is not None:
        colours = np.where(clear.reindex(frame.index).fillna(False).astype(bool), colours, NEUTRAL)
    # not by colour alone: a cost points down, a gain up, an unclear effect is an open circle
    symbols = np.where(colours == BAD, "triangle-down", "triangle-up")
    symbols = np.where(colours == NEUTRAL, "circle-open", symbols)
    error = {
        "type": "data",
        "symmetric": False,
        "array": (frame[high].astype(float) - values).clip(lower=0).tolist(),
        "arrayminus": (values - frame[low].astype(float)).clip(lower=0).tolist(),
        "color": "#52606d",
        "thickness": 1.5,
        "width": 4,
    }
    labels = [esc(v) for v in frame[label]]
    text = (
        hover.reindex(frame.index).tolist()
        if hover is not None
        else [esc(signed(v)) for v in frame[value]]
    )
    dots = go.Scatter(
        x=values.tolist(),
        y=labels,
        mode="markers",
        marker={"size": 11, "color": colours.tolist(), "symbol": symbols.tolist()},
        error_x=error,
        text=text,
        hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
        showlegend=False,
    )
    axis: dict[str, object] = {"title": {"text": x_title}}
    if log_x:  # named ticks: plotly's own read "4 5 6 7 8 9 0.1 2 3" on odds ratios
        axis.update(type="log", tickmode="array", tickvals=LOG_TICKS)
        axis["ticktext"] = [f"{tick:g}" for tick in LOG_TICKS]
    return figure(
        [dots],
        height=90 + 28 * len(frame),
        xaxis=axis,
        yaxis={"autorange": "reversed", "type": "category"},
        shapes=[
            {
                "type": "line",
                "x0": reference,
                "x1": reference,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": "#7b8794", "dash": "dot"},
            }
        ],
    )


def impact_hover(frame: pd.DataFrame, measure: str) -> pd.Series:
    """Hover text of an impact row (escaped): impact on `measure` (`report.impact_words.
    measured`: NPS points, or on a mean), range, units, bad-score share."""
    units = units_of(frame)
    on = f"on the {measure}" if on_mean(measure) else f"{measure} points"
    digits = 2 if on_mean(measure) else 1  # a mean moves by hundredths

    def tip(row: pd.Series) -> str:
        parts = [
            f"impact {signed(row['impact'], digits)} {on} "
            f"(95 % range {interval(row['impact_ci_low'], row['impact_ci_high'], digits)})",
            f"{counted_units(int(row['units']), units)}, {percent(row.get('event_rate'))} "
            "with a bad score",
        ]
        if bool(row.get("small_n", False)):
            parts.append(f"too few {units} to rank")
        return "<br>".join(esc(p) for p in parts)

    return frame.apply(tip, axis=1)


def mix_chart(table: pd.DataFrame, column: str, by: str = "touchpoint") -> object | None:
    """100 % stacked bars: the share of each `column` value (sentiment, emotion) per `by`."""
    import plotly.graph_objects as go

    if column not in table or by not in table or not table[by].notna().any():
        return None
    values = table[column].astype("string")
    if column == "emotion":
        values = values.str.split("|", regex=False).str[0]
    shares = pd.crosstab(table[by].fillna("unknown"), values.fillna("unknown"), normalize="index")
    counts = table[by].fillna("unknown").value_counts()
    ranked = list(counts.index)
    if f"{by}_order" in table:  # journey order, as the mapping declared it
        from feedback_nlp.insights.impact import row_order

        order = row_order(table, by)
        ranked.sort(key=lambda v: order.get(str(v), len(order) + 1))
    shares = shares.loc[ranked[::-1]] * 100
    colours = SENTIMENT_COLOURS if column == "sentiment" else EMOTION_COLOURS
    order = [c for c in colours if c in shares.columns] + [
        c for c in shares.columns if c not in colours
    ]
    bars = [
        go.Bar(
            y=[esc(v) for v in shares.index],
            x=shares[name].round(1).tolist(),
            name=esc(name),
            orientation="h",
            marker={"color": colours.get(name, NEUTRAL)},
            hovertemplate="%{y}: %{x:.0f} %<extra>%{fullData.name}</extra>",
        )
        for name in order
    ]
    return figure(
        bars,
        height=130 + 30 * len(shares),
        barmode="stack",
        xaxis={"title": {"text": "% of comments"}, "range": [0, 100]},
    )
