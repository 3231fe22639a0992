"""Service failures stated in a comment: cues per language, negation, questions, conditionals."""

from __future__ import annotations

import re

import pytest

from feedback_nlp.text.complaints import (
    cue_pattern,
    failure_cues,
    failure_statements,
    states_failure,
)

LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "ro", "tr"}


def test_every_language_has_both_lists_and_every_cue_compiles():
    cues = failure_cues()
    assert set(cues) >= LANGUAGES
    for lang, lists in cues.items():
        assert set(lists) == {"failure", "failed"}, lang
        for cue in (*lists["failure"], *lists["failed"]):
            re.compile(cue_pattern(cue))


@pytest.mark.parametrize(
    "text",
    [
        "My order showed up nine days late.",
        "You billed me twice for the same month.",
        "The courier says delivered, but the box never arrived.",
        "Three weeks on and still no refund.",
        "Unser Paket ist nie angekommen.",
        "Die Waschmaschine ist nach zwei Wochen kaputt.",
        "La facture m'a été débitée deux fois.",
        "Mi pedido llegó con tres días de retraso.",
        "La lavastoviglie si è rotta dopo un mese.",
        "O reembolso ainda não foi recebido.",
        "De koelkast werkt niet meer.",
        "Заказ так и не доставили.",
        "Przesyłka dotarła z opóźnieniem.",
        "Comanda a sosit cu o întârziere de o săptămână.",
        "Ürün kırık geldi.",
        "Aynı sipariş için kartımdan iki kez ödeme alındı.",
        "Keine Rückzahlung nach der Rücksendung.",
        "Ich warte seit drei Wochen auf meine Rückerstattung.",
        "Doppelte Abbuchung von meiner Kreditkarte.",
        "Seit dem Update schließt sich die App sofort beim Start.",
        "Why was I charged twice?",
        "My contract was changed without any notice.",  # failed without notice
        "Le tarif a augmenté sans prévenir.",
        "Die Preise wurden ohne Ankündigung erhöht.",
        "The app never works on my phone.",
        "Il wifi non funziona mai.",
        "I won't be back.",  # vows never to come back
        "No volveré a comprar en esta tienda.",
        "Nunca mais compro nesta loja.",  # "mais": "more", no clause break
        "Je ne commanderai plus jamais chez eux.",
        "Больше никогда у них не закажу.",
    ],
)
def test_stated_failures_are_found_in_many_languages(text: str):
    assert states_failure(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The technician was not late at all.",
        "Everything arrived on time and nothing was missing.",
        "No delays this time, thank you.",
        "Keine Verspätung, alles bestens.",
        "Aucun retard, livraison parfaite.",
        "Sin retraso y sin daños.",
        "Nessun ritardo, tutto perfetto.",
        "Никаких задержек, спасибо.",
        "Żadnych opóźnień.",
        "Hiç gecikme yok.",
        "What happens if my parcel arrives damaged?",
        "Is my flight delayed?",
        "Can you tell me when my order will ship?",
        "Thank you, the new router works perfectly.",
        "0 defects after a year of use.",  # "0" negates like "zero"
        "",
    ],
)
def test_negated_hypothetical_and_neutral_texts_state_no_failure(text: str):
    assert not states_failure(text), failure_statements(text)


def test_negation_only_reaches_its_own_clause():
    assert states_failure("Not the cheapest shop, but the lamp arrived broken.")
    assert not states_failure("The lamp was not broken.")


def test_more_is_no_but():
    """Folded, Portuguese "mais" and Spanish "más" ("more") look like French "mais" and
    Portuguese "mas" ("but"): only the contrast cuts a clause."""
    assert states_failure("Nunca más compro aquí.")
    assert not states_failure("Sin más, el pedido llegó sin retraso.")  # negation kept
    assert states_failure("No es caro, mas llegó roto.")  # "mas" as "but": its own clause


def test_words_of_other_languages_are_not_read_as_stems():
    assert not states_failure("Les panneaux solaires sont installés.")  # "panne" is a cue
    assert not states_failure("Der Vertrag ist unterzeichnet.")  # Dutch "vertraging"
    assert not states_failure("Die Demonstration verlief störungsfrei.")


@pytest.mark.parametrize(
    "text",
    [
        "Claim still open after three months.",
        "Ticket still unresolved after 6 weeks",
        "Schaden nach drei Monaten immer noch offen.",
        "Antrag noch immer nicht bearbeitet seit 5 Wochen",
        "Dossier toujours ouvert après trois mois.",
        "Reclamación todavía pendiente después de dos meses.",
        "Pratica ancora aperta dopo 2 mesi.",
        "Sinistro ancora aperto dopo tre mesi.",
        "Processo ainda em aberto após três meses.",
        "Schade na drie maanden nog steeds open.",
        "De expert is nooit komen opdagen.",
    ],
)
def test_a_case_still_open_after_a_stated_time_is_a_failure(text: str):
    assert states_failure(text)


@pytest.mark.parametrize(
    "text",
    [
        "Still open after 30 years, a real family business.",
        "The shop is still open after 10pm.",
        "Still going strong after three months.",
        "Open after three months of renovation.",
        "Negozio ancora aperto dopo le 20.",
        "Der Laden hat nach drei Monaten Umbau wieder offen.",
    ],
)
def test_opening_hours_and_businesses_still_open_are_no_failure(text: str):
    assert not states_failure(text)


@pytest.mark.parametrize(
    "text",
    [
        "HTTP 502 on the dashboard page.",
        "Getting HTTP 500 when saving a report.",
        "API returns 429 after 20 requests.",
        "SSO redirect goes to a 404 page.",
        "HTTP 504 Gateway Timeout on /api/v2/reports.",
        "ERR_TIMEOUT ERR_TIMEOUT on every export",
        "SSO login loops back to the login page",
        "Dashboard shows NaN for all metrics after v2.15.0.",
    ],
)
def test_errors_a_system_reports_are_failures(text):
    assert states_failure(text)


@pytest.mark.parametrize(
    "text",
    [
        "What does error 404 mean?",  # a question
        "We paid 500 for the room.",  # a number, no error
        "No HTTP 502 since the update.",  # negated
        "The shop is still open late.",  # open, not a case left open
    ],
)
def test_numbers_questions_and_open_shops_are_no_failures(text):
    assert not states_failure(text)


@pytest.mark.parametrize(
    "text",
    [
        "The verification code arrives after it has already expired.",
        "The chargeback I raised in August is still open.",
        "There is a payment of €89.99 on my statement that I did not make.",
        "This is the second time this month my card has been blocked.",
        "I have tried to log in 6 times now.",
        "A transferência está pendente há 5 dias.",
        "O código SMS chega depois de expirar.",
        "Tenho um pagamento de 200 euros que não fiz.",
        "Der Abschlag wurde ohne Erklärung von 85 € auf 210 € erhöht.",
        "Ich bekomme trotzdem weiter Rechnungen für die alte Wohnung.",
        "Di la lectura final y me siguen cobrando el piso anterior.",
    ],
)
def test_factual_complaints_of_bank_and_energy_customers_are_failures(text):
    assert states_failure(text)


@pytest.mark.parametrize(
    "text",
    ["404 page is funny", "I love your 404 page", "Tried it three times, loved it every time",
     "Third time this month I've ordered, great as always"],
)  # fmt: skip
def test_an_error_page_or_a_repeat_count_without_a_failure_is_no_failure(text: str) -> None:
    assert not states_failure(text)


@pytest.mark.parametrize(
    "text",
    ["Getting a 404 page on checkout", "The app crashed for the third time this week",
     "Second time this week the train was late", "I tried 5 times"],
)  # fmt: skip
def test_an_error_page_one_gets_and_a_repeated_failure_are_failures(text: str) -> None:
    assert states_failure(text)
