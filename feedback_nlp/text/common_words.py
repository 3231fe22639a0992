"""Common words of the languages the name cues are written in, for
:mod:`feedback_nlp.text.people_cues`: a capitalised word after a weak cue ("I'm Extremely
Disappointed", "Tutor Time", "Officer Training") is no name when it is one of them.

The words come from spacy-lookups-data, loaded once, when a weak cue first matches (about
105,000 words; 2.7 s and a peak of 160 MB more while built, measured on the 2-core machine
under load):

- English, Spanish and German word probabilities (``<lang>_lexeme_prob``, sorted from the most
  frequent): lower-case words above `_FREQUENT`, unless their capitalised form is clearly more
  frequent (``john``, ``tom``: names); German nouns, capitalised, when the German lemma table
  inflects them as nouns (``Zimmern``, ``Lehrern``; surnames only take a genitive ``-s``);
- the French lemma table's lemmas, less the words the probabilities show as names (the
  Italian, Portuguese and Dutch tables took 1-5 s each and hold names: ``laura``, ``marcos``).

Without spacy-lookups-data the set is empty: every capitalised word may then be a name.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from functools import cache
from importlib import resources

logger = logging.getLogger(__name__)

#: Log-probability above which a word counts as common (English: about 30,000 words).
_FREQUENT = -14.0
#: How far the probabilities are read: names' capitalised forms are looked up down to here.
_READ_DOWN_TO = -15.5
#: A word whose capitalised form is this much (log) more frequent than its lower-case one is
#: a name ("John", "Laura") or a brand, not a common word.
_NAME_MARGIN = 1.0
_PROB_LANGUAGES = ("en", "es", "de")
_LEMMA_LANGUAGES = ("fr",)
_CHUNK = 1 << 20
_ENTRY = re.compile(r'"((?:[^"\\]|\\.)*)": ?(-?[0-9.eE+-]+)')
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: German noun endings the lemma table adds only to nouns (dative plural, plural).
_NOUN_ENDINGS = ("n", "en", "ern", "e", "er", "nen")


def _open(name: str) -> gzip.GzipFile | None:
    """A spacy-lookups-data file opened for reading (None when the package or file is missing)."""
    try:
        return gzip.open(str(resources.files("spacy_lookups_data") / "data" / name))
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def word_probabilities(lang: str) -> dict[str, float]:
    """A language's words and log-probabilities down to `_READ_DOWN_TO`, read in chunks (the
    file lists the most frequent first) so that the rest is never decompressed."""
    probs: dict[str, float] = {}
    handle, tail = _open(f"{lang}_lexeme_prob.json.gz"), ""
    if handle is None:
        return probs
    with handle:
        while chunk := handle.read(_CHUNK):
            text = tail + chunk.decode("utf-8", "ignore")
            cut = text.rfind(",\n")  # whole entries up to here; the rest waits for the next chunk
            for match in _ENTRY.finditer(text, 0, cut):
                if (prob := float(match.group(2))) < _READ_DOWN_TO:
                    return probs
                word = match.group(1)
                probs[json.loads(f'"{word}"') if "\\" in word else word] = prob
            tail = text[cut:]
    return probs


def _lemma_table(lang: str) -> dict[str, str | list[str]]:
    """A language's lemma table (form: lemma or lemmas; empty when missing)."""
    handle = _open(f"{lang}_lemma_lookup.json.gz")
    if handle is None:
        return {}
    with handle:
        return json.loads(handle.read())


def _german_nouns(probs: dict[str, float]) -> set[str]:
    """Frequent capitalised German words the lemma table inflects as nouns, in lower case."""
    nouns = {
        lemma
        for form, lemma in _lemma_table("de").items()
        if isinstance(lemma, str)
        and lemma[:1].isupper()
        and form[len(lemma) :] in _NOUN_ENDINGS
        and form.startswith(lemma)
        and form != lemma
    }
    return {w.lower() for w in nouns if probs.get(w, _READ_DOWN_TO) >= _FREQUENT}


def _frequent(probs: dict[str, float]) -> set[str]:
    """Frequent lower-case words of one language."""
    return {word for word, prob in probs.items() if word.islower() and prob >= _FREQUENT}


def _names(probs: dict[str, float]) -> set[str]:
    """Words whose capitalised form is clearly more frequent than their lower-case one
    (``john``, ``laura``), in lower case."""
    return {
        word.lower()
        for word, prob in probs.items()
        if word[:1].isupper()
        and word[1:].islower()
        and prob > probs.get(word.lower(), _READ_DOWN_TO - _NAME_MARGIN) + _NAME_MARGIN
    }


def _lemmas(lang: str) -> set[str]:
    """The lower-case lemmas of a lemma-table language."""
    lemmas: set[str] = set()
    for lemma in _lemma_table(lang).values():
        lemmas.update(lemma if isinstance(lemma, list) else [lemma])
    return {w for w in lemmas if w.islower() and _LETTERS.fullmatch(w)}


@cache
def common_words() -> frozenset[str]:
    """The common words of the cue languages, in lower case (loaded once): English names
    ("jonas", "jan") are left out of every language, Spanish ones out of Spanish."""
    english, spanish, german = (word_probabilities(lang) for lang in _PROB_LANGUAGES)
    names = _names(english)
    common = _frequent(english) - names
    common |= _frequent(spanish) - names - _names(spanish)
    common |= _frequent(german) - names  # German capitalises nouns: its capitals name no one
    common |= _german_nouns(german)
    for lang in _LEMMA_LANGUAGES:
        common |= _lemmas(lang) - names
    if not common:
        logger.debug("no common-word lexicon (spacy-lookups-data missing)")
    return frozenset(common)


def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is a common word of a cue language, not only a name."""
    return word.lower() in common_words()
