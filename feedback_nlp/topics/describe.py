"""Describe fitted themes: sizes, quotes, keywords per language, names and categories.

- **Names**: `topics.naming` (phrases in the label language: `label_language`, default
  English when at least 10 % of the comments are English, else the most common language).
- **No people's names**: no name, keyword or category name holds a word the fitted units
  use as a person's name (`topics.person_names`).
- **Keywords** per language are class-based TF-IDF (BERTopic's `ClassTfidfTransformer`) over
  spaCy lemmas (`topics.labels`), so an analyst sees the German and Russian words of a theme.
- **Representatives** are the units (the part of the comment that raises the theme) most
  similar to the theme, from different comments.
- **Categories**: a theme whose units clearly match one codebook entry (`topics.matching`)
  is filed under that entry, named in the label language: the same name in every run and
  data set. Then groups are joined by average-linkage similarity of their themes'
  centroids, two codebook entries never together, until there are as many categories as
  wanted (5-15 by default, or `n_categories`, then regardless of similarity) or no pair is
  similar enough (`JOIN_SIMILARITY`): a theme near a
  codebook category joins it when that entry is also among its two best codebook matches,
  the others form discovered categories named by `topics.category_names`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.text.pseudonyms import pseudonymise_pii_id
from feedback_nlp.topics import category_names, clustering, labels, naming, phrases
from feedback_nlp.topics.forget import drop_single_use_terms
from feedback_nlp.topics.matching import THEME_MARGIN
from feedback_nlp.topics.person_names import person_words
from feedback_nlp.topics.units import Units

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Theme
    from feedback_nlp.topics.model import ThemeModel
    from feedback_nlp.topics.named import NamedTheme

KEYWORD_SUPPORT = 2
JOIN_SIMILARITY = 0.1
NEAR_ENTRIES = 2
DISCOVERED = "discovered"
#: Units nearest a theme's centroid that may give a theme without a repeated phrase its name.
NAMING_QUOTES = 20
Encode = Callable[[list[str]], np.ndarray]


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
        ranked = _representatives(assignment.mentions, int(topic), max(n_quotes, NAMING_QUOTES))
        nearest[row] = [text for _, text in ranked]
        quotes = ranked[:n_quotes]
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
    near = _file_under_codebook(
        model, unit_vectors[sample], sample_langs, sample_texts, sample_rows
    )
    _group_categories(model, near, category_centroids)
    refresh_keywords(model)
    fitted = naming.FittedUnits(
        sample_texts, sample_langs, sample_rows, model.config.max_phrases, nearest, polarities,
        people,
    )  # fmt: skip
    naming.name_themes(model, encode, fitted=fitted)
    _name_categories(model, lemmatizer)
    drop_single_use_terms(model)  # named: a term of one comment is kept by no saved model


def _unit_rows(model: ThemeModel, vectors: np.ndarray, langs: list[str]) -> np.ndarray:
    """Theme row of each unit (-1 below the threshold)."""
    sims = model.similarities(vectors, langs)
    best = sims.argmax(axis=1)
    return np.where(sims.max(axis=1) >= model.threshold_, best, -1).astype(np.int64)


def _representatives(mentions: object, topic: int, n_quotes: int) -> list[tuple[int, str]]:
    frame = mentions[mentions["theme"] == topic].sort_values(  # type: ignore[index]
        ["similarity", "row"], ascending=[False, True], kind="stable"
    )
    frame = frame.drop_duplicates("row")[:n_quotes]
    return [(int(r), str(t)) for r, t in zip(frame["row"], frame["text"], strict=True)]


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
        texts, in_label, n_rows, model.label_language_, config.max_phrases, people
    )
    return lemmatizer


def _file_under_codebook(
    model: ThemeModel, vectors: np.ndarray, langs: list[str], texts: list[str], rows: np.ndarray
) -> dict[int, set[str]]:
    """File each theme most of whose units clearly match one codebook entry under it; return
    each theme row's `NEAR_ENTRIES` best entries (by mean score) that it is nearer than the
    corpus's mean unit is by `THEME_MARGIN`, the ones it may join."""
    if model.matcher_ is None or model.codebook_ is None:
        return {}
    entries = model.codebook_.entries
    allowed = np.array([e.level == "category" for e in entries], dtype=bool)
    scores = model.matcher_.scores(model.center(vectors, langs))
    hits = model.matcher_.rule_hits(texts)
    baseline = scores.mean(axis=0) if len(scores) else np.zeros(len(entries))
    near: dict[int, set[str]] = {}
    for row, topic in enumerate(model.topic_ids_):
        theme = model.themes_[int(topic)]
        members = rows == row
        if not members.any():
            continue
        mean = np.where(allowed, scores[members].mean(axis=0), -np.inf)
        best = np.argsort(-mean, kind="stable")[:NEAR_ENTRIES]
        near[row] = {  # an entry the theme is not clearly nearer than the corpus is not near
            f"codebook:{entries[b].id}"
            for b in best
            if np.isfinite(mean[b]) and mean[b] > baseline[b] + THEME_MARGIN
        }
        if theme.category_source:
            continue
        entry = model.matcher_.file_theme(scores[members], hits[members], allowed, baseline)
        if entry >= 0:
            theme.category_source = f"codebook:{entries[entry].id}"
    return near


def _group_categories(
    model: ThemeModel, near: dict[int, set[str]], centroids: np.ndarray | None = None
) -> None:
    """Category id and source of every theme (see the module docstring)."""
    themes = [model.themes_[int(t)] for t in model.topic_ids_]
    groups = _initial_groups(themes)
    wanted = model.config.n_categories or clustering.auto_category_count(
        len(themes), model.config.category_granularity
    )
    centroids = model.centroids_ if centroids is None else centroids
    sims = centroids @ centroids.T
    while len(groups) > wanted:
        floor = -np.inf if model.config.n_categories else JOIN_SIMILARITY
        pair = _closest_pair(groups, sims, near, floor)
        if pair is None:
            break
        first, second = pair
        groups[first] = (
            groups[first][0] or groups[second][0],
            groups[first][1] + groups[second][1],
        )
        del groups[second]
    for category_id, (source, rows) in enumerate(groups):
        for row in rows:
            themes[row].category_id = category_id
            if not themes[row].category_source.startswith("codebook:") or not source:
                themes[row].category_source = source or DISCOVERED


def _initial_groups(themes: list) -> list[tuple[str, list[int]]]:
    """One group per codebook entry used (in order of first theme), one per other theme."""
    groups: list[tuple[str, list[int]]] = []
    by_source: dict[str, int] = {}
    for row, theme in enumerate(themes):
        source = theme.category_source
        if source.startswith("codebook:"):
            if source not in by_source:
                by_source[source] = len(groups)
                groups.append((source, []))
            groups[by_source[source]][1].append(row)
        else:
            groups.append(("", [row]))
    return groups


def _closest_pair(
    groups: list[tuple[str, list[int]]],
    sims: np.ndarray,
    near: dict[int, set[str]],
    floor: float,
) -> tuple[int, int] | None:
    """The two most similar groups (average linkage) that may join, if similar enough.

    Two codebook entries stay apart; other themes join a codebook entry only when it is one
    of their `NEAR_ENTRIES` best entries.
    """
    best, pair = floor, None
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if groups[i][0] and groups[j][0]:
                continue
            entry, others = (
                (groups[i][0], groups[j][1]) if groups[i][0] else (groups[j][0], groups[i][1])
            )
            if entry and not all(entry in near.get(row, {entry}) for row in others):
                continue
            similarity = float(sims[np.ix_(groups[i][1], groups[j][1])].mean())
            if similarity > best:
                best, pair = similarity, (i, j)
    return pair


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


def _name_categories(model: ThemeModel, lemmatizer: labels.Lemmatizer) -> None:
    """Codebook categories take the entry's name; discovered ones a phrase of their own
    (holding a noun where the lemmatizer tagged the label language)."""
    themes = [model.themes_[int(t)] for t in model.topic_ids_]
    entries = {e.id: e for e in model.codebook_.entries} if model.codebook_ else {}
    discovered = sorted({t.category_id for t in themes if t.category_source == DISCOVERED})
    names = _category_names(model, themes, discovered, lemmatizer)
    _join_various(themes, names, _various(model.label_language_))
    for theme in themes:
        if theme.category_locked:
            continue
        if theme.category_source.startswith("codebook:"):
            entry = entries.get(theme.category_source.partition(":")[2])
            theme.category = entry.name(model.label_language_) if entry else theme.label
        else:
            theme.category = names.get(theme.category_id) or fallback_category_name(theme)


def _various(lang: str) -> str:
    return category_names.VARIOUS.get(lang, category_names.VARIOUS["en"])


def _join_various(themes: list[Theme], names: dict[int, str], various: str) -> None:
    """The discovered categories named `various` (themes sharing no topic) become one."""
    joined = sorted(c for c, name in names.items() if name == various)
    for theme in themes:
        if theme.category_source == DISCOVERED and theme.category_id in joined[1:]:
            theme.category_id = joined[0]


def fallback_category_name(theme: Theme) -> str:
    """A category no term could name: its main keyword, never the theme's own name."""
    for keyword in theme.keywords:
        if keyword.lower() != theme.label.lower():
            return keyword.capitalize()
    return f"{theme.label} (all)"


def _category_names(
    model: ThemeModel,
    themes: list[Theme],
    discovered: list[int],
    lemmatizer: labels.Lemmatizer,
) -> dict[int, str]:
    """Names of the discovered categories (`topics.category_names`): label-language lemmas
    as single words, holding a noun where the label language was tagged; for a category
    without such a name, the lemmas of one other language (the one its themes use most
    that gives a name) and no part-of-speech rule."""
    if model.phrases_ is None:
        return {}
    lemmas = model.counts_.get(model.label_language_)
    words = (lemmas, model.vocabulary_) if lemmas is not None else None
    generic = _generic_words(model, lemmatizer)
    lang = model.label_language_

    def lemmatize(forms: list[str]) -> list[str]:
        return lemmatizer.word_lemmas(forms, lang)

    names = category_names.name_categories(
        model.phrases_, themes, discovered, generic, words,
        tags=lemmatizer.tags(lang), lemmatize=lemmatize, various=_various(lang),
    )  # fmt: skip
    for category in [c for c in discovered if c not in names]:
        rows = [r for r, t in enumerate(themes) if t.category_id == category]
        for counts in _by_use(model.counts_, rows):
            names |= category_names.name_categories(
                model.phrases_, themes, [category], generic, (counts, model.vocabulary_),
                names.values(), lemmatize=lemmatize,
            )  # fmt: skip
            if category in names:
                break
    return names


def _by_use(counts: dict[str, sparse.csr_matrix], rows: list[int]) -> list[sparse.csr_matrix]:
    """The lemma counts of each language the theme rows `rows` use, most used first: a
    category name without the label language is two words of one language."""
    used = {lang: float(matrix[rows].sum()) for lang, matrix in counts.items()}
    ordered = sorted((lang for lang in used if used[lang] > 0), key=lambda g: (-used[g], g))
    return [counts[lang] for lang in ordered]


def _generic_words(model: ThemeModel, lemmatizer: labels.Lemmatizer) -> list[str]:
    """The label language's one-word content-free replies and their lemmas ("thanks" and
    "thank"): category names are built from lemmas."""
    generic = category_names.generic_words(model.content_free(), model.label_language_)
    lemmas = lemmatizer.lemmas(generic, model.label_language_)
    return sorted({*generic, *(lemma for tokens in lemmas for lemma in tokens)})
