"""Backend "transformers": any text-classification model, by hub id or local path.

The model's own labels are mapped onto the canonical label set (``schema.SENTIMENT_LABELS`` or
``schema.EMOTION_LABELS``); model labels mapped to nothing (e.g. ``neutral`` or ``others`` for
emotion) only take probability mass away; canonical labels no model label maps to get
`unmapped_value` (0, or NaN for "not predicted"). Per-language routing: ``{"en": id1, "*": id2}``.
Weights load from safetensors only, and ``trust_remote_code`` is off unless asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from feedback_nlp.errors import ConfigError, require_package
from feedback_nlp.progress import advance

FALLBACK_LANGUAGE = "*"

#: Common spellings of model labels, lower-cased, mapped to canonical labels.
LABEL_ALIASES: dict[str, str | None] = {
    "negative": "negative",
    "neg": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "positive": "positive",
    "pos": "positive",
    "anger": "anger",
    "angry": "anger",
    "disgust": "disgust",
    "fear": "fear",
    "joy": "joy",
    "happiness": "joy",
    "happy": "joy",
    "sadness": "sadness",
    "sad": "sadness",
    "surprise": "surprise",
    "trust": "trust",
    "anticipation": "anticipation",
    "others": None,
    "other": None,
    "none": None,
}


def resolve_label_map(
    model_labels: Sequence[str],
    canonical: Sequence[str],
    overrides: Mapping[str, str | None] | None = None,
    model_name: str = "model",
) -> dict[str, str | None]:
    """Map each model label to a canonical label (or None to drop it); raise if one is unknown.

    `overrides` win; then :data:`LABEL_ALIASES`. Generic ``LABEL_i`` names are mapped in order
    only when the model has exactly as many labels as `canonical`.
    """
    overrides = dict(overrides or {})
    mapping: dict[str, str | None] = {}
    generic = all(label.upper().startswith("LABEL_") for label in model_labels)
    for position, label in enumerate(model_labels):
        if label in overrides:
            target = overrides[label]
        elif generic and len(model_labels) == len(canonical):
            target = canonical[position]
        elif label.lower() in LABEL_ALIASES:
            target = LABEL_ALIASES[label.lower()]
            target = target if target in canonical else None
        else:
            raise ConfigError(
                f"{model_name}: cannot map the model label '{label}' onto {list(canonical)}; "
                f"pass label_map={{'{label}': <one of {list(canonical)} or None>}}"
            )
        if target is not None and target not in canonical:
            raise ConfigError(
                f"{model_name}: label_map sends '{label}' to '{target}', "
                f"which is not one of {list(canonical)}"
            )
        mapping[label] = target
    if not any(mapping.values()):
        raise ConfigError(
            f"{model_name}: none of its labels {list(model_labels)} map onto {canonical}"
        )
    return mapping


@dataclass
class LoadedClassifier:
    """One loaded model with its label projection onto the canonical labels."""

    name: str
    revision: str | None
    tokenizer: Any
    model: Any
    multi_label: bool
    projection: np.ndarray  # (model labels, canonical labels), 0/1
    max_length: int


class HFClassifier:
    """Probabilities over canonical labels from one or several transformers classifiers."""

    def __init__(
        self,
        models: str | Mapping[str, str],
        canonical: Sequence[str],
        label_map: Mapping[str, str | None] | None = None,
        revision: str | Mapping[str, str] | None = None,
        trust_remote_code: bool = False,
        device: str = "auto",
        batch_size: int = 32,
        max_length: int = 512,
        unmapped_value: float = 0.0,
    ) -> None:
        self.routes = dict(models) if isinstance(models, Mapping) else {FALLBACK_LANGUAGE: models}
        if not self.routes:
            raise ConfigError("the transformers backend needs at least one model id or path")
        self.canonical = tuple(canonical)
        self.label_map = dict(label_map or {})
        self.revisions = dict(revision) if isinstance(revision, Mapping) else None
        self.revision = revision if isinstance(revision, str) else None
        self.trust_remote_code = trust_remote_code
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.unmapped_value = unmapped_value
        self._loaded: dict[str, LoadedClassifier] = {}

    def _revision_for(self, lang: str) -> str | None:
        if self.revisions is not None:
            return self.revisions.get(lang) or self.revisions.get(FALLBACK_LANGUAGE)
        return self.revision

    def model_for(self, lang: str) -> LoadedClassifier:
        """The classifier routed to `lang` (loaded once)."""
        key = lang if lang in self.routes else FALLBACK_LANGUAGE
        if key not in self.routes:
            raise ConfigError(
                f"no transformers model is routed to language '{lang}' and there is no '*' "
                f"fallback; routes are {self.routes}"
            )
        if key not in self._loaded:
            self._loaded[key] = self._load(self.routes[key], self._revision_for(key))
        return self._loaded[key]

    def _load(self, name: str, revision: str | None) -> LoadedClassifier:
        transformers = require_package("transformers", "transformers", "The transformers backend")
        from feedback_nlp.backends.encoder_loading import resolve_device

        options = {"revision": revision, "trust_remote_code": self.trust_remote_code}
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(name, **options)
            model = transformers.AutoModelForSequenceClassification.from_pretrained(
                name, use_safetensors=True, **options
            )
        except OSError as exc:
            raise ConfigError(
                f"cannot load the text-classification model '{name}' (revision {revision}): "
                f"{exc}. It must be a local folder or a hub id with safetensors weights."
            ) from exc
        model.to(resolve_device(self.device)).eval()
        labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        mapping = resolve_label_map(labels, self.canonical, self.label_map, name)
        projection = np.zeros((len(labels), len(self.canonical)))
        for row, label in enumerate(labels):
            if mapping[label] is not None:
                projection[row, self.canonical.index(mapping[label])] = 1.0
        multi = model.config.problem_type == "multi_label_classification"
        commit = getattr(model.config, "_commit_hash", None)
        positions = getattr(model.config, "max_position_embeddings", self.max_length)
        max_length = min(self.max_length, tokenizer.model_max_length, positions)
        return LoadedClassifier(
            name, revision or commit, tokenizer, model, multi, projection, max_length
        )

    def resolved_models(self) -> dict[str, dict[str, str | None]]:
        """What each route loaded: model id/path and revision (for saved configs)."""
        return {
            lang: {"model": self._loaded[lang].name, "revision": self._loaded[lang].revision}
            if lang in self._loaded
            else {"model": name, "revision": self._revision_for(lang)}
            for lang, name in self.routes.items()
        }

    def predict_proba(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        """Probabilities over the canonical labels, one row per text, routed by language."""
        langs = list(langs) if langs is not None else [FALLBACK_LANGUAGE] * len(texts)
        out = np.zeros((len(texts), len(self.canonical)))
        unrouted = sorted({lang for lang in langs if lang not in self.routes})
        if unrouted and FALLBACK_LANGUAGE not in self.routes:
            raise ConfigError(
                f"no transformers model is routed to language '{unrouted[0]}' and there is no "
                f"'*' fallback; routes are {self.routes}"
            )
        keys = np.array([lang if lang in self.routes else FALLBACK_LANGUAGE for lang in langs])
        for key in dict.fromkeys(keys.tolist()):
            rows = np.flatnonzero(keys == key)
            classifier = self.model_for(key)
            out[rows] = self._run(classifier, [texts[i] for i in rows])
        return out

    def _run(self, classifier: LoadedClassifier, texts: list[str]) -> np.ndarray:
        torch = require_package("torch", "transformers", "The transformers backend")
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), len(self.canonical)))
        device = classifier.model.device
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            encoded = classifier.tokenizer(
                [texts[i] for i in chunk],
                padding=True,
                truncation=True,
                max_length=classifier.max_length,
                return_tensors="pt",
            ).to(device)
            with torch.inference_mode():
                logits = classifier.model(**encoded).logits.float()
            scores = torch.sigmoid(logits) if classifier.multi_label else logits.softmax(-1)
            out[chunk] = np.clip(scores.cpu().numpy() @ classifier.projection, 0.0, 1.0)
            advance(len(chunk))
        out[:, classifier.projection.sum(axis=0) == 0] = self.unmapped_value
        return out
