"""The scores of `feedback-nlp evaluate`: macro-F1, accuracy and the confusion matrix of the
sentiment stage (with the binary reading of its score), macro-F1 of the emotion stage per
language and per label, and the shares of comments given an emotion."""

from __future__ import annotations

from typing import Any

import numpy as np

from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS
from feedback_nlp.stages.sentiment import MIXED

ALL_LANGUAGES = "all"


def sentiment_report(
    truth: np.ndarray,
    predicted: np.ndarray,
    langs: np.ndarray | None = None,
    scores: np.ndarray | None = None,
) -> dict[str, Any]:
    """Macro-F1 per language and overall, accuracy and the confusion matrix (rows: truth);
    with `scores` (p_positive − p_negative), the binary reading too (:func:`binary_report`)."""
    from sklearn.metrics import confusion_matrix, f1_score

    langs = langs if langs is not None else np.full(len(truth), ALL_LANGUAGES)
    per_language = {
        str(lang): float(f1_score(truth[langs == lang], predicted[langs == lang], average="macro"))
        for lang in sorted(set(langs.tolist()))
    }
    classes = [*SENTIMENT_LABELS, *([MIXED] if MIXED in set(truth.tolist()) else [])]
    matrix = confusion_matrix(truth, predicted, labels=classes)
    report = {
        "rows": len(truth),
        "macro_f1": float(f1_score(truth, predicted, average="macro")),
        "mean_macro_f1_over_languages": float(np.mean(list(per_language.values()))),
        "accuracy": float((truth == predicted).mean()),
        "macro_f1_by_language": per_language,
        "confusion": {"labels": classes, "matrix": matrix.tolist()},
    }
    if scores is not None:
        report.update(binary_report(truth, scores, langs))
    return report


def binary_report(truth: np.ndarray, scores: np.ndarray, langs: np.ndarray) -> dict[str, Any]:
    """How well the sign of `scores` (p_positive − p_negative) separates the gold negative
    rows from the gold positive ones, as a 1-2 vs 4-5 star review test reads a model: accuracy
    overall and per language, the recall of each side (a score of exactly 0 is wrong) and
    their mean, the balanced accuracy, which a shift towards the more frequent side cannot
    raise."""
    polar = np.isin(truth, ["negative", "positive"])
    if not polar.any():
        return {}
    right = np.where(truth == "positive", scores > 0, scores < 0)
    by_language = {
        str(lang): float(right[polar & (langs == lang)].mean())
        for lang in sorted(set(langs[polar].tolist()))
    }
    recall = {
        side: float(right[truth == side].mean()) if (truth == side).any() else None
        for side in ("negative", "positive")
    }
    sides = [value for value in recall.values() if value is not None]
    return {
        "binary_rows": int(polar.sum()),
        "binary_accuracy": float(right[polar].mean()),
        "binary_balanced_accuracy": float(np.mean(sides)),
        "binary_accuracy_by_language": by_language,
        "binary_recall": recall,
    }


def emotion_report(
    truth: np.ndarray, predicted: np.ndarray, langs: np.ndarray | None = None
) -> dict[str, Any]:
    """Macro-F1 over the labels each language annotates (NaN = not annotated) and per label."""
    from sklearn.metrics import f1_score

    langs = langs if langs is not None else np.full(len(truth), ALL_LANGUAGES)

    def macro(rows: np.ndarray) -> float:
        present = [i for i in range(truth.shape[1]) if not np.isnan(truth[rows, i]).any()]
        if not present:
            raise ValueError("no emotion label is both annotated in the file and predicted")
        return float(
            f1_score(
                truth[np.ix_(rows, present)].astype(int),
                predicted[np.ix_(rows, present)],
                average="macro",
                zero_division=0,
            )
        )

    per_language = {str(lang): macro(langs == lang) for lang in sorted(set(langs.tolist()))}
    per_label = {}
    for i, label in enumerate(EMOTION_LABELS):
        known = ~np.isnan(truth[:, i])
        if known.any():
            per_label[label] = float(
                f1_score(truth[known, i].astype(int), predicted[known, i], zero_division=0)
            )
    return {
        "rows": len(truth),
        "mean_macro_f1_over_languages": float(np.mean(list(per_language.values()))),
        "macro_f1_by_language": per_language,
        "f1_by_label": per_label,
    }


def emotion_shares(truth: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    """Share of comments with any emotion (gold: over the scored labels) and per label."""
    scored = ~np.isnan(truth).all(axis=0)
    gold_any = np.nan_to_num(truth[:, scored]).max(axis=1) > 0
    return {
        "any_emotion_share": {
            "gold": float(gold_any.mean()),
            "predicted": float(predicted[:, scored].max(axis=1).mean()),
        },
        "predicted_share_by_label": {
            label: float(predicted[:, i].mean()) for i, label in enumerate(EMOTION_LABELS)
        },
    }
