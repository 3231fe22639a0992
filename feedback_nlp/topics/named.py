"""Named themes: seed themes and theme-level codebook entries, with their keyword rules.

A named theme is given, not discovered: its name is locked and its id is fixed (0..k-1 at
fit). A unit joins it when its similarity to the entry's prototype (the mean embedding of
its name and examples, anchored on the `min_topic_size` nearest units) reaches
`seed_threshold`, or when one of the entry's keyword rules fires on it, at fit and when
tagging. Everything else is clustered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from feedback_nlp.topics import clustering
from feedback_nlp.topics.matching import CodebookMatcher, anchored_prototypes

if TYPE_CHECKING:
    from feedback_nlp.topics.codebook import Codebook
    from feedback_nlp.topics.model import ThemeModel

Encode = Callable[[list[str]], np.ndarray]
NONE = -1


@dataclass
class NamedTheme:
    """A theme given by a seed or a theme-level codebook entry."""

    name: str
    source: str  # "seed" or "codebook:<entry id>"
    keywords: list[str]
    vector: np.ndarray  # raw embedding of the name and examples


def named_themes(
    model: ThemeModel, seed_embeddings: Mapping[str, np.ndarray], encode: Encode
) -> list[NamedTheme]:
    """The seeds (by name) and the theme-level entries of the model's codebook, in order."""
    seeds = model.config.seeds or {}
    named = [
        NamedTheme(name, "seed", list(seeds.get(name, [])), seed_embeddings[name])
        for name in sorted(seed_embeddings)
    ]
    for entry in model.codebook_.entries if model.codebook_ else []:
        if entry.level != "theme":
            continue
        phrases = [p for examples in entry.examples.values() for p in examples]
        vectors = np.asarray(encode([entry.name("en"), *phrases]), dtype=np.float32)
        mean = clustering.unit_rows(vectors.mean(axis=0, keepdims=True))[0]
        name = entry.name(model.label_language_ or "en")
        named.append(NamedTheme(name, f"codebook:{entry.id}", phrases[:10], mean))
    return named


def assign_named(
    model: ThemeModel, named: list[NamedTheme], centred: np.ndarray, texts: Sequence[str]
) -> np.ndarray:
    """Row of the named theme each fitted unit belongs to (NONE for the others)."""
    groups = np.full(len(centred), NONE, dtype=np.int64)
    if not named:
        return groups
    prototypes = model.center(np.stack([n.vector for n in named]), [""] * len(named))
    anchors = anchored_prototypes(prototypes, centred, model.config.min_topic_size)
    sims = anchors @ centred.T
    matched = sims.max(axis=0) >= model.config.seed_threshold
    groups[matched] = sims.argmax(axis=0)[matched]
    forced = rule_rows(model.codebook_, texts, {n.source: row for row, n in enumerate(named)})
    groups[forced >= 0] = forced[forced >= 0]
    return groups


def rule_rows(
    codebook: Codebook | None, texts: Sequence[str], entry_rows: Mapping[str, int]
) -> np.ndarray:
    """Per unit text, the theme row a keyword rule of a theme-level entry forces (NONE)."""
    forced = np.full(len(texts), NONE, dtype=np.int64)
    entries = codebook.entries if codebook is not None else []
    ruled = [i for i, e in enumerate(entries) if e.level == "theme" and e.rules]
    if not ruled:
        return forced
    hits = CodebookMatcher(codebook).rule_hits(texts)
    for index in ruled:
        row = entry_rows.get(f"codebook:{entries[index].id}")
        if row is not None:
            forced[(forced < 0) & hits[:, index]] = row
    return forced
