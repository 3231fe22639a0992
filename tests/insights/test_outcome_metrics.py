"""Each declared outcome's value over all units, with its range, as the scores get theirs."""

from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.insights import explain
from feedback_nlp.insights.outcome_metrics import outcome_metrics
from feedback_nlp.intervals import t_interval, wilson_interval
from feedback_nlp.outcomes import parse_outcome_option
from tests.insights.test_outcomes import CHURNED, CONTACTS, RESOLUTION, with_outcomes


@pytest.fixture(scope="module")
def metrics() -> pd.DataFrame:
    return outcome_metrics(with_outcomes(), [CHURNED, RESOLUTION, CONTACTS]).set_index("outcome")


def test_binary_outcome_is_the_share_true_per_unit_with_a_wilson_range(metrics) -> None:
    per_respondent = with_outcomes().groupby("respondent_id")["churned"].last()
    churned = int((per_respondent.str.lower() == "yes").sum())
    row = metrics.loc["churned"]
    assert row["n"] == len(per_respondent) == 600
    assert row["value"] == pytest.approx(100 * churned / 600)
    low, high = wilson_interval(churned, 600)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((100 * low, 100 * high))
    assert row["ci_method"] == "Wilson" and row["metric"] == "churned_rate"
    assert row["unit_of_analysis"] == "600 respondents" and not row["higher_is_better"]


def test_numeric_outcomes_are_means_in_the_impact_tables_units(metrics) -> None:
    tables = explain(with_outcomes(), outcomes=[RESOLUTION, CONTACTS], n_bootstrap=5).tables
    for name in ("resolution_time", "contacts"):
        row, impact = metrics.loc[name], tables[f"theme_impact_{name}"]
        assert row["value"] == pytest.approx(impact["metric_all"].iloc[0])
        assert row["ci_method"] == "t" and row["ci_low"] < row["value"] < row["ci_high"]
    assert metrics.loc["resolution_time", "display_unit"] == "hours"
    contacts = with_outcomes().groupby("respondent_id")["contacts"].last().astype(float)
    assert tuple(metrics.loc["contacts", ["ci_low", "ci_high"]]) == pytest.approx(
        t_interval(contacts.to_numpy())
    )


def test_explain_adds_the_table_for_declared_outcomes_only(tagged_table) -> None:
    declared = explain(with_outcomes(), outcomes=["nps", CHURNED], n_bootstrap=5).tables
    assert declared["outcome_metrics"]["outcome"].tolist() == ["churned"]
    assert "outcome_metrics" not in explain(tagged_table, n_bootstrap=5).tables
    text_only = explain(tagged_table.drop(columns="nps"), n_bootstrap=5).tables
    assert "theme_impact_negative_sentiment" in text_only
    assert "outcome_metrics" not in text_only


def test_an_outcome_where_no_is_bad_is_better_high() -> None:
    resolved = parse_outcome_option("resolved:binary:bad=no")
    table = pd.DataFrame(
        {"response_id": ["a", "b", "c", "d"], "resolved": ["yes", "yes", "no", "yes"]}
    )
    row = outcome_metrics(table, [resolved]).iloc[0]
    assert row["value"] == pytest.approx(75.0) and row["higher_is_better"]
    assert row["unit_of_analysis"] == "4 responses" and row["small_n"]


def test_a_customers_tickets_rated_differently_each_count():
    """A ticket export read with the requester as respondent_id: before stop 48 each
    requester counted once, with the rating of their last ticket (the agreement rule looked
    at NPS, CSAT and CES only), and 36 of a probe's 80 ratings were dropped."""
    satisfied = parse_outcome_option("satisfied:binary:bad=no")
    table = pd.DataFrame(
        {
            "response_id": ["t1", "t2", "t3", "t4", "t5"],
            "respondent_id": ["ann", "ann", "bob", "bob", "cy"],
            "text_clean": ["late", "quick", "rude", "rude again", "fine"],
            "satisfied": pd.array([0, 1, 0, 0, 1], dtype="Int64"),
        }
    )
    row = outcome_metrics(table, [satisfied]).set_index("outcome").loc["satisfied"]
    assert row["n"] == 5  # ann's two tickets, and bob's two as well (his agree: probe 51)
    assert row["value"] == pytest.approx(40.0)
    assert row["unit_of_analysis"] == "5 responses"
