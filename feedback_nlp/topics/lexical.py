"""A low-rank lexical view of theme units, joined to their embeddings for clustering only.

A frozen sentence encoder puts paraphrases of different requests close together when they
share a topic ("card arrival" and "card delivery estimate"); the words and word pieces that
set them apart are in the text. The lexical view is the TF-IDF of character 3-5-grams within
word boundaries (sublinear counts, pieces used by at least 2 units) reduced by truncated SVD,
centred and scaled to unit rows. Clustering reads `[embedding, weight * lexical]`, re-scaled
to unit rows; centroids, tagging and everything after the fit stay in embedding space.

Each language gets its own view in its own block of columns, centred on its own mean: two
units of different languages have lexical similarity 0, two random units of one language
about 0, so the view pulls together units that share wording without pulling a language
together (the demo's planted issues stay one theme across its 8 languages, docs/topics.md).
A language with fewer than `MIN_UNITS` units gets no lexical view (zeros).

Off by default (`lexical_weight=0`). Measured with weight 0.6 against 0 on the dev sets
(docs/topics.md): BANKING77 NMI 0.727 vs 0.722, MAMS F1 0.550 vs 0.534, MobASA NMI 0.628
vs 0.620, Steam F1 0.589 vs 0.579, demo theme F1 0.860 vs 0.854, but on the demo the late
delivery and billing issues moved out of their codebook categories into one mixed
discovered category (shared wording such as "days late"), so it is left to the user.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MIN_UNITS = 50
MAX_DIMS = 100
NGRAMS = (3, 5)


def lexical_view(texts: Sequence[str], langs: Sequence[str]) -> np.ndarray:
    """(units x blocks) centred unit-row lexical vectors; one block of columns per language."""
    langs_arr = np.asarray([str(lang) for lang in langs])
    blocks = []
    for lang in sorted(set(langs_arr.tolist())):
        members = np.flatnonzero(langs_arr == lang)
        if len(members) < MIN_UNITS:
            continue
        view = _language_view([texts[i] for i in members])
        if view is None:
            continue
        block = np.zeros((len(texts), view.shape[1]), dtype=np.float32)
        block[members] = view
        blocks.append(block)
    if not blocks:
        return np.zeros((len(texts), 0), dtype=np.float32)
    return np.hstack(blocks)


def hybrid(embeddings: np.ndarray, lexical: np.ndarray, weight: float) -> np.ndarray:
    """Unit rows of `[embeddings, weight * lexical]` (the embeddings alone when no view)."""
    from feedback_nlp.topics.clustering import unit_rows

    if weight <= 0 or lexical.shape[1] == 0:
        return embeddings
    return unit_rows(np.hstack([embeddings, weight * lexical]))


def _language_view(texts: list[str]) -> np.ndarray | None:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    from feedback_nlp.topics.clustering import unit_rows

    try:
        counts = TfidfVectorizer(
            sublinear_tf=True, min_df=2, analyzer="char_wb", ngram_range=NGRAMS, lowercase=True
        ).fit_transform(texts)
    except ValueError:  # no piece used twice
        return None
    dims = min(MAX_DIMS, counts.shape[1] - 1, len(texts) // 5)
    if dims < 2:
        return None
    reduced = TruncatedSVD(dims, random_state=0).fit_transform(counts)
    reduced -= reduced.mean(axis=0)
    return unit_rows(reduced)
