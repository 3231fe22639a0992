"""Per-language sentence splitting."""

from __future__ import annotations

import pytest

from feedback_nlp.text.sentences import split_sentences


def texts(text: str, lang: str | None = "en") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


def test_splits_on_end_punctuation_and_line_breaks():
    assert texts("Great app. But delivery was late!! Why?") == [
        "Great app.",
        "But delivery was late!!",
        "Why?",
    ]
    assert texts("first line\nsecond line") == ["first line", "second line"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Das ist z.B. gut. Aber teuer.", "de", ["Das ist z.B. gut.", "Aber teuer."]),
        ("Dr. Smith helped. Thanks.", "en", ["Dr. Smith helped.", "Thanks."]),
        ("Mme. Dupont est là. Merci.", "fr", ["Mme. Dupont est là.", "Merci."]),
        ("It costs 3.5 EUR. Fine", "en", ["It costs 3.5 EUR.", "Fine"]),
        ("很好。但是太贵！", "zh", ["很好。", "但是太贵！"]),
        ("Это т.е. плохо. Да.", "ru", ["Это т.е. плохо.", "Да."]),
    ],
)
def test_language_rules(text: str, lang: str, expected: list[str]):
    assert texts(text, lang) == expected


def test_spans_point_into_the_original_text():
    text = "  Hello there.   Bye!  "
    for sentence in split_sentences(text, "en"):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in split_sentences(text, "en")] == [0, 1]


@pytest.mark.parametrize("text", ["", "   ", None, float("nan")])
def test_empty_input_gives_no_sentences(text):
    assert split_sentences(text, "en") == []


def test_unknown_language_uses_generic_rules():
    assert texts("Bom dia. Tudo bem?", None) == ["Bom dia.", "Tudo bem?"]
