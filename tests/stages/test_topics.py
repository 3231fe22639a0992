from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.errors import NotFittedError, SchemaError
from feedback_nlp.schema import COLUMNS, split_list, validate
from feedback_nlp.stages.base import Batch
from feedback_nlp.stages.topics import TopicsStage
from tests.topics.fixture_texts import fixture_rows

TWO_SENTENCES = (
    "My parcel arrived a week late. Shipping took far too long and nobody told me "
    "when it would come. By the way, the app crashes every time I open it."
)


@pytest.fixture(scope="module")
def batch() -> Batch:
    from feedback_nlp.topics.encoder import encode_texts

    rows = fixture_rows()
    texts = [text for _, text, _ in rows] + ["", TWO_SENTENCES]
    table = pd.DataFrame(
        {
            "response_id": pd.array([f"r{i}" for i in range(len(texts))], dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "text_clean": pd.array(texts, dtype="string"),
            "lang": pd.array([lang for lang, _, _ in rows] + ["und", "en"], dtype="string"),
        },
        index=pd.RangeIndex(100, 100 + len(texts)),
    )
    embeddings = encode_texts(texts)
    embeddings[-2] = 0.0  # the empty comment
    return Batch(table, {"embedding": embeddings})


@pytest.fixture(scope="module")
def fitted_stage(batch) -> TopicsStage:
    return TopicsStage(min_topic_size=5).fit(batch)


def test_stage_writes_schema_columns_and_theme_table(batch, fitted_stage):
    out = fitted_stage.transform(batch)
    validate(out.table)
    assert out.table.index.equals(batch.table.index)
    assert out.table["topic"].dtype == "Int64"
    assert out.table["topic"].iloc[-2] == -1 and out.table["themes"].iloc[-2] == "-1"
    assert (out.table["topic"] >= 0).mean() >= 0.85
    side = out.tables["topics"]
    assert set(side["topic"]) == set(out.table["topic"]) - {-1}
    assert side["category"].str.len().min() > 0


def test_stage_writes_categories_of_main_and_all_themes(batch, fitted_stage):
    table = fitted_stage.transform(batch).table
    for column in ("topic_category", "categories"):
        assert table[column].dtype == COLUMNS[column].dtype
    model = fitted_stage.model_
    for topic, category, themes, categories in table[
        ["topic", "topic_category", "themes", "categories"]
    ].itertuples(index=False):
        assert category == model.category_of(topic)
        expected = list(dict.fromkeys(model.category_of(int(t)) for t in split_list(themes)))
        assert split_list(categories) == expected
    assert table["topic_category"].iloc[-2] == "Other"


def test_stage_state_round_trip_gives_same_columns(tmp_path, batch, fitted_stage):
    fitted_stage.save_state(tmp_path)
    loaded = TopicsStage(min_topic_size=5)
    loaded.load_state(tmp_path)
    pd.testing.assert_frame_equal(
        loaded.transform(batch).table, fitted_stage.transform(batch).table
    )


def test_sentence_themes_give_each_sentence_its_theme(tmp_path, batch, fitted_stage):
    fitted_stage.save_state(tmp_path)
    sentences = TopicsStage(min_topic_size=5, sentence_themes=True)
    sentences.load_state(tmp_path)
    table = sentences.transform(batch).table
    topic_of = (
        table.iloc[:-2]
        .groupby([f"{theme}" for _, _, theme in fixture_rows()])["topic"]
        .agg(lambda s: s.mode().iloc[0])
    )
    found = {int(t) for t in table["themes"].iloc[-1].split("|")}
    assert {int(topic_of["app_crash"]), int(topic_of["delivery"])} <= found


def test_stage_needs_embeddings_and_fit(batch):
    with pytest.raises(SchemaError, match=r"needs the array\(s\) \['embedding'\]"):
        TopicsStage().fit(Batch(batch.table))
    with pytest.raises(NotFittedError, match="The topics stage is not fitted yet"):
        TopicsStage().transform(batch)
