"""The sentiment branch: the encoder's own output untouched, the branch equal to the adapted
layers, the same numbers on ONNX Runtime, files checked."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from feedback_nlp.backends.branch import (  # noqa: E402
    BRANCH_NAME,
    branch_folder,
    branch_only_encoder,
    check_branch,
    pooled_encoder,
    select_blocks,
)
from feedback_nlp.backends.lora import LoraSpec, apply_lora, lora_state, merge_lora  # noqa: E402
from feedback_nlp.errors import ConfigError  # noqa: E402
from tests.backends.test_lora import tiny_bert as tiny_lora_bert  # noqa: E402

SPEC = LoraSpec(first_layer=1, rank=4, alpha=8.0, dropout=0.0)


def tiny_bert() -> transformers.BertModel:
    """A tiny 5-layer BERT: a branch of layers 1-4 pools 4 layers of its own."""
    return tiny_lora_bert(layers=5)


def write_branch(folder: Path) -> dict:
    """Random (non-identity) adapters on layers 1-4 of the tiny model, saved as a branch."""
    from safetensors.torch import save_file

    wrapped = tiny_bert()
    apply_lora(wrapped.encoder.layer[SPEC.first_layer :], SPEC)
    torch.manual_seed(1)
    for name, parameter in wrapped.named_parameters():
        if name.endswith("lora_B"):
            parameter.data.normal_(0, 0.2)
    state = lora_state(wrapped.encoder.layer[SPEC.first_layer :], SPEC)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(state, str(folder / f"{BRANCH_NAME}.safetensors"))
    (folder / f"{BRANCH_NAME}.json").write_text(json.dumps(SPEC.to_json()), encoding="utf-8")
    return state


def pooled(model, ids: torch.Tensor, mask: torch.Tensor) -> np.ndarray:
    """The last four layers mean-pooled, last first (what the encoder's head features hold)."""
    with torch.no_grad():
        states = model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
    weights = mask.unsqueeze(-1).float()
    means = [(s * weights).sum(1) / weights.sum(1) for s in states.hidden_states[-4:][::-1]]
    return torch.cat(means, 1).numpy()


IDS = torch.tensor([[1, 5, 7, 9, 2, 0], [1, 3, 4, 6, 8, 2]])
MASK = torch.tensor([[1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1]])


def test_branch_leaves_the_encoder_as_it_is_and_equals_the_adapted_layers(tmp_path: Path):
    state = write_branch(tmp_path)
    model = tiny_bert()
    with torch.no_grad():
        out = pooled_encoder(model, str(tmp_path))(IDS, MASK).numpy()
    assert out.shape == (2, 2 * 4 * 16)
    np.testing.assert_array_equal(out[:, :64], pooled(tiny_bert(), IDS, MASK))
    adapted = tiny_bert()
    merge_lora(adapted, state, SPEC)
    np.testing.assert_allclose(out[:, 64:], pooled(adapted, IDS, MASK), atol=1e-5)
    assert not np.allclose(out[:, 64:], out[:, :64], atol=1e-3)


def test_a_short_branch_pools_the_shared_layers_below_it(tmp_path: Path):
    """A branch of 2 layers (3-4 of 5): its features pool its own 2 outputs and the encoder's
    layers 1-2, as the full adapted model's last 4 layers do."""
    from safetensors.torch import save_file

    spec = LoraSpec(first_layer=3, rank=4, alpha=8.0, dropout=0.0)
    state = {
        k: v for k, v in write_branch(tmp_path).items() if k.startswith(("layer.3", "layer.4"))
    }
    save_file(state, str(tmp_path / f"{BRANCH_NAME}.safetensors"))
    (tmp_path / f"{BRANCH_NAME}.json").write_text(json.dumps(spec.to_json()), encoding="utf-8")
    with torch.no_grad():
        out = pooled_encoder(tiny_bert(), str(tmp_path))(IDS, MASK).numpy()
    adapted = tiny_bert()
    merge_lora(adapted, state, spec)
    np.testing.assert_allclose(out[:, 64:], pooled(adapted, IDS, MASK), atol=1e-5)
    np.testing.assert_array_equal(out[:, 96:], out[:, 32:64])  # layers 1-2: shared


def test_select_blocks_takes_the_same_layers_of_both_stacks():
    pooled_out = np.arange(2 * 8 * 3, dtype=np.float32).reshape(2, 24)  # 8 blocks of 3
    got = select_blocks(pooled_out, 2, branched=True)
    np.testing.assert_array_equal(got, np.concatenate([pooled_out[:, :6], pooled_out[:, 12:18]], 1))
    np.testing.assert_array_equal(select_blocks(pooled_out, 2, True, False), pooled_out[:, :6])
    np.testing.assert_array_equal(select_blocks(pooled_out[:, :12], 1, False), pooled_out[:, :3])


def test_branch_on_onnx_runtime_matches_torch(tmp_path: Path):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import onnxruntime

    from feedback_nlp.backends.onnx_runtime import export_onnx, run_session

    write_branch(tmp_path / "heads")
    model = tiny_bert()
    export_onnx(model, tmp_path / "branch.onnx", str(tmp_path / "heads"))
    session = onnxruntime.InferenceSession(str(tmp_path / "branch.onnx"))
    with torch.no_grad():
        expected = pooled_encoder(tiny_bert(), str(tmp_path / "heads"))(IDS, MASK).numpy()
    got = run_session(session, IDS.numpy(), MASK.numpy(), 4, branched=True)
    np.testing.assert_allclose(got, expected, atol=1e-5)
    plain = run_session(session, IDS.numpy(), MASK.numpy(), 1, branched=True, with_branch=False)
    np.testing.assert_allclose(plain, expected[:, :16], atol=1e-5)


def test_the_branch_alone_gives_the_branch_blocks_of_the_whole_encoder(tmp_path: Path):
    """Heads-only: the layers below the branch and the branch, not the encoder's own top
    layers; the same numbers as the branch's blocks of the whole module, on both runtimes."""
    write_branch(tmp_path / "heads")
    folder = str(tmp_path / "heads")
    with torch.no_grad():
        whole = pooled_encoder(tiny_bert(), folder)(IDS, MASK).numpy()
        alone = branch_only_encoder(tiny_bert(), folder)(IDS, MASK).numpy()
    np.testing.assert_allclose(alone, whole[:, 64:], atol=1e-6)
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import onnxruntime

    from feedback_nlp.backends.onnx_runtime import export_onnx, run_heads_session

    export_onnx(tiny_bert(), tmp_path / "heads.onnx", folder, heads_only=True)
    session = onnxruntime.InferenceSession(str(tmp_path / "heads.onnx"))
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask"]
    got = run_heads_session(session, IDS.numpy(), MASK.numpy(), 2)
    np.testing.assert_allclose(got, whole[:, 64:96], atol=1e-5)


def test_pool_weights_add_the_weighted_last_layer_on_both_runtimes(tmp_path: Path):
    """The theme embedding: the encoder's own last layer (not the branch's) pooled with the
    given token weights, the other blocks unchanged; ONNX Runtime gives the same."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    import onnxruntime

    from feedback_nlp.backends.onnx_runtime import export_onnx, run_session

    write_branch(tmp_path / "heads")
    weights = torch.tensor([[0, 0.5, 1, 2, 0, 0], [0, 1, 1, 1, 1, 0]], dtype=torch.float32)
    module = pooled_encoder(tiny_bert(), str(tmp_path / "heads"))
    with torch.no_grad():
        pooled, theme = module(IDS, MASK, weights)
        last = tiny_bert()(input_ids=IDS, attention_mask=MASK).last_hidden_state
        np.testing.assert_array_equal(pooled.numpy(), module(IDS, MASK).numpy())
    expected = ((last * weights[..., None]).sum(1) / weights.sum(1, keepdim=True)).numpy()
    np.testing.assert_allclose(theme.numpy(), expected, atol=1e-5)
    export_onnx(tiny_bert(), tmp_path / "branch.onnx", str(tmp_path / "heads"))
    session = onnxruntime.InferenceSession(str(tmp_path / "branch.onnx"))
    got = run_session(session, IDS.numpy(), MASK.numpy(), 1, True, False, weights.numpy())
    np.testing.assert_allclose(got[:, :16], pooled.numpy()[:, :16], atol=1e-5)
    np.testing.assert_allclose(got[:, 16:], expected, atol=1e-5)


def test_branch_files_are_checked(tmp_path: Path):
    assert branch_folder(tmp_path) is None and check_branch(None) is None
    (tmp_path / f"{BRANCH_NAME}.safetensors").write_bytes(b"")
    assert branch_folder(tmp_path) == str(tmp_path)
    with pytest.raises(ConfigError, match=f"{BRANCH_NAME}.json: sentiment branch file not found"):
        check_branch(str(tmp_path))


def test_branch_that_does_not_fit_the_encoder_is_refused(tmp_path: Path):
    write_branch(tmp_path)
    spec = {**SPEC.to_json(), "first_layer": 5}  # no layer left to branch
    (tmp_path / f"{BRANCH_NAME}.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ConfigError, match="first_layer 5 does not fit an encoder of 5 layers"):
        pooled_encoder(tiny_bert(), str(tmp_path))
