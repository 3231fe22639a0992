"""Ratings written as review sites show them, read as numbers (`io.written_ratings`)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.written_ratings import written_ratings


def test_written_ratings_are_read_as_the_number_they_state():
    cells = pd.Series(["4/5", "10/10", "4 stars", "★★★★☆", "1 star", "8.8", None], dtype=object)
    values, reasons = written_ratings(cells, None, "Rating")
    assert values.tolist()[:5] == [4, 10, 4, 4, 1]
    assert values[5:].isna().all() and reasons.isna().all()


def test_a_rating_out_of_a_lower_top_than_the_column_is_said_not_rescaled():
    cells = pd.Series(["4/5", "10/10", "★★★★☆", "4 stars"], dtype=object)
    values, reasons = written_ratings(cells, 9.2, "Rating")
    assert values.isna().tolist() == [True, False, True, True]
    assert reasons.iat[0] == (
        "Rating is out of another scale (out of 5; the column's other ratings go up to 9.2, "
        "nothing rescaled): '4/5'"
    )
    assert reasons.iat[1] is pd.NA and "out of 5;" in reasons.iat[3]


def test_stars_are_out_of_five_and_a_higher_top_than_the_column_is_said():
    """Regression: "4 stars" was read as 4 among 0-10 ratings, "8/10" as 8 among 1-5 ones and
    "3/4" as 3 among 1-3 ones, with no reason."""
    cells = pd.Series(["4 stars", "★★★★☆", "8/10", "3/4", "5/5"], dtype=object)
    values, reasons = written_ratings(cells, 10, "rating")
    assert values.isna().tolist() == [True, True, False, True, True]
    assert reasons.notna().tolist() == [True, True, False, True, True]
    values, reasons = written_ratings(cells, 5, "rating")
    assert values.tolist()[:2] == [4, 4] and values.tolist()[4] == 5
    assert "out of 10; the column's other ratings go up to 5" in reasons.iat[2]
    assert values[2:4].isna().all() and reasons[2:4].notna().all()
