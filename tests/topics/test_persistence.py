from __future__ import annotations

import json

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics import edits
from feedback_nlp.topics.persistence import ARRAYS_FILE, JSON_FILE, load_model, save_model
from tests.topics.conftest import tag


def test_load_then_transform_gives_identical_ids(tmp_path, corpus, extra, fitted):
    extra = extra.__class__(
        extra.texts[:2], extra.langs[:2], extra.themes[:2], extra.embeddings[:2]
    )
    before = tag(fitted, corpus)
    loaded = load_model(save_model(fitted, tmp_path / "topics"))
    after = tag(loaded, corpus)
    np.testing.assert_array_equal(after.topic, before.topic)
    np.testing.assert_array_equal(after.score, before.score)
    assert after.themes == before.themes
    assert tag(loaded, extra).topic[0] == -1
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
    np.testing.assert_array_equal(tag(loaded, corpus).topic, tag(model, corpus).topic)


def test_the_words_no_phrase_holds_survive_save_and_load(tmp_path, fitted):
    """Before, a loaded model had no skip words (people's names): its edits named themes
    with them."""
    model = load_model(save_model(fitted, tmp_path / "copy"))
    model.phrases_.skip = frozenset({"okafor", "brennan"})
    loaded = load_model(save_model(model, tmp_path / "named"))
    assert loaded.phrases_.skip == {"okafor", "brennan"}


def test_a_model_saved_without_skip_words_loads_with_none(tmp_path, fitted):
    folder = save_model(fitted, tmp_path / "topics")
    _tamper(folder, lambda state: state.pop("phrase_skip"))
    assert load_model(folder).phrases_.skip == frozenset()


def test_missing_folder_gives_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no saved theme model here"):
        load_model(tmp_path)


def test_codebook_and_its_example_vectors_survive_save_and_load(tmp_path, corpus):
    from tests.topics.conftest import fit_model

    model = fit_model(corpus, codebook="builtin")
    loaded = load_model(save_model(model, tmp_path / "topics"))
    assert [e.id for e in loaded.codebook_.entries] == [e.id for e in model.codebook_.entries]
    np.testing.assert_array_equal(loaded.matcher_.examples_, model.matcher_.examples_)
    assert [t.category for t in loaded.theme_list()] == [t.category for t in model.theme_list()]


def _tamper(folder, change) -> None:
    state = json.loads((folder / JSON_FILE).read_text(encoding="utf-8"))
    change(state)
    (folder / JSON_FILE).write_text(json.dumps(state), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["config"].update(run="os.system"), "unknown config keys"),
        (lambda s: s["themes"].pop(), "theme ids"),
        (lambda s: s["themes"][0].update(code="x"), "damaged theme model"),
        (lambda s: s.update(format_version=1), "format version 1 is not supported"),
        (lambda s: s.update(phrase_skip="okafor"), "phrase_skip must be a list of words"),
    ],
)
def test_tampered_json_gives_a_clear_error(tmp_path, fitted, change, message):
    folder = save_model(fitted, tmp_path / "topics")
    _tamper(folder, change)
    with pytest.raises(ConfigError, match=message):
        load_model(folder)


def test_arrays_of_the_wrong_shape_give_a_clear_error(tmp_path, fitted):
    from safetensors.numpy import load_file, save_file

    folder = save_model(fitted, tmp_path / "topics")
    tensors = load_file(str(folder / ARRAYS_FILE))
    tensors["global_mean"] = np.zeros(7, dtype=np.float32)
    save_file(tensors, str(folder / ARRAYS_FILE))
    with pytest.raises(ConfigError, match="global_mean have inconsistent shapes"):
        load_model(folder)


def test_garbage_arrays_file_gives_a_clear_error(tmp_path, fitted):
    folder = save_model(fitted, tmp_path / "topics")
    (folder / ARRAYS_FILE).write_bytes(b"\x80\x04not a safetensors file")
    with pytest.raises(ConfigError, match=r"not a valid safetensors file|unreadable"):
        load_model(folder)
