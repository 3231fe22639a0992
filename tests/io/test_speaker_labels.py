"""The words that say which side a speaker is on."""

from feedback_nlp.io.speaker_labels import label_key, listed, speaker_side


def test_speakers_of_both_sides_in_several_languages():
    for customer in ("Customer", "CLIENTE", "Kunde", "klant", "Appelant", "utente", "Caller"):
        assert speaker_side(customer) == "customer", customer
    for agent in ("Agent", "Agente", "Atendente", "Mitarbeiter", "Conseillère", "Bot", "IVR"):
        assert speaker_side(agent) == "agent", agent
    assert speaker_side("Supervisor Kim") is None and speaker_side("") is None


def test_a_numbered_or_spelt_label_is_read_as_its_word():
    assert label_key(" Agent_2 ") == "agent" and label_key("virtual-agent #1") == "virtual agent"
    assert listed({"Agent": 1200, "": 2}) == "'Agent' (1,200), none (2)"
