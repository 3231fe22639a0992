"""Readable theme names: the most distinctive short phrase the theme's own comments use.

Candidates are the word n-grams (1-5 words) of each unit, in the label language, that
`topics.phrase_candidates` keeps (no punctuation, number or stop word at an edge; a content
word that does not only say when).

Each theme's candidates are counted once per unit (document frequency) and weighted with
BERTopic's `ClassTfidfTransformer` (class-based TF-IDF, frequent words damped), so a phrase
every theme uses ("the flight", "my order") loses to what sets the theme apart. The name is
the best-weighted phrase of 2-5 words used by at least `MIN_SUPPORT` units of the theme and
`MIN_SHARE` of them; a longer phrase replaces it when nearly as many units use it ("turn up"
→ "engineer did not turn up"). Themes without such a phrase: `topics.fallback_names`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from feedback_nlp.topics.code_words import code_words
from feedback_nlp.topics.name_noise import brand_words
from feedback_nlp.topics.phrase_candidates import (  # also used as phrases.X elsewhere
    ENGLISH_EDGES,
    FUNCTION_WORDS,
    INTENSIFIERS,
    MAX_PHRASE_WORDS,
    NEGATIONS,
    PARTICLES,
    candidates,
    is_contraction,
)
from feedback_nlp.topics.temporal import temporal_words
from feedback_nlp.topics.units import stop_words

__all__ = ["ENGLISH_EDGES", "EXTEND_SHARE", "FUNCTION_WORDS", "INTENSIFIERS", "MAX_ANCHORS",
           "MAX_PHRASE_WORDS", "MIN_SHARE", "MIN_SUPPORT", "NEGATIONS", "PARTICLES",
           "PhraseCounts", "candidates", "class_tfidf", "count_phrases", "is_contraction",
           "is_readable", "phrase_with", "ranked_phrases"]  # fmt: skip

MIN_SUPPORT = 2
MIN_SHARE = 0.1
EXTEND_SHARE = 0.85
MAX_ANCHORS = 8


@dataclass
class PhraseCounts:
    """Document frequency of candidate phrases per theme row, in one language."""

    lang: str
    phrases: list[str]
    counts: sparse.csr_matrix  # (themes, phrases)
    sizes: np.ndarray  # units per theme row in this language
    skip: frozenset[str] = frozenset()  # words no phrase holds (people's names, codes), lower


def count_phrases(
    texts: Sequence[str],
    rows: Sequence[int],
    n_rows: int,
    lang: str,
    max_phrases: int,
    people: frozenset[str] = frozenset(),
    langs: Sequence[str] = (),
) -> PhraseCounts:
    """Per theme row, how many of its units (`rows[i]`, -1: none) use each candidate phrase;
    the words of the @handles left in any of `texts` (the brand's), the words in `people`
    (`topics.person_names`) and the codes `texts` write in capitals (`topics.code_words`,
    known acronyms read in `langs`, default `lang`) are in none."""
    people = people | code_words(texts, langs or [lang])
    skip = brand_words(texts) | people
    per_unit = [
        candidates(t, lang, skip) if r >= 0 else set() for t, r in zip(texts, rows, strict=True)
    ]
    total: dict[str, int] = {}
    for found in per_unit:
        for phrase in found:
            total[phrase] = total.get(phrase, 0) + 1
    kept = [p for p, n in total.items() if n >= MIN_SUPPORT or " " not in p]
    kept = sorted(kept, key=lambda p: (-total[p], p))[:max_phrases]
    column = {p: i for i, p in enumerate(sorted(kept))}
    data_rows: list[int] = []
    data_cols: list[int] = []
    sizes = np.zeros(n_rows, dtype=np.int64)
    for found, row in zip(per_unit, rows, strict=True):
        if row < 0:
            continue
        sizes[row] += 1
        for phrase in found:
            if phrase in column:
                data_rows.append(int(row))
                data_cols.append(column[phrase])
    counts = sparse.csr_matrix(
        (np.ones(len(data_rows), dtype=np.float64), (data_rows, data_cols)),
        shape=(n_rows, len(column)),
    )
    return PhraseCounts(lang, sorted(column, key=column.__getitem__), counts, sizes, people)


def class_tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """BERTopic's class-based TF-IDF of a (classes x terms) count matrix, frequent words damped."""
    from bertopic.vectorizers import ClassTfidfTransformer

    if counts.shape[1] == 0 or counts.nnz == 0:
        return sparse.csr_matrix(counts.shape, dtype=np.float64)
    if counts.shape[1] == 1:  # BERTopic squeezes a single term's frequency to a scalar
        padded = sparse.hstack([counts, sparse.csr_matrix((counts.shape[0], 1))]).tocsr()
        return class_tfidf(padded)[:, :1].tocsr()
    transformer = ClassTfidfTransformer(reduce_frequent_words=True)
    # It normalises its input in place (give it a copy); terms no class uses divide by zero.
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = transformer.fit_transform(sparse.csr_matrix(counts, dtype=np.float64, copy=True))
    return sparse.csr_matrix(weights)


def ranked_phrases(phrase_counts: PhraseCounts, weights: sparse.csr_matrix, row: int) -> list[str]:
    """Names of 2-5 words for a theme row, best first.

    The anchors are the row's phrases (single words included) used by enough of its units,
    by class-based TF-IDF; a multi-word anchor is extended to a longer phrase nearly as many
    units use, a single word becomes the most used phrase of 2-5 words that contains it.
    """
    counts = phrase_counts.counts.getrow(row).toarray().ravel()
    size = int(phrase_counts.sizes[row])
    if size == 0:
        return []
    floor = max(MIN_SUPPORT, MIN_SHARE * size)
    weight = weights.getrow(row).toarray().ravel()
    phrases = phrase_counts.phrases
    anchors = sorted(np.flatnonzero(counts >= floor), key=lambda i: (-weight[i], phrases[i]))
    result: list[str] = []
    for index in anchors[:MAX_ANCHORS]:
        if " " in phrases[index]:
            name = _extend(index, counts, phrases)
        else:
            name = phrase_with(phrases[index], counts, phrases)
        if name and name not in result:
            result.append(name)
    return result


def phrase_with(word: str, counts: np.ndarray, phrases: list[str]) -> str:
    """The most used phrase of 2-5 words containing `word` (at least MIN_SUPPORT units)."""
    containing = [
        i
        for i in np.flatnonzero(counts >= MIN_SUPPORT)
        if " " in phrases[i] and word in phrases[i].split()
    ]
    if not containing:
        return ""
    best = min(containing, key=lambda i: (-counts[i], len(phrases[i]), phrases[i]))
    return _extend(best, counts, phrases)


def _extend(index: int, counts: np.ndarray, phrases: list[str]) -> str:
    """The longest phrase containing phrases[index] used by >= EXTEND_SHARE of its units."""
    best = phrases[index]
    base = f" {best} "
    for other in np.flatnonzero(counts >= EXTEND_SHARE * counts[index]):
        text = phrases[other]
        if len(text.split()) > len(best.split()) and base in f" {text} ":
            best = text
    return best


def is_readable(name: str, lang: str) -> bool:
    """The house rules for a theme name: 1-5 words, no digits, not only stop words or time
    words."""
    parts = [w for w in re.split(r"\s+|\s*/\s*", name.strip().lower()) if w]
    if not parts or len(parts) > MAX_PHRASE_WORDS or any(ch.isdigit() for ch in name):
        return False
    not_content = stop_words(lang) | temporal_words(lang)
    return any(w not in not_content for w in parts)
