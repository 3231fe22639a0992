"""The headline facts count their units in words that add up."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.score_facts import outcome_facts, score_card, score_facts
from feedback_nlp.score_scales import ScoreScales

MIXED = "60 responses, 30 respondents"


def _metrics(described: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "metric": ["nps"], "value": [-23.3], "n": [90], "ci_low": [-40.1],
            "ci_high": [-5.0], "unit_of_analysis": [described],
        }
    )  # fmt: skip


def test_a_score_of_mixed_units_says_how_they_add_up() -> None:
    fact = score_facts(_metrics(MIXED), ScoreScales())[0]
    assert fact.text().endswith("90 units: 60 responses and 30 respondents)")
    assert "90 units: 60 responses and 30 respondents" in score_card(fact).detail
    assert "responses and respondents" not in fact.text()


def test_a_score_of_one_kind_counts_it() -> None:
    fact = score_facts(_metrics("90 respondents"), ScoreScales())[0]
    assert fact.text().endswith(", 90 respondents)")


def test_an_outcome_of_mixed_units_says_how_they_add_up() -> None:
    metrics = pd.DataFrame(
        {
            "outcome": ["churned"], "value": [32.0], "n": [90], "ci_low": [27.0],
            "ci_high": [36.0], "ci_method": ["Wilson"], "higher_is_better": [False],
            "display_unit": [None], "unit_of_analysis": [MIXED],
        }
    )  # fmt: skip
    fact = outcome_facts(metrics)[0]
    assert fact.text().endswith("90 units: 60 responses and 30 respondents)")
    assert "90 units: 60 responses and 30 respondents" in fact.card().detail
