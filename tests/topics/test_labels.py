from __future__ import annotations

from feedback_nlp.topics.labels import Lemmatizer, build_vocabulary, top_terms
from feedback_nlp.topics.phrases import class_tfidf


def test_lemmas_without_stop_words_per_language():
    tokens = Lemmatizer().tokens(
        ["The parcels were delivered late", "Les colis sont arrivés en retard"], ["en", "fr"]
    )
    assert "parcel" in tokens[0] and "the" not in tokens[0]
    assert "colis" in tokens[1] and "les" not in tokens[1]


def test_unknown_language_still_tokenises():
    assert Lemmatizer().tokens(["zzqx wxyv"], ["xx-unknown"])[0] == ["zzqx", "wxyv"]


def test_top_terms_prefer_terms_specific_to_a_theme():
    from scipy import sparse

    tokens = [["late", "parcel"], ["late", "parcel"], ["app", "crash"], ["app", "late"]]
    vocabulary = build_vocabulary(tokens, 100)
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    rows = sparse.csr_matrix(
        ([1.0] * 8, ([0, 0, 0, 0, 1, 1, 1, 1], [vocabulary[t] for d in tokens for t in d])),
        shape=(2, len(terms)),
    )
    best = top_terms(class_tfidf(rows), terms, 1)
    assert best == [["parcel"], ["app"]] or best == [["parcel"], ["crash"]]
