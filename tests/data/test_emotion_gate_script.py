"""scripts/train_emotion_gate.py: the gate folds its standardisation exactly, and its cut
reaches the gold share of rows with any emotion."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from tests.data.script_loader import load_script


@pytest.fixture(scope="module")
def gate_script():
    return load_script("train_emotion_gate")


def toy(rows: int = 400) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(rows, 5)) * [1.0, 3.0, 0.5, 2.0, 1.0] + [0.0, 2.0, -1.0, 0, 0]
    target = (features[:, 0] + 0.3 * features[:, 1] + rng.normal(size=rows) > 0.5).astype(int)
    return features, target


def test_folded_gate_matches_the_standardised_regression(gate_script):
    features, target = toy()
    gate = gate_script.fit_gate(features, target, c=0.1)
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    reference = LogisticRegression(C=0.1, max_iter=5000).fit((features - mean) / scale, target)
    expected = reference.predict_proba((features - mean) / scale)[:, 1]
    np.testing.assert_allclose(gate.predict_proba(features)[:, 0], expected, atol=1e-5)
    assert gate.labels == ("emotion",) and gate.output == "sigmoid"


def test_matched_cut_gives_the_gold_share(gate_script):
    rng = np.random.default_rng(1)
    probs = rng.uniform(0.3, 1.0, size=(1000, 3))  # every row passes a 0.25 threshold ungated
    cuts = np.full(3, 0.25)
    scores = rng.uniform(size=1000)
    for gold in (0.4, 0.7):
        cut = gate_script.match_cut(probs, cuts, scores, gold, power=16.0)
        assert gate_script.any_share(probs, cuts, scores, cut, 16.0) == pytest.approx(
            gold, abs=0.02
        )
    factor = gate_script.factor(np.array([0.2, 0.5, 0.9]), 0.5, 2.0)
    np.testing.assert_allclose(factor, [0.16, 1.0, 1.0])
