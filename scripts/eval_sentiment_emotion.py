"""Score sentiment and emotion heads on every dev set from cached features (no re-encoding).

    PYTHONPATH=. python scripts/eval_sentiment_emotion.py --cache /work/scratch/13 \
        --heads models/sentiment-emotion-heads --name after [--out FILE]

Reads the parts written by ``scripts/cache_domain_features.py``. Sets: xlm-t val (macro-F1 per
language, mean over 8 and over the 7 without Hindi), MobASA held-out dev part and test (relevant
documents), MAMS val (sentence polarity from aspects; ``mixed`` where both signs), GoEmotions
dev (first 1,500; Ekman labels + no-emotion), BRIGHTER dev (six languages) and the project's
challenge set (tests/data/challenge_sentiment.jsonl). ``--gate-curve`` adds the emotion gate's
trade-off at other cuts (any-emotion shares vs BRIGHTER dev macro-F1).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_sets import EKMAN_LABELS

from feedback_nlp.backends.heads import Head
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS
from feedback_nlp.stages.classifier import needs_model
from feedback_nlp.stages.embed import SENTIMENT_FEATURES
from feedback_nlp.stages.emotion import irony_read_angry
from feedback_nlp.stages.mixed import judged_only, mixed_head, mixed_probabilities
from feedback_nlp.stages.sentiment import (
    complaint_read_negative,
    denial_read_positive,
    effort_read_negative,
    evaluative_replies_read,
    irony_read_negative,
    sentiment_with_mixed,
)
from feedback_nlp.text.replies import is_no_judgement_reply

NAMES = np.array(SENTIMENT_LABELS)
RULES = {
    "replies": True, "effort": True, "complaint": True, "evaluative": True, "irony": True,
    "denials": True, "language_thresholds": True, "mixed_head": True,
}  # fmt: skip
#: The evaluated folder's mixed head (set by :func:`evaluate`; None: the both-signs rule).
MIXED_READER: dict[str, Head | None] = {"head": None}


def load_part(cache: Path, name: str) -> tuple[pd.DataFrame, np.ndarray]:
    """A cached part: its table and features."""
    return pd.read_parquet(cache / f"{name}.parquet"), np.load(cache / f"{name}.npy")


def sentiment_scores(truth: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Macro-F1 over the gold classes present, accuracy, negative recall, rows."""
    classes = sorted(set(truth.tolist()))
    negative = truth == "negative"
    return {
        "macro_f1": float(f1_score(truth, predicted, labels=classes, average="macro")),
        "accuracy": float((truth == predicted).mean()),
        "negative_recall": float((predicted[negative] == "negative").mean())
        if negative.any()
        else float("nan"),
        "rows": len(truth),
    }  # fmt: skip


def xlmt(cache: Path, sentiment: Head) -> dict[str, float]:
    table, x = load_part(cache, "xlmt-val")
    predicted = NAMES[sentiment_probs(sentiment, table, x).argmax(axis=1)]
    scores = {
        lang: float(f1_score(table["label"][rows], predicted[rows], average="macro"))
        for lang, rows in table.groupby("lang").indices.items()
    }
    out = {**scores, "mean": float(np.mean(list(scores.values())))}
    out["mean_without_hi"] = float(np.mean([v for k, v in scores.items() if k != "hi"]))
    return out


def polarity_set(cache: Path, name: str, sentiment: Head) -> dict[str, Any]:
    """3-class scores; for sets with `mixed` gold also the 4-class (mixed rule) scores."""
    table, x = load_part(cache, name)
    probs = sentiment_probs(sentiment, table, x)
    truth = table["label"].to_numpy(dtype=object)
    plain = truth != "mixed"
    out = sentiment_scores(truth[plain], NAMES[probs[plain].argmax(axis=1)])
    if (~plain).any():
        four = four_way(sentiment, table, x, probs)
        out["with_mixed"] = sentiment_scores(truth, four)
        out["mixed_recall"] = float((four[~plain] == "mixed").mean())
        out["mixed_rate_predicted"] = float((four == "mixed").mean())
    return out


def replies(table: pd.DataFrame) -> np.ndarray:
    """Rows the stages answer without a model (replies that judge nothing), unless
    `--no-reply-rule`."""
    if not RULES["replies"]:
        return np.zeros(len(table), dtype=bool)
    return table["text"].fillna("").map(is_no_judgement_reply).to_numpy(dtype=bool)


def sentiment_probs(head: Head, table: pd.DataFrame, x: np.ndarray) -> np.ndarray:
    """Sentiment probabilities as the stage gives them (replies that judge nothing: neutral;
    replies that only judge: their polarity, unless `--no-evaluative-rule`; read neutral but
    describing high effort or stating a service failure: negative, unless `--no-effort-rule`
    / `--no-complaint-rule`; read positive but praising ironically: negative, unless
    `--no-irony-rule`; read negative but only denying a problem: positive, unless
    `--no-denial-rule`)."""
    probs = head.predict_proba(head_input(head, x))
    probs[replies(table)] = [1.0 if label == "neutral" else 0.0 for label in head.labels]
    texts = table["text"].fillna("").tolist()
    if RULES["evaluative"]:
        probs = evaluative_replies_read(probs, texts, head.labels)
    if RULES["effort"]:
        probs = effort_read_negative(probs, texts, head.labels)
    if RULES["complaint"]:
        probs = complaint_read_negative(probs, texts, head.labels)
    if RULES["irony"]:
        langs = table["lang"].astype(str).tolist() if "lang" in table else None
        probs = irony_read_negative(probs, texts, langs, head.labels)
    if RULES["denials"]:
        probs = denial_read_positive(probs, texts, head.labels)
    return probs


def four_way(sentiment: Head, table: pd.DataFrame, x: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Four-way labels as the stage reads them: ``mixed`` by the folder's mixed head where it
    has one (replies answered without a model, or that only judge, are not mixed), else by
    the both-signs rule."""
    head = MIXED_READER["head"]
    if head is None:
        return sentiment_with_mixed(probs)
    texts = table["text"].fillna("").tolist()
    read = np.array([needs_model(text, RULES["replies"]) for text in texts], dtype=bool)
    judged = judged_only(texts, RULES["evaluative"])
    features = head_input(sentiment, x)[read]
    p_mixed = mixed_probabilities(head, features, sentiment.predict_proba(features), read, judged)
    return sentiment_with_mixed(probs, p_mixed)


def head_input(head: Head, x: np.ndarray) -> np.ndarray:
    """The columns of cached features the head reads: a cache written with ``--branch`` holds
    ``head_features`` then ``sentiment_features``."""
    if head.reads != SENTIMENT_FEATURES:
        return x
    if x.shape[1] < 2 * head.input_dim:
        raise SystemExit("the head reads the sentiment branch: cache features with --branch")
    return x[:, head.input_dim : 2 * head.input_dim]


def emotion_decisions(head: Head, x: np.ndarray, table: pd.DataFrame) -> np.ndarray:
    """(rows, EMOTION_LABELS) booleans as the stage decides them (with the head's language
    thresholds for the set's gold `lang`, unless `--no-language-thresholds`; ironic praise
    angry, not joyful, unless `--no-irony-rule`)."""
    probs = head.predict_proba(head_input(head, x))
    languages = table["lang"].astype(str).tolist() if "lang" in table else None
    if RULES["irony"]:
        texts = table["text"].fillna("").tolist()
        probs = irony_read_angry(probs, texts, languages, head.labels)
    decided = head.decide(probs, languages if RULES["language_thresholds"] else None)
    out = np.zeros((len(x), len(EMOTION_LABELS)), dtype=bool)
    for i, label in enumerate(head.labels):
        out[:, EMOTION_LABELS.index(label)] = decided[:, i]
    out[replies(table)] = False
    return out


def emotion_set(cache: Path, name: str, emotion: Head) -> dict[str, Any]:
    """Any-emotion rate (gold vs predicted), label rates, macro-F1 over Ekman labels present
    plus the no-emotion class, per language when several."""
    table, x = load_part(cache, name)
    decided = emotion_decisions(emotion, x, table)
    truth = table[list(EMOTION_LABELS)].to_numpy(dtype=float)
    ekman = [EMOTION_LABELS.index(label) for label in EKMAN_LABELS]
    gold_any = np.nansum(truth[:, ekman], axis=1) > 0
    pred_any = decided.any(axis=1)

    def macro(rows: np.ndarray) -> dict[str, float]:
        present = [i for i in ekman if not np.isnan(truth[rows, i]).any()]
        f1s = [
            f1_score(truth[rows, i].astype(int), decided[rows, i], zero_division=0) for i in present
        ]
        none = f1_score(~gold_any[rows], ~pred_any[rows], zero_division=0)
        return {"macro_f1": float(np.mean(f1s)), "macro_f1_with_none": float(np.mean([*f1s, none]))}

    out: dict[str, Any] = {
        **macro(np.ones(len(table), dtype=bool)),
        "gold_any_emotion": float(gold_any.mean()),
        "predicted_any_emotion": float(pred_any.mean()),
        "predicted_rate": {
            name: float(decided[:, i].mean()) for i, name in enumerate(EMOTION_LABELS)
        },
        "rows": len(table),
    }  # fmt: skip
    if table["lang"].nunique() > 1:
        by = {lang: macro(rows)["macro_f1"] for lang, rows in table.groupby("set").indices.items()}
        out["macro_f1_by_language"] = {**by, "mean": float(np.mean(list(by.values())))}
    return out


def challenge(cache: Path, sentiment: Head, emotion: Head) -> dict[str, Any]:
    """Challenge set: 4-class accuracy (mixed rule), per language, per kind, factual recall."""
    table, x = load_part(cache, "challenge")
    four = four_way(sentiment, table, x, sentiment_probs(sentiment, table, x))
    truth = table["sentiment"].to_numpy(dtype=object)
    right = four == truth
    plain = truth != "mixed"
    facts = (table["kind"] == "fact").to_numpy()
    decided = emotion_decisions(emotion, x, table)
    gold_any = table["emotion"].fillna("").str.len().to_numpy() > 0
    return {
        "accuracy": float(right.mean()),
        "macro_f1": float(f1_score(truth, four, average="macro")),
        "accuracy_without_mixed": float(right[plain].mean()),
        "accuracy_by_language": {
            lang: float(right[rows].mean()) for lang, rows in table.groupby("lang").indices.items()
        },
        "accuracy_by_kind": {
            kind: float(right[rows].mean()) for kind, rows in table.groupby("kind").indices.items()
        },
        "factual_complaints_negative_recall": float((four[facts] == "negative").mean()),
        "gold_any_emotion": float(gold_any.mean()),
        "predicted_any_emotion": float(decided.any(axis=1).mean()),
        "emotion_none_agreement": float((decided.any(axis=1) == gold_any).mean()),
        "predicted_any_emotion_by_kind": {
            kind: float(decided[rows].any(axis=1).mean())
            for kind, rows in table.groupby("kind").indices.items()
        },
        "rows": len(table),
    }


def demo_rates(cache: Path, sentiment: Head, emotion: Head) -> dict[str, Any]:
    """Label frequencies on the bundled demo comments (no gold)."""
    table, x = load_part(cache, "demo")
    four = four_way(sentiment, table, x, sentiment_probs(sentiment, table, x))
    decided = emotion_decisions(emotion, x, table)
    return {
        "sentiment": {k: float((four == k).mean()) for k in [*SENTIMENT_LABELS, "mixed"]},
        "emotion": {name: float(decided[:, i].mean()) for i, name in enumerate(EMOTION_LABELS)},
        "no_emotion": float((~decided.any(axis=1)).mean()),
        "rows": len(x),
    }  # fmt: skip


#: Gate cuts of the trade-off curve (``--gate-curve``).
CURVE_CUTS = (0.05, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def gate_curve(cache: Path, emotion: Head) -> list[dict[str, float]]:
    """The gated head's any-emotion shares and BRIGHTER dev mean macro-F1 at other gate cuts
    (the shipped cut is chosen in ``train_emotion_gate.py``; this only shows the trade-off)."""
    shipped, rows = emotion.gate_cut, []
    try:
        for cut in sorted({*CURVE_CUTS, shipped}):
            emotion.gate_cut = cut
            goemotions = emotion_set(cache, "goemotions-dev", emotion)
            brighter = emotion_set(cache, "brighter-dev", emotion)
            rows.append({
                "cut": cut,
                "goemotions_dev_any_emotion": goemotions["predicted_any_emotion"],
                "goemotions_dev_macro_f1": goemotions["macro_f1"],
                "brighter_dev_mean_macro_f1": brighter["macro_f1_by_language"]["mean"],
                "brighter_dev_any_emotion": brighter["predicted_any_emotion"],
                "challenge_any_emotion": challenge_any(cache, emotion),
            })  # fmt: skip
    finally:
        emotion.gate_cut = shipped
    return rows


def challenge_any(cache: Path, emotion: Head) -> float:
    """Share of challenge-set comments with any emotion."""
    table, x = load_part(cache, "challenge")
    return float(emotion_decisions(emotion, x, table).any(axis=1).mean())


def evaluate(cache: Path, heads: Path, curve: bool = False) -> dict[str, Any]:
    """Every set's scores for the heads in `heads`."""
    sentiment, emotion = Head.load(heads, "sentiment"), Head.load(heads, "emotion")
    reader = mixed_head(str(heads), sentiment) if RULES["mixed_head"] else None
    MIXED_READER["head"] = reader
    available = {p.stem for p in cache.glob("*.npy")}
    report: dict[str, Any] = {"xlmt_val": xlmt(cache, sentiment)}
    for name in ("mobasa-heldout", "mobasa-test", "mams-val"):
        if name in available:
            report[name.replace("-", "_")] = polarity_set(cache, name, sentiment)
    for name in ("goemotions-dev", "brighter-dev"):
        if name in available:
            report[name.replace("-", "_")] = emotion_set(cache, name, emotion)
    if "challenge" in available:
        report["challenge"] = challenge(cache, sentiment, emotion)
    if "demo" in available:
        report["demo_label_rates"] = demo_rates(cache, sentiment, emotion)
    if curve and emotion.gate is not None:
        report["emotion_gate_curve"] = gate_curve(cache, emotion)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", required=True)
    parser.add_argument("--heads", required=True)
    parser.add_argument("--name", required=True, help="key of this run in --out")
    parser.add_argument("--out", default=None, help="JSON file to add this run to")
    parser.add_argument(
        "--gate-curve", action="store_true", help="also sweep the emotion gate's cut"
    )
    parser.add_argument(
        "--no-reply-rule", action="store_true",
        help="classify replies that judge nothing with the heads too (the stages answer them)",
    )  # fmt: skip
    parser.add_argument(
        "--no-effort-rule", action="store_true",
        help="keep the head's neutral for comments describing high effort (the stage: negative)",
    )  # fmt: skip
    parser.add_argument(
        "--no-complaint-rule", action="store_true",
        help="keep the head's neutral for comments stating a service failure "
        "(the stage's complaint_negative, on by default: negative)",
    )  # fmt: skip
    parser.add_argument(
        "--no-evaluative-rule", action="store_true",
        help="keep the head's reading of replies that only judge, such as 'super' or 'nul' "
        "(the stage's evaluative_replies, on by default: their polarity)",
    )  # fmt: skip
    parser.add_argument(
        "--no-irony-rule", action="store_true",
        help="keep the head's positive and joy for ironic praise (the stages' irony_negative "
        "and irony_anger: negative, anger)",
    )  # fmt: skip
    parser.add_argument(
        "--no-denial-rule", action="store_true",
        help="keep the head's negative for short denials of a problem "
        "(the stage's denials_positive: positive)",
    )  # fmt: skip
    parser.add_argument(
        "--no-language-thresholds", action="store_true",
        help="one set of emotion thresholds for every language (the stage: some languages' own)",
    )  # fmt: skip
    parser.add_argument(
        "--no-mixed-head", action="store_true",
        help="read mixed comments by the both-signs rule even when the folder has a mixed head",
    )  # fmt: skip
    args = parser.parse_args()
    RULES.update(
        language_thresholds=not args.no_language_thresholds,
        evaluative=not args.no_evaluative_rule,
        replies=not args.no_reply_rule,
        effort=not args.no_effort_rule,
        complaint=not args.no_complaint_rule,
        irony=not args.no_irony_rule,
        denials=not args.no_denial_rule,
        mixed_head=not args.no_mixed_head,
    )
    report = evaluate(Path(args.cache), Path(args.heads), args.gate_curve)
    print(json.dumps(report, indent=2))
    if args.out:
        path = Path(args.out)
        runs = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        runs[args.name] = {"heads": args.heads, **report}
        path.write_text(json.dumps(runs, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
