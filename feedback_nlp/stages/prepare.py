"""The `prepare` stage: clean, repair, cap, redact and de-duplicate the comments.

It writes `text_clean` (what every later stage reads: the author's own words, cleaned,
mojibake repaired, quoted posts and signatures taken out, at most `max_chars` characters and,
unless `redact=False`, PII-redacted), `text_issues` (the damage found in `text` and what was
taken out of it, merged with what the reader listed), `pii_types`, `is_duplicate` and
`duplicate_of`. The original `text` stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import LIST_SEP
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.text.clean import clean_comment, clean_text
from feedback_nlp.text.damage import find_issues, merge_issues
from feedback_nlp.text.duplicates import find_duplicates
from feedback_nlp.text.people import handle_names
from feedback_nlp.text.pii import check_pii_types, redact_pii

#: Characters of a comment every later stage sees. Longer comments are cut here (the full
#: text stays in `text`; the row gets ``truncated`` in `text_issues`), so that no stage's
#: memory grows with the length of one comment. 20,000 characters are about 5,000 tokens:
#: ten encoder windows of 512.
MAX_CHARS = 20_000


@register_stage
class PrepareStage(Stage):
    """Clean-up, mojibake repair, length cap, PII redaction (typed placeholders), duplicates.

    Args:
        redact: replace PII by placeholders (``<EMAIL>``, …). Turn off only when you
            explicitly need the raw text downstream.
        pii_types: which PII types to redact (``email``, ``phone``, ``card``, ``iban``,
            ``url``, ``handle``, ``name``); None means all of them.
        keep_handles: @handles left as written (a brand's own accounts, ``["@Northwind"]``);
            every other handle in the text becomes ``@user``.
        max_chars: longest `text_clean` in characters (cut at a word boundary where one is
            near); None keeps every character.
        strip_quotes: take quoted posts, their headers and signature blocks out of
            `text_clean` (flagged ``quoted_text_removed``, ``signature_removed``,
            ``quote_only`` in `text_issues`; :mod:`feedback_nlp.text.quotes`).
    """

    name = "prepare"
    requires = ("response_id", "text")
    produces = ("text_clean", "text_issues", "pii_types", "is_duplicate", "duplicate_of")

    def __init__(
        self,
        redact: bool = True,
        pii_types: list[str] | None = None,
        max_chars: int | None = MAX_CHARS,
        keep_handles: list[str] | None = None,
        strip_quotes: bool = True,
    ) -> None:
        if max_chars is not None and max_chars < 1:
            raise ConfigError(f"stage 'prepare': max_chars must be >= 1 or None, not {max_chars}")
        self.redact = redact
        self.pii_types = pii_types
        self.max_chars = max_chars
        self.keep_handles = keep_handles
        self.strip_quotes = strip_quotes
        self._types = check_pii_types(pii_types)
        self._kept_handles = handle_names(keep_handles)

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        table = batch.table
        before = table["text_issues"] if "text_issues" in table.columns else None
        cleaned, issues, found_pii = [], [], []
        for position, text in enumerate(table["text"]):
            found = find_issues(text)
            own, taken_out = self._own_words(text)
            clean, types = self._redacted(own)
            if self.max_chars is not None and len(clean) > self.max_chars:
                clean = cut(clean, self.max_chars)
                found.append("truncated")
            found.extend(taken_out)
            cleaned.append(clean)
            found_pii.append(LIST_SEP.join(types))
            issues.append(merge_issues(found, None if before is None else before.iat[position]))
        text_clean = pd.Series(cleaned, index=table.index, dtype="string")
        columns = find_duplicates(text_clean, table["response_id"])
        columns.insert(0, "text_clean", text_clean)
        columns.insert(1, "text_issues", pd.Series(issues, index=table.index, dtype="string"))
        columns.insert(2, "pii_types", pd.Series(found_pii, index=table.index, dtype="string"))
        return columns, {}

    def _own_words(self, text: object) -> tuple[str, list[str]]:
        """The cleaned text without quotes and signatures (unless `strip_quotes` is off), and
        the `text_issues` kinds that say what was taken out."""
        if not self.strip_quotes:
            return clean_text(text), []
        stripped = clean_comment(text)
        return stripped.text, stripped.issues

    def _redacted(self, text: str) -> tuple[str, list[str]]:
        """`text` with its PII redacted (unless `redact` is off), whole, before it is cut: a
        card number or IBAN across the cut is redacted, not left with its first digits."""
        if not self.redact:
            return text, []
        return redact_pii(text, self._types, self._kept_handles)


def brand_handles(stages: Iterable[Stage]) -> list[str]:
    """The handles the prepare stage among `stages` keeps as the brand's own (`keep_handles`),
    whose posts the reader rejects as the company's side (:mod:`feedback_nlp.io.staff`)."""
    return [
        h for stage in stages if isinstance(stage, PrepareStage) for h in stage.keep_handles or ()
    ]


def cut(text: str, max_chars: int) -> str:
    """The first `max_chars` characters of `text`, ending at a space when one is in the last 10%."""
    head = text[:max_chars]
    space = head.rfind(" ", int(max_chars * 0.9))
    return head[:space] if space > 0 else head
