"""A phone line nobody could get through to (probe 53: energy supplier's outage line)."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend

BACKEND = RuleEffortBackend()


@pytest.mark.parametrize(
    "text",
    [
        "The phone line was engaged all day so I gave up.",
        "The line was busy for hours",
        "Die Störungshotline war dauerhaft besetzt.",
        "Nadie cogía el teléfono durante el apagón.",
        "La ligne était toujours occupée.",
        "Nobody ever picked up the phone.",
        "Kept getting the engaged tone.",
    ],
)
def test_a_line_busy_for_long_or_never_answered_is_high_effort(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "repeat_contact" in result.cues


@pytest.mark.parametrize(
    "text", ["Nobody picked up the phone.", "The number was engaged.", "La linea era occupata."]
)
def test_one_failed_attempt_to_get_through_is_low_effort(text: str) -> None:
    assert BACKEND.result(text).level == "low", text


@pytest.mark.parametrize(
    "text",
    [
        "Very engaged staff.",
        "Busy restaurant but quick service.",
        "The line moved quickly.",
        "Nobody picked up the rubbish.",
        "The engaged couple at the next table was lovely.",
        "Das Restaurant war gut besetzt.",
    ],
)
def test_busy_places_and_engaged_people_are_no_effort(text: str) -> None:
    assert BACKEND.result(text).level == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "The courier never picked up my parcel.",
        "DPD never picked up the return, so I dropped it off myself.",
        "My son never picks up his room.",
        "Checkout lines always busy on Saturdays.",
        "The lines were always busy at the store.",
        "The checkout line was busy.",
    ],
)
def test_pick_ups_and_queues_without_a_phone_are_no_effort(text: str) -> None:
    assert BACKEND.result(text).level == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "I rang them five times and they never picked up.",
        "They never picked up the phone.",
        "Called the hotline; they never picked up.",
        "The phone lines were always busy.",
        "Line engaged all day.",
    ],
)
def test_a_phone_never_answered_or_always_busy_is_high_effort(text: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert "repeat_contact" in result.cues
