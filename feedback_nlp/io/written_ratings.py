"""Ratings written as review sites show them ("4/5", "10/10", "4 stars", "★★★★☆") in a column
of plain numbers, read as numbers by a numeric outcome (`feedback_nlp.outcomes`).

A rating that states its scale's top is read when the top fits the column: its other
ratings go no higher. "4/5" in a column rated up to 9.2 is out of another scale: left out
with a reason that says so, never rescaled. "4 stars" states no top and is read as 4.
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.digits import plain_digits

#: "4/5", "4 / 5", "3 out of 10", "8 von 10", "7 sur 10".
_OUT_OF = r"^(\d{1,2}(?:[.,]\d)?)\s*(?:/|out of|of|von|sur|su|de|из)\s*(\d{1,2})$"
#: "4 stars", "1 star", "5 Sterne", "4 étoiles", "4 estrellas", "4 stelle", "4 sterren".
_STARS = r"^(\d{1,2}(?:[.,]\d)?)\s*(?:stars?|sterne?|étoiles?|estrellas?|stelle|sterren|★|⭐)$"
#: Star characters ("★★★★☆"): filled, then empty.
_FILLED, _EMPTY = "★⭐✭✮✯🌟", "☆✩"


def written_ratings(
    cells: pd.Series, column_top: float | None, name: str
) -> tuple[pd.Series, pd.Series]:
    """(the ratings `cells` state, as floats; a reason where one's top is above `column_top`,
    the highest plain number of the column); NA where a cell is no written rating."""
    text = plain_digits(cells).astype("string").str.strip().str.casefold()
    out_of = text.str.extract(_OUT_OF)
    stars = text.str.extract(_STARS)[0]
    drawn = _drawn_stars(text)
    number = out_of[0].fillna(stars).fillna(drawn[0]).str.replace(",", ".", regex=False)
    top = out_of[1].fillna(drawn[1]).astype("Float64")
    values = pd.to_numeric(number, errors="coerce").astype("Float64")
    reasons = pd.Series(pd.NA, index=cells.index, dtype="string")
    if column_top is None:
        return values, reasons
    conflict = (values.notna() & (top < column_top)).fillna(False).astype(bool)
    reasons[conflict] = (
        f"{name} is out of another scale (out of "
        + top[conflict].astype("Int64").astype("string")
        + f"; the column's other ratings go up to {column_top:g}, nothing rescaled): '"
        + cells.astype("string")[conflict]
        + "'"
    )
    values[conflict] = pd.NA
    return values, reasons


def _drawn_stars(text: pd.Series) -> pd.DataFrame:
    """(filled stars, filled + empty) of cells that are only star characters; NA elsewhere."""
    only = text.str.fullmatch(f"[{_FILLED}{_EMPTY}\ufe0f\\s]+").fillna(False).astype(bool)
    filled = text.str.count(f"[{_FILLED}]")
    total = filled + text.str.count(f"[{_EMPTY}]")
    read = only & (filled > 0)
    return pd.DataFrame(
        {0: filled.astype("string").where(read), 1: total.astype("string").where(read)}
    )
