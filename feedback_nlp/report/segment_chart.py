"""The chart of a breakdown (by language, question or segment column): each value's main score
with its 95 % range, compared with the score of all units, those of too few units last."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report import charts
from feedback_nlp.report.document import Chart
from feedback_nlp.report.plain import (
    HEADLINE_METRICS,
    SCORE_NAMES,
    counted_units,
    interval,
    is_missing,
    percent,
    signed,
    units_of,
)
from feedback_nlp.report.sections import chart


def segment_chart(
    key: str, noun: str, rows: pd.DataFrame, score: str, metrics: pd.DataFrame | None
) -> Chart | None:
    """The headline `score` per segment (`rows` of the segments table, with a
    ``segment_label``), lowest first, those of too few units (``small_n``) after the others;
    red or blue where the whole range is below or above the score of all units (`metrics`,
    the score_metrics table; every dot grey when it lacks the score)."""
    shown = charts.enough_first(rows[rows["n"] > 0].dropna(subset=["value"]), "value")
    overall = overall_score(metrics, score)
    units = units_of(metrics, default="units")
    figure = charts.interval_chart(
        shown,
        label="segment_label",
        value="value",
        low="ci_low",
        high="ci_high",
        x_title=SCORE_NAMES[score],
        hover=_hover(shown, score, units),
        reference=0.0 if overall is None else overall[0],
        clear=pd.Series(overall is not None, index=shown.index),
    )
    return chart(key, figure, _caption(noun, score, units, overall, len(shown)))


def overall_score(metrics: pd.DataFrame | None, score: str) -> tuple[float, int] | None:
    """The headline value of `score` over all units and how many it counts (the
    score_metrics table's row); None when the table lacks it."""
    if metrics is None or "metric" not in metrics:
        return None
    row = metrics[metrics["metric"] == HEADLINE_METRICS[score]]
    if not len(row) or is_missing(row["value"].iloc[0]):
        return None
    return float(row["value"].iloc[0]), int(row["n"].iloc[0])


def shown_score(value: object, score: str, digits: int = 1) -> str:
    """An NPS signed ("+13.1"), a CSAT or CES share in % ("41 %")."""
    return signed(value, digits) if score == "nps" else percent(value)


def _caption(
    noun: str, score: str, units: str, overall: tuple[float, int] | None, rows: int
) -> str:
    name = SCORE_NAMES[score]
    caption = (
        f"{name} per {noun} with its 95 % range, lowest first; those with too few {units} "
        "to tell after the others (grey)."
    )
    if overall is not None:
        value, n = overall
        caption += (
            f" Red: the whole range is below the {name} of all {counted_units(n, units)} "
            f"({shown_score(value, score)}, the dotted line); blue: above it; grey: the range "
            "crosses it."
        )
    if rows > charts.MAX_ROWS:
        caption += f" The chart shows the first {charts.MAX_ROWS} of {rows}; the table, all."
    return caption


def _hover(rows: pd.DataFrame, score: str, units: str) -> pd.Series:
    """Hover text of a segment's dot (escaped): its score, range and units counted."""

    def tip(row: pd.Series) -> str:
        digits = 1 if score == "nps" else 0
        low, high = row["ci_low"], row["ci_high"]
        span = interval(low, high, digits, sign=score == "nps")
        parts = [
            f"{SCORE_NAMES[score]} {shown_score(row['value'], score)} (95 % range {span})",
            counted_units(int(row["n"]), units),
        ]
        if bool(row.get("small_n", False)):
            parts.append("too few to tell")
        return "<br>".join(charts.esc(p) for p in parts)

    return rows.apply(tip, axis=1) if len(rows) else pd.Series(dtype="string")
