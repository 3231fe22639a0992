"""The transformers backend, through the real loading path with a tiny model built here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from feedback_nlp.backends.hf_classifier import HFClassifier, resolve_label_map
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS

WORDS = ["good", "bad", "ok", "great", "awful", "the", "app", "is", "very"]


def build_tiny_classifier(
    folder: Path, labels: list[str], multi_label: bool = False, seed: int = 0
) -> Path:
    """A random-weight 2-layer BERT classifier with a word-level tokenizer, saved to `folder`."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    vocab = {token: i for i, token in enumerate(specials + WORDS)}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        model_max_length=64,
    )
    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
        problem_type="multi_label_classification" if multi_label else None,
    )
    BertForSequenceClassification(config).save_pretrained(folder, safe_serialization=True)
    fast.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def sentiment_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-sentiment")
    return build_tiny_classifier(folder, ["NEG", "NEU", "POS"])


def test_label_map_aliases_and_generic_names():
    assert resolve_label_map(["NEG", "NEU", "POS"], SENTIMENT_LABELS) == {
        "NEG": "negative",
        "NEU": "neutral",
        "POS": "positive",
    }
    assert resolve_label_map(["LABEL_0", "LABEL_1", "LABEL_2"], SENTIMENT_LABELS)["LABEL_2"] == (
        "positive"
    )
    mapping = resolve_label_map(["happiness", "others", "anger"], EMOTION_LABELS)
    assert mapping == {"happiness": "joy", "others": None, "anger": "anger"}


def test_label_map_unknown_label_names_the_fix():
    with pytest.raises(ConfigError, match=r"cannot map the model label 'meh'.*pass label_map"):
        resolve_label_map(["meh", "positive"], SENTIMENT_LABELS, model_name="m")
    with pytest.raises(ConfigError, match="sends 'meh' to 'great', which is not one of"):
        resolve_label_map(["meh"], SENTIMENT_LABELS, {"meh": "great"}, model_name="m")


def test_tiny_model_round_trip_gives_probabilities(sentiment_model: Path):
    classifier = HFClassifier(str(sentiment_model), SENTIMENT_LABELS, device="cpu")
    probs = classifier.predict_proba(["the app is good", "awful", "very very bad app"])
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    again = HFClassifier(str(sentiment_model), SENTIMENT_LABELS, device="cpu")
    np.testing.assert_allclose(again.predict_proba(["awful"]), probs[1:2], rtol=1e-5)


def test_label_map_override_drops_a_label(sentiment_model: Path):
    classifier = HFClassifier(
        str(sentiment_model), SENTIMENT_LABELS, label_map={"NEU": None}, device="cpu"
    )
    probs = classifier.predict_proba(["good"])
    assert probs[0, SENTIMENT_LABELS.index("neutral")] == 0.0
    assert probs.sum() < 1.0


def test_per_language_routing_uses_each_model(tmp_path: Path, sentiment_model: Path):
    other = build_tiny_classifier(tmp_path / "other", ["NEG", "NEU", "POS"], seed=1)
    routed = HFClassifier(
        {"en": str(sentiment_model), "*": str(other)}, SENTIMENT_LABELS, device="cpu"
    )
    texts = ["good app", "good app"]
    probs = routed.predict_proba(texts, ["en", "de"])
    english_only = HFClassifier(str(sentiment_model), SENTIMENT_LABELS, device="cpu")
    fallback_only = HFClassifier(str(other), SENTIMENT_LABELS, device="cpu")
    np.testing.assert_allclose(probs[0], english_only.predict_proba(texts[:1])[0], rtol=1e-5)
    np.testing.assert_allclose(probs[1], fallback_only.predict_proba(texts[:1])[0], rtol=1e-5)
    assert routed.resolved_models()["en"]["model"] == str(sentiment_model)


def test_route_without_fallback_raises():
    classifier = HFClassifier({"en": "unused"}, SENTIMENT_LABELS, device="cpu")
    with pytest.raises(ConfigError, match="no transformers model is routed to language 'fr'"):
        classifier.predict_proba(["x"], ["fr"])


def test_missing_model_is_a_clear_error(tmp_path: Path):
    classifier = HFClassifier(str(tmp_path / "nowhere"), SENTIMENT_LABELS, device="cpu")
    with pytest.raises(ConfigError, match="cannot load the text-classification model"):
        classifier.predict_proba(["x"])


def test_multi_label_model_uses_sigmoid(tmp_path: Path):
    folder = build_tiny_classifier(tmp_path / "emo", ["anger", "joy", "neutral"], multi_label=True)
    probs = HFClassifier(str(folder), EMOTION_LABELS, device="cpu").predict_proba(["good", "bad"])
    assert probs.shape == (2, len(EMOTION_LABELS))
    assert probs[:, EMOTION_LABELS.index("fear")].tolist() == [0.0, 0.0]
    assert ((probs >= 0) & (probs <= 1)).all()
    missing = HFClassifier(str(folder), EMOTION_LABELS, device="cpu", unmapped_value=np.nan)
    probs = missing.predict_proba(["good", "bad"])
    mapped = [EMOTION_LABELS.index("anger"), EMOTION_LABELS.index("joy")]
    assert np.isnan(np.delete(probs, mapped, axis=1)).all()
    assert not np.isnan(probs[:, mapped]).any()


def test_each_batch_moves_the_progress_bar(sentiment_model: Path, monkeypatch):
    from feedback_nlp import progress

    moves: list[int] = []
    original = progress._Task.advance

    def record(task: progress._Task, count: int) -> None:
        moves.append(count)
        original(task, count)

    monkeypatch.setattr(progress._Task, "advance", record)
    classifier = HFClassifier(str(sentiment_model), SENTIMENT_LABELS, device="cpu", batch_size=2)
    with progress.task("Sentiment", total=5):
        classifier.predict_proba(["good", "bad", "fine", "awful service", "ok"])
    assert moves[:3] == [2, 2, 1] and sum(moves) == 5  # then finish() adds nothing
