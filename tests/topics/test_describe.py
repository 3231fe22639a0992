from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from scipy import sparse

from feedback_nlp.topics import labels, phrases
from feedback_nlp.topics.config import Theme
from feedback_nlp.topics.describe import DISCOVERED, _category_names

VOCABULARY = ["banget", "late", "lunch", "telat"]


def test_a_category_named_without_the_label_language_takes_two_words_of_one_language():
    """Before, the lemmas of all languages were pooled: "banget & late", half Indonesian."""
    english = sparse.csr_matrix(np.array([[0, 4, 3, 0], [0, 4, 2, 0]], dtype=np.float64))
    indonesian = sparse.csr_matrix(np.array([[4, 0, 0, 3], [5, 0, 0, 3]], dtype=np.float64))
    themes = [
        Theme(topic=i, label=f"theme {i}", category_id=0, category_source=DISCOVERED)
        for i in range(2)
    ]
    no_units = sparse.csr_matrix((2, 1), dtype=np.float64)
    model = SimpleNamespace(
        phrases_=phrases.PhraseCounts("ja", ["配達"], no_units, np.zeros(2, dtype=np.int64)),
        counts_={"en": english, "id": indonesian},
        vocabulary_=VOCABULARY,
        label_language_="ja",
        content_free=lambda: {},
    )
    names = _category_names(model, themes, [0], labels.Lemmatizer())
    assert names == {0: "banget & telat"}
