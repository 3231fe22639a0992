from __future__ import annotations

from importlib.util import find_spec

import numpy as np
import pytest

from feedback_nlp.topics import labels, phrases
from feedback_nlp.topics.category_names import _two_words, generic_words, name_categories
from feedback_nlp.topics.codebook import builtin_content_free
from feedback_nlp.topics.config import Theme
from feedback_nlp.topics.scripts import script

# Invented feedback: (category, theme name, texts of the theme's units).
TOP_UP = [
    (0, "automatic reload", [f"the auto top up failed {d}" for d in ("today", "again", "twice")]
     + ["my automatic reload never runs", "automatic reload is off"]),
    (0, "reload fees", [f"why pay a fee to top up {w}" for w in ("here", "online", "by card")]
     + ["reload fees are high", "reload fees again"]),
    (0, "code by text", ["verification code by text never came"] * 3
     + ["verification code by text expired", "verification code by text wrong",
        "please top up works", "cannot top up"]),
]  # fmt: skip
CARDS = [
    (1, "card declined", ["my card declined at the shop", "card declined in the bar",
                          "card declined online", "my card declined again"]),
    (1, "new cards", ["new cards arrived bent", "new cards never came", "my card is new",
                      "the new cards look cheap"]),
]  # fmt: skip
GOOD = [
    (2, "coffee taste", ["good coffee taste", "good coffee taste here", "coffee taste bitter",
                         "good muffins", "good coffee"]),
    (2, "music volume", ["good music volume", "music volume too loud", "good music",
                         "music volume low", "good music volume"]),
]  # fmt: skip
# The pair "locker & parcel", said together ("parcel lockers") by one unit of each theme.
LOCKER = [
    (4, "locker code", ["the locker code never came", "locker code expired today",
                        "wrong locker code again", "parcel lockers were full",
                        "my parcel sat in the locker"]),
    (4, "locker door", ["locker door jammed", "locker door would not open",
                        "parcel lockers broken", "the parcel was stuck",
                        "parcel stuck in a locker"]),
]  # fmt: skip
# One word the themes share ("escalator"), said with "broken" in both themes by three units.
ESCALATOR = [
    (5, "escalator noise", ["escalator broken and loud", "escalator squeaks",
                            "noisy escalator at the exit", "escalator broken again",
                            "that escalator squeaks all day"]),
    (5, "take the stairs", ["escalator broken so we took the stairs", "stairs instead of it",
                            "escalator stopped", "stairs are steep", "escalator stopped twice"]),
]  # fmt: skip
# Two themes about bookings whose most shared word is a time word ("month").
BOOKING = [
    (6, "booking moved", ["booking moved last month", "booking moved this month",
                          "month of waiting for the booking", "booking moved again",
                          "booking moved twice a month"]),
    (6, "booking lost", ["booking lost last month", "booking lost this month",
                         "month after the booking", "booking lost again", "booking lost"]),
]  # fmt: skip
# A category about parcels: a filler word ("thing") two small themes use, under 3 % of its units.
PARCEL = [
    (7, "parcel lockers", ["parcel locker full", "parcel locker broken", "parcel locker closed",
                           "parcel locker jammed"] * 50),
    (7, "parcel late", ["parcel came late", "parcel late again", "late parcel",
                        "parcel delayed", "parcel arrived late", "parcel late today",
                        "parcel late", "parcel late twice", "one thing went wrong",
                        "thing was odd"]),
    (7, "parcel damaged", ["parcel damaged", "parcel damaged again", "damaged parcel",
                           "parcel torn", "parcel box crushed", "parcel damaged today",
                           "parcel wet", "parcel opened", "that thing stinks",
                           "thing keeps happening"]),
]  # fmt: skip
KNOW = [
    (3, "wine list", ["staff know the wine list", "they know wines", "waiters know the wine list",
                      "nobody knows the wine list", "wine list is long"]),
    (3, "dessert menu", ["staff know desserts", "the waiter knew the dessert menu",
                         "they know it", "dessert menu changed", "know the dessert menu"]),
]  # fmt: skip


def _fixture(groups: list) -> tuple[phrases.PhraseCounts, list[Theme], list[str], list[int]]:
    texts, rows, themes = [], [], []
    for row, (category, label, unit_texts) in enumerate(groups):
        themes.append(Theme(topic=row, label=label, category_id=category))
        texts += unit_texts
        rows += [row] * len(unit_texts)
    counts = phrases.count_phrases(texts, rows, len(groups), "en", 50_000)
    return counts, themes, texts, rows


def _names(groups: list, lemmas: bool = False, tagged: bool = False) -> dict[int, str]:
    counts, themes, texts, rows = _fixture(groups)
    words = None
    lemmatizer = labels.Lemmatizer()
    if lemmas or tagged:
        tokens = lemmatizer.tokens(texts, ["en"] * len(texts))
        vocabulary = labels.build_vocabulary(tokens, 10_000)
        matrix = labels.count_matrix(tokens, np.asarray(rows), len(groups), vocabulary)
        words = (matrix, sorted(vocabulary, key=vocabulary.__getitem__))
    generic = generic_words(builtin_content_free(), "en")
    categories = sorted({t.category_id for t in themes})
    tags = lemmatizer.tags("en") if tagged else None
    return name_categories(
        counts, themes, categories, generic, words, tags=tags,
        lemmatize=lambda w: lemmatizer.word_lemmas(w, "en"),
    )  # fmt: skip


def test_a_category_is_named_by_what_its_themes_share_not_one_themes_phrase():
    names = _names(TOP_UP + CARDS + GOOD)
    assert "top up" in names[0]
    assert "verification" not in names[0]


@pytest.mark.skipif(
    not any(find_spec(name) for name in labels.SPACY_PIPELINES["en"]),
    reason="no trained English spaCy pipeline installed",
)
def test_with_parts_of_speech_a_name_holds_a_noun_and_a_phrasal_verb_stays():
    untagged = _names(TOP_UP + CARDS + GOOD + KNOW, lemmas=True)[3]
    assert "know" in untagged.lower().split()  # without tags the verb names it ("staff know")
    names = _names(TOP_UP + CARDS + GOOD + KNOW, tagged=True)
    assert "know" not in names[3].lower().replace("&", " ").split()
    assert {"wine", "dessert", "menu", "list"} & set(names[3].replace("&", " ").split())
    assert "top up" in names[0]  # a verb and its particle need no noun


@pytest.mark.parametrize("tagged", [False, True])
def test_a_phrase_of_the_two_best_words_replaces_the_pair(tagged):
    names = _names(TOP_UP + CARDS + GOOD + LOCKER, lemmas=True, tagged=tagged)
    assert names[4] == "parcel lockers"  # not "locker & parcel"


def test_without_a_tagger_a_phrase_of_the_best_word_names_the_category():
    assert _names(TOP_UP + CARDS + GOOD + ESCALATOR, lemmas=True)[5] == "escalator broken"


@pytest.mark.skipif(
    not any(find_spec(name) for name in labels.SPACY_PIPELINES["en"]),
    reason="no trained English spaCy pipeline installed",
)
def test_with_a_tagger_the_best_word_is_not_narrowed_to_one_phrase():
    assert _names(TOP_UP + CARDS + GOOD + ESCALATOR, tagged=True)[5] == "Escalator"


def test_a_generic_evaluative_word_names_no_category():
    names = _names(TOP_UP + CARDS + GOOD, lemmas=True)
    assert "good" not in names[2].split()
    assert {"coffee", "music"} & set(names[2].replace("&", " ").split())


@pytest.mark.parametrize("lemmas", [False, True])
def test_a_time_word_names_no_category(lemmas):
    names = _names(TOP_UP + CARDS + GOOD + BOOKING, lemmas=lemmas)
    words = names[6].lower().replace("&", " ").split()
    assert "month" not in words
    assert {"booking", "book"} & set(words)  # the lemma of "booking" is "book"


def test_two_forms_of_one_word_do_not_make_a_name():
    names = _names(TOP_UP + CARDS + GOOD)
    words = names[1].replace("&", " ").split()
    assert not ({"card", "cards"} <= set(words))


def test_a_spread_stop_word_does_not_start_a_name():
    names = _names(TOP_UP + CARDS + GOOD)
    assert not names[1].startswith("my ")


def test_category_names_differ_from_member_names_and_each_other():
    groups = TOP_UP + CARDS + GOOD
    names = _names(groups, lemmas=True)
    assert len(set(names.values())) == len(names) == 3
    assert not set(names.values()) & {label for _, label, _ in groups}
    assert all(1 <= len(name.split()) <= 5 for name in names.values())
    assert not any(ch.isdigit() for name in names.values() for ch in name)


def test_no_phrases_no_names():
    counts, themes, _, _ = _fixture(CARDS)
    empty = phrases.PhraseCounts("en", [], counts.counts[:, :0], counts.sizes)
    assert name_categories(empty, themes, [1]) == {}


def test_generic_replies_are_refused_as_lemmas_too():
    from feedback_nlp.topics.describe import _generic_words
    from feedback_nlp.topics.model import ThemeModel

    model = ThemeModel()
    model.codebook_, model.label_language_ = None, "en"
    generic = _generic_words(model, labels.Lemmatizer())
    assert "thanks" in generic
    assert "thank" in generic  # names are built from lemmas: "thanks" is read as "thank"


@pytest.mark.parametrize("lemmas", [False, True])
def test_a_second_word_few_of_the_categorys_units_use_is_left_out(lemmas):
    assert _names(TOP_UP + CARDS + GOOD + PARCEL, lemmas=lemmas)[7] == "Parcel"  # not "& thing"
    said_more = [
        (c, label, texts + [t for t in texts if "thing" in t] * 4) for c, label, texts in PARCEL
    ]
    assert _names(TOP_UP + CARDS + GOOD + said_more, lemmas=lemmas)[7] == "parcel & thing"


def _opinions(category: int) -> list:
    """Three themes of 20 units: each word is said by 2 units of a theme and of the next one,
    so 4 of the 60 units (7 %) say it."""
    nouns = ("zebra", "violin", "teapot", "glacier", "lantern", "walnut", "compass", "harbour",
             "meadow", "falcon", "pebble", "saddle", "thimble", "quarry", "orchard", "beacon",
             "ladder", "kettle", "anchor", "cactus")  # fmt: skip
    return [
        (category, f"opinion {row}", [f"that {nouns[i // 2 + 5 * row]} again" for i in range(20)])
        for row in range(3)
    ]


def test_a_large_category_whose_themes_share_no_topic_is_called_various():
    counts, themes, _, _ = _fixture(CARDS + _opinions(8))
    generic = generic_words(builtin_content_free(), "en")
    named = name_categories(counts, themes, [1, 8], generic, various="Various")
    assert named[8] == "Various"
    assert named[1] != "Various"  # its themes share "card"
    assert name_categories(counts, themes, [1, 8], generic)[8] not in ("", "Various")


def test_a_category_is_not_called_various_when_one_of_its_themes_is():
    counts, themes, _, _ = _fixture(CARDS + _opinions(8))
    themes[2].label = "Various"
    named = name_categories(counts, themes, [1, 8], [], various="Various")
    assert named[8] != "Various"


def test_categories_that_share_no_topic_are_joined_into_one():
    from feedback_nlp.topics.describe import DISCOVERED, _join_various

    themes = [Theme(topic=t, label=f"t{t}", category_id=c) for t, c in enumerate([0, 1, 2, 1])]
    for theme in themes:
        theme.category_source = DISCOVERED
    _join_various(themes, {0: "card pin", 1: "Various", 2: "Various"}, "Various")
    assert [t.category_id for t in themes] == [0, 1, 1, 1]


def test_the_two_words_of_a_name_are_of_one_script():
    singles = [("рейс", 0.5), ("πτήση", 0.4), ("задержка", 0.3)]
    reach = {"рейс": 0.4, "πτήση": 0.3, "задержка": 0.2}
    assert [w for w, _ in _two_words(singles, reach)] == ["рейс", "задержка"]
    assert script("πτήση") == "GREEK" and script("Food") == "LATIN" and script("42") == ""


def test_two_han_characters_may_name_a_category():
    """Before, a word needed three letters: no Chinese word could name a category."""
    groups = [
        (0, "退款慢", ["退款很慢", "退款还没到", "退款太慢了", "客服说退款"]),
        (0, "退款拒绝", ["退款被拒绝", "退款申请被拒", "客服拒绝退款", "退款失败"]),
    ]
    texts, rows, themes = [], [], []
    for row, (category, label, unit_texts) in enumerate(groups):
        themes.append(Theme(topic=row, label=label, category_id=category))
        texts += unit_texts
        rows += [row] * len(unit_texts)
    counts = phrases.count_phrases(texts, rows, 2, "zh", 1000)
    assert name_categories(counts, themes, [0]) == {0: "退款"}
