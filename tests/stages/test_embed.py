"""Stage "embed" with the real converted encoder (one small batch)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import SchemaError
from feedback_nlp.stages.base import Batch, check_chain
from feedback_nlp.stages.embed import EmbedStage
from feedback_nlp.stages.sentiment import SentimentStage


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
    pd.testing.assert_frame_equal(batch.table, before)
    again = EmbedStage(device="cpu").transform(Batch(table)).arrays["embedding"]
    np.testing.assert_array_equal(vectors, again)


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
