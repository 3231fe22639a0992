"""Plain requests: a request or question opener of the comment's language, and nothing that
judges or feels after it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_nlp.text.complaints import cue_pattern
from feedback_nlp.text.requests import MAX_WORDS, asks_to_add, plain_request, request_words

LANGUAGES = {"en", "fr", "de", "es", "it", "pt", "nl", "ro", "ru", "pl", "ja"}


@pytest.mark.parametrize("kind", ["greeting", "opener", "closing", "judging", "adding"])
def test_every_language_has_every_list_and_every_word_compiles(kind):
    words = request_words()
    assert set(words) == LANGUAGES
    for lang, lists in words.items():
        assert lists[kind], lang
        for word in lists[kind]:
            re.compile(cue_pattern(word))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'd like to book two rooms for Friday", "en"),
        ("Hi, can I get some food delivered now", "en"),
        ("@hotel Is the gym free to use?", "en"),
        ("Can you send me the invoice? Thanks in advance", "en"),  # closing thanks
        ("Bonjour, je voudrais changer ma réservation, merci d'avance", "fr"),
        ("Ich möchte meine Buchung ändern", "de"),
        ("¿Hay aparcamiento cerca del hotel?", "es"),
        ("Vorrei prenotare un tavolo per quattro", "it"),
        ("Gostaria de alterar a minha reserva", "pt"),
        ("Kan ik mijn hond meenemen?", "nl"),
        ("Aș dori să schimb rezervarea", "ro"),
        ("Здравствуйте, хочу забронировать номер", "ru"),
        ("Chciałbym zmienić rezerwację", "pl"),
    ],
)
def test_requests_and_questions_that_judge_nothing(text, lang):
    assert plain_request(text, lang)
    assert plain_request(text)  # language unknown: every language's openers


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I would like to thank the staff", "en"),  # thanks as the point
        ("Can I just say how much I loved it", "en"),  # a feeling
        ("Where is the best place to eat?", "en"),
        ("Great hotel, can I book again?", "en"),  # praise first
        ("can you play it tomorrow please :)", "en"),  # an emoticon
        ("Can we come back next year? 😍", "en"),  # an emoji
        ("The room was lovely", "en"),  # no request
        ("Je voudrais remercier toute l'équipe", "fr"),
        ("Ich möchte mich herzlich bedanken", "de"),
        ("Kann ich nur sagen: super Service", "de"),  # praise after the opener
        ("Can I book a room", "de"),  # an English opener in a German comment
    ],
)
def test_what_is_not_a_plain_request(text, lang):
    assert not plain_request(text, lang)


def test_bare_question_words_count_only_in_a_question():
    assert plain_request("¿Cuándo abren el domingo?", "es")
    assert plain_request("Wann öffnen Sie?", "de")
    assert not plain_request("Quand je l'ai reçu, j'étais ravi", "fr")
    assert not plain_request("Jak dotąd żadnych problemów, wszystko działa.", "pl")
    assert not plain_request("Que rápido llegó el pedido", "es")


def test_long_comments_are_read_in_context():
    long = "Can I " + " ".join(["change"] * MAX_WORDS)
    assert plain_request("Can I change the date of my stay", "en")
    assert not plain_request(long, "en")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "en", "fr", "xx"]))
def test_any_text_gives_an_answer(text, lang):
    assert plain_request(text, lang) in (True, False)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Would be nice to have more vegan options in the cafe.", "en"),
        ("It'd be great if you opened on Sundays", "en"),
        ("Es wäre schön, wenn es mehr Parkplätze gäbe", "de"),
        ("Ce serait bien d'avoir plus de places assises", "fr"),
        ("Sarebbe bello avere più opzioni vegane", "it"),
    ],
)
def test_a_wish_is_a_request_whose_own_praise_word_does_not_judge(text, lang):
    assert plain_request(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("PLEASE ADD APPLE PAY AT CHECKOUT.", "en"),
        ("Please add Apple Pay at checkout.", "en"),
        ("Could you please add a dark mode?", "en"),
        ("Would be nice to have more vegan options in the cafe.", "en"),
        ("Bitte Apple Pay an der Kasse anbieten.", "de"),
        ("Pouvez-vous ajouter Apple Pay ?", "fr"),
        ("Por favor, añadan más opciones veganas", "es"),
        ("Kunnen jullie Apple Pay toevoegen?", "nl"),
    ],
)
def test_a_request_to_add_something_asks_for_a_feature(text, lang):
    assert asks_to_add(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Please fix your app, it crashes", "en"),  # states a failure
        ("Please sort out the delivery, 3rd time late", "en"),  # no adding verb
        ("Please add the refund you owe me, terrible service", "en"),  # judges
        ("Please stop adding fees to every order", "en"),  # refuses
        ("Please don't add more adverts", "en"),
        ("Bitte die defekte Rolltreppe reparieren", "de"),
        ("Add Apple Pay, love the app!", "en"),  # no request opener; praises
        ("I'd like to add that the staff were lovely", "en"),  # judges
    ],
)
def test_complaints_pleas_and_praise_do_not_ask_for_a_feature(text, lang):
    assert not asks_to_add(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Need a HubSpot integration.", "en"),
        ("Add support for multiple currencies please", "en"),
        ("We'd like to export reports as Excel.", "en"),
        ("Would love dark mode.", "en"),
        ("Requesting a read-only API token type.", "en"),
        ("Suggestion: let admins pin dashboards.", "en"),
        ("Is there a way to bulk edit user permissions?", "en"),
        ("Salesforce連携を追加してほしいです", "ja"),
    ],
)
def test_feature_requests_of_saas_users_are_plain_requests(text, lang):
    assert plain_request(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Suggestion: let admins pin dashboards.", "en"),
        ("Is there a way to bulk edit user permissions?", "en"),
        ("Requesting a read-only API token type.", "en"),
        ("We'd like an audit log export for compliance.", "en"),
    ],
)
def test_a_feature_opener_asks_for_a_feature_without_an_adding_verb(text, lang):
    assert asks_to_add(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Need this fixed, it crashes every day", "en"),  # goes on, states a failure
        ("We'd like a refund, the product never worked", "en"),  # goes on, states a failure
        ("We'd like a refund.", "en"),  # a remedy, not a feature
        ("Feature request: stop charging me twice", "en"),  # refuses, states a failure
    ],
)
def test_complaints_opened_as_feature_requests_ask_for_no_feature(text, lang):
    assert not asks_to_add(text, lang)


@pytest.mark.parametrize(
    "text",
    ["Request ignored for three weeks", "Would love a response to my emails",
     "Any plans to fix the app?", "Is there a way to talk to a human?",
     "Suggestion: fire the manager"],
)  # fmt: skip
def test_asking_for_a_fix_an_answer_or_a_person_is_no_feature_request(text: str) -> None:
    assert not asks_to_add(text, "en")


def test_a_japanese_adding_word_inside_the_opener_asks_to_add() -> None:
    """The opener takes the whole Japanese request; its `adding` words count all the same."""
    assert asks_to_add("Apple Payを追加してほしいです", "ja")
    assert not asks_to_add("領収書を送ってほしいです", "ja")
