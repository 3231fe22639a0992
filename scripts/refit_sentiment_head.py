"""Refit the sentiment head on its frozen branch so it reads whole reviews too (issue 13; stop 31).

    PYTHONPATH=. python scripts/train_sentiment_branch.py --out HEADS   # the branch + its head
    PYTHONPATH=. python scripts/refit_sentiment_head.py --data ../shared/data --heads HEADS
    PYTHONPATH=. python scripts/train_mixed_head.py --data ../shared/data --heads HEADS

The head trained with the branch has seen tweets, German transport feedback and review
*sentences*, never a whole review: on Steam reviews it tells recommended from not recommended
at a balanced accuracy of .77. This step keeps the branch (so the emotion head, which reads
the same features, is untouched) and refits only the sentiment head, from the head the branch
script wrote (a head already refit is refused):
- on the branch's training sets (xlm-t train, the MobASA dev file's seeded train part,
  MAMS-ACSA train; weighted 3 : 1 : 1 per set as there) the targets are the starting head's
  own probabilities (``--old-targets self``: it keeps what it read there, learning without
  forgetting; ``gold`` uses their labels instead);
- the Steam train reviews (positive when recommended, else negative) are weighted 1, half to
  each verdict (``--reviews balanced``; ``plain`` shares the weight by row, so the 74 %
  recommended lean the head positive);
- soft-target cross-entropy, full-batch L-BFGS from the starting head (its logits over its
  temperature) with an L2 pull towards it (``--pull``), then the temperature fitted on xlm-t
  val. Features are read as stage "sentiment" reads them
  (:meth:`~feedback_nlp.stages.classifier.ClassifierStage.scored`).
The Steam test reviews, the dev sets and the challenge set are not read. The mixed head reads
the sentiment head's probabilities, so it is trained again afterwards.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_domain_heads import soft_targets
from train_heads import data_dir, fit_temperature
from train_sentiment_branch import training_sets

from feedback_nlp.backends.heads import Head
from feedback_nlp.labelled_sets import load_steam_reviews
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.stages.sentiment import SentimentStage

ROOT = Path(__file__).resolve().parent.parent
#: Weight of each training set (its rows share it), as in the branch's training plus reviews.
SET_WEIGHTS = {"xlmt-train": 3.0, "mobasa-train": 1.0, "mams-train": 1.0, "steam-train": 1.0}
#: L2 pull of the weights towards the folder's head (per weight, on calibrated logits).
PULL = 1e-3
STEPS = 300
REVIEWS = "steam-train"


def refit_head(
    start: Head,
    features: np.ndarray,
    targets: np.ndarray,
    weights: np.ndarray,
    pull: float = PULL,
    steps: int = STEPS,
) -> Head:
    """A linear softmax head fitted from `start` (its logits divided by its temperature):
    row-`weights`ed soft-target cross-entropy plus `pull` × ‖W − W_start‖², full-batch
    L-BFGS (deterministic). The temperature is left at 1 (fit it afterwards)."""
    x = torch.from_numpy(np.ascontiguousarray(features, dtype=np.float32))
    y = torch.from_numpy(targets.astype(np.float32))
    w = torch.from_numpy((weights / weights.mean()).astype(np.float32))
    origin = torch.from_numpy(start.weights[0].T / start.temperature).float()
    layer = torch.nn.Linear(x.shape[1], y.shape[1])
    with torch.no_grad():
        layer.weight.copy_(origin)
        layer.bias.copy_(torch.from_numpy(start.biases[0] / start.temperature))
    optimiser = torch.optim.LBFGS(
        layer.parameters(), lr=1, max_iter=steps, history_size=20, line_search_fn="strong_wolfe"
    )

    def loss() -> torch.Tensor:
        optimiser.zero_grad()
        value = -(w[:, None] * y * torch.log_softmax(layer(x), 1)).sum(1).mean()
        value = value + pull * ((layer.weight - origin) ** 2).sum()
        value.backward()
        return value

    optimiser.step(loss)
    return Head(
        start.labels,
        "softmax",
        [layer.weight.detach().numpy().T.copy()],
        [layer.bias.detach().numpy().copy()],
        start.input_dim,
        reads=start.reads,
    )


def training_targets(
    start: Head, features: dict[str, np.ndarray], tables: dict[str, pd.DataFrame], own: bool
) -> np.ndarray:
    """Soft targets in :data:`SET_WEIGHTS` order: the reviews' verdicts; on the other sets the
    `start` head's own probabilities when `own`, else their gold labels."""
    parts = []
    for name in SET_WEIGHTS:
        if own and name != REVIEWS:
            parts.append(start.predict_proba(features[name]))
        else:
            parts.append(soft_targets(tables[name]["label"]))
    return np.vstack(parts)


def row_weights(tables: dict[str, pd.DataFrame], balance: bool) -> np.ndarray:
    """Each set's weight shared by its rows (:data:`SET_WEIGHTS`); with `balance`, the Steam
    reviews' weight is shared half by the recommended, half by the others."""
    parts = []
    for name, share in SET_WEIGHTS.items():
        labels = tables[name]["label"].to_numpy()
        if balance and name == REVIEWS:
            counts = {label: (labels == label).sum() for label in set(labels)}
            parts.append(np.array([share / len(counts) / counts[x] for x in labels]))
        else:
            parts.append(np.full(len(labels), share / len(labels)))
    return np.concatenate(parts)


def training_data(data: Path) -> dict[str, pd.DataFrame]:
    """The branch's sentiment training sets and xlm-t val, plus the Steam train reviews."""
    sets = training_sets(data)
    sets[REVIEWS] = load_steam_reviews(data, "train")
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--heads", default=str(ROOT / "models" / "sentiment-emotion-heads"))
    parser.add_argument("--out", default=None, help="folder to write (default: --heads)")
    parser.add_argument("--pull", type=float, default=PULL)
    parser.add_argument("--old-targets", choices=("self", "gold"), default="self")
    parser.add_argument("--reviews", choices=("balanced", "plain"), default="balanced")
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    torch.manual_seed(13)
    torch.set_num_threads(2)
    stage = SentimentStage(heads_dir=args.heads, device=args.device)
    start = stage.head()
    if start.labels != tuple(SENTIMENT_LABELS) or len(start.weights) != 1:
        raise SystemExit(f"{args.heads}: the sentiment head is not one linear softmax layer")
    if "refit" in start.metadata:
        raise SystemExit(
            f"{args.heads}: this head is already refit; start from the head that "
            "scripts/train_sentiment_branch.py writes"
        )
    features: dict[str, np.ndarray] = {}
    tables: dict[str, pd.DataFrame] = {}
    for name, table in training_data(data_dir(args.data)).items():
        began = time.time()
        scored = stage.scored(table["text"].tolist(), table["lang"].tolist())
        features[name], tables[name] = scored.features, table[scored.read]
        print(f"{name}: {int(scored.read.sum())} rows read, {time.time() - began:.0f} s")
    own = args.old_targets == "self"
    targets = training_targets(start, features, tables, own)
    weights = row_weights(tables, args.reviews == "balanced")
    inputs = np.vstack([features[name] for name in SET_WEIGHTS])
    head = refit_head(start, inputs, targets, weights, args.pull)
    truth = tables["xlmt-val"]["label"].map(SENTIMENT_LABELS.index).to_numpy()
    logits = head.logits(features["xlmt-val"]).astype(np.float64)
    head.temperature = fit_temperature(logits, truth)
    head.metadata = {
        **start.metadata,
        "refit": {
            "rows": {name: len(tables[name]) for name in SET_WEIGHTS},
            REVIEWS: "Steam review aspect dataset v1, train split: recommended = positive, "
            "not recommended = negative",
            "old_targets": args.old_targets,
            "reviews": args.reviews,
            "set_weights": SET_WEIGHTS,
            "pull": args.pull,
            "steps": STEPS,
            "temperature_before": start.temperature,
        },
    }
    out = Path(args.out) if args.out else Path(args.heads)
    head.save(out, "sentiment")
    print(f"wrote {out / 'sentiment'}: temperature {head.temperature:.2f}; train the mixed head")


if __name__ == "__main__":
    main()
