"""Scoring helpers of feedback_nlp.evaluation."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.evaluation import binary_report, sentiment_report


def test_binary_report_reads_the_sign_of_the_score_on_polar_rows_only():
    truth = np.array(["positive", "positive", "negative", "negative", "neutral"], dtype=object)
    scores = np.array([0.4, -0.1, -0.7, 0.0, 0.9])
    langs = np.array(["en", "de", "en", "de", "en"])
    report = binary_report(truth, scores, langs)
    assert report["binary_rows"] == 4  # the neutral row is not read
    assert report["binary_accuracy"] == pytest.approx(0.5)  # a score of exactly 0 is wrong
    assert report["binary_accuracy_by_language"] == {"de": 0.0, "en": 1.0}
    assert report["binary_recall"] == {"negative": 0.5, "positive": 0.5}
    assert report["binary_balanced_accuracy"] == pytest.approx(0.5)


def test_balanced_accuracy_is_not_raised_by_leaning_to_the_frequent_side():
    truth = np.array(["positive"] * 8 + ["negative"] * 2, dtype=object)
    always_positive = binary_report(truth, np.full(10, 0.2), np.full(10, "en"))
    assert always_positive["binary_accuracy"] == pytest.approx(0.8)
    assert always_positive["binary_balanced_accuracy"] == pytest.approx(0.5)


def test_sentiment_report_adds_the_binary_reading_only_with_scores():
    truth = np.array(["positive", "negative", "neutral"], dtype=object)
    predicted = np.array(["positive", "neutral", "neutral"], dtype=object)
    assert "binary_accuracy" not in sentiment_report(truth, predicted)
    report = sentiment_report(truth, predicted, scores=np.array([0.5, -0.2, 0.1]))
    assert report["accuracy"] == pytest.approx(2 / 3)
    assert report["binary_accuracy"] == 1.0  # "neutral" with a negative score reads negative


def test_binary_report_is_empty_without_polar_gold():
    truth = np.array(["neutral", "neutral"], dtype=object)
    assert binary_report(truth, np.array([0.3, -0.3]), np.array(["en", "en"])) == {}


def test_a_labelled_file_is_read_in_its_own_encoding(tmp_path):
    """A Google Play export is UTF-16 (a traceback before stop 47); Windows CSVs cp1252."""
    import codecs

    from feedback_nlp.evaluation import read_labelled

    text = "text,Star Rating\nStürzt ab,1\nTrès bien,5\n"
    (tmp_path / "gp.csv").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "win.csv").write_bytes(text.encode("cp1252"))
    for name in ("gp.csv", "win.csv"):
        frame = read_labelled(tmp_path / name)
        assert frame["text"].tolist() == ["Stürzt ab", "Très bien"], name


def _fake_stage(stage_name, table, options):
    """The stage's columns without a model: every text read as positive."""
    rows = len(table)
    return table.assign(
        sentiment="positive",
        sentiment_score=np.full(rows, 0.8),
        p_negative=0.1,
        p_neutral=0.1,
        p_positive=0.8,
        emotion="joy",
        **{f"p_{label}": 0.1 for label in ("anger", "joy")},
    )


def test_rows_without_text_are_left_out_of_the_scores_and_counted_apart(tmp_path, monkeypatch):
    """Probe 50: textless rows were scored (read neutral) in `evaluate sentiment --stars-col`."""
    import pandas as pd

    from feedback_nlp import evaluation

    monkeypatch.setattr(evaluation, "run_stage", _fake_stage)
    frame = pd.DataFrame(
        {"text": ["Arrived fast", None, "  ", "Works well"], "label": ["positive"] * 4}
    )
    report = evaluation.score_sentiment(frame, tmp_path / "x.csv", "text", "label", None, {})
    assert (report["rows"], report["rows_without_text"]) == (2, 2)
    assert report["accuracy"] == 1.0
    assert report["confusion"]["matrix"][2] == [0, 0, 2]


def test_an_emotion_label_error_names_the_files_line_after_textless_rows(tmp_path):
    import pandas as pd

    from feedback_nlp.errors import ReadError
    from feedback_nlp.evaluation import emotion_truth, rows_with_text

    frame = pd.DataFrame({"text": ["", "Great", "Slow"], "label": ["", "joy", "boredom"]})
    kept, left_out = rows_with_text(frame, "text", tmp_path / "x.csv")
    assert left_out == 1
    with pytest.raises(ReadError, match="boredom") as error:
        emotion_truth(kept, "label", tmp_path / "x.csv")
    assert error.value.line == 4
