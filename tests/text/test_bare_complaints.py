"""Bare complaints: a short comment that states a service failure and judges nothing."""

from __future__ import annotations

import pytest

from feedback_nlp.text.bare_complaints import MAX_WORDS, bare_complaint


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
