"""The topics stage: themes of each comment from the pipeline's sentence embeddings.

Reads `text_clean`, `lang` and the `embedding` array; writes `topic` (main theme id, -1 for
outliers), `topic_label`, `topic_score` (cosine similarity to the main theme, clipped to 0-1)
`themes` (every theme of the comment, main first, joined by `schema.LIST_SEP`),
`topic_category` (category of the main theme) and `categories` (categories of the comment's
themes, de-duplicated, same order), plus the side table ``batch.tables["topics"]`` with one
row per theme. See docs/topics.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Self

import numpy as np
import pandas as pd

from feedback_nlp.errors import NotFittedError
from feedback_nlp.schema import join_list
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.topics.model import OUTLIER, ThemeModel, TopicsConfig

#: Shorter sentences ("Thanks!", "Great.") carry no theme of their own.
SENTENCE_MIN_WORDS = 4


@register_stage
class TopicsStage(Stage):
    """Fit themes (BERTopic on precomputed embeddings) and tag comments with them."""

    name = "topics"
    requires = ("text_clean", "lang")
    produces = ("topic", "topic_label", "topic_score", "themes", "topic_category", "categories")
    requires_arrays = ("embedding",)

    def __init__(
        self,
        min_topic_size: int = 10,
        n_neighbors: int = 15,
        n_components: int = 5,
        seed: int = 42,
        fit_sample: int = 50_000,
        outlier_threshold: float | None = None,
        outlier_quantile: float = 0.95,
        multi_theme_ratio: float = 0.7,
        max_themes: int = 3,
        language_centering: bool = True,
        seeds: dict[str, list[str]] | None = None,
        seed_threshold: float = 0.35,
        merge_similarity: float | None = 0.4,
        category_similarity: float | None = 0.3,
        sentence_themes: bool = True,
    ) -> None:
        self.min_topic_size = min_topic_size
        self.n_neighbors = n_neighbors
        self.n_components = n_components
        self.seed = seed
        self.fit_sample = fit_sample
        self.outlier_threshold = outlier_threshold
        self.outlier_quantile = outlier_quantile
        self.multi_theme_ratio = multi_theme_ratio
        self.max_themes = max_themes
        self.language_centering = language_centering
        self.seeds = seeds
        self.seed_threshold = seed_threshold
        self.merge_similarity = merge_similarity
        self.category_similarity = category_similarity
        self.sentence_themes = sentence_themes
        self.model_: ThemeModel | None = None

    def fit(self, batch: Batch) -> Self:
        """Find themes in the batch's comments."""
        from feedback_nlp.topics.encoder import seed_vectors

        self._check_inputs(batch)
        table = batch.table
        config = {k: v for k, v in self.get_config().items() if k != "sentence_themes"}
        model = ThemeModel(TopicsConfig(**config))
        model.fit(
            texts=_texts(table),
            embeddings=batch.arrays["embedding"],
            langs=_langs(table),
            ids=table["response_id"].astype(str).tolist() if "response_id" in table else None,
            seed_embeddings=seed_vectors(self.seeds) if self.seeds else None,
        )
        self.model_ = model
        return self

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        model = self._fitted()
        table = batch.table
        assignment = model.transform(batch.arrays["embedding"], _langs(table))
        empty = np.array([not t.strip() for t in _texts(table)], dtype=bool)
        topic = np.where(empty, OUTLIER, assignment.topic)
        score = np.where(empty, 0.0, assignment.score)
        themes = [[OUTLIER] if e else t for e, t in zip(empty, assignment.themes, strict=True)]
        if self.sentence_themes:
            themes = _add_sentence_themes(model, table, themes)
        columns = pd.DataFrame(
            {
                "topic": pd.array(topic, dtype="Int64"),
                "topic_label": pd.array([model.label_of(t) for t in topic], dtype="string"),
                "topic_score": score.astype("float64"),
                "themes": pd.array([join_list(t) for t in themes], dtype="string"),
                "topic_category": pd.array([model.category_of(t) for t in topic], dtype="string"),
                "categories": pd.array(
                    [join_list(_unique(model.category_of(t) for t in ts)) for ts in themes],
                    dtype="string",
                ),
            },
            index=table.index,
        )
        return columns, {}

    def _side_tables(self, batch: Batch, columns: pd.DataFrame) -> dict[str, pd.DataFrame]:
        from feedback_nlp.topics.tables import theme_table

        return {"topics": theme_table(self._fitted())}

    def save_state(self, folder: Path) -> None:
        """Write the fitted theme model (safetensors + JSON)."""
        from feedback_nlp.topics.persistence import save_model

        save_model(self._fitted(), folder)

    def load_state(self, folder: Path) -> None:
        """Read the theme model written by :meth:`save_state`."""
        from feedback_nlp.topics.persistence import load_model

        self.model_ = load_model(folder)

    def _fitted(self) -> ThemeModel:
        if self.model_ is None:
            raise NotFittedError("The topics stage")
        return self.model_


def _texts(table: pd.DataFrame) -> list[str]:
    return ["" if pd.isna(t) else str(t) for t in table["text_clean"]]


def _unique(values: Iterable[str]) -> list[str]:
    """`values` without repeats, in first-seen order."""
    return list(dict.fromkeys(values))


def _langs(table: pd.DataFrame) -> list[str]:
    return ["und" if pd.isna(lang) else str(lang) for lang in table["lang"]]


def _add_sentence_themes(
    model: ThemeModel, table: pd.DataFrame, themes: list[list[int]]
) -> list[list[int]]:
    """Add the themes of the sentences (>= 4 words) of multi-sentence comments.

    One extra encoder pass over those sentences; on the demo data 92 % of comments with two
    true themes then get both, and 9 % of single-theme comments get a second theme.
    """
    from feedback_nlp.text.sentences import split_sentences
    from feedback_nlp.topics.encoder import encode_texts

    owners: list[int] = []
    sentences: list[str] = []
    sentence_langs: list[str] = []
    for row, (text, lang) in enumerate(zip(_texts(table), _langs(table), strict=True)):
        parts = split_sentences(text, lang)
        if len(parts) < 2:
            continue
        for part in parts:
            if len(part.text.split()) >= SENTENCE_MIN_WORDS:
                owners.append(row)
                sentences.append(part.text)
                sentence_langs.append(lang)
    if not sentences:
        return themes
    found = model.transform(encode_texts(sentences), sentence_langs).topic
    result = [list(t) for t in themes]
    for row, topic in zip(owners, found, strict=True):
        if topic != OUTLIER and topic not in result[row]:
            result[row] = [t for t in result[row] if t != OUTLIER] + [int(topic)]
    return result
