"""scripts/train_sentiment_branch.py: the multi-task targets (sentiment rows, then emotion rows
with their unannotated labels masked) and the emotion head that only multi-task training has."""

import numpy as np
import pandas as pd
import pytest

from tests.data.script_loader import load_script


@pytest.fixture(scope="module")
def branch_script():
    return load_script("train_sentiment_branch")


def sentiment_sets() -> dict[str, pd.DataFrame]:
    return {
        "big": pd.DataFrame({"label": ["negative", "neutral", "positive", "mixed"]}),
        "small": pd.DataFrame({"label": ["positive", "negative"]}),
    }


def test_sentiment_only_targets_are_the_weighted_soft_targets(branch_script):
    targets = branch_script.training_targets(sentiment_sets(), {"big": 3.0, "small": 1.0}, None, 0)
    assert targets.emotion.shape == (6, 0) and not targets.is_emotion.any()
    np.testing.assert_allclose(targets.sentiment[3], [0.5, 0.0, 0.5])  # mixed: half each
    np.testing.assert_allclose(targets.weights.mean(), 1.0)
    # each set's rows share its weight: 3 : 1 per set, not per row
    assert targets.weights[:4].sum() == pytest.approx(3 * targets.weights[4:].sum())


def test_emotion_rows_follow_with_unannotated_labels_masked(branch_script):
    emotion = pd.DataFrame(
        {
            "anger": [1.0, 0.0, 0.0],
            "disgust": [0.0, np.nan, 1.0],  # one language does not annotate it
            "fear": [0.0, 1.0, 0.0],
            "joy": [0.0, 0.0, 0.0],
            "sadness": [1.0, 0.0, 0.0],
            "surprise": [0.0, 0.0, 0.0],
            "anticipation": [np.nan] * 3,  # no BRIGHTER row has it: not a target at all
            "trust": [np.nan] * 3,
        }
    )
    targets = branch_script.training_targets(
        sentiment_sets(), {"big": 3.0, "small": 1.0}, emotion, 0.5
    )
    assert targets.emotion.shape == (9, 6)
    assert targets.is_emotion.tolist() == [False] * 6 + [True] * 3
    assert targets.emotion_known[:6].sum() == 0 and targets.sentiment[6:].sum() == 0
    assert targets.emotion_known[7].tolist() == [1, 0, 1, 1, 1, 1]
    assert targets.emotion[7, 1] == 0.0  # NaN becomes 0, masked
    np.testing.assert_allclose(targets.weights[6:], 0.5)
    np.testing.assert_allclose(targets.weights[:6].mean(), 1.0)


def test_row_losses_mask_unannotated_labels(branch_script):
    torch = pytest.importorskip("torch")
    emotion = pd.DataFrame({label: [np.nan] for label in branch_script.EMOTION_LABELS})
    emotion.loc[0, ["anger", "joy"]] = [1.0, 0.0]
    targets = branch_script.training_targets(sentiment_sets(), {"big": 1.0}, emotion, 1.0)

    class Fixed(branch_script.BranchModel):
        def __init__(self):
            torch.nn.Module.__init__(self)
            self.head = torch.nn.Linear(4, 3)
            self.emotion_head = torch.nn.Linear(4, 2)

        def features(self, states, mask, shared):
            return states

    model = Fixed()
    rows = np.array([0, 4])  # a sentiment row and the emotion row
    features = torch.randn(2, 4)
    losses = model.row_losses(features, None, None, targets, rows)
    scaled = features * branch_script.COSINE_SCALE
    expected_sentiment = -torch.log_softmax(model.head(scaled[0]), 0)[0]
    logits = model.emotion_head(scaled[1])
    expected_emotion = torch.nn.functional.binary_cross_entropy_with_logits(
        logits, torch.tensor([1.0, 0.0])
    )
    torch.testing.assert_close(losses, torch.stack([expected_sentiment, expected_emotion]))
