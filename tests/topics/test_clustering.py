from __future__ import annotations

import numpy as np

from feedback_nlp.topics.clustering import (
    nearest_neighbors,
    renumber,
    smooth,
    smoothing_size,
    unit_rows,
    ward_partition,
)


def _blobs(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = unit_rows(rng.normal(size=(4, 16)))
    truth = np.repeat(np.arange(4), 30)
    points = unit_rows(centres[truth] + 0.15 * rng.normal(size=(120, 16)))
    return points, truth


def test_nearest_neighbors_list_the_point_itself_first():
    points, _ = _blobs()
    neighbors = nearest_neighbors(points, 5)
    assert neighbors.shape == (120, 5)
    assert (neighbors[:, 0] == np.arange(120)).all()


def test_smoothing_keeps_unit_rows_and_is_gentler_on_small_corpora():
    points, _ = _blobs()
    smoothed = smooth(points, nearest_neighbors(points, 3))
    np.testing.assert_allclose(np.linalg.norm(smoothed, axis=1), 1.0, rtol=1e-5)
    assert smoothing_size(90, 5) == 3
    assert smoothing_size(5_000, 5) == 5


def test_ward_partition_recovers_separated_groups_deterministically():
    from sklearn.metrics import adjusted_rand_score

    points, truth = _blobs()
    neighbors = nearest_neighbors(points, 10)
    first = ward_partition(points, 4, neighbors)
    again = ward_partition(points, 4, neighbors)
    np.testing.assert_array_equal(first, again)
    assert adjusted_rand_score(truth, first) > 0.95
    assert sorted(set(first)) == [0, 1, 2, 3]


def test_renumber_orders_ids_by_first_appearance():
    assert list(renumber(np.array([7, 7, 2, 9, 2]))) == [0, 0, 1, 2, 1]
