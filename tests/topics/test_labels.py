from __future__ import annotations

import numpy as np

from feedback_nlp.topics import labels


def test_lemmas_without_stop_words_per_language():
    tokens = labels.Lemmatizer().tokens(
        [
            "Les livraisons sont arrivées en retard",
            "Die Pakete kamen zu spät",
            "The parcels were late",
        ],
        ["fr", "de", "en"],
    )
    assert "livraison" in tokens[0] and "les" not in tokens[0]
    assert "paket" in tokens[1] and "die" not in tokens[1]
    assert "parcel" in tokens[2] and "the" not in tokens[2]


def test_unknown_language_still_tokenises():
    assert labels.Lemmatizer().tokens(["hello world"], ["und"]) == [["hello", "world"]]


def test_ctfidf_prefers_terms_specific_to_a_theme():
    tokens = [
        ["late", "parcel", "service"],
        ["late", "courier", "service"],
        ["crash", "app", "service"],
    ]
    vocabulary = labels.build_vocabulary(tokens, max_size=100)
    counts = labels.count_matrix(tokens, np.array([0, 0, 1]), 2, vocabulary)
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    top = labels.top_terms(labels.ctfidf(counts), terms, 2)
    assert top[0][0] == "late"
    assert "service" not in top[1]


def test_short_label_joins_the_first_words():
    assert labels.short_label(["late", "parcel", "courier", "week"]) == "late · parcel · courier"
