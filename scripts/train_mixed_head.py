"""Train the mixed head: does a comment praise and complain? (issue 13, item 3; stop 30).

    PYTHONPATH=. python scripts/train_mixed_head.py --data ../shared/data \
        --heads models/sentiment-emotion-heads

A logistic regression (scikit-learn's defaults: L2, C = 1) on the features the folder's
sentiment head reads (the sentiment branch's pooled layers for the shipped heads) and the log
of that head's three probabilities (:func:`feedback_nlp.stages.mixed.mixed_inputs`), trained on
the MAMS-ACSA train sentences: 3,149 restaurant-review sentences that each name two or more
aspects; a sentence is mixed when one aspect is positive and another negative (524 of them).
It is written as ``mixed.safetensors`` + ``.json`` beside the sentiment head (decision
threshold :data:`~feedback_nlp.stages.mixed.MIXED_CUT`), and stage "sentiment" turns it into
``p_mixed`` (:mod:`feedback_nlp.stages.mixed`). MAMS val and test and the project's challenge
set are not read here; ``feedback-nlp evaluate set mams-val`` (and ``mams-test``,
``challenge-sentiment``) measure.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_sets import load_mams

from feedback_nlp.backends.heads import Head
from feedback_nlp.stages.mixed import MIXED, MIXED_CUT, MIXED_HEAD, mixed_inputs
from feedback_nlp.stages.sentiment import SentimentStage

ROOT = Path(__file__).resolve().parent.parent


def fit_mixed_head(
    sentiment: Head, features: np.ndarray, mixed: np.ndarray, metadata: dict[str, object]
) -> Head:
    """A one-label sigmoid head: logistic regression of `mixed` on the `features` the
    `sentiment` head reads and the log of its probabilities."""
    inputs = mixed_inputs(features, sentiment.predict_proba(features))
    model = LogisticRegression(C=1.0, max_iter=5000).fit(inputs, mixed.astype(int))
    return Head(
        (MIXED,),
        "sigmoid",
        [model.coef_.T.astype(np.float32)],
        [model.intercept_.astype(np.float32)],
        inputs.shape[1],
        thresholds={MIXED: MIXED_CUT},
        metadata=metadata,
        reads=sentiment.reads,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("FEEDBACK_NLP_DATA"))
    parser.add_argument("--heads", default=str(ROOT / "models" / "sentiment-emotion-heads"))
    parser.add_argument("--out", default=None, help="folder to write (default: --heads)")
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    if not args.data:
        raise SystemExit("give --data or set FEEDBACK_NLP_DATA")
    heads = Path(args.heads)
    train = load_mams(Path(args.data), "train")
    stage = SentimentStage(heads_dir=str(heads), device=args.device)
    sentiment = stage.head()
    scored = stage.scored(train["text"].tolist(), train["lang"].tolist())  # as the stage reads
    mixed = (train["label"] == MIXED).to_numpy()[scored.read]
    features = scored.features
    metadata = {
        "data": "MAMS-ACSA train: a sentence is mixed when one aspect is positive and another "
        "negative",
        "rows": len(mixed),
        "mixed_rows": int(mixed.sum()),
        "model": "logistic regression, C = 1, on the sentiment head's features and the log "
        "of its probabilities",
    }
    head = fit_mixed_head(sentiment, features, mixed, metadata)
    head.save(Path(args.out) if args.out else heads, MIXED_HEAD)
    print(f"mixed head: {len(mixed)} sentences ({int(mixed.sum())} mixed)")


if __name__ == "__main__":
    main()
