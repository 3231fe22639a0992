"""Train the emotion head's "any emotion" gate on frozen features (issue 13, item 4).

    PYTHONPATH=. python scripts/cache_domain_features.py --cache DIR
    PYTHONPATH=. python scripts/train_emotion_gate.py --cache DIR \
        --heads models/sentiment-emotion-heads --out models/sentiment-emotion-heads

The emotion head (BRIGHTER six + XED anticipation/trust) tags almost every comment: 98.6 % of
GoEmotions dev, where the gold says 72.3 %. The gate is a logistic regression on the stage's
head features (the encoder is untouched) giving P(the text carries any emotion), trained on:

- GoEmotions train (English Reddit; neutral = no emotion, any Ekman label = emotion),
- BRIGHTER train of the six evaluated languages (no label = no emotion),
- XED English human-labelled lines (``gold_neutral`` = no emotion).

The head's label probabilities are multiplied by ``min(1, g / cut) ** power`` (see
:mod:`feedback_nlp.backends.head_model`); its per-label thresholds and ranking are kept. Settings
come from training rows only, with out-of-fold gate scores (5 folds, seeded):

- the regularisation ``C``: best out-of-fold AUC over all rows;
- ``cut``: the share of GoEmotions training rows with any label passing its threshold equals
  their gold share;
- the six BRIGHTER labels' thresholds: re-fitted (max F1, as ``train_heads.py`` did) on the
  rows the head never trained on (its 15 % threshold holdout, part ``brighter-heldout``) with
  the gate applied, then ``cut`` matched again (twice);
- ``power``: best BRIGHTER macro-F1 (mean over languages) on those rows, among the powers
  whose cut reaches the gold share (within :data:`MATCH`).

No dev split and not the challenge set is read here (``eval_sentiment_emotion.py`` measures).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_sets import EKMAN_LABELS, SEED
from eval_sentiment_emotion import head_input
from train_heads import tune_thresholds

from feedback_nlp.backends.heads import Head

#: Cached parts the gate learns from, by source.
SOURCES = {
    "goemotions": ("goemotions-train", "goemotions-gate"),
    "brighter": ("brighter-train", "brighter-gate", "brighter-heldout"),
    "xed": ("xed-gate",),
}
C_GRID = (0.0003, 0.001, 0.003, 0.01)
POWER_GRID = (1.0, 2.0, 4.0, 8.0, 16.0)
FOLDS = 5
#: A power is eligible when its cut brings the GoEmotions share this close to the gold share.
MATCH = 0.01


def gate_rows(cache: Path, head: Head) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Every gate training row once (by source and text): table (``source``, ``heldout``),
    the features `head` reads (the gate reads the same), target (1 = any emotion)."""
    tables, arrays = [], []
    for source, parts in SOURCES.items():
        for part in parts:
            table = pd.read_parquet(cache / f"{part}.parquet")
            tables.append(table.assign(source=source, part=part))
            arrays.append(np.load(cache / f"{part}.npy"))
    table = pd.concat(tables, ignore_index=True)
    features = head_input(head, np.concatenate(arrays))
    heldout_texts = set(table.loc[table["part"] == "brighter-heldout", "text"])
    table["heldout"] = (table["source"] == "brighter") & table["text"].isin(heldout_texts)
    first = ~table.duplicated(["source", "text"]).to_numpy()
    table, features = table[first].reset_index(drop=True), features[first]
    emotion = np.nansum(table[list(EKMAN_LABELS)].to_numpy(float), axis=1) > 0
    return table, features, emotion.astype(int)


def fit_gate(features: np.ndarray, target: np.ndarray, c: float) -> Head:
    """Standardised logistic regression, folded into one linear sigmoid head."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    model = LogisticRegression(C=c, max_iter=5000).fit((features - mean) / scale, target)
    weight = (model.coef_[0] / scale)[:, None]
    bias = np.array([model.intercept_[0] - float(mean @ weight[:, 0])])
    head = Head(("emotion",), "sigmoid", [weight.astype(np.float32)], [bias.astype(np.float32)],
                features.shape[1])  # fmt: skip
    return head


def out_of_fold(
    features: np.ndarray, target: np.ndarray, strata: np.ndarray, c: float
) -> np.ndarray:
    """Gate scores of every row from a gate trained on the other folds."""
    scores = np.zeros(len(target))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(features, strata):
        gate = fit_gate(features[train], target[train], c)
        scores[test] = gate.predict_proba(features[test])[:, 0]
    return scores


def factor(scores: np.ndarray, cut: float, power: float) -> np.ndarray:
    return np.minimum(1.0, scores / cut) ** power


def any_share(probs: np.ndarray, cuts: np.ndarray, scores: np.ndarray, cut: float, power: float):
    return float(((probs * factor(scores, cut, power)[:, None]) >= cuts).any(axis=1).mean())


def match_cut(
    probs: np.ndarray, cuts: np.ndarray, scores: np.ndarray, gold: float, power: float
) -> float:
    """The gate cut whose share of rows with any emotion is nearest `gold`."""
    grid = np.round(np.arange(0.05, 1.0, 0.005), 3)
    shares = np.array([any_share(probs, cuts, scores, cut, power) for cut in grid])
    return float(grid[int(np.argmin(np.abs(shares - gold)))])


def brighter_macro_f1(table: pd.DataFrame, decided: np.ndarray, labels: tuple[str, ...]) -> float:
    """Mean over languages of the macro-F1 over the labels each language annotates."""
    means = []
    for _, rows in table.groupby("set").indices.items():
        f1s = [
            f1_score(table[label].to_numpy()[rows].astype(int), decided[rows, i], zero_division=0)
            for i, label in enumerate(labels)
            if label in EKMAN_LABELS and not table[label].iloc[rows].isna().any()
        ]
        means.append(np.mean(f1s))
    return float(np.mean(means))


def calibrate(
    head: Head, table: pd.DataFrame, probs: np.ndarray, scores: np.ndarray, target: np.ndarray,
    power: float, rounds: int = 2,
) -> dict:  # fmt: skip
    """Cut matched to the GoEmotions gold share, BRIGHTER thresholds re-fitted with the gate."""
    goemotions = (table["source"] == "goemotions").to_numpy()
    heldout = table["heldout"].to_numpy()
    gold = float(target[goemotions].mean())
    taught = tuple(label for label in head.labels if label in EKMAN_LABELS)
    columns = [head.labels.index(label) for label in taught]
    thresholds = dict(head.thresholds)
    for round_ in range(rounds + 1):
        cuts = np.array([thresholds.get(label, 0.5) for label in head.labels])
        cut = match_cut(probs[goemotions], cuts, scores[goemotions], gold, power)
        gated = probs[heldout] * factor(scores[heldout], cut, power)[:, None]
        if round_ < rounds:
            truth = table.loc[heldout, list(taught)].to_numpy(float)
            thresholds.update(tune_thresholds(gated[:, columns], truth, taught))
    return {
        "cut": cut,
        "thresholds": {label: thresholds[label] for label in taught},
        "goemotions_any_emotion": any_share(
            probs[goemotions], cuts, scores[goemotions], cut, power
        ),
        "brighter_heldout_macro_f1": brighter_macro_f1(table[heldout], gated >= cuts, head.labels),
    }  # fmt: skip


def choose(cache: Path, head: Head, c_grid: tuple[float, ...] = C_GRID) -> tuple[Head, dict]:
    """Fit the gate and pick C (from `c_grid`), cut and power (see the module docstring)."""
    table, features, target = gate_rows(cache, head)
    strata = pd.factorize(table["source"] + target.astype(str))[0]
    oof = {c: out_of_fold(features, target, strata, c) for c in c_grid}
    aucs = {c: float(roc_auc_score(target, scores)) for c, scores in oof.items()}
    c = max(aucs, key=aucs.get)
    scores = oof[c]
    probs = head.predict_proba(features)
    cuts = np.array([head.thresholds.get(label, 0.5) for label in head.labels])
    goemotions = (table["source"] == "goemotions").to_numpy()
    gold = float(target[goemotions].mean())
    heldout = table["heldout"].to_numpy()
    trials = {}
    for power in POWER_GRID:
        trials[power] = calibrate(head, table, probs, scores, target, power)
    matched = [p for p, t in trials.items() if abs(t["goemotions_any_emotion"] - gold) <= MATCH]
    power = max(matched, key=lambda p: trials[p]["brighter_heldout_macro_f1"])
    gate = fit_gate(features, target, c)
    gate.metadata = {
        "trained_on": {source: int((table["source"] == source).sum()) for source in SOURCES},
        "target": "any Ekman emotion (GoEmotions, BRIGHTER) / any XED label; else no emotion",
        "C": c, "out_of_fold_auc": {str(k): v for k, v in aucs.items()},
        "goemotions_gold_any_emotion": gold,
        "trials_by_power": {str(k): v for k, v in trials.items()},
        "brighter_heldout_macro_f1_ungated": brighter_macro_f1(
            table[heldout], probs[heldout] >= cuts, head.labels
        ),
        "seed": SEED, "recipe": "scripts/train_emotion_gate.py",
    }  # fmt: skip
    return gate, {"power": power, **trials[power]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", required=True)
    parser.add_argument("--heads", required=True, help="folder with the emotion head to gate")
    parser.add_argument("--out", required=True, help="heads folder to write (may be --heads)")
    parser.add_argument(
        "--c-grid",
        default=",".join(str(c) for c in C_GRID),
        help="regularisation values tried (the gate does not depend on the head: a re-run for "
        "a new head may pass the C chosen before)",
    )
    args = parser.parse_args()
    heads, out = Path(args.heads), Path(args.out)
    head = Head.load(heads, "emotion")
    # train against the ungated head with its own thresholds (re-running on a gated folder)
    head.gate = None
    head.thresholds = dict(head.metadata.get("thresholds_without_gate", head.thresholds))
    head.metadata["thresholds_without_gate"] = dict(head.thresholds)
    head.metadata.pop("label_thresholds", None)  # re-run fit_emotion_thresholds.py after this
    grid = tuple(float(c) for c in args.c_grid.split(","))
    gate, chosen = choose(Path(args.cache), head, grid)
    head.gate, head.gate_cut, head.gate_power = gate, chosen["cut"], chosen["power"]
    head.thresholds = {**head.thresholds, **chosen["thresholds"]}
    save_emotion_head(head, heads, out)
    print(json.dumps({"chosen": chosen, **gate.metadata}, indent=2))


def save_emotion_head(head: Head, heads: Path, out: Path) -> None:
    """Save `head` as out/emotion.*; a new folder also gets the other files of `heads`."""
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() != heads.resolve():
        for name in ("sentiment.json", "sentiment.safetensors", "MODEL_CARD.md",
                     "sentiment-branch.json", "sentiment-branch.safetensors",
                     "mixed.json", "mixed.safetensors"):  # fmt: skip
            if (heads / name).exists():
                shutil.copy(heads / name, out / name)
    head.save(out, "emotion")


if __name__ == "__main__":
    main()
