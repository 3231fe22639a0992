"""Names after a role, a contact request, a call's introduction or thanks
(`feedback_nlp.text.people_cues`), through `redact_names` and `redact_pii`."""

import pytest

from feedback_nlp.text.people import redact_names
from feedback_nlp.text.pii import redact_pii

CALLS = [
    ("Thank you for calling, Priya speaking.", "Thank you for calling, <NAME> speaking."),
    (
        "Morning, you're speaking with Tom Bennett. How can I help?",
        "Morning, you're speaking with <NAME>. How can I help?",
    ),
    (
        "Hello, this is Sarah from the accounts team.",
        "Hello, this is <NAME> from the accounts team.",
    ),
    ("Buenas, le atiende Joana, ¿qué necesita?", "Buenas, le atiende <NAME>, ¿qué necesita?"),
    ("Bom dia, fala Marcos, diga.", "Bom dia, fala <NAME>, diga."),
    # stop 53: Portuguese with an article, Polish
    ("Bom dia, fala a Marta, em que posso ajudar?", "Bom dia, fala a <NAME>, em que posso ajudar?"),
    ("Olá, aqui é a Marta do suporte.", "Olá, aqui é a <NAME> do suporte."),
    ("Dzień dobry, tu Katarzyna z banku.", "Dzień dobry, tu <NAME> z banku."),
    (
        "Dzień dobry, z tej strony Katarzyna, w czym mogę pomóc?",
        "Dzień dobry, z tej strony <NAME>, w czym mogę pomóc?",
    ),
    ("Sí, soy Carmen Soto y llamo por la factura.", "Sí, soy <NAME> y llamo por la factura."),
    ("Hola, soy Lucía, ¿en qué le ayudo?", "Hola, soy <NAME>, ¿en qué le ayudo?"),
    ("Yes, it's Emily Clarke, the account holder.", "Yes, it's <NAME>, the account holder."),
    ("Yes, it's Emily Clarke speaking.", "Yes, it's <NAME> speaking."),
    ("Thank you John Carter.", "Thank you <NAME>."),
    (
        "that fixed it, thank you so much Priya Shah, great help",
        "that fixed it, thank you so much <NAME>, great help",
    ),
    ("Gracias, Carmen Soto.", "Gracias, <NAME>."),
    ("Hi, my name's Tom.", "Hi, my name's <NAME>."),
    ("I'm Mark Schmidt, head of IT at a small firm.", "I'm <NAME>, head of IT at a small firm."),
    ("Ich bin Jonas Fischer von der Buchhaltung.", "Ich bin <NAME> von der Buchhaltung."),
    ("Please call me back, Mark Schmidt", "Please call me back, <NAME>"),
    ("Call me back: Laura Weber, thanks", "Call me back: <NAME>, thanks"),
    ("Rückruf bitte an Jonas Fischer.", "Rückruf bitte an <NAME>."),
    ("Ansprechpartner: Jonas Fischer", "Ansprechpartner: <NAME>"),
    ("Neuer Ansprechpartner Jonas Fischer", "Neuer Ansprechpartner <NAME>"),
    ("contact: Laura Weber", "contact: <NAME>"),
]
ROLES = [
    (
        "Professor Smith made every seminar worth it.",
        "Professor <NAME> made every seminar worth it.",
    ),
    ("professor Jansen legde het goed uit", "professor <NAME> legde het goed uit"),
    ("Docent De Boer gaf snel cijfers.", "Docent <NAME> gaf snel cijfers."),
    ("Die Dozentin Becker antwortet nie.", "Die Dozentin <NAME> antwortet nie."),
    ("Dozent Wagner erklärt gut.", "Dozent <NAME> erklärt gut."),
    ("our tutor Anna was patient", "our tutor <NAME> was patient"),
    ("Lehrer Schmidt war streng", "Lehrer <NAME> war streng"),
    ("juf Anja is lief", "juf <NAME> is lief"),
    ("meester Jan is leuk", "meester <NAME> is leuk"),
]
KEPT = [
    "Hi, this is Amazon",
    "Hi, this is ridiculous.",
    "I'm Happy with it",
    "Yes, it's Monday again.",
    "Yes it's Monday Morning again",
    "Thank you Vodafone!",
    "Thanks Again!",
    "Thanks Larian Studios!",
    "Thank you, OP.",
    "speaking English is hard",
    "Generally speaking, fine.",
    "English speaking staff, please.",
    "This is Amazon from start to end",
    "I'm Very Disappointed With The Service",
    "I'M LITERALLY DONE",
    "Merci de RT.",
    "Bueno, yo soy de la Real, neutral",
    "ich bin Student aus Berlin",
    "Unser Ansprechpartner hat zweimal gewechselt.",
    "docent Engels was saai",
    "Professor Layton-style puzzles",
    "Call me back ASAP",
    "call me back Monday please",
    "contact: Email",
]


@pytest.mark.parametrize(("text", "expected"), CALLS)
def test_a_calls_introductions_thanks_and_contact_requests_name_no_one(text, expected):
    """Probe 51 (contact centre, B2B): agents' and callers' names reached quotes and themes."""
    assert redact_pii(text) == (expected, ["name"])


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_a_name_after_a_teaching_role_goes(text, expected):
    """Probe 51 (education): "Professor Lindqvist" became a theme name."""
    assert redact_names(text, "<NAME>") == (expected, True)


@pytest.mark.parametrize("text", KEPT)
def test_brands_days_feelings_languages_and_shouting_after_the_cues_stay(text):
    assert redact_names(text, "<NAME>") == (text, False)


def test_a_name_at_the_start_that_is_no_name_does_not_stop_the_search():
    """A refused name at the text's start ("Generally speaking") moves the search on."""
    assert redact_names("Generally speaking, Priya speaking.", "<NAME>") == (
        "Generally speaking, <NAME> speaking.",
        True,
    )


#: Common words after a weak cue (a self-introduction, "it's", "this is", thanks, "speaking",
#: a role): no name, even capitalised (review 51: 86 of 151 ordinary comments changed).
COMMON_WORDS = [
    "I'm Extremely Disappointed with the refund.",
    "Yes, it's Amazing!",
    "I'm Gold Member and still queued for an hour",
    "This is Unacceptable from a bank",
    "You've reached British Gas.",
    "Hi, this is Octopus Energy calling about the meter",
    "Oui, je suis Satisfait.",
    "Ja, ich bin Zufrieden.",
    "Hallo, ich bin Lehrerin.",
    "Soy Estudiante de Medicina y la app falla",
    "Financially speaking, a poor deal.",
    "Public speaking.",
    "The Teacher Assessment felt unfair",
    "Tutor Time was wasted",
    "Lehrer Zimmer war kalt",
    "Thank you Premier Inn!",
    "Merci Beaucoup !",
    "Grazie Mille!",
]
#: Thanks and one capitalised word: a brand as often as a name, left alone.
THANKED_BRANDS = ["Thank you EasyJet.", "Thanks Ryanair!", "Danke Lufthansa!", "Gracias Iberia."]


@pytest.mark.parametrize("text", COMMON_WORDS + THANKED_BRANDS)
def test_common_words_and_thanked_brands_after_a_weak_cue_stay(text):
    """Review 51: redacted feelings and nouns took the signal sentiment reads."""
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm Mark Schmidt, the office manager.", "I'm <NAME>, the office manager."),
        ("Hello, this is Sarah from billing.", "Hello, this is <NAME> from billing."),
        ("Lehrer Schmidt war streng", "Lehrer <NAME> war streng"),
        ("Docent De Boer gaf snel cijfers.", "Docent <NAME> gaf snel cijfers."),
        ("Thanks so much Priya Shah!", "Thanks so much <NAME>!"),
    ],
)
def test_a_name_with_one_uncommon_word_still_goes(text, expected):
    """A common first name ("Mark") with an uncommon surname, or a surname with a particle."""
    assert redact_names(text, "<NAME>") == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my manager Helen never has time", "my manager <NAME> never has time"),
        (
            "start doing proper 1:1s. my manager Helen never has time for me",
            "start doing proper 1:1s. my manager <NAME> never has time for me",
        ),
        ("My line manager, Tom Baker, is great", "My line manager, <NAME>, is great"),
        ("my team lead Priya cancels every 1:1", "my team lead <NAME> cancels every 1:1"),
        ("Mikromanagement durch Katrin beenden", "Mikromanagement durch <NAME> beenden"),
        ("mein Chef Jürgen hört nie zu", "mein Chef <NAME> hört nie zu"),
        ("meine Chefin Katrin ist toll", "meine Chefin <NAME> ist toll"),
        ("mój kierownik Tomasz nie słucha", "mój kierownik <NAME> nie słucha"),
        ("Stop being micromanaged by Oliver", "Stop being micromanaged by <NAME>"),
    ],
)
def test_a_respondents_manager_is_a_name_cue(text, expected):
    """Probe 52 (employee survey): managers' names reached quotes of tiny teams."""
    assert redact_pii(text) == (expected, ["name"])


@pytest.mark.parametrize(
    "text",
    [
        "my manager said no",
        "my manager Is never there",
        "My manager Never listens",
        "my manager I think is overworked",
        "My Manager Is Great",
        "my boss Monday told me",
        "my supervisor Always cancels",
        "mein Chef Urlaub genehmigt nie",
        "unser Chef Ist nie da",
        "my manager and my team lead agree",
    ],
)
def test_ordinary_words_after_a_manager_stay(text):
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you Florence Road.",
        "Excellent, cheers Oxford Street!",
        "cheers Oxford Street!",
        "Went to the Wimbledon store. Thank you Wimbledon Broadway.",
        "Thanks Victoria Square, brilliant as always.",
        "Thank you Stratford Westfield.",
    ],
)
def test_a_store_named_after_a_place_and_thanked_stays(text):
    """Probe 52 (retail): store names after thanks became <NAME>."""
    assert redact_names(text, "<NAME>") == (text, False)


def test_a_thanked_person_whose_surname_is_no_place_word_still_goes():
    assert redact_names("Thank you Paige Lane!", "<NAME>") == ("Thank you <NAME>!", True)
    assert redact_names("Cheers, Tom Baker", "<NAME>") == ("Cheers, <NAME>", True)


@pytest.mark.parametrize(
    "text", ["My team lead Jira tickets pile up", "My manager Covid policy was strict"]
)
def test_a_product_after_a_manager_cue_stays(text):
    """Review of stop 52: "my team lead Jira tickets" lost "Jira" as a name."""
    from feedback_nlp.text.pii import redact_pii

    assert redact_pii(text)[0] == text


@pytest.mark.parametrize(
    "text", ["Aqui é a América.", "Tu Madre.", "Tu Vas bien?", "aqui é a Vivo de novo"]
)
def test_a_place_or_a_word_after_a_weak_call_opening_stays(text):
    """Stop 53: "aqui é" and "tu" take a name only when it goes on ("do suporte", "z banku")."""
    assert redact_names(text, "<NAME>") == (text, False)


def test_tu_inside_a_word_is_no_call_opening_hint():
    """Review of stop 53: "tu" inside "actually" let 1,041 of 5,000 texts past the pre-check."""
    from feedback_nlp.text.people_cues import may_hold_cue

    assert not may_hold_cue("It actually works")
    assert may_hold_cue("Dzień dobry, tu Katarzyna z banku")
