"""Labelled theme sets for scripts/eval_themes.py, read from ../shared/data (never copied).

Each loader returns a feedback table (`response_id`, `text`) with `gold` (list of gold
labels per comment, possibly empty) and `lang_hint`; the sets with aspect polarity (MAMS,
MobASA) also `gold_negative`, the aspects a comment is negative about.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pandas as pd

STEAM_ASPECTS = ("story", "gameplay", "visual", "audio", "technical", "price", "suggestion")


def banking77(data: Path, split: str = "test") -> pd.DataFrame:
    """BANKING77 test: 3,080 customer-service queries, one of 77 intents each."""
    frame = pd.read_csv(data / f"themes/banking77-nlupp/banking_data/{split}.csv")
    return _table(frame["text"], frame["category"].map(lambda c: [c]), "en", "b77")


def mams(data: Path, split: str = "test") -> pd.DataFrame:
    """MAMS ACSA test: 400 restaurant-review sentences, 2+ aspect categories each."""
    root = ET.parse(data / f"themes/mams/data/MAMS-ACSA/raw/{split}.xml").getroot()
    texts, gold, negative = [], [], []
    for sentence in root.iter("sentence"):
        texts.append(sentence.findtext("text") or "")
        aspects = list(sentence.iter("aspectCategory"))
        gold.append(sorted({a.get("category", "") for a in aspects}))
        negative.append(sorted({a.get("category", "") for a in aspects if _negative(a)}))
    table = _table(pd.Series(texts), pd.Series(gold), "en", "mams")
    return table.assign(gold_negative=negative)


def mobasa(data: Path, split: str = "test") -> pd.DataFrame:
    """MobASA test, relevant documents: German public-transport feedback, aspect categories."""
    path = data / f"sentiment/mobasa/corpus/{split}-sim3s-mobasa_v1.xml"
    texts, gold, negative = [], [], []
    for document in ET.parse(path).getroot().iter("Document"):
        if document.findtext("relevance") != "true":
            continue
        texts.append(document.findtext("text") or "")
        opinions = list(document.iter("Opinion"))
        aspects = {o.get("category", "").split("#")[0] for o in opinions}
        gold.append(sorted(a for a in aspects if a))
        bad = {o.get("category", "").split("#")[0] for o in opinions if _negative(o)}
        negative.append(sorted(a for a in bad if a))
    table = _table(pd.Series(texts), pd.Series(gold), "de", "mobasa")
    return table.assign(gold_negative=negative)


def _negative(element: ET.Element) -> bool:
    return (element.get("polarity") or "").lower() == "negative"


def steam(data: Path, split: str = "test") -> pd.DataFrame:
    """Steam review aspects test: 200 long English game reviews, 7 content aspects."""
    frame = pd.read_csv(data / f"themes/steam-review-aspects/dataset/v1/{split}.csv")
    gold = frame.apply(lambda r: [a for a in STEAM_ASPECTS if r[f"label_{a}"] == 1], axis=1)
    return _table(frame["review"].astype(str), gold, "en", "steam")


def _table(texts: pd.Series, gold: pd.Series, lang: str, prefix: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": pd.array([f"{prefix}-{i}" for i in range(len(texts))], dtype="string"),
            "text": pd.array(texts.astype(str).tolist(), dtype="string"),
            "lang_hint": pd.array([lang] * len(texts), dtype="string"),
            "gold": list(gold),
        }
    )


def demo(_: Path) -> pd.DataFrame:
    """The bundled demo data (written by us: a smoke test), gold = its planted themes."""
    from feedback_nlp.io import read_many
    from feedback_nlp.pipeline import demo_files
    from feedback_nlp.schema import split_list

    table = read_many(demo_files()).table
    gold = table["true_themes"].map(lambda c: split_list(c) if isinstance(c, str) else [])
    return table.assign(gold=list(gold))


# The split of each set a theme space may learn from (`scripts/eval_themes.py --theme-space`).
TRAINING_SPLITS = {"banking77": "train", "mams": "train", "mobasa": "dev", "steam": "train"}

SETS: dict[str, Callable[..., pd.DataFrame]] = {
    "banking77": banking77,
    "mams": mams,
    "mobasa": mobasa,
    "steam": steam,
    "demo": demo,
}
