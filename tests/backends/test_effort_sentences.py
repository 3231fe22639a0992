"""Amounts with a decimal or thousands point do not end a sentence (an insurance probe)."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.backends.effort_sentences import sentences

BACKEND = RuleEffortBackend()

WAITS_FOR_AN_AMOUNT = [
    "I have been waiting for my payout of £1,250.00 for six weeks.",
    "I have been waiting for my payout of EUR 1.250 for six weeks.",
    "I have been waiting for the settlement of £3,100.00 for two months.",
    "J'attends toujours l'indemnisation de EUR 1.250,00 depuis six semaines.",
]


@pytest.mark.parametrize("text", WAITS_FOR_AN_AMOUNT)
def test_an_amount_does_not_hide_a_wait_of_weeks(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "low", (text, result)
    assert result.cues == ("long_wait",)


def test_points_inside_numbers_split_nothing_and_sentence_ends_still_do() -> None:
    assert sentences("paid £1,250.00 after 1.5 hours") == ["paid £1,250.00 after 1.5 hours"]
    assert sentences("I called twice. 3 weeks later!no") == [
        "I called twice",
        " 3 weeks later",
        "no",
    ]
    assert sentences("version 2.1.done") == ["version 2.1", "done"]
