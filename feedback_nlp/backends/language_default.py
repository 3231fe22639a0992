"""The default language detector: script rules, fastText, and lingua where fastText is unsure.

Measured and tuned in docs/language.md ("How it was tuned"): the constants below were chosen on
the even lines of lingua's test texts.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from feedback_nlp.backends.language import (
    CAREFUL_LANGUAGES,
    FASTTEXT_PRIOR_WEIGHT,
    HINT_PRIOR,
    LONG_TEXT_CHARS,
    OUTER_CONFIDENCE,
    OUTER_EXCLUDED,
    OUTSIDE_WEIGHT,
    SURE_PROBABILITY,
    SURE_PROBABILITY_LONG,
    UND,
    LiteFastText,
    Result,
    apply_prior,
    check_candidates,
    hint_at,
    language_signal,
    letter_count,
    normalise_code,
)
from feedback_nlp.backends.lingua_backend import lingua_codes, lingua_confidences
from feedback_nlp.backends.scripts import possible, script_language, scripts_in

#: Texts per chunk of the default detector's two-thread pipeline.
_CHUNK = 1024
#: Languages the outer ring does not answer: the careful set's (lingua's high-accuracy models
#: decided those) and OUTER_EXCLUDED.
OUTSIDE_RING = frozenset(CAREFUL_LANGUAGES) | OUTER_EXCLUDED


class CombinedBackend:
    """The default: script rules → fastText → lingua where fastText is unsure.

    1. No letters left after removing URLs, placeholders, digits, emoji… → ``und``.
    2. A script that names its language (Hangul, kana, Han, Greek, Thai…) decides.
    3. fastText (lid.176 lite, 176 languages) ranks; at p >= :data:`SURE_PROBABILITY` (0.6 for
       texts of 40+ characters) it decides.
    4. Otherwise lingua (high accuracy) scores :data:`CAREFUL_LANGUAGES`, or the candidates, and
       ``log p_lingua + 0.3 · log p_fastText + log hint prior`` picks the language; fastText's
       top three outside that set compete with ``2 · log p_fastText``.
    5. The outer ring: a text of 40+ characters still unsure (no candidates given) goes to a
       language outside the careful set when lingua's low-accuracy models of all its 75
       languages give it :data:`OUTER_CONFIDENCE` or more, a hint's prior included (Swahili,
       Afrikaans, Somali, Croatian… instead of the nearest careful language; never Latin or
       Esperanto, :data:`OUTER_EXCLUDED`).
    """

    name = "default"

    def __init__(self, parallel: bool = True, sure_probability: float = SURE_PROBABILITY) -> None:
        self._fasttext = LiteFastText(k=3)
        lingua_codes()
        self.parallel = parallel
        self.sure_probability = sure_probability
        self.sure_long = min(sure_probability, SURE_PROBABILITY_LONG)

    def weighing(self) -> CombinedBackend:
        """This detector where fastText never decides a short text alone: lingua weighs every
        text under LONG_TEXT_CHARS characters, fastText's reading as its prior, so that a hint
        from the context (a conversation's language) can still turn it."""
        weighing = copy.copy(self)
        weighing.sure_probability = 1.01  # above any probability: short texts go to lingua
        return weighing

    def detect(
        self,
        texts: Sequence[Any],
        candidates: Sequence[str] | None = None,
        hints: Sequence[Any] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        """Chunks of texts: fastText on this thread while lingua re-scores the previous chunk's
        unsure texts on a worker thread (lingua releases the GIL), so both cores work."""
        codes = check_candidates(candidates)
        least = max(min_letters, 1)
        results: list[Result] = [(UND, 0.0)] * len(texts)
        chunks = [range(i, min(i + _CHUNK, len(texts))) for i in range(0, len(texts), _CHUNK)]
        if not self.parallel or len(chunks) < 2:
            for rows in chunks:
                self._rescore(
                    self._first_pass(texts, rows, codes, hints, results, least),
                    codes,
                    hints,
                    results,
                )
            return results
        with ThreadPoolExecutor(max_workers=1) as worker:
            pending = [
                worker.submit(
                    self._rescore,
                    self._first_pass(texts, rows, codes, hints, results, least),
                    codes,
                    hints,
                    results,
                )
                for rows in chunks
            ]
            for job in pending:
                job.result()
        return results

    def _first_pass(
        self,
        texts: Sequence[Any],
        rows: range,
        codes: list[str] | None,
        hints: Sequence[Any] | None,
        results: list[Result],
        min_letters: int = 1,
    ) -> list[tuple[int, str, list[Result]]]:
        """Script rules and fastText for `rows`; returns the texts fastText is unsure of."""
        unsure: list[tuple[int, str, list[Result]]] = []
        for index in rows:
            signal = language_signal(texts[index])
            if letter_count(signal) < min_letters:
                continue
            by_script = script_language(signal)
            if by_script is not None and (codes is None or by_script in codes):
                results[index] = (by_script, 1.0)
                continue
            ranked = self._fasttext._rank(signal)
            lang, p = apply_prior(
                possible(ranked, scripts_in(signal)), codes, hint_at(hints, index)
            )
            results[index] = (lang, p)
            sure = self.sure_probability if len(signal) < LONG_TEXT_CHARS else self.sure_long
            if dict(ranked).get(lang, 0.0) < sure:
                unsure.append((index, signal, ranked))
        return unsure

    def _rescore(
        self,
        unsure: list[tuple[int, str, list[Result]]],
        codes: list[str] | None,
        hints: Sequence[Any] | None,
        results: list[Result],
    ) -> None:
        if not unsure:
            return
        careful = codes if codes is not None else list(CAREFUL_LANGUAGES)
        confidences = lingua_confidences([s for _, s, _ in unsure], careful, self.parallel)
        for (index, signal, ranked), lingua_conf in zip(unsure, confidences, strict=True):
            if not lingua_conf:
                continue
            outside = possible(ranked[:3], scripts_in(signal))
            results[index] = _combine(lingua_conf, ranked, hint_at(hints, index), codes, outside)
        if codes is None:
            self._outer_ring(unsure, hints, results)

    def _outer_ring(
        self,
        unsure: list[tuple[int, str, list[Result]]],
        hints: Sequence[Any] | None,
        results: list[Result],
    ) -> None:
        """Long texts fastText is unsure of, read by lingua's low-accuracy models of all its
        languages: a language outside the careful set at OUTER_CONFIDENCE or more (after the
        hint's prior) wins, where the careful set alone would call Swahili English or
        Afrikaans Dutch."""
        long = [(index, signal) for index, signal, _ in unsure if len(signal) >= LONG_TEXT_CHARS]
        if not long:
            return
        signals = [signal for _, signal in long]
        found = lingua_confidences(signals, None, self.parallel, low_accuracy=True)
        for (index, signal), confidence in zip(long, found, strict=True):
            if not confidence:
                continue
            lang, p = apply_prior(list(confidence.items()), None, hint_at(hints, index))
            outer = lang not in OUTSIDE_RING and p >= OUTER_CONFIDENCE
            if outer and possible([(lang, p)], scripts_in(signal)):
                results[index] = (lang, round(p, 6))


def _combine(
    lingua_conf: dict[str, float],
    ranked: list[Result],
    hint: Any,
    allowed: list[str] | None,
    outside: list[Result] | None = None,
) -> Result:
    """Best language by log p_lingua + w · log p_fastText (+ log hint prior), with its share.

    Languages lingua did not score (outside the careful set) compete through fastText alone:
    ``OUTSIDE_WEIGHT · log p_fastText``, for `outside` (default: fastText's top three; the
    caller leaves out those the text's script rules out).
    """
    fasttext_p = dict(ranked)
    floor = min(fasttext_p.values(), default=1e-3) / 2
    hinted = normalise_code(hint) if isinstance(hint, str) else None
    total_lingua = math.fsum(lingua_conf.values()) or 1.0
    scores = {
        lang: math.log(p / total_lingua + 1e-4)
        + FASTTEXT_PRIOR_WEIGHT * math.log(fasttext_p.get(lang, floor) or 1e-6)
        for lang, p in lingua_conf.items()
    }
    if allowed is None:
        for lang, p in ranked[:3] if outside is None else outside:
            if lang not in scores and len(lang) == 2 and p > 0:
                scores[lang] = OUTSIDE_WEIGHT * math.log(p)
    if hinted in scores:
        scores[hinted] += math.log(HINT_PRIOR)
    best = max(scores, key=lambda key: (scores[key], key))
    total = math.fsum(math.exp(s - scores[best]) for s in sorted(scores.values()))
    return best, round(1.0 / total, 6)
