"""Mixed comments: ones that praise and complain ("lovely staff, but we waited an hour").

The ``sentiment`` column stays three-way. Stage "sentiment" also writes ``p_mixed``, the
probability that the comment is mixed, from the **mixed head** (``mixed.safetensors`` +
``.json`` in the heads folder; since stop 30): a logistic regression on the features the
sentiment head reads and the log of that head's three probabilities (:func:`mixed_inputs`),
trained on MAMS sentences by scripts/train_mixed_head.py. A comment
is read ``mixed`` when ``p_mixed`` reaches :data:`MIXED_CUT`. Without a mixed head (an older
heads folder, the transformers backend, sentence level) ``p_mixed`` is NaN and the reading
falls back to the earlier rule: both p_negative and p_positive reach :data:`MIXED_MIN`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR, Head
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.replies import reply_polarity

MIXED = "mixed"
#: File name (without suffix) of the mixed head in a heads folder.
MIXED_HEAD = "mixed"
#: ``p_mixed`` at or above this reads ``mixed``.
MIXED_CUT = 0.5
#: Probabilities are clipped to this before their log enters the mixed head.
PROBABILITY_FLOOR = 1e-6
#: Without a mixed head: ``mixed`` when both p_negative and p_positive reach this share; a
#: fixed choice (not tuned), see docs/sentiment_emotion.md.
MIXED_MIN = 0.3


def sentiment_with_mixed(
    probabilities: np.ndarray,
    p_mixed: np.ndarray | None = None,
    minimum: float = MIXED_MIN,
    cut: float = MIXED_CUT,
) -> np.ndarray:
    """Four-way labels from (rows, SENTIMENT_LABELS) probabilities: ``mixed`` where `p_mixed`
    reaches `cut`, else the most probable class; rows without a finite `p_mixed` (or all rows
    when it is None) are ``mixed`` where both p_negative and p_positive reach `minimum`."""
    names = np.array(SENTIMENT_LABELS, dtype=object)[probabilities.argmax(axis=1)]
    negative = probabilities[:, SENTIMENT_LABELS.index("negative")]
    positive = probabilities[:, SENTIMENT_LABELS.index("positive")]
    by_rule = (negative >= minimum) & (positive >= minimum)
    if p_mixed is None:
        return np.where(by_rule, MIXED, names)
    p_mixed = np.asarray(p_mixed, dtype=np.float64)
    known = np.isfinite(p_mixed)
    mixed = np.where(known, np.nan_to_num(p_mixed) >= cut, by_rule)
    return np.where(mixed, MIXED, names)


def mixed_inputs(features: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """The mixed head's input: the sentiment head's `features` and the log of its
    `probabilities` (before the stage's rules), side by side."""
    floor = np.clip(probabilities, PROBABILITY_FLOOR, 1.0)
    return np.hstack([features, np.log(floor)]).astype(np.float32)


def mixed_head(folder: str | None, sentiment: Head) -> Head | None:
    """The mixed head of a heads folder (None when it has none); it must read what the
    folder's `sentiment` head reads, plus that head's probabilities."""
    width = sentiment.input_dim + len(sentiment.labels)
    return _mixed_head(folder, sentiment.reads, width)


@lru_cache(maxsize=8)
def _mixed_head(folder: str | None, reads: str, width: int) -> Head | None:
    path = Path(folder) if folder else DEFAULT_HEADS_DIR
    if not (path / f"{MIXED_HEAD}.json").exists():
        return None
    head = Head.load(path, MIXED_HEAD)
    if head.output != "sigmoid" or head.labels != (MIXED,):
        raise ConfigError(f"{path / MIXED_HEAD}.json: a mixed head has the one label 'mixed'")
    if head.reads != reads or head.input_dim != width:
        raise ConfigError(
            f"{path / MIXED_HEAD}.json: the mixed head reads {head.reads} ({head.input_dim} "
            f"wide); the sentiment head's {reads} and probabilities are {width} wide: train "
            "it with scripts/train_mixed_head.py on this folder"
        )
    return head


def judged_only(texts: Sequence[str], evaluative_replies: bool = True) -> np.ndarray:
    """True for each text that is nothing but one judgement ("super", "nul") when the stage
    reads such replies by their polarity (`evaluative_replies`): those are not mixed."""
    return np.array(
        [evaluative_replies and reply_polarity(text) is not None for text in texts], dtype=bool
    )


def mixed_probabilities(
    head: Head | None,
    features: np.ndarray | None,
    probabilities: np.ndarray,
    read: np.ndarray,
    judged_only: np.ndarray,
) -> np.ndarray:
    """``p_mixed`` per comment: the head on the `features` and sentiment `probabilities` of
    the `read` rows (the rows the sentiment model read, in order); 0 for the others (no text,
    replies that judge nothing) and for `judged_only` rows (replies that are nothing but one
    judgement: "super", "nul"); NaN everywhere without a head or features."""
    out = np.full(len(read), np.nan)
    if head is None or features is None:
        return out
    out[:] = 0.0
    if read.any():
        out[read] = head.predict_proba(mixed_inputs(features, probabilities))[:, 0]
    out[judged_only] = 0.0
    return out
