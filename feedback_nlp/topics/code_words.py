"""Codes the comments write in capitals: no theme name, keyword or category name holds one.

An airport, station, store or route code ("AMS", "FCO", "AMS-FCO") says where, like a
number, not what the issue is; kept, it named themes ("ams delayed") and categories
("ams & mad"). A word is such a code when the texts write it as 2-`MAX_LETTERS` capital
letters in at least `CAPITAL_SHARE` of its uses, and it is neither

- a common word in lower case (`text.common_words`: English, Spanish, German, French;
  "PIN", "ATM", "USB", "API"), nor
- a known acronym: its capital form is a frequent word (`FREQUENT`) of the lexicon of a
  language the comments are in (`text.common_words.word_probabilities`: "NHS", "VAT",
  "VR", "DRM" in English, "ÖPNV" in German; not "AMS", "FCO", "CDG").

A capital word that is one of them but at least half of whose uses follow two words a code
follows ("arrived in MAD", "arrived in AMS") is a code too: "MAD" (Madrid), "BCN" are common
words of English and Spanish. An acronym the comments also write in lower case ("sms",
"wifi": more than 1 - `CAPITAL_SHARE` of its uses) stays a word. Texts written mostly in
capitals (most of their words of `SHOUT_LETTERS`+ letters) are not read, so "VERY BAD"
makes no code of "bad".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from feedback_nlp.text.common_words import is_common_word, word_probabilities

MAX_LETTERS = 4
CAPITAL_SHARE = 0.9
SHOUT_LETTERS = 5
#: Log-probability from which a capital form is a known acronym (`text.common_words`'s
#: frequent words: about the 30,000 most frequent English ones).
FREQUENT = -14.0
#: A run of letters between non-word characters ("AMS" and "FCO" of "AMS-FCO").
_WORD = re.compile(r"(?<![^\W_])[^\W\d_]+(?![^\W_])")


def code_words(texts: Iterable[str], langs: Iterable[str]) -> frozenset[str]:
    """The words (lower case) that `texts`, in `langs`, write as codes (see the module)."""
    capital, uses, after = _capital_uses(texts)
    candidates = [w for w, n in capital.items() if n >= CAPITAL_SHARE * uses[w]]
    if not candidates:
        return frozenset()
    known = frozenset().union(*(known_acronyms(lang) for lang in set(langs)))
    codes = {w for w in candidates if w not in known and not is_common_word(w)}
    slots = {pair for code in codes for pair in after[code] if pair}
    return frozenset(codes | {w for w in candidates if _in_code_slots(after[w], slots)})


def _in_code_slots(pairs: Counter[tuple[str, ...]], slots: set[tuple[str, ...]]) -> bool:
    """At least half of a word's capital uses follow two words a code follows ("arrived in")."""
    return 2 * sum(n for pair, n in pairs.items() if pair in slots) >= max(pairs.total(), 1)


def _capital_uses(
    texts: Iterable[str],
) -> tuple[Counter[str], Counter[str], dict[str, Counter[tuple[str, ...]]]]:
    """Per lower-cased word of the texts not shouted: its uses as a capital code, its uses,
    and the two words before each capital use."""
    capital: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    after: dict[str, Counter[tuple[str, ...]]] = {}
    for text in texts:
        words = _WORD.findall(text or "")
        if _shouted(words):
            continue
        for index, word in enumerate(words):
            uses[word.lower()] += 1
            if 2 <= len(word) <= MAX_LETTERS and word.isupper():
                capital[word.lower()] += 1
                before = tuple(w.lower() for w in words[index - 2 : index]) if index > 1 else ()
                after.setdefault(word.lower(), Counter())[before] += 1
    return capital, uses, after


@cache
def known_acronyms(lang: str) -> frozenset[str]:
    """The frequent words of `lang`'s lexicon written in capitals ("NHS"), in lower case;
    empty for a language without word probabilities."""
    probs = word_probabilities(lang).items()
    return frozenset(w.lower() for w, p in probs if p >= FREQUENT and w.isupper())


def _shouted(words: list[str]) -> bool:
    """Most of the words of `SHOUT_LETTERS`+ letters are in capitals ("WORST AIRLINE EVER")."""
    long_words = [w for w in words if len(w) >= SHOUT_LETTERS]
    return bool(long_words) and 2 * sum(w.isupper() for w in long_words) >= len(long_words)
