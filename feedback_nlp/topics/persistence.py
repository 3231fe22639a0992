"""Save and load a theme model as safetensors (arrays) + JSON (everything else); no pickle.

Loading validates what it reads (known keys, array shapes that agree with each other), so a
damaged or tampered folder gives a `ConfigError` naming the file and the problem.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from feedback_nlp.errors import ConfigError, NotFittedError
from feedback_nlp.topics.codebook import Codebook
from feedback_nlp.topics.config import Theme, TopicsConfig
from feedback_nlp.topics.matching import CodebookMatcher
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.phrases import PhraseCounts

ARRAYS_FILE = "topics.safetensors"
JSON_FILE = "topics.json"
FORMAT_VERSION = 2


def save_model(model: ThemeModel, folder: str | Path) -> Path:
    """Write `model` into `folder` as topics.safetensors + topics.json."""
    from safetensors.numpy import save_file

    if model.centroids_ is None or model.global_mean_ is None:
        raise NotFittedError("The theme model")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tensors: dict[str, np.ndarray] = {
        "centroids": model.centroids_.astype(np.float32),
        "topic_ids": model.topic_ids_.astype(np.int64),
        "global_mean": model.global_mean_.astype(np.float32),
    }
    for lang, mean in model.language_means_.items():
        tensors[f"language_mean.{lang}"] = mean.astype(np.float32)
    for lang, counts in model.counts_.items():
        _put_csr(tensors, f"counts.{lang}", counts)
    if model.phrases_ is not None:
        _put_csr(tensors, "phrases", model.phrases_.counts)
        tensors["phrases.sizes"] = model.phrases_.sizes.astype(np.int64)
    if model.space_ is not None:
        tensors["theme_space"] = model.space_.astype(np.float32)
    if model.matcher_ is not None and len(model.matcher_.examples_):
        tensors["codebook.examples"] = model.matcher_.examples_.astype(np.float32)
        tensors["codebook.example_entry"] = model.matcher_.example_entry_.astype(np.int64)
    save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(folder / ARRAYS_FILE))
    state: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "config": model.config.__dict__,
        "threshold": model.threshold_,
        "main_language": model.main_language_,
        "label_language": model.label_language_,
        "languages": sorted(model.counts_),
        "vocabulary": model.vocabulary_,
        "phrases": model.phrases_.phrases if model.phrases_ is not None else None,
        "phrase_skip": sorted(model.phrases_.skip) if model.phrases_ is not None else [],
        "codebook": model.codebook_.to_json() if model.codebook_ is not None else None,
        "themes": [theme.to_json() for theme in model.theme_list()],
        "history": model.history_,
        "fitted_on": model.fitted_on_,
    }
    text = json.dumps(state, ensure_ascii=False, indent=1)
    (folder / JSON_FILE).write_text(text, encoding="utf-8")
    return folder


def load_model(folder: str | Path) -> ThemeModel:
    """Read a theme model written by :func:`save_model` (validated)."""
    from safetensors.numpy import load_file

    folder = Path(folder)
    json_path, arrays_path = folder / JSON_FILE, folder / ARRAYS_FILE
    if not json_path.is_file() or not arrays_path.is_file():
        raise ConfigError(
            f"{folder}: no saved theme model here (expected {JSON_FILE} and {ARRAYS_FILE})"
        )
    try:
        state = json.loads(json_path.read_text(encoding="utf-8"))
        tensors = load_file(str(arrays_path))
    except (ValueError, OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{folder}: unreadable theme model ({error})") from error
    except Exception as error:  # safetensors raises its own error type on a damaged file
        raise ConfigError(f"{arrays_path}: not a valid safetensors file ({error})") from error
    if not isinstance(state, dict) or state.get("format_version") != FORMAT_VERSION:
        version = state.get("format_version") if isinstance(state, dict) else None
        raise ConfigError(
            f"{json_path}: format version {version} is not supported (this feedback_nlp reads "
            f"version {FORMAT_VERSION}); fit the themes again"
        )
    try:
        return _build(state, tensors)
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(
            f"{folder}: damaged theme model ({type(error).__name__}: {error})"
        ) from error


def _build(state: dict[str, Any], tensors: dict[str, np.ndarray]) -> ThemeModel:
    config = state["config"]
    known = {f.name for f in fields(TopicsConfig)}
    if not isinstance(config, dict) or set(config) - known:
        raise ValueError(f"unknown config keys {sorted(set(config) - known)}")
    model = ThemeModel(TopicsConfig(**config))
    centroids, ids = tensors["centroids"], tensors["topic_ids"]
    _expect(centroids.ndim == 2 and ids.shape == (len(centroids),), "centroids and topic_ids")
    dim = centroids.shape[1]
    model.centroids_, model.topic_ids_ = centroids, ids
    model.global_mean_ = tensors["global_mean"]
    _expect(model.global_mean_.shape == (dim,), "global_mean")
    prefix = "language_mean."
    model.language_means_ = {
        k[len(prefix) :]: v for k, v in tensors.items() if k.startswith(prefix)
    }
    _expect(all(v.shape == (dim,) for v in model.language_means_.values()), "language means")
    model.space_ = tensors.get("theme_space")
    _expect(model.space_ is None or model.space_.shape == (dim, dim), "theme_space")
    model.threshold_ = float(state["threshold"])
    model.main_language_ = str(state["main_language"])
    model.label_language_ = str(state["label_language"])
    model.vocabulary_ = [str(v) for v in state["vocabulary"]]
    shape = (len(ids), len(model.vocabulary_))
    model.counts_ = {
        lang: _get_csr(tensors, f"counts.{lang}", shape) for lang in state["languages"]
    }
    if state["phrases"] is not None:
        phrases = [str(p) for p in state["phrases"]]
        counts = _get_csr(tensors, "phrases", (len(ids), len(phrases)))
        sizes = tensors["phrases.sizes"]
        _expect(sizes.shape == (len(ids),), "phrase sizes")
        skip = _skip_words(state.get("phrase_skip", []))  # none in files before stop 51
        model.phrases_ = PhraseCounts(model.label_language_, phrases, counts, sizes, skip)
    if state["codebook"] is not None:
        model.codebook_ = Codebook.from_json(state["codebook"])
        model.matcher_ = _matcher(model.codebook_, tensors, dim)
    themes = [Theme(**t) for t in state["themes"]]
    _expect(sorted(t.topic for t in themes) == sorted(int(i) for i in ids), "theme ids")
    model.themes_ = {t.topic: t for t in themes}
    model.history_ = list(state["history"])
    model.fitted_on_ = dict(state["fitted_on"])
    return model


def _skip_words(saved: Any) -> frozenset[str]:
    """The saved words no phrase holds (people's names), checked to be a list of strings."""
    if not isinstance(saved, list) or not all(isinstance(word, str) for word in saved):
        raise ValueError("phrase_skip must be a list of words")
    return frozenset(saved)


def _matcher(codebook: Codebook, tensors: dict[str, np.ndarray], dim: int) -> CodebookMatcher:
    matcher = CodebookMatcher(codebook)
    if "codebook.examples" in tensors:
        examples, owners = tensors["codebook.examples"], tensors["codebook.example_entry"]
        _expect(examples.ndim == 2 and examples.shape[1] == dim, "codebook examples")
        _expect(owners.shape == (len(examples),), "codebook example owners")
        _expect(bool((owners >= 0).all() and (owners < len(codebook.entries)).all()), "owners")
        matcher.examples_, matcher.example_entry_ = examples, owners
    return matcher


def _put_csr(tensors: dict[str, np.ndarray], name: str, matrix: sparse.spmatrix) -> None:
    csr = sparse.csr_matrix(matrix, dtype=np.float32)
    tensors[f"{name}.data"] = csr.data.astype(np.float32)
    tensors[f"{name}.indices"] = csr.indices.astype(np.int64)
    tensors[f"{name}.indptr"] = csr.indptr.astype(np.int64)


def _get_csr(
    tensors: dict[str, np.ndarray], name: str, shape: tuple[int, int]
) -> sparse.csr_matrix:
    data, indices, indptr = (tensors[f"{name}.{part}"] for part in ("data", "indices", "indptr"))
    _expect(indptr.shape == (shape[0] + 1,) and len(data) == len(indices), f"{name} arrays")
    _expect(bool(len(indices) == 0 or (indices.min() >= 0 and indices.max() < shape[1])), name)
    return sparse.csr_matrix((data.astype(np.float64), indices, indptr), shape=shape)


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ValueError(f"{what} have inconsistent shapes")
