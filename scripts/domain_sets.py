"""Readers for the complaint-style training/dev sets and the project's challenge set.

MobASA (German public-transport feedback, document sentiment), MAMS (English review sentences,
aspect polarity aggregated to a sentence label) and GoEmotions (English, 27 emotions + neutral,
mapped to the project's labels through the Ekman grouping). The files stay in the shared data
folder (``--data`` / ``$FEEDBACK_NLP_DATA`` / ``../shared/data``); nothing is copied.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.schema import EMOTION_LABELS

SEED = 13
ROOT = Path(__file__).resolve().parent.parent
CHALLENGE = ROOT / "tests" / "data" / "challenge_sentiment.jsonl"
#: Share of the MobASA dev file (relevant documents) held out from training.
MOBASA_HELDOUT_SHARE = 0.25
#: GoEmotions' Ekman grouping (from the data set's ekman_mapping.json); neutral = no emotion.
EKMAN = {
    "anger": ("anger", "annoyance", "disapproval"),
    "disgust": ("disgust",),
    "fear": ("fear", "nervousness"),
    "joy": (
        "joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism",
        "relief", "pride", "admiration", "desire", "caring",
    ),
    "sadness": ("sadness", "disappointment", "embarrassment", "grief", "remorse"),
    "surprise": ("surprise", "realization", "confusion", "curiosity"),
}  # fmt: skip
EKMAN_LABELS = tuple(EKMAN)


def load_mobasa(data: Path, split: str) -> pd.DataFrame:
    """MobASA relevant documents: text, label (negative/neutral/positive), lang, part.

    ``split="dev"``: the dev file, with a seeded `part` of ``train`` / ``heldout``;
    ``split="test"``: the test file (part ``test``; never trained on).
    """
    path = data / "sentiment" / "mobasa" / "corpus" / f"{split}-sim3s-mobasa_v1.xml"
    rows = []
    for doc in ET.parse(path).getroot().iter("Document"):
        if (doc.findtext("relevance") or "").strip().lower() != "true":
            continue
        label = (doc.findtext("sentiment") or "").strip().lower()
        text = (doc.findtext("text") or "").strip()
        if label in ("negative", "neutral", "positive") and text:
            rows.append((text, label))
    frame = pd.DataFrame(rows, columns=["text", "label"]).assign(lang="de")
    if split == "dev":
        held = np.random.default_rng(SEED).random(len(frame)) < MOBASA_HELDOUT_SHARE
        frame["part"] = np.where(held, "heldout", "train")
    else:
        frame["part"] = "test"
    return frame


def mams_label(polarities: list[str]) -> str:
    """Sentence label from its aspect polarities: both signs -> mixed, else the sign present."""
    negative, positive = "negative" in polarities, "positive" in polarities
    if negative and positive:
        return "mixed"
    return "negative" if negative else "positive" if positive else "neutral"


def load_mams(data: Path, split: str) -> pd.DataFrame:
    """MAMS-ACSA sentences: text, label (negative/neutral/positive/mixed), lang, part."""
    path = data / "themes" / "mams" / "data" / "MAMS-ACSA" / "raw" / f"{split}.xml"
    rows = []
    for sentence in ET.parse(path).getroot().iter("sentence"):
        polarities = [a.get("polarity", "") for a in sentence.iter("aspectCategory")]
        rows.append(((sentence.findtext("text") or "").strip(), mams_label(polarities)))
    return pd.DataFrame(rows, columns=["text", "label"]).assign(lang="en", part=split)


def load_goemotions(data: Path, split: str) -> pd.DataFrame:
    """GoEmotions: text, one 0/1 column per Ekman label (anticipation/trust: NaN unless the
    comment is neutral, then 0), ``none`` (gold neutral), lang, part."""
    base = data / "emotion" / "goemotions" / "data" / "original"
    names = (base / "labels.txt").read_text(encoding="utf-8").split()
    raw = pd.read_csv(
        base / f"{split}.tsv", sep="\t", header=None, names=["text", "ids", "id"],
        quoting=3, dtype=str, keep_default_na=False,
    )  # fmt: skip
    gold = raw["ids"].str.split(",").apply(lambda ids: {names[int(i)] for i in ids})
    frame = pd.DataFrame({"text": raw["text"]})
    for label, members in EKMAN.items():
        frame[label] = gold.apply(lambda g, m=members: float(bool(g & set(m))))
    frame["none"] = frame[list(EKMAN_LABELS)].sum(axis=1) == 0
    for label in EMOTION_LABELS:
        if label not in EKMAN:
            frame[label] = np.where(frame["none"], 0.0, np.nan)
    return frame.assign(lang="en", part=split)


def load_challenge(path: Path = CHALLENGE) -> pd.DataFrame:
    """The project's challenge set: text, lang, kind, sentiment, emotion (labels joined by
    ``|``; empty = no emotion)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc})") from exc
        missing = {"text", "lang", "kind", "sentiment", "emotion"} - set(record)
        if missing:
            raise ValueError(f"{path}:{number}: missing fields {sorted(missing)}")
        rows.append(record)
    frame = pd.DataFrame(rows)
    for label in EMOTION_LABELS:
        frame[label] = frame["emotion"].apply(lambda e, x=label: float(x in e.split("|")))
    return frame
