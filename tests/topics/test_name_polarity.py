"""A theme's name does not say the opposite of what most of its units say."""

from __future__ import annotations

import numpy as np

from feedback_nlp.topics.name_polarity import ThemePolarity, agreeing_name, unit_polarity, uses
from feedback_nlp.topics.units import split_units

TEXTS = ["fast refund", "refund was fast", "refund took weeks", "still no refund", "no refund"]


def test_a_clear_majority_needs_sixty_percent_of_the_polar_units():
    labels = ["positive", "positive", "negative", "negative", "negative"]
    polarity = ThemePolarity(TEXTS, [0] * 5, labels)
    assert polarity.majority(0) == "negative"  # 3 of 5
    assert (
        ThemePolarity(TEXTS, [0] * 5, ["positive", "negative"] + ["neutral"] * 3).majority(0) == ""
    )
    assert ThemePolarity(TEXTS[:2], [0, 0], ["negative"] * 2).majority(0) == ""  # too few


def test_a_phrase_opposes_when_most_of_its_users_read_the_other_way():
    labels = ["positive", "positive", "negative", "negative", "negative"]
    polarity = ThemePolarity(TEXTS, [0] * 5, labels)
    assert polarity.opposes("fast refund", 0)  # its one user is positive
    assert not polarity.opposes("no refund", 0)
    assert not polarity.opposes("late parcel", 0)  # nobody uses it
    assert not polarity.opposes("fast refund", 1)  # no unit in that theme


def test_uses_reads_whole_words_and_either_word_of_a_keyword_pair():
    assert uses("The  Refund was FAST!", "refund was fast")
    assert not uses("refunds were fast", "refund")
    assert uses("a slow reply", "avoid / slow")
    assert uses("退款很慢", "退款")


def test_the_first_name_that_agrees_is_chosen_else_the_first_one():
    labels = ["positive", "positive", "negative", "negative", "negative"]
    polarity = ThemePolarity(TEXTS, [0] * 5, labels)
    ranked = ["fast refund", "refund took weeks"]

    def name_with(used: set[str]) -> str:
        return next((n for n in ranked if n not in used), "")

    assert agreeing_name(name_with, polarity, 0, set()) == "refund took weeks"
    assert agreeing_name(name_with, None, 0, set()) == "fast refund"
    ranked.pop()  # only the opposing name is left: it is kept
    assert agreeing_name(name_with, polarity, 0, set()) == "fast refund"


def test_a_unit_takes_its_comments_sentiment_or_its_own_when_it_is_a_part():
    units = split_units(
        ["The refund was fast.", "The courier was kind. The parcel arrived broken."],
        ["en", "en"],
    )
    content = np.flatnonzero(units.says_something)
    assert unit_polarity(units, content, None) == [""] * len(content)

    def own(texts: list[str], langs: list[str]) -> list[str]:
        return ["negative" if "broken" in t else "positive" for t in texts]

    found = unit_polarity(units, content, ["positive", "neutral"], own)
    assert found == ["positive", "positive", "negative"]
    assert unit_polarity(units, content, ["positive", "neutral"]) == ["positive", "", ""]
