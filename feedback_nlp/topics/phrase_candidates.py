"""Candidate theme-name phrases: the word n-grams (1-5 words) of a unit that

- do not cross punctuation or a number (so never a date, a price or a raw sentence), nor
  take the letters of a token that holds digits ("16th", "4g", "mp3"), so "from the 16th of
  Nov" gives "nov", never "th of nov",
- neither start nor end with a stop word of the language or an English function word
  (`ENGLISH_EDGES`: English lines inside other feedback); a negation such as "not", "no",
  "pas", "nicht" may start one: "not connected", "no call back"; so may a degree word before
  a content word: "too expensive", "sehr zufrieden"; an English particle may end one: "turn
  up",
- contain a content word of at least three letters that does not only say when or how long
  (`topics.temporal`: "week ago", "last month" name a date, not an issue).
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.topics.labels import LINK_WORDS
from feedback_nlp.topics.name_noise import brand_words, without_noise
from feedback_nlp.topics.temporal import temporal_words
from feedback_nlp.topics.units import stop_words
from feedback_nlp.topics.unspaced import WORD_MARKS, has_unspaced, name_pieces

MAX_PHRASE_WORDS = 5
NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "nothing", "nobody", "without", "cannot"}),
    "fr": frozenset({"pas", "non", "jamais", "aucun", "aucune", "sans", "rien", "personne"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "nie", "niemals", "ohne", "niemand"}),
    "es": frozenset({"no", "nunca", "sin", "nadie", "ningún", "ninguna", "nada"}),
    "it": frozenset({"non", "mai", "senza", "nessuno", "nessuna", "niente"}),
    "pt": frozenset({"não", "nunca", "sem", "ninguém", "nenhum", "nenhuma", "nada"}),
    "ro": frozenset({"nu", "niciodată", "fără", "nimeni", "niciun", "nicio", "nimic"}),
    "ru": frozenset({"не", "нет", "никогда", "без", "никто", "ничего"}),
    "nl": frozenset({"niet", "geen", "nooit", "zonder", "niemand", "niets"}),
    "pl": frozenset({"nie", "nigdy", "bez", "nikt", "nic", "żaden", "żadna"}),
}
#: Degree words that may start a phrase when a content word follows: "too expensive",
#: "really disappointed", "sehr zufrieden", "très déçue" (most are stop words).
INTENSIFIERS: dict[str, frozenset[str]] = {
    "en": frozenset({"very", "really", "too", "quite", "extremely", "totally", "absolutely"}),
    "fr": frozenset({"très", "trop", "vraiment", "assez", "tellement"}),
    "de": frozenset({"sehr", "wirklich", "ganz", "echt", "total", "ziemlich", "viel"}),
    "es": frozenset({"muy", "demasiado", "bastante", "realmente"}),
    "it": frozenset({"molto", "troppo", "davvero"}),
    "pt": frozenset({"muito", "demasiado", "bastante", "realmente"}),
    "ro": frozenset({"foarte", "prea"}),
    "ru": frozenset({"очень", "слишком", "совсем"}),
    "nl": frozenset({"erg", "heel", "zeer", "echt"}),
    "pl": frozenset({"bardzo", "zbyt", "naprawdę"}),
    "tr": frozenset({"çok", "fazla"}),
}
#: English function words a phrase in any language may not start or end with: English lines
#: inside another language's feedback (a status bot's "has changed state from") are common.
ENGLISH_EDGES = frozenset(
    {"a", "an", "the", "has", "have", "had", "is", "are", "was", "were", "be", "been", "from",
     "to", "of", "for", "with", "at", "by", "on", "and", "or", "its", "this", "that", "my",
     "your", "our", "their"}
)  # fmt: skip
#: Function words of languages spaCy has no stop list for (Welsh), which no phrase starts or
#: ends with: "diolch yn" ("thank you", cut before "fawr") named a theme.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "cy": frozenset(
        "a ac am ar at dan dros ei eich ein eu fy dy gan gyda heb i mewn o trwy wrth y yn yr "  # noqa: SIM905
        "mae yw ydy oedd roedd bod wedi ddim na nid ond neu hefyd iawn pan os fel sy sydd "
        "ni chi nhw fi ti fe fo hi".split()
    ),
}
PARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"up", "out", "off", "down", "back"}),
}
#: Links, @handles, <TAGS> and the bare "http" / "www" that some exports leave for a link.
_NOISE = re.compile(
    rf"(?:https?://|www\.)\S+|@\w+|<[A-Z]+>|(?<!\w)(?:{'|'.join(sorted(LINK_WORDS))})(?!\w)",
    re.IGNORECASE,
)
_WORD = rf"[^\W\d_](?:[^\W\d_]|{WORD_MARKS})*"  # a Thai vowel or tone mark stays in its word
_SEGMENT = re.compile(rf"(?<!\w){_WORD}(?:['’]{_WORD})*(?:[ \t]+{_WORD}(?:['’]{_WORD})*)*(?!\w)")


def candidates(text: str, lang: str, skip: frozenset[str] = frozenset()) -> set[str]:
    """The candidate phrases (1-5 words, lower case) of one text, none holding a placeholder,
    a part of an id or a word of `skip` or of the text's @handles (`topics.name_noise`)."""
    found: set[str] = set()
    clean = without_noise(text, skip | brand_words([text]))
    for segment in _SEGMENT.finditer(_NOISE.sub(" , ", clean).replace("#", " ").lower()):
        for tokens in _runs(_split_elisions(segment.group().split(), lang)):
            found |= _grams(tokens, lang)
    return found


def _runs(tokens: list[str]) -> list[list[str]]:
    """The runs of `tokens` a phrase may span: a token holding Han or kana is cut into its
    terms (`topics.unspaced.name_pieces`), each a run of its own."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        pieces = name_pieces(token)
        if pieces == [token]:
            runs[-1].append(token)
        else:
            runs += [[piece] for piece in pieces] + [[]]
    return [run for run in runs if run]


def _grams(tokens: list[str], lang: str) -> set[str]:
    """The candidate phrases of one run of tokens (see :func:`candidates`)."""
    stop = _edge_stop_words(lang)
    negations = NEGATIONS.get(lang, frozenset())
    particles = PARTICLES.get(lang, frozenset())
    intensifiers = INTENSIFIERS.get(lang, frozenset())
    not_content = _not_content(lang)
    found: set[str] = set()
    for start, first in enumerate(tokens):
        follows = tokens[start + 1] if start + 1 < len(tokens) else ""
        degree = first in intensifiers and bool(follows) and follows not in stop
        if (
            (first in stop or is_contraction(first))
            and not _is_negation(first, negations)
            and not degree
        ):
            continue
        for end in range(start + 1, min(start + MAX_PHRASE_WORDS, len(tokens)) + 1):
            last = tokens[end - 1]
            if end - start > 1 and (last in stop or is_contraction(last)) and last not in particles:
                continue
            gram = tokens[start:end]
            if len(gram[-1]) < 2 or len(gram[0]) < 2:
                continue
            if any(_is_content(w, not_content) for w in gram):
                found.add(" ".join(gram))
    return found


def _is_content(word: str, not_content: frozenset[str]) -> bool:
    """A content word: three letters or more (two Han characters: "返金"), not in `not_content`."""
    return (len(word) >= 3 or has_unspaced(word)) and word not in not_content


@lru_cache(maxsize=64)
def _edge_stop_words(lang: str) -> frozenset[str]:
    """Words no phrase starts or ends with: the language's stop words, English function words."""
    return stop_words(lang) | FUNCTION_WORDS.get(lang, frozenset()) | ENGLISH_EDGES


@lru_cache(maxsize=64)
def _not_content(lang: str) -> frozenset[str]:
    """Words that do not make a phrase a candidate: stop words, negations, time words."""
    words = stop_words(lang) | FUNCTION_WORDS.get(lang, frozenset())
    return words | NEGATIONS.get(lang, frozenset()) | temporal_words(lang)


def _split_elisions(tokens: list[str], lang: str) -> list[str]:
    """English contractions stay whole ("didn't"); elisions elsewhere lose their article
    ("l'application" -> "application")."""
    if lang == "en":
        return tokens
    result = []
    for token in tokens:
        head, apostrophe, tail = token.replace("’", "'").rpartition("'")
        result.append(tail if apostrophe and len(head) <= 4 and tail else token)
    return result


def is_contraction(token: str) -> bool:
    return "'" in token or "’" in token


def _is_negation(token: str, negations: frozenset[str]) -> bool:
    return token in negations or token.replace("’", "'").endswith("n't")
