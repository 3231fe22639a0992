"""The words comments use as a person's name, found without a name list."""

from __future__ import annotations

from feedback_nlp.topics.person_names import person_words

CONTACT_LINES = [
    "Renewal went smoothly. Call me back: Nadia Okafor, <EMAIL>",
    "The export keeps timing out. Call me back: Pavel Halvorsen, <EMAIL>",
    "Billing was wrong twice. Call me back: Greta Okafor, <EMAIL>",
    "Setup took a week. Call me back: Idris Brennan, <EMAIL>",
]
LECTURER_LINES = [
    "Professor Varga spoke too fast in every lecture.",
    "I think Professor Varga spoke too fast for most of us.",
    "The labs were fine but Professor Varga spoke too fast.",
]
BRAND_LINES = [
    "The Netflix app keeps freezing on my TV.",
    "netflix app keeps freezing after the update",
    "my netflix app keeps freezing every evening",
    "Paying with Google Pay fails at checkout.",
    "google pay fails at checkout every time",
]


def _english(texts: list[str]) -> frozenset[str]:
    return person_words(texts, ["en"] * len(texts))


def test_the_names_on_contact_lines_are_person_names():
    found = _english(CONTACT_LINES)
    assert {"nadia", "okafor", "pavel", "halvorsen", "greta", "idris", "brennan"} <= found
    assert not found & {"renewal", "export", "billing", "setup", "call", "back"}


def test_a_name_after_a_role_or_title_is_a_person_name():
    assert _english(LECTURER_LINES) == {"varga"}
    dutch = ["Fijne sfeer, docent Maartje de Wit nam de tijd.", "Docent Maartje de Wit hielp."]
    assert {"maartje", "wit"} <= person_words(dutch, ["nl", "nl"])
    polish = ["Pan Wiśniewski z działu obiecał oddzwonić, ale nic."]
    assert person_words(polish, ["pl"]) == {"wiśniewski"}


def test_two_capitalised_words_and_a_particle_between_them_are_a_name():
    welsh = ["Bin missed again, I rang three times. Diolch, Rhodri ap Emlyn"]
    assert {"rhodri", "emlyn"} <= _english(welsh)
    assert "ap" not in _english(welsh)


def test_a_brand_also_written_in_lower_case_is_no_name():
    assert _english(BRAND_LINES + CONTACT_LINES).isdisjoint({"netflix", "google", "pay", "tv"})


def test_german_nouns_next_to_each_other_are_no_names():
    german = ["Die Lieferung kam am Montag, Paket Zustellung war beschädigt."] * 3
    assert person_words(german, ["de"] * 3) == frozenset()
    assert person_words(["Frau Lindemann hat nie zurückgerufen."], ["de"]) == {"lindemann"}


def test_a_text_in_title_case_tells_nothing():
    headline = ["Terrible Customer Service From Start To Finish"] * 3
    assert _english(headline) == frozenset()


def test_a_title_is_no_name_and_a_common_word_in_addresses_is_none_either():
    texts = [
        "Mr Adeyemi promised a call. Councillor Brightwell never replied.",
        "Mrs Adeyemi was helpful.",
        "Pothole on Mill Road again.",
        "The road outside is flooded, the road sign fell.",
    ]
    found = _english(texts)
    assert {"adeyemi", "brightwell"} <= found
    assert not found & {"mr", "mrs", "councillor", "road"}
