from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics import edits
from feedback_nlp.topics.persistence import load_model, save_model


def test_load_then_transform_gives_identical_ids(tmp_path, corpus, extra, fitted):
    before = fitted.transform(corpus.embeddings, corpus.langs)
    loaded = load_model(save_model(fitted, tmp_path / "topics"))
    after = loaded.transform(corpus.embeddings, corpus.langs)
    np.testing.assert_array_equal(after.topic, before.topic)
    np.testing.assert_array_equal(after.score, before.score)
    assert after.themes == before.themes
    assert loaded.transform(extra.embeddings, extra.langs).topic[0] == -1
    assert [t.label for t in loaded.theme_list()] == [t.label for t in fitted.theme_list()]


def test_saved_model_is_only_safetensors_and_json(tmp_path, fitted):
    folder = save_model(fitted, tmp_path / "topics")
    assert sorted(p.name for p in folder.iterdir()) == ["topics.json", "topics.safetensors"]


def test_merge_and_rename_survive_save_and_load(tmp_path, corpus, fitted):
    model = load_model(save_model(fitted, tmp_path / "copy"))
    first, second = (int(t) for t in model.topic_ids_[:2])
    kept = edits.merge(model, [second, first])
    edits.rename(model, kept, "Late delivery")
    edits.set_category(model, [kept], "Logistics")
    loaded = load_model(save_model(model, tmp_path / "edited"))
    assert kept == first
    assert second not in loaded.themes_
    assert loaded.themes_[kept].label == "Late delivery"
    assert loaded.themes_[kept].category == "Logistics"
    assert [h["action"] for h in loaded.history_] == ["merge", "rename", "category"]
    np.testing.assert_array_equal(
        loaded.transform(corpus.embeddings, corpus.langs).topic,
        model.transform(corpus.embeddings, corpus.langs).topic,
    )


def test_missing_folder_gives_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no saved theme model here"):
        load_model(tmp_path)
