import pandas as pd
import pytest

from feedback_nlp.outcomes import OutcomeSpec, default_bad, parse_outcome, parse_outcome_option


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


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("on_time_rate", "low"),
        ("OnTimeDeliveryPct", "low"),
        ("minutes_saved_per_order", "low"),
        ("fee_savings", "low"),
        ("tickets_fixed", "low"),
        ("queueWaitTime", "high"),
        ("avgHoldMinutes", "high"),
        ("RefundCost", "high"),
    ],
)
def test_the_name_says_the_bad_side_split_at_capitals_good_words_first(name: str, bad: str) -> None:
    assert default_bad(name, "numeric") == bad


def test_a_name_that_says_no_side_is_assumed_and_the_description_says_so() -> None:
    assert default_bad("spend", "numeric") == "low"
    assert OutcomeSpec("spend", "numeric").describe() == (
        "spend (numeric, lower is worse, assumed; state bad=high or bad=low)"
    )
    assert (
        OutcomeSpec("spend", "numeric", bad="low").describe() == "spend (numeric, lower is worse)"
    )


def test_a_negated_good_word_is_ambiguous_and_falls_back_to_the_burden_word() -> None:
    spec = OutcomeSpec("complaints_not_resolved", "numeric")
    assert not spec.higher_is_better and "assumed" in spec.describe()


@pytest.mark.parametrize("name", ["downtime", "defects", "bugs", "late_deliveries", "returns"])
def test_common_burden_names_are_higher_is_worse(name):
    """Stop 50's verification probe: these read low-is-bad."""
    assert default_bad(name, "numeric") == "high"


@pytest.mark.parametrize(
    "name",
    [
        "calls_answered_rate",
        "returns_processed_ok",
        "escalations_avoided",
        "bug_free_sessions",
        "tickets_closed",
        "calls_handled",
        "failures_prevented",
        "answered_calls_pct",
    ],
)
def test_work_done_or_a_failure_avoided_beats_a_likely_burden_word(name: str) -> None:
    spec = OutcomeSpec(name, "numeric")
    assert spec.higher_is_better and "assumed" not in spec.describe()


@pytest.mark.parametrize("name", ["downtime", "defects", "investment_returns", "calls"])
def test_a_likely_burden_word_is_higher_is_worse_but_only_assumed(name: str) -> None:
    assert OutcomeSpec(name, "numeric").describe() == (
        f"{name} (numeric, higher is worse, assumed; state bad=high or bad=low)"
    )


def _parsed(name: str, cells: list[str], kind: str = "numeric") -> tuple[list, list]:
    spec = OutcomeSpec(name=name, kind=kind)
    values, reasons = parse_outcome({name: pd.Series(cells, dtype=object)}, spec)
    return values.tolist(), reasons.tolist()


def test_only_a_rating_outcome_reads_written_ratings() -> None:
    """Regression: "3 stars" was read as 3 items, "2 of 3" as an order value of 2."""
    values, reasons = _parsed("items", ["1", "2", "3", "3 stars"])
    assert pd.isna(values[3]) and reasons[3] == "items is not a number: '3 stars'"
    values, reasons = _parsed("order_value", ["19.99", "5", "12", "2 of 3"])
    assert pd.isna(values[3]) and "not a number" in reasons[3]
    values, reasons = _parsed("stars", ["1", "2", "5", "4 stars"])
    assert values[3] == 4 and pd.isna(reasons[3])


def test_a_live_chat_rating_is_a_binary_outcome() -> None:
    values, reasons = _parsed("rated", ["rated good", "rated bad", "not rated"], "binary")
    assert values[:2] == [1.0, 0.0] and pd.isna(values[2])
    assert all(pd.isna(r) for r in reasons)
