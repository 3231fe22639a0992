"""Numpy heads: probabilities, thresholds, save/load round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from feedback_nlp.backends.heads import (
    DEFAULT_HEADS_DIR,
    Head,
    average_heads,
    join_heads,
    load_default_head,
)
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS


def random_head(output: str, labels: tuple[str, ...], input_dim: int = 6) -> Head:
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(input_dim, 5)), rng.normal(size=(5, len(labels)))]
    biases = [rng.normal(size=5), rng.normal(size=len(labels))]
    return Head(labels, output, weights, biases, input_dim)  # type: ignore[arg-type]


def test_softmax_head_matches_a_hand_computed_forward_pass():
    head = random_head("softmax", SENTIMENT_LABELS)
    head.temperature = 2.0
    features = np.random.default_rng(1).normal(size=(4, 6))
    hidden = np.maximum(features @ head.weights[0] + head.biases[0], 0)
    logits = (hidden @ head.weights[1] + head.biases[1]) / 2.0
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(head.predict_proba(features), expected, rtol=1e-5)


def test_sigmoid_head_platt_and_thresholds():
    head = random_head("sigmoid", EMOTION_LABELS)
    head.platt = {"joy": (0.0, 10.0)}
    head.thresholds = {"anger": 1.0}
    probs = head.predict_proba(np.ones((2, 6)))
    assert probs[:, EMOTION_LABELS.index("joy")] == pytest.approx(1 / (1 + np.exp(-10.0)))
    decided = head.decide(probs)
    assert not decided[:, EMOTION_LABELS.index("anger")].any()
    assert decided[:, EMOTION_LABELS.index("joy")].all()


def test_wider_features_use_the_leading_columns():
    head = random_head("softmax", SENTIMENT_LABELS)
    features = np.random.default_rng(2).normal(size=(3, 10))
    np.testing.assert_allclose(head.predict_proba(features), head.predict_proba(features[:, :6]))
    with pytest.raises(ConfigError, match="head expects features of width 6"):
        head.predict_proba(features[:, :4])


def test_save_load_round_trip(tmp_path: Path):
    head = random_head("sigmoid", EMOTION_LABELS)
    head.thresholds = {"fear": 0.3}
    head.platt = {"fear": (1.5, -0.2)}
    head.save(tmp_path, "emotion")
    loaded = Head.load(tmp_path, "emotion")
    features = np.random.default_rng(3).normal(size=(5, 6))
    np.testing.assert_allclose(
        loaded.predict_proba(features), head.predict_proba(features), rtol=1e-6
    )
    assert loaded.thresholds == {"fear": 0.3}
    assert loaded.reads == "head_features"
    assert not list(tmp_path.glob("*.pkl"))


def test_head_names_the_array_it_reads(tmp_path: Path):
    import json

    head = random_head("softmax", SENTIMENT_LABELS)
    head.reads = "sentiment_features"
    head.save(tmp_path, "sentiment")
    assert Head.load(tmp_path, "sentiment").reads == "sentiment_features"
    spec = json.loads((tmp_path / "sentiment.json").read_text(encoding="utf-8"))
    (tmp_path / "sentiment.json").write_text(json.dumps({**spec, "reads": "tokens"}))
    with pytest.raises(ConfigError, match=r"sentiment\.json: 'reads' must be one of"):
        Head.load(tmp_path, "sentiment")


def test_language_thresholds_replace_those_of_their_language_only(tmp_path: Path):
    head = random_head("sigmoid", EMOTION_LABELS)
    head.thresholds = {label: 0.6 for label in EMOTION_LABELS}
    head.language_thresholds = {"de": {"anger": 0.4, "joy": 0.4}}
    probs = np.full((3, len(EMOTION_LABELS)), 0.5)
    decided = head.decide(probs, ["en", "de", "*"])
    passed = [label for label, on in zip(EMOTION_LABELS, decided[1], strict=True) if on]
    assert passed == ["anger", "joy"] and not decided[0].any() and not decided[2].any()
    assert not head.decide(probs).any()  # no languages given: the thresholds as they are
    head.save(tmp_path, "emotion")
    assert Head.load(tmp_path, "emotion").language_thresholds == head.language_thresholds


@pytest.mark.parametrize("bad", [{"de": {"anger": 1.5}}, {"de": {"calm": 0.3}}, {"de": 0.3}])
def test_malformed_language_thresholds_are_refused_with_the_file(tmp_path: Path, bad):
    head = random_head("sigmoid", EMOTION_LABELS)
    head.language_thresholds = bad
    head.save(tmp_path, "emotion")
    with pytest.raises(ConfigError, match=r"emotion\.json: 'language_thresholds' must map"):
        Head.load(tmp_path, "emotion")


def test_missing_head_names_the_training_script(tmp_path: Path):
    with pytest.raises(ConfigError, match=r"sentiment\.json: head file not found; train it"):
        load_default_head("sentiment", tmp_path)


@pytest.mark.skipif(not (DEFAULT_HEADS_DIR / "sentiment.json").exists(), reason="not trained")
def test_shipped_heads_load_and_cover_the_schema_labels():
    sentiment = load_default_head("sentiment")
    emotion = load_default_head("emotion")
    assert sentiment.labels == SENTIMENT_LABELS and sentiment.output == "softmax"
    assert emotion.labels == EMOTION_LABELS and emotion.output == "sigmoid"
    assert set(emotion.thresholds) == set(EMOTION_LABELS)
    probs = sentiment.predict_proba(np.zeros((1, sentiment.input_dim), np.float32))
    assert probs.sum() == pytest.approx(1.0)


CLEAR_SENTIMENT = {
    "I love this app, it is wonderful and works perfectly!": "positive",
    "Ich liebe diesen Service, einfach großartig!": "positive",
    "Me encanta, es el mejor servicio que he tenido.": "positive",
    "This is the worst service ever, I hate it.": "negative",
    "C'est nul, l'application plante tout le temps, je déteste.": "negative",
    "Ужасный сервис, больше никогда не закажу.": "negative",
}


@pytest.mark.skipif(not (DEFAULT_HEADS_DIR / "sentiment.json").exists(), reason="not trained")
def test_shipped_sentiment_head_on_clear_examples_with_the_default_encoder():
    from feedback_nlp.backends.branch import branch_folder
    from feedback_nlp.backends.encoder import E5Encoder
    from feedback_nlp.stages.embed import DEFAULT_QUANTIZE, feature_arrays

    head = load_default_head("sentiment")
    texts = list(CLEAR_SENTIMENT)
    branch = branch_folder(DEFAULT_HEADS_DIR)
    encoder = E5Encoder(device="cpu", quantize=DEFAULT_QUANTIZE, branch=branch)
    features = feature_arrays(encoder.encode(texts, 4, with_branch=True), branch is not None)[
        head.reads
    ]
    predicted = np.array(head.labels)[head.predict_proba(features).argmax(1)]
    assert predicted.tolist() == list(CLEAR_SENTIMENT.values())


@pytest.mark.parametrize("first_hidden", [True, False])
def test_joined_heads_give_each_heads_probabilities_and_decisions(first_hidden):
    rng = np.random.default_rng(3)
    first = random_head("sigmoid", ("anger", "joy"), input_dim=8) if first_hidden else None
    if first is None:  # a linear head joins through relu(z) - relu(-z)
        weights, biases = [rng.normal(size=(8, 2))], [rng.normal(size=2)]
        first = Head(("anger", "joy"), "sigmoid", weights, biases, input_dim=8)
    second = random_head("sigmoid", ("anticipation", "trust"), input_dim=8)
    first.thresholds, second.thresholds = {"anger": 0.3}, {"trust": 0.7}
    second.platt = {"trust": (2.0, -1.0)}
    joined = join_heads(first, second)
    x = rng.normal(size=(20, 8))
    assert joined.labels == ("anger", "joy", "anticipation", "trust")
    both = np.hstack([first.predict_proba(x), second.predict_proba(x)])
    assert joined.predict_proba(x) == pytest.approx(both, abs=1e-5)
    decided = np.hstack([first.decide(first.predict_proba(x)), second.decide(both[:, 2:])])
    assert (joined.decide(joined.predict_proba(x)) == decided).all()


def test_only_sigmoid_heads_of_one_width_join():
    with pytest.raises(ConfigError, match="sigmoid"):
        join_heads(random_head("softmax", SENTIMENT_LABELS), random_head("sigmoid", ("joy",)))
    wider = random_head("sigmoid", ("joy",))
    wider.input_dim = 16
    with pytest.raises(ConfigError, match="features"):
        join_heads(random_head("sigmoid", ("anger",)), wider)


def test_averaged_head_gives_the_mean_of_both_heads_logits():
    rng = np.random.default_rng(5)
    linear = Head(SENTIMENT_LABELS, "softmax", [rng.normal(size=(8, 3))], [rng.normal(size=3)], 8)
    linear.temperature = 1.5
    hidden = random_head("softmax", SENTIMENT_LABELS, input_dim=8)
    averaged = average_heads(linear, hidden, 0.25)
    x = rng.normal(size=(20, 8))
    expected = 0.75 * linear.logits(x) / 1.5 + 0.25 * hidden.logits(x)
    assert averaged.logits(x) == pytest.approx(expected, abs=1e-4)
    with pytest.raises(ConfigError, match="softmax"):
        average_heads(random_head("sigmoid", ("joy",)), random_head("sigmoid", ("joy",)))


def gated_head() -> Head:
    """A random emotion head with a linear gate whose score is sigmoid(feature 0)."""
    head = random_head("sigmoid", EMOTION_LABELS)
    weight = np.zeros((6, 1))
    weight[0, 0] = 1.0
    head.gate = Head(("emotion",), "sigmoid", [weight], [np.zeros(1)], input_dim=6)
    head.gate_cut, head.gate_power = 0.5, 2.0
    return head


def test_gate_scales_label_probabilities_below_its_cut():
    head = gated_head()
    features = np.random.default_rng(4).normal(size=(6, 6))
    features[:, 0] = [-3.0, -2.0, 0.0, 0.5, 2.0, 4.0]
    ungated = Head(head.labels, "sigmoid", head.weights, head.biases, 6).predict_proba(features)
    score = 1 / (1 + np.exp(-features[:, 0]))
    factor = np.minimum(1.0, score / 0.5) ** 2.0
    np.testing.assert_allclose(head.predict_proba(features), ungated * factor[:, None])
    assert (factor[2:] == 1.0).all() and (factor[:2] < 0.1).all()
    # the per-label ranking within a row is the head's
    ranks = np.argsort(head.predict_proba(features), axis=1)
    np.testing.assert_array_equal(ranks, np.argsort(ungated, axis=1))


def test_gate_round_trips_and_bad_gates_are_refused(tmp_path: Path):
    import json

    head = gated_head()
    head.save(tmp_path, "emotion")
    assert {p.name for p in tmp_path.iterdir()} == {
        "emotion.json", "emotion.safetensors", "emotion_gate.json", "emotion_gate.safetensors",
    }  # fmt: skip
    loaded = Head.load(tmp_path, "emotion")
    features = np.random.default_rng(5).normal(size=(4, 6))
    np.testing.assert_allclose(
        loaded.predict_proba(features), head.predict_proba(features), rtol=1e-5
    )
    spec_path = tmp_path / "emotion.json"
    spec = json.loads(spec_path.read_text())
    for bad, message in [
        ({"name": "../emotion_gate"}, "must name a head file in the same folder"),
        ({"name": "emotion_gate", "cut": 0.0}, "0 < cut <= 1"),
        ({"name": "sentiment"}, r"sentiment\.json: head file not found"),
    ]:
        spec_path.write_text(json.dumps({**spec, "gate": bad}))
        with pytest.raises(ConfigError, match=message):
            Head.load(tmp_path, "emotion")
