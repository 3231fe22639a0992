"""Name themes and discovered categories with phrases their own comments use.

Candidates come from `topics.phrases` (frequent, distinctive phrases of 2-5 words in the
label language, ranked by BERTopic's class-based TF-IDF). At fit time the best
`MAX_CANDIDATES` of each theme are re-ranked by how close their embedding is to the theme's
centroid (the idea of BERTopic's KeyBERTInspired representation, applied to phrases rather
than single words): the name is the phrase that means what the theme's comments mean, not
only the one they share. Names are unique; larger themes choose first. After an analyst's
edit, the themes it changed are renamed by c-TF-IDF rank alone (no encoder needed).

A theme with units in the label language is named in it: failing a repeated phrase, by the
phrase of 2-4 words of those units holding most of its best words, else (with at least
`phrases.MIN_SUPPORT` such units) by its two best label-language words ("avoid / awful") or
its best one ("love"). Only a theme without a label-language name, most of whose units are
in another language (Romanian "nu era nimic la ușă" in a corpus named in English), is named
at fit by the same rules in that language, never by a whole sentence (`topics.sentences`);
only a theme with no phrase in either gets keywords of one language ("refund / delay").

At fit, a name that most of the theme's units using it read opposite to the theme's clear
polarity majority (a praise phrase for a theme of complaints) is passed over while another
name exists (`topics.name_polarity`).

Discovered categories are named by `topics.category_names`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.topics import fallback_names, name_polarity, phrases, sentences
from feedback_nlp.topics.unspaced import has_unspaced

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Theme
    from feedback_nlp.topics.model import ThemeModel

MAX_CANDIDATES = 10
ENGLISH_SHARE = 0.1
RANK_PENALTY = 0.01  # per place in the c-TF-IDF ranking: near-ties keep that order
Encode = Callable[[list[str]], np.ndarray]


@dataclass
class FittedUnits:
    """The fitted units' texts, languages and theme rows (-1: none), each theme row's units
    nearest its centroid (`quotes`), for themes without a phrase, and each unit's polarity
    ("negative", "neutral", "positive"; "" unknown), so a name agrees with its theme."""

    texts: Sequence[str]
    langs: Sequence[str]
    rows: Sequence[int]
    max_phrases: int
    quotes: dict[int, list[str]] = field(default_factory=dict)
    polarities: Sequence[str] = ()  # per unit, `topics.name_polarity.unit_polarity`
    people: frozenset[str] = frozenset()  # words used as a person's name: in no name
    _counts: dict[str, tuple[phrases.PhraseCounts, sparse.csr_matrix]] = field(
        default_factory=dict, init=False, repr=False
    )
    _texts_by: dict[tuple[int, str], list[str]] | None = field(default=None, init=False, repr=False)

    def name(self, row: int, n_rows: int, skip: str, taken: set[str]) -> str:
        """A phrase for theme `row` in the language most of its units are in, when that is not
        `skip` and has at least `phrases.MIN_SUPPORT` units; "" otherwise or without one."""
        langs = Counter(g for g, r in zip(self.langs, self.rows, strict=True) if r == row)
        if not langs:
            return ""
        lang, count = min(langs.items(), key=lambda kv: (-kv[1], kv[0]))
        if lang == skip or count < phrases.MIN_SUPPORT:
            return ""
        counts, weights = self._language(lang, n_rows)
        contents = sentences.content_words(self.units_in(row, lang), lang)
        used = counts.counts.getrow(row).toarray().ravel()
        for phrase in phrases.ranked_phrases(counts, weights, row):
            if not sentences.is_sentence(phrase, contents):
                name = phrase if phrase not in taken else ""
            else:  # a part of it that is no sentence
                name = sentences.best_part(phrase, used, counts.phrases, contents, taken, lang)
            if name:
                return name
        name = fallback_names.fallback_phrase(counts, weights, row, taken)
        unspaced_sentence = has_unspaced(name) and sentences.is_sentence(name, contents)
        return "" if unspaced_sentence else name  # Thai clauses: no part of them is a word

    def polarity(self) -> name_polarity.ThemePolarity | None:
        """The units' polarities by theme row (None when no unit has one)."""
        if not any(self.polarities):
            return None
        return name_polarity.ThemePolarity(self.texts, self.rows, self.polarities)

    def units_in(self, row: int, lang: str) -> list[str]:
        """The texts of theme `row`'s units in `lang` (grouped once for every theme)."""
        if self._texts_by is None:
            self._texts_by = {}
            for text, g, r in zip(self.texts, self.langs, self.rows, strict=True):
                self._texts_by.setdefault((int(r), g), []).append(text)
        return self._texts_by.get((row, lang), [])

    def _language(self, lang: str, n_rows: int) -> tuple[phrases.PhraseCounts, sparse.csr_matrix]:
        if lang not in self._counts:
            in_lang = [r if g == lang else -1 for g, r in zip(self.langs, self.rows, strict=True)]
            counts = phrases.count_phrases(
                self.texts, in_lang, n_rows, lang, self.max_phrases, self.people, self.langs
            )
            self._counts[lang] = (counts, phrases.class_tfidf(counts.counts))
        return self._counts[lang]


def name_themes(
    model: ThemeModel,
    encode: Encode | None,
    rows: Iterable[int] | None = None,
    fitted: FittedUnits | None = None,
) -> None:
    """Give the unlocked themes at `rows` (default: all) a name; with the `fitted` units, a
    theme without a phrase reads more of its units, or is named in its own language."""
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
    polarity = fitted.polarity() if fitted is not None else None
    for row in sorted(rows, key=lambda r: (-themes[r].size, r)):
        ranked = (candidates[row], scores.get(row, {}))
        name_with = partial(_name, model, model.phrases_, weights, row, ranked, fitted=fitted)
        name = name_polarity.agreeing_name(name_with, polarity, row, taken)
        themes[row].label = name or f"theme {themes[row].topic}"
        taken.add(themes[row].label.lower())


def _name(
    model: ThemeModel,
    counts: phrases.PhraseCounts,
    weights: sparse.csr_matrix,
    row: int,
    ranked: tuple[list[str], dict[str, float]],
    taken: set[str],
    fitted: FittedUnits | None,
) -> str:
    """Theme `row`'s name not in `taken`: its best `ranked` candidate (by score), else the
    fallbacks in order (`counts`: the label language's phrase counts)."""
    theme = model.themes_[int(model.topic_ids_[row])]
    name = _best_free(*ranked, taken)
    quotes = theme.representative_texts
    if not name:
        name = fallback_names.fallback_phrase(counts, weights, row, taken, quotes)
    if not name and fitted is not None:
        more = fitted.quotes.get(row, [])
        name = fallback_names.fallback_phrase(counts, weights, row, taken, more)
        own = fitted.units_in(row, model.label_language_)  # a name in it where it is used
        name = name or fallback_names.fallback_phrase(counts, weights, row, taken, own)
        name = name or label_words(counts, weights, row, taken)
        name = name or fitted.name(row, len(model.topic_ids_), model.label_language_, taken)
    if not name:
        name = fallback_names.fallback_name(counts, weights, row, taken, quotes)
    return name or keyword_name(theme, model.label_language_)


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


def label_words(
    counts: phrases.PhraseCounts, weights: sparse.csr_matrix, row: int, taken: set[str]
) -> str:
    """For a theme with at least `phrases.MIN_SUPPORT` label-language units (`counts`) and
    no phrase: its two best label-language words ("avoid / awful"), else its best one
    ("love"); "" without one, so a name in another language is never chosen over them."""
    if counts.sizes[row] < phrases.MIN_SUPPORT:
        return ""
    name = fallback_names.fallback_name(counts, weights, row, taken)
    if name:
        return name
    words = [w for w in fallback_names.best_words(counts, weights, row) if w not in taken]
    return words[0] if words and counts.lang not in fallback_names.SYLLABLE_LANGUAGES else ""


def keyword_name(theme: Theme, label_language: str) -> str:
    """Keywords of one language for a theme without a phrase of its own: the label
    language's (one or two), else two of the language with the most keywords; never a
    mix of languages, nor a language whose keywords are syllables (Vietnamese "thất")."""
    by_lang = {
        lang: words
        for lang, words in theme.keywords_by_lang.items()
        if words and lang not in fallback_names.SYLLABLE_LANGUAGES
    }
    if by_lang.get(label_language):
        return " / ".join(by_lang[label_language][:2])
    ordered = sorted(by_lang, key=lambda c: (-len(by_lang[c]), c))
    return " / ".join(by_lang[ordered[0]][:2]) if ordered else ""


def label_language(langs: Sequence[str]) -> str:
    """English when at least `ENGLISH_SHARE` of the comments are English (an analyst reads
    English names then), else the most common language."""
    if langs and sum(lang == "en" for lang in langs) >= ENGLISH_SHARE * len(langs):
        return "en"
    known = [str(lang) for lang in langs if lang != "und"] or [str(lang) for lang in langs]
    return min(set(known), key=lambda lang: (-known.count(lang), lang))
