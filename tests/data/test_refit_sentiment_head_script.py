"""scripts/trial_review_head.py: the refit starts from the folder's head, learns from the
new rows, is pulled back towards the start, and is deterministic."""

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.backends.heads import Head
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.stages.embed import SENTIMENT_FEATURES
from tests.data.script_loader import load_script


def _start(rng: np.random.Generator, width: int) -> Head:
    weight = rng.normal(scale=0.1, size=(width, len(SENTIMENT_LABELS))).astype(np.float32)
    bias = np.zeros(len(SENTIMENT_LABELS), dtype=np.float32)
    head = Head(tuple(SENTIMENT_LABELS), "softmax", [weight], [bias], width, temperature=2.0)
    head.reads = SENTIMENT_FEATURES
    return head


def _data(rng: np.random.Generator, width: int) -> tuple[np.ndarray, np.ndarray]:
    features = rng.normal(size=(400, width)).astype(np.float32)
    label = np.digitize(features[:, 0], [-0.5, 0.5])  # negative / neutral / positive
    return features, np.eye(len(SENTIMENT_LABELS))[label]


def test_refit_learns_the_new_rows_and_is_deterministic():
    script = load_script("refit_sentiment_head")
    rng = np.random.default_rng(0)
    start = _start(rng, 8)
    features, targets = _data(rng, 8)
    weights = np.ones(len(features))
    head = script.refit_head(start, features, targets, weights, pull=0.0)
    truth = targets.argmax(1)
    before = (start.predict_proba(features).argmax(1) == truth).mean()
    after = (head.predict_proba(features).argmax(1) == truth).mean()
    assert after > 0.9 > before
    assert head.reads == SENTIMENT_FEATURES and head.temperature == 1.0
    again = script.refit_head(start, features, targets, weights, pull=0.0)
    np.testing.assert_array_equal(head.weights[0], again.weights[0])


def test_a_strong_pull_keeps_the_start_and_its_calibration():
    script = load_script("refit_sentiment_head")
    rng = np.random.default_rng(1)
    start = _start(rng, 8)
    features, targets = _data(rng, 8)
    head = script.refit_head(start, features, targets, np.ones(len(features)), pull=1e4)
    np.testing.assert_allclose(head.weights[0], start.weights[0] / start.temperature, atol=2e-3)
    np.testing.assert_allclose(
        head.predict_proba(features[:5]), start.predict_proba(features[:5]), atol=0.05
    )


def test_balanced_reviews_weigh_both_verdicts_alike_and_sets_keep_their_share():
    script = load_script("refit_sentiment_head")
    tables = {
        "xlmt-train": pd.DataFrame({"label": ["negative", "neutral", "positive", "neutral"]}),
        "mobasa-train": pd.DataFrame({"label": ["neutral", "negative"]}),
        "mams-train": pd.DataFrame({"label": ["mixed"]}),
        "steam-train": pd.DataFrame({"label": ["positive"] * 3 + ["negative"]}),
    }
    plain = script.row_weights(tables, balance=False)
    balanced = script.row_weights(tables, balance=True)
    np.testing.assert_allclose(plain[:4], 0.75)  # xlm-t: weight 3 over 4 rows
    np.testing.assert_allclose(plain[-4:], 0.25)
    np.testing.assert_allclose(balanced[-4:], [1 / 6, 1 / 6, 1 / 6, 0.5])
    assert balanced.sum() == pytest.approx(plain.sum()) == sum(script.SET_WEIGHTS.values())


def test_old_sets_can_keep_the_heads_own_readings_while_reviews_keep_their_verdicts():
    script = load_script("refit_sentiment_head")
    rng = np.random.default_rng(2)
    start = _start(rng, 8)
    names = list(script.SET_WEIGHTS)
    features = {name: rng.normal(size=(3, 8)).astype(np.float32) for name in names}
    tables = {name: pd.DataFrame({"label": ["negative", "mixed", "positive"]}) for name in names}
    own = script.training_targets(start, features, tables, own=True)
    gold = script.training_targets(start, features, tables, own=False)
    np.testing.assert_allclose(own[:3], start.predict_proba(features[names[0]]), atol=1e-6)
    np.testing.assert_allclose(gold[:3], [[1, 0, 0], [0.5, 0, 0.5], [0, 0, 1]])
    np.testing.assert_allclose(own[-3:], gold[-3:])  # the reviews: their verdicts either way
