"""Which words after a cue can be a name (`feedback_nlp.text.people_words`)."""

from feedback_nlp.text.people_words import is_title_case, name_word_count


def test_name_words_stop_at_a_lower_case_word_and_keep_inner_particles():
    assert name_word_count(["Pieter", "van", "Dam", "said"]) == 3
    assert name_word_count(["the", "Smiths"]) == 0


def test_a_text_whose_words_are_mostly_capitalised_is_in_title_case():
    assert is_title_case("I'm Very Disappointed With The Service")
    assert not is_title_case("Yes, it's Emily Clarke speaking today, thanks")
