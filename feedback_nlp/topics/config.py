"""The theme model's settings (`TopicsConfig`) and records: a theme as an analyst sees it and
the themes of a set of comments."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError

OUTLIER = -1
OUTLIER_LABEL = "Other"
#: A language code as the `lang` column holds it: ISO 639-1 or -3 ("en", "fil").
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: ISO 639 codes that name no language: undetermined, multiple, none, missing.
_NO_LANGUAGE = frozenset(["und", "mul", "zxx", "mis"])


@dataclass
class TopicsConfig:
    """Settings of the theme model (the topics stage passes its arguments through)."""

    granularity: float = 1.0
    n_themes: int | None = None
    category_granularity: float = 1.0
    n_categories: int | None = None
    min_topic_size: int = 5
    smoothing_neighbors: int = 5
    graph_neighbors: int = 10
    lexical_weight: float = 0.0
    seed: int = 42
    fit_sample: int = 20_000  # comments
    outlier_threshold: float | None = None
    outlier_quantile: float = 0.02
    max_themes: int = 5
    language_centering: bool = True
    centering_min_docs: int = 15
    codebook: str | None = "builtin"
    seeds: dict[str, list[str]] | None = None
    seed_threshold: float = 0.35
    label_language: str | None = None
    max_vocabulary: int = 20_000
    max_phrases: int = 50_000
    n_keywords: int = 10
    n_representatives: int = 3
    theme_space: str | None = None  # folder of a learnt theme space (`topics.theme_space`)
    whitening: float = 0.0  # power of the within-theme whitening (0: off; docs/topics.md)
    whitening_shrinkage: float = 3.0

    def __post_init__(self) -> None:
        if self.min_topic_size < 1:
            raise ConfigError(f"min_topic_size must be at least 1, got {self.min_topic_size}")
        if self.fit_sample < 1:
            raise ConfigError(f"fit_sample must be positive, got {self.fit_sample}")
        if not self.granularity > 0 or not self.category_granularity > 0:
            raise ConfigError("granularity and category_granularity must be positive")
        for name in ("n_themes", "n_categories"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(f"{name} must be at least 1 or None, got {value}")
        if not 0 <= self.outlier_quantile < 1:
            raise ConfigError(f"outlier_quantile must be in [0, 1), got {self.outlier_quantile}")
        if not self.lexical_weight >= 0:
            raise ConfigError(f"lexical_weight must be 0 or more, got {self.lexical_weight}")
        if not (self.whitening >= 0 and self.whitening_shrinkage > 0):
            raise ConfigError("whitening must be 0 or more and whitening_shrinkage positive")
        if self.max_themes < 1:
            raise ConfigError(f"max_themes must be at least 1, got {self.max_themes}")
        if self.label_language is not None:
            self.label_language = language_code(self.label_language)


def language_code(given: str) -> str:
    """`given` as the `lang` column writes languages: ISO 639-1 where the language has one
    ("FR", "fr-FR", "fra", "fre" → "fr"), else ISO 639-3 ("fil"). ConfigError for a code no
    language has ("xx", "French"): before stop 47 "fra" and "zz" were taken and the names
    silently came out in the corpus's languages."""
    import pycountry

    from feedback_nlp.backends.language import normalise_code

    code = normalise_code(re.split(r"[-_]", str(given).strip(), maxsplit=1)[0])  # iw → he
    found = None
    if LANGUAGE_CODE.match(code) and code not in _NO_LANGUAGE:
        key = "alpha_2" if len(code) == 2 else "alpha_3"
        found = pycountry.languages.get(**{key: code})
        if found is None and len(code) == 3:
            found = pycountry.languages.get(bibliographic=code)
    if found is None:
        raise ConfigError(
            f"label_language must be a language code such as 'en' or 'fr' (ISO 639), not {given!r}"
        )
    return normalise_code(getattr(found, "alpha_2", None) or found.alpha_3)  # nor → no → nb


@dataclass
class Theme:
    """One theme as an analyst sees it."""

    topic: int
    label: str
    category: str = ""
    category_id: int = OUTLIER  # group of themes (-1: none yet)
    category_source: str = ""  # "codebook:<entry id>" or "discovered"
    category_locked: bool = False  # set by an analyst: kept through refreshes
    size: int = 0  # comments with this theme at fit
    keywords: list[str] = field(default_factory=list)
    keywords_by_lang: dict[str, list[str]] = field(default_factory=dict)
    representative_ids: list[str] = field(default_factory=list)
    representative_texts: list[str] = field(default_factory=list)
    seed_keywords: list[str] = field(default_factory=list)
    label_locked: bool = False
    codebook_id: str = ""  # the theme-level codebook entry this theme is

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict of the theme."""
        return asdict(self)


@dataclass
class Assignment:
    """Themes of a set of comments, aligned with them, and the units that raise them."""

    topic: np.ndarray  # int64, -1 for outliers
    score: np.ndarray  # float64, cosine similarity to the main theme clipped to [0, 1]
    themes: list[list[int]]
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)  # row, theme, text, …
