"""The steps of fitting a theme model: the sample, centring, theme space, partition into
themes, centroids and the outlier threshold (`topics.model` runs them in order)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics import clustering, lexical
from feedback_nlp.topics.config import OUTLIER, TopicsConfig
from feedback_nlp.topics.named import NamedTheme, assign_named, named_themes

if TYPE_CHECKING:
    from feedback_nlp.topics.model import ThemeModel

Encode = Callable[[list[str]], np.ndarray]


def load_space(model: ThemeModel, dim: int) -> dict[str, Any]:
    """Set `space_` from `config.theme_space` (None without one); what it was learnt from."""
    model.space_ = None
    if not model.config.theme_space:
        return {}
    from feedback_nlp.topics.theme_space import load_theme_space

    space = load_theme_space(model.config.theme_space)
    if space.matrix.shape != (dim, dim):
        raise ConfigError(
            f"{model.config.theme_space}: theme space of shape {space.matrix.shape} does not "
            f"fit embeddings of dimension {dim} (trained with another encoder?)"
        )
    model.space_ = space.matrix
    labels = space.info.get("labels", [])
    return {"coded_comments": space.info.get("coded_comments"), "labels": len(labels)}


def whiten(model: ThemeModel, centred: np.ndarray, groups: np.ndarray) -> None:
    """Compose `space_` with the within-theme whitening of the first partition
    (`clustering.within_theme_whitening`); the caller partitions again in the new space."""
    whitening = clustering.within_theme_whitening(
        centred, groups, model.config.whitening, model.config.whitening_shrinkage
    )
    model.space_ = whitening if model.space_ is None else model.space_ @ whitening


def sample_rows(config: TopicsConfig, candidates: np.ndarray) -> np.ndarray:
    """At most `fit_sample` of the candidate rows, seeded, in order."""
    if len(candidates) <= config.fit_sample:
        return candidates
    rng = np.random.default_rng(config.seed)
    return np.sort(rng.choice(candidates, size=config.fit_sample, replace=False))


def learn_centering(
    model: ThemeModel, vectors: np.ndarray, langs: Sequence[str], comment_langs: Sequence[str]
) -> None:
    """The model's global and per-language means and its main language."""
    model.global_mean_ = vectors.mean(axis=0).astype(np.float32)
    model.language_means_ = {}
    model.main_language_ = most_common([str(lang) for lang in comment_langs])
    if model.config.language_centering:
        model.language_means_ = clustering.language_means(
            vectors, langs, model.config.centering_min_docs
        )


def group_units(
    model: ThemeModel,
    centred: np.ndarray,
    texts: list[str],
    langs: list[str],
    seed_embeddings: Mapping[str, np.ndarray],
    encode: Encode,
) -> tuple[np.ndarray, list[NamedTheme]]:
    """Theme index of each fitted unit: named themes first (`topics.named`), then clusters."""
    named = named_themes(model, seed_embeddings, encode)
    groups = assign_named(model, named, centred, texts)
    rest = np.flatnonzero(groups == OUTLIER)
    rest_texts = [texts[i] for i in rest]
    rest_langs = [langs[i] for i in rest]
    groups[rest] = cluster_units(model.config, centred[rest], rest_texts, rest_langs) + len(named)
    return groups, named


def cluster_units(
    config: TopicsConfig, centred: np.ndarray, texts: list[str], langs: list[str]
) -> np.ndarray:
    """Theme index (0..k-1) of each unit: kNN-smoothed Ward on the embeddings joined
    with a lexical view (`topics.lexical`), small themes dissolved."""
    if len(centred) == 0:
        return np.zeros(0, dtype=np.int64)
    if len(centred) < 2 * config.min_topic_size:
        return np.zeros(len(centred), dtype=np.int64)
    points = lexical.hybrid(centred, lexical.lexical_view(texts, langs), config.lexical_weight)
    neighbors = clustering.nearest_neighbors(points, config.graph_neighbors)
    k_smooth = clustering.smoothing_size(len(points), config.smoothing_neighbors)
    smoothed = clustering.smooth(points, neighbors[:, :k_smooth])
    wanted = config.n_themes or clustering.auto_theme_count(len(centred), config.granularity)
    labels = clustering.ward_partition(smoothed, wanted, neighbors)
    return clustering.dissolve_small(centred, labels, config.min_topic_size)


def set_centroids(model: ThemeModel, centred: np.ndarray, groups: np.ndarray) -> None:
    """Number the non-empty groups 0..k-1 (in place) and set the model's centroids and ids."""
    present = [g for g in range(int(groups.max()) + 1) if (groups == g).any()]
    remap = {g: i for i, g in enumerate(present)}
    groups[:] = [remap.get(int(g), OUTLIER) for g in groups]
    model.centroids_ = group_means(centred, groups)
    model.topic_ids_ = np.arange(len(present), dtype=np.int64)


def choose_threshold(model: ThemeModel, centred: np.ndarray) -> float:
    """The similarity a unit needs to take its nearest theme (see `topics.model`, step 5)."""
    if model.config.outlier_threshold is not None:
        return float(model.config.outlier_threshold)
    if len(model.centroids_) == 1:
        return -1.0  # one theme: everything that says something belongs to it
    nearest = (centred @ model.centroids_.T).max(axis=1)
    return float(np.quantile(nearest, model.config.outlier_quantile))


def most_common(values: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""


def group_means(points: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Unit-length mean row of each group 0..max (groups as `set_centroids` numbers them)."""
    count = int(groups.max()) + 1
    return clustering.unit_rows(np.stack([points[groups == g].mean(axis=0) for g in range(count)]))
