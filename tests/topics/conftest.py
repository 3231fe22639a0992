"""Shared fixtures: the multilingual fixture, its e5 embeddings and one fitted theme model."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from feedback_nlp.stages.embed import shared_encoder
from feedback_nlp.topics.config import TopicsConfig
from feedback_nlp.topics.model import ThemeModel
from tests.topics.fixture_texts import TWO_THEME_TEXTS, UNRELATED_TEXTS, fixture_rows


def encode_texts(texts: list[str]) -> np.ndarray:
    """The fixture's theme embeddings (as the embed stage writes them), pinned to the torch
    runtime.

    A fit on this small fixture moves when the embeddings move by ~1e-7 (ONNX Runtime vs
    torch float32): a borderline theme pair or second theme can flip. The assertions are about
    the theme model, so its input is held fixed; the demo is measured on the default runtime.
    """
    encoder = shared_encoder(None, "cpu", 64, 512, False, "none", "torch")
    return encoder.encode(list(texts), theme=True)[:, -384:]


@dataclass
class Corpus:
    texts: list[str]
    langs: list[str]
    themes: list[str]
    embeddings: np.ndarray

    @property
    def ids(self) -> list[str]:
        return [f"r{i}" for i in range(len(self.texts))]


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    rows = fixture_rows()
    texts = [text for _, text, _ in rows]
    return Corpus(
        texts=texts,
        langs=[lang for lang, _, _ in rows],
        themes=[theme for _, _, theme in rows],
        embeddings=encode_texts(texts),
    )


@pytest.fixture(scope="session")
def extra() -> Corpus:
    """Comments outside the fixture themes, then one comment carrying two themes."""
    texts = [t for _, t in UNRELATED_TEXTS] + [t for _, t, _ in TWO_THEME_TEXTS]
    return Corpus(
        texts=texts,
        langs=[lang for lang, _ in UNRELATED_TEXTS] + [lang for lang, _, _ in TWO_THEME_TEXTS],
        themes=["unrelated"] * len(UNRELATED_TEXTS) + ["two"] * len(TWO_THEME_TEXTS),
        embeddings=encode_texts(texts),
    )


def fit_model(corpus: Corpus, **config: object) -> ThemeModel:
    """A theme model on the fixture: one theme per issue, no codebook unless asked."""
    settings = {"n_themes": 6, "min_topic_size": 3, "codebook": None, **config}
    return ThemeModel(TopicsConfig(**settings)).fit(
        corpus.texts, corpus.embeddings, corpus.langs, ids=corpus.ids, encode=encode_texts
    )


def tag(model: ThemeModel, corpus: Corpus):
    """The model's assignment of the corpus' comments."""
    return model.transform(corpus.texts, corpus.embeddings, corpus.langs, encode=encode_texts)


@pytest.fixture(scope="session")
def fitted(corpus: Corpus) -> ThemeModel:
    """A model fitted once per session; tests that edit it take a copy via save/load."""
    return fit_model(corpus)
