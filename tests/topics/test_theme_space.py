"""The theme space learnt from coded comments: training, files, and use by the theme model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score

from feedback_nlp.errors import ConfigError, FeedbackError
from feedback_nlp.topics.config import TopicsConfig
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.persistence import load_model, save_model
from feedback_nlp.topics.theme_space import (
    ThemeSpace,
    ThemeSpaceConfig,
    fit_theme_space,
    learn_from_table,
    load_theme_space,
)

QUICK = ThemeSpaceConfig(rank=8, steps=300, batch_size=128)


def _nuisance_dominated(seed: int = 0) -> tuple[np.ndarray, list[list[str]]]:
    """4 labels whose signal is weak next to a label-free nuisance of 4 blobs."""
    rng = np.random.default_rng(seed)
    label_dirs = rng.normal(size=(4, 32))
    nuisance_dirs = rng.normal(size=(4, 32)) * 3
    labels = rng.integers(0, 4, size=400)
    nuisance = rng.integers(0, 4, size=400)
    vectors = label_dirs[labels] + nuisance_dirs[nuisance] + rng.normal(size=(400, 32)) * 0.3
    return vectors.astype(np.float32), [[f"label{k}"] for k in labels]


def _kmeans_nmi(vectors: np.ndarray, labels: list[list[str]]) -> float:
    found = KMeans(4, n_init=4, random_state=0).fit_predict(vectors)
    return normalized_mutual_info_score([row[0] for row in labels], found)


def test_learnt_space_groups_comments_by_their_labels_not_the_nuisance():
    vectors, labels = _nuisance_dominated()
    space = fit_theme_space(vectors, ["en"] * len(vectors), labels, QUICK)
    centred = vectors - vectors.mean(axis=0)
    before = _kmeans_nmi(centred / np.linalg.norm(centred, axis=1, keepdims=True), labels)
    after = _kmeans_nmi(space.apply(centred), labels)
    assert before < 0.5
    assert after > before + 0.3
    assert space.info["labels"] == ["label0", "label1", "label2", "label3"]


def test_fit_is_deterministic_and_skips_rows_without_labels():
    vectors, labels = _nuisance_dominated(seed=1)
    labels[:10] = [[] for _ in range(10)]
    first = fit_theme_space(vectors, ["en"] * 400, labels, QUICK)
    second = fit_theme_space(vectors, ["en"] * 400, labels, QUICK)
    np.testing.assert_array_equal(first.matrix, second.matrix)
    assert first.info["coded_comments"] == 390


def test_too_few_labels_or_mismatched_rows_are_refused():
    vectors, labels = _nuisance_dominated()
    with pytest.raises(FeedbackError, match="at least 2 labels"):
        fit_theme_space(vectors, ["en"] * 400, [["same"]] * 400, QUICK)
    with pytest.raises(FeedbackError, match="399 label lists"):
        fit_theme_space(vectors, ["en"] * 400, labels[:399], QUICK)


def test_save_and_load_round_trip_and_clear_errors(tmp_path):
    space = ThemeSpace(np.eye(6, dtype=np.float32) * 2, {"labels": ["a", "b"]})
    loaded = load_theme_space(space.save(tmp_path / "space"))
    np.testing.assert_array_equal(loaded.matrix, space.matrix)
    assert loaded.info == {"labels": ["a", "b"]}
    with pytest.raises(ConfigError, match=r"no theme_space\.safetensors"):
        load_theme_space(tmp_path / "missing")
    ThemeSpace(np.ones((3, 4), dtype=np.float32)).save(tmp_path / "oblong")
    with pytest.raises(ConfigError, match="square"):
        load_theme_space(tmp_path / "oblong")


def test_theme_model_uses_the_space_and_keeps_it_in_the_saved_model(tmp_path, corpus, extra):
    labels = [[theme] for theme in corpus.themes]
    space = fit_theme_space(corpus.embeddings, corpus.langs, labels, QUICK)
    folder = space.save(tmp_path / "space")
    config = TopicsConfig(theme_space=str(folder), codebook=None)
    model = ThemeModel(config).fit(corpus.texts, corpus.embeddings, corpus.langs, corpus.ids)
    np.testing.assert_array_equal(model.space_, space.matrix)
    assert model.fitted_on_["theme_space"] == {"coded_comments": len(labels), "labels": 6}
    plain = ThemeModel(TopicsConfig(codebook=None))
    plain.fit(corpus.texts, corpus.embeddings, corpus.langs, corpus.ids)
    assert not np.allclose(model.centroids_[:1], plain.centroids_[:1])
    before = model.transform(extra.texts, extra.embeddings, extra.langs)
    save_model(model, tmp_path / "model")
    (folder / "theme_space.safetensors").unlink()  # the saved model carries its own copy
    reloaded = load_model(tmp_path / "model")
    after = reloaded.transform(extra.texts, extra.embeddings, extra.langs)
    np.testing.assert_array_equal(before.topic, after.topic)


def test_a_space_of_another_dimension_is_refused(tmp_path, corpus):
    folder = ThemeSpace(np.eye(8, dtype=np.float32)).save(tmp_path / "small")
    model = ThemeModel(TopicsConfig(theme_space=str(folder), codebook=None))
    with pytest.raises(ConfigError, match="does not fit embeddings of dimension"):
        model.fit(corpus.texts, corpus.embeddings, corpus.langs, corpus.ids)


def test_learn_from_table_embeds_the_texts_and_splits_the_labels(corpus):
    table = pd.DataFrame(
        {
            "response_id": pd.array(corpus.ids, dtype="string"),
            "text": pd.array(corpus.texts, dtype="string"),
            "codes": [f"{theme}|all" for theme in corpus.themes],
        }
    )
    space = learn_from_table(table, "codes", ThemeSpaceConfig(rank=4, steps=20))
    assert space.matrix.shape == (corpus.embeddings.shape[1],) * 2
    assert "all" in space.info["labels"] and space.info["label_column"] == "codes"
    with pytest.raises(FeedbackError, match="no column 'labels'"):
        learn_from_table(table, "labels")
    as_read = table.rename(columns={"codes": "source_topic"})  # a file's "topic", as read
    space = learn_from_table(as_read, "topic", ThemeSpaceConfig(rank=4, steps=20))
    assert space.info["label_column"] == "source_topic"
