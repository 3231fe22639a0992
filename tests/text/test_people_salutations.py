"""Names in a reply's salutation, thanks and titled signature
(`feedback_nlp.text.people_salutations`), through `redact_names` and `redact_pii` (stop 53,
hotel-chain probe: the guest's name stayed in 127 management-response cells)."""

import pytest

from feedback_nlp.text.people import redact_names
from feedback_nlp.text.pii import redact_pii

ADDRESSED = [
    (
        "Dear Marie Dubois, we are very sorry. Kind regards, John Smith, General Manager",
        "Dear <NAME>, we are very sorry. Kind regards, <NAME>, General Manager",
    ),
    ("Hi Tom, sorry about the noise.", "Hi <NAME>, sorry about the noise."),
    ("Thank you Marie Dubois for your review!", "Thank you <NAME> for your review!"),
    ("Sehr geehrte/r Carlos Ruiz, es tut uns leid.", "Sehr geehrte/r <NAME>, es tut uns leid."),
    ("Bonjour Marie Dubois, merci.", "Bonjour <NAME>, merci."),
    ("Thanks for your review, Sarah Jones!", "Thanks for your review, <NAME>!"),
    ("Dear Anna", "Dear <NAME>"),
    ("Hola Carlos,\ngracias.", "Hola <NAME>,\ngracias."),
    ("Ciao Giulia, grazie.", "Ciao <NAME>, grazie."),
    ("Beste Daan, bedankt.", "Beste <NAME>, bedankt."),
    ("Caro Marco", "Caro <NAME>"),
    ("Hi Mark, thanks for the stars.", "Hi <NAME>, thanks for the stars."),
    ("Dear Tom K, thanks.", "Dear <NAME>, thanks."),
    ("Dear Pieter de Vries, thanks.", "Dear <NAME>, thanks."),
    ("Great stay.\nHello Lucia Rossi!", "Great stay.\nHello <NAME>!"),
    ("Thank you Tom for your lovely review.", "Thank you <NAME> for your lovely review."),
    (
        "Best regards, Anna Weber, Guest Relations Manager",
        "Best regards, <NAME>, Guest Relations Manager",
    ),
    ("Cordialement, Pierre Martin, Directeur", "Cordialement, <NAME>, Directeur"),
    ("Warm regards, Maria Garcia, Guest Relations", "Warm regards, <NAME>, Guest Relations"),
    (
        "Kind regards,\nSophie, Front Office Manager\nHotel Example",
        "Kind regards,\n<NAME>, Front Office Manager\nHotel Example",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSED)
def test_a_reply_addressing_or_signed_with_a_title_loses_the_name(text, expected):
    """A reply's salutation, thanks for a review and a signature with a job title."""
    assert redact_names(text, "<NAME>") == (expected, True)
    assert redact_pii(text) == (expected, ["name"])


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir",
        "Dear Sirs,",
        "Dear Sir or Madam,",
        "Dear Guest",
        "Dear Valued Customer",
        "Dear Marriott Bonvoy Member,",
        "Hi there",
        "Hi team",
        "Hi Guys, quick question",
        "Hello everyone",
        "Liebe Grüße",
        "Sehr geehrte Damen und Herren,",
        "Cher client",
        "Hola a todos",
        "Dear Hilton team",
        "Dear Hilton Team, the room was dirty",
        "Hi, I ordered a phone and it never came",
        "Hello, the app crashes",
        "Hey Siri, play music",
        "Thank you Hilton for a great stay",
        "Thank you Hilton for your hospitality",
        "Kind regards, Front Office",
        "Kind regards,\nFront Office",
        "Kind regards, Guest Relations",
        "Regards, General Manager",
        "Liebe Gäste, vielen Dank!",
        "Mit freundlichen Grüßen, Ihr Rezeptionsteam",
        "Cordialement, La Direction",
        "Un saludo, Recepción",
        "Best regards,\nReservations Department\nGrand Hotel Example",
        "Dear Marie Dubois who stayed here",  # no end of the address
    ],
)
def test_a_greeting_group_brand_or_department_stays(text):
    """Greetings to no one by name, greetings in ordinary reviews and signed departments."""
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Liebe Mitradler, bitte nehmt Rücksicht.",
        "Sehr geehrte Fahrgäste, wir erreichen gleich den Bahnhof.",
        "Liebe S-Bahn, der Aufzug geht noch immer nicht.",
    ],
)
def test_a_german_noun_after_a_german_salutation_stays(text):
    """Review of stop 53: German capitalises nouns; one word after "Liebe" must be a first name."""
    assert redact_names(text, "<NAME>") == (text, False)


def test_a_first_name_after_a_german_salutation_is_redacted():
    assert redact_names("Liebe Anna, danke!", "<NAME>") == ("Liebe <NAME>, danke!", True)
