from __future__ import annotations

import re
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


FIRST_NAMES = ["Nadia", "Pavel", "Greta", "Idris"]
SURNAMES = ["Okafor", "Halvorsen", "Brennan"]
OPENINGS = ["Renewal went smoothly.", "The export keeps timing out.", "Billing was wrong twice."]
CONTACT_LINES = [
    f"{OPENINGS[i % 3]} Call me back: {FIRST_NAMES[i % 4]} {SURNAMES[i % 3]}, <EMAIL>"
    for i in range(10)
]
LECTURER_LINES = [
    "Professor Varga spoke too fast in every lecture.",
    "Professor Varga spoke too fast and the slides came late.",
    "Honestly Professor Varga spoke too fast.",
    "The seminar was fine but Professor Varga spoke too fast.",
    "Professor Varga spoke too fast, I could not follow.",
    "Professor Varga spoke far too fast.",
    "In week two Professor Varga spoke too fast again.",
    "Professor Varga spoke too fast to take notes.",
]
BRAND_LINES = [
    "netflix app keeps freezing",
    "The Netflix app keeps freezing on my TV.",
    "netflix app keeps freezing after the update",
    "my netflix app keeps freezing every evening",
    "netflix app keeps freezing mid episode",
    "Netflix app keeps freezing again.",
    "why does the netflix app keep freezing",
    "netflix app freezing constantly",
]


def test_no_name_category_or_keyword_holds_a_word_used_as_a_persons_name():
    """Before, the themes were named "professor varga spoke too fast" and "nadia okafor", with
    keywords "okafor, brennan"; a brand also written in lower case still names its theme."""
    from tests.topics.conftest import Corpus, encode_texts, fit_model

    texts = CONTACT_LINES + LECTURER_LINES + BRAND_LINES
    corpus = Corpus(texts, ["en"] * len(texts), [""] * len(texts), encode_texts(texts))
    model = fit_model(corpus, n_themes=3)
    people = {w.lower() for w in FIRST_NAMES + SURNAMES + ["Varga"]}
    for theme in model.themes_.values():
        words = f"{theme.label} {theme.category} {' '.join(theme.keywords)}".lower()
        assert not people & set(words.replace("&", " ").replace("/", " ").split()), words
    assert any("netflix" in theme.label for theme in model.themes_.values())


SUPPORT_LINES = [
    "I got the code <SECRET> but the app still says it is wrong",
    "The one-time code never works in the app",
    "The login code from the SMS is always rejected",
    "Your verification code does not work at all",
]
CHAT_REPEATS = [
    variant
    for line in SUPPORT_LINES + LECTURER_LINES[:4] + BRAND_LINES[:4]
    for variant in (line, line.upper(), f"  {line.replace(' ', '  ')} ", line)
]


def _as_quote(text: str) -> str:
    return " ".join(re.sub(r"<[A-Z_]+>", "<>", text).casefold().split())


def test_a_themes_quotes_are_distinct_when_a_chat_export_repeats_its_lines():
    """Before, a theme of a chat export quoted one repeated line three times
    ("I got the code <SECRET>" ×3); case, spacing and placeholders do not make a new quote."""
    from tests.topics.conftest import Corpus, encode_texts, fit_model

    texts = [*CHAT_REPEATS, "I got the code <NAME> but the app still says it is wrong"]
    corpus = Corpus(texts, ["en"] * len(texts), [""] * len(texts), encode_texts(texts))
    model = fit_model(corpus, n_themes=3)
    quoted = [theme for theme in model.themes_.values() if theme.size >= 4]
    assert quoted
    for theme in quoted:
        keys = [_as_quote(text) for text in theme.representative_texts]
        assert len(keys) == model.config.n_representatives == len(set(keys)), keys
        assert len(theme.representative_ids) == len(theme.representative_texts)
