"""The language stage: `lang` (ISO 639-1 or 'und') and `lang_score` for every comment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from feedback_nlp.backends.language import (
    BACKENDS,
    SURE_PROBABILITY,
    UND,
    LanguageDetector,
    Result,
    check_candidates,
    get_detector,
)
from feedback_nlp.backends.lingua_backend import language_shares
from feedback_nlp.errors import ConfigError
from feedback_nlp.progress import advance
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.stages.language_short import (
    with_batch_languages,
    with_conversation_languages,
    with_replies_of_no_language,
    with_short_text_hints,
)

#: Texts per detector call (each text is detected on its own; chunks only report progress).
DETECT_CHUNK = 2048
#: The corpus prior: a language detected in at least this share of a batch's comments (and
#: at least PRIOR_MIN_TEXTS of them) is the hint of the comments detected otherwise with a
#: score under SURE_PROBABILITY that carry no hint of their own.
PRIOR_SHARE = 0.5
PRIOR_MIN_TEXTS = 50


@register_stage
class LanguageStage(Stage):
    """Detect the language of `text_clean`.

    Options: `backend` (a name in ``BACKENDS``; "default" is the measured best), `candidates`
    (the only languages to consider, e.g. ``["en", "fr"]``), `min_length` (fewer letters than
    this give ``und``), `use_hint` (use the `lang_hint` column as a prior when present),
    `n_jobs` (1: one core; more: fastText and lingua run on two threads and lingua's batch
    calls use every core), `shares_min_length` (0: off; otherwise comments with at least this
    many characters get the share of each language they mix, in the side table
    ``"language_shares"``: response_id, lang, share), `corpus_prior` (default on: where one
    language holds most of the batch, comments the detector is unsure of are detected again
    with it as their hint, `with_corpus_prior`; short or unsure turns of a `conversation_id`
    read as another language than its other, sure turns are read again with theirs as their
    hint; and short, unsure comments read as a language under 5 % of the batch are read again
    among the batch's languages). Comments the detector is unsure of take their own
    `lang_hint` when short or when it is unsure between its reading and the hint, and
    replies that judge nothing in several languages ("ok", "n/a") without a hint are ``und``
    (:mod:`feedback_nlp.stages.language_short`).
    """

    name = "language"
    requires = ("text_clean",)
    produces = ("lang", "lang_score")

    def __init__(
        self,
        backend: str = "default",
        candidates: Sequence[str] | None = None,
        min_length: int = 2,
        use_hint: bool = True,
        n_jobs: int = 2,
        shares_min_length: int = 0,
        corpus_prior: bool = True,
    ) -> None:
        if backend not in BACKENDS:
            raise ConfigError(
                f"language stage: unknown backend {backend!r}; choose one of {sorted(BACKENDS)}"
            )
        if not isinstance(min_length, int) or min_length < 0:
            raise ConfigError(f"language stage: min_length must be an int >= 0, got {min_length!r}")
        if not isinstance(n_jobs, int) or n_jobs < 1:
            raise ConfigError(f"language stage: n_jobs must be an int >= 1, got {n_jobs!r}")
        self.backend = backend
        check_candidates(candidates)
        self.candidates = list(candidates) if candidates is not None else None
        self.min_length = min_length
        self.use_hint = use_hint
        self.n_jobs = n_jobs
        if not isinstance(shares_min_length, int) or shares_min_length < 0:
            raise ConfigError(
                f"language stage: shares_min_length must be an int >= 0, got {shares_min_length!r}"
            )
        self.shares_min_length = shares_min_length
        self.corpus_prior = bool(corpus_prior)

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        table = batch.table
        texts = table["text_clean"].tolist()
        hints = None
        if self.use_hint and "lang_hint" in table.columns:
            hints = [h if isinstance(h, str) else None for h in table["lang_hint"].tolist()]
        detector = get_detector(self.backend, parallel=self.n_jobs > 1)
        found = []
        for start in range(0, len(texts), DETECT_CHUNK):  # per-text results: chunks for progress
            end = start + DETECT_CHUNK
            found += detector.detect(
                texts[start:end],
                candidates=self.candidates,
                hints=hints[start:end] if hints is not None else None,
                min_letters=self.min_length,
            )
            advance(len(texts[start:end]))
        if self.corpus_prior:
            found = with_corpus_prior(detector, texts, found, hints, self.candidates)
            found = with_conversation_languages(
                detector, texts, found, hints, conversation_ids(table), self.candidates
            )
        found = with_short_text_hints(texts, found, hints, self.candidates, detector)
        if self.corpus_prior:
            found = with_batch_languages(detector, texts, found, hints)
        found = with_replies_of_no_language(texts, found, hints)
        langs = [lang for lang, _ in found]
        scores = [float(score) for _, score in found]
        columns = pd.DataFrame(
            {
                "lang": pd.Series(langs, index=table.index, dtype="string"),
                "lang_score": pd.Series(scores, index=table.index, dtype="float64"),
            },
            index=table.index,
        )
        return columns, {}

    def _side_tables(self, batch: Batch, columns: pd.DataFrame) -> dict[str, pd.DataFrame]:
        if not self.shares_min_length:
            return {}
        table = batch.table
        long_rows = [
            (rid, text)
            for rid, text in zip(table["response_id"], table["text_clean"], strict=True)
            if isinstance(text, str) and len(text) >= self.shares_min_length
        ]
        shares = language_shares([text for _, text in long_rows], self.candidates)
        rows = [
            {"response_id": rid, "lang": lang, "share": share}
            for (rid, _), found in zip(long_rows, shares, strict=True)
            for lang, share in found.items()
        ]
        frame = pd.DataFrame(rows, columns=["response_id", "lang", "share"])
        return {"language_shares": frame.astype({"response_id": "string", "lang": "string"})}


def conversation_ids(table: pd.DataFrame) -> list[str | None] | None:
    """The `conversation_id` of each row as text (None where missing); None without the column."""
    if "conversation_id" not in table.columns:
        return None
    ids = table["conversation_id"].astype("string").tolist()
    return [value if isinstance(value, str) and value else None for value in ids]


def dominant_language(found: Sequence[Result]) -> str | None:
    """The language of at least PRIOR_SHARE of the detected comments (PRIOR_MIN_TEXTS or more)."""
    counts = Counter(lang for lang, _ in found if lang != UND)
    if not counts:
        return None
    lang, count = counts.most_common(1)[0]
    enough = count >= PRIOR_MIN_TEXTS and count >= PRIOR_SHARE * sum(counts.values())
    return lang if enough else None


def with_corpus_prior(
    detector: LanguageDetector,
    texts: Sequence[object],
    found: list[Result],
    hints: Sequence[str | None] | None,
    candidates: Sequence[str] | None,
) -> list[Result]:
    """`found` with the comments the detector was unsure of detected again, the batch's
    dominant language as their hint (a prior that makes it `HINT_PRIOR` times as likely, as a
    `lang_hint` does; the text can still say otherwise: "Danke" stays German in an English
    survey, "Super" becomes English). Comments with a hint of their own keep their result."""
    lang = dominant_language(found)
    if lang is None:
        return found
    unsure = [
        row
        for row, (code, score) in enumerate(found)
        if code not in (lang, UND)
        and score < SURE_PROBABILITY
        and (hints is None or hints[row] is None)
    ]
    if not unsure:
        return found
    again = detector.detect(
        [texts[row] for row in unsure], candidates=candidates, hints=[lang] * len(unsure)
    )
    result = list(found)
    for row, redetected in zip(unsure, again, strict=True):
        result[row] = redetected
    return result
