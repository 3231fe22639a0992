"""Trial rules for scripts/trial_theme_names.py: a candidate's support counted over its
inflected variants ("card was declined", "cards declined", "card declined").

A phrase's key is the lemma of each of its words, each word lemmatised once, on its own,
with the fit's kind of `Lemmatizer` (trained spaCy pipeline for en/fr, blank + lookups
elsewhere; without a tagger a word the lower-case lookup leaves as it is is looked up
capitalised too: German "aufzüge" -> "aufzug"; a word spaCy splits keeps its surface form).
`lemma_content` leaves stop words out of the key (negations and English particles stay).

- `lemma_support`: the fit's units recounted with every variant replaced by its key's most
  used variant (one candidate, named by that variant), then today's naming.
- `lemma_bar`: today's counts and c-TF-IDF order; only the share bar is met by a phrase's
  support summed over the variants of its key, and such a phrase names the theme by the
  variant the theme's units use most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from feedback_nlp.topics import naming, phrases
from feedback_nlp.topics.labels import Lemmatizer, has_tagger
from feedback_nlp.topics.units import stop_words

if TYPE_CHECKING:
    from feedback_nlp.topics.model import ThemeModel

Encode = Callable[[list[str]], np.ndarray]
Ranking = Callable[[phrases.PhraseCounts, sparse.csr_matrix, int], list[str]]


def word_lemmas(words: Sequence[str], lang: str, lemmatizer: Lemmatizer) -> dict[str, str]:
    """Each word's lemma, lower-cased (its surface form where spaCy reads several tokens)."""
    ordered = sorted(set(words))
    result = _lemmas(ordered, lang, lemmatizer)
    if not has_tagger(lemmatizer.pipeline(lang)):
        same = [w for w in ordered if result[w] == w]
        titled = _lemmas([w.capitalize() for w in same], lang, lemmatizer)
        result.update({w: titled[w.capitalize()] for w in same})
    return result


def _lemmas(words: list[str], lang: str, lemmatizer: Lemmatizer) -> dict[str, str]:
    docs = lemmatizer.pipeline(lang).pipe(words)
    return {w: _single_lemma(doc) or w.lower() for w, doc in zip(words, docs, strict=True)}


def _single_lemma(doc: Any) -> str:
    return (doc[0].lemma_ or doc[0].text).lower() if len(doc) == 1 else ""


def phrase_key(phrase: str, lemmas: dict[str, str], skip: frozenset[str]) -> tuple[str, ...]:
    """The lemma sequence of `phrase` without the words in `skip` (the phrase if none is left)."""
    key = tuple(lemmas.get(w, w) for w in phrase.split() if w not in skip)
    return key or tuple(phrase.split())


def _skip(lang: str, content_only: bool) -> frozenset[str]:
    if not content_only:
        return frozenset()
    keep = phrases.NEGATIONS.get(lang, frozenset()) | phrases.PARTICLES.get(lang, frozenset())
    return stop_words(lang) - keep


def representatives(per_unit: Sequence[set[str]], lang: str, content_only: bool) -> dict[str, str]:
    """Each phrase's key's most used variant (then the shortest, then alphabetically first)."""
    total = Counter(p for found in per_unit for p in found)
    lemmas = word_lemmas([w for p in total for w in p.split()], lang, Lemmatizer())
    keys = {p: phrase_key(p, lemmas, _skip(lang, content_only)) for p in total}
    best: dict[tuple[str, ...], str] = {}
    for phrase in sorted(total, key=lambda p: (-total[p], len(p), p)):
        best.setdefault(keys[phrase], phrase)
    return {p: best[k] for p, k in keys.items()}


def count_merged(args: tuple, content_only: bool) -> phrases.PhraseCounts:
    """`phrases.count_phrases(*args)` with every candidate replaced by its representative."""
    texts, rows, _, lang, _ = args
    plain = phrases.candidates
    per_unit = [plain(t, lang) for t, r in zip(texts, rows, strict=True) if r >= 0]
    best = representatives(per_unit, lang, content_only)
    phrases.candidates = lambda text, lang_: {best.get(p, p) for p in plain(text, lang_)}
    try:
        return phrases.count_phrases(*args)
    finally:
        phrases.candidates = plain


def name_by_lemma_support(
    model: ThemeModel, encode: Encode, args: tuple, content_only: bool
) -> None:
    """Today's naming on the fit's units recounted by `count_merged`."""
    kept, model.phrases_ = model.phrases_, count_merged(args, content_only)
    try:
        naming.name_themes(model, encode)
    finally:
        model.phrases_ = kept


def name_by_lemma_bar(model: ThemeModel, encode: Encode) -> None:
    """Today's naming with `phrases.ranked_phrases` replaced by the `lemma_bar` ranking."""
    plain, phrases.ranked_phrases = phrases.ranked_phrases, bar_ranking(model.phrases_)
    try:
        naming.name_themes(model, encode)
    finally:
        phrases.ranked_phrases = plain


def bar_ranking(counts_: phrases.PhraseCounts) -> Ranking:
    """`phrases.ranked_phrases` with the share bar met over a phrase's variants."""
    lemmas = word_lemmas(
        [w for p in counts_.phrases for w in p.split()], counts_.lang, Lemmatizer()
    )
    keys = [phrase_key(p, lemmas, frozenset()) for p in counts_.phrases]
    index = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    group = np.asarray([index[k] for k in keys])
    member = sparse.csr_matrix(
        (np.ones(len(keys)), (np.arange(len(keys)), group)), shape=(len(keys), len(index))
    )
    support = (counts_.counts @ member).toarray()[:, group]  # per row and column: its key's

    def ranked(pc: phrases.PhraseCounts, weights: sparse.csr_matrix, row: int) -> list[str]:
        counts = pc.counts.getrow(row).toarray().ravel()
        floor = max(phrases.MIN_SUPPORT, phrases.MIN_SHARE * int(pc.sizes[row]))
        weight = weights.getrow(row).toarray().ravel()
        ok = np.where([" " in p for p in pc.phrases], support[row], counts) >= floor
        anchors = sorted(np.flatnonzero(ok), key=lambda i: (-weight[i], pc.phrases[i]))
        result: list[str] = []
        for i in anchors[: phrases.MAX_ANCHORS]:
            if " " in pc.phrases[i]:
                same = np.flatnonzero(group == group[i])
                best = min(same, key=lambda j: (-counts[j], -weight[j], pc.phrases[j]))
                extend = counts[best] >= phrases.MIN_SUPPORT  # not to a phrase one unit uses
                name = phrases._extend(best, counts, pc.phrases) if extend else pc.phrases[best]
            else:
                name = phrases.phrase_with(pc.phrases[i], counts, pc.phrases)
            if name and name not in result:
                result.append(name)
        return result

    return ranked
