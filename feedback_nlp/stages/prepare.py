"""The `prepare` stage: clean, redact and de-duplicate the comments.

It writes `text_clean` (what every later stage reads: cleaned and, unless `redact=False`,
PII-redacted), `pii_types`, `is_duplicate` and `duplicate_of`. The original `text` stays as it
was.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.schema import LIST_SEP
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.text.clean import clean_text
from feedback_nlp.text.duplicates import find_duplicates
from feedback_nlp.text.pii import check_pii_types, redact_pii


@register_stage
class PrepareStage(Stage):
    """Clean-up, PII redaction (typed placeholders) and the duplicate flag.

    Args:
        redact: replace PII by placeholders (``<EMAIL>``, …). Turn off only when you
            explicitly need the raw text downstream.
        pii_types: which PII types to redact (``email``, ``phone``, ``card``, ``iban``,
            ``url``); None means all of them.
    """

    name = "prepare"
    requires = ("response_id", "text")
    produces = ("text_clean", "pii_types", "is_duplicate", "duplicate_of")

    def __init__(self, redact: bool = True, pii_types: list[str] | None = None) -> None:
        self.redact = redact
        self.pii_types = pii_types
        self._types = check_pii_types(pii_types)

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        table = batch.table
        cleaned = [clean_text(t) for t in table["text"]]
        found: list[str] = [""] * len(cleaned)
        if self.redact:
            for index, text in enumerate(cleaned):
                cleaned[index], types = redact_pii(text, self._types)
                found[index] = LIST_SEP.join(types)
        text_clean = pd.Series(cleaned, index=table.index, dtype="string")
        columns = find_duplicates(text_clean, table["response_id"])
        columns.insert(0, "text_clean", text_clean)
        columns.insert(1, "pii_types", pd.Series(found, index=table.index, dtype="string"))
        return columns, {}
