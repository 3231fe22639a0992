"""`feedback-nlp evaluate sentiment|emotion` on small labelled files written here."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.cli.evaluate_models import text_column
from feedback_nlp.errors import ReadError

SENTIMENT_ROWS = [
    ("The courier never came and nobody answers the phone. Awful.", "negative", "en"),
    ("Terrible app, it crashed three times while I was paying.", "negative", "en"),
    ("Le colis est arrivé cassé, je suis très déçu.", "negative", "fr"),
    ("Lovely staff, quick delivery, I am really happy!", "positive", "en"),
    ("Super service, livraison rapide, merci beaucoup !", "positive", "fr"),
    ("Tolles Geschäft, sehr freundliche Beratung.", "positive", "de"),
    ("The store opens at nine on Sundays.", "neutral", "en"),
    ("La commande contient deux articles.", "neutral", "fr"),
]


def test_evaluate_sentiment_reports_macro_f1_per_language(tmp_path):
    path = tmp_path / "labelled.csv"
    pd.DataFrame(SENTIMENT_ROWS, columns=["text", "label", "lang"]).to_csv(path, index=False)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["evaluate", "sentiment", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())  # the `lang` column found without --lang-col
    assert report["rows"] == 8
    assert set(report["macro_f1_by_language"]) == {"de", "en", "fr"}
    assert report["macro_f1"] >= 0.75  # clear cases
    assert report["confusion"]["labels"] == ["negative", "neutral", "positive"]
    assert sum(map(sum, report["confusion"]["matrix"])) == 8


def test_evaluate_sentiment_reads_star_ratings_and_reports_the_binary_reading(tmp_path):
    stars = [1, 1, 2, 5, 4, 5, 3, 3]  # the rows above: negative, positive, neutral
    frame = pd.DataFrame(SENTIMENT_ROWS, columns=["text", "label", "lang"]).assign(stars=stars)
    path = tmp_path / "reviews.csv"
    frame.drop(columns="label").to_csv(path, index=False)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app,
        ["evaluate", "sentiment", str(path), "--stars-col", "stars", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert sum(report["confusion"]["matrix"][1]) == 2  # the two 3-star rows are neutral
    assert report["binary_rows"] == 6 and report["binary_accuracy"] >= 5 / 6  # clear cases
    assert set(report["binary_recall"]) == {"negative", "positive"}


def test_evaluate_sentiment_names_a_bad_star_rating_and_its_line(tmp_path):
    path = tmp_path / "reviews.csv"
    pd.DataFrame({"text": ["Great", "Bad", "Meh"], "stars": [5, 1, 3.5]}).to_csv(path, index=False)
    result = CliRunner().invoke(app, ["evaluate", "sentiment", str(path), "--stars-col", "stars"])
    assert result.exit_code != 0
    message = result.output + str(result.exception)
    assert "reviews.csv, line 4, field 'stars': '3.5' is not a star rating from 1 to 5" in message


def test_evaluate_emotion_reads_zero_one_columns(tmp_path):
    rows = pd.DataFrame(
        {
            "text": ["I am furious, they charged me twice!", "So happy with my new sofa!"],
            "anger": [1, 0],
            "joy": [0, 1],
        }
    )
    path = tmp_path / "emotions.csv"
    rows.to_csv(path, index=False)
    result = CliRunner().invoke(app, ["evaluate", "emotion", str(path)])
    assert result.exit_code == 0, result.output
    assert "macro_f1" in result.output


def test_evaluate_names_a_bad_label_and_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    pd.DataFrame({"text": ["ok", "fine"], "label": ["positive", "great"]}).to_csv(path, index=False)
    result = CliRunner().invoke(app, ["evaluate", "sentiment", str(path)])
    assert result.exit_code != 0
    assert "line 3" in result.output or "line 3" in str(result.exception)
    assert "'great'" in result.output or "'great'" in str(result.exception)


def test_evaluate_emotion_scores_only_labels_annotated_and_predicted(tmp_path):
    from tests.backends.test_hf_classifier import build_tiny_classifier

    model = build_tiny_classifier(tmp_path / "m", ["anger", "joy", "others"], multi_label=True)
    rows = pd.DataFrame(
        {
            "text": ["They charged me twice!", "Love it", "I trust this shop", "ok", ""],
            "emotions": ["anger", "joy", "trust|joy", "neutral", "neutral"],
        }
    )
    path = tmp_path / "emotions.csv"
    rows.to_csv(path, index=False)
    out = tmp_path / "report.json"
    args = ["evaluate", "emotion", str(path), "--label-col", "emotions", "--out", str(out)]
    result = CliRunner().invoke(
        app, [*args, "--backend", "transformers", "--model", str(model), "--device", "cpu"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    # trust is annotated but the model cannot predict it; fear is never used in the file
    assert "trust" in report["labels_not_predicted"] and "fear" in report["labels_not_predicted"]
    assert set(report["f1_by_label"]) == {"anger", "joy"}


def test_evaluate_sentiment_reads_mixed_gold_four_way(tmp_path):
    rows = [*SENTIMENT_ROWS, ("Lovely staff, but the wait was awful.", "mixed", "en")]
    path = tmp_path / "labelled.jsonl"
    pd.DataFrame(rows, columns=["text", "label", "lang"]).to_json(
        path, orient="records", lines=True
    )
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["evaluate", "sentiment", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["confusion"]["labels"] == ["negative", "neutral", "positive", "mixed"]
    assert sum(report["confusion"]["matrix"][3]) == 1  # the mixed row is scored, not refused


def test_text_column_is_recognised_as_the_reader_does(tmp_path):
    """Before, a Google Play export failed with "no column 'text'" unless --text-col was
    passed, while `validate` and `analyze` read it."""
    frame = pd.DataFrame(
        {
            "Package Name": ["com.ex"] * 2,
            "Star Rating": [1, 5],
            "Review Title": ["Crashes on start", "Nice"],
            "Review Text": [None, "Does the job"],
        }
    )
    joined, column = text_column(frame, None, tmp_path / "play.csv")
    assert column == "Review Title + Review Text"
    assert joined[column].tolist() == ["Crashes on start", "Nice.\nDoes the job"]
    assert text_column(frame, "Review Text", tmp_path / "play.csv")[1] == "Review Text"
    plain = pd.DataFrame({"Comment": ["ok"]})
    assert text_column(plain, None, tmp_path / "x.csv")[1] == "Comment"
    with pytest.raises(ReadError, match="--text-col"):
        text_column(pd.DataFrame({"Stars": [1]}), None, tmp_path / "x.csv")


def test_evaluate_sentiment_on_a_google_play_export_without_text_col(tmp_path):
    negative = [row[0] for row in SENTIMENT_ROWS if row[1] == "negative"]
    positive = [row[0] for row in SENTIMENT_ROWS if row[1] == "positive"]
    frame = pd.DataFrame(
        {
            "Package Name": "com.ex",
            "Star Rating": [1] * len(negative) + [5] * len(positive),
            "Review Text": negative + positive,
        }
    )
    path = tmp_path / "play.csv"
    frame.to_csv(path, index=False)
    result = CliRunner().invoke(
        app, ["evaluate", "sentiment", str(path), "--stars-col", "Star Rating"]
    )
    assert result.exit_code == 0, result.output
    assert "text: 'Review Text'" in result.output
