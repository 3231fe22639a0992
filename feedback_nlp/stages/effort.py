"""Stage "effort": does the comment describe customer effort, and how much?

Writes ``effort`` (``schema.EFFORT_LEVELS``: none / low / high), ``effort_score`` (0-1) and
``effort_cues`` (the cue families found: repeat_contact, transfer, explain_again, long_wait,
hoops, chasing, no_reply; joined by ``schema.LIST_SEP``, "" when none). Reads `text_clean`
only: the cues of every supported language are tried on every comment, so a misread language
costs nothing. The ``rules`` backend is described in :mod:`feedback_nlp.backends.effort`;
`high` and `low` are its score thresholds.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from feedback_nlp.backends.effort import HIGH_SCORE, LOW_SCORE, EffortBackend, RuleEffortBackend
from feedback_nlp.errors import ConfigError
from feedback_nlp.progress import advance
from feedback_nlp.schema import join_list
from feedback_nlp.stages.base import Batch, Stage, register_stage

BACKENDS = ("rules",)
#: Texts per backend call (only for progress).
CHUNK = 4096


@register_stage
class EffortStage(Stage):
    """Flag comments that describe customer effort (repeat contacts, transfers, waits…)."""

    name = "effort"
    requires = ("text_clean",)
    produces = ("effort", "effort_score", "effort_cues")

    def __init__(
        self,
        backend: Literal["rules"] = "rules",
        high: float = HIGH_SCORE,
        low: float = LOW_SCORE,
    ) -> None:
        if backend not in BACKENDS:
            raise ConfigError(f"stage 'effort': unknown backend {backend!r}; choose {BACKENDS}")
        if not 0.0 < low <= high <= 1.0:
            raise ConfigError(
                f"stage 'effort': thresholds need 0 < low <= high <= 1, got low={low}, high={high}"
            )
        self.backend = backend
        self.high = high
        self.low = low

    def get_backend(self) -> EffortBackend:
        """The backend the configuration names."""
        return RuleEffortBackend(high=self.high, low=self.low)

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        index = batch.table.index
        texts = batch.table["text_clean"].fillna("").astype(str).tolist()
        backend = self.get_backend()
        results = []
        for start in range(0, len(texts), CHUNK):
            results += backend.predict(texts[start : start + CHUNK])
            advance(len(texts[start : start + CHUNK]))
        columns = pd.DataFrame(
            {
                "effort": pd.array([r.level for r in results], dtype="string"),
                "effort_score": np.array([r.score for r in results], dtype="float64"),
                "effort_cues": pd.array([join_list(r.cues) for r in results], dtype="string"),
            },
            index=index,
        )
        return columns, {}
