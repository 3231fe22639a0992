"""Names for themes without a phrase used by `phrases.MIN_SHARE` of their units.

In order: the most used phrase (at least `phrases.MIN_SUPPORT` units) holding one of the
theme's `FALLBACK_WORDS` best-weighted words; the phrase of 2-4 words of given quotes (its
representative units, or more of the units nearest its centroid) holding most of those
words; only then the two best single words joined ("refund / delay"), but not in a
language whose words are syllables (`SYLLABLE_LANGUAGES`: Vietnamese "thất / vọng").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

from feedback_nlp.topics import phrases
from feedback_nlp.topics.person_names import person_words
from feedback_nlp.topics.phrases import PhraseCounts
from feedback_nlp.topics.units import stop_words

FALLBACK_WORDS = 3
#: Languages whose space-separated words are syllables ("thất vọng" is one word): no single
#: one names a theme, nor two joined by " / ".
SYLLABLE_LANGUAGES = frozenset({"vi"})


def theme_names(phrase_counts: PhraseCounts, taken: Iterable[str] = ()) -> list[str]:
    """One distinct name per theme row ("" where the row has no units in this language)."""
    weights = phrases.class_tfidf(phrase_counts.counts)
    used = {t.lower() for t in taken}
    names = []
    for row in range(phrase_counts.counts.shape[0]):
        ranked = phrases.ranked_phrases(phrase_counts, weights, row)
        name = next((p for p in ranked if p not in used), "")
        if not name:
            name = fallback_name(phrase_counts, weights, row, used)
        if name:
            used.add(name)
        names.append(name)
    return names


def fallback_name(
    phrase_counts: PhraseCounts,
    weights: sparse.csr_matrix,
    row: int,
    used: set[str],
    quotes: Sequence[str] = (),
) -> str:
    """A name for a row without a phrase used by `phrases.MIN_SHARE` of its units:
    :func:`fallback_phrase`, else the two best words joined by " / " ("" with fewer)."""
    words = best_words(phrase_counts, weights, row)
    phrase = fallback_phrase(phrase_counts, weights, row, used, quotes, words)
    if phrase or phrase_counts.lang in SYLLABLE_LANGUAGES:
        return phrase
    for first in range(len(words)):
        for second in range(first + 1, len(words)):
            name = f"{words[first]} / {words[second]}"
            if name not in used:
                return name
    return ""


def fallback_phrase(
    phrase_counts: PhraseCounts,
    weights: sparse.csr_matrix,
    row: int,
    used: set[str],
    quotes: Sequence[str] = (),
    words: Sequence[str] | None = None,
) -> str:
    """The most used phrase of 2-5 words (at least `phrases.MIN_SUPPORT` units) holding one of the
    row's three best-weighted words; else the phrase of 2-4 words of its representative
    `quotes` that holds most of those words; "" when neither exists."""
    counts = phrase_counts.counts.getrow(row).toarray().ravel()
    words = best_words(phrase_counts, weights, row) if words is None else words
    for word in words[:FALLBACK_WORDS]:
        phrase = phrases.phrase_with(word, counts, phrase_counts.phrases)
        if phrase and phrase not in used:
            return phrase
    best = list(words[:FALLBACK_WORDS])
    return _quote_phrase(quotes, phrase_counts.lang, best, used, phrase_counts.skip)


def best_words(phrase_counts: PhraseCounts, weights: sparse.csr_matrix, row: int) -> list[str]:
    """The row's single words (no stop words, no contractions), best-weighted first."""
    counts = phrase_counts.counts.getrow(row).toarray().ravel()
    weight = weights.getrow(row).toarray().ravel()
    stop = stop_words(phrase_counts.lang)
    floor = max(1, min(phrases.MIN_SUPPORT, counts.max(initial=0)))
    singles = [
        i
        for i in np.flatnonzero(counts >= floor)
        if " " not in phrase_counts.phrases[i]
        and not phrases.is_contraction(phrase_counts.phrases[i])
        and phrase_counts.phrases[i] not in stop
    ]
    singles.sort(key=lambda i: (-weight[i], phrase_counts.phrases[i]))
    return [phrase_counts.phrases[i] for i in singles]


def _quote_phrase(
    quotes: Sequence[str], lang: str, best: list[str], used: set[str], people: frozenset[str]
) -> str:
    """The candidate of 2-4 words of `quotes` holding most of the `best` words (shortest,
    then first, on ties), none holding a word of `people` or one the quotes use as a
    person's name; "" when none holds one."""
    skip = people | person_words(quotes, [lang] * len(quotes))
    ranked = []
    for order, quote in enumerate(quotes):
        for phrase in phrases.candidates(quote, lang, skip):
            parts = phrase.split()
            hits = sum(word in parts for word in best)
            if hits and 2 <= len(parts) <= 4 and phrase not in used:
                ranked.append((-hits, len(parts), order, phrase))
    return min(ranked)[3] if ranked else ""
