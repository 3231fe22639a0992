"""An opening greeting, taken off the text the sentiment and emotion heads read."""

import pytest

from feedback_nlp.text.greetings import without_greeting


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Hello, my order is late.", "my order is late."),
        ("Hi Northwind team, the app crashes.", "the app crashes."),
        ("Dear Sir or Madam,\nI want a refund.", "I want a refund."),
        ("Sehr geehrte Damen und Herren, keine Rückzahlung.", "keine Rückzahlung."),
        ("Bonjour Madame, le colis n'est pas arrivé.", "le colis n'est pas arrivé."),
        ("Hola equipo, no llegó.", "no llegó."),
        ("Buongiorno! Il pacco è rotto.", "Il pacco è rotto."),
        ("Bom dia - a encomenda não chegou.", "a encomenda não chegou."),
        ("Bună ziua, livrare întârziată.", "livrare întârziată."),
        ("Здравствуйте! Заказ не пришёл.", "Заказ не пришёл."),
        ("Dzień dobry, paczka nie dotarła.", "paczka nie dotarła."),
        ("Merhaba, iki kez ödeme alındı.", "iki kez ödeme alındı."),
        ("Good morning everyone! Happy Monday", "Happy Monday"),
        ("Cher Monsieur, le colis est perdu.", "le colis est perdu."),
        ("Dear team, no refund yet.", "no refund yet."),
    ],
)
def test_an_opening_greeting_is_taken_off(text, rest):
    assert without_greeting(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Hello!",  # nothing follows
        "Hi the app crashes, again",  # "the app crashes" is no word of address
        "Buna treaba, multumesc!",  # Romanian "good job": no delimiter after "buna"
        "Beste service ooit.",  # Dutch "best service"
        "Dear me, what a mess.",
        "Ciao 👋",
        "The delivery was late. Hello?",
        "Cher, mais très efficace.",  # "expensive"
        "Caro, ma funziona benissimo",
        "Gentile, ma lentissimo",  # "kind"
        "Liebe, liebe diese App!",
        "Buna, dar scumpa",  # "good"
    ],
)
def test_words_that_only_look_like_a_greeting_stay(text):
    assert without_greeting(text) == text
