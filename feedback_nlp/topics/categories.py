"""Group fitted themes into categories and name them.

A theme whose units clearly match one codebook entry (`topics.matching`) is filed under that
entry, named in the label language: the same name in every run and data set. Then groups are
joined by average-linkage similarity of their themes' centroids, two codebook entries never
together, until there are as many categories as wanted (5-15 by default, or `n_categories`,
then regardless of similarity) or no pair is similar enough (`JOIN_SIMILARITY`): a theme near a
codebook category joins it when that entry is also among its two best codebook matches, the
others form discovered categories named by `topics.category_names`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from feedback_nlp.topics import category_names, clustering, labels
from feedback_nlp.topics.matching import THEME_MARGIN

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Theme
    from feedback_nlp.topics.model import ThemeModel

JOIN_SIMILARITY = 0.1
NEAR_ENTRIES = 2
DISCOVERED = "discovered"


def file_under_codebook(
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


def group_categories(
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


def name_categories(model: ThemeModel, lemmatizer: labels.Lemmatizer) -> None:
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
