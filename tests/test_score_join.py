"""Joining a scores table to the comments: every comment kept, bad keys refused."""

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.score_join import join_scores
from feedback_nlp.score_units import SCORE_ROW
from feedback_nlp.scores import score_metrics


def test_join_scores_keeps_every_comment_and_reports_unmatched():
    comments = pd.DataFrame(
        {"response_id": ["a", "b", "c"], "respondent_id": ["u1", "u1", "u9"]}, index=[5, 6, 7]
    )
    scores = pd.DataFrame({"respondent_id": ["u1", "u2"], "nps": [3, 9]})  # plain int64
    joined = join_scores(comments, scores)
    assert joined.table.index.tolist() == [5, 6, 7]
    assert joined.table["nps"].tolist() == [3, 3, pd.NA]
    assert joined.unmatched_scores["respondent_id"].tolist() == ["u2"]
    assert joined.unmatched_comments["response_id"].tolist() == ["c"]
    assert (
        joined.report()
        == "2 of 3 comment rows matched a score row; 1 score row(s) matched no comment"
    )
    nps = score_metrics(joined.table).set_index("metric").loc["nps"]
    assert nps["n"] == 1  # u1 counted once


def test_join_scores_rejects_repeated_keys_clashes_and_bad_keys():
    comments = pd.DataFrame({"response_id": ["a"], "respondent_id": ["u1"], "nps": [3]})
    scores = pd.DataFrame({"respondent_id": ["u1", "u1"], "csat": [1, 2]})
    with pytest.raises(SchemaError, match="repeated 'respondent_id' value"):
        join_scores(comments.drop(columns="nps"), scores, source="scores.csv")
    with pytest.raises(SchemaError, match=r"both have the column\(s\) \['nps'\]"):
        join_scores(comments, pd.DataFrame({"respondent_id": ["u1"], "nps": [4]}))
    with pytest.raises(ConfigError, match="use one of respondent_id, response_id, conversation_id"):
        join_scores(comments, scores, on="email")


def test_ids_read_as_floats_join_their_text_ids():
    comments = pd.DataFrame({"response_id": ["a", "b"], "respondent_id": ["1001", " 1002 "]})
    scores = pd.DataFrame({"respondent_id": [1001.0, 1002.0, None], "nps": [3, 9, 5]})
    with pytest.raises(SchemaError, match="row 2: 'respondent_id' is missing"):
        join_scores(comments, scores)
    joined = join_scores(comments, scores.dropna())  # a blank made pandas read floats
    assert joined.table["nps"].tolist() == [3, 9] and joined.unmatched_scores.empty


def test_joined_scores_say_which_score_row_they_came_from():
    """score_row: one id per score row, shared by its respondent's comments, different for
    the same answer in another wave's table; not written where no score is joined."""
    comments = pd.DataFrame({"response_id": ["a", "b", "c"], "respondent_id": ["u1", "u1", "u2"]})
    march = pd.DataFrame({"respondent_id": ["u1", "u2"], "nps": [10, 4]})
    june = pd.DataFrame({"respondent_id": ["u1", "u2"], "nps": [10, 7]})
    rows = join_scores(comments, march).table["score_row"]
    assert rows[0] == rows[1] != rows[2] and rows.notna().all()
    assert join_scores(comments, june).table["score_row"][0] != rows[0]
    assert join_scores(comments, march).table["score_row"].equals(rows)  # stable
    churn = pd.DataFrame({"respondent_id": ["u1", "u2"], "churned": [True, False]})
    assert "score_row" not in join_scores(comments, churn).table
    with_nps = comments.assign(nps=[9, 9, 3])  # the comments' own scores: no score row
    assert "score_row" not in join_scores(with_nps, march.rename(columns={"nps": "csat"})).table


def test_a_post_chat_score_table_joins_on_conversation_id():
    comments = pd.DataFrame(
        {"response_id": ["m1", "m2", "m3"], "conversation_id": ["CH-1", "CH-1", "CH-2"]}
    )
    scores = pd.DataFrame({"conversation_id": ["CH-1", "CH-2", "CH-9"], "csat": [5, 2, 4]})
    joined = join_scores(comments, scores, on="conversation_id")
    assert joined.table["csat"].tolist() == [5, 5, 2]
    assert joined.unmatched_scores["conversation_id"].tolist() == ["CH-9"]
    rows = joined.table[SCORE_ROW]
    assert rows.iat[0] == rows.iat[1] != rows.iat[2]  # one conversation's score counted once
