"""Repeated contacts in short form, with no subject or auxiliary (probe 53: meter readings)."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.backends.effort_negation import normalise
from feedback_nlp.backends.effort_short_forms import short_repeat

BACKEND = RuleEffortBackend()


@pytest.mark.parametrize(
    "text",
    [
        "Zählerstand dreimal gemeldet, jedes Mal abgelehnt.",
        "Zählerstand 3 Mal übermittelt.",
        "Lectura enviada tres veces.",
        "Relevé envoyé trois fois, refusé à chaque fois.",
        "Lettura inviata tre volte.",
        "Meter reading submitted 3 times.",
    ],
)
def test_a_counted_contact_in_short_form_is_high_effort(text: str) -> None:
    assert short_repeat(normalise(text)), text
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "repeat_contact" in result.cues


@pytest.mark.parametrize(
    "text",
    [
        "Paket zweimal verschickt.",
        "Me han enviado tres veces la factura.",
        "Zählerstand gemeldet, dreimal abgelehnt.",
        "Called twice to say thanks.",
        "Nicht dreimal gemeldet, nur einmal.",
        "Envoyé une fois, accepté.",
    ],
)
def test_deliveries_other_subjects_and_counts_of_other_things_are_no_short_form(
    text: str,
) -> None:
    assert not short_repeat(normalise(text)), text
