"""The notes that say how the unit rule counted a table's scores."""

import pandas as pd

from feedback_nlp.scores import score_conflicts
from feedback_nlp.unit_notes import unit_notes


def answers(nps: list[int], respondents: list[str], **columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(nps))],
            "respondent_id": respondents,
            "nps": pd.array(nps, dtype="Int64"),
            **columns,
        }
    )


def test_repeated_answers_say_every_response_counts():
    table = answers([9, 9, 3, 6], ["u1", "u1", "u2", "u2"])
    assert unit_notes(table) == [
        "1 of 2 respondents gave answers with different scores (repeated surveys): every "
        "response counts, for every respondent alike (4 responses); --unit respondent_id "
        "counts each respondent's latest answer once"
    ]


def test_a_score_repeated_onto_comments_says_each_respondent_counts_once():
    table = answers([9, 9, 3], ["u1", "u1", "u2"])
    assert unit_notes(table) == [
        "1 of 2 respondents have several responses, each with the same scores (a score "
        "repeated onto their comments): each counts once; --unit response counts every response"
    ]
    assert unit_notes(answers([9, 3], ["u1", "u2"])) == []  # one answer each: nothing to say


def test_a_column_unit_says_how_many_units_kept_their_latest_answer():
    """The probe's --unit account_id kept 30 accounts' last answers without a word."""
    accounts = {"account_id": ["a1", "a1", "a2", "a2", "a3"]}
    table = answers([9, 2, 7, 7, 10], ["u1", "u2", "u3", "u3", "u4"], **accounts)
    note = (
        "1 of 3 accounts have answers with different scores; each counts its latest answer; "
        "--unit response counts every answer"
    )
    assert unit_notes(table, "account_id") == [note]
    assert score_conflicts(table, "account_id").attrs["skipped"] == [note]
    assert unit_notes(table, "response") == []


def test_a_survey_split_per_answer_is_one_response_per_respondent():
    """Review 51: rows `<id>#q<k>` of one survey row read as 'several responses'."""
    table = answers(
        [7, 7, 2, 2, 10],
        ["p1", "p1", "p2", "p2", "p3"],
        question=["Why?", "What else?", "Why?", "What else?", "Why?"],
    ).assign(response_id=["p1#q1", "p1#q2", "p2#q1", "p2#q2", "p3#q1"])
    assert unit_notes(table) == []


def test_joined_waves_say_every_answer_counts():
    table = answers([9, 9, 3, 6], ["u1", "u1", "u2", "u2"], score_row=["s1", "s1", "s2", "s3"])
    assert "every answer counts, for every respondent alike (3 answers)" in unit_notes(table)[0]
