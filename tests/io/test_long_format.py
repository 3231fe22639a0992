"""Long exports, one row per question: folded into responses (feedback_nlp.io.long_format)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_nlp.io import read_feedback
from feedback_nlp.io.stream import stream_feedback
from feedback_nlp.scores import score_metrics
from tests.io.conftest import check_result

NPS, STORE, WHY, BOUGHT = (
    "How likely are you to recommend us?",
    "Which store did you visit?",
    "Why that score?",
    "Which products did you buy?",
)
ROWS = [
    ("R1", "2026-05-01", "Q1", NPS, "9"),
    ("R1", "2026-05-01", "Q2", STORE, "Leeds"),
    ("R1", "2026-05-01", "Q3", WHY, "Friendly staff and quick delivery"),
    ("R1", "2026-05-01", "Q4", BOUGHT, "Shoes"),
    ("R1", "2026-05-01", "Q4", BOUGHT, "Socks"),
    ("R1", "2026-05-01", "Q5", "Anything else?", "Keep the late opening"),
    ("R2", "2026-05-02", "Q1", NPS, "3"),
    ("R2", "2026-05-02", "Q2", STORE, "York"),
    ("R2", "2026-05-02", "Q3", WHY, "Parcel arrived broken"),
    ("R3", "2026-05-03", "Q1", NPS, ""),
]


def long_file(tmp_path, rows=ROWS, name="answers.csv"):
    path = tmp_path / name
    columns = ["response_id", "date", "question_id", "question", "answer"]
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


def test_rows_of_questions_are_folded_into_responses(tmp_path):
    result = check_result(read_feedback(long_file(tmp_path)))
    table, info = result.table, result.info
    assert table["response_id"].tolist() == ["R1#q1", "R1#q2", "R2#q1"]
    assert table["text"].tolist() == [
        "Friendly staff and quick delivery",
        "Keep the late opening",
        "Parcel arrived broken",
    ]
    assert table["question"].tolist() == [WHY, "Anything else?", WHY]
    assert table["nps"].tolist() == [9, 9, 3]
    assert table["respondent_id"].tolist() == ["R1", "R1", "R2"]
    assert table[STORE].tolist() == ["Leeds", "Leeds", "York"]
    assert table[BOUGHT].tolist()[0] == "Shoes | Socks"  # a multiple choice, carried
    assert table["created_at"].iloc[2] == pd.Timestamp("2026-05-02", tz="UTC")
    assert "question_id" not in table.columns  # it belongs to the question
    assert info["rows_read"] == 10 and info["rows_folded"] == 7
    assert result.rejects["reason"].tolist() == ["no text and no score"]  # R3 answered nothing
    notes = " | ".join(info["notes"])
    assert "'question_id' change between the rows of one response" in notes
    assert f"not analysed: '{STORE}', '{BOUGHT}' (a choice such as the store" in notes
    assert score_metrics(table).set_index("metric").loc["nps", "n"] == 2


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 7])
def test_a_response_across_chunks_is_folded_once(tmp_path, chunk_rows):
    path = long_file(tmp_path)
    whole = read_feedback(path).table
    chunks = list(stream_feedback([path], chunk_rows=chunk_rows))
    assert sum(c.rows_read for c in chunks) == 10
    assert all(len(c.table) <= chunk_rows for c in chunks)
    streamed = pd.concat([c.table for c in chunks], ignore_index=True)
    assert streamed["response_id"].tolist() == whole["response_id"].tolist()
    assert streamed["text"].tolist() == whole["text"].tolist()
    assert sum(len(c.rejects) for c in chunks) == 1


def test_an_export_sorted_by_question_folds_as_one_sorted_by_response(tmp_path):
    by_response = check_result(read_feedback(long_file(tmp_path)))
    by_question = sorted(ROWS, key=lambda row: row[2])  # Q1 of every response, then Q2, …
    result = check_result(read_feedback(long_file(tmp_path, by_question, "sorted.csv")))
    pd.testing.assert_frame_equal(result.table, by_response.table)
    assert result.info["rows_folded"] == by_response.info["rows_folded"] == 7
    assert result.rejects["line"].tolist() == [4]  # R3 answered nothing: its one row
    assert result.rejects["reason"].tolist() == by_response.rejects["reason"].tolist()
    streamed = pd.concat([c.table for c in stream_feedback([tmp_path / "sorted.csv"])])
    assert streamed["response_id"].tolist() == by_response.table["response_id"].tolist()


def test_a_question_answered_again_further_on_is_a_duplicate(tmp_path):
    again = ("R1", "2026-05-01", "Q3", WHY, "Again")
    rows = [*ROWS[:3], ROWS[6], ROWS[8], again, ROWS[5]]  # then R1's Anything else?
    result = check_result(read_feedback(long_file(tmp_path, rows)))
    assert result.rejects["reason"].tolist() == [
        f"duplicate response_id 'R1' (first at answers.csv:2): '{WHY}' answered again"
    ]
    assert result.rejects["line"].tolist() == [7] and result.rejects["field"].tolist() == [
        "response_id"
    ]
    assert result.table["response_id"].tolist() == ["R1#q1", "R1#q2", "R2#q1"]
    assert result.table["text"].tolist()[:2] == [
        "Friendly staff and quick delivery",
        "Keep the late opening",
    ]


def test_a_mapping_gives_a_question_a_role(tmp_path):
    mapping = {"columns": {"touchpoint": STORE, "ces": "How easy was it?"}}
    result = check_result(read_feedback(long_file(tmp_path), mapping=mapping))
    assert result.table["touchpoint"].tolist() == ["Leeds", "Leeds", "York"]
    assert STORE not in result.table.columns
    assert (
        "long format: the mapping names questions no row asks: 'How easy was it?' (ces)"
        in (result.info["notes"])
    )


def test_a_mapping_names_the_open_questions_however_short_their_answers(tmp_path):
    rows = [(*row[:3], "Favourite dish?" if row[3] == STORE else row[3], row[4]) for row in ROWS]
    path = long_file(tmp_path, rows)
    mapping = {"columns": {"text": ["Favourite dish?", WHY]}}  # "Leeds" alone reads as a choice
    result = check_result(read_feedback(path, mapping=mapping))
    table = result.table
    assert table["response_id"].tolist() == ["R1#q1", "R1#q2", "R2#q1", "R2#q2"]
    assert table["question"].tolist() == ["Favourite dish?", WHY] * 2
    assert table["text"].tolist()[:2] == ["Leeds", "Friendly staff and quick delivery"]
    assert "Anything else?" in table.columns  # an open question the mapping does not name
    assert table["nps"].tolist() == [9, 9, 3, 3]
    unmapped = check_result(read_feedback(path)).table
    assert "Favourite dish?" in unmapped.columns and "Anything else?" in set(unmapped["question"])


def test_a_json_export_of_answers_is_folded_too(tmp_path):
    path = tmp_path / "answers.json"
    records = [{"id": r[0], "question": r[3], "answer": r[4]} for r in ROWS]
    pd.DataFrame(records).to_json(path, orient="records")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["R1#q1", "R1#q2", "R2#q1"]


def test_a_tagged_table_with_a_question_column_is_not_folded(tmp_path):
    path = tmp_path / "tagged.csv"
    pd.DataFrame(
        {"response_id": ["R1#q1", "R1#q2"], "text": ["Great", "Slow"], "question": ["A?", "B?"]}
    ).to_csv(path, index=False)
    result = check_result(read_feedback(path))
    assert result.table["question"].tolist() == ["A?", "B?"]
    assert result.info["rows_folded"] == 0


_QUESTIONS = [NPS, STORE, WHY, "Anything else?"]
_ANSWERS = st.sampled_from(["", "7", "11", "Leeds", "Slow delivery again", "ok", "x, y"])
_LONG_ROWS = st.lists(
    st.tuples(st.sampled_from(["R1", "R2", "R3", ""]), st.sampled_from(_QUESTIONS), _ANSWERS),
    max_size=25,
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rows=_LONG_ROWS, chunk_rows=st.integers(1, 6))
def test_any_long_file_folds_the_same_whole_and_streamed(tmp_path_factory, rows, chunk_rows):
    path = tmp_path_factory.mktemp("long") / "answers.csv"
    pd.DataFrame(rows, columns=["response_id", "question", "answer"]).to_csv(path, index=False)
    if not rows:
        return
    whole = check_result(read_feedback(path))
    chunks = list(stream_feedback([path], chunk_rows=chunk_rows))
    assert sum(c.rows_read for c in chunks) == len(rows) == whole.info["rows_read"]
    streamed = pd.concat([c.table for c in chunks], ignore_index=True)
    assert streamed["response_id"].tolist() == whole.table["response_id"].tolist()
    assert streamed["text"].tolist() == whole.table["text"].tolist()
    assert whole.table["response_id"].is_unique
    assert sum(len(c.rejects) for c in chunks) == len(whole.rejects)


def _scored_rows(score_questions: list[str], why: str) -> list[tuple]:
    """Two responses answering each score question with a number, then `why` in words."""
    answers = [(["4", "1"], "Pages load fast since the update"), (["2", "5"], "Login fails a lot")]
    rows = []
    for k, (scores, text) in enumerate(answers):
        rows += [
            (f"R{k}", "2026-05-01", f"Q{q}", s, scores[q]) for q, s in enumerate(score_questions)
        ]
        rows.append((f"R{k}", "2026-05-01", "Q9", why, text))
    return rows


@pytest.mark.parametrize(
    "csat",
    ["Hoe tevreden bent u over de verbeterde app?", "How satisfied are you with the improved app?"],
)
def test_a_score_question_with_an_open_word_is_the_score_not_the_text(tmp_path, csat):
    """Before, "verbeterde" (improved, a stop-51 open word) and "improved" made the CSAT
    question the text: comments "4" and "2", no score."""
    why = "Wat is de reden voor uw score?"
    result = check_result(read_feedback(long_file(tmp_path, _scored_rows([csat], why))))
    assert result.info["columns"]["csat"] == csat and result.info["columns"]["text"] == why
    assert result.table["text"].tolist() == [
        "Pages load fast since the update",
        "Login fails a lot",
    ]
    assert result.table["csat"].tolist() == [4, 2]


def test_the_first_of_two_questions_of_one_score_is_the_score(tmp_path):
    """Before, the later question overwrote the first: its answers became the CSAT."""
    first, second = "How satisfied are you overall?", "How satisfied are you with delivery?"
    rows = _scored_rows([first, second], WHY)
    result = check_result(read_feedback(long_file(tmp_path, rows)))
    assert result.info["columns"]["csat"] == first
    assert result.table["csat"].tolist() == [4, 2]
    assert result.table[second].tolist() == ["1", "5"]  # carried


def test_an_open_question_worded_with_a_score_word_answered_in_words_stays_the_text(tmp_path):
    rows = [
        (*row[:3], "What should we improve before you recommend us?", row[4])
        if row[3] == WHY
        else row
        for row in ROWS
    ]
    result = check_result(read_feedback(long_file(tmp_path, rows)))
    assert result.info["columns"]["text"] == "What should we improve before you recommend us?"
    assert result.table["nps"].tolist() == [9, 9, 3]
