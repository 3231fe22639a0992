"""Surveys asking several open questions: one row per answer (feedback_nlp.io.answers)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_nlp.errors import ConfigError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.scores import score_metrics, unit_ids
from tests.io.conftest import check_result

WHY, ELSE = "Why that score?", "Anything else?"
TWO_TEXTS = {"columns": {"response_id": "id", "text": [WHY, ELSE]}}


def survey(tmp_path, rows: list[dict], name: str = "survey.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


ROWS = [
    {"id": "a", "nps": 9, WHY: "Great staff", ELSE: "Fast delivery too", "store": "Leeds"},
    {"id": "b", "nps": 2, WHY: "", ELSE: "The app crashes", "store": "York"},
    {"id": "c", "nps": 5, WHY: "", ELSE: "", "store": "Hull"},
    {"id": "d", "nps": "", WHY: "Slow refund", ELSE: "", "store": "Bath"},
]


def test_a_row_per_answer_in_source_order_then_question_order(tmp_path):
    result = check_result(read_feedback(survey(tmp_path, ROWS), mapping=TWO_TEXTS))
    table = result.table
    assert table["response_id"].tolist() == ["a#q1", "a#q2", "b#q2", "c#q1", "d#q1"]
    assert table["text"].tolist() == [
        "Great staff",
        "Fast delivery too",
        "The app crashes",
        "",  # no answer, a score: one row, so the score is kept
        "Slow refund",
    ]
    # c answered no open question: it is counted under none (before stop 48 under WHY, so the
    # report's "By question" gave WHY a comment and a score it never had)
    assert table["question"].fillna("-").tolist() == [WHY, ELSE, ELSE, "-", WHY]
    assert table["respondent_id"].tolist() == ["a", "a", "b", "c", "d"]
    assert table["nps"].tolist()[:3] == [9, 9, 2]
    assert table["store"].tolist() == ["Leeds", "Leeds", "York", "Hull", "Bath"]
    assert ELSE not in table.columns and WHY not in table.columns
    assert result.info["rows_read"] == 4 and result.info["answers_added"] == 1
    assert result.info["more_texts"] == [ELSE]


def test_the_score_of_a_split_row_counts_once(tmp_path):
    table = read_feedback(survey(tmp_path, ROWS), mapping=TWO_TEXTS).table
    nps = score_metrics(table).set_index("metric").loc["nps"]
    assert nps["n"] == 3  # a, b, c: a's two answers are one response
    assert nps["value"] == pytest.approx((1 - 2) / 3 * 100)
    assert unit_ids(table, "response").nunique() == 4


def test_a_split_row_of_a_mapped_respondent_counts_once_when_their_surveys_differ(tmp_path):
    rows = [
        {"id": "a", "who": "x", "nps": 9, WHY: "Great staff", ELSE: "Fast delivery"},
        {"id": "b", "who": "x", "nps": 3, WHY: "Late again", ELSE: "Rude driver"},
    ]
    mapping = {"columns": {**TWO_TEXTS["columns"], "respondent_id": "who"}}
    table = read_feedback(survey(tmp_path, rows), mapping=mapping).table
    assert table["respondent_id"].tolist() == ["x"] * 4
    assert score_metrics(table).set_index("metric").loc["nps", "n"] == 2


def test_rows_without_any_answer_or_score_are_rejected_once(tmp_path):
    rows = [*ROWS, {"id": "e", "nps": "", WHY: "", ELSE: "", "store": "Ely"}]
    result = check_result(read_feedback(survey(tmp_path, rows), mapping=TWO_TEXTS))
    assert result.rejects["reason"].tolist() == ["no text and no score"]
    assert result.info["rows_rejected"] == 1


def test_a_kept_problem_names_the_rows_first_answer(tmp_path):
    rows = [{"id": "a", "nps": "eleven", WHY: "", ELSE: "Broken app", "store": "Leeds"}]
    result = check_result(read_feedback(survey(tmp_path, rows), mapping=TWO_TEXTS))
    assert result.table["response_id"].tolist() == ["a#q2"]
    assert result.rejects["response_id"].tolist() == ["a#q2"]
    assert result.rejects["row_kept"].tolist() == [True]


def test_each_answer_gets_its_own_text_issues(tmp_path):
    rows = [{"id": "a", "nps": 9, WHY: "Fine", ELSE: "Price \ufffd too high", "store": "Leeds"}]
    table = read_feedback(survey(tmp_path, rows), mapping=TWO_TEXTS).table
    assert table["text_issues"].tolist() == ["", "replacement_char"]


def test_a_single_text_in_the_mapping_turns_the_split_off(tmp_path):
    path = tmp_path / "form.csv"
    path.write_text(
        "Timestamp,What did you like most?,What should we improve?\n"
        "2026/05/01 9:00:00 AM GMT+1,The friendly staff at the desk,Shorter queues at lunch\n",
        encoding="utf-8",
    )
    assert len(check_result(read_feedback(path)).table) == 2
    result = check_result(read_feedback(path, text="What should we improve?"))
    assert result.table["text"].tolist() == ["Shorter queues at lunch"]
    assert "question" not in result.table.columns
    assert "What did you like most?" in result.table.columns  # carried


def test_a_text_list_naming_a_missing_or_repeated_column_is_refused(tmp_path):
    path = survey(tmp_path, ROWS)
    with pytest.raises(Exception, match="Nope"):
        read_feedback(path, mapping={"columns": {"text": [WHY, "Nope"]}})
    with pytest.raises(ConfigError, match="twice"):
        read_feedback(path, mapping={"columns": {"text": [WHY, WHY]}})


def test_google_forms_take_every_open_question_but_not_a_choice(tmp_path):
    path = tmp_path / "form.csv"
    path.write_text(
        "Timestamp,How likely are you to recommend us?,Why did you give that score?,"
        "What is the main reason for your visit?,Anything else you would like to tell us?\n"
        "2026/05/01 9:00:00 AM GMT+1,9,Friendly staff,Shopping,Keep the late opening hours\n"
        "2026/05/01 9:30:00 AM GMT+1,2,Queues were long,Returns,\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["platform"] == "google_forms"
    assert result.info["columns"]["text"] == "Why did you give that score?"
    assert result.info["more_texts"] == ["Anything else you would like to tell us?"]
    assert "What is the main reason for your visit?" in result.table.columns  # a choice, carried
    assert result.table["text"].tolist() == [
        "Friendly staff",
        "Keep the late opening hours",
        "Queues were long",
    ]
    assert result.table["nps"].tolist() == [9, 9, 2]


def test_surveymonkey_takes_every_open_ended_response(tmp_path):
    path = tmp_path / "sm.csv"
    path.write_text(
        "Respondent ID,Collector ID,Start Date,End Date,How likely is it that you would "
        "recommend us to a friend?,Why did you give that score?,What could we do better?\n"
        ",,,,Response,Open-Ended Response,Open-Ended Response\n"
        '"11","4","05/03/2026 09:00:00 AM","05/03/2026 09:04:10 AM","8",'
        '"Good range","Ship faster"\n',
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["11#q1", "11#q2"]
    assert result.table["question"].tolist() == [
        "Why did you give that score?",
        "What could we do better?",
    ]


def _import(value: str) -> str:
    return '"' + json.dumps({"ImportId": value}).replace('"', '""') + '"'


def test_qualtrics_takes_text_entry_questions_not_the_other_box_of_a_choice(tmp_path):
    path = tmp_path / "q.csv"
    ids = ["ResponseId", "Q1", "Q2_5_TEXT", "Q3", "Q4"]
    questions = ["Response ID", "How likely are you to recommend us?", "Store - Other - Text"]
    questions += ["Why that score?", "What should we change?"]
    imports = ["_recordId", "QID1", "QID2_5_TEXT", "QID3_TEXT", "QID4_TEXT"]
    path.write_text(
        ",".join(ids)
        + "\n"
        + ",".join(questions)
        + "\n"
        + ",".join(map(_import, imports))
        + "\nR_1,7,Outlet,Good prices,Open on Sundays\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["columns"]["text"] == "Q3" and result.info["more_texts"] == ["Q4"]
    assert result.table["text"].tolist() == ["Good prices", "Open on Sundays"]
    assert result.table["Q2_5_TEXT"].tolist() == ["Outlet", "Outlet"]
    # the question's wording, not its id (before stop 48 the report said "to 'Q4'")
    assert result.table["question"].tolist() == ["Why that score?", "What should we change?"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_chunks_count_each_source_row_once(tmp_path, suffix):
    rows = [
        {"id": f"r{i}", "nps": i % 11, WHY: f"reason {i}", ELSE: f"more {i}" if i % 2 else ""}
        for i in range(9)
    ]
    path = tmp_path / f"s{suffix}"
    frame = pd.DataFrame(rows)
    frame.to_csv(path, index=False) if suffix == ".csv" else frame.to_excel(path, index=False)
    chunks = list(stream_feedback([path], chunk_rows=4, mapping=TWO_TEXTS))
    assert sum(c.rows_read for c in chunks) == 9
    assert sum(len(c.table) for c in chunks) == 13
    whole = pd.concat([c.table for c in chunks], ignore_index=True)
    assert whole["response_id"].is_unique


_CELLS = st.sampled_from(["", "9", "eleven", "Great staff", "Parcel lost twice", "N/A"])
_SURVEY_ROWS = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "d", ""]), _CELLS, _CELLS, _CELLS), max_size=20
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rows=_SURVEY_ROWS, chunk_rows=st.integers(1, 5))
def test_any_survey_of_two_open_questions_splits_the_same_whole_and_streamed(
    tmp_path_factory, rows, chunk_rows
):
    path = tmp_path_factory.mktemp("survey") / "survey.csv"
    pd.DataFrame(rows, columns=["id", "nps", WHY, ELSE]).to_csv(path, index=False)
    if not rows:
        return
    whole = check_result(read_feedback(path, mapping=TWO_TEXTS))
    chunks = list(stream_feedback([path], chunk_rows=chunk_rows, mapping=TWO_TEXTS))
    assert sum(c.rows_read for c in chunks) == len(rows)
    streamed = pd.concat([c.table for c in chunks], ignore_index=True)
    assert streamed["response_id"].tolist() == whole.table["response_id"].tolist()
    assert streamed["text"].tolist() == whole.table["text"].tolist()
    answered = sum(bool(str(r[2]).strip()) + bool(str(r[3]).strip()) for r in rows)
    assert whole.info["answers_added"] <= answered


def test_two_qualtrics_questions_worded_alike_keep_their_answers_apart(tmp_path):
    """ "Please tell us why." after the NPS and after the CSAT question: a reviewer found the
    second's answers lost when the wording became the question's key."""
    path = tmp_path / "q.csv"
    ids = ["ResponseId", "Q1", "Q2_TEXT", "Q3", "Q4_TEXT"]
    questions = ["Response ID", "How likely are you to recommend us?", "Please tell us why.",
                 "How satisfied are you?", "Please tell us why."]  # fmt: skip
    imports = ["_recordId", "QID1", "QID2_TEXT", "QID3", "QID4_TEXT"]
    rows = ["R_1,9,Great product,4,Support was quick", "R_2,3,Too dear,2,Never answered"]
    path.write_text(
        "\n".join([",".join(ids), ",".join(questions), ",".join(map(_import, imports)), *rows])
        + "\n",
        encoding="utf-8",
    )
    table = read_feedback(path).table
    assert table["text"].tolist() == [
        "Great product", "Support was quick", "Too dear", "Never answered"
    ]  # fmt: skip
    assert table["question"].tolist() == [
        "Please tell us why. (Q2_TEXT)", "Please tell us why. (Q4_TEXT)"
    ] * 2  # fmt: skip


def test_qualtrics_previews_tests_and_spam_are_rejected_with_the_reason(tmp_path):
    """A survey probe's four previews and tests moved its NPS and formed a theme "test
    test" before stop 48."""
    path = tmp_path / "q.csv"
    ids = ["ResponseId", "Status", "Q1", "Q3"]
    questions = ["Response ID", "Response Type", "How likely are you to recommend us?", "Why?"]
    imports = ["_recordId", "status", "QID1", "QID3_TEXT"]
    rows = [
        "R_1,IP Address,9,Fast delivery",
        "R_2,Survey Preview,0,test test",
        "R_3,Survey Test,5,lorem ipsum",
        "R_4,Spam,10,buy now",
        "R_5,IP Address,3,Too slow",
    ]
    path.write_text(
        "\n".join([",".join(ids), ",".join(questions), ",".join(map(_import, imports)), *rows])
        + "\n",
        encoding="utf-8",
    )
    result = read_feedback(path)
    assert result.table["text"].tolist() == ["Fast delivery", "Too slow"]
    assert len(result.rejects) == 3
    reasons = result.rejects["reason"].tolist()
    assert reasons[0].startswith("a survey preview (Status 'Survey Preview')")
    assert "a survey test" in reasons[1] and reasons[2].startswith("spam")
