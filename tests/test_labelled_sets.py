"""Named labelled sets (feedback_nlp.labelled_sets) and `feedback-nlp evaluate set`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from feedback_nlp import labelled_sets
from feedback_nlp.cli import app
from feedback_nlp.errors import ReadError
from feedback_nlp.labelled_sets import (
    SETS,
    load_challenge,
    load_set,
    load_steam_reviews,
    mams_label,
)

DATA = Path(os.environ.get("FEEDBACK_NLP_DATA") or Path(__file__).parents[2] / "shared" / "data")
needs_data = pytest.mark.skipif(not (DATA / "sentiment").exists(), reason="shared data absent")


def test_mams_sentence_label_from_aspect_polarities():
    assert mams_label(["positive", "negative", "neutral"]) == "mixed"
    assert mams_label(["neutral", "negative"]) == "negative"
    assert mams_label(["neutral"]) == "neutral"


def test_challenge_set_reads_with_emotion_columns():
    frame = load_challenge()
    assert len(frame) >= 400 and frame["lang"].nunique() >= 8
    assert set(frame["label"]) <= {"negative", "neutral", "positive", "mixed"}
    none = frame["emotion"] == ""
    assert (frame.loc[none, ["anger", "joy", "surprise"]].sum(axis=1) == 0).all()


def test_challenge_reader_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "lang": "en", "sentiment": "neutral", "emotion": ""}\n{"text"')
    with pytest.raises(ReadError, match=r"bad.jsonl.*line 2.*not JSON"):
        load_challenge(path)


def _steam_file(root: Path, rows: str) -> Path:
    folder = root / "themes" / "steam-review-aspects" / "dataset" / "v1"
    folder.mkdir(parents=True)
    (folder / "test.csv").write_text("appid,review,cleaned_review,label_recommended\n" + rows)
    return root


def test_steam_reviews_read_the_writers_verdict_as_polarity(tmp_path):
    rows = '1,"[b]Fun[/b]",Fun,1\n2,"Broken, refunded","Broken, refunded",0\n'
    root = _steam_file(tmp_path, rows)
    frame = load_steam_reviews(root)
    assert frame["text"].tolist() == ["Fun", "Broken, refunded"]
    assert frame["label"].tolist() == ["positive", "negative"] and set(frame["lang"]) == {"en"}


def test_steam_reviews_name_a_bad_verdict_and_its_line(tmp_path):
    root = _steam_file(tmp_path, "1,Fun,Fun,1\n2,Meh,Meh,maybe\n")
    with pytest.raises(ReadError, match=r"test.csv.*line 3.*not 0 or 1"):
        load_steam_reviews(root)


def test_unknown_set_and_missing_folder_are_clear_errors(tmp_path):
    with pytest.raises(ReadError, match="unknown set; one of"):
        load_set("imdb")
    with pytest.raises(ReadError, match=r"labelled set not found.*--data"):
        load_set("mobasa-test", tmp_path)


@needs_data
@pytest.mark.shared_data
def test_a_missing_challenge_set_says_it_needs_a_source_checkout(monkeypatch, tmp_path):
    """Stop 50: an installed (not editable) package has no tests/data, and the error said to
    pass --data, which changes nothing for this set."""
    monkeypatch.setattr(labelled_sets, "CHALLENGE", tmp_path / "challenge_sentiment.jsonl")
    with pytest.raises(ReadError, match=r"source.*pip install -e"):
        labelled_sets.load_challenge(labelled_sets.CHALLENGE)


def test_every_set_reads_from_the_shared_data():
    for name, labelled in SETS.items():
        _, frame = load_set(name, DATA)
        assert {"text", "lang"} <= set(frame.columns) and len(frame) > 0, name
        if labelled.task == "sentiment":
            assert set(frame["label"]) <= {"negative", "neutral", "positive", "mixed"}, name
    _, xlmt = load_set("xlmt-val", DATA)
    assert xlmt["lang"].nunique() == 8
    _, goemotions = load_set("goemotions-dev", DATA)
    ekman = goemotions[["anger", "disgust", "fear", "joy", "sadness", "surprise"]]
    assert (ekman.sum(axis=1) == 0).head(1500).mean() == pytest.approx(0.277, abs=0.001)
    assert np.isnan(goemotions.loc[ekman.sum(axis=1) > 0, "trust"]).all()
    _, steam = load_set("steam-reviews", DATA)
    assert len(steam) == 200 and set(steam["label"]) == {"negative", "positive"}


@needs_data
@pytest.mark.shared_data
def test_evaluate_set_scores_the_default_model(tmp_path):
    out = tmp_path / "mams.json"
    result = CliRunner().invoke(
        app, ["evaluate", "set", "mams-val", "--limit", "40", "--device", "cpu", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["set"] == "mams-val" and report["rows"] == 40
    assert "mixed" in report["confusion"]["labels"]
    assert 0.0 < report["macro_f1"] <= 1.0


def test_evaluate_set_on_the_challenge_emotions(tmp_path):
    out = tmp_path / "challenge.json"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            "set",
            "challenge-emotion",
            "--limit",
            "3",
            "--device",
            "cpu",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    shares = report["any_emotion_share"]
    assert 0.0 <= shares["gold"] <= 1.0 and 0.0 <= shares["predicted"] <= 1.0
    assert set(report["predicted_share_by_label"]) >= {"joy", "anger", "surprise"}
