"""Ironic praise: a short praise opener, then a stated failure or customer effort; what rules
it out (genuine praise, a contrast, a fix, a negated or long opener, length)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_nlp.text.complaints import cue_pattern
from feedback_nlp.text.irony import (
    MAX_WORDS,
    ironic_praise,
    opens_with_praise,
    praise_words,
    reports_a_fix,
)

LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "ro", "tr"}


@pytest.mark.parametrize("kind", ["praise", "resolved"])
def test_every_language_has_both_lists_and_every_word_compiles(kind):
    words = praise_words(kind)
    assert set(words) == LANGUAGES
    for lang, listed in words.items():
        assert listed, lang
        for word in listed:
            re.compile(cue_pattern(word))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Brilliant, my parcel is missing again.", "en"),
        ("Oh great, the app crashed twice during checkout.", "en"),
        ("@airline Wonderful! Flight delayed again.", "en"),  # a handle first
        ("Lovely, another 45 minutes in the queue.", "en"),  # effort: a wait
        ("Super, das Paket ist schon wieder beschädigt angekommen.", "de"),
        ("Parfait, colis perdu pour la deuxième fois.", "fr"),
        ("Genial, el pedido llegó roto otra vez.", "es"),
        ("Ottimo, il pacco è arrivato danneggiato un'altra volta.", "it"),
        ("Ótimo, mais uma entrega atrasada.", "pt"),  # "mais" is no contrast in Portuguese
        ("Geweldig, de app crasht weer.", "nl"),
        ("Отлично, посылку опять потеряли.", "ru"),
        ("Świetnie, paczka znowu uszkodzona.", "pl"),
        ("Harika, sipariş yine gecikti.", "tr"),
        ("Great, I had to call five times before anyone helped.", "en"),  # repeated contacts
        ("Toller Service, einfach aufgelegt.", "de"),  # a hang-up
    ],
)
def test_ironic_praise_in_several_languages(text, lang):
    assert ironic_praise(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Great service, I will order again.", "en"),  # praise, no failure
        ("Great food, but the delivery was late.", "en"),  # a contrast: mixed, not irony
        ("Super Essen, aber die Lieferung kam zu spät.", "de"),
        ("Not great, the parcel arrived damaged.", "en"),  # a negated opener
        ("Great service and a very fast delivery, the box was damaged.", "en"),  # long opener
        ("The parcel arrived damaged, great.", "en"),  # no praise opener
        ("Great?", "en"),  # nothing follows
        ("Great service, the engineer fixed the broken boiler in an hour.", "en"),  # a fix
        ("Super Service, das defekte Gerät wurde sofort ersetzt.", "de"),
        ("Top, colis abîmé remplacé en 24h.", "fr"),
        ("Brilliant, they refunded the double charge straight away.", "en"),
        ("Great service, I only had to call once.", "en"),  # effort no praise mocks
        ("Great support, they transferred me to the right team straight away.", "en"),
        ("Excellent, they explained everything again patiently.", "en"),
        ("Great staff, they helped me when my card was declined.", "en"),  # one failure
        ("Génial, le livreur a prévenu du retard.", "fr"),
    ],
)
def test_no_ironic_praise(text, lang):
    assert not ironic_praise(text, lang)


def test_contrast_words_follow_the_language_and_all_apply_when_it_is_unknown():
    text = "Ótimo, mais uma entrega atrasada."
    assert ironic_praise(text, "pt")
    assert not ironic_praise(text, "fr")  # "mais" is French for "but"
    assert not ironic_praise(text, None)


def test_a_long_comment_is_no_ironic_remark():
    text = "Brilliant, my parcel is missing again."
    padding = " It was meant to be a present for my niece's birthday party next week." * 3
    assert ironic_praise(text, "en")
    assert len((text + padding).split()) > MAX_WORDS
    assert not ironic_praise(text + padding, "en")


def test_a_fix_that_is_denied_is_no_fix():
    assert reports_a_fix("The heating was repaired within a day.")
    assert not reports_a_fix("Still no refund.")
    assert not reports_a_fix("The app is broken and nobody fixed it.")
    assert ironic_praise("Great, still no refund after three weeks.", "en")
    assert ironic_praise("Wonderful, the app is broken again and nobody fixed it.", "en")


def test_the_opener_alone():
    assert opens_with_praise("Na toll! Wieder kein Zug.")
    assert opens_with_praise("Fantastic support, they hung up.")
    assert not opens_with_praise("Fantastic")
    assert not opens_with_praise("No, great support would have called back.")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "en", "pt", "xx"]))
def test_any_text_gives_a_verdict(text, lang):
    assert isinstance(ironic_praise(text, lang), bool)


@pytest.mark.parametrize(
    "text",
    [
        "RT @some_fan: Oh wonderful, another outage during my call. Thanks a lot @Acme 👏",
        "rt @some_fan Brilliant, the app crashed again",
        "Great, internet down for the 4th time this month",
        "Great, internet down for the fourth time this month",
        "Lovely, wifi dead again",
        "Super, zum 3. Mal kein Internet, Netz down",
        "Brilliant, broadband down 3 times since Friday",
    ],
)
def test_retweets_numbered_repeats_and_terse_failures(text):
    assert ironic_praise(text, None)


@pytest.mark.parametrize(
    "text",
    [
        "Great, the router broke down 🙃",
        "bills went up without notice. really love it. 🙄",
        "Best support ever! Only took them a month to fix a loose cable 🙃",
        "thanks for nothing 🙄",
    ],
)
def test_a_sarcasm_emoji_after_praise_marks_it_ironic(text):
    assert ironic_praise(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Great, the internet was down for the 1st time in a year, fixed in an hour",
        "Great service, the 2nd engineer fixed it",  # a fix, no emoji
        "Great support, they fixed it 🙂",  # a friendly emoji
        "Not sure what happened 🙃",  # the emoji without praise
        "🙄 thanks",  # the emoji before the praise
        "Great food, but the wait was long 🙄",  # a contrast
        "Great shop, internet down in the whole street though",  # a single failure
    ],
)
def test_no_irony_without_a_repeat_praise_before_the_emoji_or_with_a_contrast(text):
    assert not ironic_praise(text, "en")
