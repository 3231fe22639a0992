"""Stage "embed" with the real converted encoder (one small batch)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.stages.base import Batch, check_chain
from feedback_nlp.stages.embed import EmbedStage
from feedback_nlp.stages.emotion import EmotionStage
from feedback_nlp.stages.sentiment import SentimentStage
from feedback_nlp.stages.topics import TopicsStage


def test_embedding_array_is_aligned_normalised_float32():
    texts = pd.array(["Great app", None, "", "🙂", "x " * 3000], dtype="string")
    table = pd.DataFrame({"response_id": list("abcde"), "text": texts, "text_clean": texts})
    table.index = [4, 3, 2, 1, 0]
    before = table.copy()
    batch = EmbedStage(device="cpu").transform(Batch(table))
    vectors = batch.arrays["embedding"]
    assert vectors.shape == (5, 384) and vectors.dtype == np.float32
    assert batch.arrays["head_features"].shape == (5, 4 * 384)
    np.testing.assert_array_equal(batch.arrays["head_features"][:, :384], vectors)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(vectors[1], vectors[2])  # missing text embeds like ""
    pd.testing.assert_frame_equal(batch.table.drop(columns="text_issues"), before)
    assert batch.table["text_issues"].tolist() == ["", "", "", "", "embedded_partly"]
    again = EmbedStage(device="cpu").transform(Batch(table)).arrays["embedding"]
    np.testing.assert_array_equal(vectors, again)


def test_windows_are_capped_and_the_rest_noted_in_text_issues():
    texts = ["short comment", "word " * 3000]
    table = pd.DataFrame(
        {"response_id": ["a", "b"], "text_clean": texts, "text_issues": ["nul", ""]}
    )
    capped = EmbedStage(device="cpu", windowed=True, max_windows=2).transform(Batch(table))
    assert capped.table["text_issues"].tolist() == ["nul", "embedded_partly"]
    whole = EmbedStage(device="cpu", windowed=True, max_windows=64).transform(Batch(table))
    assert whole.table["text_issues"].tolist() == ["nul", ""]
    # the capped vector is the mean of the first two windows only: close to, not equal to, whole
    cosine = float(capped.arrays["embedding"][1] @ whole.arrays["embedding"][1])
    assert 0.9 < cosine < 1.0 - 1e-7
    with pytest.raises(ConfigError, match="max_windows must be >= 1"):
        EmbedStage(max_windows=0)


def test_encoder_reads_social_markup_as_xlmt_placeholders():
    """Handles and URLs reach the encoder as @user / http (what the heads were trained on);
    text_clean itself is untouched, and social_text=False embeds it as written."""
    raw = "@JetBlue lost my bag again https://t.co/Zx9"
    table = pd.DataFrame(
        {"response_id": ["a", "b"], "text_clean": [raw, "@user lost my bag again http"]}
    )
    batch = EmbedStage(device="cpu").transform(Batch(table))
    vectors = batch.arrays["embedding"]
    np.testing.assert_array_equal(vectors[0], vectors[1])
    assert batch.table["text_clean"].tolist() == table["text_clean"].tolist()
    as_written = EmbedStage(device="cpu", social_text=False).transform(Batch(table))
    assert float(as_written.arrays["embedding"][0] @ vectors[0]) < 1.0 - 1e-4


def test_a_comment_in_capitals_is_embedded_as_in_sentence_case():
    """Before stop 52 a German praise read positive (0.88) was neutral (0.27) in capitals."""
    shouted = "SEHR FREUNDLICHE MITARBEITER IM LADEN, GERNE WIEDER."
    table = pd.DataFrame(
        {
            "response_id": ["a", "b"],
            "text_clean": [shouted, "Sehr freundliche mitarbeiter im laden, gerne wieder."],
        }
    )
    batch = EmbedStage(device="cpu").transform(Batch(table))
    np.testing.assert_array_equal(batch.arrays["embedding"][0], batch.arrays["embedding"][1])
    assert batch.table["text_clean"].iat[0] == shouted


def test_chain_needs_embed_before_the_default_heads():
    with pytest.raises(SchemaError, match="stage 'sentiment' needs"):
        check_chain([SentimentStage()], available={"text_clean"})
    check_chain([EmbedStage(), SentimentStage()], available={"text_clean"})


def test_default_pipeline_on_edge_inputs_with_the_shipped_heads():
    from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR
    from feedback_nlp.schema import validate
    from feedback_nlp.stages.emotion import EmotionStage
    from tests.stages.test_sentiment import edge_table

    if not (DEFAULT_HEADS_DIR / "emotion.json").exists():
        pytest.skip("heads not trained")
    batch = EmbedStage(device="cpu").transform(Batch(edge_table()))
    for stage in (SentimentStage(device="cpu"), EmotionStage(device="cpu")):
        batch = stage.transform(batch)
    out = validate(batch.table)
    assert len(out) == len(edge_table()) and out["sentiment"].notna().all()
    assert out["emotion"].notna().all()
    sentence_level = SentimentStage(level="sentence", device="cpu").transform(batch)
    assert set(sentence_level.tables["sentences"]["response_id"]) <= set(out["response_id"])


def test_int8_stage_keeps_the_array_contract_and_stays_close_to_float():
    texts = ["Great app, fast delivery", "Servicio terrible, nunca más", "Это ужасно", "🙂"]
    table = pd.DataFrame({"response_id": list("abcd"), "text": texts, "text_clean": texts})
    stage = EmbedStage(device="cpu", quantize="int8")
    assert stage.get_config()["quantize"] == "int8"
    assert stage.encoder().quantize == "int8"
    quantised = stage.transform(Batch(table)).arrays
    exact = EmbedStage(device="cpu", quantize="none").transform(Batch(table)).arrays
    vectors = quantised["embedding"]
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert quantised["head_features"].shape == (4, 4 * 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    again = EmbedStage(device="cpu", quantize="int8").transform(Batch(table)).arrays
    np.testing.assert_array_equal(vectors, again["embedding"])
    assert (vectors * exact["embedding"]).sum(axis=1).min() >= 0.95


def test_unknown_quantize_mode_is_refused():
    with pytest.raises(ConfigError, match="stage 'embed': quantize must be one of"):
        EmbedStage(quantize="fp8")


def test_runtime_and_adapters_are_recorded_and_checked(tmp_path):
    from feedback_nlp.stages.embed import adapters_for_heads

    config = EmbedStage(runtime="torch").get_config()
    assert config["runtime"] == "torch" and config["adapters"] is None
    with pytest.raises(ConfigError, match="stage 'embed': runtime must be one of"):
        EmbedStage(runtime="tensorrt")
    with pytest.raises(ConfigError, match="encoder adapters not found"):
        EmbedStage(adapters=str(tmp_path))
    assert adapters_for_heads(str(tmp_path)) is None  # custom heads without adapters
    (tmp_path / "encoder-lora.safetensors").write_bytes(b"")
    assert adapters_for_heads(str(tmp_path)) == str(tmp_path)
    assert EmbedStage(adapters=str(tmp_path)).get_config()["adapters"] == str(tmp_path)


def test_torch_and_onnx_runtimes_give_the_same_arrays():
    texts = ["Great app, fast delivery", "Servicio terrible, nunca más", "Это ужасно", ""]
    table = pd.DataFrame({"response_id": list("abcd"), "text": texts, "text_clean": texts})
    arrays = {
        runtime: EmbedStage(device="cpu", runtime=runtime).transform(Batch(table)).arrays
        for runtime in ("torch", "onnx")
    }
    for name in ("embedding", "head_features", "sentiment_features"):
        np.testing.assert_allclose(arrays["onnx"][name], arrays["torch"][name], atol=1e-5)


BRANCH_TEXTS = ["Arrived 6 days late", "Personal muy amable", "Ich warte seit Wochen", ""]


def branch_table() -> pd.DataFrame:
    return pd.DataFrame(
        {"response_id": list("abcd"), "text": BRANCH_TEXTS, "text_clean": BRANCH_TEXTS}
    )


def test_sentiment_branch_leaves_the_embedding_and_adds_its_own_features():
    """The shipped sentiment branch: the embeddings the themes read and the emotion head's
    features are those of the encoder without a branch; the branch's are new."""
    with_branch = EmbedStage(device="cpu").transform(Batch(branch_table())).arrays
    without = EmbedStage(device="cpu", sentiment_branch=False).transform(Batch(branch_table()))
    assert set(with_branch) == {
        "embedding",
        "head_features",
        "sentiment_features",
        "theme_embedding",
    }
    assert set(without.arrays) == {"embedding", "head_features", "theme_embedding"}
    for name in ("embedding", "head_features", "theme_embedding"):
        np.testing.assert_allclose(with_branch[name], without.arrays[name], atol=1e-6)
        cosine = (with_branch[name] * without.arrays[name]).sum(axis=1)
        assert cosine.min() >= 0.99999
    branch = with_branch["sentiment_features"]
    assert branch.shape == (4, 4 * 384) and branch.dtype == np.float32
    norms = np.linalg.norm(branch.reshape(4, 4, 384), axis=2)
    np.testing.assert_allclose(norms, 1.0, rtol=1e-5)
    assert not np.allclose(branch, with_branch["head_features"], atol=1e-2)


@pytest.mark.parametrize("stage", [SentimentStage, EmotionStage])
def test_stages_run_the_branch_themselves_when_embed_had_none(stage):
    """Both shipped heads read the branch (emotion since stop 29)."""
    results = []
    for branch in (True, False):
        batch = EmbedStage(device="cpu", sentiment_branch=branch).transform(Batch(branch_table()))
        table = stage(device="cpu").transform(batch).table
        results.append(table.filter(regex="^(p|emo)_").to_numpy(dtype=float))
    assert results[0].shape[1] >= 3
    np.testing.assert_allclose(results[0], results[1], atol=1e-5)


@pytest.mark.parametrize("runtime", ["onnx", "torch"])
def test_heads_arrays_are_the_branch_features_alone_and_read_the_same(runtime):
    """arrays="heads": only the branch's features, the same numbers as with every array, so
    sentiment and emotion read the same; the themes cannot follow."""
    if runtime == "onnx":
        pytest.importorskip("onnxruntime")
    batches = {
        arrays: EmbedStage(device="cpu", runtime=runtime, arrays=arrays).transform(
            Batch(branch_table())
        )
        for arrays in ("all", "heads")
    }
    assert set(batches["heads"].arrays) == {"sentiment_features"}
    np.testing.assert_allclose(
        batches["heads"].arrays["sentiment_features"],
        batches["all"].arrays["sentiment_features"],
        atol=1e-6,
    )
    for stage in (SentimentStage(device="cpu"), EmotionStage(device="cpu")):
        read = [stage.transform(batches[a]).table.filter(regex="^(p|emo)_") for a in batches]
        np.testing.assert_allclose(read[0].to_numpy(float), read[1].to_numpy(float), atol=1e-6)
    heads = EmbedStage(arrays="heads")
    assert heads.produces_arrays == ("sentiment_features",)
    check_chain([heads, SentimentStage(), EmotionStage()], available={"text_clean"})
    with pytest.raises(SchemaError, match="stage 'topics' needs"):
        check_chain([heads, TopicsStage()], available={"text_clean"})


def test_heads_arrays_need_a_branch_and_a_known_choice():
    with pytest.raises(ConfigError, match="needs a sentiment_branch"):
        EmbedStage(arrays="heads", sentiment_branch=False)
    with pytest.raises(ConfigError, match="arrays must be one of"):
        EmbedStage(arrays="some")
    assert EmbedStage(arrays="heads").get_config()["arrays"] == "heads"


def test_sentiment_branch_option_is_recorded_and_checked(tmp_path):
    assert EmbedStage().get_config()["sentiment_branch"] is True
    assert EmbedStage(sentiment_branch=False).get_config()["sentiment_branch"] is False
    with pytest.raises(ConfigError, match=r"sentiment-branch\.safetensors: sentiment branch file"):
        EmbedStage(sentiment_branch=str(tmp_path))


def test_theme_pooling_mean_writes_no_theme_embedding_and_others_are_refused():
    stage = EmbedStage(device="cpu", theme_pooling="mean")
    assert "theme_embedding" not in stage.produces_arrays
    assert "theme_embedding" not in stage.transform(Batch(branch_table())).arrays
    with pytest.raises(ConfigError, match="theme_pooling must be one of"):
        EmbedStage(theme_pooling="idf")


def test_a_greeted_comment_in_capitals_is_read_again_folded():
    """Before stop 52's fix a comment in capitals that opened with a greeting was read again
    without it in capitals (the heads' own encoder did not fold it): "HALLO, SEHR
    FREUNDLICHE MITARBEITER …" read neutral, the same praise without the greeting positive."""
    praise = "SEHR FREUNDLICHE MITARBEITER IM LADEN, GERNE WIEDER."
    texts = [f"HALLO, {praise}", "Sehr freundliche mitarbeiter im laden, gerne wieder."]
    table = pd.DataFrame({"response_id": ["a", "b"], "text_clean": texts, "lang": ["de", "de"]})
    batch = EmbedStage(device="cpu").transform(Batch(table))
    stage = SentimentStage(device="cpu")
    scored = stage.scored(texts, ["de", "de"], stage._batch_features(batch))
    np.testing.assert_allclose(scored.features[0], scored.features[1], atol=1e-5)
    np.testing.assert_allclose(scored.probabilities[0], scored.probabilities[1], atol=1e-5)
