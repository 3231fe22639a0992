"""Form builders' exports and tables whose columns are questions (io/forms.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.errors import ReadError
from feedback_nlp.io import read_feedback
from tests.io.conftest import check_result


def test_google_forms_in_french_questions_give_text_score_and_date(tmp_path):
    path = tmp_path / "formulaire.csv"
    path.write_text(
        '"Horodateur","Adresse e-mail","Quelle est la probabilité que vous nous recommandiez ?",'
        '"Qu\'avez-vous préféré ?","Pourquoi cette note ?"\n'
        '"2026/05/01 10:12:44 AM GMT+2","a@example.com","9","Le choix","Livraison rapide"\n'
        '"2026/05/02 6:03:10 PM GMT+2","b@example.com","3","","Colis abîmé et aucun retour"\n',
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    info, table = result.info, result.table
    assert info["platform"] == "google_forms"
    assert info["columns"]["text"] == "Pourquoi cette note ?"
    assert info["columns"]["nps"].startswith("Quelle est la probabilité")
    assert table["nps"].tolist() == [9, 3]
    assert table["created_at"].tolist() == [
        pd.Timestamp("2026-05-01 08:12:44", tz="UTC"),
        pd.Timestamp("2026-05-02 16:03:10", tz="UTC"),
    ]
    assert "Adresse e-mail" in table.columns and result.rejects.empty
    assert any("'Qu'avez-vous préféré ?'" in note for note in info["notes"])


def test_microsoft_forms_id_and_completion_time(tmp_path):
    path = tmp_path / "forms.csv"
    path.write_text(
        "ID,Start time,Completion time,Email,Name,How easy was it to get your issue solved?,"
        "Any other comments?\n"
        "1,2026-05-01 10:00:00,2026-05-01 10:03:00,anonymous,,6,Had to call three times\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["platform"] == "microsoft_forms"
    assert result.table.loc[0, "response_id"] == "1"
    assert result.table.loc[0, "ces"] == 6
    assert result.table.loc[0, "text"] == "Had to call three times"
    assert result.table.loc[0, "created_at"] == pd.Timestamp("2026-05-01 10:03", tz="UTC")


def test_a_generic_table_of_questions_takes_the_open_question_as_text(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text(
        "ResponseId,How likely are you to recommend us?,Which store did you visit?,"
        "What should we improve?\nR1,9,Leeds,Nothing\nR2,2,York,The app crashes at checkout\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    info = result.info
    assert info["platform"] == "generic"
    assert info["columns"]["text"] == "What should we improve?"
    assert result.table["text"].tolist() == ["Nothing", "The app crashes at checkout"]
    assert "nps" not in info["columns"]  # generic files take scores from names or a mapping
    notes = " | ".join(info["notes"])
    assert "text: the question 'What should we improve?' (by its wording)" in notes
    assert "not analysed: 'Which store did you visit?'" in notes
    assert "reads like a score question (NPS)" in notes


def test_a_generic_table_of_two_open_questions_gives_a_row_per_answer(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text(
        "ResponseId,What did you like most?,What should we improve?\n"
        "R1,The staff,Nothing\nR2,,The app crashes at checkout\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["more_texts"] == ["What should we improve?"]
    assert result.table["response_id"].tolist() == ["R1#q1", "R1#q2", "R2#q2"]
    assert result.table["question"].tolist() == [
        "What did you like most?",
        "What should we improve?",
        "What should we improve?",
    ]
    assert "one row per answer" in " | ".join(result.info["notes"])


def test_a_score_worded_question_answered_yes_or_no_is_not_a_score(tmp_path):
    path = tmp_path / "form.csv"
    path.write_text(
        "Timestamp,Would you recommend us to a friend?,Tell us why\n"
        "2026/05/01 9:00:00 AM GMT+1,Yes,Great service\n"
        "2026/05/01 9:30:00 AM GMT+1,No,Parcel lost\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert "nps" not in result.info["columns"] and result.rejects.empty
    notes = [n for n in result.info["notes"] if "Would you recommend" in n]
    assert len(notes) == 1 and "holds answers such as 'Yes'" in notes[0]
    assert '--outcome "NAME:binary:column=Would you recommend us to a friend?:bad=no"' in notes[0]


def test_a_social_export_starting_with_a_timestamp_is_not_a_form(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("Timestamp,Username,Tweet\n2026-05-01 10:00,@a,Love it\n", encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.info["platform"] == "generic"
    assert result.info["columns"]["text"] == "Tweet" and "source" not in result.table


def test_notes_name_only_the_questions_still_carried_after_the_mapping(tmp_path):
    from feedback_nlp.outcomes import parse_outcome_option

    path = tmp_path / "form.csv"
    path.write_text(
        "Timestamp,Which store did you visit?,Would you recommend us?,Tell us why\n"
        "2026/05/01 9:00:00 AM GMT+1,Lyon,Yes,Great service\n",
        encoding="utf-8",
    )
    spec = parse_outcome_option("reco:binary:column=Would you recommend us?:bad=no")
    result = check_result(
        read_feedback(path, touchpoint="Which store did you visit?", outcomes={"reco": spec})
    )
    assert result.table.loc[0, "touchpoint"] == "Lyon" and result.table.loc[0, "reco"] == 1.0
    assert result.info["notes"] == ["Google Forms: questions are the column names"]


def test_a_code_column_is_no_open_question(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("id,nps,Reason code\n1,9,R12\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no text column found"):
        read_feedback(path)
