"""Name themes and discovered categories with phrases their own comments use.

Candidates come from `topics.phrases` (frequent, distinctive phrases of 2-5 words in the
label language, ranked by BERTopic's class-based TF-IDF). At fit time the best
`MAX_CANDIDATES` of each theme are re-ranked by how close their embedding is to the theme's
centroid (the idea of BERTopic's KeyBERTInspired representation, applied to phrases rather
than single words): the name is the phrase that means what the theme's comments mean, not
only the one they share. Names are unique; larger themes choose first. After an analyst's
edit, the themes it changed are renamed by c-TF-IDF rank alone (no encoder needed).

A discovered category is named the same way from its themes' pooled phrases and the mean of
their centroids, never with one of its themes' names; without a phrase, by its two most
distinctive keywords ("refund & money").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.topics import clustering, labels, phrases

if TYPE_CHECKING:
    from feedback_nlp.topics.model import Theme, ThemeModel

MAX_CANDIDATES = 10
RANK_PENALTY = 0.01  # per place in the c-TF-IDF ranking: near-ties keep that order
Encode = Callable[[list[str]], np.ndarray]


def name_themes(
    model: ThemeModel, encode: Encode | None, rows: Iterable[int] | None = None
) -> None:
    """Give the unlocked themes at `rows` (default: all) a name."""
    themes = [model.themes_[int(t)] for t in model.topic_ids_]
    rows = [r for r in (range(len(themes)) if rows is None else rows) if not themes[r].label_locked]
    taken = {t.label.lower() for i, t in enumerate(themes) if i not in rows and t.label}
    if model.phrases_ is None or not rows:
        return
    weights = phrases.class_tfidf(model.phrases_.counts)
    candidates = {
        r: phrases.ranked_phrases(model.phrases_, weights, r)[:MAX_CANDIDATES] for r in rows
    }
    centroids = model.centroids_[rows] if model.centroids_ is not None else None
    scores = _scores(model, candidates, rows, centroids, encode)
    for row in sorted(rows, key=lambda r: (-themes[r].size, r)):
        name = _best_free(candidates[row], scores.get(row, {}), taken)
        if not name:
            name = phrases.fallback_name(model.phrases_, weights, row, taken)
        themes[row].label = name or keyword_name(themes[row], model.label_language_)
        themes[row].label = themes[row].label or f"theme {themes[row].topic}"
        taken.add(themes[row].label.lower())


def name_categories(
    model: ThemeModel, themes: list[Theme], categories: list[int], encode: Encode | None
) -> dict[int, str]:
    """Names of the discovered categories (ids in `categories`), unlike any theme's name."""
    if not categories or model.phrases_ is None:
        return {}
    index_of = {c: i for i, c in enumerate(categories)}
    member = np.zeros((len(categories), len(themes)), dtype=np.float64)
    for row, theme in enumerate(themes):
        if theme.category_id in index_of:
            member[index_of[theme.category_id], row] = 1.0
    pooled = _pooled(model.phrases_, sparse.csr_matrix(member))
    weights = phrases.class_tfidf(pooled.counts)
    candidates = {
        i: phrases.ranked_phrases(pooled, weights, i)[:MAX_CANDIDATES] for i in index_of.values()
    }
    centroids = clustering.unit_rows(member @ model.centroids_)
    scores = _scores(model, candidates, list(candidates), centroids, encode)
    taken = {t.label.lower() for t in themes}
    names: dict[int, str] = {}
    keyword_names = _keyword_names(model, sparse.csr_matrix(member), len(categories))
    for category, index in index_of.items():
        name = _best_free(candidates[index], scores.get(index, {}), taken)
        name = name or next((k for k in keyword_names[index] if k.lower() not in taken), "")
        if name:
            names[category] = name
            taken.add(name.lower())
    return names


def _scores(
    model: ThemeModel,
    candidates: dict[int, list[str]],
    rows: Sequence[int],
    centroids: np.ndarray | None,
    encode: Encode | None,
) -> dict[int, dict[str, float]]:
    """Per row, each candidate's cosine to the row's centroid minus a small rank penalty."""
    texts = sorted({c for found in candidates.values() for c in found})
    if encode is None or centroids is None or not texts:
        return {r: {c: -RANK_PENALTY * i for i, c in enumerate(candidates[r])} for r in rows}
    vectors = model.center(np.asarray(encode(texts)), [model.label_language_] * len(texts))
    index = {text: i for i, text in enumerate(texts)}
    result: dict[int, dict[str, float]] = {}
    for position, row in enumerate(rows):
        sims = vectors[[index[c] for c in candidates[row]]] @ centroids[position]
        result[row] = {
            c: float(s) - RANK_PENALTY * i
            for i, (c, s) in enumerate(zip(candidates[row], sims, strict=True))
        }
    return result


def _best_free(candidates: list[str], scores: dict[str, float], taken: set[str]) -> str:
    free = [c for c in candidates if c.lower() not in taken]
    return max(free, key=lambda c: (scores.get(c, 0.0), c)) if free else ""


def _pooled(counts: phrases.PhraseCounts, member: sparse.csr_matrix) -> phrases.PhraseCounts:
    return phrases.PhraseCounts(
        counts.lang,
        counts.phrases,
        sparse.csr_matrix(member @ counts.counts),
        np.asarray(member @ counts.sizes).ravel().astype(np.int64),
    )


def _keyword_names(model: ThemeModel, member: sparse.csr_matrix, n_rows: int) -> list[list[str]]:
    """Per category, "a & b" from its most distinctive keywords (label language first)."""
    from feedback_nlp.topics.describe import supported_weights

    n_themes, n_terms = member.shape[1], len(model.vocabulary_)
    total = sum(model.counts_.values(), sparse.csr_matrix((n_themes, n_terms)))
    result: list[list[str]] = [[] for _ in range(n_rows)]
    for counts in (model.counts_.get(model.label_language_, total), total):
        ranked = labels.top_terms(supported_weights(member @ counts), model.vocabulary_, 4)
        for index, words in enumerate(ranked):
            if len(words) >= 2:
                result[index].append(" & ".join(words[:2]))
    return result


def keyword_name(theme: Theme, label_language: str) -> str:
    """Two keywords, label language first, for a theme without a phrase of its own."""
    by_lang = theme.keywords_by_lang
    ordered = [label_language, *sorted(by_lang, key=lambda c: (-len(by_lang[c]), c))]
    for lang in ordered:
        if len(by_lang.get(lang, [])) >= 2:
            return " / ".join(by_lang[lang][:2])
    return " / ".join(theme.keywords[:2])
