"""Device, precision and runtime choices of the encoder."""

from __future__ import annotations

import pytest

from feedback_nlp.backends.encoder_loading import (
    default_batch_size,
    resolve_device,
    resolve_quantize,
    resolve_runtime,
)
from feedback_nlp.errors import ConfigError


def test_device_auto_picks_what_is_present():
    assert resolve_device("cpu") == "cpu"
    assert resolve_device("auto") in ("cpu", "cuda")
    assert default_batch_size("cpu") < default_batch_size("cuda")


def test_quantize_modes_resolve_per_device():
    assert resolve_quantize("auto", "cpu") == "int8"
    assert resolve_quantize("auto", "cuda") == "none"
    assert resolve_quantize("none", "cpu") == "none"
    with pytest.raises(ConfigError, match="quantize='int8' runs on CPU only"):
        resolve_quantize("int8", "cuda:0")
    with pytest.raises(ConfigError, match="quantize='int4': expected one of auto, none, int8"):
        resolve_quantize("int4", "cpu")


def test_bf16_is_refused_on_onnx_runtime():
    assert resolve_runtime("auto", "cpu", "bf16") == "torch"
    with pytest.raises(ConfigError, match="quantize='bf16' runs on torch only"):
        resolve_runtime("onnx", "cpu", "bf16")
