"""The theme model: themes of the issues raised in each part of a comment, in any language.

Fitting (on a seeded sample of at most `fit_sample` non-empty comments; the steps in
`topics.fitting`):

1. Each comment is cut into units, its sentences and clauses (`topics.units`); a unit that
   says nothing ("ok", "thanks") gets no theme. A one-unit comment reuses its embedding; the
   units of longer comments are embedded with the pipeline's encoder.
2. Unit embeddings are centred per language (each language's mean subtracted, rows
   re-normalised): what every comment of a corpus or language shares is removed, what
   differs (the issue raised) is left.
3. Units close to a theme-level codebook entry or a seed theme form that named theme.
4. The rest is partitioned (kNN-smoothed Ward, `topics.clustering`) into an automatic number
   of themes; themes under `min_topic_size` units are dissolved into their nearest theme.
5. Each theme keeps its centroid. Every unit, at fit and later, takes its nearest theme when
   the cosine similarity reaches `threshold_`, the `outlier_quantile` quantile of the fitted
   units' similarity to their nearest theme (2 %: only units less typical than 98 % of the
   fitted ones are "Other"). A comment's main theme is its whole text's nearest theme; its
   `themes` add every theme one of its units raises.
6. Names, keywords, representatives and categories: `topics.describe`; given the comments'
   sentiment, a name does not say the opposite of most of its theme's units.

Only arrays and JSON-able values are kept, so the model saves without pickle and tags the same
comments with the same ids after a reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Self

import numpy as np
from scipy import sparse

from feedback_nlp.errors import FeedbackError, NotFittedError
from feedback_nlp.topics import clustering, fitting
from feedback_nlp.topics.codebook import Codebook, builtin_content_free, load_codebook
from feedback_nlp.topics.config import OUTLIER, OUTLIER_LABEL, Assignment, Theme, TopicsConfig
from feedback_nlp.topics.drift import COVERAGE_KEY, fit_coverage
from feedback_nlp.topics.matching import CodebookMatcher
from feedback_nlp.topics.name_polarity import UnitSentiment, unit_polarity
from feedback_nlp.topics.named import rule_rows
from feedback_nlp.topics.naming import label_language
from feedback_nlp.topics.phrases import PhraseCounts
from feedback_nlp.topics.units import split_units, unit_embeddings

ASSIGN_CHUNK = 20_000
Encode = Callable[[list[str]], np.ndarray]


class ThemeModel:
    """Fit themes on comments and their embeddings; tag comments with them."""

    def __init__(self, config: TopicsConfig | None = None) -> None:
        self.config = config or TopicsConfig()
        self.centroids_: np.ndarray | None = None  # (n_themes, dim), centred space, unit rows
        self.topic_ids_: np.ndarray = np.zeros(0, dtype=np.int64)
        self.themes_: dict[int, Theme] = {}
        self.threshold_: float = 0.0
        self.language_means_: dict[str, np.ndarray] = {}
        self.global_mean_: np.ndarray | None = None
        self.space_: np.ndarray | None = None  # (dim, dim) learnt map after centring, or None
        self.main_language_: str = ""
        self.label_language_: str = ""
        self.vocabulary_: list[str] = []
        self.counts_: dict[str, sparse.csr_matrix] = {}  # per language: (n_themes, vocab)
        self.phrases_: PhraseCounts | None = None  # label language: (n_themes, phrases)
        self.codebook_: Codebook | None = None
        self.matcher_: CodebookMatcher | None = None
        self.history_: list[dict[str, Any]] = []
        self.fitted_on_: dict[str, Any] = {}

    # -- fitting -------------------------------------------------------------------------

    def fit(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        langs: Sequence[str],
        ids: Sequence[str] | None = None,
        encode: Encode | None = None,
        seed_embeddings: Mapping[str, np.ndarray] | None = None,
        sentiments: Sequence[str] | None = None,
        unit_sentiment: UnitSentiment | None = None,
    ) -> Self:
        """Find themes in the comments; `seed_embeddings` (name -> vector) guide named themes.

        `encode` embeds extra texts (units of longer comments, codebook examples, seeds) in
        the space of `embeddings`; default: the pipeline's default encoder. The comments'
        `sentiments` (and `unit_sentiment` for the parts of longer comments) only keep a
        theme's name from saying the opposite of most of its units (`topics.name_polarity`).
        """
        from feedback_nlp.topics import describe

        encode = encode or _default_encode
        embeddings = _check_embeddings(embeddings, len(texts))
        space_facts = fitting.load_space(self, embeddings.shape[1])
        n_comments = len(texts)
        if len(langs) != len(texts):
            raise FeedbackError(f"{len(texts)} texts but {len(langs)} languages")
        if sentiments is not None and len(sentiments) != len(texts):
            raise FeedbackError(f"{len(texts)} texts but {len(sentiments)} sentiments")
        ids = [str(i) for i in ids] if ids is not None else [str(i) for i in range(len(texts))]
        texts = ["" if t is None else str(t) for t in texts]
        self.codebook_ = load_codebook(self.config.codebook) if self.config.codebook else None
        rows = fitting.sample_rows(self.config, np.flatnonzero([bool(t.strip()) for t in texts]))
        texts = [texts[i] for i in rows]
        langs = [str(langs[i]) for i in rows]
        ids = [ids[i] for i in rows]
        sentiments = [str(sentiments[i]) for i in rows] if sentiments is not None else None
        embeddings = embeddings[rows]
        units = split_units(texts, langs, self.content_free())
        content = np.flatnonzero(units.says_something)
        if not rows.size:
            raise FeedbackError("cannot fit themes: no comment has any text (score-only rows)")
        if not len(content):
            raise FeedbackError(
                f"cannot fit themes: none of the {len(rows)} non-empty comments says anything a "
                "theme could be found in (only replies such as 'ok', or no comment at all)"
            )
        unit_vectors = unit_embeddings(units, embeddings, encode)
        content_langs = [units.lang[i] for i in content]
        fitting.learn_centering(self, unit_vectors[content], content_langs, langs)
        self.label_language_ = self.config.label_language or label_language(langs)
        centred = self.center(unit_vectors[content], content_langs)
        content_texts = [units.text[i] for i in content]
        groups, fixed = fitting.group_units(
            self, centred, content_texts, content_langs, seed_embeddings or {}, encode
        )
        plain, whitened = centred, self.config.whitening > 0
        if whitened:
            fitting.whiten(self, centred, groups)
            centred = self.center(unit_vectors[content], content_langs)
            groups, fixed = fitting.group_units(
                self, centred, content_texts, content_langs, seed_embeddings or {}, encode
            )
        fitting.set_centroids(self, centred, groups)
        category_centroids = fitting.group_means(plain, groups) if whitened else None
        self.threshold_ = fitting.choose_threshold(self, centred)
        if self.codebook_ is not None:
            self.matcher_ = CodebookMatcher(self.codebook_).fit(encode, self.space_)
        self.fitted_on_ = {"comments": n_comments, "sample": len(rows), "units": len(units)}
        if space_facts:
            self.fitted_on_["theme_space"] = space_facts
        if whitened:
            power, shrinkage = self.config.whitening, self.config.whitening_shrinkage
            self.fitted_on_["whitening"] = {"power": power, "shrinkage": shrinkage}
        polarities = unit_polarity(units, content, sentiments, unit_sentiment)
        describe.describe(
            self, texts, langs, embeddings, ids, units, unit_vectors, content, fixed, encode,
            category_centroids, polarities,
        )  # fmt: skip
        self.fitted_on_[COVERAGE_KEY] = fit_coverage(self, embeddings, langs, units, unit_vectors)
        return self

    def content_free(self) -> dict[str, list[str]]:
        """Replies that carry no theme, per language: the codebook's, else the built-in list."""
        if self.codebook_ is not None and self.codebook_.content_free:
            return self.codebook_.content_free
        return builtin_content_free()

    def center(self, embeddings: np.ndarray, langs: Sequence[str]) -> np.ndarray:
        """Embeddings in the model's space: minus their language's mean, unit length.

        With a learnt theme space (`config.theme_space`) the centred rows are mapped by it.
        """
        if self.global_mean_ is None:
            raise NotFittedError("The theme model")
        centred = clustering.centre(embeddings, langs, self.language_means_, self.global_mean_)
        return centred if self.space_ is None else clustering.unit_rows(centred @ self.space_)

    def rule_rows(self, texts: Sequence[str]) -> np.ndarray:
        """Per unit text, the theme row a keyword rule of a theme-level entry forces (-1)."""
        rows = {
            f"codebook:{t.codebook_id}": self._row(t.topic)
            for t in self.themes_.values()
            if t.codebook_id
        }
        return rule_rows(self.codebook_, texts, rows)

    # -- tagging -------------------------------------------------------------------------

    def transform(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        langs: Sequence[str],
        encode: Encode | None = None,
    ) -> Assignment:
        """Themes of comments from their texts, (raw, L2-normalised) embeddings and languages."""
        from feedback_nlp.topics.assign import assign_comments

        embeddings = _check_embeddings(embeddings, len(texts), dim=self.dim)
        texts = ["" if t is None else str(t) for t in texts]
        units = split_units(texts, langs, self.content_free())
        vectors = unit_embeddings(units, embeddings, encode or _default_encode)
        return assign_comments(self, embeddings, langs, units, vectors)

    def similarities(self, embeddings: np.ndarray, langs: Sequence[str]) -> np.ndarray:
        """(rows x themes) cosine similarity to every theme centroid, in chunks."""
        if self.centroids_ is None:
            raise NotFittedError("The theme model")
        parts = [
            self.center(embeddings[s : s + ASSIGN_CHUNK], langs[s : s + ASSIGN_CHUNK])
            @ self.centroids_.T
            for s in range(0, len(embeddings), ASSIGN_CHUNK)
        ]
        return np.vstack(parts) if parts else np.zeros((0, len(self.topic_ids_)), np.float32)

    # -- helpers -------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        """Embedding dimension the model was fitted on."""
        if self.centroids_ is None:
            raise NotFittedError("The theme model")
        return int(self.centroids_.shape[1])

    def label_of(self, topic: int) -> str:
        """Label of a theme id; "Other" for -1."""
        return OUTLIER_LABEL if topic == OUTLIER else self.themes_[int(topic)].label

    def category_of(self, topic: int) -> str:
        """Category of a theme id (its label when it has none); "Other" for -1."""
        if topic == OUTLIER:
            return OUTLIER_LABEL
        theme = self.themes_[int(topic)]
        return theme.category or theme.label

    def _row(self, topic: int) -> int:
        if topic == OUTLIER:
            return OUTLIER
        return int(np.flatnonzero(self.topic_ids_ == topic)[0])

    def theme_list(self) -> list[Theme]:
        """Themes in id order."""
        return [self.themes_[int(t)] for t in sorted(self.topic_ids_)]

    def refresh_keywords(self, renamed: Iterable[int] = ()) -> None:
        """Recompute keywords from the stored counts, and the names of the unlocked themes
        at rows `renamed` (those an edit changed)."""
        from feedback_nlp.topics import describe

        describe.refresh_names(self, list(renamed))


def _default_encode(texts: list[str]) -> np.ndarray:
    from feedback_nlp.topics.encoder import encode_texts

    return encode_texts(texts)


def _check_embeddings(embeddings: np.ndarray, n_rows: int, dim: int | None = None) -> np.ndarray:
    array = np.asarray(embeddings, dtype=np.float32)
    if array.ndim != 2 or len(array) != n_rows:
        raise FeedbackError(
            f"embeddings must be a (comments x dimensions) array with {n_rows} rows, "
            f"got shape {array.shape}"
        )
    if dim is not None and array.shape[1] != dim:
        raise FeedbackError(
            f"embeddings have {array.shape[1]} dimensions but the theme model was fitted on {dim}; "
            "use the same encoder as at fit time"
        )
    if not np.isfinite(array).all():
        row = int(np.flatnonzero(~np.isfinite(array).all(axis=1))[0])
        raise FeedbackError(f"embedding of row {row} contains NaN or infinite values")
    return array
