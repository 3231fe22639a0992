"""The complaint-style training/dev sets and the challenge set, as the training scripts use them.

The readers are the package's (:mod:`feedback_nlp.labelled_sets`, behind `feedback-nlp
evaluate set`); this module adds what training needs: the seeded train/held-out parts of the
MobASA dev file, a ``part`` column, GoEmotions' ``none`` (gold neutral) and the challenge set's
``sentiment`` column name. The files stay in the shared data folder (``--data`` /
``$FEEDBACK_NLP_DATA`` / ``../shared/data``); nothing is copied.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp import labelled_sets
from feedback_nlp.labelled_sets import CHALLENGE, EKMAN, mams_label

__all__ = ["CHALLENGE", "EKMAN", "EKMAN_LABELS", "SEED", "mams_label"]

SEED = 13
#: Share of the MobASA dev file (relevant documents) held out from training.
MOBASA_HELDOUT_SHARE = 0.25
EKMAN_LABELS = tuple(EKMAN)


def load_mobasa(data: Path, split: str) -> pd.DataFrame:
    """MobASA relevant documents: text, label (negative/neutral/positive), lang, part.

    ``split="dev"``: the dev file, with a seeded `part` of ``train`` / ``heldout``;
    ``split="test"``: the test file (part ``test``; never trained on).
    """
    frame = labelled_sets.load_mobasa(data, split)
    if split == "dev":
        held = np.random.default_rng(SEED).random(len(frame)) < MOBASA_HELDOUT_SHARE
        frame["part"] = np.where(held, "heldout", "train")
    else:
        frame["part"] = "test"
    return frame


def load_mams(data: Path, split: str) -> pd.DataFrame:
    """MAMS-ACSA sentences: text, label (negative/neutral/positive/mixed), lang, part."""
    return labelled_sets.load_mams(data, split).assign(part=split)


def load_goemotions(data: Path, split: str) -> pd.DataFrame:
    """GoEmotions: text, one 0/1 column per Ekman label (anticipation/trust: NaN unless the
    comment is neutral, then 0), ``none`` (gold neutral), lang, part."""
    frame = labelled_sets.load_goemotions(data, split)
    frame["none"] = frame[list(EKMAN_LABELS)].sum(axis=1) == 0
    return frame.assign(part=split)


def load_challenge(path: Path = CHALLENGE) -> pd.DataFrame:
    """The project's challenge set: text, lang, kind, sentiment, emotion (labels joined by
    ``|``; empty = no emotion), one 0/1 column per emotion."""
    return labelled_sets.load_challenge(path).rename(columns={"label": "sentiment"})
