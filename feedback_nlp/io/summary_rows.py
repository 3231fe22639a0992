"""Summary rows under the data of a spreadsheet export ("Total", "Average NPS", "Итого").

Reports saved from spreadsheets and BI tools often end with totals and averages. Such a row
has no comment but may hold a number under a score column, so it would be kept as a
response and counted in the score metrics. A row without text whose first cell starts with a
summary word is rejected instead, with its own reason.
"""

from __future__ import annotations

import re

import pandas as pd

#: Words that open the label of a total or average row, in the languages of the toolkit.
SUMMARY_WORDS = (
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sum",
    "average",
    "avg",
    "mean",
    "median",
    "gesamt",
    "gesamtergebnis",
    "summe",
    "durchschnitt",
    "mittelwert",
    "somme",
    "moyenne",
    "médiane",
    "suma",
    "promedio",
    "totale",
    "somma",
    "media",
    "média",
    "soma",
    "totaal",
    "gemiddelde",
    "medie",
    "razem",
    "średnia",
    "итого",
    "всего",
    "среднее",
    "сумма",
)
_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(SUMMARY_WORDS, key=len, reverse=True)) + r")"
    r"(?:$|[\s:(])",
    re.IGNORECASE,
)


def summary_row_reasons(first_cells: pd.Series, no_text: pd.Series) -> pd.Series:
    """Reason per row (NA where fine): rows without text whose first cell is a summary label."""
    reasons = pd.Series(pd.NA, index=first_cells.index, dtype="string")
    labels = first_cells[no_text].astype("string").str.strip()  # rows without text only
    summary = labels[labels.str.match(_LABEL.pattern, case=False).fillna(False).astype(bool)]
    reasons[summary.index] = "a summary row of the export, not a response: '" + summary + "'"
    return reasons


def repeated_header_reasons(raw: pd.DataFrame) -> pd.Series:
    """Reason per row (NA where fine): rows that repeat the header (exports joined end to end,
    "id,comment,nps" again in the middle): most of their cells are their column's name."""
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")
    if len(raw.columns) < 2:
        return reasons
    same = pd.concat(
        [raw[c].astype("string").str.strip().eq(str(c).strip()).fillna(False) for c in raw.columns],
        axis=1,
    )
    repeated = same.sum(axis=1) >= max(2, 0.8 * len(raw.columns))
    reasons[repeated] = "the header row again (exports joined end to end?), not a response"
    return reasons
