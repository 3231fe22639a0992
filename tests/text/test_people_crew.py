"""Names after an airline crew role and French, Italian and Dutch thanks
(`feedback_nlp.text.people_crew`), through `redact_names` and `redact_pii` (stop 53)."""

import pytest

from feedback_nlp.text.people import redact_names
from feedback_nlp.text.pii import redact_pii

NAMED = [
    ("Steward Daan was rude", "Steward <NAME> was rude"),
    ("steward Daan was rude", "steward <NAME> was rude"),
    ("Stewardess Carmen was lovely", "Stewardess <NAME> was lovely"),
    ("Flight attendant Marco helped us", "Flight attendant <NAME> helped us"),
    ("Captain Jansen announced the delay", "Captain <NAME> announced the delay"),
    ("The purser, Sophie, was great", "The purser, <NAME>, was great"),
    ("Die Flugbegleiterin Svenja war toll", "Die Flugbegleiterin <NAME> war toll"),
    ("la azafata Lucía fue muy amable", "la azafata <NAME> fue muy amable"),
    ("Merci à Julien pour son aide", "Merci à <NAME> pour son aide"),
    ("Grazie a Giulia!", "Grazie a <NAME>!"),
    ("Bedankt Daan", "Bedankt <NAME>"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_a_crew_members_name_and_a_thanked_name_are_redacted(text, expected):
    """Stop 53's airline probe: one theme was named "steward daan was rude"."""
    assert redact_names(text, "<NAME>") == (expected, True)
    assert redact_pii(text) == (expected, ["name"])


@pytest.mark.parametrize(
    "text",
    [
        "I ordered a Captain Morgan and coke",
        "Captain America was the film on board",
        "Captain Obvious here: the seats are small",
        "The Pilot Program for lounges",
        "Merci à tous",
        "Merci à Air France",
        "Grazie a Dio",
        "Grazie a Ryanair",
        "Bedankt voor de hulp",
        "Bedankt KLM",
        "thanks to Ryanair",
        "The captain was friendly",
    ],
)
def test_drinks_characters_brands_and_ordinary_thanks_stay(text):
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Merci à Fnac pour le remboursement",
        "Merci à Decathlon",
        "Bedankt Coolblue voor de snelle levering",
        "Grazie a Trenitalia",
        "Grazie a Zalando",
        "Bedankt Amsterdam!",
        "Grazie a Roma",
        "merci à Paris",
        "I love my Pilot Frixion pens",
        "Pilot, R.I.P.",
        "Captain R.I.P.",
    ],
)
def test_thanked_brands_places_pens_and_abbreviations_stay(text):
    """Review of stop 53: one word after French, Italian or Dutch thanks must be a known first
    name; "Pilot" before one other word is a pen; "R.I.P." is no name."""
    assert redact_names(text, "<NAME>") == (text, False)
