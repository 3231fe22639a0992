"""Repeated requests, chained contacts, unreturned calls and ongoing waits (user probes)."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend, cue_weights, normalise
from feedback_nlp.backends.effort_repeats import (
    chained_contacts,
    courtesy,
    ignored,
    ongoing_wait,
    repeated_request,
)

BACKEND = RuleEffortBackend()

REPEATED = [
    ("Reported the broken streetlight five times since March. Nothing changed.", "repeat_contact"),
    ("I have reported the leak three times and still nothing.", "repeat_contact"),
    ("We have sent the signed form twice.", "repeat_contact"),
    ("This is the third time I've asked for my deposit back.", "repeat_contact"),
    ("He llamado a la oficina varias veces sin solución.", "repeat_contact"),
    ("I have called several times about the meter.", "repeat_contact"),
    ("J'ai appelé plusieurs fois pour la facture.", "repeat_contact"),
    ("Ho chiamato più volte per lo stesso guasto.", "repeat_contact"),
    ("Liguei várias vezes para a loja.", "repeat_contact"),
    ("Dzwoniłem kilka razy w sprawie rachunku.", "repeat_contact"),
    ("Wielokrotnie pisałem w tej sprawie.", "repeat_contact"),
    ("Ik heb meerdere keren gebeld over de meter.", "repeat_contact"),
    ("Первый раз не помогли, я несколько раз звонил.", "repeat_contact"),
    ("I had to ring, then send a photo by email, then ring again.", "repeat_contact"),
    ("The housing officer does not return calls or emails.", "no_reply"),
    ("My landlord never returns my calls.", "no_reply"),
    ("No one ever answers the phone at the depot.", "no_reply"),
    ("The branch ignores my emails.", "no_reply"),
    ("Rydw i wedi ffonio tair gwaith am y biniau.", "repeat_contact"),
    ("Rydw i wedi rhoi gwybod sawl gwaith.", "repeat_contact"),
]


@pytest.mark.parametrize(("text", "family"), REPEATED)
def test_repeated_requests_and_unreturned_calls_are_high(text: str, family: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert family in result.cues


ONGOING_WAITS = [
    "I have been waiting nine weeks for my parking permit.",
    "Czekam na decyzję już sześć tygodni.",
    "Espero la respuesta del ayuntamiento desde hace cuatro semanas.",
    "J'attends ma carte depuis deux mois.",
    "Ich warte seit drei Wochen auf den Bescheid.",
    "Aspetto il rimborso da due mesi.",
    "Estou à espera do cartão há cinco semanas.",
]


@pytest.mark.parametrize("text", ONGOING_WAITS)
def test_a_wait_of_weeks_the_customer_is_still_in_is_a_long_wait(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level != "none", (text, result)
    assert "long_wait" in result.cues


NOT_EFFORT = [
    "I called to say thanks.",
    "I called three times to say thanks for the quick fix.",
    "He llamado varias veces para felicitaros.",
    "The new phone is three times better.",
    "Their phone plan is three times cheaper than before.",
    "The second time I stayed here it was great.",
    "I've been a customer for eight years.",
    "I've shopped here many times and love it.",
    "They sent me the wrong size three times.",
    "I have not called several times, just once.",
    "Ich habe nicht mehrmals angerufen.",
    "Dydw i ddim wedi ffonio dair gwaith.",
    "I called them, then they emailed me the label.",
    "I have been waiting all week for this sale.",
    "I've been waiting two weeks for my parcel.",
    "I ignored the marketing emails.",
    "The staff never answers questions rudely.",
]


@pytest.mark.parametrize("text", NOT_EFFORT)
def test_thanks_comparisons_stays_and_tenure_are_no_effort(text: str) -> None:
    assert cue_weights(text) == {}, text


def test_helpers_read_one_cue_each() -> None:
    assert repeated_request(normalise("I asked twice."))
    assert not repeated_request(normalise("I asked once."))
    assert chained_contacts(normalise("I called, then I emailed."))
    assert not chained_contacts(normalise("I called, then it worked."))
    assert ignored(normalise("Nobody ever calls back."))
    assert not ignored(normalise("Nobody called back."))
    assert courtesy(normalise("rang twice to thank the driver"))
    assert ongoing_wait(normalise("We are still waiting after three weeks."))
    assert not ongoing_wait(normalise("We are still waiting after ten minutes."))


def test_an_ignored_habit_outweighs_one_unanswered_call() -> None:
    assert cue_weights("They never return my calls.")["no_reply"] == 0.6
    assert cue_weights("Nobody called me back.")["no_reply"] == 0.35


ASKED_OR_ORDERED_SEVERAL_TIMES = [
    "He pedido varias veces la paella y siempre está buena.",
    "Já pedi várias vezes nesta pizzaria e sempre chegou quente.",
    "We have ordered several times and I asked for no onions each time.",
    "I have sent these flowers several times to my mother.",
    "J'ai demandé plusieurs fois des conseils au vendeur.",
    "Ho chiesto più volte un parere al farmacista.",
    "Ik heb meerdere keren gevraagd om een proefje.",
    "Pedí varias veces el menú del día.",
]


@pytest.mark.parametrize("text", ASKED_OR_ORDERED_SEVERAL_TIMES)
def test_asking_ordering_or_sending_several_times_is_no_effort(text: str) -> None:
    assert cue_weights(text) == {}, text


PRAISED_CONTACTS = [
    "I have called several times and the team was always lovely.",
    "J'ai appelé plusieurs fois, accueil toujours parfait.",
]


@pytest.mark.parametrize("text", PRAISED_CONTACTS)
def test_a_vague_count_of_contacts_in_praise_with_no_problem_is_no_effort(text: str) -> None:
    assert cue_weights(text) == {}, text


VAGUE_CONTACTS_WITH_A_PROBLEM = [
    "I have complained several times about the noise upstairs.",
    "Lovely staff, but I have called several times about the same fault.",
    "He reclamado varias veces y todavía no hay solución.",
    "Ik heb meerdere keren gemaild, perfect is anders: nog altijd geen antwoord.",
]


@pytest.mark.parametrize("text", VAGUE_CONTACTS_WITH_A_PROBLEM)
def test_a_vague_count_of_contacts_with_a_problem_stays_high(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "repeat_contact" in result.cues


COUNTED_REQUESTS = [
    "I asked three times for the invoice.",
    "Pedí tres veces la factura.",
    "J'ai demandé deux fois le remboursement.",
]


@pytest.mark.parametrize("text", COUNTED_REQUESTS)
def test_a_counted_request_stays_a_repeat_contact(text: str) -> None:
    assert repeated_request(normalise(text)), text


FUTURE_WAITS = [
    "We are waiting for our cruise in 3 weeks, can't wait!",
    "I am waiting for my sister's wedding in two months.",
    "Nous attendons notre voyage dans deux semaines.",
    "Czekam na urlop za 3 tygodnie.",
]


@pytest.mark.parametrize("text", FUTURE_WAITS)
def test_a_wait_that_ends_ahead_is_no_wait(text: str) -> None:
    assert cue_weights(text) == {}, text


def test_waits_counted_back_stay_long_waits() -> None:
    assert ongoing_wait(normalise("We are waiting for our refund, 3 weeks now."))
    assert ongoing_wait(normalise("We are waiting for an answer, nothing in 3 weeks."))
    assert ongoing_wait(normalise("I am waiting for a call that has not come in 2 weeks."))
    assert not ongoing_wait(normalise("We are waiting for our flight in 3 weeks."))


CONTACTS_MADE_AGAIN_OR_IMPOSED = [
    "Ho richiamato tre volte.",
    "Abbiamo ricontattato l'assistenza quattro volte.",
    "Ho dovuto richiamare più volte.",
    "I had to call back several times.",
    "We had to email back several times.",
    "He tenido que llamar varias veces.",
]


@pytest.mark.parametrize("text", CONTACTS_MADE_AGAIN_OR_IMPOSED)
def test_calling_back_or_having_to_call_several_times_is_high(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "repeat_contact" in result.cues
