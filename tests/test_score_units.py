"""The unit rule on scores joined per respondent (`join_scores`): one unit per score row."""

import pandas as pd
import pytest

from feedback_nlp.score_join import join_scores
from feedback_nlp.score_units import SCORE_ROW, repeated_answers, unit_ids
from feedback_nlp.scores import score_metrics


def joined_wave(respondents: list[str], scores: dict[str, int], date: str) -> pd.DataFrame:
    """One wave: the comments (each with its own id) with the wave's NPS joined per respondent."""
    ids = [f"{date}-c{i}" for i in range(len(respondents))]
    comments = pd.DataFrame(
        {
            "response_id": ids,
            "respondent_id": respondents,
            "created_at": pd.to_datetime([date] * len(ids), utc=True),
            "text_clean": ["checkout froze"] * len(ids),
        }
    )
    table = pd.DataFrame({"respondent_id": list(scores), "nps": list(scores.values())})
    return join_scores(comments, table).table


def nps(table: pd.DataFrame) -> pd.Series:
    return score_metrics(table).set_index("metric").loc["nps"]


def test_joined_waves_count_a_respondent_once_per_score_row_not_per_comment():
    """Review 51: k1 (a detractor) wrote 5 comments under one score; once k2's score changed
    in wave 2, each comment was a unit: NPS −25 on 8 'responses'. Now 4 answers: 50."""
    first = joined_wave(["k1"] * 5 + ["k2", "k3"], {"k1": 1, "k2": 10, "k3": 9}, "2025-03-01")
    second = joined_wave(["k2"], {"k2": 9}, "2025-06-01")
    both = pd.concat([first, second], ignore_index=True)
    assert repeated_answers(both)
    result = nps(both)
    assert (result["value"], result["n"]) == (pytest.approx(50.0), 4)
    assert result["unit_of_analysis"] == "4 answers"
    assert unit_ids(both)[:5].nunique() == 1  # k1's five comments: one answer
    assert nps(first)["unit_of_analysis"] == "3 respondents"  # one wave: each counts once


def test_a_respondent_who_answered_the_same_in_two_joined_waves_counts_twice():
    """As in raw survey waves, every answer counts, also an unchanged one."""
    first = joined_wave(["k1", "k1", "k2"], {"k1": 10, "k2": 2}, "2025-03-01")
    second = joined_wave(["k1", "k2"], {"k1": 10, "k2": 6}, "2025-06-01")
    result = nps(pd.concat([first, second], ignore_index=True))
    assert (result["value"], result["n"]) == (pytest.approx(0.0), 4)


def test_rows_under_one_score_row_that_disagree_count_per_response():
    """A score row whose rows carry different scores (edited after the join) is no answer."""
    table = pd.DataFrame(
        {
            "response_id": ["a", "b", "c"],
            "respondent_id": ["k1", "k1", "k2"],
            SCORE_ROW: ["s1", "s1", "s2"],
            "nps": pd.array([3, 8, 9], dtype="Int64"),
        }
    )
    assert unit_ids(table).tolist() == ["response:a", "response:b", "answer:k2/s2"]
