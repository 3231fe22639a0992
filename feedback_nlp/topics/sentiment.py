"""Theme-level sentiment: the polarity of the part of a comment that raises each theme.

"Lovely staff, but we waited an hour" is positive on staff and negative on waiting. Each
(comment, theme) pair of `theme_mentions` carries the sentiment of its raising unit: the
comment's own `sentiment` when the unit is the whole comment, else the default sentiment
model run on the unit. The unit was already encoded for the themes, and `UnitEncoder`
keeps every array the embed stage produced for it, so the sentiment head costs no second
encoder pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from feedback_nlp.backends.theme_pooling import THEME_ARRAY

if TYPE_CHECKING:
    from feedback_nlp.topics.model import ThemeModel

MENTION_TABLE_COLUMNS = (
    "response_id",
    "theme",
    "theme_label",
    "category",
    "unit_text",
    "similarity",
    "whole_comment",
    "sentiment",
)


class UnitEncoder:
    """Embeds texts with the default embed stage; remembers every array made for each text.
    Called, it returns the `array` the themes read (``theme_embedding`` by default)."""

    def __init__(self, array: str = THEME_ARRAY) -> None:
        self.array_name = array
        self._index: dict[str, int] = {}
        self._arrays: dict[str, list[np.ndarray]] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        """The L2-normalised embeddings of `texts` (encoded once per distinct text)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._index]
        if new:
            self._encode(new)
        rows = [self._index[t] for t in texts]
        return self.array(self.array_name, rows)

    def _encode(self, texts: list[str]) -> None:
        from feedback_nlp.stages.base import Batch
        from feedback_nlp.stages.embed import EmbedStage

        table = pd.DataFrame({"text_clean": pd.array(texts, dtype="string")})
        batch = EmbedStage().transform(Batch(table))
        start = len(self._index)
        for offset, text in enumerate(texts):
            self._index[text] = start + offset
        for name, array in batch.arrays.items():
            self._arrays.setdefault(name, []).append(np.asarray(array))

    def array(self, name: str, rows: list[int]) -> np.ndarray:
        """Rows of one remembered array (by encoding order)."""
        parts = self._arrays.get(name)
        if not parts:
            return np.zeros((len(rows), 0), dtype=np.float32)
        return np.concatenate(parts)[rows] if rows else parts[0][:0]

    def arrays_for(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Every remembered array for `texts`, encoding the ones not seen yet."""
        self(texts)
        rows = [self._index[t] for t in texts]
        return {name: self.array(name, rows) for name in self._arrays}


def mention_table(
    model: ThemeModel,
    table: pd.DataFrame,
    mentions: pd.DataFrame,
    encoder: UnitEncoder,
    with_sentiment: bool,
) -> pd.DataFrame:
    """One row per (comment, theme): response_id, theme, names, raising unit, sentiment."""
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in MENTION_TABLE_COLUMNS})
    rows = mentions["row"].to_numpy()
    ids = table["response_id"].astype(str).to_numpy() if "response_id" in table else rows
    frame = pd.DataFrame(
        {
            "response_id": pd.array([str(ids[r]) for r in rows], dtype="string"),
            "theme": pd.array(mentions["theme"].to_numpy(), dtype="Int64"),
            "theme_label": pd.array([model.label_of(t) for t in mentions["theme"]], "string"),
            "category": pd.array([model.category_of(t) for t in mentions["theme"]], "string"),
            "unit_text": pd.array(mentions["text"].astype(str).tolist(), dtype="string"),
            "similarity": mentions["similarity"].astype("float64").clip(0, 1).to_numpy(),
            "whole_comment": mentions["whole"].astype(bool).to_numpy(),
        }
    )
    frame["sentiment"] = _mention_sentiment(table, mentions, encoder, with_sentiment)
    return frame


def _mention_sentiment(
    table: pd.DataFrame, mentions: pd.DataFrame, encoder: UnitEncoder, with_sentiment: bool
) -> pd.arrays.StringArray:
    """The comment's sentiment for whole-comment units, the unit's own for the others."""
    result = pd.array([pd.NA] * len(mentions), dtype="string")
    if not with_sentiment or "sentiment" not in table:
        return result
    rows = mentions["row"].to_numpy()
    whole = mentions["whole"].to_numpy(dtype=bool)
    comment_sentiment = table["sentiment"].astype("string").to_numpy()
    result[whole] = comment_sentiment[rows[whole]]
    parts = np.flatnonzero(~whole)
    if len(parts):
        texts = mentions["text"].iloc[parts].astype(str).tolist()
        langs = table["lang"].astype("string").fillna("und").to_numpy()[rows[parts]]
        result[parts] = unit_sentiment(texts, list(langs), encoder)
    return result


def unit_sentiment(texts: list[str], langs: list[str], encoder: UnitEncoder) -> np.ndarray:
    """Sentiment labels of short texts with the default sentiment stage (arrays reused)."""
    from feedback_nlp.stages.base import Batch
    from feedback_nlp.stages.sentiment import SentimentStage

    frame = pd.DataFrame(
        {
            "response_id": pd.array([f"u{i}" for i in range(len(texts))], dtype="string"),
            "text_clean": pd.array(texts, dtype="string"),
            "lang": pd.array(langs, dtype="string"),
        }
    )
    batch = SentimentStage().transform(Batch(frame, encoder.arrays_for(texts)))
    return batch.table["sentiment"].astype("string").to_numpy()
