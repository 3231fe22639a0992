"""The machinery the sentiment and emotion stages share: backends, replies answered without a
model, sentence level (stage "sentiment" documents the behaviour). The default backend's head
and the features it reads are :mod:`feedback_nlp.stages.head_features`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

from feedback_nlp.backends.hf_classifier import HFClassifier
from feedback_nlp.errors import ConfigError
from feedback_nlp.stages.base import Batch, Stage
from feedback_nlp.stages.embed import (
    DEFAULT_QUANTIZE,
    DEFAULT_RUNTIME,
    SENTIMENT_FEATURES,
    check_quantize,
    check_runtime,
    texts_of,
)
from feedback_nlp.stages.head_features import HeadFeatures
from feedback_nlp.text.greetings import without_greeting
from feedback_nlp.text.replies import is_no_judgement_reply
from feedback_nlp.text.sentences import split_sentences

SENTENCE_TABLE = "sentences"
BACKENDS = ("default", "transformers")
LEVELS = ("comment", "sentence")


def needs_model(text: str, replies_neutral: bool = True) -> bool:
    """False for a text the stages answer without a model: empty, or (with `replies_neutral`)
    a reply that judges nothing."""
    if not text.strip():
        return False
    return not (replies_neutral and is_no_judgement_reply(text))


@dataclass
class Scored:
    """Probabilities of every text; which texts the model read (the others were answered
    without one); the features it read for them, in order (None on the transformers backend
    and at sentence level)."""

    probabilities: np.ndarray
    read: np.ndarray
    features: np.ndarray | None = None


class ClassifierStage(HeadFeatures, Stage):
    """Shared machinery of the sentiment and emotion stages (backends, sentence level)."""

    labels: ClassVar[tuple[str, ...]] = ()
    head_name: ClassVar[str] = ""
    #: Probability written for a label the model does not predict.
    unmapped_value: ClassVar[float] = 0.0

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
        quantize: str = DEFAULT_QUANTIZE,
        runtime: str = DEFAULT_RUNTIME,
        replies_neutral: bool = True,
    ) -> None:
        if backend not in BACKENDS:
            raise ConfigError(
                f"stage '{self.name}': backend must be one of {BACKENDS}, not {backend!r}"
            )
        if level not in LEVELS:
            raise ConfigError(f"stage '{self.name}': level must be one of {LEVELS}, not {level!r}")
        check_quantize(self.name, quantize)
        check_runtime(self.name, runtime)
        if backend == "transformers" and not model:
            raise ConfigError(
                f"stage '{self.name}': backend 'transformers' needs model=<hub id, local path "
                "or {language: model}>"
            )
        self.backend = backend
        self.level = level
        self.model = model
        self.label_map = label_map
        self.revision = revision
        self.trust_remote_code = trust_remote_code
        self.heads_dir = heads_dir
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.quantize = quantize
        self.runtime = runtime
        self.replies_neutral = replies_neutral
        uses_array = backend == "default" and level == "comment"
        #: The embed stage's arrays, all of them or only the branch's (``arrays="heads"``).
        self.requires_any_array = ("embedding", SENTIMENT_FEATURES) if uses_array else ()
        self._classifier: HFClassifier | None = None
        self._sentence_rows: pd.DataFrame | None = None

    # -- probabilities ----------------------------------------------------------------------

    def classifier(self) -> HFClassifier:
        """The transformers backend (models load on first use)."""
        if self._classifier is None:
            self._classifier = HFClassifier(
                self.model or {},
                self.labels,
                label_map=self.label_map,
                revision=self.revision,
                trust_remote_code=self.trust_remote_code,
                device=self.device,
                batch_size=self.batch_size,
                max_length=self.max_length,
                unmapped_value=self.unmapped_value,
            )
        return self._classifier

    def probabilities(
        self, texts: Sequence[str], langs: Sequence[str], embeddings: np.ndarray | None = None
    ) -> np.ndarray:
        """Class probabilities (rows, labels); empty texts and, with `replies_neutral`,
        replies that judge nothing get :meth:`empty_result`."""
        return self.scored(texts, langs, embeddings).probabilities

    def scored(
        self, texts: Sequence[str], langs: Sequence[str], embeddings: np.ndarray | None = None
    ) -> Scored:
        """:meth:`probabilities`, with the rows the model read and, on the default backend,
        the features it read for them."""
        out = np.tile(self.empty_result(), (len(texts), 1))
        rows = np.array([needs_model(t, self.replies_neutral) for t in texts], dtype=bool)
        chosen = [texts[i] for i in np.flatnonzero(rows)]
        if self.backend == "transformers":
            if chosen:
                chosen_langs = [langs[i] for i in np.flatnonzero(rows)]
                out[rows] = self.classifier().predict_proba(chosen, chosen_langs)
            return Scored(out, rows)
        if not chosen:
            return Scored(out, rows, np.zeros((0, 0), dtype=np.float32))
        head = self.head()
        heard = [without_greeting(text) for text in chosen]
        if embeddings is None:
            features = self._embed(heard, head.reads)
        else:  # a comment that opens with a greeting is read again without it
            features = embeddings[rows].copy()
            greeted = [i for i, text in enumerate(chosen) if text != heard[i]]
            if greeted:
                features[greeted] = self._reread([heard[i] for i in greeted], head.reads)
        out[rows] = self._in_label_order(head.predict_proba(features), head.labels)
        return Scored(out, rows, features)

    def empty_result(self) -> np.ndarray:
        """Probabilities given to a comment without text."""
        raise NotImplementedError

    def columns(
        self, probabilities: np.ndarray, index: pd.Index, langs: Sequence[str]
    ) -> pd.DataFrame:
        """The produced columns from probabilities (`langs`: each row's language)."""
        raise NotImplementedError

    def aggregate(self, probabilities: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Comment probabilities from its sentences' probabilities."""
        raise NotImplementedError

    # -- stage contract ---------------------------------------------------------------------

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        table = batch.table
        texts = texts_of(table["text_clean"])
        langs = texts_of(table["lang"]) if "lang" in table else ["*"] * len(texts)
        if self.level == "comment":
            embeddings = None
            if self.backend == "default":
                embeddings = self._batch_features(batch)
            scored = self.scored(texts, langs, embeddings)
        else:
            probs = self._sentence_level(table, texts, langs)
            scored = Scored(probs, np.zeros(len(texts), dtype=bool))
        adjusted = self.adjust(scored.probabilities, texts, langs)
        questions = texts_of(table["question"]) if "question" in table else None
        adjusted = self.adjust_to_boxes(adjusted, texts, questions)
        frame = self.columns(adjusted, table.index, langs)
        for name, values in self.extra_columns(texts, scored).items():
            frame[name] = values
        return frame, {}

    def extra_columns(self, texts: Sequence[str], scored: Scored) -> dict[str, np.ndarray]:
        """Comment-level columns beyond :meth:`columns` (default: none)."""
        return {}

    def adjust(
        self, probabilities: np.ndarray, texts: Sequence[str], langs: Sequence[str] | None = None
    ) -> np.ndarray:
        """Comment probabilities after the stage's rules on the text (`langs`: each row's
        language, None when unknown). Default: as they are."""
        return probabilities

    def adjust_to_boxes(
        self, probabilities: np.ndarray, texts: Sequence[str], questions: Sequence[str] | None
    ) -> np.ndarray:
        """Comment probabilities after :meth:`adjust` given the box each comment answers
        (`questions`: the table's ``question``, None without one). Default: as they are."""
        return probabilities

    def _sentence_level(
        self, table: pd.DataFrame, texts: list[str], langs: list[str]
    ) -> np.ndarray:
        records = []
        for row, (text, lang) in enumerate(zip(texts, langs, strict=True)):
            for sentence in split_sentences(text, lang):
                records.append((row, sentence.index, sentence.start, sentence.end, sentence.text))
        sentences = pd.DataFrame(
            records, columns=["row", "sentence_index", "start", "end", "sentence"]
        )
        sentence_langs = [langs[r] for r in sentences["row"]]
        sentence_probs = self.probabilities(sentences["sentence"].tolist(), sentence_langs)
        comment_probs = np.tile(self.empty_result(), (len(texts), 1))
        weights = sentences["sentence"].str.len().to_numpy(dtype=float)
        for row, positions in sentences.groupby("row").indices.items():
            comment_probs[row] = self.aggregate(sentence_probs[positions], weights[positions])
        side = self.columns(sentence_probs, sentences.index, sentence_langs)
        ids = table["response_id"].to_numpy()[sentences["row"].to_numpy(dtype=int)]
        self._sentence_rows = pd.concat(
            [sentences.drop(columns="row").assign(response_id=ids), side], axis=1
        )
        return comment_probs

    def _side_tables(self, batch: Batch, columns: pd.DataFrame) -> dict[str, pd.DataFrame]:
        if self._sentence_rows is None:
            return {}
        rows, self._sentence_rows = self._sentence_rows, None
        keys = ["response_id", "sentence_index"]
        rows = rows[keys + [c for c in rows.columns if c not in keys]]
        existing = batch.tables.get(SENTENCE_TABLE)
        if existing is not None:
            new_columns = [c for c in rows.columns if c not in existing.columns]
            rows = existing.merge(rows[keys + new_columns], on=keys, how="outer")
        return {SENTENCE_TABLE: rows.reset_index(drop=True)}

    def save_state(self, folder: Path) -> None:
        """Record which models (and revisions) the transformers backend used."""
        if self.backend == "transformers":
            resolved = self.classifier().resolved_models()
            (folder / "models.json").write_text(json.dumps(resolved, indent=2), encoding="utf-8")

    def get_config(self) -> dict[str, Any]:
        """The `__init__` arguments."""
        return {
            key: (dict(value) if isinstance(value, Mapping) else value)
            for key, value in super().get_config().items()
        }
