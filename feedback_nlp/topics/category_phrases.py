"""A phrase of a category's own comments where its words alone would name it.

`topics.category_names` names a category by two words ("currency & exchange") when no
phrase its themes share scores close to its best word. Before that, this module looks for a
phrase of 2-3 words the category's comments use (at least `MIN_SUPPORT` of its units, in
any of its themes; the most used first) that holds both words, in any of their forms
("currency exchange"; a word's form is read by the label language's lemmatizer).

Where the label language has no part-of-speech tagger, the two words can be fillers,
verbs or abbreviations ("mal & durchsage"): there the most used such phrase holding the
best word (else the second) in at least two of the category's themes names it too. Where a
tagger exists the words are nouns, and a phrase of one of them narrows the category to one
of its themes ("disposable card" for a category of card services), so it is not used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from feedback_nlp.topics.phrases import MIN_SUPPORT

if TYPE_CHECKING:
    from feedback_nlp.topics.category_names import Terms, _Rules

MAX_WORDS = 3
Lemmatize = Callable[[list[str]], list[str]]  # the lemma of each word, read on its own


def built_phrase(
    terms: Terms,
    rows: Sequence[int],
    words: Sequence[str],
    rules: _Rules,
    owned: set[str],
    taken: set[str],
    lemmatize: Lemmatize | None = None,
) -> str:
    """The phrase naming the category of theme rows `rows` instead of `words` (its one or
    two best words), or "" (see the module docstring)."""
    used = used_phrases(terms, rows, rules, owned, taken)
    vocabulary = sorted({w for i, _ in used for w in terms.terms[i].split()})
    lemmas = lemmatize(vocabulary) if lemmatize and vocabulary else vocabulary
    forms = dict(zip(vocabulary, lemmas, strict=True))

    def holds(index: int, word: str) -> bool:
        return any(w == word or forms[w] == word for w in terms.terms[index].split())

    if len(words) == 2:
        for index, _ in used:
            if holds(index, words[0]) and holds(index, words[1]):
                return terms.terms[index]
    if rules.tags is None:
        spread = min(2, len(rows))
        for word in words:
            for index, n_themes in used:
                if n_themes >= spread and holds(index, word):
                    return terms.terms[index]
    return ""


def used_phrases(
    terms: Terms, rows: Sequence[int], rules: _Rules, owned: set[str], taken: set[str]
) -> list[tuple[int, int]]:
    """(term index, themes using it) of the readable phrases of 2-`MAX_WORDS` words at least
    `MIN_SUPPORT` units of `rows` use, none of them a name in `taken`; most used first."""
    if not rows:
        return []
    own = terms.counts[list(rows)].toarray()
    pooled = own.sum(axis=0)
    n_themes = (own > 0).sum(axis=0)
    found = [
        int(i)
        for i in np.flatnonzero(pooled >= MIN_SUPPORT)
        if 2 <= len(terms.terms[i].split()) <= MAX_WORDS
        and terms.terms[i].lower() not in taken
        and rules.readable(terms.terms[i], bool(terms.derived[i]), owned)
    ]
    concentration = pooled / np.maximum(terms.totals, 1.0)
    found.sort(key=lambda i: (-pooled[i], -concentration[i], terms.terms[i]))
    return [(i, int(n_themes[i])) for i in found]
