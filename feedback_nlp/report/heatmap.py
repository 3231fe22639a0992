"""The pain-point heatmap: touchpoint (or journey stage) × theme, coloured by impact."""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.report.charts import MAX_HEATMAP_THEMES, esc, figure
from feedback_nlp.report.impact_words import measured, on_mean
from feedback_nlp.report.plain import SCORE_NAMES, interval, percent, signed


def heatmap_chart(
    cells: pd.DataFrame,
    rows: str,
    score: str | None,
    measure: str | None = None,
    units: str = "customers",
    bad_when_low: bool = True,
) -> object | None:
    """Rows (touchpoint or journey stage) × themes, coloured by impact or negative share.

    `measure` names the impact's scale ('NPS points', 'churn rate points'; by default the
    score's: a CSAT or CES mean's reads "on the mean CSAT", to 2 decimals); `units` what the
    cells count (customers, conversations…). An impact is red on its bad side: below 0 for a
    score, above 0 for an outcome whose higher values are the bad ones (`bad_when_low` False:
    churn, the share of negative comments).
    """
    measure = measure or _score_measure(cells, score)
    import plotly.graph_objects as go

    if not len(cells):
        return None
    use_impact = score is not None and "impact" in cells and cells["impact"].notna().any()
    value = "impact" if use_impact else "negative_share"
    themes = cells.groupby("theme_label")["comments"].sum().sort_values(ascending=False)
    themes = themes.index[:MAX_HEATMAP_THEMES]
    cells = cells[cells["theme_label"].isin(themes)]
    shown = cells[value].where(~cells["small_n"].fillna(False).astype(bool))
    grid = cells.assign(shown=shown).pivot_table(
        index=rows, columns="theme_label", values="shown", aggfunc="first", dropna=False
    )
    grid = grid.reindex(columns=list(themes))
    if "row_order" in cells:  # journey order, as the mapping declared it
        ranked = cells.sort_values("row_order", kind="stable")[rows].drop_duplicates()
        grid = grid.reindex(index=[r for r in ranked if r in grid.index])
    digits = 2 if on_mean(measure) else 1  # a CSAT or CES mean moves by hundredths
    hover = cells.assign(
        tip=cells.apply(lambda r: _cell_tip(r, rows, use_impact, measure, units), axis=1)
    ).pivot_table(index=rows, columns="theme_label", values="tip", aggfunc="first")
    hover = hover.reindex(index=grid.index, columns=grid.columns).fillna("no comments")
    z = grid.to_numpy(dtype=float)
    text = [[_cell_text(v, use_impact, digits) for v in row] for row in z]
    limit = float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0
    diverging = "RdBu" if bad_when_low else "RdBu_r"  # red on the bad side
    colour = (
        {"colorscale": diverging, "zmid": 0, "zmin": -limit, "zmax": limit}
        if use_impact
        else {"colorscale": "Reds", "zmin": 0, "zmax": 100}
    )
    title = _impact_title(measure) if use_impact and score else "% negative"
    heat = go.Heatmap(
        z=[[None if np.isnan(v) else v for v in row] for row in z],
        x=[esc(t) for t in grid.columns],
        y=[esc(r) for r in grid.index],
        text=text,
        texttemplate="%{text}",
        customdata=hover.to_numpy().tolist(),
        hovertemplate="%{customdata}<extra></extra>",
        colorbar={"title": {"text": title}, "thickness": 12},
        xgap=2,
        ygap=2,
        hoverongaps=False,
        **colour,
    )
    return figure(
        [heat],
        height=170 + 34 * len(grid.index),
        xaxis={"tickangle": -35, "showgrid": False},
        yaxis={"autorange": "reversed", "showgrid": False},
    )


def _cell_tip(row: pd.Series, rows: str, use_impact: bool, measure: str, units: str) -> str:
    parts = [
        f"{row[rows]} × {row['theme_label']}",
        f"{int(row['comments'])} comments, {int(row['units'])} {units}",
        f"{percent(row.get('negative_share'))} negative",
    ]
    if use_impact and measure:
        mean = on_mean(measure)
        digits, on = (2, f"on the {measure}") if mean else (1, measure)
        parts.append(
            f"impact {signed(row['impact'], digits)} {on} "
            f"({interval(row['impact_ci_low'], row['impact_ci_high'], digits)})"
        )
    if bool(row.get("small_n", False)):
        parts.append(f"too few {units}: left blank")
    return "<br>".join(esc(p) for p in parts)


def _score_measure(cells: pd.DataFrame, score: str | None) -> str:
    """A score's impact scale: 'NPS points', or a mean's ('mean CSAT': `measured`)."""
    if score not in SCORE_NAMES:
        return f"{score.upper()} points" if score else ""
    measure = measured(cells, score)  # type: ignore[arg-type]
    return measure if on_mean(measure) else f"{measure} points"


def _impact_title(measure: str) -> str:
    """The colour bar's title: 'impact (NPS points)', 'impact on the mean CSAT'."""
    return f"impact on the {measure}" if on_mean(measure) else f"impact ({measure})"


def _cell_text(value: float, use_impact: bool, digits: int = 1) -> str:
    if np.isnan(value):
        return ""
    return signed(value, digits) if use_impact else f"{value:.0f}"
