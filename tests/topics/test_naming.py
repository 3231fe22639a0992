"""Theme names in a theme's own language, and from the units nearest its centroid."""

from __future__ import annotations

from types import SimpleNamespace

from feedback_nlp.topics.config import Theme
from feedback_nlp.topics.naming import FittedUnits, keyword_name, name_themes
from feedback_nlp.topics.phrases import count_phrases
from feedback_nlp.topics.sentences import content_words, is_sentence

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


GERMAN = ["lieferung viel zu spät", "die lieferung viel zu spät", "lieferung viel zu spät heute"]
FEW_ENGLISH = ["the courier came far too late", "my delivery got lost twice"]
RUSSIAN = ["доставка опоздала на неделю"] * 3


def _model(texts: list[str], langs: list[str]) -> SimpleNamespace:
    """A one-theme model whose label-language (English) phrase counts come from `texts`."""
    rows = [0 if lang == "en" else -1 for lang in langs]
    theme = Theme(topic=0, label="", size=len(texts))
    return SimpleNamespace(
        themes_={0: theme},
        topic_ids_=[0],
        phrases_=count_phrases(texts, rows, 1, "en", 1000),
        centroids_=None,
        label_language_="en",
    )


def test_a_theme_with_units_in_the_label_language_is_named_in_it():
    texts, langs = GERMAN + FEW_ENGLISH, ["de"] * 3 + ["en"] * 2
    model = _model(texts, langs)
    name_themes(model, None, fitted=_units(texts, langs, [0] * 5))
    label = model.themes_[0].label
    assert " " in label and "/" not in label
    assert label in " ".join(FEW_ENGLISH)  # not "lieferung viel zu spät"


def test_a_theme_without_label_language_units_keeps_its_own_language():
    model = _model(GERMAN, ["de"] * 3)
    name_themes(model, None, fitted=_units(GERMAN, ["de"] * 3, [0] * 3))
    assert model.themes_[0].label in " ".join(GERMAN)


def test_a_name_in_another_language_is_never_a_whole_sentence():
    units = _units(RUSSIAN + ENGLISH, ["ru"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1])
    name = units.name(0, 2, "en", set())
    assert name and name in RUSSIAN[0] and name != RUSSIAN[0]
    assert is_sentence("доставка опоздала на неделю", content_words(RUSSIAN, "ru"))


def test_a_sentence_gives_way_to_its_most_used_part_without_a_trailing_degree_word():
    french = ["livraison est arrivée trop tard"] * 3
    units = _units(french + ENGLISH, ["fr"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1])
    assert units.name(0, 2, "en", set()) == "arrivée trop tard"  # not "… arrivée trop"


FRENCH_AND_SHORT_ENGLISH = ["pas terrible"] * 5 + ["Avoid.", "Awful.", "Avoid!", "awful"]
LANGS_FR_EN = ["fr"] * 5 + ["en"] * 4


def test_a_theme_with_label_language_units_but_no_phrase_takes_their_words():
    """Before, the French phrase of its largest language won over its English words."""
    model = _model(FRENCH_AND_SHORT_ENGLISH, LANGS_FR_EN)
    name_themes(model, None, fitted=_units(FRENCH_AND_SHORT_ENGLISH, LANGS_FR_EN, [0] * 9))
    assert model.themes_[0].label == "avoid / awful"


def test_one_label_language_word_names_a_theme_rather_than_a_mix_of_languages():
    texts, langs = (
        ["Love it.", "love it!", "Me encanta.", "me encanta", "me encanta"],
        ["en"] * 2 + ["es"] * 3,
    )
    model = _model(texts, langs)
    model.themes_[0].keywords = ["encantar", "love"]
    model.themes_[0].keywords_by_lang = {"en": ["love"], "es": ["encantar"]}
    name_themes(model, None, fitted=_units(texts, langs, [0] * 5))
    assert model.themes_[0].label == "love"  # not "encantar / love"


def test_keyword_names_are_of_one_language_and_never_vietnamese_syllables():
    mixed = Theme(topic=0, label="", size=4, keywords=["encantar", "love"])
    mixed.keywords_by_lang = {"es": ["encantar"], "en": ["love"]}
    assert keyword_name(mixed, "en") == "love"
    assert keyword_name(mixed, "ja") == "love"  # one language (ties: by code), no "a / b" mix
    syllables = Theme(topic=1, label="", size=4, keywords=["thất", "vọng", "失望"])
    syllables.keywords_by_lang = {"vi": ["thất", "vọng"], "zh": ["失望"]}
    assert keyword_name(syllables, "ja") == "失望"  # not "thất / vọng"


PRAISE = [
    "the charger lasts forever",
    "this charger lasts forever, love it",
    "charger lasts forever!",
]
COMPLAINTS = [
    "the charger stopped working",
    "charger stopped working after a day",
    "charger overheats badly",
    "my charger overheats",
    "charger died quickly",
]


def _charger_label(polarities: list[str]) -> str:
    texts = PRAISE + COMPLAINTS
    model = _model(texts, ["en"] * len(texts))
    fitted = FittedUnits(texts, ["en"] * len(texts), [0] * len(texts), 1000, {}, polarities)
    name_themes(model, None, fitted=fitted)
    return model.themes_[0].label


def test_a_name_saying_the_opposite_of_most_units_gives_way_to_one_that_agrees():
    """Before, a theme of mostly charger complaints was named "charger lasts forever"."""
    assert _charger_label([""] * 8) == "charger lasts forever"  # no sentiment: as before
    label = _charger_label(["positive"] * 3 + ["negative"] * 5)
    assert label in {"charger overheats", "charger stopped working"}


def test_a_theme_without_a_clear_polarity_majority_keeps_its_best_name():
    polarities = ["positive"] * 3 + ["negative"] * 4 + ["neutral"]  # 4 of 7 polar: 57 %
    assert _charger_label(polarities) == "charger lasts forever"


POLISH = ["Pan Wiśniewski z działu obiecał oddzwonić"] * 3


def test_a_name_in_another_language_holds_no_persons_name():
    """Before, such a theme was named "wiśniewski z działu", a tax officer's surname."""
    texts, langs, rows = POLISH + ENGLISH, ["pl"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1]
    units = FittedUnits(texts, langs, rows, 1000, people=frozenset({"wiśniewski"}))
    name = units.name(0, 2, "en", set())
    assert name and "wiśniewski" not in name
