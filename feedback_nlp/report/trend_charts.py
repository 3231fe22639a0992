"""Charts of the periods (months, weeks or quarters): a score per period with its range, and
chosen themes' shares per period."""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.report.charts import GOOD, esc, figure
from feedback_nlp.report.plain import units_of

#: Most themes drawn in one trend chart.
MAX_TREND_THEMES = 6
#: Months as categories: each month its own tick (a date axis put September at "Aug 30"),
#: in time order whichever trace names a month first (`period_axis` for weeks, quarters).
MONTH_AXIS = {"type": "category", "categoryorder": "category ascending", "title": {"text": "Month"}}


def period_axis(word: str = "month") -> dict:
    """`MONTH_AXIS` titled with the period's `word` (month, week, quarter)."""
    return {**MONTH_AXIS, "title": {"text": word.capitalize()}}


#: The legend entry of the months with too few units to compare (`comparable_periods`).
FEW_UNITS = "too few to compare"


def comparable_periods(rows: pd.DataFrame, flag: str) -> pd.Series:
    """True on the rows to draw as a line: those not marked small by column `flag` (a month
    of a few answers spilled over from a survey wave), or every row where fewer than two
    would be left (nothing to compare then, as before)."""
    small = rows[flag].fillna(False).astype(bool) if flag in rows else pd.Series(False, rows.index)
    periods = rows.loc[~small, "period" if "period" in rows else "segment"]
    return ~small if periods.nunique() >= 2 else pd.Series(True, index=rows.index)


def few_units_trace(few: pd.DataFrame, x: str, y: str, hover: str, data: str) -> object:
    """The periods left out of a line (rows of `few`), drawn as hollow grey points without a
    line; `hover` may name column `data` as ``%{customdata}``."""
    import plotly.graph_objects as go

    return go.Scatter(
        x=[esc(p) for p in few[x]],
        y=few[y].round(1).tolist(),
        mode="markers",
        marker={"symbol": "circle-open", "size": 8, "color": "#888888"},
        name=FEW_UNITS,
        customdata=[esc(str(d)) for d in few[data]],
        hovertemplate=f"{hover} ({FEW_UNITS})<extra></extra>",
    )


def score_trend_chart(
    periods: pd.DataFrame, metric: str, title: str, word: str = "month"
) -> object | None:
    """A score per period (`word`) with its 95 % band (`periods`: segment rows of one
    metric)."""
    import plotly.graph_objects as go

    periods = periods.dropna(subset=["value"]).sort_values("segment")
    if len(periods) < 2:
        return None
    keep = comparable_periods(periods, "small_n")
    few, periods = periods[~keep], periods[keep]
    x = [esc(p) for p in periods["segment"]]
    band = go.Scatter(
        x=x + x[::-1],
        y=periods["ci_high"].tolist() + periods["ci_low"].tolist()[::-1],
        fill="toself",
        mode="lines",
        fillcolor="rgba(42,122,176,0.15)",
        line={"width": 0},
        hoverinfo="skip",
        name="95 % range",
    )
    line = go.Scatter(
        x=x,
        y=periods["value"].tolist(),
        mode="lines+markers",
        line={"color": GOOD, "width": 2},
        name=esc(title),
        customdata=periods["n"].tolist(),
        hovertemplate="%{x}: %{y:.1f} (n = %{customdata})<extra></extra>",
    )
    traces = [band, line]
    if len(few):
        traces.append(
            few_units_trace(few, "segment", "value", "%{x}: %{y:.1f} (n = %{customdata})", "n")
        )
    return figure(
        traces, height=300, xaxis=period_axis(word), yaxis={"title": {"text": esc(title)}}
    )


def theme_share_chart(
    trends: pd.DataFrame, themes: list[str], word: str = "month"
) -> object | None:
    """Each chosen theme's share of the period's (`word`) units; significant growth starred."""
    import plotly.graph_objects as go

    units = units_of(trends)
    chosen = trends[trends["theme_label"].isin(themes)].sort_values("period")
    if chosen["period"].nunique() < 2:
        return None
    keep = comparable_periods(chosen, "small_period")
    few, chosen = chosen[~keep], chosen[keep]
    lines = []
    for theme in themes:
        rows = chosen[chosen["theme_label"] == theme]
        if not len(rows):
            continue
        grew = rows["grew_significantly"].fillna(False).astype(bool)
        lines.append(
            go.Scatter(
                x=[esc(p) for p in rows["period"]],
                y=rows["share"].round(1).tolist(),
                mode="lines+markers",
                name=esc(theme),
                marker={
                    "symbol": np.where(grew, "star", "circle").tolist(),
                    "size": np.where(grew, 16, 6).tolist(),
                },
                customdata=np.where(grew, "grew significantly", "").tolist(),
                hovertemplate=f"%{{x}}: %{{y:.0f}} % of {units} %{{customdata}}"
                "<extra>%{fullData.name}</extra>",
            )
        )
    if not lines:
        return None
    if len(few):
        hover = "%{customdata}, %{x}: %{y:.0f} %"
        lines.append(few_units_trace(few, "period", "share", hover, "theme_label"))
    return figure(
        lines,
        height=360,
        xaxis=period_axis(word),
        yaxis={"title": {"text": f"% of the {word}'s {units}"}, "rangemode": "tozero"},
    )
