"""Batches of token ids: token budget, padding, per-block normalisation."""

from __future__ import annotations

import numpy as np

from feedback_nlp.backends.batching import (
    l2_normalise_blocks,
    padded_batch,
    text_starts,
    token_budget_batches,
)


def test_padded_batch_frames_each_sequence_and_pads_to_the_longest():
    input_ids, mask = padded_batch([[5, 6, 7], [], [9]], bos=0, eos=2, pad=1)
    assert input_ids.dtype == mask.dtype == np.int64
    assert input_ids.tolist() == [[0, 5, 6, 7, 2], [0, 2, 1, 1, 1], [0, 9, 2, 1, 1]]
    assert mask.tolist() == [[1, 1, 1, 1, 1], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0]]


def test_token_budget_batches_shrink_for_long_texts():
    lengths = [10] * 8 + [512] * 8
    order = np.argsort(lengths, kind="stable")
    batches = [len(b) for b in token_budget_batches(order, lengths, 4, 128)]
    assert batches == [4, 4, 1, 1, 1, 1, 1, 1, 1, 1]
    assert sum(batches) == len(lengths)


def test_text_starts_mark_each_texts_first_window():
    assert text_starts([0, 0, 1, 2, 2, 2]).tolist() == [True, False, True, True, False, False]


def test_each_block_is_normalised_on_its_own():
    vectors = np.array([[3.0, 4.0, 0.0, 0.0, 2.0, 0.0]])
    normed = l2_normalise_blocks(vectors, 2)
    assert normed.dtype == np.float32
    np.testing.assert_allclose(normed, [[0.6, 0.8, 0.0, 0.0, 1.0, 0.0]])
