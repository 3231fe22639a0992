"""One short report section: how much effort the comments describe, and CES beside it."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.document import Paragraph, Section
from feedback_nlp.report.plain import count, interval, number, percent, signed
from feedback_nlp.schema import EFFORT_LEVELS


def effort_section(table: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> Section | None:
    """Share of comments describing effort; mean CES by effort level where CES exists."""
    if "effort" not in table.columns or not len(table):
        return None
    section = Section("effort", "Effort customers describe")
    shares = table["effort"].value_counts(normalize=True).reindex(EFFORT_LEVELS, fill_value=0)
    flagged = 100 * (shares["low"] + shares["high"])
    section.add(
        Paragraph(
            f"{percent(flagged)} of the comments describe effort (repeat contacts, transfers, "
            f"chasing, long waits, explaining again, forms): {percent(100 * shares['high'])} "
            f"high, {percent(100 * shares['low'])} low."
        )
    )
    relation = tables.get("effort_ces")
    if relation is not None and len(relation):
        section.add(Paragraph(_ces_sentence(relation)))
    return section


def _ces_sentence(relation: pd.DataFrame) -> str:
    """Mean CES by level with its 95 % range, and the rank correlation."""
    means = relation[relation["measure"] == "ces_mean"].set_index("effort")
    parts = [
        f"{level} {number(row['value'])} ({interval(row['ci_low'], row['ci_high'], sign=False)}, "
        f"{count(row['n'])})"
        for level, row in means.iterrows()
        if row["n"] > 0
    ]
    rho = relation[relation["measure"] == "spearman_rho"].iloc[0]
    return (
        "Mean CES by the effort their comments describe (95 % range, customers): "
        + "; ".join(parts)
        + f". Rank correlation of effort with CES: {signed(rho['value'], 2)} "
        f"(95 % range {interval(rho['ci_low'], rho['ci_high'], 2)})."
    )
