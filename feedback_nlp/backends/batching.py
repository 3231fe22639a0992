"""Batching token ids for the encoder: length-sorted batches under a token budget, padding,
and the per-block normalisation of pooled vectors."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np


def text_starts(owners: Sequence[int]) -> np.ndarray:
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


def l2_normalise_blocks(vectors: np.ndarray, blocks: int) -> np.ndarray:
    """L2-normalise each 384-d block; the first block is the final layer's e5 embedding."""
    parts = np.split(vectors, blocks, axis=1)
    normed = [p / np.maximum(np.linalg.norm(p, axis=1, keepdims=True), 1e-12) for p in parts]
    return np.concatenate(normed, axis=1).astype(np.float32)
