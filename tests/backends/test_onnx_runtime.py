"""The ONNX Runtime encoder path: same numbers as torch in float32, int8 close, cached graphs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

from feedback_nlp.backends.encoder import (  # noqa: E402
    EMBEDDING_DIM,
    E5Encoder,
    resolve_runtime,
)
from feedback_nlp.backends.onnx_runtime import (  # noqa: E402
    ONNX_LAYERS,
    WEIGHTS_FILE,
    export_onnx,
    graph_key,
    onnx_file,
    run_session,
)
from feedback_nlp.errors import ConfigError  # noqa: E402
from tests.backends.test_encoder import TEXTS  # noqa: E402
from tests.backends.test_lora import tiny_bert  # noqa: E402


def pooled_torch(model, ids: torch.Tensor, mask: torch.Tensor) -> np.ndarray:
    """The last four layers, mean-pooled over unmasked tokens, last layer first."""
    with torch.no_grad():
        states = model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
    weights = mask.unsqueeze(-1).float()
    means = [(s * weights).sum(1) / weights.sum(1) for s in states.hidden_states[-4:][::-1]]
    return torch.cat(means, 1).numpy()


def test_exported_graph_matches_torch_for_any_batch_shape(tmp_path: Path):
    import onnxruntime

    model = tiny_bert()
    export_onnx(model, tmp_path / "tiny.onnx")
    session = onnxruntime.InferenceSession(str(tmp_path / "tiny.onnx"))
    for shape in ((1, 3), (4, 11)):
        ids = torch.randint(3, 50, shape)
        mask = torch.ones(shape, dtype=torch.long)
        mask[0, -1:] = 0
        expected = pooled_torch(model, ids, mask)
        got = run_session(session, ids.numpy(), mask.numpy(), ONNX_LAYERS)
        np.testing.assert_allclose(got, expected, atol=1e-5)
        np.testing.assert_allclose(run_session(session, ids.numpy(), mask.numpy(), 1), got[:, :16])


@pytest.mark.parametrize("quantize", ["none", "int8"])
def test_cached_graph_keeps_its_weights_beside_it(tmp_path: Path, quantize: str):
    """The cached graph is small and its weights sit in WEIGHTS_FILE (mapped, not copied, by
    ONNX Runtime); it computes exactly what the single-file export computes."""
    import onnxruntime
    import transformers

    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=5000, hidden_size=32, num_hidden_layers=4, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=32,
    )  # fmt: skip
    model = transformers.BertModel(config, add_pooling_layer=False).eval()
    model.save_pretrained(tmp_path / "model", safe_serialization=True)
    cached = onnx_file(str(tmp_path / "model"), None, quantize, tmp_path / "cache")
    assert sorted(p.name for p in cached.parent.iterdir()) == ["model.onnx", WEIGHTS_FILE]
    assert (cached.parent / WEIGHTS_FILE).stat().st_size > cached.stat().st_size
    assert onnx_file(str(tmp_path / "model"), None, quantize, tmp_path / "cache") == cached
    ids = torch.randint(3, 5000, (3, 7))
    mask = torch.ones_like(ids)
    got = run_session(onnxruntime.InferenceSession(str(cached)), ids.numpy(), mask.numpy(), 1)
    if quantize == "none":
        export_onnx(model, tmp_path / "single.onnx")
        single = onnxruntime.InferenceSession(str(tmp_path / "single.onnx"))
        np.testing.assert_array_equal(got, run_session(single, ids.numpy(), mask.numpy(), 1))
    else:
        exact = pooled_torch(model, ids, mask)[:, :32]
        cosine = (got * exact).sum(1) / np.linalg.norm(got, axis=1) / np.linalg.norm(exact, axis=1)
        assert cosine.min() > 0.9


def test_runtime_resolves_per_device():
    assert resolve_runtime("auto", "cpu") == "onnx"
    assert resolve_runtime("auto", "cuda") == "torch"
    assert resolve_runtime("torch", "cpu") == "torch"
    with pytest.raises(ConfigError, match="runtime='onnx' runs on CPU only"):
        resolve_runtime("onnx", "cuda:0")
    with pytest.raises(ConfigError, match="runtime='tvm': expected one of auto, torch, onnx"):
        resolve_runtime("tvm", "cpu")


def test_graph_key_depends_on_precision_and_adapters(tmp_path: Path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "model.safetensors").write_bytes(b"weights")
    adapters = tmp_path / "adapters"
    adapters.mkdir()
    (adapters / "encoder-lora.safetensors").write_bytes(b"a")
    keys = {
        graph_key(str(model_dir), None, "none"),
        graph_key(str(model_dir), None, "int8"),
        graph_key(str(model_dir), str(adapters), "none"),
    }
    assert len(keys) == 3
    assert graph_key(str(model_dir), None, "none") == graph_key(str(model_dir), None, "none")


def test_graph_key_depends_on_the_traced_attention(tmp_path: Path, monkeypatch):
    """A graph cached before the export switched attention implementation is not reused."""
    import feedback_nlp.backends.onnx_runtime as onnx_runtime

    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "model.safetensors").write_bytes(b"weights")
    eager = graph_key(str(model_dir), None, "none")
    monkeypatch.setattr(onnx_runtime, "EXPORT_ATTENTION", "sdpa")
    assert graph_key(str(model_dir), None, "none") != eager


def test_eager_export_matches_the_default_attention(tmp_path: Path):
    """The graph traced with eager attention computes what the torch model computes with
    transformers' default attention."""
    import onnxruntime
    from transformers import BertModel

    from feedback_nlp.backends.onnx_runtime import EXPORT_ATTENTION

    default = tiny_bert()
    default.save_pretrained(tmp_path / "tiny")
    eager = BertModel.from_pretrained(
        tmp_path / "tiny", add_pooling_layer=False, attn_implementation=EXPORT_ATTENTION
    ).eval()
    assert eager.config._attn_implementation == EXPORT_ATTENTION
    export_onnx(eager, tmp_path / "eager.onnx")
    session = onnxruntime.InferenceSession(str(tmp_path / "eager.onnx"))
    ids = torch.randint(3, 50, (3, 9))
    mask = torch.ones((3, 9), dtype=torch.long)
    mask[1, -4:] = 0
    got = run_session(session, ids.numpy(), mask.numpy(), ONNX_LAYERS)
    np.testing.assert_allclose(got, pooled_torch(default, ids, mask), atol=1e-5)


@pytest.mark.parametrize("quantize", ["none", "int8"])
def test_real_encoder_on_onnx_runtime(quantize: str):
    """The shipped encoder (adapters merged) on ONNX Runtime against torch float32."""
    reference = E5Encoder(device="cpu", batch_size=3, runtime="torch")
    fast = E5Encoder(device="cpu", batch_size=3, runtime="onnx", quantize=quantize)
    assert fast.runtime == "onnx" and fast.quantize == quantize
    exact = reference.encode(TEXTS, layers=4)
    first = fast.encode(TEXTS, layers=4)
    np.testing.assert_array_equal(first, fast.encode(TEXTS, layers=4))
    assert first.shape == exact.shape and first.dtype == np.float32
    cosine = (first[:, :EMBEDDING_DIM] * exact[:, :EMBEDDING_DIM]).sum(axis=1)
    assert cosine.min() >= (0.99999 if quantize == "none" else 0.95)
