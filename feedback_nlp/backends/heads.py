"""The heads shipped with the project (`DEFAULT_HEADS_DIR`, `load_default_head`) and heads made
of two others: `join_heads` (two sigmoid heads as one) and `average_heads` (the mean of two
softmax heads' logits).

A head itself (`Head`: weights, calibration, gate, language thresholds, its files) is defined
in :mod:`feedback_nlp.backends.head_model`; its names are importable from here too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from feedback_nlp.backends.head_model import HEAD_INPUTS, Head, language_thresholds
from feedback_nlp.errors import ConfigError

__all__ = [
    "DEFAULT_HEADS_DIR",
    "HEAD_INPUTS",
    "Head",
    "average_heads",
    "join_heads",
    "language_thresholds",
    "load_default_head",
]


def _shipped_models_dir() -> Path:
    """The project's models/ folder: installed as feedback_nlp.models, or the source checkout's."""
    try:
        return Path(str(resources.files("feedback_nlp.models")))
    except ModuleNotFoundError:  # running from a source tree that shadows the installed package
        return Path(__file__).resolve().parents[2] / "models"


#: Folder of the heads shipped with the project (top-level models/, installed as
#: the package feedback_nlp.models).
DEFAULT_HEADS_DIR = _shipped_models_dir() / "sentiment-emotion-heads"


def load_default_head(name: str, folder: str | Path | None = None) -> Head:
    """A shipped head (``"sentiment"`` or ``"emotion"``), or one from `folder`."""
    return Head.load(Path(folder) if folder else DEFAULT_HEADS_DIR, name)


def _two_layer(head: Head) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The head's weights as one ReLU hidden layer (a linear head: relu(z) - relu(-z) = z)."""
    if len(head.weights) == 2:
        return head.weights, head.biases
    (weight,), (bias,) = head.weights, head.biases
    identity = np.eye(weight.shape[1], dtype=weight.dtype)
    zeros = np.zeros(weight.shape[1], dtype=bias.dtype)
    return [np.hstack([weight, -weight]), np.vstack([identity, -identity])], [
        np.concatenate([bias, -bias]),
        zeros,
    ]


def join_heads(first: Head, second: Head) -> Head:
    """One sigmoid head computing both heads' logits exactly (block-diagonal output layer):
    labels, calibration and thresholds of `first`, then those of `second`."""
    if first.input_dim != second.input_dim:
        raise ConfigError(f"heads read {first.input_dim} and {second.input_dim} features")
    if first.output != "sigmoid" or second.output != "sigmoid":
        raise ConfigError("only sigmoid (multi-label) heads can be joined")
    (w0a, w1a), (b0a, b1a) = _two_layer(first)
    (w0b, w1b), (b0b, b1b) = _two_layer(second)
    out = np.zeros((w1a.shape[0] + w1b.shape[0], w1a.shape[1] + w1b.shape[1]), np.float32)
    out[: w1a.shape[0], : w1a.shape[1]] = w1a
    out[w1a.shape[0] :, w1a.shape[1] :] = w1b
    head = Head(
        (*first.labels, *second.labels),
        "sigmoid",
        [np.hstack([w0a, w0b]).astype(np.float32), out],
        [np.concatenate([b0a, b0b]).astype(np.float32), np.concatenate([b1a, b1b])],
        first.input_dim,
    )
    head.platt = {**first.platt, **second.platt}
    head.thresholds = {**first.thresholds, **second.thresholds}
    return head


def average_heads(first: Head, second: Head, weight: float = 0.5) -> Head:
    """One softmax head whose logits are exactly ``(1 - weight) * first + weight * second``
    (each divided by its temperature): both hidden layers side by side, output layers
    stacked and scaled. Labels and metadata of `first`; temperature 1."""
    if first.input_dim != second.input_dim or first.labels != second.labels:
        raise ConfigError("only heads with the same features and labels can be averaged")
    if first.output != "softmax" or second.output != "softmax":
        raise ConfigError("only softmax (single-label) heads can be averaged")
    (w0a, w1a), (b0a, b1a) = _two_layer(first)
    (w0b, w1b), (b0b, b1b) = _two_layer(second)
    share_a, share_b = (1 - weight) / first.temperature, weight / second.temperature
    hidden = np.hstack([w0a, w0b]).astype(np.float32)
    output = np.vstack([w1a * share_a, w1b * share_b]).astype(np.float32)
    biases = [np.concatenate([b0a, b0b]), b1a * share_a + b1b * share_b]
    return Head(
        first.labels,
        "softmax",
        [hidden, output],
        [b.astype(np.float32) for b in biases],
        first.input_dim,
        metadata=dict(first.metadata),
    )
