"""Which words after a cue can be a name (`feedback_nlp.text.people_words`)."""

from feedback_nlp.text.people_words import ends_on_place, is_title_case, name_word_count


def test_name_words_stop_at_a_lower_case_word_and_keep_inner_particles():
    assert name_word_count(["Pieter", "van", "Dam", "said"]) == 3
    assert name_word_count(["the", "Smiths"]) == 0


def test_a_text_whose_words_are_mostly_capitalised_is_in_title_case():
    assert is_title_case("I'm Very Disappointed With The Service")
    assert not is_title_case("Yes, it's Emily Clarke speaking today, thanks")


def test_a_name_ends_on_a_place_when_its_last_word_is_a_street_or_square():
    assert ends_on_place(["Wimbledon", "Broadway"])
    assert ends_on_place(["Oxford", "Street"])
    assert not ends_on_place(["Street"])  # one word is a surname as often
    assert not ends_on_place(["Paige", "Lane"])


def test_a_particle_that_starts_an_organisation_ends_the_name():
    """Stop 53: "Herr Schneider von der Hotline" lost its organisation to the name."""
    assert name_word_count(["Schneider", "von", "der", "Hotline"]) == 1
    assert name_word_count(["Koch", "von", "Vattenfall"]) == 1
    assert name_word_count(["García", "de", "la", "Oficina", "Virtual"]) == 1
    assert name_word_count(["von", "der", "Leyen"]) == 3  # a surname after the title
    assert name_word_count(["María", "de", "la", "Cruz"]) == 4
    assert name_word_count(["Eckart", "von", "Hirschhausen"]) == 3
