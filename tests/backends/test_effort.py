"""Effort cues: known patterns in several languages flag, hard negatives do not."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import (
    CUE_FAMILIES,
    RuleEffortBackend,
    cue_weights,
    level_of,
    normalise,
)
from feedback_nlp.backends.effort_numbers import count_before, durations, repeat_count

BACKEND = RuleEffortBackend()

HIGH = [
    ("I called four times and nobody ever called me back.", "repeat_contact"),
    ("Sie haben mich zweimal weiterverbunden, am Ende wusste keiner Bescheid.", "transfer"),
    ("On m'a baladé de service en service pendant une semaine.", "transfer"),
    ("Cada agente me pedía explicar el problema de nuevo.", "explain_again"),
    ("Sono rimasto in attesa al telefono per cinquanta minuti.", "long_wait"),
    ("Fiquei uma hora e meia na fila do balcão.", "long_wait"),
    ("Voor een adreswijziging moest ik drie formulieren invullen.", "hoops"),
    ("Уже четыре раза звонил в банк по этому вопросу.", "repeat_contact"),
    ("Musiałem dzwonić pięć razy, zanim ktoś pomógł.", "repeat_contact"),
    ("Am sunat de patru ori la call center.", "repeat_contact"),
    ("Müşteri hizmetlerini beş kez aradım.", "repeat_contact"),
    ("For a whole week I couldn't get through, the number was always busy.", "repeat_contact"),
    ("Der Sprachcomputer schickt einen im Kreis herum.", "transfer"),
    ("Le magasin m'envoie au SAV et le SAV me renvoie au magasin.", "transfer"),
    ("Dos semanas de correos de ida y vuelta para nada.", "chasing"),
    ("Ho dovuto stampare il modulo, firmarlo e spedirlo.", "hoops"),
    ("Heb ze drie keer gemaild, nooit antwoord gekregen.", "repeat_contact"),
]
LOW = [
    ("I had to ring them to get the voucher applied.", "repeat_contact"),
    ("Die Wartezeit an der Kasse war ärgerlich.", "long_wait"),
    ("J'attends toujours mon remboursement depuis le 3 mars.", "long_wait"),
    ("Nadie me contesta.", "no_reply"),
    ("Ho dovuto sollecitare il rimborso.", "chasing"),
]
NONE = [
    "No wait at all, they picked up at once.",
    "I only called to say thank you to the team.",
    "I have used this app for 3 years and love it.",
    "Die Lieferung dauerte zwei Wochen, wie angekündigt.",
    "Aucune attente, le conseiller m'a reçu tout de suite.",
    "Sin cola, me atendieron en dos minutos.",
    "Il treno è arrivato con venti minuti di ritardo.",
    "Zum dritten Mal das falsche Produkt geliefert.",
    "Geen wachttijd, meteen geholpen.",
    "Без очереди и без проблем.",
    "Hiç beklemeden hemen ilgilendiler.",
    "Mă așteptam la mai mult pentru acest preț.",
    "Second order this month and again everything arrived on time.",
    "Tried the new flavour twice, lovely.",
    "",
    "👍",
]


@pytest.mark.parametrize(("text", "family"), HIGH)
def test_strong_cues_give_high_effort(text, family):
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert family in result.cues and set(result.cues) <= set(CUE_FAMILIES)


@pytest.mark.parametrize(("text", "family"), LOW)
def test_single_weak_cues_give_low_effort(text, family):
    result = BACKEND.result(text)
    assert result.level == "low", (text, result)
    assert result.cues == (family,)


@pytest.mark.parametrize("text", NONE)
def test_hard_negatives_give_no_effort(text):
    result = BACKEND.result(text)
    assert (result.level, result.score, result.cues) == ("none", 0.0, ()), (text, result)


def test_two_weak_cues_make_high_effort():
    text = "Three weeks waiting for a reply, despite my reminders."
    assert set(cue_weights(text)) == {"long_wait", "chasing"}
    assert BACKEND.result(text).level == "high"


def test_short_or_negated_waits_are_not_effort():
    assert "long_wait" in cue_weights("I was on hold for 20 minutes.")
    assert "long_wait" not in cue_weights("I was on hold for 2 minutes.")
    assert "long_wait" not in cue_weights("I wasn't on hold, they answered right away.")
    assert (
        cue_weights("On hold for 45 minutes.")["long_wait"] > cue_weights("On hold.")["long_wait"]
    )


def test_numbers_and_durations():
    text = normalise("Ich warte seit 5 Wochen; 45 Minuten in der Warteschleife, eine halbe Stunde")
    assert sorted(durations(text)) == [30.0, 45.0, 5 * 7 * 24 * 60]
    assert durations(normalise("полтора часа в очереди")) == [90.0]
    assert durations(normalise("un'altra ora in attesa")) == [60.0]
    assert durations(normalise("ora funziona")) == []
    assert repeat_count(normalise("the third time I call")) == 3
    assert repeat_count(normalise("zum vierten Mal angerufen")) == 4
    assert repeat_count(normalise("трижды напоминал")) == 3
    assert repeat_count(normalise("Am sunat de trei ori")) == 3
    assert repeat_count(normalise("used it for 3 years")) == 0
    assert count_before(normalise("quattro email e due PEC"), r"e-?mail\w*") == 4
    assert count_before(normalise("118 Sekunden"), r"sekunden") == 0  # an amount, not a count


def test_accents_do_not_matter():
    assert BACKEND.result("Trei emailuri, niciun raspuns.").level == "high"
    assert BACKEND.result("Trei e-mailuri, niciun răspuns.").level == "high"


def test_levels_and_thresholds():
    assert [level_of(s) for s in (0.0, 0.3, 0.59, 0.6, 1.0)] == [
        "none",
        "low",
        "low",
        "high",
        "high",
    ]
    strict = RuleEffortBackend(high=0.8, low=0.5)
    assert strict.result("On hold for 45 minutes.").level == "low"
    assert strict.result("Nadie me contesta.").level == "none"


TRANSFER_AND_CHASING_HIGH = [
    ("They passed me from sales to returns to accounts and back to sales.", "transfer"),
    ("Got shunted between three different departments before anyone helped.", "transfer"),
    ("They transferred me to four different teams in one afternoon.", "transfer"),
    ("Ich wurde vom Vertrieb zur Technik und zurück zum Vertrieb weitergeleitet.", "transfer"),
    ("On m'a transféré du service client à la facturation puis au commercial.", "transfer"),
    ("Me pasaron de ventas a soporte y de vuelta a ventas.", "transfer"),
    ("Fui transferido entre três departamentos diferentes.", "transfer"),
    ("Ik werd van de winkel naar de helpdesk en terug doorverbonden.", "transfer"),
    ("I had to keep phoning and phoning to find out where my order was.", "repeat_contact"),
    ("We kept calling them about the outage.", "repeat_contact"),
    ("Ich musste ständig anrufen, bis sich etwas tat.", "repeat_contact"),
    ("J'ai appelé sans cesse pendant la panne.", "repeat_contact"),
    ("Llamé sin parar durante la avería.", "repeat_contact"),
    ("Ho chiamato in continuazione per il guasto.", "repeat_contact"),
    ("Liguei sem parar por causa da avaria.", "repeat_contact"),
    ("Ik bleef maar bellen over de storing.", "repeat_contact"),
    ("Звонил и звонил из-за поломки.", "repeat_contact"),
    ("Am tot sunat pentru defecțiune.", "repeat_contact"),
    ("They promised to ring me back within two days, which never happened.", "no_reply"),
]
PROMISED_CALL_BACK_LOW = [
    "They promised me a call back and it never came.",
    "Rückruf wurde versprochen, kam aber nie.",
    "On m'a promis un rappel qui n'est jamais venu.",
    "Me prometieron que me iban a llamar y nadie llamó.",
    "Obiecali oddzwonić i nikt nie oddzwonił.",
    "Kierownik obiecał oddzwonić, ale nikt nie zadzwonił.",
    "Geri arayacaklarına söz verdiler ama aramadılar.",
]
NOT_A_TRANSFER_OR_CHASE = [
    "Prices went from 20 to 30 to 40 this year.",
    "I was sent a form from the bank to sign to get the card.",
    "The parcel went from Leeds to York and back, then was sent on.",
    "I didn't have to keep calling, one call sorted it.",
    "They promised a discount that never came.",
]


@pytest.mark.parametrize(("text", "family"), TRANSFER_AND_CHASING_HIGH)
def test_chains_of_transfers_and_contacting_over_and_over_are_high(text, family):
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert family in result.cues


@pytest.mark.parametrize("text", PROMISED_CALL_BACK_LOW)
def test_a_promised_call_back_that_never_came_is_no_reply(text):
    assert BACKEND.result(text).cues == ("no_reply",), text


@pytest.mark.parametrize("text", NOT_A_TRANSFER_OR_CHASE)
def test_routes_prices_and_negated_chasing_are_no_transfer_or_repeat(text):
    assert not {"transfer", "repeat_contact", "no_reply"} & set(cue_weights(text)), text


def test_one_transfer_is_low_and_several_departments_high():
    assert BACKEND.result("I was transferred to billing.").level == "low"
    assert BACKEND.result("I was transferred to two departments.").level == "high"


@pytest.mark.parametrize(
    "text",
    [
        "Everyone kept calling it the friendliest bakery around.",
        "I keep trying the new flavours, each one lovely.",
        "My daughter keeps messaging me about the great offers.",
        "They promised to ring back and it came the same hour, never seen such quick service.",
    ],
)
def test_naming_trying_things_and_a_kept_promise_are_no_effort(text: str) -> None:
    assert cue_weights(text) == {}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I kept calling them for a week.", "repeat_contact"),
        ("I kept trying to get through to billing.", "repeat_contact"),
        ("They promised a callback by Friday, it never came.", "no_reply"),
        ("I was promised a call back and nobody called.", "no_reply"),
    ],
)
def test_contacting_again_and_a_broken_promise_still_count(text: str, cue: str) -> None:
    assert cue in cue_weights(text)
