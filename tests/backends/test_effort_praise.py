"""Praise with no problem beside it (effort_praise)."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import normalise
from feedback_nlp.backends.effort_praise import praise_only, problem_stated


@pytest.mark.parametrize(
    "text",
    [
        "Called them a few times, always excellent.",
        "Toujours parfait, merci.",
        "Sempre ótimo atendimento.",
    ],
)
def test_praise_with_no_problem_is_praise_only(text: str) -> None:
    assert praise_only(normalise(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Great staff, but the heating is still not fixed.",
        "Not great: nobody picks up.",
        "I called several times about the meter.",
        "Excellent people, however the boiler is still broken.",
    ],
)
def test_a_problem_or_no_praise_is_not_praise_only(text: str) -> None:
    assert not praise_only(normalise(text)), text


def test_problem_stated_reads_contrast_and_open_issues() -> None:
    assert problem_stated(normalise("Nice shop but the card reader was broken."))
    assert problem_stated(normalise("Still no refund."))
    assert not problem_stated(normalise("Always a pleasure."))
