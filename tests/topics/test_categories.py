from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics import edits
from feedback_nlp.topics.clustering import auto_category_count, group_centroids
from feedback_nlp.topics.persistence import load_model, save_model
from tests.topics.conftest import encode_texts, fit_model, tag


def _unit(rows: list[list[float]]) -> np.ndarray:
    array = np.asarray(rows, dtype=np.float32)
    return array / np.linalg.norm(array, axis=1, keepdims=True)


def test_near_duplicate_centroids_share_a_group_and_others_stay_apart():
    centroids = _unit([[1, 0, 0], [0.95, 0.3, 0], [0, 1, 0], [0, 0, 1]])
    assert list(group_centroids(centroids, 3)) == [0, 0, 1, 2]
    assert list(group_centroids(centroids, 4)) == [0, 1, 2, 3]


def test_category_count_is_what_an_executive_reads():
    assert auto_category_count(9) == 5
    assert auto_category_count(64) == 8
    assert auto_category_count(400) == 15
    assert auto_category_count(3) == 3


def _main_theme(corpus, model) -> dict[str, int]:
    topics = tag(model, corpus).topic
    return {
        issue: Counter(
            t for t, n in zip(topics, corpus.themes, strict=True) if n == issue
        ).most_common(1)[0][0]
        for issue in sorted(set(corpus.themes))
    }


def test_every_theme_has_a_category_named_unlike_its_themes(fitted):
    labels = {t.label for t in fitted.theme_list()}
    for theme in fitted.theme_list():
        assert theme.category
        if theme.category_source == "discovered":
            assert theme.category not in labels


def test_builtin_codebook_files_themes_across_languages(corpus):
    model = fit_model(corpus, codebook="builtin")
    main = _main_theme(corpus, model)
    assert model.themes_[main["billing"]].category == "Billing & payment"
    assert model.themes_[main["login"]].category == "Login & account"
    assert model.themes_[main["price"]].category_source == "codebook:pricing_value"
    topics = tag(model, corpus).topic
    billing_langs = {
        lang for t, lang in zip(topics, corpus.langs, strict=True) if t == main["billing"]
    }
    assert billing_langs == {"en", "fr", "de", "es", "it"}


def test_a_codebook_of_one_category_takes_only_the_themes_near_it(tmp_path, corpus):
    book = tmp_path / "book.toml"
    book.write_text(
        '[[theme]]\nid = "billing"\nname = "Billing"\n'
        'examples = ["I was charged twice", "wrong amount on my invoice", "double charge"]\n',
        encoding="utf-8",
    )
    model = fit_model(corpus, codebook=str(book))
    main = _main_theme(corpus, model)
    assert model.themes_[main["billing"]].category == "Billing"
    filed = [t for t in model.theme_list() if t.category_source == "codebook:billing"]
    assert len(filed) < len(model.theme_list()) / 2  # every theme was filed under it
    for issue in ("login", "delivery"):
        if issue in main:
            assert model.themes_[main[issue]].category != "Billing"


def test_same_data_same_categories(corpus, fitted):
    again = fit_model(corpus)
    assert [t.category for t in again.theme_list()] == [t.category for t in fitted.theme_list()]


def test_categories_survive_save_and_load(tmp_path, fitted):
    loaded = load_model(save_model(fitted, tmp_path / "topics"))
    assert [(t.category, t.category_id) for t in loaded.theme_list()] == [
        (t.category, t.category_id) for t in fitted.theme_list()
    ]


def test_analyst_category_overrides_the_automatic_one(tmp_path, fitted):
    model = load_model(save_model(fitted, tmp_path / "copy"))
    topic = int(model.topic_ids_[0])
    edits.set_category(model, [topic], "Logistics")
    model.refresh_keywords()
    loaded = load_model(save_model(model, tmp_path / "edited"))
    assert loaded.themes_[topic].category == "Logistics"
    assert loaded.category_of(topic) == "Logistics"


def test_category_name_with_list_separator_is_refused(tmp_path, fitted):
    model = load_model(save_model(fitted, tmp_path / "copy"))
    with pytest.raises(ConfigError, match=r"without '\|'"):
        edits.set_category(model, [int(model.topic_ids_[0])], "a|b")


def test_fewer_categories_can_be_asked_for(corpus):
    model = fit_model(corpus, n_categories=2)
    assert len({t.category for t in model.theme_list()}) <= 2


def test_a_french_and_a_russian_complaint_about_the_same_thing_get_the_same_theme(corpus):
    model = fit_model(corpus, codebook="builtin")
    texts = [
        "On m'a débité deux fois pour la même commande, je veux être remboursé.",
        "С моей карты дважды списали деньги за один и тот же заказ.",
    ]
    assignment = model.transform(texts, encode_texts(texts), ["fr", "ru"], encode_texts)
    assert assignment.topic[0] == assignment.topic[1] != -1
    assert model.category_of(int(assignment.topic[0])) == "Billing & payment"


def test_a_category_no_term_names_is_not_named_like_its_theme():
    from feedback_nlp.topics.config import Theme
    from feedback_nlp.topics.describe import fallback_category_name

    theme = Theme(topic=3, label="invoice / wrong", keywords=["invoice", "wrong"])
    assert fallback_category_name(theme) == "Invoice"
    bare = Theme(topic=4, label="refund")
    assert fallback_category_name(bare) not in {"refund", "Refund"}
