"""Scoring the sentiment and emotion stages on labelled data (what `feedback-nlp evaluate` runs).

A labelled frame needs a text column and labels: for sentiment one label column
(negative/neutral/positive, and ``mixed``: when the gold uses it, predictions are read four-way
with :func:`~feedback_nlp.stages.sentiment.sentiment_with_mixed`); for emotion either one label
column (labels joined by ``|`` or ``,``; ``neutral`` or empty for none) or one 0/1 column per
emotion (NaN: not annotated). A language column is optional. Rows without text (empty or
white space) are left out of the scores and counted apart (``rows_without_text``): the stages
call them neutral without reading anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.schema import (
    EMOTION_LABELS,
    LIST_SEP,
    NEUTRAL_EMOTION,
    SENTIMENT_LABELS,
    emotion_prob_columns,
    sentiment_prob_columns,
)
from feedback_nlp.stages.classifier import needs_model
from feedback_nlp.stages.sentiment import MIXED, sentiment_with_mixed

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


def read_labelled(path: Path) -> pd.DataFrame:
    """Read a labelled file by its extension."""
    if not path.exists():
        raise ReadError(path, "file not found")
    suffix = path.suffix.lower()
    encoding = _encoding_of(path) if suffix in (".csv", ".tsv") else None
    text_options = {"keep_default_na": False, "na_values": [""], "encoding": encoding}
    readers = {
        ".csv": lambda: pd.read_csv(path, **text_options),
        ".tsv": lambda: pd.read_csv(path, sep="\t", **text_options),
        ".jsonl": lambda: pd.read_json(path, lines=True),
        ".parquet": lambda: pd.read_parquet(path),
        ".xlsx": lambda: pd.read_excel(path),
    }
    if suffix not in readers:
        raise ReadError(
            path, f"unsupported extension '{suffix}'", hint=f"use one of {list(readers)}"
        )
    try:
        return readers[suffix]()
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ReadError(path, f"cannot be read as a {suffix} table: {error}") from None


def _encoding_of(path: Path) -> str:
    """The encoding of a text file as the reader detects it (a Google Play export is
    UTF-16: read as UTF-8 it was a traceback before stop 47)."""
    from feedback_nlp.io.encoding import detect_encoding

    with path.open("rb") as handle:
        return detect_encoding(handle.read(1 << 16), path)


def _column(frame: pd.DataFrame, name: str, path: Path) -> pd.Series:
    if name not in frame.columns:
        raise ReadError(path, f"no column '{name}' (columns: {list(frame.columns)})", field=name)
    return frame[name]


def sentiment_truth(frame: pd.DataFrame, label_col: str, path: Path) -> np.ndarray:
    """The sentiment labels, checked against the canonical set (plus ``mixed``)."""
    labels = _column(frame, label_col, path).astype("string").str.strip().str.lower()
    allowed = [*SENTIMENT_LABELS, MIXED]
    bad = labels[~labels.isin(allowed)]
    if len(bad):
        raise ReadError(
            path,
            f"label {bad.iloc[0]!r} is not one of {allowed}",
            line=int(bad.index[0]) + 2,
            field=label_col,
        )
    return labels.to_numpy(dtype=object)


def labels_from_stars(frame: pd.DataFrame, stars_col: str, path: Path) -> pd.Series:
    """Sentiment labels from 1-5 star ratings: 1-2 negative, 3 neutral, 4-5 positive (the
    binary reading then compares 1-2 with 4-5 stars). Anything but a whole number from 1 to
    5 is an error naming its line."""
    raw = _column(frame, stars_col, path)
    stars = pd.to_numeric(raw, errors="coerce")
    bad = stars[~stars.isin([1, 2, 3, 4, 5])]
    if len(bad):
        row = bad.index[0]
        raise ReadError(
            path, f"'{raw.loc[row]}' is not a star rating from 1 to 5",
            line=int(row) + 2, field=stars_col,
        )  # fmt: skip
    names = np.select([stars <= 2, stars == 3], ["negative", "neutral"], "positive")
    return pd.Series(names, index=frame.index, dtype=object)


def emotion_truth(frame: pd.DataFrame, label_col: str | None, path: Path) -> np.ndarray:
    """(rows, labels) 0/1 matrix, NaN for labels the file does not annotate."""
    if label_col is None:
        if not any(label in frame.columns for label in EMOTION_LABELS):
            raise ReadError(path, f"no label column and none of {list(EMOTION_LABELS)}")
        columns = [
            frame[label].astype(float) if label in frame else pd.Series(np.nan, index=frame.index)
            for label in EMOTION_LABELS
        ]
        return np.column_stack(columns)
    truth = np.zeros((len(frame), len(EMOTION_LABELS)))
    cells = _column(frame, label_col, path).fillna("")
    for row, (where, cell) in enumerate(cells.items()):  # `where`: the file's row (line - 2)
        for label in str(cell).replace(",", "|").split("|"):
            label = label.strip().lower()
            if not label or label == NEUTRAL_EMOTION:
                continue
            if label not in EMOTION_LABELS:
                line = int(where) + 2 if isinstance(where, int | np.integer) else row + 2
                raise ReadError(
                    path, f"emotion {label!r} is not one of {list(EMOTION_LABELS)}", line=line
                )
            truth[row, EMOTION_LABELS.index(label)] = 1.0
    truth[:, truth.sum(axis=0) == 0] = np.nan  # a label the file never uses: not annotated
    return truth


def rows_with_text(frame: pd.DataFrame, text_col: str, path: Path) -> tuple[pd.DataFrame, int]:
    """The rows of `frame` whose text is not empty or white space, and how many are left out."""
    texts = _column(frame, text_col, path).astype("string").str.strip()
    has_text = (texts.str.len() > 0).fillna(False).to_numpy(dtype=bool)
    if not has_text.any():
        raise ReadError(path, f"no row has a text in column '{text_col}'", field=text_col)
    return frame.loc[has_text], int((~has_text).sum())


def _table_for_stages(
    frame: pd.DataFrame, text_col: str, lang: np.ndarray | None, path: Path
) -> pd.DataFrame:
    texts = _column(frame, text_col, path).astype("string")
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(frame))], "text": texts, "text_clean": texts}
    )
    if lang is not None:
        table["lang"] = pd.array(lang, dtype="string")
    return table


def run_stage(stage_name: str, table: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """Run embed (for the default backend) and the named stage on `table`."""
    from feedback_nlp.stages import STAGES, Batch

    batch = Batch(table)
    stage = STAGES[stage_name](**options)
    if stage.requires_arrays or stage.requires_any_array:
        encoder = {k: options[k] for k in ("device", "quantize", "runtime") if k in options}
        branch = embed_branch(stage)
        arrays = "heads" if branch else "all"  # the head reads the branch's features alone
        batch = STAGES["embed"](**encoder, sentiment_branch=branch, arrays=arrays).transform(batch)
    return stage.transform(batch).table


def embed_branch(stage: Any) -> bool | str:
    """The embed stage's branch for evaluating a default-backend classifier `stage`: its heads
    folder's branch (True: the shipped one) when its head reads the branch, else none, so the
    encoder runs once either way."""
    from feedback_nlp.backends.branch import branch_folder
    from feedback_nlp.stages.embed import SENTIMENT_FEATURES

    if stage.head().reads != SENTIMENT_FEATURES:
        return False
    if stage.heads_dir:
        return branch_folder(stage.heads_dir) or False
    return True


def _tagged(
    stage_name: str,
    frame: pd.DataFrame,
    path: Path,
    text_col: str,
    lang_col: str | None,
    options: dict[str, Any],
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The table tagged by the named stage, and the language of each row (None without)."""
    langs = _column(frame, lang_col, path).astype(str).to_numpy() if lang_col else None
    table = _table_for_stages(frame, text_col, langs, path)
    return run_stage(stage_name, table, options), langs


def score_sentiment(
    frame: pd.DataFrame,
    path: Path,
    text_col: str,
    label_col: str,
    lang_col: str | None,
    options: dict[str, Any],
) -> dict[str, Any]:
    """Run the sentiment stage on `frame` (read from `path`) and score it against the gold."""
    frame, without_text = rows_with_text(frame, text_col, path)
    truth = sentiment_truth(frame, label_col, path)
    tagged, langs = _tagged("sentiment", frame, path, text_col, lang_col, options)
    predicted = tagged["sentiment"].to_numpy(dtype=object)
    scores = tagged["sentiment_score"].to_numpy(dtype=float)
    if MIXED in set(truth.tolist()):  # gold has mixed: read mixed comments as mixed
        p_mixed = tagged["p_mixed"].to_numpy(dtype=float) if "p_mixed" in tagged else None
        predicted = sentiment_with_mixed(tagged[sentiment_prob_columns()].to_numpy(), p_mixed)
    return {**sentiment_report(truth, predicted, langs, scores), "rows_without_text": without_text}


def score_emotion(
    frame: pd.DataFrame,
    path: Path,
    text_col: str,
    label_col: str | None,
    lang_col: str | None,
    options: dict[str, Any],
) -> dict[str, Any]:
    """Run the emotion stage on `frame` (read from `path`) and score it against the gold."""
    frame, without_text = rows_with_text(frame, text_col, path)
    truth = emotion_truth(frame, label_col, path)
    tagged, langs = _tagged("emotion", frame, path, text_col, lang_col, options)
    found = tagged["emotion"].str.split(LIST_SEP, regex=False)
    predicted = np.column_stack([found.apply(lambda v, e=e: e in v) for e in EMOTION_LABELS])
    replies_neutral = bool(options.get("replies_neutral", True))
    ran_model = tagged["text_clean"].fillna("").map(lambda t: needs_model(t, replies_neutral))
    unpredicted = [
        i
        for i, column in enumerate(emotion_prob_columns())
        if tagged.loc[ran_model, column].isna().all()
    ]
    truth[:, unpredicted] = np.nan  # the model has no such label: not scored
    if np.isnan(truth).all():
        raise ReadError(
            path, f"no emotion label is both annotated here and predicted by the model "
            f"(it predicts none of {[EMOTION_LABELS[i] for i in unpredicted]})",
        )  # fmt: skip
    report = emotion_report(truth, predicted.astype(int), langs)
    report["labels_not_predicted"] = [EMOTION_LABELS[i] for i in unpredicted]
    report["rows_without_text"] = without_text
    report.update(emotion_shares(truth, predicted.astype(int)))
    return report


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
