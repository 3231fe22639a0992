"""Scoring the sentiment and emotion stages on labelled data (what `feedback-nlp evaluate` runs).

A labelled frame needs a text column and labels: for sentiment one label column
(negative/neutral/positive, and ``mixed``: when the gold uses it, predictions are read four-way
with :func:`~feedback_nlp.stages.sentiment.sentiment_with_mixed`); for emotion either one label
column (labels joined by ``|`` or ``,``; ``neutral`` or empty for none) or one 0/1 column per
emotion (NaN: not annotated). A language column is optional. Rows without text (empty or
white space) are left out of the scores and counted apart (``rows_without_text``): the stages
call them neutral without reading anything.

The gold is read by :mod:`feedback_nlp.evaluation_gold` and scored by
:mod:`feedback_nlp.evaluation_metrics`; their names are importable from here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.evaluation_gold import (
    _column,
    emotion_truth,
    labels_from_stars,
    read_labelled,
    rows_with_text,
    sentiment_truth,
)
from feedback_nlp.evaluation_metrics import (
    ALL_LANGUAGES,
    binary_report,
    emotion_report,
    emotion_shares,
    sentiment_report,
)
from feedback_nlp.schema import (
    EMOTION_LABELS,
    LIST_SEP,
    emotion_prob_columns,
    sentiment_prob_columns,
)
from feedback_nlp.stages.classifier import needs_model
from feedback_nlp.stages.sentiment import MIXED, sentiment_with_mixed

__all__ = [
    "ALL_LANGUAGES",
    "binary_report",
    "embed_branch",
    "emotion_report",
    "emotion_shares",
    "emotion_truth",
    "labels_from_stars",
    "read_labelled",
    "rows_with_text",
    "run_stage",
    "score_emotion",
    "score_sentiment",
    "sentiment_report",
    "sentiment_truth",
]


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
