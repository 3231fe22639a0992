from __future__ import annotations

import numpy as np

from feedback_nlp.topics import clustering
from feedback_nlp.topics.lexical import MIN_UNITS, hybrid, lexical_view

LATE = ["parcel arrived late", "late parcel again", "my parcel is late", "parcel came late"]
TWICE = ["charged twice", "charged me twice", "double charged twice", "twice charged again"]


def _texts(n: int) -> list[str]:
    return [(LATE if i % 2 else TWICE)[i % 4] + f" {'x' * (i % 3 + 2)}" for i in range(n)]


def test_each_language_gets_its_own_centred_block():
    texts = _texts(60) + [t.replace("parcel", "colis") for t in _texts(60)]
    langs = ["en"] * 60 + ["fr"] * 60
    view = lexical_view(texts, langs)
    en, fr = view[:60], view[60:]
    width = view.shape[1] // 2
    assert width > 0 and view.shape[1] == 2 * width
    assert np.allclose(en @ fr.T, 0)  # two languages never share lexical similarity
    assert np.allclose(np.linalg.norm(view, axis=1), 1, atol=1e-5)
    assert np.abs(en[:, :width].mean(axis=0)).max() < 0.1  # centred on the language's mean


def test_a_small_language_gets_no_lexical_view():
    view = lexical_view(_texts(MIN_UNITS - 1), ["en"] * (MIN_UNITS - 1))
    assert view.shape == (MIN_UNITS - 1, 0)
    embeddings = clustering.unit_rows(np.random.default_rng(0).normal(size=(3, 4)))
    assert hybrid(embeddings, np.zeros((3, 0), np.float32), 0.6) is embeddings


def test_shared_wording_separates_what_the_embeddings_do_not():
    texts = _texts(80)
    rng = np.random.default_rng(0)
    embeddings = clustering.unit_rows(rng.normal(size=(1, 16)) + 0.01 * rng.normal(size=(80, 16)))
    points = hybrid(embeddings, lexical_view(texts, ["en"] * 80), 0.6)
    assert np.allclose(np.linalg.norm(points, axis=1), 1, atol=1e-5)
    neighbors = clustering.nearest_neighbors(points, 10)
    labels = clustering.ward_partition(points, 2, neighbors)
    wording = np.array([i % 2 for i in range(80)])
    agreement = max((labels == wording).mean(), (labels != wording).mean())
    assert agreement == 1.0
