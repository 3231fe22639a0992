"""scripts/train_mixed_head.py: the saved head computes the fitted regression and loads as the
folder's mixed head."""

import numpy as np
from sklearn.linear_model import LogisticRegression

from feedback_nlp.backends.heads import Head
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.stages.embed import SENTIMENT_FEATURES
from feedback_nlp.stages.mixed import MIXED, MIXED_HEAD, mixed_head, mixed_inputs
from tests.data.script_loader import load_script


def test_mixed_head_is_the_regression_on_features_and_log_probabilities(tmp_path):
    script = load_script("train_mixed_head")
    rng = np.random.default_rng(0)
    features = rng.normal(size=(300, 6)).astype(np.float32)
    weight = rng.normal(size=(6, len(SENTIMENT_LABELS))).astype(np.float32)
    bias = np.zeros(len(SENTIMENT_LABELS), dtype=np.float32)
    sentiment = Head(tuple(SENTIMENT_LABELS), "softmax", [weight], [bias], 6)
    sentiment.reads = SENTIMENT_FEATURES
    mixed = features[:, 0] + rng.normal(scale=0.5, size=300) > 0.8
    head = script.fit_mixed_head(sentiment, features, mixed, {"rows": 300})
    inputs = mixed_inputs(features, sentiment.predict_proba(features))
    reference = LogisticRegression(C=1.0, max_iter=5000).fit(inputs, mixed.astype(int))
    np.testing.assert_allclose(
        head.predict_proba(inputs)[:, 0], reference.predict_proba(inputs)[:, 1], atol=1e-5
    )
    head.save(tmp_path, MIXED_HEAD)
    loaded = mixed_head(str(tmp_path), sentiment)
    assert loaded is not None and loaded.labels == (MIXED,) and loaded.reads == SENTIMENT_FEATURES
    assert loaded.thresholds == {MIXED: 0.5}
