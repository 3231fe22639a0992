"""Stage "emotion": a probability per emotion and the emotions above threshold.

Writes ``emo_<label>`` for each of ``schema.EMOTION_LABELS`` and ``emotion``: the labels whose
probability reaches their threshold, joined by ``schema.LIST_SEP``, or ``"neutral"`` when none
does. The default backend uses the per-label thresholds tuned with the shipped head (see
``models/sentiment-emotion-heads/MODEL_CARD.md``); `threshold` overrides them with one value.
Backends and the sentence level work as in the sentiment stage; a comment's emotion
probabilities at sentence level are the maximum over its sentences.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import EMOTION_LABELS, NEUTRAL_EMOTION, emotion_prob_columns, join_list
from feedback_nlp.stages.base import register_stage
from feedback_nlp.stages.embed import DEFAULT_QUANTIZE, DEFAULT_RUNTIME
from feedback_nlp.stages.sentiment import ClassifierStage

DEFAULT_THRESHOLD = 0.5


@register_stage
class EmotionStage(ClassifierStage):
    """Multi-label emotion per comment (or per sentence, aggregated by maximum)."""

    name = "emotion"
    requires = ("text_clean",)
    produces = (*emotion_prob_columns(), "emotion")
    labels = EMOTION_LABELS
    head_name = "emotion"

    def __init__(
        self,
        backend: Literal["default", "transformers"] = "default",
        level: Literal["comment", "sentence"] = "comment",
        model: str | dict[str, str] | None = None,
        label_map: dict[str, str] | None = None,
        revision: str | dict[str, str] | None = None,
        trust_remote_code: bool = False,
        heads_dir: str | None = None,
        device: str = "auto",
        batch_size: int = 32,
        max_length: int = 512,
        threshold: float | None = None,
        quantize: str = DEFAULT_QUANTIZE,
        runtime: str = DEFAULT_RUNTIME,
    ) -> None:
        super().__init__(
            backend, level, model, label_map, revision, trust_remote_code, heads_dir, device,
            batch_size, max_length, quantize, runtime,
        )  # fmt: skip
        if threshold is not None and not 0.0 < threshold < 1.0:
            raise ConfigError(
                f"stage 'emotion': threshold must be between 0 and 1, not {threshold}"
            )
        self.threshold = threshold

    def thresholds(self) -> np.ndarray:
        """Decision threshold per label."""
        if self.threshold is not None:
            return np.full(len(self.labels), self.threshold)
        if self.backend == "default":
            tuned = self.head().thresholds
            return np.array([tuned.get(label, DEFAULT_THRESHOLD) for label in self.labels])
        return np.full(len(self.labels), DEFAULT_THRESHOLD)

    def empty_result(self) -> np.ndarray:
        """No text: no emotion."""
        return np.zeros(len(self.labels))

    def aggregate(self, probabilities: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """A comment shows an emotion as strongly as its most emotional sentence."""
        return probabilities.max(axis=0)

    def columns(self, probabilities: np.ndarray, index: pd.Index) -> pd.DataFrame:
        """emo_<label> probabilities and the joined `emotion` labels."""
        frame = pd.DataFrame(index=index)
        for i, column in enumerate(emotion_prob_columns()):
            frame[column] = probabilities[:, i].astype("float64")
        above = probabilities >= self.thresholds()
        names = [
            join_list(np.array(self.labels)[row]) if row.any() else NEUTRAL_EMOTION for row in above
        ]
        frame["emotion"] = pd.array(names, dtype="string")
        return frame
