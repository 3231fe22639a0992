"""Comments written all in capitals, folded to sentence case for the encoder."""

from __future__ import annotations

import pytest

from feedback_nlp.text.caps import all_caps, caps_folded, encoder_text


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


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("<NAME> WAS REALLY HELPFUL AND KIND", "<NAME> was really helpful and kind"),
        ("GREAT SERVICE. <NAME> WAS LOVELY", "Great service. <NAME> was lovely"),
        ("HİZMET ÇOK İYİYDİ, KAPI AÇIKTI", "Hizmet çok iyiydi, kapı açıktı"),
    ],
)
def test_placeholders_opening_a_sentence_and_turkish_capitals_fold_whole(text, folded):
    """Before stop 52's fix "<NAME>" opening a sentence became "<Name>" and "HİZMET"
    "hi̇zmet" (a combining dot); a text with a dotted capital folds the Turkish way."""
    assert caps_folded(text) == folded


def test_the_encoder_text_is_folded_and_social_markup_replaced():
    shouted = "LOVE IT, SEE WWW.EXAMPLE.COM"
    assert encoder_text(shouted) == "Love it, see http"
    assert encoder_text(shouted, social=False) == "Love it, see www.example.com"
