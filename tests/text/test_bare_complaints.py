"""Bare complaints: a short comment that states a service failure and judges nothing."""

from __future__ import annotations

import pytest

from feedback_nlp.text.bare_complaints import MAX_WORDS, accepts_failure, bare_complaint


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Claim still open after three months.", "en"),
        ("Pratica ancora aperta dopo 2 mesi.", "it"),
        ("Sinistro ancora aperto dopo tre mesi.", "it"),
        ("Dossier toujours ouvert après trois mois.", "fr"),
        ("De expert is nooit komen opdagen.", "nl"),
        ("The assessor never turned up.", "en"),
        ("Paket kam drei Tage zu spät", None),
    ],
)
def test_a_failure_stated_alone_is_a_bare_complaint(text, lang):
    assert bare_complaint(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delivered on time, nothing damaged.", "en"),  # no failure
        ("Arrived a day late but the food was great", "en"),  # contrast and praise
        ("Delivery delayed, lovely staff though", "en"),  # praise
        ("Parcel arrived damaged, replaced the next day.", "en"),  # a fix
        ("Flight delayed :)", "en"),  # emoticon
        ("Claim still open after three months. " + "word " * MAX_WORDS, "en"),  # long
        (None, None),
    ],
)
def test_praise_a_fix_or_a_long_story_is_no_bare_complaint(text, lang):
    assert not bare_complaint(text, lang)


@pytest.mark.parametrize(
    "text",
    ["Arrived 5 minutes late, no problem at all.", "Flight cancelled, rebooked at no cost.",
     "Slight delay at check-in, otherwise smooth.", "Parcel arrived a day late, no worries.",
     "Ordered Friday, delivered late Monday, exactly as described.",
     "Train delayed 5 minutes, comfortable seats and quiet carriage.",
     "Arrived late due to snow, understandable.", "Delivered late, driver very apologetic."],
)  # fmt: skip
def test_a_failure_accepted_is_no_bare_complaint(text: str):
    """Review 52: delays the customer accepted counted as bare complaints."""
    assert not bare_complaint(text, "en")


def test_an_accepting_word_after_a_negation_accepts_nothing():
    assert bare_complaint("Delivered late, not as described.", "en")
    assert accepts_failure("ok otherwise")
    assert not accepts_failure("not as described")
