"""The theme embedding: the encoder's last layer pooled so that frequent tokens count less.

Mean pooling gives every token the same say, so in a single-domain corpus the words every
comment shares ("my card", "the", "please") pull all embeddings together and the part that
differs (the issue raised) counts for little. The theme embedding weighs each token by
``a / (a + p)`` (smooth inverse frequency, Arora, Liang & Ma 2017), where ``p`` is the token's
unigram probability in the encoder's own SentencePiece model (learnt by XLM-R on CC-100, 100
languages): no corpus statistics, so the same text always gets the same vector, and nothing
to download or ship. Special tokens and the ``"query: "`` prefix weigh 0. It comes from the
same forward pass as the `embedding` (the embed stage writes both); the themes read it.
Measured in docs/topics.md ("Frequency-weighted pooling").
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

#: Array the embed stage writes and the topics stage reads.
THEME_ARRAY = "theme_embedding"
#: The smoothing constant `a` of a / (a + p).
SMOOTHING = 1e-4
#: `theme_pooling` values of the embed stage: token weights as above, or none (mean pooling:
#: no theme array is written and the themes read `embedding`).
POOLINGS = ("frequency", "mean")

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def token_weights(tokenizer: Any, smoothing: float = SMOOTHING) -> np.ndarray | None:
    """Weight of every token id of a fast `tokenizer` (0 for special tokens), or None when
    its model carries no unigram probabilities (a WordPiece or BPE vocabulary). Read once
    per tokenizer (encoders of one model folder share it); the table is read-only."""
    model = json.loads(tokenizer.backend_tokenizer.to_str()).get("model", {})
    if model.get("type") != "Unigram":
        log.warning(
            "the encoder's tokenizer (%s) has no token probabilities: the theme embedding is "
            "mean-pooled",
            model.get("type"),
        )
        return None
    log_probabilities = np.array([float(score) for _, score in model["vocab"]])
    weights = smoothing / (smoothing + np.exp(log_probabilities))
    weights[list(tokenizer.all_special_ids)] = 0.0
    weights = weights.astype(np.float32)
    weights.flags.writeable = False
    return weights


def pool_weights(
    input_ids: np.ndarray,
    mask: np.ndarray,
    table: np.ndarray | None,
    prefix_ids: Sequence[int],
    starts_text: Sequence[bool],
) -> np.ndarray:
    """Token weights (rows x tokens, float32) for one padded batch ``[bos, *content, eos]``.

    Each token takes its `table` weight (the mask without a table); padding and, in a text's
    first window (`starts_text`), the prefix tokens weigh 0. A row left with no weight (a text
    of special or prefix tokens only) falls back to its mask.
    """
    weights = mask.astype(np.float32) if table is None else table[input_ids] * mask
    span = len(prefix_ids)
    if span and input_ids.shape[1] > span:
        prefixed = np.asarray(starts_text, dtype=bool) & (
            input_ids[:, 1 : 1 + span] == np.asarray(prefix_ids)
        ).all(axis=1)
        weights[prefixed, 1 : 1 + span] = 0.0
    empty = weights.sum(axis=1) <= 0
    weights[empty] = mask[empty]
    return weights.astype(np.float32, copy=False)
