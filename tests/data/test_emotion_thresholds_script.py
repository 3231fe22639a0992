"""scripts/fit_emotion_thresholds.py: its F1 is sklearn's, the search stays within the BRIGHTER
budget, and the shipped head carries the thresholds it fitted."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score

from feedback_nlp.backends.heads import Head
from feedback_nlp.schema import EMOTION_LABELS
from feedback_nlp.stages.emotion import EmotionStage

ROOT = Path(__file__).resolve().parents[2]
HEADS = ROOT / "models" / "sentiment-emotion-heads"
EKMAN = ("anger", "disgust", "fear", "joy", "sadness", "surprise")


@pytest.fixture(scope="module")
def script():
    path = ROOT / "scripts" / "fit_emotion_thresholds.py"
    spec = importlib.util.spec_from_file_location("fit_emotion_thresholds", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def toy_rows(script, rows: int = 1200):
    """Disgust is rare and scored high on the first set ("goemotions") and common with middling
    scores on the second (two "languages"): a higher disgust threshold helps the first set more
    than it costs the second. The other labels are separated exactly at 0.3."""
    rng = np.random.default_rng(0)
    goemotions = np.arange(rows) < rows // 2
    probs = rng.uniform(0.0, 1.0, size=(rows, len(EKMAN)))
    truth = (probs >= 0.3).astype(float)
    d = EKMAN.index("disgust")
    truth[:, d] = np.where(goemotions, rng.uniform(size=rows) < 0.05, rng.uniform(size=rows) < 0.3)
    positive = truth[:, d] == 1
    probs[:, d] = np.where(
        goemotions,
        np.where(positive, 0.75, rng.uniform(0.1, 0.6, rows)),
        np.where(positive, rng.uniform(0.3, 0.8, rows), rng.uniform(0.0, 0.25, rows)),
    )
    language = np.where(goemotions, "", np.where(np.arange(rows) % 2 == 0, "a", "b"))
    return script.Rows(
        probs=probs, scores=np.ones(rows), truth=truth, goemotions=goemotions,
        heldout=~goemotions, language=language, labels=EKMAN, power=16.0,
        gold=float((truth[goemotions].sum(axis=1) > 0).mean()),
    )  # fmt: skip


def test_f1_matches_sklearn(script):
    rng = np.random.default_rng(3)
    truth = (rng.uniform(size=300) < 0.3).astype(float)
    predicted = rng.uniform(size=300) < 0.4
    assert script.f1(truth, predicted) == pytest.approx(f1_score(truth, predicted))
    assert script.f1(np.zeros(5), np.zeros(5, dtype=bool)) == 0.0


def test_search_keeps_the_brighter_budget(script):
    rows = toy_rows(script)
    start = {label: 0.3 for label in EKMAN}
    kept, _, before = script.search(rows, dict(start), 0.5)
    assert kept == start  # the exactly separated start leaves no move within the default budget
    thresholds, cut, _ = script.search(rows, dict(start), 0.5, tol_mean=0.07, tol_language=0.09)
    after = script.measure(rows, thresholds, cut)
    assert script.allowed(after, before, 0.07, 0.09)
    assert not script.allowed(after, before, script.TOLERANCE_MEAN, script.TOLERANCE_LANGUAGE)
    assert script.objective(after) > script.objective(before)
    free, free_cut, _ = script.search(rows, dict(start), 0.5, tol_mean=1.0, tol_language=1.0)
    unbounded = script.measure(rows, free, free_cut)
    assert 0.3 < thresholds["disgust"] < free["disgust"]
    assert unbounded["goemotions_macro_f1"] > after["goemotions_macro_f1"]
    assert unbounded["brighter_mean"] < before["brighter_mean"] - 0.07


def test_shipped_head_uses_the_fitted_thresholds():
    head = Head.load(HEADS, "emotion")
    fit = head.metadata["label_thresholds"]
    assert fit["recipe"] == "scripts/fit_emotion_thresholds.py"
    before, after = fit["training_rows_before"], fit["training_rows_after"]
    assert after["brighter_mean"] >= before["brighter_mean"] - fit["tolerance_mean"]
    assert after["goemotions_macro_f1"] >= before["goemotions_macro_f1"]
    stage = EmotionStage(heads_dir=str(HEADS)).thresholds()
    expected = [head.thresholds.get(label, 0.5) for label in EMOTION_LABELS]
    np.testing.assert_allclose(stage, expected)
    assert head.thresholds != fit["start_thresholds"]
