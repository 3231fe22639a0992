"""LoRA adapters: identity at start, merging equals the wrapped forward, files round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from feedback_nlp.backends.lora import (  # noqa: E402
    LoraSpec,
    apply_lora,
    load_adapters,
    lora_state,
    merge_lora,
)
from feedback_nlp.errors import ConfigError  # noqa: E402


def tiny_bert(seed: int = 0, layers: int = 3) -> transformers.BertModel:
    torch.manual_seed(seed)
    config = transformers.BertConfig(
        vocab_size=50, hidden_size=16, num_hidden_layers=layers, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=32,
    )  # fmt: skip
    return transformers.BertModel(config, add_pooling_layer=False).eval()


def run(model: transformers.BertModel, ids: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state


IDS = torch.tensor([[1, 5, 7, 9, 2], [1, 3, 4, 6, 2]])
SPEC = LoraSpec(first_layer=1, rank=4, alpha=8.0, dropout=0.0)


def adapted_copy() -> transformers.BertModel:
    """A tiny model with adapters on layers 1-2 whose B matrices are random (not identity)."""
    model = tiny_bert()
    apply_lora(model.encoder.layer[SPEC.first_layer :], SPEC)
    torch.manual_seed(1)
    for name, parameter in model.named_parameters():
        if name.endswith("lora_B"):
            parameter.data.normal_(0, 0.2)
    return model.eval()


def test_fresh_adapters_leave_the_model_unchanged():
    plain = tiny_bert()
    adapted = tiny_bert()
    apply_lora(adapted.encoder.layer[SPEC.first_layer :], SPEC)
    torch.testing.assert_close(run(adapted, IDS), run(plain, IDS))
    trainable = {n for n, p in adapted.named_parameters() if n.endswith(("lora_A", "lora_B"))}
    assert len(trainable) == 2 * 2 * len(SPEC.modules)


def test_merged_weights_equal_the_wrapped_forward(tmp_path: Path):
    import json

    from safetensors.torch import save_file

    adapted = adapted_copy()
    state = lora_state(adapted.encoder.layer[SPEC.first_layer :], SPEC)
    assert (
        "layer.1.attention.self.query.lora_A" in state
        and "layer.0.output.dense.lora_A" not in state
    )
    save_file(state, str(tmp_path / "encoder-lora.safetensors"))
    (tmp_path / "encoder-lora.json").write_text(json.dumps(SPEC.to_json()), encoding="utf-8")
    loaded, spec = load_adapters(tmp_path)
    assert spec == SPEC
    merged = tiny_bert()
    merge_lora(merged, loaded, spec)
    expected = run(adapted, IDS)
    torch.testing.assert_close(run(merged, IDS), expected, atol=1e-5, rtol=1e-5)
    assert not torch.allclose(run(tiny_bert(), IDS), expected, atol=1e-3)


def test_missing_adapters_are_reported(tmp_path: Path):
    with pytest.raises(ConfigError, match="LoRA adapter file not found"):
        load_adapters(tmp_path)
    state = lora_state(adapted_copy().encoder.layer[SPEC.first_layer :], SPEC)
    state.pop("layer.2.output.dense.lora_B")
    with pytest.raises(ConfigError, match=r"lack layer\.2\.output\.dense"):
        merge_lora(tiny_bert(), state, SPEC)
