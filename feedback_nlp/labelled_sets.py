"""The public labelled sets of the shared data folder, and the project's challenge set, by name.

`feedback-nlp evaluate set NAME` reads one of :data:`SETS` from the data folder (``--data``,
``$FEEDBACK_NLP_DATA`` or ``../shared/data``; see its README for licences) and scores the
sentiment or emotion stage on it, so each number in docs/sentiment_emotion.md is one command.
The files stay where they are: nothing is copied into the project.

Every reader returns a frame with ``text`` and ``lang`` and, for sentiment, ``label``
(negative/neutral/positive, and ``mixed`` where the set has it); for emotion one 0/1 column per
emotion the set annotates (NaN where it does not).
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS

#: The project's challenge set (written for the project; measured, never trained on).
CHALLENGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "challenge_sentiment.jsonl"
XLMT_LANGUAGES = {
    "arabic": "ar", "english": "en", "french": "fr", "german": "de",
    "hindi": "hi", "italian": "it", "portuguese": "pt", "spanish": "es",
}  # fmt: skip
#: BRIGHTER track A languages the docs report (file code -> ISO 639-1).
BRIGHTER_LANGUAGES = {"eng": "en", "deu": "de", "esp": "es", "rus": "ru", "ron": "ro", "ukr": "uk"}
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


def default_data_dir() -> Path:
    """``$FEEDBACK_NLP_DATA``, else ``../shared/data`` from the working directory."""
    return Path(os.environ.get("FEEDBACK_NLP_DATA") or Path.cwd().parent / "shared" / "data")


def _require(path: Path) -> Path:
    if not path.exists():
        hint = "pass --data (the shared data folder)"
        if path == CHALLENGE:
            hint = (
                "the challenge set is test data of the source: clone the repository and "
                "install it with `pip install -e .`"
            )
        raise ReadError(path, "labelled set not found", hint=hint)
    return path


def load_xlmt(data: Path, split: str = "val") -> pd.DataFrame:
    """XLM-T tweet sentiment, 8 languages: text, label, lang."""
    frames = []
    for folder, lang in XLMT_LANGUAGES.items():
        base = data / "sentiment" / "xlm-t" / folder
        label_file = base / f"{split}_labels.txt"
        texts = _require(base / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = _require(label_file).read_text(encoding="utf-8").splitlines()
        if len(texts) != len(labels):
            raise ReadError(label_file, f"{len(labels)} labels for {len(texts)} texts")
        names = [SENTIMENT_LABELS[int(label)] for label in labels]
        frames.append(pd.DataFrame({"text": texts, "label": names, "lang": lang}))
    return pd.concat(frames, ignore_index=True)


def load_brighter(data: Path, split: str = "dev") -> pd.DataFrame:
    """BRIGHTER track A (:data:`BRIGHTER_LANGUAGES`): text, 0/1 per emotion, lang."""
    frames = []
    for code, lang in BRIGHTER_LANGUAGES.items():
        path = _require(data / "emotion" / "brighter" / split / f"{code}.csv")
        frame = pd.read_csv(path, keep_default_na=False)
        for label in EMOTION_LABELS:
            frame[label] = frame[label].astype(float) if label in frame else np.nan
        frames.append(frame[["text", *EMOTION_LABELS]].assign(lang=lang))
    return pd.concat(frames, ignore_index=True)


def load_mobasa(data: Path, split: str = "test") -> pd.DataFrame:
    """MobASA relevant documents (German public-transport feedback): text, label, lang."""
    path = _require(data / "sentiment" / "mobasa" / "corpus" / f"{split}-sim3s-mobasa_v1.xml")
    rows = []
    for doc in ET.parse(path).getroot().iter("Document"):
        if (doc.findtext("relevance") or "").strip().lower() != "true":
            continue
        label = (doc.findtext("sentiment") or "").strip().lower()
        text = (doc.findtext("text") or "").strip()
        if label in SENTIMENT_LABELS and text:
            rows.append((text, label))
    return pd.DataFrame(rows, columns=["text", "label"]).assign(lang="de")


def mams_label(polarities: list[str]) -> str:
    """Sentence label from its aspect polarities: both signs -> mixed, else the sign present."""
    negative, positive = "negative" in polarities, "positive" in polarities
    if negative and positive:
        return "mixed"
    return "negative" if negative else "positive" if positive else "neutral"


def load_mams(data: Path, split: str = "val") -> pd.DataFrame:
    """MAMS-ACSA review sentences: text, label from the aspect polarities (mixed), lang."""
    path = _require(data / "themes" / "mams" / "data" / "MAMS-ACSA" / "raw" / f"{split}.xml")
    rows = []
    for sentence in ET.parse(path).getroot().iter("sentence"):
        polarities = [a.get("polarity", "") for a in sentence.iter("aspectCategory")]
        rows.append(((sentence.findtext("text") or "").strip(), mams_label(polarities)))
    return pd.DataFrame(rows, columns=["text", "label"]).assign(lang="en")


def load_steam_reviews(data: Path, split: str = "test") -> pd.DataFrame:
    """Steam game reviews (English) with their writer's own verdict: text (the data set's
    cleaned review), label (positive: recommended, negative: not), lang. The only
    whole-review polarity in the data folder: a stand-in for 1-2 vs 4-5 star reviews."""
    path = _require(data / "themes" / "steam-review-aspects" / "dataset" / "v1" / f"{split}.csv")
    frame = pd.read_csv(path, keep_default_na=False)
    for column in ("cleaned_review", "label_recommended"):
        if column not in frame:
            raise ReadError(path, f"no column '{column}'", field=column)
    recommended = pd.to_numeric(frame["label_recommended"], errors="coerce")
    bad = recommended[~recommended.isin([0, 1])]
    if len(bad):
        raise ReadError(path, "label_recommended is not 0 or 1", line=int(bad.index[0]) + 2)
    label = np.where(recommended == 1, "positive", "negative")
    return pd.DataFrame({"text": frame["cleaned_review"], "label": label, "lang": "en"})


def load_goemotions(data: Path, split: str = "dev") -> pd.DataFrame:
    """GoEmotions mapped to Ekman: text, 0/1 per Ekman emotion (anticipation and trust 0 on
    neutral comments, else NaN: not annotated), lang."""
    base = data / "emotion" / "goemotions" / "data" / "original"
    names = _require(base / "labels.txt").read_text(encoding="utf-8").split()
    raw = pd.read_csv(
        _require(base / f"{split}.tsv"), sep="\t", header=None, names=["text", "ids", "id"],
        quoting=3, dtype=str, keep_default_na=False,
    )  # fmt: skip
    gold = raw["ids"].str.split(",").apply(lambda ids: {names[int(i)] for i in ids})
    frame = pd.DataFrame({"text": raw["text"]})
    for label, members in EKMAN.items():
        frame[label] = gold.apply(lambda found, m=members: float(bool(found & set(m))))
    none = frame[list(EKMAN)].sum(axis=1) == 0
    for label in EMOTION_LABELS:
        if label not in EKMAN:
            frame[label] = np.where(none, 0.0, np.nan)
    return frame.assign(lang="en")


def load_challenge(path: Path = CHALLENGE) -> pd.DataFrame:
    """The challenge set: text, lang, kind, label (sentiment, with mixed), 0/1 per emotion."""
    rows = []
    for number, line in enumerate(_require(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReadError(path, f"not JSON ({exc})", line=number) from exc
        missing = {"text", "lang", "sentiment", "emotion"} - set(record)
        if missing:
            raise ReadError(path, f"missing fields {sorted(missing)}", line=number)
        rows.append(record)
    frame = pd.DataFrame(rows).rename(columns={"sentiment": "label"})
    gold = frame["emotion"].fillna("").str.split("|")
    for label in EMOTION_LABELS:
        frame[label] = gold.apply(lambda found, x=label: float(x in found))
    return frame


@dataclass(frozen=True)
class LabelledSet:
    """A named set: which stage it measures and how to read it from the data folder."""

    name: str
    task: str  # "sentiment" or "emotion"
    read: Callable[[Path], pd.DataFrame]
    description: str


SETS: dict[str, LabelledSet] = {
    s.name: s
    for s in (
        LabelledSet("xlmt-val", "sentiment", load_xlmt, "XLM-T tweets, 8 languages, val split"),
        LabelledSet("mobasa-test", "sentiment", load_mobasa, "MobASA test, German feedback"),
        LabelledSet(
            "mobasa-dev", "sentiment", lambda d: load_mobasa(d, "dev"), "MobASA dev (trained on)"
        ),
        LabelledSet("mams-val", "sentiment", load_mams, "MAMS review sentences, val, with mixed"),
        LabelledSet(
            "mams-test", "sentiment", lambda d: load_mams(d, "test"), "MAMS sentences, test"
        ),
        LabelledSet(
            "steam-reviews", "sentiment", load_steam_reviews,
            "Steam reviews, recommended or not (binary), test split",
        ),
        LabelledSet(
            "steam-reviews-train", "sentiment", lambda d: load_steam_reviews(d, "train"),
            "Steam reviews, recommended or not (binary), train split",
        ),
        LabelledSet("brighter-dev", "emotion", load_brighter, "BRIGHTER dev, 6 languages"),
        LabelledSet("goemotions-dev", "emotion", load_goemotions, "GoEmotions dev, Ekman"),
        LabelledSet(
            "challenge-sentiment", "sentiment", lambda _: load_challenge(),
            "the project's challenge set (tests/data of a source checkout), with mixed",
        ),
        LabelledSet(
            "challenge-emotion", "emotion", lambda _: load_challenge(),
            "the project's challenge set (tests/data of a source checkout)",
        ),
    )
}  # fmt: skip


def load_set(name: str, data: Path | None = None) -> tuple[LabelledSet, pd.DataFrame]:
    """The named set and its frame, read from `data` (default :func:`default_data_dir`)."""
    if name not in SETS:
        raise ReadError(Path(name), f"unknown set; one of {sorted(SETS)}")
    labelled = SETS[name]
    return labelled, labelled.read(data or default_data_dir())
