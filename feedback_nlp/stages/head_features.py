"""The default backend of the sentiment and emotion stages: the numpy head (cached per heads
folder), the features it reads (the batch's array, or the encoder of its heads folder run on
the comments, a comment that opens with a greeting read again without it) and its
probabilities in the stage's label order."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from feedback_nlp.backends.branch import branch_folder
from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR, Head, load_default_head
from feedback_nlp.errors import ConfigError
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.embed import (
    HEAD_FEATURES,
    HEAD_LAYERS,
    SENTIMENT_FEATURES,
    adapters_for_heads,
    feature_arrays,
    shared_encoder,
)
from feedback_nlp.text.caps import encoder_text

#: The last comments read again without their greeting and their features (one batch's).
_REREAD: tuple[tuple, np.ndarray] | None = None


@lru_cache(maxsize=8)
def _cached_head(name: str, folder: str | None) -> Head:
    return load_default_head(name, folder)


class HeadFeatures:
    """The numpy head of a classifier stage and the features it reads (a mixin of
    :class:`~feedback_nlp.stages.classifier.ClassifierStage`, whose settings it reads)."""

    name: str
    labels: tuple[str, ...]
    head_name: str
    unmapped_value: float
    heads_dir: str | None
    device: str
    batch_size: int
    max_length: int
    quantize: str
    runtime: str

    def head(self) -> Head:
        """The numpy head of the default backend."""
        return _cached_head(self.head_name, self.heads_dir)

    def _reread(self, texts: list[str], reads: str) -> np.ndarray:
        """:meth:`_embed` of the comments read again without their greeting, kept for the
        next stage: sentiment and emotion read the same comments of a batch, encoded once."""
        global _REREAD
        key = (tuple(texts), reads, self.heads_dir, self.device, self.max_length)
        key += (self.quantize, self.runtime)
        if _REREAD is None or _REREAD[0] != key:
            _REREAD = (key, self._embed(texts, reads))
        return _REREAD[1]

    def _embed(self, texts: list[str], reads: str) -> np.ndarray:
        """The array `reads` of `texts` as the embed stage reads them (`caps.encoder_text`),
        from the encoder of the heads folder (its adapters, and its sentiment branch when the
        head reads the branch)."""
        branch = None
        if reads == SENTIMENT_FEATURES:
            branch = branch_folder(self.heads_dir or DEFAULT_HEADS_DIR)
            if branch is None:
                raise ConfigError(
                    f"stage '{self.name}': the head reads {SENTIMENT_FEATURES}, but "
                    f"{self.heads_dir or DEFAULT_HEADS_DIR} holds no sentiment branch"
                )
        encoder = shared_encoder(
            None, self.device, self.batch_size, self.max_length, False, self.quantize,
            self.runtime, adapters_for_heads(self.heads_dir), branch=branch,
            heads_only=branch is not None,
        )  # fmt: skip
        features = encoder.encode(
            [encoder_text(text) for text in texts], HEAD_LAYERS, with_branch=True
        )
        if branch is not None:  # the branch's layers alone: the encoder's top ones not run
            return features
        return feature_arrays(features, False)[reads]

    def _in_label_order(self, probabilities: np.ndarray, labels: Sequence[str]) -> np.ndarray:
        """Head probabilities as columns of :attr:`labels` (a label it lacks: unmapped_value)."""
        if tuple(labels) == self.labels:
            return probabilities
        unknown = [label for label in labels if label not in self.labels]
        if unknown:
            raise ConfigError(f"stage '{self.name}': the head predicts unknown labels {unknown}")
        out = np.full((len(probabilities), len(self.labels)), self.unmapped_value)
        out[:, [self.labels.index(label) for label in labels]] = probabilities
        return out

    def _batch_features(self, batch: Batch) -> np.ndarray | None:
        """The batch's array the head reads; None when the head reads the sentiment branch
        and the embed stage ran without it (the stage then runs the branch itself)."""
        reads = self.head().reads
        if reads in batch.arrays:
            return batch.arrays[reads]
        if reads == SENTIMENT_FEATURES:
            return None
        return batch.arrays.get(HEAD_FEATURES, batch.arrays.get("embedding"))
