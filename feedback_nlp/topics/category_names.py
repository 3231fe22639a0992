"""Names of discovered categories: what their themes share, in their own words.

A term (a phrase of 1-3 words of `topics.phrases`, label language) may name a category only
when at least two of its themes use it (at least `MIN_SUPPORT` units and `USE_SHARE` of a
theme's units; one theme in a one-theme category), so a phrase one member theme repeats
("verification code" in a theme about verifying top-ups) cannot name a category of top-up
themes. Terms are scored by **reach** (the share of the category's units that use it) times
**concentration** (the share of its uses, over all themes, that fall in the category).

Candidates add the 2-3-word parts of longer phrases that start or end with a stop word the
category owns (at least `OWN_SHARE` of that word's uses fall in it): spaCy's stop lists hold
verbs such as "top", "call" or "give", so "top up" is no phrase of `topics.phrases`, but in
a category about top-ups "top" is no function word. Single words are lemmas (`topics.labels`:
"card" and "cards" are one) of at least three letters (two Han characters: "返金"). Generic
evaluative words (the one-word content-free replies of the codebook: "good", "great", "gut",
…) and words that only say when or how long (`topics.temporal`: "month", "time", "Tag")
name no category; "delivery time" may.

Where the label language has a tagger (English, French; `topics.labels`), a name must hold
a noun: a single word is a word the tagger read as a noun or proper noun in at least
`NOUN_SHARE` of its uses in the fitted texts ("card"; not "know", "like", "quick"), a
phrase holds such a word or ends with a verb (in `NOUN_SHARE` of its uses) and its particle
("top up"), starts with no function word (determiner, preposition, pronoun, conjunction,
auxiliary, particle: its most common tag; a negation may start one) and ends with none but
an English particle (`topics.phrase_candidates.PARTICLES`).

A category's two words are its best word and the best other one that is no form of the
first ("card", "cards"), in the same script (no "рейс & πτήση" from the lemmas of all
languages) and that at least `MIN_REACH` of its units use: a filler few of them
say ("thing", "bitte") can rank second when most of its uses fall in the category, and is
passed over. The name is the best phrase of 2-3 words unless the best word scores more than
1 / `PHRASE_SHARE` times as much; then a phrase of the category's comments holding its two
words ("currency exchange"; without a tagger, also one holding the best word:
`topics.category_phrases`); else the two words ("card & atm"); a category with one usable
word takes it alone ("Food"). Never a member theme's name, nor another category's.

A category whose themes share no topic (at least `MIN_TOPIC_UNITS` label-language units, and
no nameable word used by `MIN_TOPIC_REACH` of them: themes of short reactions, of opinions
without an object) is called what it is, "Various" in the label language (`VARIOUS`), rather
than by a filler its words would give ("Thing", "Taub"); the caller joins such categories
into one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.topics import phrases
from feedback_nlp.topics.category_phrases import Lemmatize, built_phrase
from feedback_nlp.topics.category_terms import Tags, Terms, _Rules, candidate_terms, rank_terms
from feedback_nlp.topics.scripts import script
from feedback_nlp.topics.temporal import temporal_words
from feedback_nlp.topics.units import stop_words

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Theme

OWN_SHARE = 0.5  # a stop word a category owns: at least this share of its uses are in it
PHRASE_SHARE = 0.5  # a phrase names a category unless a single word scores twice as much
MIN_REACH = 0.03  # a second word of a name: at least this share of the category's units use it
#: A category of at least MIN_TOPIC_UNITS label-language units none of whose nameable words
#: reaches this share of them shares no topic: it is named "Various" (`VARIOUS`).
MIN_TOPIC_REACH = 0.1
MIN_TOPIC_UNITS = 50
#: The name of categories whose themes share no topic, per label language (else English).
VARIOUS = {
    "en": "Various", "de": "Verschiedenes", "fr": "Divers", "es": "Varios", "it": "Varie",
    "pt": "Diversos", "ro": "Diverse", "ru": "Разное", "nl": "Diversen", "pl": "Różne",
}  # fmt: skip


def name_categories(
    counts: phrases.PhraseCounts,
    themes: Sequence[Theme],
    categories: Sequence[int],
    generic: Iterable[str] = (),
    words: tuple[sparse.spmatrix, Sequence[str]] | None = None,
    taken: Iterable[str] = (),
    tags: Tags | None = None,
    lemmatize: Lemmatize | None = None,
    various: str = "",
) -> dict[int, str]:
    """Names of the discovered categories (ids in `categories`), unlike any theme's name
    and any name in `taken`; with `various`, that name for every category whose themes
    share no topic (`shares_no_topic`).

    `words` are lemma counts per theme row and their vocabulary (`topics.labels`, label
    language): single words come from them ("card" and "cards" are one), else from `counts`.
    `tags` (part-of-speech counts per word, label language) make a name hold a noun.
    `lemmatize` reads the forms of a word in a phrase (`topics.category_phrases`).
    """
    if not categories or counts.counts.shape[1] == 0:
        return {}
    stop = stop_words(counts.lang)
    terms = candidate_terms(counts, stop)
    lemmas = _lemma_terms(words, counts.sizes) if words is not None else None
    usage = _word_usage(counts, stop)
    particles = phrases.PARTICLES.get(counts.lang, frozenset())
    negations = phrases.NEGATIONS.get(counts.lang, frozenset())
    no_name = {g.lower() for g in generic} | temporal_words(counts.lang)
    rules = _Rules(stop, particles, no_name, tags, negations)
    taken = {t.label.lower() for t in themes} | {t.lower() for t in taken}
    names: dict[int, str] = {}
    for category in categories:
        rows = [r for r, t in enumerate(themes) if t.category_id == category]
        owned = {w for w, uses in usage.items() if _share(uses, rows) >= OWN_SHARE}
        found = _readable_terms(terms, rows, 2, rules, owned, taken)
        singles = found if lemmas is None else _readable_terms(lemmas, rows, 2, rules, owned, taken)
        if not any(" " not in w[0] for w in singles):  # a word of one theme will do
            singles = _readable_terms(
                terms if lemmas is None else lemmas, rows, 1, rules, owned, taken
            )
        source = terms if lemmas is None else lemmas
        reach = _reach(source, rows)
        single = [f for f in singles if " " not in f[0]]
        no_topic = shares_no_topic(single, reach, float(source.sizes[rows].sum()))
        if no_topic and various and various.lower() not in taken:  # a theme's name: not here
            names[category] = various
            continue
        words = _two_words(single, reach)
        name = (
            _shared_phrase([f for f in found if " " in f[0]], words)
            or built_phrase(terms, rows, [w for w, _ in words], rules, owned, taken, lemmatize)
            or _word_name(words, taken)
        )
        if name:
            names[category] = name
            taken.add(name.lower())
    return names


def _readable_terms(
    terms: Terms,
    rows: Sequence[int],
    shared: int,
    rules: _Rules,
    owned: set[str],
    taken: set[str],
) -> list[tuple[str, float]]:
    return [
        (terms.terms[i], score)
        for i, score in rank_terms(terms, rows, shared)
        if terms.terms[i].lower() not in taken
        and rules.readable(terms.terms[i], bool(terms.derived[i]), owned)
    ]


def _lemma_terms(words: tuple[sparse.spmatrix, Sequence[str]], sizes: np.ndarray) -> Terms:
    matrix = sparse.csc_matrix(words[0])
    totals = np.asarray(matrix.sum(axis=0)).ravel()
    derived = np.zeros(matrix.shape[1], dtype=bool)
    return Terms(list(words[1]), matrix, totals, derived, np.asarray(sizes))


def _shared_phrase(found: list[tuple[str, float]], words: list[tuple[str, float]]) -> str:
    """The best phrase of 2-3 words its themes share, unless the best of two `words` scores
    more than 1 / `PHRASE_SHARE` times as much."""
    if not found:
        return ""
    phrase, score = found[0]
    return phrase if len(words) < 2 or score >= PHRASE_SHARE * words[0][1] else ""


def shares_no_topic(
    singles: list[tuple[str, float]], reach: Mapping[str, float], units: float
) -> bool:
    """Whether a category of `units` label-language units shares no topic: at least
    `MIN_TOPIC_UNITS` of them, and none of its nameable words (`singles`) used by
    `MIN_TOPIC_REACH` of them (Steam's "thing", 4 %; MobASA's "taub", 2 %)."""
    best = max((reach.get(word, 0.0) for word, _ in singles), default=0.0)
    return units >= MIN_TOPIC_UNITS and best < MIN_TOPIC_REACH


def _word_name(words: list[tuple[str, float]], taken: set[str]) -> str:
    """The two words joined ("card & atm"), or the best alone ("Food")."""
    pair = " & ".join(w for w, _ in words) if len(words) == 2 else ""
    if pair and pair not in taken:
        return pair
    return words[0][0].capitalize() if words else ""


def _two_words(
    singles: list[tuple[str, float]], reach: Mapping[str, float]
) -> list[tuple[str, float]]:
    """The best word and the best other one that at least `MIN_REACH` of the category's
    units use (`reach`), in the first's script and not a form of it ("card", "cards")."""
    chosen: list[tuple[str, float]] = []
    for word, score in singles:
        if chosen and (reach.get(word, 0.0) < MIN_REACH or script(word) != script(chosen[0][0])):
            continue
        if all(not (word.startswith(w[:4]) or w.startswith(word[:4])) for w, _ in chosen):
            chosen.append((word, score))
        if len(chosen) == 2:
            break
    return chosen


def _reach(terms: Terms, rows: Sequence[int]) -> dict[str, float]:
    """The share of the category's units (theme rows `rows`) using each term it uses."""
    pooled = np.asarray(terms.counts[list(rows)].sum(axis=0)).ravel()
    size = max(float(terms.sizes[list(rows)].sum()), 1.0)
    return {terms.terms[i]: float(pooled[i]) / size for i in np.flatnonzero(pooled)}


def _word_usage(counts: phrases.PhraseCounts, stop: frozenset[str]) -> dict[str, np.ndarray]:
    """Per stop word of 3+ letters, its uses per theme row: the units of the phrases holding
    it (a phrase counted once per word)."""
    index: dict[str, list[int]] = {}
    for column, phrase in enumerate(counts.phrases):
        for word in set(phrase.split()):
            if word in stop and len(word) >= 3:
                index.setdefault(word, []).append(column)
    matrix = sparse.csc_matrix(counts.counts)
    return {w: np.asarray(matrix[:, c].sum(axis=1)).ravel() for w, c in index.items()}


def _share(uses: np.ndarray, rows: Sequence[int]) -> float:
    total = float(uses.sum())
    return float(uses[list(rows)].sum()) / total if total else 0.0


def generic_words(content_free: Mapping[str, Sequence[str]], lang: str) -> list[str]:
    """The one-word content-free replies of `lang` ("good", "great", "gut", …)."""
    return [w for w in content_free.get(lang, []) if " " not in w.strip()]
