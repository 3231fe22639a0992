"""The encoder on ONNX Runtime: the CPU fast path (float32, or dynamic int8).

The torch model (LoRA adapters merged) is exported once per machine with a small pooling
wrapper, so the graph takes token ids and attention mask and returns the mean-pooled last
`ONNX_LAYERS` layers (last layer first), followed, with a sentiment branch
(:mod:`feedback_nlp.backends.branch`), by the branch's last layers; from a third input, the
weight of each token, it also returns the last layer pooled with those weights (the theme
embedding, :mod:`feedback_nlp.backends.theme_pooling`). A heads-only graph
(:func:`~feedback_nlp.backends.branch.branch_only_encoder`) takes token ids and attention
mask and returns the branch's pooled layers alone. The file is cached
under ``<cache>/onnx/<key>/``, where the key hashes everything the graph depends on; int8
files are quantised from it with ONNX Runtime's dynamic quantisation (per-channel weights).

The weights are saved beside the graph as ONNX external data (``weights.bin``), which ONNX
Runtime maps into memory instead of parsing a copy: only the rows of the 250k-token embedding
table a corpus uses are read, and loading no longer holds the file twice
(``docs/results/memory_bench.json``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.backends.branch import (
    BRANCH_NAME,
    branch_only_encoder,
    pooled_encoder,
    select_blocks,
)
from feedback_nlp.errors import require_package

#: Pooled layers the exported graph returns; callers slice fewer.
ONNX_LAYERS = 4
OPSET = 17
#: File (beside ``model.onnx``) that holds the graph's weights as ONNX external data.
WEIGHTS_FILE = "weights.bin"
#: transformers' attention implementation traced into the graph: its explicit matrix products
#: run faster on ONNX Runtime's CPU kernels than the traced scaled-dot-product attention
#: (same results within 1e-6; docs/sentiment_emotion.md, Speed).
EXPORT_ATTENTION = "eager"
#: Version of the graph's inputs and outputs (2: token weights in, the theme embedding out).
GRAPH_LAYOUT = 2


def _file_facts(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return {"name": path.name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _adapter_digest(folder: str | None, name: str = "encoder-lora") -> str | None:
    if not folder:
        return None
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob(f"{name}.*")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def graph_key(
    model_dir: str,
    adapters: str | None,
    quantize: str,
    branch: str | None = None,
    heads_only: bool = False,
) -> str:
    """Hash of what the exported graph depends on: weights, adapters, precision, versions."""
    torch = require_package("torch", "transformers", "The ONNX encoder")
    ort = require_package("onnxruntime", "models", "The ONNX encoder")
    facts = {
        "model": _file_facts(Path(model_dir) / "model.safetensors"),
        "model_dir": str(Path(model_dir).resolve()),
        "adapters": _adapter_digest(adapters),
        "branch": _adapter_digest(branch, BRANCH_NAME),
        "quantize": quantize,
        "layers": ONNX_LAYERS,
        "opset": OPSET,
        "weights": WEIGHTS_FILE,
        "attention": EXPORT_ATTENTION,
        "layout": GRAPH_LAYOUT,
        **({"heads_only": True} if heads_only else {}),  # keeps the full graph's key
        "torch": torch.__version__,
        "onnxruntime": ort.__version__,
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:16]


def export_onnx(
    model: Any, target: Path, branch: str | None = None, heads_only: bool = False
) -> None:
    """Export the float32 torch `model` with its pooling wrapper (and `branch`) to `target`;
    `heads_only`: the branch's pooled layers alone (it needs a `branch`)."""
    torch = require_package("torch", "transformers", "The ONNX encoder")
    require_package("onnx", "models", "Exporting the encoder to ONNX")
    ids = torch.ones((2, 8), dtype=torch.long)
    if heads_only and branch:
        inputs, outputs = ("input_ids", "attention_mask"), ["pooled"]
        module, example = branch_only_encoder(model, branch), (ids, torch.ones_like(ids))
    else:
        inputs, outputs = ("input_ids", "attention_mask", "pool_weights"), ["pooled", "theme"]
        weights = torch.ones((2, 8), dtype=torch.float32)
        module, example = pooled_encoder(model, branch), (ids, torch.ones_like(ids), weights)
    axes = {name: {0: "batch", 1: "tokens"} for name in inputs}
    with warnings.catch_warnings():  # tracer warnings about data-dependent branches
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            example,
            str(target),
            input_names=list(inputs),
            output_names=outputs,
            dynamic_axes={**axes, **{name: {0: "batch"} for name in outputs}},
            opset_version=OPSET,
            dynamo=False,
        )


def quantize_onnx_int8(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of every MatMul weight (per channel)."""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # it advises pre-processing on the root logger at WARNING
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)


def save_with_external_weights(source: Path, target: Path) -> None:
    """Rewrite the graph at `source` as `target` + :data:`WEIGHTS_FILE` beside it."""
    onnx = require_package("onnx", "models", "Exporting the encoder to ONNX")
    graph = onnx.load(str(source))
    onnx.save_model(
        graph,
        str(target),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=WEIGHTS_FILE,
        size_threshold=1024,
    )


def onnx_file(
    model_dir: str,
    adapters: str | None,
    quantize: str,
    cache: Path,
    branch: str | None = None,
    heads_only: bool = False,
) -> Path:
    """The cached graph for these weights, branch, precision and outputs, exported on first
    use."""
    from feedback_nlp.backends.encoder_loading import torch_model

    folder = cache / "onnx" / graph_key(model_dir, adapters, quantize, branch, heads_only)
    target = folder / "model.onnx"
    if target.exists():
        return target
    staging = folder.with_name(folder.name + f".partial-{os.getpid()}")
    staging.mkdir(parents=True, exist_ok=True)
    float_graph = staging / "float32.onnx"
    model = torch_model(model_dir, "cpu", adapters, EXPORT_ATTENTION)
    export_onnx(model, float_graph, branch, heads_only)
    single_file = float_graph
    if quantize == "int8":
        single_file = staging / "int8.onnx"
        quantize_onnx_int8(float_graph, single_file)
    save_with_external_weights(single_file, staging / "model.onnx")
    for path in {float_graph, single_file}:
        path.unlink()
    if folder.exists():
        shutil.rmtree(folder)
    staging.replace(folder)
    return target


@lru_cache(maxsize=4)
def onnx_session(
    model_dir: str,
    adapters: str | None,
    quantize: str,
    cache: str,
    branch: str | None = None,
    heads_only: bool = False,
) -> Any:
    """An ONNX Runtime CPU session for the encoder (one per configuration and process)."""
    ort = require_package("onnxruntime", "models", "The ONNX encoder")
    torch = require_package("torch", "transformers", "The ONNX encoder")
    options = ort.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.use_deterministic_compute = True
    options.log_severity_level = 3
    path = onnx_file(model_dir, adapters, quantize, Path(cache), branch, heads_only)
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def run_session(
    session: Any,
    input_ids: np.ndarray,
    mask: np.ndarray,
    layers: int,
    branched: bool = False,
    with_branch: bool = True,
    pool_weights: np.ndarray | None = None,
) -> np.ndarray:
    """Mean-pooled last `layers` layers (last first) for one padded batch, then, for a
    `branched` graph and `with_branch`, the branch's last `layers` layers; given
    `pool_weights`, then the last layer pooled with them (the theme embedding)."""
    weights = mask if pool_weights is None else pool_weights
    feeds = _feeds(input_ids, mask, layers)
    feeds["pool_weights"] = weights.astype(np.float32, copy=False)
    pooled, theme = session.run(None, feeds)
    blocks = select_blocks(pooled, layers, branched, with_branch)
    return blocks if pool_weights is None else np.concatenate([blocks, theme], axis=1)


def run_heads_session(
    session: Any, input_ids: np.ndarray, mask: np.ndarray, layers: int
) -> np.ndarray:
    """The branch's pooled last `layers` layers (last first) for one padded batch, from a
    heads-only graph."""
    pooled = session.run(None, _feeds(input_ids, mask, layers))[0]
    return pooled[:, : pooled.shape[1] // ONNX_LAYERS * layers]


def _feeds(input_ids: np.ndarray, mask: np.ndarray, layers: int) -> dict[str, np.ndarray]:
    """The token ids and attention mask as the graphs take them; `layers` checked."""
    if layers > ONNX_LAYERS:
        raise ValueError(f"the ONNX encoder returns at most {ONNX_LAYERS} layers, not {layers}")
    return {
        "input_ids": input_ids.astype(np.int64, copy=False),
        "attention_mask": mask.astype(np.int64, copy=False),
    }
