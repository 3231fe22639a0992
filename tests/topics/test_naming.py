"""Theme names in a theme's own language, and from the units nearest its centroid."""

from __future__ import annotations

from feedback_nlp.topics.naming import FittedUnits

ROMANIAN = ["dar nu era nimic la ușă", "nu era nimic la ușă azi", "coletul nu era nimic la ușă"]
ENGLISH = ["the parcel arrived late", "parcel arrived late again", "late parcel again"]


def _units(texts: list[str], langs: list[str], rows: list[int]) -> FittedUnits:
    return FittedUnits(texts, langs, rows, max_phrases=1000)


def test_a_theme_in_another_language_is_named_with_a_phrase_of_that_language():
    units = _units(ROMANIAN + ENGLISH, ["ro"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1])
    name = units.name(0, 2, "en", set())
    assert " " in name and "/" not in name
    assert name in " ".join(ROMANIAN)  # a phrase its comments use


def test_a_theme_mostly_in_the_label_language_gets_no_foreign_name():
    units = _units(ROMANIAN[:1] + ENGLISH, ["ro"] + ["en"] * 3, [0, 0, 0, 0])
    assert units.name(0, 1, "en", set()) == ""
    single = _units(ROMANIAN[:1] + ENGLISH, ["ro"] + ["en"] * 3, [0, 1, 1, 1])
    assert single.name(0, 2, "en", set()) == ""  # one Romanian unit is no phrase


def test_a_taken_name_is_not_given_twice():
    units = _units(ROMANIAN + ENGLISH, ["ro"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1])
    first = units.name(0, 2, "en", set())
    assert units.name(0, 2, "en", {first}) != first
