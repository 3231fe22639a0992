"""What a saved theme model keeps of the comments it was fitted on, and how to take it out.

A fitted model keeps, per theme, a few representative comments (`representative_texts`,
redacted as `text_clean` is) with their response ids (`representative_ids`, pseudonymised
where they are personal data), and term and phrase counts per theme. Terms and phrases used
once in the whole corpus are dropped when the fit ends (:func:`drop_single_use_terms`): no
theme is named after one comment, and a name that escaped redaction in one comment is not
kept. :func:`forget_respondents` takes one customer's quotes out (a right-to-erasure request)
and :func:`forget_quotes` every quote; `feedback-nlp topics forget` runs them on a saved
model. Centroids and counts are sums over many comments and hold no one's words.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse

from feedback_nlp.text.pseudonyms import pseudonymise_pii_id, pseudonymise_respondent_id
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.phrases import PhraseCounts


def drop_single_use_terms(model: ThemeModel) -> None:
    """Drop the terms and label-language phrases counted once over every theme and language."""
    if model.counts_:
        total = sum(np.asarray(c.sum(axis=0)).ravel() for c in model.counts_.values())
        keep = np.flatnonzero(total >= 2)
        model.vocabulary_ = [model.vocabulary_[i] for i in keep]
        model.counts_ = {
            lang: sparse.csr_matrix(counts[:, keep]) for lang, counts in model.counts_.items()
        }
    found = model.phrases_
    if found is not None and found.counts.shape[1]:
        keep = np.flatnonzero(np.asarray(found.counts.sum(axis=0)).ravel() >= 2)
        model.phrases_ = PhraseCounts(
            found.lang,
            [found.phrases[i] for i in keep],
            sparse.csr_matrix(found.counts[:, keep]),
            found.sizes,
            found.skip,  # the people's names no phrase holds (`topics.person_names`)
        )


def forget_respondents(model: ThemeModel, ids: Iterable[str]) -> int:
    """Take the quotes of the comments with these response ids (as written in the input, or
    their pseudonyms) out of every theme; return how many were taken out."""
    wanted = set()
    for value in ids:
        value = value.strip()
        wanted |= {value, str(pseudonymise_pii_id(value)), str(pseudonymise_respondent_id(value))}
    removed = 0
    for theme in model.themes_.values():
        pairs = list(zip(theme.representative_ids, theme.representative_texts, strict=True))
        kept = [(i, t) for i, t in pairs if i.strip() not in wanted]
        removed += len(pairs) - len(kept)
        theme.representative_ids = [i for i, _ in kept]
        theme.representative_texts = [t for _, t in kept]
    return removed


def forget_quotes(model: ThemeModel) -> int:
    """Take every quote and its id out of every theme; return how many were taken out."""
    removed = 0
    for theme in model.themes_.values():
        removed += len(theme.representative_texts)
        theme.representative_ids, theme.representative_texts = [], []
    return removed
