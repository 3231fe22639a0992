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


@pytest.mark.parametrize(
    "text",
    ["More of the same, great job!", "Please keep doing what you're doing, excellent service!",
     "Wish I could give 6 stars!", "Start to finish it was fantastic.",
     "More staff like Sarah, she was amazing.", "Please pass my thanks to the team",
     "Please keep it up, the nurses were wonderful.", "Please don't change a thing",
     "Please add more of these 👍"],
)  # fmt: skip
def test_praise_that_opens_like_a_request_asks_for_nothing(text: str):
    """Review 52: praise opening with "please", "more", "wish" or "start" asked for a change."""
    assert not asks_for_change(text)


@pytest.mark.parametrize(
    "text",
    ["More friendly staff please", "Please be more helpful on the phone",
     "Less waiting would be nice", "It would be good to have more parking"],
)  # fmt: skip
def test_the_quality_asked_for_is_no_praise(text: str):
    assert asks_for_change(text)
