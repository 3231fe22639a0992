"""Terse praise in a positive box ("Everything", "Quiet room"; probe 53, Booking.com export)."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.box_praise import terse_praise
from feedback_nlp.text.boxes import box_read

POSITIVE_BOX = "Positive review"
#: The probe's model readings of terse praise (negative, neutral, positive): neutral, unsure.
NEUTRAL_READ = [0.343, 0.431, 0.226]


@pytest.mark.parametrize(
    "text", ["Everything", "Quiet room", "Location", "Das Frühstück", "La ubicación", "Tout"]
)
def test_terse_praise_is_recognised(text: str) -> None:
    assert terse_praise(text)


@pytest.mark.parametrize(
    "text",
    ["Nothing", "Nothing really", "Not much", "n/a", "-", "See above", "More towels",
     "Better wifi", "Bad", "Was there a gym?", "The room was fine but the shower was broken "
     "and nobody came"],
)  # fmt: skip
def test_nothing_no_answer_requests_and_long_answers_are_not_terse_praise(text: str) -> None:
    assert not terse_praise(text)


def test_a_positive_box_reads_terse_praise_read_neutral_as_positive() -> None:
    texts = ["Everything", "Quiet room", "Il personale"]
    probabilities = np.array([NEUTRAL_READ] * len(texts))
    out = box_read(probabilities, texts, [POSITIVE_BOX] * len(texts))
    assert [SENTIMENT_LABELS[i] for i in out.argmax(axis=1)] == ["positive"] * len(texts)


def test_terse_praise_outside_a_box_or_in_a_negative_box_keeps_its_reading() -> None:
    texts = ["Quiet room", "Quiet room"]
    probabilities = np.array([NEUTRAL_READ, [0.05, 0.9, 0.05]])
    out = box_read(probabilities, texts, ["Any comments?", "Negative review"])
    assert SENTIMENT_LABELS[int(out[0].argmax())] == "neutral"
    assert np.allclose(out[0], probabilities[0])
    assert SENTIMENT_LABELS[int(out[1].argmax())] == "neutral"  # sure neutral: kept


def test_nothing_in_a_positive_box_stays_negative_or_neutral() -> None:
    texts = ["Nothing", "Nothing really", "Not much"]
    probabilities = np.array([[0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.855, 0.093, 0.052]])
    out = box_read(probabilities, texts, [POSITIVE_BOX] * len(texts))
    assert [SENTIMENT_LABELS[i] for i in out.argmax(axis=1)] == ["negative"] * 3


@pytest.mark.parametrize(
    "text",
    ["Average", "Meh", "Hard to say", "Very little", "Hardly anything", "Leaving", "Going home",
     "The exit", "Checking out"],
)  # fmt: skip
def test_hedges_amounts_and_leaving_name_nothing_liked(text: str) -> None:
    assert not terse_praise(text)
    read = box_read(np.array([[0.1, 0.8, 0.1]]), [text], ["What did you like about your stay?"])
    assert SENTIMENT_LABELS[int(read.argmax())] == "neutral"


@pytest.mark.parametrize("text", ["Little touches", "Home cooking", "Fine dining", "Alles"])
def test_a_word_that_names_something_beside_a_hedge_word_is_praise(text: str) -> None:
    assert terse_praise(text)
