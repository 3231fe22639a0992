from __future__ import annotations

from feedback_nlp.topics.naming import FittedUnits
from feedback_nlp.topics.sentences import content_words, is_sentence

THAI = ["คนส่งพูดจาไม่สุภาพ ตะคอกใส่ลูกค้า"] * 3  # invented: two clauses, one sentence
ENGLISH = ["the parcel arrived late", "parcel arrived late again", "late parcel again"]


def test_two_thai_clauses_holding_a_whole_unit_are_its_sentence():
    """Before, a sentence needed three space-separated words: a Thai unit of two clauses
    could name its theme whole."""
    assert is_sentence(THAI[0], content_words(THAI, "th"))
    assert not is_sentence("parcel arrived", content_words(ENGLISH, "en"))


def test_a_thai_theme_is_not_named_by_one_of_its_sentences():
    units = FittedUnits(THAI + ENGLISH, ["th"] * 3 + ["en"] * 3, [0, 0, 0, 1, 1, 1], 1000)
    assert units.name(0, 2, "en", set()) != THAI[0]
