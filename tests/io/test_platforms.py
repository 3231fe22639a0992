"""Platform exports recognised from their headers (fixtures in tests/fixtures/io)."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.io import read_feedback, read_many
from feedback_nlp.io.platforms import detect_header
from feedback_nlp.io.questions import score_for_question
from tests.io.conftest import FIXTURES, check_result


def test_qualtrics_three_header_rows_and_question_scores():
    result = check_result(read_feedback(FIXTURES / "qualtrics.csv"))
    table, info = result.table, result.info
    assert info["platform"] == "qualtrics"
    assert info["encoding"] == "utf-8-sig"
    assert info["header_rows"] == 3
    assert info["columns"]["nps"] == "Q1"
    assert info["columns"]["csat"] == "Q2"
    assert info["columns"]["ces"] == "Q3"
    assert info["columns"]["text"] == "Q4"
    assert info["columns"]["respondent_id"] == "customer_id"
    assert list(table["response_id"]) == ["R_1", "R_2", "R_3", "R_4"]
    assert list(table["lang_hint"]) == ["en", "fr", "ro", "en"]
    assert table["nps"].tolist() == [9, 3, 7, 10]
    assert table.loc[1, "text"] == "Le paiement a échoué deux fois.\nTrès déçu."
    assert table.loc[3, "text"] == ""  # empty comment kept because it has scores
    assert set(table["channel"]) == {"survey"} and set(table["source"]) == {"qualtrics"}
    assert table.loc[0, "created_at"] == pd.Timestamp("2026-05-01 10:05:00", tz="UTC")
    assert "Q1_NPS_GROUP" in table.columns and "nps_group" not in table.columns


def test_surveymonkey_forward_fills_question_over_sub_labels():
    result = check_result(read_feedback(FIXTURES / "surveymonkey.csv"))
    table, info = result.table, result.info
    assert info["platform"] == "surveymonkey"
    assert info["header_rows"] == 2
    assert "Which channels did you use? - App" in table.columns
    assert "Which channels did you use? - Store" in table.columns
    assert info["columns"]["text"] == "Why did you give that score?"
    assert table["nps"].tolist() == [8, 2, 10]
    assert table.loc[1, "text"] == "La app se cierra sola 😡"
    assert table.loc[1, "created_at"] == pd.Timestamp("2026-05-04 13:02:00", tz="UTC")


def test_typeform_questions_as_columns():
    result = check_result(read_feedback(FIXTURES / "typeform.csv"))
    assert result.info["platform"] == "typeform"
    assert result.table["response_id"].tolist() == ["tf1", "tf2", "tf3"]
    assert result.table["csat"].tolist() == [4, 1, 5]
    assert result.table.loc[1, "text"] == "Заказ пришёл с опозданием на неделю."


def test_google_play_utf16_star_rating_is_not_csat():
    result = check_result(read_feedback(FIXTURES / "google_play.csv", bad_scores="reject-row"))
    table, info = result.table, result.info
    assert info["platform"] == "google_play" and info["encoding"] == "utf-16"
    assert "csat" not in table.columns
    assert table["star_rating"].tolist() == [2, 5]
    assert table["lang_hint"].tolist() == ["de", "es"]
    assert table["response_id"].tolist() == ["google_play-2", "google_play-3"]
    assert info["generated_ids"] == 3
    assert result.rejects.loc[0, "line"] == 4
    assert result.rejects.loc[0, "reason"] == "star_rating is outside 1-5: '6'"


def test_google_play_star_rating_mapped_to_csat_on_request():
    result = check_result(
        read_feedback(FIXTURES / "google_play.csv", csat="Star Rating", bad_scores="reject-row")
    )
    assert result.table["csat"].tolist() == [2, 5]
    assert "star_rating" not in result.table.columns


def test_app_store_json():
    result = check_result(read_feedback(FIXTURES / "app_store.json"))
    table = result.table
    assert result.info["platform"] == "app_store"
    assert table["response_id"].tolist() == ["as-1", "as-2", "as-3"]
    assert table["star_rating"].tolist() == [1, 4, 5]
    assert table.loc[0, "created_at"] == pd.Timestamp("2026-05-06 14:15:00", tz="UTC")
    assert table["title"].tolist() == ["Nul", "Good", "Super"]
    assert set(table["channel"]) == {"review"}


def test_forced_platform_that_does_not_match_is_an_error():
    with pytest.raises(ReadError, match="does not look like a qualtrics export"):
        read_feedback(FIXTURES / "typeform.csv", platform="qualtrics")


def test_unknown_platform_name():
    with pytest.raises(ConfigError, match="unknown platform 'qualtrix'"):
        read_feedback(FIXTURES / "typeform.csv", platform="qualtrix")


def test_generic_platform_skips_detection():
    header = detect_header([["#", "Submitted At", "Network ID", "Comment"]], "generic")
    assert header.plan.platform == "generic"
    assert header.plan.columns == {"created_at": "Submitted At", "text": "Comment"}


@pytest.mark.parametrize(
    ("question", "score"),
    [
        ("How likely are you to recommend us?", "nps"),
        ("Wie zufrieden sind Sie?", "csat"),
        ("How easy was it?", "ces"),
        ("What is your name?", None),
    ],
)
def test_score_for_question(question, score):
    assert score_for_question(question) == score


def test_surveymonkey_without_sub_label_row_keeps_the_first_data_row(tmp_path):
    path = tmp_path / "sm.csv"
    path.write_text(
        "Respondent ID,Collector ID,Start Date,Why did you give that score?\n"
        "11,1,05/03/2026 09:00:00 AM,first answer\n12,1,05/03/2026 09:10:00 AM,second\n",
        encoding="utf-8",
    )
    result = check_result(read_feedback(path))
    assert result.info["header_rows"] == 1
    assert result.table["text"].tolist() == ["first answer", "second"]


def test_google_play_review_link_is_the_id_so_monthly_exports_combine(tmp_path):
    header = ["Package Name", "Star Rating", "Review Text", "Review Link"]
    link = "http://play.google.com/console/developers/1/app/2/user-feedback/review-details?reviewId=gp:A"
    rows = [
        header,
        ["com.x", "1", "Crashes at login", link + "1"],
        ["com.x", "5", "Great", link + "2"],
    ]
    text = "\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\n"
    (tmp_path / "march.csv").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "april.csv").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    result = read_many([tmp_path / "march.csv", tmp_path / "april.csv"])
    assert result.table["response_id"].tolist() == [link + "1", link + "2"]
    assert result.rejects["reason"].str.contains("duplicate response_id").all()
