"""Save and load a theme model as safetensors (arrays) + JSON (everything else); no pickle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.model import Theme, ThemeModel, TopicsConfig

ARRAYS_FILE = "topics.safetensors"
JSON_FILE = "topics.json"
FORMAT_VERSION = 1


def save_model(model: ThemeModel, folder: str | Path) -> Path:
    """Write `model` into `folder` as topics.safetensors + topics.json."""
    from safetensors.numpy import save_file

    if model.centroids_ is None or model.global_mean_ is None:
        from feedback_nlp.errors import NotFittedError

        raise NotFittedError("The theme model")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, np.ndarray] = {
        "centroids": np.ascontiguousarray(model.centroids_, dtype=np.float32),
        "topic_ids": np.ascontiguousarray(model.topic_ids_, dtype=np.int64),
        "global_mean": np.ascontiguousarray(model.global_mean_, dtype=np.float32),
    }
    for lang, mean in model.language_means_.items():
        tensors[f"language_mean.{lang}"] = np.ascontiguousarray(mean, dtype=np.float32)
    for lang, counts in model.counts_.items():
        csr = sparse.csr_matrix(counts, dtype=np.float32)
        tensors[f"counts.{lang}.data"] = np.ascontiguousarray(csr.data, dtype=np.float32)
        tensors[f"counts.{lang}.indices"] = np.ascontiguousarray(csr.indices, dtype=np.int64)
        tensors[f"counts.{lang}.indptr"] = np.ascontiguousarray(csr.indptr, dtype=np.int64)
    save_file(tensors, str(folder / ARRAYS_FILE))
    state: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "config": model.config.__dict__,
        "threshold": model.threshold_,
        "main_language": model.main_language_,
        "languages": sorted(model.counts_),
        "vocabulary": model.vocabulary_,
        "themes": [theme.to_json() for theme in model.theme_list()],
        "history": model.history_,
        "fitted_on": model.fitted_on_,
    }
    text = json.dumps(state, ensure_ascii=False, indent=1)
    (folder / JSON_FILE).write_text(text, encoding="utf-8")
    return folder


def load_model(folder: str | Path) -> ThemeModel:
    """Read a theme model written by :func:`save_model`."""
    from safetensors.numpy import load_file

    folder = Path(folder)
    if not (folder / JSON_FILE).exists() or not (folder / ARRAYS_FILE).exists():
        raise ConfigError(
            f"{folder}: no saved theme model here (expected {JSON_FILE} and {ARRAYS_FILE})"
        )
    state = json.loads((folder / JSON_FILE).read_text(encoding="utf-8"))
    if state.get("format_version") != FORMAT_VERSION:
        raise ConfigError(
            f"{folder / JSON_FILE}: format version {state.get('format_version')} is not "
            f"supported (this feedback_nlp reads version {FORMAT_VERSION})"
        )
    tensors = load_file(str(folder / ARRAYS_FILE))
    model = ThemeModel(TopicsConfig(**state["config"]))
    model.centroids_ = tensors["centroids"]
    model.topic_ids_ = tensors["topic_ids"]
    model.global_mean_ = tensors["global_mean"]
    prefix = "language_mean."
    model.language_means_ = {
        k[len(prefix) :]: v for k, v in tensors.items() if k.startswith(prefix)
    }
    model.threshold_ = float(state["threshold"])
    model.main_language_ = state["main_language"]
    model.vocabulary_ = list(state["vocabulary"])
    shape = (len(model.topic_ids_), len(model.vocabulary_))
    model.counts_ = {
        lang: sparse.csr_matrix(
            (
                tensors[f"counts.{lang}.data"],
                tensors[f"counts.{lang}.indices"],
                tensors[f"counts.{lang}.indptr"],
            ),
            shape=shape,
        )
        for lang in state["languages"]
    }
    model.themes_ = {t["topic"]: Theme(**t) for t in state["themes"]}
    model.history_ = list(state["history"])
    model.fitted_on_ = dict(state["fitted_on"])
    return model
