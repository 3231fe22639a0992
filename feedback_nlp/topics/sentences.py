"""Whether a candidate theme name is a whole sentence of the theme's units.

A name is a phrase the theme's units share, not one of them: in a small theme of short,
repeated comments the longest shared phrase can be a whole sentence ("доставка опоздала на
целую неделю"). A phrase of at least `MIN_WORDS` words that holds every content word of a
unit of at least two content words is that unit's sentence; its most used part of 2+ words
that is none names the theme instead ("livraison est arrivée trop tard" -> "arrivée trop
tard"). In Thai and the other scripts written without spaces between words, where a space
ends a clause, a phrase of two such clauses can be a sentence (`MIN_UNSPACED_WORDS`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import numpy as np

from feedback_nlp.topics import phrases
from feedback_nlp.topics.units import stop_words
from feedback_nlp.topics.unspaced import has_unspaced

MIN_WORDS = 3
#: In Thai and other scripts written without spaces between words a space ends a clause: two
#: "words" can be a whole sentence ("ไรเดอร์พูดจาไม่สุภาพ ตะคอกใส่").
MIN_UNSPACED_WORDS = 2


def is_sentence(phrase: str, contents: Iterable[frozenset[str]]) -> bool:
    """Whether `phrase` (lower case) has at least `MIN_WORDS` words and holds every content
    word of a unit (`contents`: :func:`content_words`) of at least two."""
    words = phrase.split()
    if len(words) < (MIN_UNSPACED_WORDS if has_unspaced(phrase) else MIN_WORDS):
        return False
    return any(len(content) >= 2 and content <= set(words) for content in contents)


def content_words(units: Iterable[str], lang: str) -> set[frozenset[str]]:
    """The content words of each of `units` (texts in `lang`) as candidate phrases read
    them: single candidates, no stop words."""
    stop = stop_words(lang)
    return {
        frozenset(p for p in phrases.candidates(text, lang) if " " not in p and p not in stop)
        for text in units
    }


def best_part(
    phrase: str,
    counts: np.ndarray,
    candidates: Sequence[str],
    contents: Iterable[frozenset[str]],
    taken: Collection[str],
    lang: str,
) -> str:
    """The most used (then longest) candidate of 2+ words inside `phrase` that is no
    sentence, not in `taken`, used by at least `phrases.MIN_SUPPORT` units (`counts`: the
    theme's units per candidate) and not ending with a degree word ("trop"); "" without one."""
    contents = list(contents)
    degree = phrases.INTENSIFIERS.get(lang, frozenset())
    inside = [
        i
        for i in np.flatnonzero(counts >= phrases.MIN_SUPPORT)
        if " " in candidates[i]
        and candidates[i] != phrase
        and f" {candidates[i]} " in f" {phrase} "
        and candidates[i] not in taken
        and candidates[i].split()[-1] not in degree
        and not is_sentence(candidates[i], contents)
    ]
    if not inside:
        return ""
    best = min(inside, key=lambda i: (-counts[i], -len(candidates[i].split()), candidates[i]))
    return candidates[best]
