"""Transfers along a chain of named teams and between parties named one by one (an insurance
probe), and a moving verb read as a whole word only."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend, cue_weights

BACKEND = RuleEffortBackend()

PASSED_AROUND = [
    "I was passed from the claims team to the repairs team to the complaints team and back.",
    "We were passed from the sales office to the billing office to the IT helpdesk.",
    "I was passed between the claims team, the garage and the assessor and nobody took ownership.",
    "I was passed between the claims team and the garage.",
    "They passed me between the bank and the insurer for a month.",
]


@pytest.mark.parametrize("text", PASSED_AROUND)
def test_passed_along_named_teams_or_between_parties_is_a_strong_transfer(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "transfer" in result.cues


def test_only_a_customer_moved_between_parties_is_a_transfer() -> None:
    assert "transfer" in cue_weights("I was sent between the branch and the head office.")
    assert cue_weights("The parcel was sent between Monday and Friday.") == {}
    assert cue_weights("Time passed between the two visits and the garden grew.") == {}
    assert cue_weights("I wasn't passed between the claims team and the garage.") == {}


WORDS_THAT_HOLD_A_MOVING_VERB = [
    "Do I need to speak to a representative to update my card?",
    "Hablé de la reunión para pedir al representante su opinión.",
]


@pytest.mark.parametrize("text", WORDS_THAT_HOLD_A_MOVING_VERB)
def test_a_moving_verb_inside_another_word_is_no_transfer(text: str) -> None:
    assert cue_weights(text) == {}, text


OTHER_THINGS_PASSED_BETWEEN = [
    "We were passed between tables of delicious food and wine.",
    "I was handed between nurses at shift change, all very professional.",
    "We got sent between the two buildings for X-ray and bloods, quick and easy.",
    "I was sent between nine and five for my appointment.",
]


@pytest.mark.parametrize("text", OTHER_THINGS_PASSED_BETWEEN)
def test_passed_between_things_that_are_no_organisations_is_no_transfer(text: str) -> None:
    """Before stop 52's fix any two things after "passed between" were parties (high)."""
    assert "transfer" not in cue_weights(text), text
