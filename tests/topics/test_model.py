from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError, FeedbackError
from feedback_nlp.topics.encoder import seed_vectors
from feedback_nlp.topics.model import OUTLIER, ThemeModel, TopicsConfig
from tests.topics.conftest import fit_model


def test_fit_finds_one_theme_per_issue_across_languages(corpus, fitted):
    topics = fitted.transform(corpus.embeddings, corpus.langs).topic
    assert len(fitted.topic_ids_) >= 4
    by_topic: dict[int, list[int]] = {}
    for index, topic in enumerate(topics):
        by_topic.setdefault(int(topic), []).append(index)
    majority = sum(
        Counter(corpus.themes[i] for i in members).most_common(1)[0][1]
        for topic, members in by_topic.items()
        if topic != OUTLIER
    )
    assert majority / len(corpus.texts) >= 0.75
    for topic, members in by_topic.items():
        if topic != OUTLIER and len(members) >= 5:
            assert len({corpus.langs[i] for i in members}) >= 3, topic


def test_delivery_comments_in_three_languages_share_a_theme(corpus, fitted):
    topics = fitted.transform(corpus.embeddings, corpus.langs).topic
    delivery = [t for t, theme in zip(topics, corpus.themes, strict=True) if theme == "delivery"]
    main, count = Counter(delivery).most_common(1)[0]
    assert main != OUTLIER
    assert count >= 12  # of 15 comments in 5 languages


def test_labels_are_short_and_keywords_given_per_language(fitted):
    for theme in fitted.theme_list():
        assert 2 <= len(theme.label.split(" · ")) <= 4
        assert len(theme.keywords_by_lang) >= 3
        assert theme.representative_texts


def test_unrelated_comment_is_flagged_outlier(extra, fitted):
    assignment = fitted.transform(extra.embeddings[:2], extra.langs[:2])
    assert list(assignment.topic) == [OUTLIER, OUTLIER]
    assert assignment.themes == [[OUTLIER], [OUTLIER]]


def test_comment_with_two_issues_gets_two_themes(corpus, extra, fitted):
    topics = fitted.transform(corpus.embeddings, corpus.langs).topic
    theme_of = {
        name: Counter(
            t for t, n in zip(topics, corpus.themes, strict=True) if n == name
        ).most_common(1)[0][0]
        for name in ("delivery", "app_crash")
    }
    themes = fitted.transform(extra.embeddings[2:], extra.langs[2:]).themes[0]
    assert set(theme_of.values()) <= set(themes)


def test_most_single_issue_comments_get_a_single_theme(corpus, fitted):
    themes = fitted.transform(corpus.embeddings, corpus.langs).themes
    assert sum(len(t) > 1 for t in themes) <= 0.1 * len(themes)


def test_same_data_same_config_gives_same_themes(corpus, fitted):
    again = fit_model(corpus)
    np.testing.assert_array_equal(again.centroids_, fitted.centroids_)
    assert [t.label for t in again.theme_list()] == [t.label for t in fitted.theme_list()]


def test_guided_seed_collects_its_theme_in_every_language(corpus):
    seeds = {"pricing": ["expensive", "price", "prix trop cher"]}
    model = ThemeModel(TopicsConfig(min_topic_size=5, seeds=seeds)).fit(
        corpus.texts, corpus.embeddings, corpus.langs, seed_embeddings=seed_vectors(seeds)
    )
    assert model.themes_[0].label == "pricing"
    assert model.themes_[0].seed_keywords == seeds["pricing"]
    topics = model.transform(corpus.embeddings, corpus.langs).topic
    price_topics = [t for t, theme in zip(topics, corpus.themes, strict=True) if theme == "price"]
    assert price_topics.count(0) >= 13
    in_seed = [theme for t, theme in zip(topics, corpus.themes, strict=True) if t == 0]
    assert in_seed.count("price") / len(in_seed) >= 0.8


def test_tiny_input_gives_a_single_theme(corpus):
    model = fit_model(
        corpus.__class__(
            corpus.texts[:3], corpus.langs[:3], corpus.themes[:3], corpus.embeddings[:3]
        )
    )
    assert list(model.topic_ids_) == [0]
    assert list(model.transform(corpus.embeddings[:3], corpus.langs[:3]).topic) == [0, 0, 0]


def test_no_text_gives_a_clear_error():
    with pytest.raises(FeedbackError, match="none of the 2 comments has text"):
        ThemeModel().fit(["", "  "], np.ones((2, 4), np.float32), ["en", "en"])


def test_embeddings_of_wrong_shape_are_refused(fitted):
    with pytest.raises(FeedbackError, match="have 8 dimensions but the theme model was fitted"):
        fitted.transform(np.ones((2, 8), np.float32), ["en", "fr"])
    with pytest.raises(FeedbackError, match=r"with 3 rows, got shape \(2, 384\)"):
        fitted.transform(np.ones((2, 384), np.float32), ["en", "fr", "de"])


def test_nan_embedding_is_refused_with_its_row(fitted):
    embeddings = np.ones((3, 384), np.float32)
    embeddings[1, 5] = np.nan
    with pytest.raises(FeedbackError, match="embedding of row 1 contains NaN"):
        fitted.transform(embeddings, ["en", "en", "en"])


def test_invalid_config_is_refused():
    with pytest.raises(ConfigError, match="min_topic_size must be at least 2, got 1"):
        TopicsConfig(min_topic_size=1)
