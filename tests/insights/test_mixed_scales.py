"""A numeric outcome mixing a 1-5 and a 1-10 rating scale by source is warned of."""

import numpy as np
import pandas as pd

from feedback_nlp.insights.mixed_scales import mixed_scale_notes
from feedback_nlp.outcomes import OutcomeSpec

RATING = OutcomeSpec("Rating", "numeric")


def reviews(booking_top: int = 10, source: str = "Source") -> pd.DataFrame:
    """Google stars (1-5) beside Booking.com scores (1 to `booking_top`), 40 of each."""
    rng = np.random.default_rng(7)
    stars = rng.integers(1, 6, 40)
    scores = rng.integers(1, booking_top + 1, 40)
    return pd.DataFrame(
        {source: ["google"] * 40 + ["booking"] * 40, "Rating": np.concatenate([stars, scores])}
    )


def test_two_scales_in_one_rating_column_are_named_with_their_sources() -> None:
    """The hotel-chain probe of stop 53 averaged both into "Rating 4.5", no word said."""
    (note,) = mixed_scale_notes(reviews(), [RATING])
    assert "outcome 'Rating' mixes rating scales by 'Source'" in note
    assert "at most 5 for 'google' but 10 for 'booking'" in note
    assert "map each source's ratings onto one scale" in note
    assert len(mixed_scale_notes(reviews(source="platform"), [RATING])) == 1


def test_one_scale_or_no_source_column_says_nothing() -> None:
    assert mixed_scale_notes(reviews(booking_top=5), [RATING]) == []
    assert mixed_scale_notes(reviews(source="hotel"), [RATING]) == []
    assert mixed_scale_notes(reviews(), [OutcomeSpec("Rating", "binary")]) == []
    spend = reviews().assign(Rating=lambda t: t["Rating"] * 40)  # amounts, not ratings
    assert mixed_scale_notes(spend, [RATING]) == []
