"""The pain-point matrix: touchpoint (or journey stage) by theme cells with their volume,
negative share and impact on the outcome, in journey order for a heatmap."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from feedback_nlp.insights.core import (
    impact_of,
    negative_flags,
    outcome_values,
    resolve_outcome,
    row_themes,
    theme_labels,
)
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.schema import require
from feedback_nlp.scores import (
    CONFIDENCE,
    SMALL_N,
    ScoreScales,
    describe_units,
    unit_ids,
)


def pain_point_matrix(
    table: pd.DataFrame,
    outcome: str | OutcomeSpec | None = "nps",
    *,
    rows: str = "touchpoint",
    theme_column: str = "themes",
    unit: str = "auto",
    min_n: int = SMALL_N,
    labels: Mapping[int | str, str] | None = None,
    scales: ScoreScales | None = None,
    higher_is_better: bool | None = None,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Tidy `rows` × theme cells (touchpoint or journey stage) ready for a heatmap.

    A comment falls in a cell when it has that touchpoint and that theme. Per cell: comments,
    units (with an outcome: those that have its value, as the impact counts them),
    negative_share (% of the cell's comments with negative sentiment, when `sentiment` is
    present) and the cell's impact on the overall outcome: metric(all) − metric(all units
    except the cell's), with a CI. Cells with fewer than `min_n` units are marked ``small_n``.
    `outcome=None` gives the text-only matrix.
    """
    require(table, [rows], by="pain_point_matrix")
    spec = values = None
    if outcome is not None:
        spec = resolve_outcome(table, outcome, scales=scales, higher_is_better=higher_is_better)
        unit = spec.unit_for(unit)
        values = outcome_values(table, spec, unit)
    cells = pd.DataFrame(
        {
            "row": table[rows].astype("string"),
            "unit_id": unit_ids(table, unit),
            "theme": row_themes(table, theme_column),
            "negative": negative_flags(table),
        }
    )
    cells = cells.explode("theme").dropna(subset=["theme", "row"])
    names = theme_labels(table, labels)
    records = []
    for (row_value, theme), cell in cells.groupby(["row", "theme"], sort=True):
        record = {rows: row_value, "theme": theme, "theme_label": names.get(theme, theme)}
        record |= {"comments": len(cell), "units": cell["unit_id"].nunique()}
        record["negative_share"] = 100 * cell["negative"].astype(float).mean()
        if spec is not None:  # units: those with the outcome, which the impact is of
            has_cell = pd.Series(values.index.isin(set(cell["unit_id"])), index=values.index)
            record["units"] = int(has_cell.sum())
            record |= {"metric": spec.metric_name, **impact_of(values, has_cell, spec.kind)}
        records.append(record)
    result = pd.DataFrame(records)
    if result.empty:
        return result
    result["small_n"] = result["units"] < min_n
    if spec is not None:
        result["higher_is_better"] = spec.higher_is_better
    counted = values.index if values is not None else cells["unit_id"]
    result["unit_of_analysis"] = describe_units(counted, unit == "respondent_id")
    return with_row_order(result, table, rows)


def row_order(table: pd.DataFrame, column: str) -> dict[str, int]:
    """Position of each value of `column` in the journey: from ``<column>_order`` when the
    reader wrote it (declared or canonical order), else alphabetical."""
    values = table[column].astype("string")
    order_column = f"{column}_order"
    if order_column in table.columns:
        pairs = pd.DataFrame({"value": values, "order": table[order_column]}).dropna()
        known = pairs.groupby("value")["order"].min().sort_values(kind="stable")
        ranked = list(known.index) + sorted(v for v in values.dropna().unique() if v not in known)
    else:
        ranked = sorted(values.dropna().unique())
    return {str(value): position for position, value in enumerate(ranked, start=1)}


def with_row_order(cells: pd.DataFrame, table: pd.DataFrame, rows: str) -> pd.DataFrame:
    """`cells` with a ``row_order`` column, sorted by it (journey order), then by theme."""
    order = row_order(table, rows)
    cells = cells.assign(row_order=cells[rows].map(order).astype("Int64"))
    return cells.sort_values(["row_order", "theme"], kind="stable").reset_index(drop=True)
