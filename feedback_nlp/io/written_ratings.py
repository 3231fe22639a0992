"""Ratings written as review sites show them ("4/5", "10/10", "4 stars", "★★★★☆") in a column
of plain numbers, read as numbers by a rating-like numeric outcome (`feedback_nlp.outcomes`).

A written rating states its scale's top: "4/5" its own, "4 stars" and "★★★★☆" five (or the
drawn stars' count). It is read when that top fits the column: the highest plain number of the
column is the top or less than one below it ("10/10" among ratings up to 9.2). A top below it ("4/5"
among ratings up to 9.2) or further above it ("8/10" among 1-5 ratings, "3/4" among 1-3) is
another scale: left out with a reason that says so, never rescaled.
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.digits import plain_digits
from feedback_nlp.io.scores import OUT_OF_WORDS, drawn_stars

#: "4/5", "4.5 / 5", "3 out of 10", "8 von 10", "7 sur 10".
_OUT_OF = rf"^(\d{{1,2}}(?:[.,]\d)?){OUT_OF_WORDS}(\d{{1,2}})$"
#: "4 stars", "1 star", "5 Sterne", "4 étoiles", "4 estrellas", "4 stelle", "4 sterren".
_STARS = r"^(\d{1,2}(?:[.,]\d)?)\s*(?:stars?|sterne?|étoiles?|estrellas?|stelle|sterren|★|⭐)$"
#: Words of an outcome's name that make it a rating, whose cells may be written ratings
#: (`outcomes.rating_like`); "items" or "order_value" read "3 stars" as no number.
RATING_WORDS = frozenset(
    {"rating", "ratings", "rated", "star", "stars", "score", "scores", "grade", "satisfaction"}
    | {"satisfied", "csat", "nps", "ces", "bewertung", "sterne", "punteggio", "valoracion"}
)
#: The top of a rating written as a number of stars: five, as the review sites show them.
STARS_TOP = 5


def written_ratings(
    cells: pd.Series, column_top: float | None, name: str
) -> tuple[pd.Series, pd.Series]:
    """(the ratings `cells` state, as floats; a reason where one's top does not fit
    `column_top`, the highest plain number of the column); NA where a cell is no written
    rating."""
    values, top = _stated(cells)
    reasons = pd.Series(pd.NA, index=cells.index, dtype="string")
    if column_top is None:
        return values, reasons
    fits = (top - 1 < column_top) & (column_top <= top)
    conflict = (values.notna() & ~fits).fillna(False).astype(bool)
    reasons[conflict] = (
        f"{name} is out of another scale (out of "
        + top[conflict].astype("Int64").astype("string")
        + f"; the column's other ratings go up to {column_top:g}, nothing rescaled): '"
        + cells.astype("string")[conflict]
        + "'"
    )
    values[conflict] = pd.NA
    return values, reasons


def _stated(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(the number each cell states, its scale's top), as floats; NA where none."""
    text = plain_digits(cells).astype("string").str.strip().str.casefold()
    out_of = text.str.extract(_OUT_OF)
    stars = text.str.extract(_STARS)[0]
    filled, empty = drawn_stars(text)
    number = out_of[0].fillna(stars).fillna(filled.astype("string"))
    values = pd.to_numeric(number.str.replace(",", ".", regex=False), errors="coerce")
    drawn_top = (filled + empty).where(empty > 0, STARS_TOP).astype("Float64")
    top = out_of[1].astype("Float64").fillna(stars.notna().map({True: STARS_TOP, False: pd.NA}))
    return values.astype("Float64"), top.astype("Float64").fillna(drawn_top.where(filled.notna()))
