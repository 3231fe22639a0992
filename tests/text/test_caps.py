"""Comments written all in capitals, folded to sentence case for the encoder."""

from __future__ import annotations

import pytest

from feedback_nlp.text.caps import all_caps, caps_folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("PLEASE ADD APPLE PAY AT CHECKOUT.", "Please add apple pay at checkout."),
        ("MY ORDER <ID> NEVER CAME. WHERE IS IT?", "My order <ID> never came. Where is it?"),
        ("TERRIBLE SERVICE!!! NEVER AGAIN", "Terrible service!!! Never again"),
    ],
)
def test_a_text_in_capitals_is_read_in_sentence_case_keeping_placeholders(text, folded):
    assert all_caps(text)
    assert caps_folded(text) == folded


@pytest.mark.parametrize(
    "text",
    [
        "Great APP, LOVE IT NOW",  # a lower-case letter: emphasis, not shouting
        "OK",  # fewer than three words of capitals
        "NPS 10 UX",
        "مرحبا بكم في المتجر شكرا",  # an uncased script
        "",
    ],
)
def test_other_texts_stay_as_written(text):
    assert caps_folded(text) == text
