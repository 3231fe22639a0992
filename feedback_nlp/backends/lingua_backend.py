"""The lingua detector (lingua-language-detector, high accuracy): a backend of its own, the
re-scorer of the default detector's unsure texts, and the language shares of long comments."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from feedback_nlp.backends.language import (
    CAREFUL_LANGUAGES,
    UND,
    Result,
    apply_prior,
    check_candidates,
    hint_at,
    language_signal,
    letter_count,
)
from feedback_nlp.errors import require_package


@lru_cache(maxsize=256)
def _lingua_detector(codes: tuple[str, ...] | None, low_accuracy: bool) -> Any:
    """A lingua detector for `codes` (None: all languages); models are shared between them."""
    lingua = require_package("lingua", "lang", "The lingua backend")
    if codes is None:
        builder = lingua.LanguageDetectorBuilder.from_all_languages()
    else:
        builder = lingua.LanguageDetectorBuilder.from_iso_codes_639_1(
            *[getattr(lingua.IsoCode639_1, code.upper()) for code in codes]
        )
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def lingua_codes() -> frozenset[str]:
    """ISO 639-1 codes lingua knows."""
    lingua = require_package("lingua", "lang", "The lingua backend")
    return frozenset(lang.iso_code_639_1.name.lower() for lang in lingua.Language.all())


def lingua_confidences(
    signals: Sequence[str], codes: Sequence[str] | None, parallel: bool, low_accuracy: bool = False
) -> list[dict[str, float]]:
    """lingua's confidence of each language in `codes` (None: all) for each text."""
    key = None if codes is None else tuple(sorted(set(codes) & lingua_codes()))
    if key is not None and len(key) < 2:
        return [{key[0]: 1.0} if key and signal else {} for signal in signals]
    detector = _lingua_detector(key, low_accuracy)
    if parallel:
        found = detector.compute_language_confidence_values_in_parallel(list(signals))
    else:
        found = [detector.compute_language_confidence_values(s) for s in signals]
    return [
        {cv.language.iso_code_639_1.name.lower(): cv.value for cv in values if cv.value > 0}
        for values in found
    ]


def language_shares(
    texts: Sequence[Any], candidates: Sequence[str] | None = None
) -> list[dict[str, float]]:
    """Share of the letters of each text written in each language (lingua's multiple-language
    detection over the candidates or :data:`CAREFUL_LANGUAGES`); {} when no language is found."""
    codes = check_candidates(candidates) or list(CAREFUL_LANGUAGES)
    key = tuple(sorted(set(codes) & lingua_codes()))
    if not key:
        return [{} for _ in texts]
    detector = _lingua_detector(key, False)
    signals = [language_signal(text) for text in texts]
    found = detector.detect_multiple_languages_in_parallel_of(signals)
    shares: list[dict[str, float]] = []
    for signal, segments in zip(signals, found, strict=True):
        letters: dict[str, int] = {}
        for segment in segments:
            lang = segment.language.iso_code_639_1.name.lower()
            part = signal[segment.start_index : segment.end_index]
            letters[lang] = letters.get(lang, 0) + len(part) - part.count(" ")
        total = sum(letters.values())
        shares.append({k: round(v / total, 4) for k, v in sorted(letters.items())} if total else {})
    return shares


class LinguaBackend:
    """lingua-language-detector, high-accuracy mode, all languages (or the candidates)."""

    name = "lingua"

    def __init__(self, parallel: bool = True, low_accuracy: bool = False) -> None:
        lingua_codes()  # fails early with the install hint when lingua is missing
        self.parallel = parallel
        self.low_accuracy = low_accuracy

    def detect(
        self,
        texts: Sequence[Any],
        candidates: Sequence[str] | None = None,
        hints: Sequence[Any] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        codes = check_candidates(candidates)
        signals = [language_signal(text) for text in texts]
        confidences = lingua_confidences(signals, codes, self.parallel, self.low_accuracy)
        return [
            apply_prior(sorted(conf.items()), codes, hint_at(hints, i))
            if signals[i] and (min_letters < 1 or letter_count(signals[i]) >= min_letters)
            else (UND, 0.0)
            for i, conf in enumerate(confidences)
        ]
