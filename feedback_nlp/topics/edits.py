"""Analyst edits of a fitted theme model: merge, rename, delete, split off, categorise.

Every edit is recorded in `model.history_` (saved with the model), so a reloaded model tags
comments with the edited themes and shows who-did-what in order. Theme ids never change
meaning: a merge keeps the smallest id, a split adds new ids after the largest one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
from scipy import sparse

from feedback_nlp.errors import ConfigError, NotFittedError
from feedback_nlp.schema import LIST_SEP
from feedback_nlp.topics import labels, phrases
from feedback_nlp.topics.config import Theme
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.person_names import person_words


def merge(model: ThemeModel, topics: Sequence[int], label: str | None = None) -> int:
    """Merge `topics` into the smallest of their ids; return that id.

    The merged theme's centroid is the size-weighted mean of theirs: comments far from it
    (merging two unrelated themes) fall below the threshold and become "Other".
    """
    rows = _rows(model, topics)
    if len(rows) < 2:
        raise ConfigError(f"merge needs at least two different themes, got {list(topics)}")
    keep = min(int(model.topic_ids_[r]) for r in rows)
    sizes = np.array([max(model.themes_[int(model.topic_ids_[r])].size, 1) for r in rows])
    centroid = (model.centroids_[rows] * sizes[:, None]).sum(axis=0)
    keep_row = model._row(keep)
    model.centroids_[keep_row] = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    for lang, counts in model.counts_.items():
        model.counts_[lang] = _sum_rows(counts, rows, keep_row)
    if model.phrases_ is not None:
        model.phrases_.counts = _sum_rows(model.phrases_.counts, rows, keep_row)
        model.phrases_.sizes[keep_row] = model.phrases_.sizes[rows].sum()
    kept = model.themes_[keep]
    kept.size = int(sizes.sum())
    others = [int(model.topic_ids_[r]) for r in rows if int(model.topic_ids_[r]) != keep]
    _drop(model, others)
    if label:
        kept.label, kept.label_locked = label, True
    model.refresh_keywords(renamed=[model._row(keep)])
    _record(model, "merge", topics=sorted(int(t) for t in topics), into=keep, label=label)
    return keep


def rename(model: ThemeModel, topic: int, label: str) -> None:
    """Give theme `topic` the label `label` (kept through keyword refreshes and reloads)."""
    if not label.strip() or LIST_SEP in label:
        raise ConfigError(f"a theme label must be non-empty and without '{LIST_SEP}'")
    theme = _theme(model, topic)
    same = " ".join(label.casefold().split())
    for other in model.topic_ids_:
        if (
            int(other) != int(topic)
            and " ".join(model.themes_[int(other)].label.casefold().split()) == same
        ):
            raise ConfigError(
                f"theme {int(other)} is already named {model.themes_[int(other)].label!r}: "
                f"merge the two (--merge {int(other)} --merge {int(topic)}) or choose another name"
            )
    old = theme.label
    theme.label, theme.label_locked = label, True
    _record(model, "rename", topic=int(topic), old=old, label=label)


def delete(model: ThemeModel, topic: int) -> None:
    """Remove theme `topic`; its comments go to their next-nearest theme, or -1."""
    theme = _theme(model, topic)
    if len(model.topic_ids_) == 1:
        raise ConfigError(f"theme {topic} is the only theme; a model needs at least one")
    _drop(model, [int(topic)])
    _record(model, "delete", topic=int(topic), label=theme.label)


def set_category(model: ThemeModel, topics: Sequence[int], category: str) -> None:
    """Put `topics` under the category `category` (the upper level of the hierarchy).

    This overrides the automatic category found at fit time and is kept through keyword
    refreshes and reloads.
    """
    if not category.strip() or LIST_SEP in category:
        raise ConfigError(f"a category name must be non-empty and without '{LIST_SEP}'")
    for topic in topics:
        theme = _theme(model, topic)
        theme.category, theme.category_locked = category, True
    _record(model, "category", topics=sorted(int(t) for t in topics), category=category)


def split(
    model: ThemeModel,
    topic: int,
    texts: Sequence[str],
    embeddings: np.ndarray,
    langs: Sequence[str],
    n_parts: int = 2,
) -> list[int]:
    """Split theme `topic` into `n_parts` with seeded k-means over the given comments in it.

    The first part keeps the id; the others get new ids. Returns the ids of all parts.
    """
    from sklearn.cluster import KMeans

    _theme(model, topic)
    embeddings = np.asarray(embeddings, dtype=np.float32)
    centred = model.center(embeddings, langs)
    sims = model.similarities(embeddings, langs)
    nearest = model.topic_ids_[sims.argmax(axis=1)]
    members = np.flatnonzero((nearest == topic) & (sims.max(axis=1) >= model.threshold_))
    if len(members) < 2 * n_parts:
        raise ConfigError(
            f"theme {topic} has {len(members)} of the given comments; splitting it in "
            f"{n_parts} needs at least {2 * n_parts}"
        )
    kmeans = KMeans(n_clusters=n_parts, random_state=model.config.seed, n_init=10)
    parts = kmeans.fit_predict(centred[members])
    new_ids = [int(topic)] + [int(model.topic_ids_.max()) + i for i in range(1, n_parts)]
    member_texts, member_langs = [texts[i] for i in members], [langs[i] for i in members]
    people = _people(model, member_texts, member_langs)
    tokens = labels.Lemmatizer().tokens(member_texts, member_langs, people)
    _replace_with_parts(model, int(topic), new_ids, centred[members], parts, tokens, members, langs)
    _add_phrase_rows(model, member_texts, member_langs, parts, people)
    model.refresh_keywords(renamed=[model._row(t) for t in new_ids])
    _record(model, "split", topic=int(topic), into=new_ids)
    return new_ids


def _replace_with_parts(
    model: ThemeModel,
    topic: int,
    new_ids: list[int],
    centred: np.ndarray,
    parts: np.ndarray,
    tokens: list[list[str]],
    members: np.ndarray,
    langs: Sequence[str],
) -> None:
    old = model.themes_[topic]
    _drop(model, [topic])
    vocabulary = {term: i for i, term in enumerate(model.vocabulary_)}
    member_langs = np.asarray([str(langs[i]) for i in members])
    for part, new_id in enumerate(new_ids):
        centroid = centred[parts == part].mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        model.centroids_ = np.vstack([model.centroids_, centroid[None, :].astype(np.float32)])
        model.topic_ids_ = np.append(model.topic_ids_, np.int64(new_id))
        for lang in model.counts_:
            rows = np.where((parts == part) & (member_langs == lang), 0, -1)
            new_row = labels.count_matrix(tokens, rows, 1, vocabulary)
            model.counts_[lang] = sparse.vstack([model.counts_[lang], new_row]).tocsr()
        model.themes_[new_id] = Theme(
            topic=new_id,
            label="",
            category=old.category,
            category_id=old.category_id,
            category_source=old.category_source,
            category_locked=old.category_locked,
            size=int((parts == part).sum()),
        )


def _people(model: ThemeModel, texts: list[str], langs: list[str]) -> frozenset[str]:
    """The words no keyword or phrase of a split's parts holds: those the fitted comments use
    as a person's name (saved with the model) and those the split comments use so."""
    saved = model.phrases_.skip if model.phrases_ is not None else frozenset()
    return saved | person_words(texts, langs)


def _add_phrase_rows(
    model: ThemeModel,
    texts: list[str],
    langs: list[str],
    parts: np.ndarray,
    people: frozenset[str] = frozenset(),
) -> None:
    """Phrase counts (in the model's phrase vocabulary) of each new part, appended as rows;
    no phrase holds a word of `people`, which the model's skip words take in."""
    if model.phrases_ is None:
        return
    model.phrases_.skip = model.phrases_.skip | people
    column = {p: i for i, p in enumerate(model.phrases_.phrases)}
    n_parts = int(parts.max()) + 1
    new = sparse.lil_matrix((n_parts, len(column)), dtype=np.float64)
    sizes = np.zeros(n_parts, dtype=np.int64)
    for text, lang, part in zip(texts, langs, parts, strict=True):
        if lang != model.phrases_.lang:
            continue
        sizes[part] += 1
        for phrase in phrases.candidates(text, lang, people):
            if phrase in column:
                new[part, column[phrase]] += 1
    model.phrases_.counts = sparse.vstack([model.phrases_.counts, new.tocsr()]).tocsr()
    model.phrases_.sizes = np.concatenate([model.phrases_.sizes, sizes])


def _sum_rows(matrix: sparse.spmatrix, rows: list[int], into: int) -> sparse.csr_matrix:
    """`matrix` with row `into` replaced by the sum of `rows`."""
    merged = sparse.lil_matrix(matrix)
    merged[into] = sparse.csr_matrix(matrix)[rows].sum(axis=0)
    return sparse.csr_matrix(merged)


def _drop(model: ThemeModel, topics: Sequence[int]) -> None:
    keep = ~np.isin(model.topic_ids_, np.asarray(topics, dtype=np.int64))
    model.centroids_ = model.centroids_[keep]
    model.topic_ids_ = model.topic_ids_[keep]
    model.counts_ = {lang: counts[np.flatnonzero(keep)] for lang, counts in model.counts_.items()}
    if model.phrases_ is not None:
        model.phrases_.counts = model.phrases_.counts[np.flatnonzero(keep)]
        model.phrases_.sizes = model.phrases_.sizes[keep]
    for topic in topics:
        model.themes_.pop(int(topic), None)


def _theme(model: ThemeModel, topic: int) -> Theme:
    if model.centroids_ is None:
        raise NotFittedError("The theme model")
    if int(topic) not in model.themes_:
        raise ConfigError(f"there is no theme {topic}; themes are {sorted(model.themes_)}")
    return model.themes_[int(topic)]


def _rows(model: ThemeModel, topics: Sequence[int]) -> list[int]:
    for topic in topics:
        _theme(model, topic)
    return sorted({model._row(int(t)) for t in topics})


def _record(model: ThemeModel, action: str, **details: Any) -> None:
    model.history_.append(
        {"action": action, "at": datetime.now(UTC).isoformat(timespec="seconds"), **details}
    )
