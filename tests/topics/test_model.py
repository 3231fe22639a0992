from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from feedback_nlp.errors import ConfigError, FeedbackError
from feedback_nlp.text.pseudonyms import pseudonymise_pii_id
from feedback_nlp.topics.config import OUTLIER, TopicsConfig
from feedback_nlp.topics.encoder import seed_vectors
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.naming import label_language
from feedback_nlp.topics.phrases import is_readable
from tests.topics.conftest import encode_texts, fit_model, tag

CONTENT_FREE = ["ok", "Thanks!", "👍👍", "Rien à ajouter.", "n/a"]


def majority_theme(corpus, topics, issue):
    return Counter(t for t, n in zip(topics, corpus.themes, strict=True) if n == issue).most_common(
        1
    )[0]


def test_fit_finds_one_theme_per_issue_across_languages(corpus, fitted):
    topics = tag(fitted, corpus).topic
    for issue in set(corpus.themes):
        theme, count = majority_theme(corpus, topics, issue)
        assert theme != OUTLIER
        assert count >= 0.8 * corpus.themes.count(issue), issue
    majorities = {majority_theme(corpus, topics, issue)[0] for issue in set(corpus.themes)}
    assert len(majorities) >= 5


def test_every_fixture_comment_says_something_and_gets_a_theme(corpus, fitted):
    assignment = tag(fitted, corpus)
    assert (assignment.topic != OUTLIER).mean() >= 0.95


def test_automatic_granularity_gives_tens_of_themes_for_a_bigger_corpus():
    from feedback_nlp.topics.clustering import auto_theme_count

    assert auto_theme_count(90, 1.0) == 9
    assert auto_theme_count(2_385 * 2, 1.0) == 69
    assert auto_theme_count(100_000, 1.0) == 316
    assert auto_theme_count(2_385, 0.5) < auto_theme_count(2_385, 2.0)


def test_delivery_comments_in_five_languages_share_a_theme(corpus, fitted):
    topics = tag(fitted, corpus).topic
    delivery = [t for t, n in zip(topics, corpus.themes, strict=True) if n == "delivery"]
    langs = {
        lang
        for t, n, lang in zip(topics, corpus.themes, corpus.langs, strict=True)
        if n == "delivery" and t == Counter(delivery).most_common(1)[0][0]
    }
    assert langs == {"en", "fr", "de", "es", "it"}


def test_labels_are_readable_and_keywords_given_per_language(fitted):
    for theme in fitted.theme_list():
        assert is_readable(theme.label, "en"), theme.label
        assert not any(ch.isdigit() for ch in theme.label)
        assert theme.keywords
    languages = {lang for t in fitted.theme_list() for lang in t.keywords_by_lang}
    assert languages >= {"en", "fr", "de"}


def test_content_free_comments_are_other(fitted):
    assignment = fitted.transform(
        CONTENT_FREE, encode_texts(CONTENT_FREE), ["en", "en", "und", "fr", "en"], encode_texts
    )
    assert list(assignment.topic) == [OUTLIER] * len(CONTENT_FREE)
    assert assignment.themes == [[OUTLIER]] * len(CONTENT_FREE)


def test_unrelated_comment_is_other(extra, fitted):
    texts = extra.texts[:2]
    assignment = fitted.transform(texts, extra.embeddings[:2], extra.langs[:2], encode_texts)
    assert list(assignment.topic) == [OUTLIER, OUTLIER]


def test_comment_with_two_issues_gets_two_themes(corpus, extra, fitted):
    topics = tag(fitted, corpus).topic
    expected = {majority_theme(corpus, topics, issue)[0] for issue in ("delivery", "app_crash")}
    text, lang = extra.texts[2:], extra.langs[2:]
    assignment = fitted.transform(text, extra.embeddings[2:], lang, encode_texts)
    assert expected <= set(assignment.themes[0])
    mentions = assignment.mentions
    assert set(mentions["theme"]) >= expected
    assert all(unit in text[0] for unit in mentions["text"])


def test_most_single_issue_comments_get_a_single_theme(corpus, fitted):
    themes = tag(fitted, corpus).themes
    assert sum(len(t) > 1 for t in themes) <= 0.1 * len(themes)


def test_same_data_same_config_gives_same_themes(corpus, fitted):
    again = fit_model(corpus)
    np.testing.assert_array_equal(again.centroids_, fitted.centroids_)
    assert [t.label for t in again.theme_list()] == [t.label for t in fitted.theme_list()]


def test_another_seed_gives_the_same_assignment(corpus, fitted):
    other = fit_model(corpus, seed=7)
    np.testing.assert_array_equal(tag(other, corpus).topic, tag(fitted, corpus).topic)


def test_guided_seed_collects_its_theme_in_every_language(corpus):
    seeds = {"pricing": ["expensive", "price", "prix trop cher"]}
    model = ThemeModel(TopicsConfig(min_topic_size=5, codebook=None, seeds=seeds)).fit(
        corpus.texts,
        corpus.embeddings,
        corpus.langs,
        encode=encode_texts,
        seed_embeddings=seed_vectors(seeds),
    )
    assert model.themes_[0].label == "pricing"
    assert model.themes_[0].seed_keywords == seeds["pricing"]
    topics = tag(model, corpus).topic
    price_topics = [t for t, theme in zip(topics, corpus.themes, strict=True) if theme == "price"]
    assert price_topics.count(0) >= 13
    in_seed = [theme for t, theme in zip(topics, corpus.themes, strict=True) if t == 0]
    assert in_seed.count("price") / len(in_seed) >= 0.8


def test_tiny_input_gives_a_single_theme(corpus):
    small = corpus.__class__(
        corpus.texts[:3], corpus.langs[:3], corpus.themes[:3], corpus.embeddings[:3]
    )
    model = fit_model(small, n_themes=None)
    assert len(model.topic_ids_) == 1
    assert (tag(model, small).topic == 0).all()


def test_representative_ids_that_are_personal_data_are_pseudonymised(corpus):
    ids = [f"customer{i}@example.com" for i in range(len(corpus.texts))]
    model = ThemeModel(TopicsConfig(n_themes=6, min_topic_size=3, codebook=None)).fit(
        corpus.texts, corpus.embeddings, corpus.langs, ids=ids, encode=encode_texts
    )
    saved = [i for theme in model.themes_.values() for i in theme.representative_ids]
    assert saved and all(i.startswith("pii-") for i in saved)  # as in every exported table
    assert set(saved) <= {pseudonymise_pii_id(i) for i in ids}


def test_label_language_is_english_only_with_enough_english():
    assert label_language(["en"] * 10 + ["de"] * 90) == "en"
    assert label_language(["en"] * 3 + ["de"] * 97) == "de"
    assert label_language(["und"] * 50 + ["fr"] * 10) == "fr"


def test_no_text_gives_a_clear_error():
    with pytest.raises(FeedbackError, match="says anything"):
        ThemeModel(TopicsConfig(codebook=None)).fit(
            ["", "  ", "ok"], np.ones((3, 4), np.float32), ["und", "und", "en"], encode=encode_texts
        )


def test_embeddings_of_wrong_shape_are_refused(fitted):
    with pytest.raises(FeedbackError, match="dimensions"):
        fitted.transform(["late parcel"] * 2, np.ones((2, 5)), ["en", "en"], encode_texts)
    with pytest.raises(FeedbackError, match="rows"):
        fitted.transform(["late parcel"] * 2, np.ones((3, 384)), ["en", "en"], encode_texts)


def test_nan_embedding_is_refused_with_its_row(fitted):
    embeddings = np.ones((3, 384), dtype=np.float32)
    embeddings[1, 7] = np.nan
    with pytest.raises(FeedbackError, match="row 1"):
        fitted.transform(["a b", "c d", "e f"], embeddings, ["en"] * 3, encode_texts)


@pytest.mark.parametrize(
    "settings",
    [
        {"min_topic_size": 0},
        {"granularity": 0},
        {"n_themes": 0},
        {"outlier_quantile": 1.5},
        {"label_language": "french"},  # was saved and ignored: names came out in English
    ],
)
def test_invalid_config_is_refused(settings):
    with pytest.raises(ConfigError):
        TopicsConfig(**settings)


def test_user_codebook_theme_with_a_keyword_rule(tmp_path, corpus):
    book = tmp_path / "book.toml"
    book.write_text(
        '[[theme]]\nid = "double_charge"\nlevel = "theme"\n'
        'name = { en = "Charged twice", fr = "Débité deux fois" }\n'
        'examples = { en = ["I was charged twice"], fr = ["débité deux fois"] }\n'
        'rules = [\'"charged" NEAR/3 "twice"\', \'"double" NEAR "charge*"\']\n',
        encoding="utf-8",
    )
    model = fit_model(corpus, codebook=str(book))
    named = [t for t in model.theme_list() if t.codebook_id == "double_charge"]
    assert len(named) == 1 and named[0].label == "Charged twice" and named[0].label_locked
    texts = ["Weird: a double charge for my last order.", "The parcel was late."]
    assignment = model.transform(texts, encode_texts(texts), ["en", "en"], encode_texts)
    assert named[0].topic in assignment.themes[0]
    assert named[0].topic not in assignment.themes[1]


def test_sentiments_change_no_theme_of_any_comment(corpus, fitted):
    """The comments' sentiment only guides the names (`topics.name_polarity`)."""
    sentiments = ["negative", "positive", "neutral"] * (len(corpus.texts) // 3 + 1)
    sentiments = sentiments[: len(corpus.texts)]
    with_sentiment = ThemeModel(
        TopicsConfig(n_themes=6, min_topic_size=3, codebook=None)
    ).fit(
        corpus.texts, corpus.embeddings, corpus.langs, ids=corpus.ids, encode=encode_texts,
        sentiments=sentiments, unit_sentiment=lambda texts, langs: ["negative"] * len(texts),
    )  # fmt: skip
    np.testing.assert_array_equal(with_sentiment.centroids_, fitted.centroids_)
    before, after = tag(fitted, corpus), tag(with_sentiment, corpus)
    np.testing.assert_array_equal(after.topic, before.topic)
    assert after.themes == before.themes
    with pytest.raises(FeedbackError, match="but 1 sentiments"):
        ThemeModel().fit(corpus.texts, corpus.embeddings, corpus.langs, sentiments=["positive"])
