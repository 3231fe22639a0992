"""The words that say which side a speaker is on."""

from feedback_nlp.io.speaker_labels import (
    FIELD_LIKE_LABELS,
    label_key,
    listed,
    role_key,
    speaker_side,
)


def test_speakers_of_both_sides_in_several_languages():
    for customer in ("Customer", "CLIENTE", "Kunde", "klant", "Appelant", "utente", "Caller"):
        assert speaker_side(customer) == "customer", customer
    for agent in ("Agent", "Agente", "Atendente", "Mitarbeiter", "Conseillère", "Bot", "IVR"):
        assert speaker_side(agent) == "agent", agent
    assert speaker_side("Supervisor Kim") is None and speaker_side("") is None


def test_a_numbered_or_spelt_label_is_read_as_its_word():
    assert label_key(" Agent_2 ") == "agent" and label_key("virtual-agent #1") == "virtual agent"
    assert listed({"Agent": 1200, "": 2}) == "'Agent' (1,200), none (2)"


def test_a_labels_role_is_a_known_word_before_a_name():
    assert role_key("Agent Ana") == "agent" and role_key("Agente 2") == "agente"
    assert role_key("Customer service") == "customer service"
    assert role_key("Client portal") is None and role_key("Issue") is None


def test_the_field_like_labels_are_speaker_words():
    assert all(speaker_side(label) is not None for label in FIELD_LIKE_LABELS)
