"""Loading the encoder: device, precision and runtime choices, the torch model and tokenizer."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from feedback_nlp.errors import ConfigError, require_package


def resolve_device(device: str) -> str:
    """``"auto"`` gives ``"cuda"`` when a GPU is present, else ``"cpu"``; others pass through."""
    if device != "auto":
        return device
    torch = require_package("torch", "transformers", "The encoder")
    return "cuda" if torch.cuda.is_available() else "cpu"


QUANTIZE_MODES = ("auto", "none", "int8", "bf16")


def resolve_quantize(quantize: str, device: str) -> str:
    """``"auto"`` gives ``"int8"`` on CPU and ``"none"`` elsewhere; int8 is CPU-only.

    ``"bf16"`` runs the torch model in bfloat16 (on CUDA, ``"none"`` already runs in bf16, or
    fp16 on GPUs without bf16); fast on CPUs with native bf16 (AVX512-BF16, AMX); others
    emulate it."""
    if quantize not in QUANTIZE_MODES:
        raise ConfigError(f"quantize={quantize!r}: expected one of {', '.join(QUANTIZE_MODES)}")
    on_cpu = device == "cpu"
    if quantize == "auto":
        return "int8" if on_cpu else "none"
    if quantize == "int8" and not on_cpu:
        raise ConfigError(f"quantize='int8' runs on CPU only, not on device {device!r}")
    return quantize


RUNTIMES = ("auto", "torch", "onnx")


def default_batch_size(device: str) -> int:
    """Texts per forward pass: 16 on CPU (faster than 8, 32 and 64 on 2 cores, both runtimes,
    with the sentiment branch; docs/sentiment_emotion.md, Speed), 128 on GPU."""
    return 16 if device == "cpu" else 128


def resolve_runtime(runtime: str, device: str, quantize: str = "none") -> str:
    """``"auto"`` gives ONNX Runtime on CPU when it is installed, else torch; CUDA and bf16
    use torch."""
    if runtime not in RUNTIMES:
        raise ConfigError(f"runtime={runtime!r}: expected one of {', '.join(RUNTIMES)}")
    if runtime == "onnx" and device != "cpu":
        raise ConfigError(f"runtime='onnx' runs on CPU only, not on device {device!r}")
    if runtime == "onnx" and quantize == "bf16":
        raise ConfigError("quantize='bf16' runs on torch only; use runtime='torch' or 'auto'")
    if runtime == "auto":
        onnx = device == "cpu" and quantize != "bf16" and _has_onnxruntime()
        return "onnx" if onnx else "torch"
    return runtime


def _has_onnxruntime() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(name) for name in ("onnxruntime", "onnx"))


def torch_model(
    model_dir: str, device: str, adapters: str | None, attention: str | None = None
) -> Any:
    """The BertModel in eval mode on `device` (bf16/fp16 on CUDA), LoRA adapters merged;
    `attention` names transformers' attention implementation (None: its default)."""
    torch = require_package("torch", "transformers", "The encoder")
    transformers = require_package("transformers", "transformers", "The encoder")
    transformers.utils.logging.disable_progress_bar()
    model = transformers.BertModel.from_pretrained(
        model_dir,
        add_pooling_layer=False,
        dtype=torch.float32,
        use_safetensors=True,
        attn_implementation=attention,
    )
    if adapters:
        from feedback_nlp.backends.lora import load_adapters, merge_lora

        merge_lora(model, *load_adapters(Path(adapters)))
    if device.startswith("cuda"):
        model = model.to(torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16)
    return model.to(device).eval()


@lru_cache(maxsize=4)
def load_tokenizer(model_dir: str) -> Any:
    transformers = require_package("transformers", "transformers", "The encoder")
    return transformers.AutoTokenizer.from_pretrained(model_dir)


@lru_cache(maxsize=4)
def load_model(
    model_dir: str,
    device: str,
    quantize: str,
    adapters: str | None = None,
    branch: str | None = None,
    heads_only: bool = False,
) -> tuple[Any, Any]:
    """Tokenizer and torch model, loaded once per folder, device, precision, adapters and
    branch (with a `branch`, the model is :func:`~feedback_nlp.backends.branch.pooled_encoder`:
    it returns pooled layers; `heads_only`, :func:`~feedback_nlp.backends.branch.
    branch_only_encoder`: the branch's alone).

    Batch size, length limit and windowing are per-call settings of :class:`E5Encoder`, so
    encoders that differ only in those share one copy of the weights.
    """
    tokenizer = load_tokenizer(model_dir)
    model = torch_model(model_dir, device, adapters)
    if branch:
        from feedback_nlp.backends.branch import branch_only_encoder, pooled_encoder

        model = branch_only_encoder(model, branch) if heads_only else pooled_encoder(model, branch)
    if quantize == "int8":
        model = quantize_int8(model)
    if quantize == "bf16":
        model = model.to(require_package("torch", "transformers", "The encoder").bfloat16)
    return tokenizer, model


def quantize_int8(model: Any) -> Any:
    """The model with every ``nn.Linear`` dynamically int8-quantised (per-channel weights, CPU)."""
    import warnings

    torch = require_package("torch", "transformers", "The encoder")
    quantization = torch.ao.quantization
    per_channel = {torch.nn.Linear: quantization.per_channel_dynamic_qconfig}
    with warnings.catch_warnings():  # torch announces that quantised tensors will move
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return quantization.quantize_dynamic(model, per_channel, dtype=torch.qint8, inplace=False)
