"""Candidate terms of category names and the rules a term must pass to name one.

Terms are the phrases of 1-3 words of `topics.phrases` and the parts of longer ones an edge
stop word kept out, counted per theme row; `rank_terms` scores them by reach times
concentration, and `_Rules` says which may name a category in its language (no generic word,
no stop word at an edge the category does not own, a noun where a tagger is known).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from feedback_nlp.topics import phrases
from feedback_nlp.topics.unspaced import has_unspaced

MAX_WORDS = 3
USE_SHARE = 0.05  # a theme uses a phrase when this share of its units (and MIN_SUPPORT) do
MIN_WORD_LETTERS = 3
NOUN_SHARE = 1 / 3  # a noun: tagged NOUN or PROPN in at least this share of its uses
NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB"})
FUNCTION_TAGS = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})
Tags = Mapping[str, Counter[str]]  # per lower-cased word, its part-of-speech tag counts


@dataclass
class Terms:
    """Candidate terms and their unit counts per theme row (derived parts: a lower bound)."""

    terms: list[str]
    counts: sparse.csc_matrix  # (themes, terms)
    totals: np.ndarray  # uses of each term over all themes
    derived: np.ndarray  # bool per term: a part of longer phrases, not a phrase of its own
    sizes: np.ndarray  # label-language units per theme row


def candidate_terms(counts: phrases.PhraseCounts, stop: frozenset[str]) -> Terms:
    """Phrases of 1-`MAX_WORDS` words, and the 2-`MAX_WORDS`-word parts of longer phrases
    that are no phrase of their own because an edge word is a stop word (of 3+ letters)."""
    matrix = sparse.csc_matrix(counts.counts)
    own = [i for i, p in enumerate(counts.phrases) if len(p.split()) <= MAX_WORDS]
    known = {counts.phrases[i] for i in own}
    parts: dict[str, list[int]] = {}
    for index, phrase in enumerate(counts.phrases):
        for part in _parts(phrase.split(), stop):
            if part not in known:
                parts.setdefault(part, []).append(index)
    columns = [matrix[:, own], *(_max_column(matrix, idx) for idx in parts.values())]
    stacked = sparse.csc_matrix(sparse.hstack(columns))
    derived = np.array([False] * len(own) + [True] * len(parts), dtype=bool)
    terms = [counts.phrases[i] for i in own] + list(parts)
    totals = np.asarray(stacked.sum(axis=0)).ravel()
    return Terms(terms, stacked, totals, derived, np.asarray(counts.sizes))


def _max_column(matrix: sparse.csc_matrix, columns: list[int]) -> sparse.csc_matrix:
    return sparse.csc_matrix(matrix[:, columns].max(axis=1))


def rank_terms(terms: Terms, rows: Sequence[int], shared: int = 2) -> list[tuple[int, float]]:
    """Term indices by reach in the category's themes (`rows`) times concentration, of the
    terms that at least `shared` of those themes use (fewer in a smaller category)."""
    if not rows:
        return []
    own = terms.counts[list(rows)].toarray()
    sizes = terms.sizes[rows].astype(np.float64)
    uses = own >= np.maximum(phrases.MIN_SUPPORT, USE_SHARE * sizes)[:, None]
    pooled = own.sum(axis=0)
    reach = pooled / max(sizes.sum(), 1.0)
    concentration = pooled / np.maximum(terms.totals, 1.0)
    score = reach * concentration * (uses.sum(axis=0) >= min(shared, len(rows)))
    chosen = np.flatnonzero(score > 0)
    order = sorted(chosen, key=lambda i: (-score[i], -pooled[i], terms.terms[i]))
    return [(int(i), float(score[i])) for i in order]


@dataclass(frozen=True)
class _Rules:
    """What a category name may hold, in its language."""

    stop: frozenset[str]
    particles: frozenset[str]
    generic: set[str]
    tags: Tags | None = None
    negations: frozenset[str] = field(default_factory=frozenset)

    def readable(self, term: str, derived: bool, owned: set[str]) -> bool:
        """Not generic, no contraction at an edge; stop words only where the category owns
        them (a derived part's edges, a phrase without another content word); a noun and
        no function word at an edge where tags are known."""
        words = term.split()
        if any("'" in w or "’" in w for w in (words[0], words[-1])):
            return False
        if self.tags is not None and not self.tagged_readable(words):
            return False
        content = [w for w in words if w not in self.stop]
        if content and all(w in self.generic for w in content):
            return False
        if len(words) == 1:
            return bool(content) and (len(words[0]) >= MIN_WORD_LETTERS or has_unspaced(words[0]))
        if not derived:
            return bool(content)
        edges = words[:1] if words[-1] in self.particles else [words[0], words[-1]]
        meaning = [w for w in words if len(w) >= 3 and (w not in self.stop or w in owned)]
        return all(w not in self.stop or w in owned for w in edges) and bool(meaning)

    def tagged_readable(self, words: list[str]) -> bool:
        """A noun among `words` (or a verb and its particle: "top up"); no function word
        first (but a negation) or last (but a particle)."""
        particle = len(words) > 1 and words[-1] in self.particles
        phrasal = particle and self.share(words[-2], VERBS) >= NOUN_SHARE
        if not phrasal and not any(self.share(w, NOUNS) >= NOUN_SHARE for w in words):
            return False
        if len(words) == 1:
            return True
        if self.main_tag(words[0]) in FUNCTION_TAGS and words[0] not in self.negations:
            return False
        return particle or self.main_tag(words[-1]) not in FUNCTION_TAGS

    def share(self, word: str, wanted: frozenset[str]) -> float:
        """The share of `word`'s uses tagged as one of `wanted` (0 for an unseen word)."""
        counts = (self.tags or {}).get(word)
        total = sum(counts.values()) if counts else 0
        return sum(counts[t] for t in wanted) / total if counts and total else 0.0

    def main_tag(self, word: str) -> str:
        """`word`'s most common tag ("" for an unseen word)."""
        counts = (self.tags or {}).get(word)
        return min(counts, key=lambda t: (-counts[t], t)) if counts else ""


def _parts(words: list[str], stop: frozenset[str]) -> Iterable[str]:
    """The parts of 2-`MAX_WORDS` words of a longer phrase that start or end with a stop
    word of 3+ letters."""
    for length in range(2, min(MAX_WORDS, len(words) - 1) + 1):
        for start in range(len(words) - length + 1):
            part = words[start : start + length]
            if any(w in stop and len(w) >= 3 for w in (part[0], part[-1])):
                yield " ".join(part)
