"""Within-theme whitening (opt-in `TopicsConfig.whitening`): the map, and a whitened model."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.clustering import within_theme_whitening
from feedback_nlp.topics.config import OUTLIER, TopicsConfig
from feedback_nlp.topics.persistence import load_model, save_model
from tests.topics.conftest import fit_model, tag


def _two_themes_with_a_nuisance(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two themes apart on axis 0; inside each, wording varies widely on axis 1."""
    rng = np.random.default_rng(seed)
    points = 0.05 * rng.standard_normal((200, 6))
    labels = np.repeat([0, 1], 100)
    points[:, 0] += np.where(labels == 0, -0.5, 0.5)
    points[:, 1] += 3.0 * rng.standard_normal(200)
    return points, labels


def _nearest_centroid_accuracy(points: np.ndarray, labels: np.ndarray) -> float:
    rows = points / np.linalg.norm(points, axis=1, keepdims=True)
    centroids = np.stack([rows[labels == g].mean(axis=0) for g in (0, 1)])
    return float(((rows @ centroids.T).argmax(axis=1) == labels).mean())


def test_whitening_damps_what_varies_inside_themes():
    points, labels = _two_themes_with_a_nuisance()
    matrix = within_theme_whitening(points, labels, power=0.5, shrinkage=3.0)
    axes = np.eye(6)
    assert np.linalg.norm(axes[1] @ matrix) < 0.7 * np.linalg.norm(axes[0] @ matrix)
    before = _nearest_centroid_accuracy(points, labels)
    after = _nearest_centroid_accuracy(points @ matrix, labels)
    assert after > before + 0.1


def test_whitening_is_deterministic_and_ignores_unassigned_rows():
    points, labels = _two_themes_with_a_nuisance()
    first = within_theme_whitening(points, labels, 0.5, 3.0)
    assert np.array_equal(first, within_theme_whitening(points, labels, 0.5, 3.0))
    noisy = np.vstack([points, 50.0 * np.ones((3, 6))])
    unassigned = np.concatenate([labels, [OUTLIER] * 3])
    assert np.allclose(first, within_theme_whitening(noisy, unassigned, 0.5, 3.0))
    assert np.allclose(within_theme_whitening(points, labels, 0.0, 3.0), np.eye(6), atol=1e-6)


@pytest.mark.parametrize("settings", [{"whitening": -0.5}, {"whitening_shrinkage": 0.0}])
def test_invalid_whitening_is_refused(settings):
    with pytest.raises(ConfigError):
        TopicsConfig(**settings)


def test_a_whitened_model_keeps_issues_across_languages_and_reloads(tmp_path, corpus, extra):
    model = fit_model(corpus, whitening=0.5)
    assert model.fitted_on_["whitening"] == {"power": 0.5, "shrinkage": 3.0}
    assert model.space_ is not None
    topics = tag(model, corpus).topic
    majorities = set()
    for issue in set(corpus.themes):
        members = [t for t, n in zip(topics, corpus.themes, strict=True) if n == issue]
        theme, count = Counter(members).most_common(1)[0]
        assert theme != OUTLIER and count >= 0.8 * len(members), issue
        majorities.add(theme)
    assert len(majorities) >= 5
    loaded = load_model(save_model(model, tmp_path / "topics"))
    assert loaded.fitted_on_["whitening"] == model.fitted_on_["whitening"]
    assert np.array_equal(tag(loaded, extra).topic, tag(model, extra).topic)
