"""Claims effort phrasings an insurance probe found missing: the Dutch perfect obligation,
papers resent, chasing by phone ("hinterhertelefoniert", "achter de broek zitten")."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.effort import RuleEffortBackend, cue_weights

BACKEND = RuleEffortBackend()

HIGH = [
    ("Ik heb de foto's drie keer moeten opsturen voordat iemand reageerde.", "repeat_contact"),
    ("Ik heb de foto's drie keer moeten opsturen.", "repeat_contact"),
    ("Ik heb drie formulieren moeten invullen.", "hoops"),
    ("Ik heb de expert wekenlang achter de broek moeten zitten.", "chasing"),
    ("We hebben de verzekeraar maandenlang achter de broek gezeten.", "chasing"),
    ("Ich habe den Gutachter drei Wochen lang hinterhertelefoniert.", "chasing"),
    ("Wir haben der Werkstatt wochenlang hinterhertelefoniert.", "chasing"),
    ("I had to resend the documents.", "hoops"),
    ("I had to resubmit the claim form.", "hoops"),
]


@pytest.mark.parametrize(("text", "family"), HIGH)
def test_claims_effort_phrasings_are_high(text: str, family: str) -> None:
    result = BACKEND.result(text)
    assert result.level == "high", (text, result)
    assert family in result.cues


def test_resending_is_a_repeated_step_unless_negated() -> None:
    assert cue_weights("I had to resend the photos.") == {"hoops": 0.6}
    assert cue_weights("I didn't have to resend the photos.") == {}


def test_chasing_by_phone_is_chasing_and_running_after_a_bus_is_not() -> None:
    assert cue_weights("Ik heb ze achter de broek gezeten.") == {"chasing": 0.35}
    assert cue_weights("Ich bin dem Bus hinterhergelaufen.") == {}


def test_a_negated_dutch_perfect_obligation_is_no_cue() -> None:
    assert "hoops" in cue_weights("Ik heb twee formulieren moeten invullen.")
    assert cue_weights("Ik heb geen formulieren moeten invullen.") == {}


def test_a_dutch_should_have_is_no_obligation() -> None:
    """Before stop 52's fix "ik had eerder moeten bellen" (I should have called sooner, my
    fault) was a contact the customer had to make; "ik heb … moeten bellen" still is."""
    assert cue_weights("Ik had eerder moeten bellen, mijn fout.") == {}
    assert cue_weights("Ik had het formulier eerder moeten invullen.") == {}
    assert cue_weights("Ik heb twee formulieren moeten invullen.") != {}


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("Ordered twice, called once.", False),  # the count is the order's (review of stop 53)
        ("Spilled our drinks twice, then asked us to call back.", False),
        ("Called them 3 times, no answer.", True),
        ("I have called, emailed and written three times.", True),
    ],
)
def test_a_count_goes_with_the_contact_of_its_own_clause(text: str, repeated: bool) -> None:
    assert (cue_weights(text).get("repeat_contact", 0.0) >= 0.7) is repeated
