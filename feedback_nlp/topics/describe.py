"""Describe fitted themes: sizes, quotes, keywords per language, names and categories.

- **Names**: `topics.naming` (phrases in the label language: `label_language`, default
  English when at least 10 % of the comments are English, else the most common language).
- **No people's names**: no name, keyword or category name holds a word the fitted units
  use as a person's name (`topics.person_names`).
- **Keywords** per language are class-based TF-IDF (BERTopic's `ClassTfidfTransformer`) over
  spaCy lemmas (`topics.labels`), so an analyst sees the German and Russian words of a theme.
- **Representatives** are the units (the part of the comment that raises the theme) most
  similar to the theme, from different comments, no two the same quote (`quote_key`: a chat
  export repeats its lines).
- **Categories**: `topics.categories` (codebook entries first, then joined by similarity).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.schema import PII_PLACEHOLDERS
from feedback_nlp.text.pseudonyms import pseudonymise_pii_id
from feedback_nlp.topics import labels, naming, phrases
from feedback_nlp.topics.categories import (  # re-exported: tests import them from here
    DISCOVERED,
    _category_names,
    _generic_words,
    _join_various,
    fallback_category_name,
    file_under_codebook,
    group_categories,
    name_categories,
)
from feedback_nlp.topics.forget import drop_single_use_terms
from feedback_nlp.topics.person_names import person_words
from feedback_nlp.topics.units import Units

if TYPE_CHECKING:
    from feedback_nlp.topics.model import ThemeModel
    from feedback_nlp.topics.named import NamedTheme

__all__ = ["DISCOVERED", "KEYWORD_SUPPORT", "NAMING_QUOTES", "_category_names", "_generic_words",
           "_join_various", "describe", "fallback_category_name", "refresh_keywords",
           "refresh_names", "supported_weights"]  # fmt: skip

KEYWORD_SUPPORT = 2
#: Units nearest a theme's centroid that may give a theme without a repeated phrase its name.
NAMING_QUOTES = 20
Encode = Callable[[list[str]], np.ndarray]
#: A redaction placeholder ("<SECRET>", "<NAME>", "@user"): one quote whatever it replaced.
_PLACEHOLDER = re.compile(
    "|".join([r"<[A-Z_]+>", *(re.escape(p) for p in PII_PLACEHOLDERS.values())])
)


def describe(
    model: ThemeModel,
    texts: Sequence[str],
    langs: Sequence[str],
    embeddings: np.ndarray,
    ids: Sequence[str],
    units: Units,
    unit_vectors: np.ndarray,
    sample: np.ndarray,
    fixed: list[NamedTheme],
    encode: Encode | None,
    category_centroids: np.ndarray | None = None,
    polarities: Sequence[str] = (),
) -> None:
    """Fill `model.themes_`, its counts, names and categories from the fitted comments.

    `category_centroids` (one unit row per theme) are what categories are grouped by;
    default the model's centroids (a within-theme whitening passes the unwhitened ones).
    `polarities` (one per unit at `sample`, `topics.name_polarity`) keep a name from
    saying the opposite of most of its theme's units.
    """
    from feedback_nlp.topics.assign import assign_comments
    from feedback_nlp.topics.config import Theme

    assignment = assign_comments(model, embeddings, langs, units, unit_vectors)
    sizes = Counter(t for themes in assignment.themes for t in themes)
    sample_rows = _unit_rows(model, unit_vectors[sample], [units.lang[i] for i in sample])
    model.themes_ = {}
    nearest: dict[int, list[str]] = {}  # the units that may name a theme without a phrase
    n_quotes = model.config.n_representatives
    for row, topic in enumerate(model.topic_ids_):
        named = fixed[row] if row < len(fixed) else None
        name, source = (named.name, named.source) if named else ("", "")
        keywords = named.keywords if named else []
        ranked = _representatives(assignment.mentions, int(topic))
        nearest[row] = [text for _, text in ranked[: max(n_quotes, NAMING_QUOTES)]]
        quotes = distinct_quotes(ranked, n_quotes)
        model.themes_[int(topic)] = Theme(
            topic=int(topic),
            label=name,
            size=int(sizes.get(int(topic), 0)),
            representative_ids=[pseudonymise_pii_id(ids[r]) for r, _ in quotes],  # saved
            representative_texts=[text for _, text in quotes],
            seed_keywords=keywords if source == "seed" else [],
            label_locked=bool(name),
            category_source=source if source.startswith("codebook:") else "",
            codebook_id=source.partition(":")[2] if source.startswith("codebook:") else "",
        )
    sample_texts = [units.text[i] for i in sample]
    sample_langs = [units.lang[i] for i in sample]
    people = person_words(units.text, units.lang)  # cased: the units of `text_clean`
    lemmatizer = _count_terms(model, sample_texts, sample_langs, sample_rows, people)
    near = file_under_codebook(model, unit_vectors[sample], sample_langs, sample_texts, sample_rows)
    group_categories(model, near, category_centroids)
    refresh_keywords(model)
    fitted = naming.FittedUnits(
        sample_texts, sample_langs, sample_rows, model.config.max_phrases, nearest, polarities,
        people,
    )  # fmt: skip
    naming.name_themes(model, encode, fitted=fitted)
    name_categories(model, lemmatizer)
    drop_single_use_terms(model)  # named: a term of one comment is kept by no saved model


def _unit_rows(model: ThemeModel, vectors: np.ndarray, langs: list[str]) -> np.ndarray:
    """Theme row of each unit (-1 below the threshold)."""
    sims = model.similarities(vectors, langs)
    best = sims.argmax(axis=1)
    return np.where(sims.max(axis=1) >= model.threshold_, best, -1).astype(np.int64)


def _representatives(mentions: object, topic: int) -> list[tuple[int, str]]:
    """(comment row, unit text) of the theme's mentions, most similar first, one per comment."""
    frame = mentions[mentions["theme"] == topic].sort_values(  # type: ignore[index]
        ["similarity", "row"], ascending=[False, True], kind="stable"
    )
    frame = frame.drop_duplicates("row")
    return [(int(r), str(t)) for r, t in zip(frame["row"], frame["text"], strict=True)]


def quote_key(text: str) -> str:
    """`text` as a quote: case, spacing and what a placeholder replaced do not count."""
    return " ".join(_PLACEHOLDER.sub("<>", text).casefold().split())


def distinct_quotes(ranked: Sequence[tuple[int, str]], n_quotes: int) -> list[tuple[int, str]]:
    """The first `n_quotes` of `ranked` that are not the same quote as an earlier one."""
    seen: set[str] = set()
    quotes: list[tuple[int, str]] = []
    for row, text in ranked:
        if len(quotes) == n_quotes:
            break
        if quote_key(text) not in seen:
            seen.add(quote_key(text))
            quotes.append((row, text))
    return quotes


def _count_terms(
    model: ThemeModel,
    texts: list[str],
    langs: list[str],
    rows: np.ndarray,
    people: frozenset[str] = frozenset(),
) -> labels.Lemmatizer:
    """Lemma counts per language and phrase counts in the label language, per theme row,
    none of a word in `people`; return the lemmatizer (its pipelines loaded, its
    part-of-speech counts)."""
    config = model.config
    n_rows = len(model.topic_ids_)
    lemmatizer = labels.Lemmatizer()
    tokens = lemmatizer.tokens(texts, langs, people)
    vocabulary = labels.build_vocabulary(tokens, config.max_vocabulary)
    model.vocabulary_ = sorted(vocabulary, key=vocabulary.__getitem__)
    langs_arr = np.asarray(langs)
    model.counts_ = {
        lang: labels.count_matrix(tokens, np.where(langs_arr == lang, rows, -1), n_rows, vocabulary)
        for lang in sorted(set(langs))
    }
    in_label = np.where(langs_arr == model.label_language_, rows, -1)
    model.phrases_ = phrases.count_phrases(
        texts, in_label, n_rows, model.label_language_, config.max_phrases, people, langs
    )
    return lemmatizer


def refresh_keywords(model: ThemeModel) -> None:
    """Keywords (overall and per language) of every theme from the stored counts."""
    n_rows = len(model.topic_ids_)
    total = sum(model.counts_.values(), sparse.csr_matrix((n_rows, len(model.vocabulary_))))
    n_words = model.config.n_keywords
    overall = labels.top_terms(supported_weights(total), model.vocabulary_, n_words)
    per_lang = {
        lang: labels.top_terms(supported_weights(c), model.vocabulary_, n_words)
        for lang, c in model.counts_.items()
    }
    for row, topic in enumerate(model.topic_ids_):
        theme = model.themes_[int(topic)]
        theme.keywords = overall[row]
        theme.keywords_by_lang = {lang: k[row] for lang, k in per_lang.items() if k[row]}


def refresh_names(model: ThemeModel, rows: Iterable[int] | None = None) -> None:
    """After an edit: keywords of all themes, names of the themes at `rows` (None: all)."""
    refresh_keywords(model)
    naming.name_themes(model, None, rows)
    for theme in model.themes_.values():
        if not theme.category:
            theme.category = theme.label


def supported_weights(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """c-TF-IDF weights of the terms a theme uses at least KEYWORD_SUPPORT times (or as
    often as its most used term, in a tiny theme); 0 elsewhere."""
    counts = sparse.csr_matrix(counts)
    weights = phrases.class_tfidf(counts)
    floor = np.maximum(np.minimum(KEYWORD_SUPPORT, counts.max(axis=1).toarray().ravel()), 1)
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    keep = sparse.csr_matrix(
        (counts.data >= floor[rows], counts.indices, counts.indptr), shape=counts.shape
    )
    return sparse.csr_matrix(weights.multiply(keep))
