"""`io.build`: the checks of a file's column plan, and the fixes its errors suggest."""

import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback


def test_no_text_column_hint_shows_several_boxes_and_names_a_reviews_two(tmp_path):
    """Before stop 50 the fix named one text column only, though a review site's export keeps
    its comment in two boxes (`text = [...]`, docs/reading.md)."""
    path = tmp_path / "reviews.csv"
    path.write_text(
        "Review ID,Score,What they liked,What they disliked\n1,9,Quiet street,Thin walls\n",
        encoding="utf-8",
    )
    with pytest.raises(ReadError) as raised:
        read_feedback(path)
    message = str(raised.value)
    assert 'text = ["<column>", "<column>"] for several answer boxes' in message
    assert 'look like text = ["What they liked", "What they disliked"]' in message
