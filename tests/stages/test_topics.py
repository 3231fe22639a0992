from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, NotFittedError, SchemaError
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
    arrays = {"embedding": encode_texts(texts, "embedding"), "theme_embedding": encode_texts(texts)}
    for array in arrays.values():
        array[-2] = 0.0  # the empty comment
    return Batch(table, arrays)


@pytest.fixture(scope="module")
def fitted_stage(batch) -> TopicsStage:
    return TopicsStage(n_themes=6, min_topic_size=3, codebook=None).fit(batch)


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
    loaded = TopicsStage(n_themes=6, min_topic_size=3, codebook=None)
    loaded.load_state(tmp_path)
    pd.testing.assert_frame_equal(
        loaded.transform(batch).table, fitted_stage.transform(batch).table
    )


def test_a_batch_tagged_by_a_saved_model_does_not_carry_the_fitted_comments(tmp_path, batch):
    """Stop 49's privacy probe: a tag job's theme table quoted last month's customers."""
    stage = TopicsStage(n_themes=6, min_topic_size=3, codebook=None)
    fitted = stage.fit_transform(batch).tables["topics"]
    assert (fitted["representative_texts"].str.len() > 0).all()
    assert (stage.transform(batch).tables["topics"]["representative_texts"] != "").all()
    other = batch.table.assign(response_id=("new-" + batch.table["response_id"]).astype("string"))
    new_batch = stage.transform(Batch(other, batch.arrays)).tables["topics"]
    assert (new_batch["representative_ids"] == "").all()  # stop 49's review: fitted, not saved
    stage.save_state(tmp_path)
    loaded = TopicsStage(n_themes=6, min_topic_size=3, codebook=None)
    loaded.load_state(tmp_path)
    tagged = loaded.transform(batch).tables["topics"]
    assert (tagged["representative_texts"] == "").all()
    assert (tagged["representative_ids"] == "").all()
    assert tagged["label"].tolist() == fitted["label"].tolist()


def test_multi_issue_comment_gets_each_issue_with_the_part_raising_it(batch, fitted_stage):
    out = fitted_stage.transform(batch)
    table = out.table
    topic_of = (
        table.iloc[:-2]
        .groupby([f"{theme}" for _, _, theme in fixture_rows()])["topic"]
        .agg(lambda s: s.mode().iloc[0])
    )
    found = {int(t) for t in table["themes"].iloc[-1].split("|")}
    assert {int(topic_of["app_crash"]), int(topic_of["delivery"])} <= found
    labels = split_list(table["theme_labels"].iloc[-1])
    assert len(labels) == len(found)
    mentions = out.tables["theme_mentions"]
    last = mentions[mentions["response_id"] == table["response_id"].iloc[-1]]
    crash = last[last["theme"] == int(topic_of["app_crash"])]
    assert crash["unit_text"].iloc[0].startswith("By the way, the app crashes")
    assert not crash["whole_comment"].iloc[0]
    assert mentions["sentiment"].isna().all()  # no sentiment stage ran


def test_theme_sentiment_reads_the_part_that_raises_each_theme():
    from feedback_nlp.stages import STAGES

    rows = fixture_rows()
    mixed = (
        "The support agent on the hotline was wonderful and solved my problem. "
        "But my parcel arrived two weeks late, a total disaster."
    )
    texts = [text for _, text, _ in rows] + [mixed]
    table = pd.DataFrame(
        {
            "response_id": pd.array([f"r{i}" for i in range(len(texts))], dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "text_clean": pd.array(texts, dtype="string"),
            "lang": pd.array([lang for lang, _, _ in rows] + ["en"], dtype="string"),
        }
    )
    batch = Batch(table)
    for name in ("embed", "sentiment"):
        batch = STAGES[name]().transform(batch)
    out = TopicsStage(n_themes=6, min_topic_size=3, codebook=None).fit_transform(batch)
    mentions = out.tables["theme_mentions"]
    last = mentions[mentions["response_id"] == f"r{len(texts) - 1}"].set_index("unit_text")
    assert len(last) == 2
    support = last.loc[next(u for u in last.index if "hotline" in u)]
    parcel = last.loc[next(u for u in last.index if "parcel" in u)]
    assert support["sentiment"] == "positive"
    assert parcel["sentiment"] == "negative"
    themes = out.tables["topics"].set_index("topic")
    assert themes["negative_share"].notna().all()


def test_stage_needs_embeddings_and_fit(batch):
    with pytest.raises(SchemaError, match=r"needs the array\(s\) \['embedding'\]"):
        TopicsStage().fit(Batch(batch.table))
    with pytest.raises(NotFittedError, match="The topics stage is not fitted yet"):
        TopicsStage().transform(batch)


def test_stage_reads_the_theme_embedding_and_keeps_reading_what_it_was_fitted_on(
    tmp_path, batch, fitted_stage
):
    assert fitted_stage.model_.fitted_on_["embedding_array"] == "theme_embedding"
    fitted_stage.save_state(tmp_path)
    loaded = TopicsStage(n_themes=6, min_topic_size=3, codebook=None)
    loaded.load_state(tmp_path)
    assert loaded.model_.fitted_on_["embedding_array"] == "theme_embedding"
    mean_only = Batch(batch.table, {"embedding": batch.arrays["embedding"]})
    with pytest.raises(SchemaError, match=r"fitted on the array 'theme_embedding'.*theme_pooling"):
        loaded.transform(mean_only)
    on_mean = TopicsStage(n_themes=6, min_topic_size=3, codebook=None).fit(mean_only)
    assert on_mean.model_.fitted_on_["embedding_array"] == "embedding"
    del on_mean.model_.fitted_on_["embedding_array"]  # a model saved before stop 32
    assert (on_mean.transform(batch).table["topic"] >= 0).mean() >= 0.85


@pytest.mark.parametrize(
    ("given", "code"), [("fr", "fr"), ("FR", "fr"), ("fr-FR", "fr"), ("fra", "fr"), ("fre", "fr"),
                        ("deu", "de"), ("pt_BR", "pt"), ("fil", "fil"), ("no", "nb"),
                        ("nor", "nb"), ("iw", "he")],
)  # fmt: skip
def test_label_language_is_read_as_the_lang_column_writes_it(given, code):
    assert TopicsStage(label_language=given).label_language == code


@pytest.mark.parametrize("given", ["xx", "zz", "French", "français", "und", "mul"])
def test_a_label_language_no_language_has_is_refused_when_the_stage_is_built(given):
    with pytest.raises(ConfigError, match="label_language must be a language code"):
        TopicsStage(label_language=given)


def test_a_missing_codebook_stops_analyze_before_any_file_is_read(tmp_path):
    """Before stop 47 it failed at the fit, after the reading and the embedding."""
    from feedback_nlp.pipeline import analyze, default_stages

    stages = default_stages(options={"topics": {"codebook": str(tmp_path / "mon_codebook.toml")}})
    with pytest.raises(ConfigError, match=r"mon_codebook\.toml: codebook file not found"):
        analyze([tmp_path / "not_read_yet.csv"], stages=stages)


def test_the_fit_reads_each_units_polarity_and_assigns_the_same_themes(
    monkeypatch, batch, fitted_stage
):
    """The names read the comments' sentiment (and the parts' own); the themes do not move."""
    from feedback_nlp.topics.model import ThemeModel

    seen: dict[str, object] = {}
    fit = ThemeModel.fit

    def spy(self, *args, **kwargs):
        seen.update(kwargs)
        polarity = kwargs["unit_sentiment"]
        seen["parts"] = list(polarity(["the app crashes every time"], ["en"]))
        return fit(self, *args, **kwargs)

    monkeypatch.setattr(ThemeModel, "fit", spy)
    labels = ["negative", "positive", "neutral"] * len(batch.table)
    table = batch.table.assign(sentiment=pd.array(labels[: len(batch.table)], dtype="string"))
    stage = TopicsStage(n_themes=6, min_topic_size=3, codebook=None).fit(Batch(table, batch.arrays))
    assert seen["sentiments"] == labels[: len(batch.table)]
    assert seen["parts"] == ["negative"]
    columns = ["topic", "themes"]
    pd.testing.assert_frame_equal(
        stage.transform(batch).table[columns], fitted_stage.transform(batch).table[columns]
    )
