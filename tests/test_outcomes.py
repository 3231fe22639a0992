import pytest

from feedback_nlp.outcomes import OutcomeSpec, default_bad, parse_outcome_option


@pytest.mark.parametrize("name", ["stars", "star_rating", "Rating", "review_score", "spend"])
def test_a_numeric_rating_or_amount_is_higher_is_better_by_default(name: str) -> None:
    assert parse_outcome_option(f"{name}:numeric").higher_is_better


@pytest.mark.parametrize("name", ["wait_minutes", "handling_time", "resolution_cost"])
def test_a_numeric_time_or_cost_is_higher_is_worse_by_default(name: str) -> None:
    assert not parse_outcome_option(f"{name}:numeric").higher_is_better
    assert parse_outcome_option(f"{name}:numeric:bad=low").higher_is_better


def test_the_rating_word_wins_over_a_time_word() -> None:
    assert default_bad("delivery_time_rating", "numeric") == "low"


def test_durations_and_counts_stay_higher_is_worse() -> None:
    assert not OutcomeSpec("contacts", "count").higher_is_better
    assert not OutcomeSpec("handled_in", "duration").higher_is_better
