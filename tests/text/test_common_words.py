"""The common-word lexicon of the name cues (`feedback_nlp.text.common_words`)."""

import pytest

from feedback_nlp.text import common_words


@pytest.mark.parametrize(
    "word", ["Extremely", "Disappointed", "Gold", "Member", "Training", "Zimmer", "Satisfait"]
)
def test_frequent_words_of_the_cue_languages_are_common(word):
    assert common_words.is_common_word(word)


@pytest.mark.parametrize("word", ["John", "Tom", "Priya", "Schmidt", "Laura", "Jonas", "EasyJet"])
def test_names_and_rare_words_are_not_common(word):
    """ "john" is frequent, but "John" much more: a name."""
    assert not common_words.is_common_word(word)


def test_without_spacy_lookups_data_no_word_is_common(monkeypatch):
    monkeypatch.setattr(common_words, "_open", lambda name: None)
    assert common_words.common_words.__wrapped__() == frozenset()
