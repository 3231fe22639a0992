from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.tables import (
    SIMILAR_THEME,
    similar_themes,
    theme_table,
    themes_by_segment,
    themes_over_time,
    with_mention_counts,
)


@pytest.fixture
def tagged() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "themes": ["0|1", "0", "1", "-1"],
            "channel": ["app", "app", "survey", "survey"],
            "created_at": pd.to_datetime(
                ["2026-01-03", "2026-01-20", "2026-02-02", "2026-02-05"], utc=True
            ),
        }
    )


def test_comment_counts_in_each_of_its_themes_by_segment(tagged):
    table = themes_by_segment(tagged, "channel")
    app = table[table["channel"] == "app"].set_index("theme")
    assert app.loc[0, "comments"] == 2 and app.loc[1, "comments"] == 1
    assert app.loc[0, "share"] == 1.0


def test_themes_over_time_by_month(tagged):
    table = themes_over_time(tagged, "MS")
    assert table.loc[pd.Timestamp("2026-01-01"), 0] == 2
    assert table.loc[pd.Timestamp("2026-02-01"), 1] == 1


def test_over_time_needs_utc_datetimes(tagged):
    with pytest.raises(ConfigError, match="needs 'created_at' as UTC datetimes"):
        themes_over_time(tagged.assign(created_at="2026-01-01"))


def test_theme_table_has_one_row_per_theme(fitted):
    table = theme_table(fitted)
    assert list(table["topic"]) == sorted(int(t) for t in fitted.topic_ids_)
    assert table["keywords_by_lang"].str.contains("fr:").all()
    assert table["negative_share"].isna().all()


def test_a_theme_filed_under_a_judgement_entry_is_marked(fitted):
    import copy

    from feedback_nlp.topics.codebook import load_codebook

    model = copy.deepcopy(fitted)
    model.codebook_ = load_codebook("builtin")
    first, second = (int(t) for t in sorted(model.topic_ids_)[:2])
    model.themes_[first].category_source = "codebook:overall_experience"
    model.themes_[second].category_source = "codebook:delivery"
    table = theme_table(model).set_index("topic")
    assert table.loc[first, "judgement"] and not table.loc[second, "judgement"]
    assert not theme_table(fitted)["judgement"].any()  # no codebook: nothing judged


def test_theme_table_counts_mentions_and_the_negative_share(fitted):
    first, second = (int(t) for t in sorted(fitted.topic_ids_)[:2])
    mentions = pd.DataFrame(
        {
            "theme": [first, first, first, second],
            "sentiment": pd.array(["negative", "positive", pd.NA, "negative"], dtype="string"),
        }
    )
    table = theme_table(fitted, mentions).set_index("topic")
    assert table.loc[first, "mentions"] == 3
    assert table.loc[first, "negative_share"] == 0.5
    assert table.loc[second, "negative_share"] == 1.0


def test_mentions_are_counted_again_over_other_comments(fitted):
    first, second = (int(t) for t in sorted(fitted.topic_ids_)[:2])
    at_fit = theme_table(fitted)
    later = pd.DataFrame(
        {"theme": [second, second], "sentiment": pd.array(["negative", "neutral"], dtype="string")}
    )
    table = with_mention_counts(at_fit, later).set_index("topic")
    assert table.loc[first, "mentions"] == 0
    assert np.isnan(table.loc[first, "negative_share"])
    assert table.loc[second, "mentions"] == 2
    assert table.loc[second, "negative_share"] == 0.5
    assert table["mentions"].dtype == "Int64"
    assert with_mention_counts(at_fit, None)["mentions"].eq(0).all()


def test_themes_whose_centroids_nearly_coincide_are_listed_as_similar(fitted):
    import copy

    model = copy.deepcopy(fitted)
    first, second, third = (int(t) for t in model.topic_ids_[:3])
    rows = {int(t): i for i, t in enumerate(model.topic_ids_)}
    centroids = np.array(model.centroids_, dtype=np.float32)
    mixed = 0.8 * centroids[rows[first]] + 0.2 * centroids[rows[third]]
    centroids[rows[second]] = mixed / np.linalg.norm(mixed)
    model.centroids_ = centroids
    cosine = float(centroids[rows[first]] @ centroids[rows[second]])
    assert cosine >= SIMILAR_THEME
    similar = similar_themes(model)
    assert similar[first][0] == second and similar[second][0] == first
    table = theme_table(model).set_index("topic")
    assert table.loc[first, "similar_themes"].split("|")[0] == str(second)
    assert second not in similar_themes(model, threshold=cosine + 1e-3).get(first, [])
    for topic, close in similar.items():  # symmetric, and never the theme itself
        assert topic not in close and all(topic in similar[other] for other in close)
