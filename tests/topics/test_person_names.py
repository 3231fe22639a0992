"""The words comments use as a person's name, found without a name list."""

from __future__ import annotations

from feedback_nlp.topics import phrases
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
    dutch = ["Fijne sfeer, docent Maartje de Vries nam de tijd.", "Docent Maartje de Vries hielp."]
    assert {"maartje", "vries"} <= person_words(dutch, ["nl", "nl"])
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


def test_brands_places_and_nouns_written_in_capitals_are_no_names():
    """Before, "wi", "fi", "black", "friday", "apple", "pay", "station", "road", "albany",
    "cardiff" and "central" were people's names: capitalised next to each other."""
    texts = [
        "The Wi-Fi dropped twice an hour.",
        "No Wi-Fi on the top floor",
        "Black Friday offers were a joke",
        "The Black Friday offers ended early",
        "Paid with Apple Pay and it failed",
        "Apple Pay failed at the till",
        "Bins on Station Road left for weeks",
        "Albany Road is one big pothole",
        "The train into Cardiff Central was cancelled",
        "Fly-tipping on Queen Street again",
    ]
    assert _english(texts) == frozenset()


def test_a_contact_cue_without_a_colon_takes_no_name():
    """Before, "vodafone", "ofcom" and "netflix" after "contact", "spoke to", "asked for"."""
    texts = [
        "I had to contact Vodafone four times.",
        "We spoke to Ofcom about the outage",
        "I asked for Netflix in the bundle",
        "Had to contact Ofcom in the end",
    ]
    assert _english(texts) == frozenset()
    assert _english(["Please ring. Contact: Tamsin Achterberg"]) == {"tamsin", "achterberg"}


def test_a_refused_title_or_one_in_capitals_takes_no_name():
    """Before, "world", "port", "bimbo", "teams", "office" and "martens" were people's names
    after "PC", "pan", "MS" and "Dr"; a police constable's surname still is one."""
    texts = [
        "Bought it at PC World and the refund was refused",
        "The PC Port runs badly",
        "MS Teams keeps freezing in calls",
        "MS Office wants a licence again",
        "My Dr Martens split at the sole",
        "the office heating is broken",
    ]
    assert _english(texts) == frozenset()
    assert person_words(["el pan Bimbo llegó duro"], ["es"]) == frozenset()
    assert _english(["PC Hargreaves took my statement."]) == {"hargreaves"}


def test_a_role_word_before_a_brand_or_a_common_word_takes_no_name():
    """Before, "uber" after "driver" and "training" after "officer"."""
    texts = ["The driver Uber sent was polite", "The officer Training was a waste of time"]
    assert _english(texts) == frozenset()


def test_a_word_half_written_in_lower_case_is_no_name():
    """Before, "teams" of "MS Teams" was a name though written in lower case half the time."""
    texts = ["MS Teams crashed again"] * 3 + ["our teams wait for laptops"] * 3
    assert _english(texts) == frozenset()


def test_common_words_in_capitals_stay_in_theme_phrases():
    """Before, "black friday offers" and "apple pay" lost their words to the name guard."""
    texts = ["Black Friday offers were a joke", "Black Friday offers ended early"]
    texts += ["Apple Pay failed at the till", "Paid with Apple Pay and it failed"]
    people = _english(texts)
    for text in texts:
        assert phrases.candidates(text, "en", people) == phrases.candidates(text, "en")
    assert "black friday offers" in phrases.candidates(texts[0], "en", people)


# Probe 52: staff praised or blamed by first name named themes ("dave on the till", "thanks
# aisha", "hca bethany helped me wash", "mark is a fantastic manager").
STAFF_LINES = [
    "Dave on the till was lovely and quick.",
    "Thanks Dave! Really easy return.",
    "Queue was short and Aisha on the till was cheerful.",
    "Easy returns, thanks Aisha!",
    "The HCA Bethany helped me wash and kept my dignity.",
    "HCA Bethany was so gentle with my mum.",
    "Sister Agnes ran the ward like clockwork.",
    "Sister Agnes kept the ward calm at night.",
    "Nurse Jo explained my aftercare twice.",
    "Nurse Jo was amazing on the night shift.",
    "Mark is a fantastic manager, always listens.",
    "My manager Mark never has time for one to ones.",
    "Mark checks my status every hour.",
    "Helen should listen to the team before committing to deadlines.",
    "Helen cancels every other one to one.",
    "My manager Helen never gives feedback.",
    "Helen is a great manager when she is around.",
]
ORDINARY_LINES = [
    "Apple Pay failed at the till so I paid by card.",
    "Black Friday deals were great, thanks to the app.",
    "The station was closed, thanks for nothing.",
    "Paid with apple pay, quick on the till.",
    "black friday queues were long at the checkout",
    "the station staff were helpful",
    "Mark my words, the checkout will break again.",
    "Left a mark on the sofa, the delivery team did not care.",
    "the price tag had a mark on it",
]


def test_a_name_after_a_role_or_thanks_or_before_the_till_is_a_person_name():
    found = _english(STAFF_LINES)
    assert {"dave", "aisha", "bethany", "agnes", "jo", "mark", "helen"} <= found
    assert not found & {"hca", "sister", "nurse", "manager", "thanks", "till", "ward"}


def test_ordinary_words_near_thanks_and_tills_stay_no_names():
    found = _english(ORDINARY_LINES + STAFF_LINES[:4])
    assert found.isdisjoint({"apple", "pay", "black", "friday", "station", "mark", "thanks"})


def test_a_brand_thanked_in_a_few_of_its_uses_is_no_name():
    """Review of stop 52: "Thanks Ocado!" twice among 22 uses made "ocado" a name."""
    lines = ["Thanks Ocado! Quick delivery.", "Great service, thanks Ocado!"]
    lines += [f"Ocado delivered order {i} late." for i in range(20)]
    assert "ocado" not in _english(lines)


def test_a_word_only_ever_thanked_is_no_name():
    """Review of stop 52: "Thanks Activision!" made "activision" a theme's person word."""
    lines = ["Thanks Activision! Great update.", "Activision dont care about the community"]
    assert "activision" not in _english(lines)
