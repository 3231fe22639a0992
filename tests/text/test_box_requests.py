"""Answers that ask for a change: complaints in a box of complaints or improvements."""

from __future__ import annotations

import pytest

from feedback_nlp.text.box_requests import asks_for_change


@pytest.mark.parametrize(
    "text",
    ["Would have liked more updates for family", "It would be nice to have more updates",
     "I wish they had called back", "Please improve the parking", "More staff needed on nights",
     "Less waiting would be nice", "Stop the endless meetings", "Start giving us laptops",
     "Ich hätte mir mehr Infos gewünscht", "J'aurais aimé plus d'informations",
     "Me hubiera gustado más información", "Had graag meer uitleg gehad"],
)  # fmt: skip
def test_a_wish_a_plea_or_a_change_asked_for(text: str):
    assert asks_for_change(text)


@pytest.mark.parametrize(
    "text",
    ["More than happy with everything", "Loved it", "The food was great", "Startup was slow",
     "Stopped by for coffee", "Nothing really, I'm happy", "more", ""],
)  # fmt: skip
def test_praise_and_plain_answers_ask_for_nothing(text: str):
    assert not asks_for_change(text)
