"""A theme space learnt from coded comments: a linear map applied after language centring.

Teams that already code their verbatims (last quarter's comments with their analysts' labels)
can teach the theme model which comments belong together. `fit_theme_space` learns a square
matrix W = I + U Vᵀ (low rank, kept near the identity by a penalty) with a supervised
contrastive loss on the language-centred embeddings: comments that share their labels move
together, others apart. The topics stage applies it after centring (`TopicsConfig.theme_space`)
to every unit, centroid and codebook example, so fit, saved models and tagging agree. Off by
default: measured on real sets in docs/topics.md ("A theme space learnt from coded comments").
Saved as safetensors + JSON; no pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError, FeedbackError
from feedback_nlp.topics.clustering import centre, language_means, unit_rows

MATRIX_FILE = "theme_space.safetensors"
INFO_FILE = "theme_space.json"


@dataclass(frozen=True)
class ThemeSpaceConfig:
    """Training settings (defaults: docs/topics.md, the same for every data set)."""

    rank: int = 32
    penalty: float = 0.01  # weight of ||W - I||² against the contrastive loss
    steps: int = 1500
    batch_size: int = 256
    temperature: float = 0.1
    learning_rate: float = 1e-3
    min_overlap: float = 0.5  # Jaccard of two comments' label sets that makes them positives
    min_language_rows: int = 15  # a language with fewer rows is centred by the global mean
    seed: int = 13


@dataclass
class ThemeSpace:
    """The learnt map (dim x dim) and what it was trained on."""

    matrix: np.ndarray
    info: dict[str, Any] = field(default_factory=dict)

    def apply(self, centred: np.ndarray) -> np.ndarray:
        """Centred unit rows mapped into the theme space, unit length again."""
        return unit_rows(np.asarray(centred, dtype=np.float32) @ self.matrix)

    def save(self, folder: str | Path) -> Path:
        """Write theme_space.safetensors + theme_space.json into `folder`."""
        from safetensors.numpy import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        save_file({"matrix": self.matrix.astype(np.float32)}, str(folder / MATRIX_FILE))
        (folder / INFO_FILE).write_text(json.dumps(self.info, indent=1), encoding="utf-8")
        return folder


def load_theme_space(folder: str | Path) -> ThemeSpace:
    """Read a saved theme space; a clear error names the file and what is wrong."""
    from safetensors.numpy import load_file

    path = Path(folder) / MATRIX_FILE
    if not path.exists():
        raise ConfigError(f"{folder}: no {MATRIX_FILE} (a folder written by a theme space)")
    try:
        matrix = load_file(str(path)).get("matrix")
    except Exception as error:  # safetensors raises its own error type on a damaged file
        raise ConfigError(f"{path}: not a valid safetensors file ({error})") from error
    if matrix is None or matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ConfigError(f"{path}: 'matrix' must be a square 2-D array")
    if not np.isfinite(matrix).all():
        raise ConfigError(f"{path}: 'matrix' holds values that are not finite")
    info_path = Path(folder) / INFO_FILE
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    return ThemeSpace(matrix.astype(np.float32), info)


def centre_by_language(vectors: np.ndarray, langs: Sequence[str], min_rows: int) -> np.ndarray:
    """Rows centred as the theme model centres them (`clustering.centre`), learnt on themselves."""
    vectors = np.asarray(vectors, dtype=np.float32)
    means = language_means(vectors, langs, min_rows)
    return centre(vectors, langs, means, vectors.mean(axis=0))


def label_matrix(labels: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[str]]:
    """(rows x distinct labels) 0/1 matrix and the label names, sorted."""
    names = sorted({str(label) for row in labels for label in row})
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(labels), len(names)), dtype=np.float32)
    for row, row_labels in enumerate(labels):
        for label in row_labels:
            matrix[row, index[str(label)]] = 1.0
    return matrix, names


def fit_theme_space(
    vectors: np.ndarray,
    langs: Sequence[str],
    labels: Sequence[Sequence[str]],
    config: ThemeSpaceConfig | None = None,
) -> ThemeSpace:
    """Learn W from embeddings (rows x dim) and each row's labels (rows without any are skipped)."""
    import torch

    config = config or ThemeSpaceConfig()
    if len(vectors) != len(labels) or len(langs) != len(labels):
        raise FeedbackError(
            f"{len(vectors)} embeddings, {len(langs)} languages and {len(labels)} label lists"
        )
    coded = np.flatnonzero([len(row) > 0 for row in labels])
    targets, names = label_matrix([labels[i] for i in coded])
    if len(names) < 2 or len(coded) < 2 * len(names):
        raise FeedbackError(
            f"a theme space needs at least 2 labels and twice as many coded comments as labels; "
            f"got {len(coded)} coded comments with {len(names)} labels"
        )
    centred = centre_by_language(
        np.asarray(vectors)[coded], [langs[i] for i in coded], config.min_language_rows
    )
    matrix = _train(centred, targets, config, torch)
    info = {"labels": names, "coded_comments": len(coded), "config": asdict(config)}
    return ThemeSpace(matrix, info)


def _train(
    centred: np.ndarray, targets: np.ndarray, config: ThemeSpaceConfig, torch: Any
) -> np.ndarray:
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    points = torch.tensor(centred, device=device)
    labels = torch.tensor(targets, device=device)
    dim = points.shape[1]
    identity = torch.eye(dim, device=device)
    left = torch.nn.Parameter(0.01 * torch.randn(dim, config.rank, device=device))
    right = torch.nn.Parameter(torch.zeros(dim, config.rank, device=device))
    optimiser = torch.optim.Adam([left, right], lr=config.learning_rate)
    size = min(config.batch_size, len(points))
    for _ in range(config.steps):
        rows = torch.as_tensor(rng.choice(len(points), size=size, replace=False), device=device)
        change = left @ right.T
        loss = _contrastive(points[rows] @ (identity + change), labels[rows], config, torch)
        loss = loss + config.penalty * (change**2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        return (identity + left @ right.T).cpu().numpy().astype(np.float32)


def _contrastive(mapped: Any, labels: Any, config: ThemeSpaceConfig, torch: Any) -> Any:
    """Supervised contrastive loss; positives: label sets overlapping by `min_overlap` (Jaccard)."""
    points = torch.nn.functional.normalize(mapped, dim=1)
    shared = labels @ labels.T
    union = labels.sum(1, keepdim=True) + labels.sum(1) - shared
    positive = (shared / union.clamp(min=1) >= config.min_overlap).float()
    positive.fill_diagonal_(0)
    logits = points @ points.T / config.temperature
    logits = logits.masked_fill(
        torch.eye(len(points), dtype=torch.bool, device=points.device), -1e9
    )
    log_prob = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    counts = positive.sum(1)
    anchors = counts > 0
    if not anchors.any():
        return (points * 0).sum()
    return (-(positive * log_prob).sum(1)[anchors] / counts[anchors]).mean()


def learn_from_table(
    table: pd.DataFrame, label_column: str, config: ThemeSpaceConfig | None = None
) -> ThemeSpace:
    """Learn a theme space from a feedback table whose `label_column` holds coded labels.

    The texts go through the pipeline's prepare, language and embed stages (the embedding
    the topics stage reads); labels are split like every list cell ("a|b"), and rows without
    a label are skipped. A column the readers renamed (a file's own `topic` is carried as
    `source_topic`, docs/reading.md) is found by the name it had in the file.
    """
    from feedback_nlp.schema import split_list
    from feedback_nlp.stages import STAGES, Batch

    carried = f"source_{label_column}"  # the readers keep a file's own "topic" this way
    if label_column not in table.columns and carried in table.columns:
        label_column = carried
    if label_column not in table.columns:
        raise FeedbackError(
            f"no column {label_column!r} with coded labels; the table has {list(table.columns)}"
        )
    batch = Batch(table.reset_index(drop=True))
    for name in ("prepare", "language", "embed"):
        batch = STAGES[name]().fit_transform(batch)
    labels = [split_list(cell) for cell in batch.table[label_column]]
    langs = batch.table["lang"].astype(str).tolist()
    space = fit_theme_space(batch.arrays["embedding"], langs, labels, config)
    space.info["label_column"] = label_column
    return space
