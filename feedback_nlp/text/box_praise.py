"""Terse praise in a positive box: "Everything", "Quiet room", "Das Frühstück", "La ubicación"
answering "What did you like?" or Booking.com's positive review name what was liked; the model,
reading no question, calls them neutral. Used by :mod:`feedback_nlp.text.boxes`.

A terse answer is a noun phrase of one to :data:`MAX_WORDS` words with a letter: no pronoun,
copula, auxiliary or modal (not "Maybe it's her", "C'est décidé"), no mention, hashtag or
link, no negation, no "?"; it says
nothing of "nothing" or of no judgement ("Nothing really", "n/a", "-":
:mod:`feedback_nlp.text.box_nothing`, :mod:`feedback_nlp.text.replies`), judges nothing
negative ("bad"), states no failure (:mod:`feedback_nlp.text.complaints`), asks for no change
(:mod:`feedback_nlp.text.box_requests`: "More towels") and points to no other answer ("see
above", "siehe oben"). It names something: besides spaCy's stop words, hedges, amounts and
leaving (:data:`_NAMES_NOTHING`: "Average", "Meh", "Hard to say", "Very little", "Going home",
"The exit") it holds a word, or it is an "all" word ("Everything", "Alles", "Tout").
"""

from __future__ import annotations

import re
from functools import lru_cache

from feedback_nlp.text.box_nothing import (
    is_only_nothing,
    opens_with_nothing,
    recalls_nothing,
    words_of,
)
from feedback_nlp.text.box_requests import asks_for_change
from feedback_nlp.text.complaints import NEGATIONS, states_failure
from feedback_nlp.text.replies import is_no_judgement_reply, reply_polarity
from feedback_nlp.topics.units import stop_words

#: The most words of a terse answer (a noun phrase: "Friendly staff and location").
MAX_WORDS = 4
#: Words that negate or compare, besides the negations of :mod:`feedback_nlp.text.complaints`
#: (folded): "nobody", "kein…", "Better wifi".
_NEGATED = re.compile(
    r"\b(?:\w+n't|nobody|nadie|kein\w*|nessun\w*|nenhum\w*|na|better|besser|mieux|mejor|"
    r"meglio|melhor|beter)\b"
)
#: Pronouns, copulas, auxiliaries and modals (folded): a clause, not a noun phrase ("Maybe it's
#: her.", "Wir wollen anlegen!", "C'est décidé").
_CLAUSE_WORDS = re.compile(
    r"\b(?:i|you|he|she|we|they|it|it's|i'm|that's|me|him|her|us|them|is|are|was|"
    r"were|be|been|am|do|does|did|will|would|can|could|shall|should|may|might|must|let's|"
    r"ich|du|er|sie|wir|ihr|es|mich|dich|ist|sind|war|waren|bin|bist|hat|habe|haben|wird|"
    r"werden|will|wollen|kann|konnen|muss|mussen|soll|"
    r"je|tu|elle|nous|vous|ils|elles|c'est|est|sont|etait|suis|ai|ont|va|vais|"
    r"yo|ella|nosotros|ellos|es|son|era|fue|soy|estoy|hay|voy|vamos|please|pls|bitte|"
    r"io|lui|lei|noi|voi|loro|sono|ero|sei|ha|hanno|siamo|"
    r"eu|ele|ela|nos|eles|foi|sou|estou|vai|vou|"
    r"ik|jij|hij|zij|wij|jullie|ben|zijn|was|heb|heeft|"
    r"ja|ty|ona|wy|oni|jest|byl|bylo|"
    r"я|ты|он|она|мы|вы|они|это|был|была|было)\b"
)
#: Answers that point to another one ("see above", "same as above", "siehe oben").
_POINTS_ELSEWHERE = re.compile(
    r"\b(?:see|as|same as) (?:above|below|before)\b|\bsiehe (?:oben|unten)\b|"
    r"\bvoir ci-(?:dessus|dessous)\b|\bver arriba\b|\bvedi sopra\b|\bzie boven\b|\bidem\b"
)
#: Words that name nothing liked (folded): hedges and verdicts of "average", amounts, leaving
#: ("Meh", "Hard to say", "Very little", "Leaving", "Going home", "The exit").
_NAMES_NOTHING = re.compile(
    r"\b(?:average|meh|so so|mediocre|ok|okay|hard to say|difficult to say|"
    r"(?:very |too )?little|hardly|barely|scarcely|(?:going|go|heading) home|leaving|leave|going|"
    r"exit|departure|checking out|check out|way out|durchschnitt\w*|mittelmassig|geht so|"
    r"abreise|abfahrt|heimfahrt|moyen|bof|depart|sortie|regular|salida|partida|uscita|"
    r"saida|partenza|vertrek|uitgang)\b"
)
#: "All" words that name the whole stay ("Everything", "Alles", "Tout", "Todo").
_ALL_WORDS = frozenset({"everything", "all", "alles", "tout", "todo", "tutto", "tudo", "alle"})
#: Languages whose stop words a terse answer may be written with.
_STOP_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset().union(*(stop_words(lang) for lang in _STOP_LANGUAGES))


def names_something(words: str) -> bool:
    """True when folded `words` hold a word that names what was liked: not only stop words,
    hedges, amounts or leaving ("Very little", "Going home"), or an "all" word."""
    if words in _ALL_WORDS:
        return True
    rest = _NAMES_NOTHING.sub(" ", words).split()
    return any(word not in _stop_words() for word in rest)


def terse_praise(text: str) -> bool:
    """True when `text` is a terse answer that, in a positive box, names what was liked
    ("Everything", "Quiet room"; module docstring); not "Nothing really", "Not much", "n/a"."""
    words = words_of(text)
    if not _terse(text, words) or _negated(words) or _POINTS_ELSEWHERE.search(words):
        return False
    if not names_something(words):
        return False
    if _CLAUSE_WORDS.search(words) or re.search(r"[@#]|\bhttp|www\.", text):
        return False
    if is_no_judgement_reply(text) or is_only_nothing(text) or recalls_nothing(text):
        return False
    if opens_with_nothing(text) or reply_polarity(text) == "negative":
        return False
    return not states_failure(text) and not asks_for_change(text)


def _negated(words: str) -> bool:
    """A negation of :mod:`feedback_nlp.text.complaints` or :data:`_NEGATED` in `words`."""
    return bool(_NEGATED.search(words)) or any(w in NEGATIONS for w in words.split())


def _terse(text: str, words: str) -> bool:
    """One to :data:`MAX_WORDS` words with a letter and no question mark."""
    count = len(words.split())
    return 0 < count <= MAX_WORDS and "?" not in text and bool(re.search(r"[^\W\d_]", words))
