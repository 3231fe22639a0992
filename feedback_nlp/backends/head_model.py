"""One classifier head over sentence embeddings, run with numpy only: `Head`, its calibration,
gate and language thresholds, and its files.

A head is a feed-forward network (ReLU hidden layers, none for a linear head) stored as
``<name>.safetensors`` (``W0, b0, W1, b1, …``) beside ``<name>.json`` (labels, output kind,
calibration, decision thresholds, provenance). ``softmax`` heads give one class per row
(sentiment); ``sigmoid`` heads give independent label probabilities (emotion).

A sigmoid head may carry a **gate**: a one-output sigmoid head ``g(x)`` = P(the text carries
any label), stored as ``<name>_gate.safetensors/.json`` and named in ``<name>.json``. Every
label probability is then scaled by ``min(1, g / cut) ** power``: rows the gate finds
emotional keep the head's probabilities (and its per-label ranking); the others fade towards
0, so fewer labels pass their thresholds.

A sigmoid head may also carry **language thresholds**: per language (ISO 639-1 code), its own
thresholds for some labels, for languages whose annotated data shows the head's probabilities
run lower or higher than in the data its thresholds were fitted on. A row of another language
(or of unknown language), and every label a language does not list, uses the thresholds as
they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from feedback_nlp.errors import ConfigError


@dataclass
class Head:
    """A trained head: weights plus what turns scores into calibrated probabilities and labels.

    `temperature` divides the logits (softmax heads); `platt` holds per-label ``(scale, shift)``
    applied to the logits (sigmoid heads); `thresholds` are the per-label decision thresholds;
    `language_thresholds` replace some of them for rows of a language. `reads` names the
    embed stage's array the head takes (``head_features``, or ``sentiment_features`` for a
    head trained on the sentiment branch).
    """

    labels: tuple[str, ...]
    output: Literal["softmax", "sigmoid"]
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    input_dim: int
    temperature: float = 1.0
    platt: dict[str, tuple[float, float]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    language_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    gate: Head | None = None
    gate_cut: float = 0.5
    gate_power: float = 1.0
    reads: str = "head_features"

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Raw output scores, one column per label."""
        if features.ndim != 2 or features.shape[1] < self.input_dim:
            raise ConfigError(
                f"head expects features of width {self.input_dim}, got shape {features.shape}"
            )
        hidden = features[:, : self.input_dim].astype(np.float32, copy=False)
        for index, (weight, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            hidden = hidden @ weight + bias
            if index < len(self.weights) - 1:
                hidden = np.maximum(hidden, 0.0)
        return hidden

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, shape (rows, labels)."""
        scores = self.logits(features).astype(np.float64)
        if self.output == "softmax":
            scores = scores / self.temperature
            scores -= scores.max(axis=1, keepdims=True)
            exp = np.exp(scores)
            return exp / exp.sum(axis=1, keepdims=True)
        scale = np.array([self.platt.get(label, (1.0, 0.0))[0] for label in self.labels])
        shift = np.array([self.platt.get(label, (1.0, 0.0))[1] for label in self.labels])
        probabilities = 1.0 / (1.0 + np.exp(-(scores * scale + shift)))
        if self.gate is None:
            return probabilities
        return probabilities * self.gate_factor(features)[:, None]

    def gate_factor(self, features: np.ndarray) -> np.ndarray:
        """Per-row scale of the label probabilities: ``min(1, g / cut) ** power`` (1 without
        a gate)."""
        if self.gate is None:
            return np.ones(len(features))
        score = self.gate.predict_proba(features)[:, 0]
        return np.minimum(1.0, score / self.gate_cut) ** self.gate_power

    def decide(
        self, probabilities: np.ndarray, languages: Sequence[str] | None = None
    ) -> np.ndarray:
        """Boolean matrix: label probability at or above its threshold (default 0.5), the
        row's language's own where it has one and `languages` are given."""
        cut = np.array([self.thresholds.get(label, 0.5) for label in self.labels])
        own = self.language_thresholds
        return probabilities >= language_thresholds(
            cut, self.labels, own, languages, len(probabilities)
        )

    def save(self, folder: Path, name: str) -> None:
        """Write ``<name>.safetensors`` and ``<name>.json`` into `folder`."""
        from safetensors.numpy import save_file

        folder.mkdir(parents=True, exist_ok=True)
        tensors = {}
        for index, (weight, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            tensors[f"W{index}"] = np.ascontiguousarray(weight, dtype=np.float32)
            tensors[f"b{index}"] = np.ascontiguousarray(bias, dtype=np.float32)
        save_file(tensors, str(folder / f"{name}.safetensors"))
        spec = {
            "labels": list(self.labels),
            "output": self.output,
            "layers": len(self.weights),
            "input_dim": self.input_dim,
            "temperature": self.temperature,
            "platt": {k: list(v) for k, v in self.platt.items()},
            "thresholds": self.thresholds,
            "metadata": self.metadata,
        }
        if self.language_thresholds:
            spec["language_thresholds"] = self.language_thresholds
        if self.reads != "head_features":
            spec["reads"] = self.reads
        if self.gate is not None:
            self.gate.save(folder, f"{name}_gate")
            spec["gate"] = {"name": f"{name}_gate", "cut": self.gate_cut, "power": self.gate_power}
        (folder / f"{name}.json").write_text(json.dumps(spec, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, name: str) -> Head:
        """Read a head written by :meth:`save`."""
        from safetensors.numpy import load_file

        spec_path = folder / f"{name}.json"
        weights_path = folder / f"{name}.safetensors"
        for path in (spec_path, weights_path):
            if not path.exists():
                raise ConfigError(
                    f"{path}: head file not found; train it with scripts/train_heads.py"
                )
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        tensors = load_file(str(weights_path))
        layers = int(spec["layers"])
        head = cls(
            labels=tuple(spec["labels"]),
            output=spec["output"],
            weights=[tensors[f"W{i}"] for i in range(layers)],
            biases=[tensors[f"b{i}"] for i in range(layers)],
            input_dim=int(spec["input_dim"]),
            temperature=float(spec.get("temperature", 1.0)),
            platt={k: (float(v[0]), float(v[1])) for k, v in spec.get("platt", {}).items()},
            thresholds={k: float(v) for k, v in spec.get("thresholds", {}).items()},
            language_thresholds=_language_thresholds(spec_path, spec),
            metadata=spec.get("metadata", {}),
            reads=_reads(spec_path, spec),
        )
        if "gate" in spec:
            head.gate, head.gate_cut, head.gate_power = _load_gate(folder, spec_path, spec["gate"])
        return head


#: Arrays a head may read (the embed stage's).
HEAD_INPUTS = ("head_features", "sentiment_features", "embedding")


def _reads(spec_path: Path, spec: dict[str, Any]) -> str:
    reads = spec.get("reads", "head_features")
    if reads not in HEAD_INPUTS:
        raise ConfigError(f"{spec_path}: 'reads' must be one of {HEAD_INPUTS}, not {reads!r}")
    return str(reads)


def language_thresholds(
    thresholds: np.ndarray,
    labels: Sequence[str],
    by_language: dict[str, dict[str, float]],
    languages: Sequence[str] | None,
    rows: int,
) -> np.ndarray:
    """(rows, labels) thresholds: `thresholds`, with a row's language's own (`by_language`:
    language -> label -> threshold) where it has one."""
    out = np.tile(np.asarray(thresholds, dtype=np.float64), (rows, 1))
    if not by_language or languages is None:
        return out
    positions = {label: i for i, label in enumerate(labels)}
    codes = np.asarray([str(lang) for lang in languages], dtype=object)
    for language, own in by_language.items():
        mask = codes == language
        for label, value in own.items():
            if label in positions:
                out[mask, positions[label]] = value
    return out


def _language_thresholds(spec_path: Path, spec: dict[str, Any]) -> dict[str, dict[str, float]]:
    """A head's language thresholds: language -> label -> threshold in (0, 1)."""
    given = spec.get("language_thresholds", {})
    labels = set(spec.get("labels", []))
    valid = isinstance(given, dict) and all(
        isinstance(own, dict)
        and all(k in labels and isinstance(v, int | float) and 0 < v < 1 for k, v in own.items())
        for own in given.values()
    )
    if not valid:
        raise ConfigError(
            f"{spec_path}: 'language_thresholds' must map languages to thresholds in (0, 1) "
            "of the head's labels"
        )
    return {lang: {k: float(v) for k, v in own.items()} for lang, own in given.items()}


def _load_gate(folder: Path, spec_path: Path, spec: Any) -> tuple[Head, float, float]:
    """The gate named in a head's JSON: a one-output sigmoid head in the same folder."""
    name = spec.get("name") if isinstance(spec, dict) else None
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ConfigError(f"{spec_path}: 'gate' must name a head file in the same folder")
    gate = Head.load(folder, name)
    cut, power = float(spec.get("cut", 0.5)), float(spec.get("power", 1.0))
    if gate.output != "sigmoid" or len(gate.labels) != 1 or not 0 < cut <= 1 or power <= 0:
        raise ConfigError(
            f"{spec_path}: the gate must be a one-label sigmoid head with 0 < cut <= 1 and "
            f"power > 0 (got {gate.output}, {len(gate.labels)} labels, cut {cut}, power {power})"
        )
    return gate, cut, power
