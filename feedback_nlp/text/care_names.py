"""Which one-word names a capitalised English care title takes though they are common words,
for :mod:`feedback_nlp.text.people_titles` (review of stop 52).

"Nurse Jo", "Sister Grace", "Nurse Rose" are names; "Nurse Never came", "Midwife Brilliant
care", "Sister Hospital ward", "Nurse Please call me" are not. A word is refused when it is an
English stop word ("never", "please", "very", "did") or when English text writes it in lower
case clearly more often than capitalised (spacy-lookups-data's word probabilities, margin
`PLAIN_MARGIN`): "brilliant", "round", "hospital", "rude". Names written as often with a
capital as without ("grace", "jo", "rose", "dawn", "mark") stay names; "Hope", "Joy",
"Faith" are refused, the price of keeping "Midwife Brilliant care" out.
"""

from __future__ import annotations

from functools import cache

from feedback_nlp.text.common_words import word_probabilities

#: Log-probability by which a word's lower-case form must outweigh its capitalised one to be
#: a plain word ("brilliant" 1.4, "ward" 1.1; "grace" 0.7, "bill" 0.4, "jo" 0.0).
PLAIN_MARGIN = 1.0


@cache
def _english() -> dict[str, float]:
    """English word log-probabilities (empty without spacy-lookups-data)."""
    return word_probabilities("en")


@cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words (empty without spaCy)."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:
        return frozenset()
    return frozenset(STOP_WORDS)


def is_plain_word(word: str) -> bool:
    """Whether `word` is an English stop word or one written mostly in lower case: no name
    after a capitalised care title ("Nurse Never came")."""
    lower = word.lower()
    if lower in english_stop_words():
        return True
    probs = _english()
    if lower not in probs:
        return False
    capitalised = probs.get(lower.capitalize())
    return capitalised is None or probs[lower] - capitalised >= PLAIN_MARGIN
