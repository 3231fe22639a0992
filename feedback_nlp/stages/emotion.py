"""Stage "emotion": a probability per emotion and the emotions above threshold.

Writes ``emo_<label>`` for each of ``schema.EMOTION_LABELS`` and ``emotion``: the labels whose
probability reaches their threshold, joined by ``schema.LIST_SEP``, or ``"neutral"`` when none
does. A label the model does not predict (e.g. ``trust`` for a six-emotion hub model) gets a
missing probability (NaN), never a made-up 0. The default backend uses the per-label
thresholds tuned with the shipped head (see ``models/sentiment-emotion-heads/MODEL_CARD.md``);
`threshold` overrides them with one value, or per label (``{"anticipation": 0.4}``). The
shipped head carries an "any emotion" gate (:mod:`feedback_nlp.backends.head_model`): a comment
the gate finds emotion-free ("ok", "Order 48213", a plain request) has every probability
scaled down, so it is ``neutral``; the probabilities written are the gated ones.
``gate=False`` uses the head without its gate and with its thresholds from before the gate
(the issue-4 decisions: BRIGHTER-style, nearly every comment gets an emotion). The shipped
head also has thresholds of its own for a few languages (``language_thresholds`` in its JSON,
fitted on BRIGHTER training rows: German, Romanian and Ukrainian comments pass at lower
thresholds), read from the ``lang`` column; ``language_thresholds=False``, or any
`threshold`, turns that off.
Backends and the sentence level work as in the sentiment stage; a comment's emotion
probabilities at sentence level are the maximum over its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

import numpy as np
import pandas as pd

from feedback_nlp.backends.heads import Head, language_thresholds
from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import EMOTION_LABELS, NEUTRAL_EMOTION, emotion_prob_columns, join_list
from feedback_nlp.stages.base import register_stage
from feedback_nlp.stages.classifier import ClassifierStage
from feedback_nlp.stages.embed import DEFAULT_QUANTIZE, DEFAULT_RUNTIME
from feedback_nlp.text.irony import ironic_praise

DEFAULT_THRESHOLD = 0.5


def check_threshold(threshold: float | dict[str, float] | None) -> None:
    """A threshold, or one per label, strictly between 0 and 1, for known labels only."""
    values = threshold if isinstance(threshold, dict) else {"": threshold}
    for label, value in values.items():
        if label and label not in EMOTION_LABELS:
            raise ConfigError(
                f"stage 'emotion': threshold for unknown label {label!r}; "
                f"labels are {list(EMOTION_LABELS)}"
            )
        if value is not None and not 0.0 < value < 1.0:
            raise ConfigError(f"stage 'emotion': threshold must be between 0 and 1, not {value}")


def irony_read_angry(
    probabilities: np.ndarray,
    texts: Sequence[str],
    langs: Sequence[str] | None = None,
    labels: Sequence[str] = EMOTION_LABELS,
) -> np.ndarray:
    """`probabilities` where each row whose text praises ironically
    (:func:`feedback_nlp.text.irony.ironic_praise`) has anger at least joy's probability and
    joy and trust at 0: the joy is the irony's surface, the anger its meaning."""
    if "anger" not in labels or "joy" not in labels:
        return probabilities
    anger, joy = labels.index("anger"), labels.index("joy")
    surface = [labels.index(label) for label in ("joy", "trust") if label in labels]
    shown = np.flatnonzero(np.nan_to_num(probabilities[:, surface]).max(axis=1) > 0)
    rows = [  # a row without joy or trust would not change
        int(row)
        for row in shown
        if ironic_praise(texts[row], None if langs is None else langs[row])
    ]
    if not rows:
        return probabilities
    out = probabilities.copy()
    angry = out[rows, anger]
    out[rows, anger] = np.where(np.isnan(angry), np.nan, np.fmax(angry, out[rows, joy]))
    for label in ("joy", "trust"):
        if label in labels:
            column = out[:, labels.index(label)]
            column[rows] = np.where(np.isnan(column[rows]), np.nan, 0.0)
    return out


@register_stage
class EmotionStage(ClassifierStage):
    """Multi-label emotion per comment (or per sentence, aggregated by maximum)."""

    name = "emotion"
    requires = ("text_clean",)
    produces = (*emotion_prob_columns(), "emotion")
    labels = EMOTION_LABELS
    head_name = "emotion"
    unmapped_value = np.nan  # a label the model does not predict is unknown, not absent

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
        threshold: float | dict[str, float] | None = None,
        quantize: str = DEFAULT_QUANTIZE,
        runtime: str = DEFAULT_RUNTIME,
        gate: bool = True,
        replies_neutral: bool = True,
        language_thresholds: bool = True,
        irony_anger: bool = True,
    ) -> None:
        super().__init__(
            backend, level, model, label_map, revision, trust_remote_code, heads_dir, device,
            batch_size, max_length, quantize, runtime, replies_neutral,
        )  # fmt: skip
        check_threshold(threshold)
        self.threshold = threshold
        self.gate = gate
        self.language_thresholds = language_thresholds
        self.irony_anger = irony_anger

    def adjust(
        self, probabilities: np.ndarray, texts: Sequence[str], langs: Sequence[str] | None = None
    ) -> np.ndarray:
        """With `irony_anger`, ironic praise shows anger, not joy (:func:`irony_read_angry`)."""
        if not self.irony_anger:
            return probabilities
        return irony_read_angry(probabilities, texts, langs, self.labels)

    def head(self) -> Head:
        """The default backend's head, with its "any emotion" gate unless ``gate=False`` (then
        with the thresholds it had before the gate, when its metadata records them)."""
        head = super().head()
        if self.gate or head.gate is None:
            return head
        ungated = head.metadata.get("thresholds_without_gate", head.thresholds)
        return replace(head, gate=None, thresholds=dict(ungated))

    def thresholds(self) -> np.ndarray:
        """Decision threshold per label."""
        if isinstance(self.threshold, float | int):
            return np.full(len(self.labels), float(self.threshold))
        tuned = self.head().thresholds if self.backend == "default" else {}
        chosen = {**tuned, **(self.threshold or {})}
        return np.array([chosen.get(label, DEFAULT_THRESHOLD) for label in self.labels])

    def row_thresholds(self, langs: Sequence[str]) -> np.ndarray:
        """(rows, labels) thresholds: :meth:`thresholds`, or the head's own for a row's
        language (unless a `threshold` was given or `language_thresholds` is off)."""
        wanted = self.language_thresholds and self.threshold is None
        wanted = wanted and self.backend == "default" and self.gate
        own = self.head().language_thresholds if wanted else {}
        return language_thresholds(self.thresholds(), self.labels, own, langs, len(langs))

    def empty_result(self) -> np.ndarray:
        """No text: no emotion."""
        return np.zeros(len(self.labels))

    def aggregate(self, probabilities: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """A comment shows an emotion as strongly as its most emotional sentence."""
        return probabilities.max(axis=0)

    def columns(
        self, probabilities: np.ndarray, index: pd.Index, langs: Sequence[str]
    ) -> pd.DataFrame:
        """emo_<label> probabilities and the joined `emotion` labels."""
        frame = pd.DataFrame(index=index)
        for i, column in enumerate(emotion_prob_columns()):
            frame[column] = probabilities[:, i].astype("float64")
        above = probabilities >= self.row_thresholds(langs)
        frame["emotion"] = pd.array(self._label_sets(above), dtype="string")
        return frame

    def _label_sets(self, above: np.ndarray) -> np.ndarray:
        """The joined labels of each row of a (rows, labels) boolean matrix; none: neutral."""
        patterns, rows = np.unique(above, axis=0, return_inverse=True)
        labels = np.array(self.labels)
        names = [join_list(labels[p]) if p.any() else NEUTRAL_EMOTION for p in patterns]
        return np.array(names, dtype=object)[rows.reshape(-1)]
