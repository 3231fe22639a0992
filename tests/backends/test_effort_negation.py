"""Effort cues: negated repeat contacts / explaining again, and short-wait words that qualify
the duration only (not "only to be cut off")."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.stages.sentiment import effort_read_negative

BACKEND = RuleEffortBackend()

#: A repeat contact or explaining again that did not happen: no effort.
NEGATED = [
    "I didn't have to call again.",
    "I never had to call twice.",
    "No need to call again, fixed first time.",
    "I didn't need to explain anything twice, great handover.",
    "I did not have to call back",
    "Didn't have to wait on hold at all.",
    "Without having to call again, they fixed it.",
    "Ich musste nicht noch einmal anrufen.",
    "Ich musste mein Problem nicht noch einmal erklären.",
    "Ohne noch einmal anrufen zu müssen, alles erledigt.",
    "Je n'ai pas dû rappeler une deuxième fois.",
    "Je n'ai pas eu besoin de réexpliquer mon problème.",
    "Je n'ai pas eu à rappeler",
    "No tuve que volver a llamar.",
    "Non ho dovuto chiamare di nuovo.",
    "Non ho dovuto richiamare",
    "Não precisei ligar de novo.",
    "Sem precisar ligar de novo, resolveram tudo.",
    "Ik hoefde niet opnieuw te bellen.",
    "Мне не пришлось звонить снова.",
    "Nie musiałem dzwonić ponownie.",
    "Nu a trebuit să sun din nou.",
    "Tekrar aramak zorunda kalmadım.",
    "Sırada beklemedim, hemen ilgilendiler.",
]
#: Repeat contacts and explaining again that did happen (a negation elsewhere does not count).
STILL_HIGH = [
    "I had to call three times",
    "Ich musste dreimal anrufen",
    "J'ai dû rappeler trois fois",
    "Tuve que volver a llamar",
    "I had to explain my problem again to every agent",
    "not once did anyone call me back, I had to call again",
    "Not only did I call three times, nobody answered.",
    "I could not get through so I had to call again.",
    "Ik heb nu al vijf keer gebeld.",  # Dutch "nu" is "now", not the Romanian negation
]
#: Long waits with "only", "just", "even", "quick", "solo", "apenas" elsewhere in the sentence.
LONG_WAITS = [
    "I waited 45 minutes on hold only to be cut off.",
    "Waited 50 minutes on hold just to be told to send an email.",
    "Waited an hour in the chat queue just to get a copy-paste answer.",
    "45 minutes on hold, even though I have a premium plan.",
    "45 minutes on hold and the quick fix did not work.",
    "I even waited 45 minutes on hold.",
    "Estuve 45 minutos en espera solo para que me colgaran.",
    "Fiquei 45 minutos em espera apenas para ouvir a mesma resposta.",
]
#: Waits called short (the short word qualifies the duration or the wait): no long wait.
SHORT_WAITS = [
    "only five minutes on hold",
    "just a 2 minute wait",
    "nur 5 Minuten gewartet",
    "seulement 3 minutes d'attente",
    "solo 2 minutos de espera",
    "Only 15 minutes on hold, fine.",
    "The wait was short.",
    "Kurze Wartezeit am Telefon.",
    "Ik moest even wachten aan de telefoon.",
    "Czekałem chwilę na odpowiedź, konsultant był miły.",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negated_repeat_contacts_are_no_effort(text):
    result = BACKEND.result(text)
    assert (result.level, result.cues) == ("none", ()), (text, result)


@pytest.mark.parametrize("text", STILL_HIGH)
def test_repeat_contacts_that_happened_stay_high(text):
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert {"repeat_contact", "explain_again"} & set(result.cues), (text, result)


@pytest.mark.parametrize("text", LONG_WAITS)
def test_short_words_elsewhere_do_not_cancel_a_long_wait(text):
    result = BACKEND.result(text)
    assert result.level == "high" and "long_wait" in result.cues, (text, result)


@pytest.mark.parametrize("text", SHORT_WAITS)
def test_short_words_that_qualify_the_wait_cancel_it(text):
    result = BACKEND.result(text)
    assert "long_wait" not in result.cues and result.level == "none", (text, result)


def test_short_words_apply_in_their_language_only():
    # German "Brief" is a letter, not "brief"; English "even" is not Dutch "even" (a moment)
    assert (
        "long_wait"
        in BACKEND.result("Nach meinem Brief habe ich 3 Wochen auf eine Antwort gewartet.").cues
    )
    assert BACKEND.result("I even waited 45 minutes on hold.").level == "high"


def test_idioms_with_a_negation_word_are_not_negations():
    assert BACKEND.result("On me renvoie sans arrêt vers un autre service.").level == "high"
    assert BACKEND.result("Ik sta nu al 45 minuten in de wacht.").level == "high"


def test_a_negated_repeat_contact_does_not_make_sentiment_negative():
    probabilities = np.array([[0.1, 0.8, 0.1], [0.1, 0.8, 0.1]])
    texts = ["I didn't have to call again.", "I had to call three times."]
    out = effort_read_negative(probabilities, texts)
    assert (out[0] == probabilities[0]).all()
    assert out[1].argmax() == 0  # negative
