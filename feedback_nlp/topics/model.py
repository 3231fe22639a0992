"""The theme model: BERTopic clustering on precomputed embeddings, nearest-centroid tagging.

Fitting (on a sample of at most `fit_sample` comments):

1. Embeddings are centred per language (the mean embedding of each language seen at fit is
   subtracted, then rows are re-normalised). Multilingual encoders keep a strong language
   signal; removing each language's mean makes "late delivery" and "livraison en retard"
   nearer to each other than to other themes in their own language.
2. Guided seeds: comments similar enough to a seed theme (keywords in any language) go to it.
3. The rest is clustered by BERTopic (seeded UMAP + HDBSCAN) fed with the centred embeddings.
4. Each theme keeps its centroid. Every comment, at fit and later, is tagged with its nearest
   centroid when the cosine similarity reaches `threshold_` (else -1: a new-theme candidate);
   its `themes` are every theme within `multi_theme_ratio` of the best similarity. Unless the
   user sets `outlier_threshold`, `threshold_` is the `outlier_quantile` quantile of how similar
   clustered comments are to their nearest *other* theme: a comment joins a theme only when it
   is closer to it than 95 % of comments are to a theme they do not belong to.
5. Categories (the upper level): the theme centroids are grouped by agglomerative clustering
   (cosine distance, average linkage) until the groups' similarity falls below
   `category_similarity`; a category is named by the c-TF-IDF keywords of its themes' comments
   (a single-theme category takes its theme's label). An analyst's `set_category` overrides it.

Only arrays and JSON-able values are kept, so the model saves without pickle and tags the same
comments with the same ids after a reload.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Self

import numpy as np
from scipy import sparse

from feedback_nlp.errors import ConfigError, FeedbackError, NotFittedError
from feedback_nlp.topics import labels

OUTLIER = -1
OUTLIER_LABEL = "Other"
ASSIGN_CHUNK = 20_000


@dataclass
class TopicsConfig:
    """Settings of the theme model (the topics stage passes its arguments through)."""

    min_topic_size: int = 10
    n_neighbors: int = 15
    n_components: int = 5
    seed: int = 42
    fit_sample: int = 50_000
    outlier_threshold: float | None = None
    outlier_quantile: float = 0.95
    multi_theme_ratio: float = 0.7
    max_themes: int = 3
    language_centering: bool = True
    centering_min_docs: int = 15
    seeds: dict[str, list[str]] | None = None
    seed_threshold: float = 0.35
    merge_similarity: float | None = 0.4
    category_similarity: float | None = 0.3
    max_vocabulary: int = 20_000
    n_keywords: int = 10
    n_representatives: int = 3

    def __post_init__(self) -> None:
        if self.min_topic_size < 2:
            raise ConfigError(f"min_topic_size must be at least 2, got {self.min_topic_size}")
        if self.fit_sample < 1:
            raise ConfigError(f"fit_sample must be positive, got {self.fit_sample}")
        if not 0 < self.multi_theme_ratio <= 1:
            raise ConfigError(f"multi_theme_ratio must be in (0, 1], got {self.multi_theme_ratio}")
        if not 0 < self.outlier_quantile <= 1:
            raise ConfigError(f"outlier_quantile must be in (0, 1], got {self.outlier_quantile}")
        if self.category_similarity is not None and not -1 <= self.category_similarity <= 1:
            raise ConfigError(
                f"category_similarity must be in [-1, 1] or None, got {self.category_similarity}"
            )


@dataclass
class Theme:
    """One theme as an analyst sees it."""

    topic: int
    label: str
    category: str = ""
    category_id: int = OUTLIER  # automatic group of themes (-1: none yet)
    category_locked: bool = False  # set by an analyst: kept through refreshes
    size: int = 0
    keywords: list[str] = field(default_factory=list)
    keywords_by_lang: dict[str, list[str]] = field(default_factory=dict)
    representative_ids: list[str] = field(default_factory=list)
    representative_texts: list[str] = field(default_factory=list)
    seed_keywords: list[str] = field(default_factory=list)
    label_locked: bool = False

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict of the theme."""
        return asdict(self)


@dataclass
class Assignment:
    """Themes of a set of comments, aligned with them."""

    topic: np.ndarray  # int64, -1 for outliers
    score: np.ndarray  # float64, cosine similarity to the main theme clipped to [0, 1]
    themes: list[list[int]]


class ThemeModel:
    """Fit themes on comment embeddings and tag comments with them."""

    def __init__(self, config: TopicsConfig | None = None) -> None:
        self.config = config or TopicsConfig()
        self.centroids_: np.ndarray | None = None  # (n_themes, dim), centred space, unit rows
        self.topic_ids_: np.ndarray = np.zeros(0, dtype=np.int64)
        self.themes_: dict[int, Theme] = {}
        self.threshold_: float = 0.0
        self.language_means_: dict[str, np.ndarray] = {}
        self.global_mean_: np.ndarray | None = None
        self.main_language_: str = ""
        self.vocabulary_: list[str] = []
        self.counts_: dict[str, sparse.csr_matrix] = {}  # per language: (n_themes, vocab)
        self.history_: list[dict[str, Any]] = []
        self.fitted_on_: dict[str, Any] = {}

    # -- fitting -------------------------------------------------------------------------

    def fit(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        langs: Sequence[str],
        ids: Sequence[str] | None = None,
        seed_embeddings: Mapping[str, np.ndarray] | None = None,
    ) -> Self:
        """Find themes in the comments; `seed_embeddings` (name -> vector) guide named themes."""
        embeddings = _check_embeddings(embeddings, len(texts))
        if len(langs) != len(texts):
            raise FeedbackError(f"{len(texts)} texts but {len(langs)} languages")
        ids = [str(i) for i in ids] if ids is not None else [str(i) for i in range(len(texts))]
        usable = np.array([bool(t and str(t).strip()) for t in texts], dtype=bool)
        if not usable.any():
            raise FeedbackError(
                f"cannot fit themes: none of the {len(texts)} comments has text "
                "(themes need at least one non-empty comment)"
            )
        sample = self._sample(np.flatnonzero(usable))
        texts_s = [str(texts[i]) for i in sample]
        langs_s = [str(langs[i]) for i in sample]
        ids_s = [ids[i] for i in sample]
        self._learn_centering(embeddings[sample], langs_s)
        centred = self.center(embeddings[sample], langs_s)
        tokens = labels.Lemmatizer().tokens(texts_s, langs_s)
        groups, seed_names = self._group(centred, tokens, seed_embeddings or {})
        self._set_centroids(centred, groups)
        self._merge_close_clusters(centred, groups, n_fixed=len(seed_names))
        self.threshold_ = self._choose_threshold(centred, groups)
        self.fitted_on_ = {"comments": len(texts), "sample": len(sample)}
        self._describe(centred, texts_s, langs_s, ids_s, tokens, seed_names)
        return self

    def _sample(self, candidates: np.ndarray) -> np.ndarray:
        if len(candidates) <= self.config.fit_sample:
            return candidates
        rng = np.random.default_rng(self.config.seed)
        return np.sort(rng.choice(candidates, size=self.config.fit_sample, replace=False))

    def _learn_centering(self, embeddings: np.ndarray, langs: Sequence[str]) -> None:
        self.global_mean_ = embeddings.mean(axis=0).astype(np.float32)
        self.language_means_ = {}
        self.main_language_ = _most_common(langs)
        if not self.config.language_centering:
            return
        langs_arr = np.asarray(langs)
        for lang in sorted(set(langs)):
            members = langs_arr == lang
            if members.sum() >= self.config.centering_min_docs:
                self.language_means_[lang] = embeddings[members].mean(axis=0).astype(np.float32)

    def center(self, embeddings: np.ndarray, langs: Sequence[str]) -> np.ndarray:
        """Embeddings in the model's space: minus their language's mean, unit length."""
        if self.global_mean_ is None:
            raise NotFittedError("The theme model")
        means = np.repeat(self.global_mean_[None, :], len(embeddings), axis=0)
        langs_arr = np.asarray([str(lang) for lang in langs])
        for lang, mean in self.language_means_.items():
            means[langs_arr == lang] = mean
        centred = np.asarray(embeddings, dtype=np.float32) - means
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        return centred / np.maximum(norms, 1e-12)

    def _group(
        self,
        centred: np.ndarray,
        tokens: list[list[str]],
        seed_embeddings: Mapping[str, np.ndarray],
    ) -> tuple[np.ndarray, list[str]]:
        """Theme index of each sampled comment (-1: left out): seed themes first, then clusters."""
        groups = np.full(len(centred), OUTLIER, dtype=np.int64)
        seed_names = sorted(seed_embeddings)
        if seed_names:
            seeds = np.stack([np.asarray(seed_embeddings[n], np.float32) for n in seed_names])
            anchors = self._seed_anchors(self.center(seeds, [""] * len(seeds)), centred)
            anchor_sims = anchors @ centred.T
            best = anchor_sims.argmax(axis=0)
            matched = anchor_sims.max(axis=0) >= self.config.seed_threshold
            groups[matched] = best[matched]
        rest = np.flatnonzero(groups == OUTLIER)
        clusters = self._cluster(centred[rest], [tokens[i] for i in rest])
        offset = len(seed_names)
        groups[rest] = np.where(clusters >= 0, clusters + offset, OUTLIER)
        return groups, seed_names

    def _seed_anchors(self, seeds: np.ndarray, centred: np.ndarray) -> np.ndarray:
        """Per seed, the mean of its `min_topic_size` nearest comments (unit vectors).

        A few keywords embed differently from full comments; anchoring each seed on the
        comments nearest to it puts it in the comments' own region of the space.
        """
        k = min(self.config.min_topic_size, len(centred))
        nearest = np.argsort(-(seeds @ centred.T), axis=1, kind="stable")[:, :k]
        anchors = centred[nearest].mean(axis=1)
        return anchors / np.maximum(np.linalg.norm(anchors, axis=1, keepdims=True), 1e-12)

    def _cluster(self, centred: np.ndarray, tokens: list[list[str]]) -> np.ndarray:
        """BERTopic cluster of each comment (-1: noise); one theme when too few to cluster."""
        n_docs = len(centred)
        if n_docs == 0:
            return np.zeros(0, dtype=np.int64)
        if n_docs < 2 * self.config.min_topic_size:
            return np.zeros(n_docs, dtype=np.int64)
        topic_model = _bertopic(self.config, n_docs)
        documents = [" ".join(t) if t else "_" for t in tokens]
        topics, _ = topic_model.fit_transform(documents, embeddings=centred)
        topics = np.asarray(topics, dtype=np.int64)
        if (topics < 0).all():
            return np.zeros(n_docs, dtype=np.int64)
        return topics

    def _set_centroids(self, centred: np.ndarray, groups: np.ndarray) -> None:
        present = [g for g in range(int(groups.max()) + 1) if (groups == g).any()]
        centroids = np.stack([centred[groups == g].mean(axis=0) for g in present])
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
        self.centroids_ = centroids.astype(np.float32)
        self.topic_ids_ = np.arange(len(present), dtype=np.int64)
        remap = {g: i for i, g in enumerate(present)}
        groups[:] = [remap.get(int(g), OUTLIER) for g in groups]

    def _merge_close_clusters(self, centred: np.ndarray, groups: np.ndarray, n_fixed: int) -> None:
        """Merge the closest pair of discovered clusters while their centroids' similarity
        reaches `merge_similarity` (HDBSCAN often splits one issue by wording or language).
        Seed themes (the first `n_fixed`) are never merged."""
        limit = self.config.merge_similarity
        if limit is None or self.centroids_ is None:
            return
        while len(self.centroids_) - n_fixed >= 2:
            sims = self.centroids_[n_fixed:] @ self.centroids_[n_fixed:].T
            np.fill_diagonal(sims, -np.inf)
            i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
            if sims[i, j] < limit:
                return
            keep, drop = sorted((int(i) + n_fixed, int(j) + n_fixed))
            groups[groups == drop] = keep
            groups[groups > drop] -= 1
            self._set_centroids(centred, groups)

    def _choose_threshold(self, centred: np.ndarray, groups: np.ndarray) -> float:
        if self.config.outlier_threshold is not None:
            return float(self.config.outlier_threshold)
        members = groups >= 0
        sims = centred[members] @ self.centroids_.T
        if sims.shape[1] < 2:
            return float(sims[:, 0].min())  # one theme: as close as its least similar member
        sims[np.arange(len(sims)), groups[members]] = -np.inf
        return float(np.quantile(sims.max(axis=1), self.config.outlier_quantile))

    def _describe(
        self,
        centred: np.ndarray,
        texts: list[str],
        langs: list[str],
        ids: list[str],
        tokens: list[list[str]],
        seed_names: list[str],
    ) -> None:
        """Sizes, keywords per language, labels and representatives of every theme."""
        assignment = self.assign_centred(centred)
        rows = np.array([self._row(t) for t in assignment.topic], dtype=np.int64)
        vocabulary = labels.build_vocabulary(tokens, self.config.max_vocabulary)
        self.vocabulary_ = sorted(vocabulary, key=vocabulary.__getitem__)
        langs_arr = np.asarray(langs)
        self.counts_ = {}
        for lang in sorted(set(langs)):
            rows_lang = np.where(langs_arr == lang, rows, OUTLIER)
            self.counts_[lang] = labels.count_matrix(
                tokens, rows_lang, len(self.topic_ids_), vocabulary
            )
        self.themes_ = {}
        for row, topic in enumerate(self.topic_ids_):
            members = np.flatnonzero(rows == row)
            best = members[np.argsort(-assignment.score[members], kind="stable")]
            best = best[: self.config.n_representatives]
            seed = seed_names[row] if row < len(seed_names) else None
            self.themes_[int(topic)] = Theme(
                topic=int(topic),
                label=seed or "",
                size=len(members),
                representative_ids=[ids[i] for i in best],
                representative_texts=[texts[i] for i in best],
                seed_keywords=list((self.config.seeds or {}).get(seed, [])) if seed else [],
                label_locked=seed is not None,
            )
        self._group_categories()
        self.refresh_keywords()

    def _group_categories(self) -> None:
        """Automatic category id of every theme: average-linkage clusters of the centroids."""
        groups = category_groups(self.centroids_, self.config.category_similarity)
        for row, topic in enumerate(self.topic_ids_):
            self.themes_[int(topic)].category_id = int(groups[row])

    def refresh_keywords(self) -> None:
        """Recompute keywords (overall and per language) and unlocked labels from the counts."""
        total = sum(
            self.counts_.values(), sparse.csr_matrix((len(self.topic_ids_), len(self.vocabulary_)))
        )
        overall = labels.top_terms(labels.ctfidf(total), self.vocabulary_, self.config.n_keywords)
        per_lang = {
            lang: labels.top_terms(labels.ctfidf(c), self.vocabulary_, self.config.n_keywords)
            for lang, c in self.counts_.items()
        }
        for row, topic in enumerate(self.topic_ids_):
            theme = self.themes_[int(topic)]
            theme.keywords = overall[row]
            theme.keywords_by_lang = {lang: k[row] for lang, k in per_lang.items() if k[row]}
            if not theme.label_locked:
                main = theme.keywords_by_lang.get(self.main_language_) or theme.keywords
                if not main and theme.representative_texts:  # only stop words: quote instead
                    main = [" ".join(theme.representative_texts[0].split()[:4])]
                theme.label = labels.short_label(main)
        self._name_categories(total)

    def _name_categories(self, total: sparse.csr_matrix) -> None:
        """Name the automatic categories: a lone theme's label, else c-TF-IDF keywords of the
        member themes' comments (main language first, all languages where it has none)."""
        rows_of: dict[int, list[int]] = {}
        for row, topic in enumerate(self.topic_ids_):
            theme = self.themes_[int(topic)]
            if not theme.category_locked:
                rows_of.setdefault(theme.category_id, []).append(row)
        ids = sorted(rows_of)
        member = np.zeros((len(ids), len(self.topic_ids_)), dtype=np.float64)
        for index, category in enumerate(ids):
            member[index, rows_of[category]] = 1.0
        member = sparse.csr_matrix(member)
        main = self.counts_.get(self.main_language_, total)
        n_words = self.config.n_keywords
        main_terms = labels.top_terms(labels.ctfidf(member @ main), self.vocabulary_, n_words)
        all_terms = labels.top_terms(labels.ctfidf(member @ total), self.vocabulary_, n_words)
        for index, category in enumerate(ids):
            rows = rows_of[category]
            themes = [self.themes_[int(self.topic_ids_[r])] for r in rows]
            keywords = main_terms[index] or all_terms[index]
            single = len(rows) == 1 or category == OUTLIER or not keywords
            name = themes[0].label if single else labels.short_label(keywords)
            for theme in themes:
                theme.category = theme.label if category == OUTLIER else name

    # -- tagging -------------------------------------------------------------------------

    def transform(self, embeddings: np.ndarray, langs: Sequence[str]) -> Assignment:
        """Themes of comments from their (raw, L2-normalised) embeddings and languages."""
        embeddings = _check_embeddings(embeddings, len(langs), dim=self.dim)
        parts = [
            self.assign_centred(
                self.center(
                    embeddings[start : start + ASSIGN_CHUNK], langs[start : start + ASSIGN_CHUNK]
                )
            )
            for start in range(0, len(embeddings), ASSIGN_CHUNK)
        ]
        if not parts:
            return Assignment(np.zeros(0, np.int64), np.zeros(0), [])
        return Assignment(
            np.concatenate([p.topic for p in parts]),
            np.concatenate([p.score for p in parts]),
            [themes for p in parts for themes in p.themes],
        )

    def assign_centred(self, centred: np.ndarray) -> Assignment:
        """Nearest-centroid themes of embeddings already in the model's space."""
        if self.centroids_ is None:
            raise NotFittedError("The theme model")
        if len(self.topic_ids_) == 0:
            n = len(centred)
            return Assignment(np.full(n, OUTLIER, np.int64), np.zeros(n), [[OUTLIER]] * n)
        sims = centred @ self.centroids_.T
        best = sims.argmax(axis=1)
        best_sim = sims[np.arange(len(sims)), best]
        assigned = best_sim >= self.threshold_
        topic = np.where(assigned, self.topic_ids_[best], OUTLIER)
        return Assignment(
            topic,
            np.clip(best_sim, 0.0, 1.0).astype(np.float64),
            self._all_themes(sims, topic, best_sim),
        )

    def _all_themes(
        self, sims: np.ndarray, topic: np.ndarray, best_sim: np.ndarray
    ) -> list[list[int]]:
        floor = np.maximum(self.threshold_, self.config.multi_theme_ratio * best_sim)
        order = np.argsort(-sims, axis=1, kind="stable")[:, : self.config.max_themes]
        result = []
        for i, main in enumerate(topic):
            if main == OUTLIER:
                result.append([OUTLIER])
                continue
            result.append([int(self.topic_ids_[j]) for j in order[i] if sims[i, j] >= floor[i]])
        return result

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


def category_groups(centroids: np.ndarray, similarity: float | None) -> np.ndarray:
    """Category id of each centroid row: average-linkage clusters on cosine distance, cut
    where the groups' mean similarity falls below `similarity` (None: one theme per category).

    Ids are numbered in order of their first theme, so the result is deterministic.
    """
    n_rows = len(centroids)
    if similarity is None or n_rows < 2:
        return np.arange(n_rows, dtype=np.int64)
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    distances = np.clip(pdist(np.asarray(centroids, dtype=np.float64), "cosine"), 0.0, 2.0)
    clusters = fcluster(linkage(distances, "average"), t=1.0 - similarity, criterion="distance")
    first_seen: dict[int, int] = {}
    return np.array(
        [first_seen.setdefault(int(c), len(first_seen)) for c in clusters], dtype=np.int64
    )


def _bertopic(config: TopicsConfig, n_docs: int) -> Any:
    from feedback_nlp.errors import require_package

    bertopic = require_package("bertopic", "topics", "Theme discovery")
    umap = require_package("umap", "topics", "Theme discovery")
    hdbscan = require_package("hdbscan", "topics", "Theme discovery")
    from sklearn.feature_extraction.text import CountVectorizer

    reducer = umap.UMAP(
        n_neighbors=max(2, min(config.n_neighbors, n_docs - 1)),
        n_components=max(2, min(config.n_components, n_docs - 2)),
        min_dist=0.0,
        metric="cosine",
        random_state=config.seed,
        low_memory=True,
        n_jobs=1,
        init="spectral" if n_docs > 50 else "random",
    )
    clusterer = hdbscan.HDBSCAN(
        min_cluster_size=config.min_topic_size,
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=False,
    )
    return bertopic.BERTopic(
        embedding_model=None,
        umap_model=reducer,
        hdbscan_model=clusterer,
        vectorizer_model=CountVectorizer(token_pattern=r"\S+"),
        calculate_probabilities=False,
        low_memory=True,
        verbose=False,
    )


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


def _most_common(values: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""
