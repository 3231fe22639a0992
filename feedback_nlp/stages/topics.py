"""The topics stage: the themes each comment raises, with the part that raises each one.

Reads `text_clean`, `lang` and the `theme_embedding` array (the `embedding` array when the
embed stage wrote none, and for models fitted on it before stop 32; `sentiment` too when the
sentiment stage ran before it: at fit it keeps a theme's name from saying the opposite of
most of its units, `topics.name_polarity`); writes `topic` (main theme id, -1 for "Other"),
`topic_label`, `topic_score` (cosine similarity to the main theme, clipped to 0-1), `themes`
and `theme_labels` (every theme of the comment, main first, joined by `schema.LIST_SEP`),
`topic_category` (category of the main theme) and `categories` (categories of the comment's
themes, de-duplicated, same order). Side tables: ``batch.tables["topics"]`` (one row per
theme) and ``batch.tables["theme_mentions"]`` (one row per comment and theme: the unit of
the comment that raises it and that unit's sentiment). See docs/topics.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Self

import numpy as np
import pandas as pd

from feedback_nlp.backends.theme_pooling import THEME_ARRAY
from feedback_nlp.errors import NotFittedError, SchemaError
from feedback_nlp.schema import join_list
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.topics.codebook import BUILTIN, load_codebook
from feedback_nlp.topics.config import OUTLIER, Assignment, TopicsConfig
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.sentiment import UnitEncoder, mention_table, unit_sentiment

MENTIONS_TABLE = "theme_mentions"
#: Key of the model's `fitted_on_` naming the embedding array it was fitted on.
EMBEDDING_KEY = "embedding_array"


@register_stage
class TopicsStage(Stage):
    """Find themes (sentence/clause units, kNN-smoothed Ward, codebook) and tag comments.

    `granularity` scales the automatic number of themes (0.5 coarser, 2 finer; `n_themes`
    fixes it), `category_granularity` / `n_categories` the categories. `codebook`:
    ``"builtin"`` (the shipped CX codebook), a TOML/YAML path, or None. `label_language`:
    the language of theme names (default English when the corpus has English, else its most
    common language). `theme_sentiment`: the sentiment of the unit raising each theme (and at
    fit of the units of longer comments, which a theme's name must not contradict).
    `lexical_weight`: weight of the lexical view joined to the embeddings for clustering
    (`topics.lexical`; 0 clusters on the embeddings alone). `theme_space`: folder of a theme
    space learnt from coded comments (`topics.theme_space`; None: the centred embeddings).
    `whitening`: power of the within-theme whitening learnt from a first partition, after
    which the units are partitioned again (`clustering.within_theme_whitening`; 0: off),
    `whitening_shrinkage` its shrinkage.
    """

    name = "topics"
    requires = ("text_clean", "lang")
    produces = (
        "topic",
        "topic_label",
        "topic_score",
        "themes",
        "theme_labels",
        "topic_category",
        "categories",
    )
    requires_arrays = ("embedding",)

    def __init__(
        self,
        granularity: float = 1.0,
        n_themes: int | None = None,
        category_granularity: float = 1.0,
        n_categories: int | None = None,
        min_topic_size: int = 5,
        seed: int = 42,
        fit_sample: int = 20_000,
        outlier_threshold: float | None = None,
        outlier_quantile: float = 0.02,
        max_themes: int = 5,
        language_centering: bool = True,
        codebook: str | None = "builtin",
        seeds: dict[str, list[str]] | None = None,
        seed_threshold: float = 0.35,
        label_language: str | None = None,
        theme_sentiment: bool = True,
        lexical_weight: float = 0.0,
        theme_space: str | None = None,
        whitening: float = 0.0,
        whitening_shrinkage: float = 3.0,
    ) -> None:
        self.granularity = granularity
        self.n_themes = n_themes
        self.category_granularity = category_granularity
        self.n_categories = n_categories
        self.min_topic_size = min_topic_size
        self.seed = seed
        self.fit_sample = fit_sample
        self.outlier_threshold = outlier_threshold
        self.outlier_quantile = outlier_quantile
        self.max_themes = max_themes
        self.language_centering = language_centering
        self.codebook = str(codebook) if codebook is not None else None
        self.seeds = seeds
        self.seed_threshold = seed_threshold
        self.label_language = label_language
        self.theme_sentiment = theme_sentiment
        self.lexical_weight = lexical_weight
        self.theme_space = str(theme_space) if theme_space is not None else None
        self.whitening = whitening
        self.whitening_shrinkage = whitening_shrinkage
        self.model_: ThemeModel | None = None
        self._fit_encoder: UnitEncoder | None = None  # units encoded at fit, reused once
        self._fitted_on: int | None = None  # fingerprint of the fitted comments (not saved)
        checked = self._topics_config()  # a bad setting fails here, not after the embedding
        self.label_language = checked.label_language

    def check_ready(self) -> None:
        """The codebook file read and validated before any comment is (a missing or malformed
        one failed at the fit, after the embedding)."""
        if self.codebook not in (None, BUILTIN):
            load_codebook(self.codebook)

    def _topics_config(self) -> TopicsConfig:
        """The theme model's settings: the stage's arguments but `theme_sentiment`."""
        config = {k: v for k, v in self.get_config().items() if k != "theme_sentiment"}
        return TopicsConfig(**config)

    def fit(self, batch: Batch) -> Self:
        """Find themes in the batch's comments."""
        from feedback_nlp.topics.encoder import seed_vectors

        self._check_inputs(batch)
        table = batch.table
        model = ThemeModel(self._topics_config())
        array = THEME_ARRAY if THEME_ARRAY in batch.arrays else "embedding"
        self._fit_encoder = UnitEncoder(array)
        self._fitted_on = _fingerprint(table)
        model.fit(
            texts=_texts(table),
            embeddings=batch.arrays[array],
            langs=_langs(table),
            ids=table["response_id"].astype(str).tolist() if "response_id" in table else None,
            encode=self._fit_encoder,
            seed_embeddings=seed_vectors(self.seeds, array) if self.seeds else None,
            sentiments=_sentiments(table),
            unit_sentiment=self._unit_sentiment if self.theme_sentiment else None,
        )
        model.fitted_on_[EMBEDDING_KEY] = array
        self.model_ = model
        return self

    def _unit_sentiment(self, texts: list[str], langs: list[str]) -> np.ndarray:
        """The sentiment of units the fit encoded, from the arrays their encoding made."""
        return unit_sentiment(texts, langs, self._fit_encoder or UnitEncoder())

    def transform(self, batch: Batch) -> Batch:
        """Tag the comments; adds the theme table and the theme mentions side tables (the
        theme table quotes the fitted comments only when tagging the batch just fitted)."""
        from feedback_nlp.topics.tables import theme_table

        self._check_inputs(batch)
        fitted_here = self._fitted_on is not None and _fingerprint(batch.table) == self._fitted_on
        encoder, self._fit_encoder = self._fit_encoder or UnitEncoder(self._array()), None
        columns, assignment = self._tag(batch, encoder)
        self._check_outputs(batch, columns, {})
        model = self._fitted()
        mentions = mention_table(
            model, batch.table, assignment.mentions, encoder, self.theme_sentiment
        )
        tables = {"topics": theme_table(model, mentions, fitted_here), MENTIONS_TABLE: mentions}
        return batch.with_columns(columns, {}, tables)

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        return self._tag(batch, UnitEncoder(self._array()))[0], {}

    def _array(self) -> str:
        """The embedding array the fitted model reads (`embedding` for models fitted before
        the theme embedding existed)."""
        return str(self._fitted().fitted_on_.get(EMBEDDING_KEY, "embedding"))

    def _tag(self, batch: Batch, encoder: UnitEncoder) -> tuple[pd.DataFrame, Assignment]:
        model = self._fitted()
        table = batch.table
        array = self._array()
        if array not in batch.arrays:
            raise SchemaError(
                f"stage 'topics': the theme model was fitted on the array '{array}', which "
                "the embed stage did not write; run it with theme_pooling='frequency' (the "
                "default), as at fit"
            )
        assignment = model.transform(
            _texts(table), batch.arrays[array], _langs(table), encode=encoder
        )
        themes = assignment.themes
        columns = pd.DataFrame(
            {
                "topic": pd.array(assignment.topic, dtype="Int64"),
                "topic_label": _strings(model.label_of(t) for t in assignment.topic),
                "topic_score": assignment.score.astype("float64"),
                "themes": _strings(join_list(t) for t in themes),
                "theme_labels": _strings(join_list(model.label_of(t) for t in ts) for ts in themes),
                "topic_category": _strings(model.category_of(t) for t in assignment.topic),
                "categories": _strings(
                    join_list(_unique(model.category_of(t) for t in ts)) for ts in themes
                ),
            },
            index=table.index,
        )
        return columns, assignment

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


def _fingerprint(table: pd.DataFrame) -> int:
    """A hash of the comments' ids and texts: is a batch the one the model was fitted on?"""
    columns = [c for c in ("response_id", "text_clean") if c in table]
    return int(pd.util.hash_pandas_object(table[columns], index=False).sum()) if columns else 0


def _texts(table: pd.DataFrame) -> list[str]:
    return ["" if pd.isna(t) else str(t) for t in table["text_clean"]]


def _sentiments(table: pd.DataFrame) -> list[str] | None:
    """The comments' sentiment ("" where missing), None without the column."""
    if "sentiment" not in table:
        return None
    return table["sentiment"].astype("string").fillna("").tolist()


def _langs(table: pd.DataFrame) -> list[str]:
    return ["und" if pd.isna(lang) else str(lang) for lang in table["lang"]]


def _strings(values: Iterable[str]) -> pd.arrays.StringArray:
    return pd.array(list(values), dtype="string")


def _unique(values: Iterable[str]) -> list[str]:
    """`values` without repeats, in first-seen order."""
    return list(dict.fromkeys(values))


__all__ = ["MENTIONS_TABLE", "OUTLIER", "TopicsStage"]
