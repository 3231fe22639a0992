from __future__ import annotations

import pytest

from feedback_nlp.topics.labels import SPACY_PIPELINES, Lemmatizer, build_vocabulary, top_terms
from feedback_nlp.topics.phrases import class_tfidf


def test_lemmas_without_stop_words_per_language():
    tokens = Lemmatizer().tokens(
        ["The parcels were delivered late", "Les colis sont arrivés en retard"], ["en", "fr"]
    )
    assert "parcel" in tokens[0] and "the" not in tokens[0]
    assert "colis" in tokens[1] and "les" not in tokens[1]


def test_each_word_is_lemmatised_on_its_own_and_a_stop_word_stays():
    assert Lemmatizer().word_lemmas(["parcels", "the", "lockers"], "en") == [
        "parcel",
        "the",
        "locker",
    ]


def test_what_an_export_left_of_a_link_is_no_keyword():
    tokens = Lemmatizer().tokens(["lost parcel again http", "Paket weg www https"], ["en", "de"])
    assert "parcel" in tokens[0] and "paket" in tokens[1]
    assert not {"http", "https", "www"} & {t for found in tokens for t in found}


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


def _english_pipeline_installed() -> bool:
    from importlib.util import find_spec

    return any(find_spec(name) is not None for name in SPACY_PIPELINES["en"])


needs_english_pipeline = pytest.mark.skipif(
    not _english_pipeline_installed(), reason="no trained English spaCy pipeline installed"
)


@needs_english_pipeline
def test_english_lemmas_come_from_the_trained_pipeline():
    lemmatizer = Lemmatizer()
    tokens = lemmatizer.tokens(["The number of waiters doubled"], ["en"])[0]
    assert "number" in tokens and "numb" not in tokens  # the lookup table reads "numb"
    assert "waiter" in tokens
    nlp = lemmatizer.pipeline("en")
    assert {"tagger", "lemmatizer"} <= set(nlp.pipe_names)
    assert not {"parser", "ner"} & set(nlp.pipe_names)


@needs_english_pipeline
def test_parts_of_speech_are_counted_where_a_tagger_ran():
    lemmatizer = Lemmatizer()
    lemmatizer.tokens(["I know the menu", "They know the waiters"], ["en", "en"])
    tags = lemmatizer.tags("en")
    assert tags is not None
    assert tags["menu"]["NOUN"] == 1 and tags["know"]["VERB"] == 2
    assert tags["waiter"]["NOUN"] == 1  # lemma and surface form ("waiters") both counted


def test_no_parts_of_speech_without_a_tagger():
    lemmatizer = Lemmatizer()
    lemmatizer.tokens(["zzqx wxyv"], ["xx-unknown"])
    assert lemmatizer.tags("xx-unknown") is None


def test_placeholders_id_parts_and_the_brands_words_are_no_keywords():
    texts = [
        "Refund to IBAN <IBAN> please, mail <EMAIL>, ticket <ID>, born <DOB> @ShopCo",
        "ShopCo lost order DE-2026-004512 #shopco",
    ]
    tokens = Lemmatizer().tokens(texts, ["en", "en"])
    found = {t for doc in tokens for t in doc}
    assert {"refund", "lose", "order"} <= found
    assert not found & {"iban", "email", "mail", "id", "dob", "shopco", "de"}


def test_scripts_without_spaces_give_no_sentence_as_keyword():
    texts = ["配送が遅すぎる。アプリが落ちる", "房间很干净，服务很好", "ส่งของช้ามาก"]
    tokens = Lemmatizer().tokens(texts, ["ja", "zh", "th"])
    assert tokens[0] == ["配送", "アプリ"]
    assert tokens[1] == ["房间", "干净", "服务"]  # "很" is a stop word: no "间很", "很干"
    assert tokens[2] == []


def test_vietnamese_is_read_with_its_stop_words_without_pyvi():
    """Before, Vietnamese fell back to the `xx` pipeline: "thì" and "bằng" were keywords."""
    tokens = Lemmatizer().tokens(["giao hàng thì chậm bằng xe"], ["vi"])[0]
    assert "chậm" in tokens and not {"thì", "bằng"} & set(tokens)


def test_the_words_texts_use_as_a_persons_name_are_no_keywords():
    texts = [
        "Exports time out. Call me back: Nadia Okafor",
        "Exports fail daily. Call me back: Pavel Okafor",
    ]
    tokens = Lemmatizer().tokens(texts, ["en", "en"])
    assert {"export", "fail"} <= set(tokens[0] + tokens[1])
    assert not {"nadia", "pavel", "okafor"} & set(tokens[0] + tokens[1])
    given = Lemmatizer().tokens(["Exports fail at Acme"], ["en"], frozenset({"acme"}))
    assert "acme" not in given[0]


def test_codes_written_in_capitals_are_no_keywords_but_acronyms_are():
    texts = ["Suitcase lost at AMS", "AMS-FCO cancelled", "SMS code never arrives at FCO"]
    found = {t for doc in Lemmatizer().tokens(texts, ["en"] * 3) for t in doc}
    assert {"suitcase", "cancel", "sms", "code"} <= found
    assert not found & {"ams", "fco"}
