from __future__ import annotations

import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics import edits
from feedback_nlp.topics.persistence import load_model, save_model
from tests.topics.conftest import tag


@pytest.fixture
def model(tmp_path, fitted):
    return load_model(save_model(fitted, tmp_path / "copy"))


def test_merged_theme_takes_the_comments_of_both(corpus, model):
    first, second = (int(t) for t in model.topic_ids_[:2])
    before = tag(model, corpus).topic
    edits.merge(model, [first, second])
    after = tag(model, corpus).topic
    merged = (before == first) | (before == second)
    assert set(after[merged]) <= {first, -1}  # far from the merged centroid: "Other"
    assert (after[merged] == first).mean() >= 0.5


def test_deleted_theme_comments_move_elsewhere(corpus, model):
    topic = int(model.topic_ids_[0])
    edits.delete(model, topic)
    assert topic not in tag(model, corpus).topic
    assert model.history_[-1]["action"] == "delete"


def test_split_adds_a_new_theme_id(corpus, model):
    topic = int(model.topic_ids_[0])
    largest = int(model.topic_ids_.max())
    parts = edits.split(model, topic, corpus.texts, corpus.embeddings, corpus.langs)
    assert parts == [topic, largest + 1]
    topics = set(tag(model, corpus).topic)
    assert {topic, largest + 1} <= topics
    assert model.themes_[largest + 1].keywords


def test_a_split_keeps_the_models_skip_words_out_of_its_phrases(corpus, model):
    """Before, a split counted the phrases of its parts without the words the fitted comments
    use as a person's name (the model's skip words)."""
    topic = int(model.topic_ids_[0])
    row = model.phrases_.counts.getrow(model._row(topic))
    used = [model.phrases_.phrases[i] for i in row.indices[row.data > 0]]
    word = max(used, key=len).split()[0]
    model.phrases_.skip = frozenset({word})
    parts = edits.split(model, topic, corpus.texts, corpus.embeddings, corpus.langs)
    holding = [i for i, p in enumerate(model.phrases_.phrases) if word in p.split()]
    for part in parts:
        assert model.phrases_.counts[model._row(part)][:, holding].sum() == 0
        assert word not in model.themes_[part].keywords
    assert word in model.phrases_.skip


def test_rename_keeps_label_when_keywords_refresh(model):
    topic = int(model.topic_ids_[0])
    edits.rename(model, topic, "Late delivery")
    model.refresh_keywords()
    assert model.themes_[topic].label == "Late delivery"


def test_a_name_another_theme_has_is_refused(model):
    first, second = (int(t) for t in model.topic_ids_[:2])
    edits.rename(model, first, "Delivery delays")
    edits.rename(model, first, "Delivery delays")  # its own name again is no clash
    with pytest.raises(ConfigError, match=f"theme {first} is already named 'Delivery delays'"):
        edits.rename(model, second, " delivery  Delays")


def test_label_with_list_separator_is_refused(model):
    with pytest.raises(ConfigError, match=r"without '\|'"):
        edits.rename(model, int(model.topic_ids_[0]), "late | slow")


def test_unknown_theme_is_named_in_the_error(model):
    with pytest.raises(ConfigError, match="there is no theme 99; themes are"):
        edits.rename(model, 99, "x")
    with pytest.raises(ConfigError, match="merge needs at least two different themes"):
        edits.merge(model, [0, 0])
