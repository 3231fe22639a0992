"""Stage "emotion": probabilities per label, thresholds, neutral, sentence level."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.backends.heads import Head
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import EMOTION_LABELS, LIST_SEP, emotion_prob_columns, validate
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.emotion import EmotionStage
from feedback_nlp.stages.sentiment import SentimentStage
from tests.backends.test_hf_classifier import build_tiny_classifier
from tests.stages.test_sentiment import edge_table, embedded


def head_with_bias(folder: Path, bias: list[float], thresholds: dict[str, float]) -> Path:
    """A linear head whose probabilities are set by its bias (zero weights)."""
    weights = [np.zeros((8, len(EMOTION_LABELS)), np.float32)]
    head = Head(EMOTION_LABELS, "sigmoid", weights, [np.array(bias, np.float32)], input_dim=8)
    head.thresholds = thresholds
    head.save(folder, "emotion")
    return folder


def test_thresholds_decide_the_emotion_column(tmp_path: Path):
    # sigmoid(2) = 0.88 for anger and joy, sigmoid(-2) = 0.12 for the rest
    bias = [2.0 if label in ("anger", "joy") else -2.0 for label in EMOTION_LABELS]
    folder = head_with_bias(tmp_path, bias, {"joy": 0.9})
    out = EmotionStage(heads_dir=str(folder)).transform(embedded(edge_table())).table
    validate(out)
    texts = out["text_clean"].fillna("").str.strip()
    assert (out.loc[texts != "", "emotion"] == "anger").all()
    assert (out.loc[texts == "", "emotion"] == "neutral").all()
    assert (out.loc[texts == "", emotion_prob_columns()] == 0.0).all().all()
    relaxed = EmotionStage(heads_dir=str(folder), threshold=0.5).transform(embedded(edge_table()))
    assert set(relaxed.table.loc[texts != "", "emotion"]) == {f"anger{LIST_SEP}joy"}


def test_language_thresholds_apply_to_the_rows_of_their_language(tmp_path: Path):
    bias = [0.0 if label in ("anger", "joy") else -5.0 for label in EMOTION_LABELS]
    folder = head_with_bias(tmp_path, bias, {"anger": 0.6, "joy": 0.6})
    head = Head.load(folder, "emotion")
    head.language_thresholds = {"de": {"anger": 0.4, "joy": 0.4}}  # sigmoid(0) = 0.5
    head.save(folder, "emotion")
    texts = pd.array(["Ich bin wütend", "I am angry", "Je suis en colère"], dtype="string")
    table = pd.DataFrame({"response_id": ["a", "b", "c"], "text_clean": texts,
                          "lang": ["de", "en", "fr"]})  # fmt: skip
    out = EmotionStage(heads_dir=str(folder)).transform(embedded(table)).table
    assert out["emotion"].tolist() == [f"anger{LIST_SEP}joy", "neutral", "neutral"]
    off = EmotionStage(heads_dir=str(folder), language_thresholds=False).transform(embedded(table))
    assert set(off.table["emotion"]) == {"neutral"}
    chosen = EmotionStage(heads_dir=str(folder), threshold={"joy": 0.6}).transform(embedded(table))
    assert set(chosen.table["emotion"]) == {"neutral"}


def test_nothing_above_threshold_is_neutral(tmp_path: Path):
    folder = head_with_bias(tmp_path, [-3.0] * len(EMOTION_LABELS), {})
    out = EmotionStage(heads_dir=str(folder)).transform(embedded(edge_table())).table
    assert set(out["emotion"]) == {"neutral"}
    assert list(out.columns[-len(EMOTION_LABELS) - 1 :]) == [*emotion_prob_columns(), "emotion"]


def test_transformers_backend_sentence_level_takes_the_max(tmp_path: Path):
    model = build_tiny_classifier(tmp_path / "m", ["anger", "joy", "others"], multi_label=True)
    table = pd.DataFrame(
        {
            "response_id": ["a", "b"],
            "text": ["Good app. Awful app!", "ok"],
            "text_clean": ["Good app. Awful app!", "ok"],
            "lang": ["en", "en"],
        }
    )
    stage = EmotionStage(backend="transformers", level="sentence", model=str(model), device="cpu")
    batch = stage.transform(Batch(table))
    sentences = batch.tables["sentences"]
    first = sentences[sentences["response_id"] == "a"]
    assert batch.table.loc[0, "emo_joy"] == pytest.approx(first["emo_joy"].max())
    assert np.isnan(batch.table.loc[0, "emo_fear"])  # the model has no fear label
    assert "fear" not in batch.table.loc[0, "emotion"]
    validate(batch.table)
    # a second sentence-level stage adds its columns to the same side table
    both = SentimentStage(
        backend="transformers",
        level="sentence",
        model=str(build_tiny_classifier(tmp_path / "s", ["NEG", "NEU", "POS"])),
        device="cpu",
    ).transform(batch)
    merged = both.tables["sentences"]
    assert len(merged) == 3 and {"emo_joy", "p_positive", "sentence"} <= set(merged.columns)


def test_a_head_without_some_labels_leaves_them_missing(tmp_path: Path):
    six = ("anger", "disgust", "fear", "joy", "sadness", "surprise")  # a head trained before
    weights = [np.zeros((8, len(six)), np.float32)]
    bias = np.array([2.0 if label == "joy" else -2.0 for label in six], np.float32)
    Head(six, "sigmoid", weights, [bias], input_dim=8).save(tmp_path, "emotion")
    out = EmotionStage(heads_dir=str(tmp_path)).transform(embedded(edge_table())).table
    texts = out["text_clean"].fillna("").str.strip() != ""
    assert out.loc[texts, ["emo_trust", "emo_anticipation"]].isna().all().all()
    assert (out.loc[texts, "emo_joy"] > 0.8).all()
    assert (out.loc[texts, "emotion"] == "joy").all()
    validate(out)


def test_a_head_with_a_label_outside_the_taxonomy_is_refused(tmp_path: Path):
    labels = ("joy", "love")
    weights = [np.zeros((8, 2), np.float32)]
    Head(labels, "sigmoid", weights, [np.zeros(2, np.float32)], input_dim=8).save(
        tmp_path, "emotion"
    )
    with pytest.raises(ConfigError, match=r"unknown labels \['love'\]"):
        EmotionStage(heads_dir=str(tmp_path)).transform(embedded(edge_table()))


def test_bad_threshold_is_refused():
    with pytest.raises(ConfigError, match=r"threshold must be between 0 and 1, not 1\.5"):
        EmotionStage(threshold=1.5)
    with pytest.raises(ConfigError, match=r"not 0"):
        EmotionStage(threshold={"trust": 0.0})
    with pytest.raises(ConfigError, match=r"unknown label 'love'"):
        EmotionStage(threshold={"love": 0.5})


def test_a_threshold_per_label_overrides_only_that_label(tmp_path: Path):
    # sigmoid(2) = 0.88 for anger and joy, sigmoid(-2) = 0.12 for the rest
    bias = [2.0 if label in ("anger", "joy") else -2.0 for label in EMOTION_LABELS]
    folder = head_with_bias(tmp_path, bias, {"joy": 0.9})
    stage = EmotionStage(heads_dir=str(folder), threshold={"anger": 0.95, "trust": 0.1})
    out = stage.transform(embedded(edge_table())).table
    texts = out["text_clean"].fillna("").str.strip() != ""
    # anger raised above 0.88, trust lowered below 0.12, joy keeps its tuned 0.9
    assert set(out.loc[texts, "emotion"]) == {"trust"}
    assert stage.get_config()["threshold"] == {"anger": 0.95, "trust": 0.1}


def test_quantize_is_recorded_and_checked():
    assert EmotionStage(quantize="int8").get_config()["quantize"] == "int8"
    with pytest.raises(ConfigError, match="stage 'emotion': quantize must be one of"):
        EmotionStage(quantize="fp4")


def test_label_sets_join_the_labels_above_threshold_in_taxonomy_order():
    above = np.zeros((4, len(EMOTION_LABELS)), dtype=bool)
    above[0, [EMOTION_LABELS.index("joy"), EMOTION_LABELS.index("anger")]] = True
    above[2, EMOTION_LABELS.index("trust")] = True
    above[3] = above[0]
    names = EmotionStage()._label_sets(above)
    assert list(names) == [f"anger{LIST_SEP}joy", "neutral", "trust", f"anger{LIST_SEP}joy"]
    assert EmotionStage()._label_sets(above[:0]).shape == (0,)


def test_a_gated_head_makes_emotion_free_comments_neutral(tmp_path: Path):
    # anger at sigmoid(2) = 0.88; the gate's sigmoid(-3) = 0.047 scales it by (0.047/0.5)^2
    bias = [2.0 if label == "anger" else -2.0 for label in EMOTION_LABELS]
    weights = [np.zeros((8, len(EMOTION_LABELS)), np.float32)]
    head = Head(EMOTION_LABELS, "sigmoid", weights, [np.array(bias, np.float32)], input_dim=8)
    gate_weights = [np.zeros((8, 1), np.float32)]
    head.gate = Head(("emotion",), "sigmoid", gate_weights, [np.array([-3.0])], input_dim=8)
    head.gate_cut, head.gate_power = 0.5, 2.0
    head.save(tmp_path, "emotion")
    texts = embedded(edge_table()).table["text_clean"].fillna("").str.strip() != ""
    gated = EmotionStage(heads_dir=str(tmp_path)).transform(embedded(edge_table())).table
    assert set(gated["emotion"]) == {"neutral"}
    factor = (1 / (1 + np.exp(3.0)) / 0.5) ** 2
    expected = 1 / (1 + np.exp(-2.0)) * factor
    assert gated.loc[texts, "emo_anger"].to_numpy() == pytest.approx(expected, rel=1e-5)
    plain = EmotionStage(heads_dir=str(tmp_path), gate=False).transform(embedded(edge_table()))
    assert set(plain.table.loc[texts, "emotion"]) == {"anger"}
    assert EmotionStage(gate=False).get_config()["gate"] is False


def test_ironic_praise_shows_anger_not_joy():
    from feedback_nlp.stages.emotion import irony_read_angry

    texts = ["Brilliant, my parcel is missing again.", "Brilliant service, thank you."]
    row = [0.1, 0.0, 0.0, 0.8, 0.0, 0.2, 0.4, 0.3]  # anger … trust, as EMOTION_LABELS
    probabilities = np.array([row, row])
    out = irony_read_angry(probabilities, texts, ["en", "en"])
    assert out[0].tolist() == pytest.approx([0.8, 0.0, 0.0, 0.0, 0.0, 0.2, 0.4, 0.0])
    assert (out[1] == probabilities[1]).all()  # praise: kept
    assert probabilities[0, 3] == 0.8  # the input is not changed


def test_irony_keeps_labels_the_model_does_not_predict_missing():
    from feedback_nlp.stages.emotion import irony_read_angry

    probabilities = np.array([[np.nan, 0.0, 0.0, 0.8, 0.0, 0.2, 0.4, np.nan]])
    out = irony_read_angry(probabilities, ["Great, the app crashed again."], ["en"])
    assert np.isnan(out[0, 0]) and np.isnan(out[0, 7]) and out[0, 3] == 0.0


def test_irony_rule_is_on_by_default_and_can_be_turned_off():
    text = "Fantastic support, they just hung up on me."
    probabilities = np.array([[0.1, 0.0, 0.0, 0.8, 0.0, 0.2, 0.4, 0.3]])
    assert EmotionStage().adjust(probabilities, [text], ["en"])[0, 0] == 0.8
    off = EmotionStage(irony_anger=False).adjust(probabilities, [text], ["en"])
    assert (off == probabilities).all()
    assert EmotionStage(irony_anger=False).get_config()["irony_anger"] is False
