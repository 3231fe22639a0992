"""Charts of the months: a score per month with its range, and chosen themes' monthly shares."""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.report.charts import GOOD, esc, figure
from feedback_nlp.report.plain import units_of

#: Most themes drawn in one trend chart.
MAX_TREND_THEMES = 6
#: Months as categories: each month its own tick (a date axis put September at "Aug 30").
MONTH_AXIS = {"type": "category", "title": {"text": "Month"}}


def score_trend_chart(periods: pd.DataFrame, metric: str, title: str) -> object | None:
    """A score per month with its 95 % band (`periods`: segment rows of one metric)."""
    import plotly.graph_objects as go

    periods = periods.dropna(subset=["value"]).sort_values("segment")
    if len(periods) < 2:
        return None
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
    return figure([band, line], height=300, xaxis=MONTH_AXIS, yaxis={"title": {"text": esc(title)}})


def theme_share_chart(trends: pd.DataFrame, themes: list[str]) -> object | None:
    """Each chosen theme's share of the month's units; significant growth starred."""
    import plotly.graph_objects as go

    units = units_of(trends)
    chosen = trends[trends["theme_label"].isin(themes)].sort_values("period")
    if chosen["period"].nunique() < 2:
        return None
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
    return figure(
        lines,
        height=360,
        xaxis=MONTH_AXIS,
        yaxis={"title": {"text": f"% of the month's {units}"}, "rangemode": "tozero"},
    )
