"""Survey questions as column names: score and free-text wording (io/questions.py)."""

from __future__ import annotations

from feedback_nlp.io.questions import score_for_question, score_question_hints


def test_nps_questions_in_more_languages():
    for question in (
        "Quelle est la probabilité que vous nous recommandiez ?",
        "Quanto è probabile che ci raccomandi?",
        "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
        "Jak prawdopodobne jest, że polecisz nas znajomym?",
    ):
        assert score_for_question(question) == "nps"


def test_a_bare_score_column_gets_a_note_only_when_no_score_was_found():
    notes = score_question_hints(["Score", "Tags"], found=set())
    assert len(notes) == 1 and notes[0].startswith("'Score' may hold scores")
    assert score_question_hints(["Rating"], found={"nps"}) == []
    assert score_question_hints(["Comment"], found=set()) == []
