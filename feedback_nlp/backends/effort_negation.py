"""Effort cues read as negated: "I didn't have to call again", "ich musste nicht noch einmal
anrufen", "tekrar aramadım" (for :mod:`feedback_nlp.backends.effort_cues`)."""

from __future__ import annotations

import re
from itertools import pairwise

from feedback_nlp.backends import effort_lexicon as lex
from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.backends.effort_sentences import SENTENCE_END


def words(pattern: str) -> re.Pattern[str]:
    """`pattern` matched at word starts (stems may run on: "relanc" finds "relances")."""
    return re.compile(fold(rf"(?<!\w)(?:{pattern})"))


OBLIGATION = words(rf"(?:{lex.OBLIGATION})(?!\w)")
_NEGATION = re.compile(fold(rf"(?:{lex.NEGATION})|\w+n't"))
_ONLY = re.compile(fold(lex.ONLY))
#: A negated obligation negates the rest of its clause: "didn't have to", "no need to", "pas eu
#: besoin de", "non ho dovuto", "musste nicht", "moest niet" (not "not only had to").
_NEGATED_OBLIGATION = words(
    rf"(?:{lex.NEGATION}|\w+n't)(?!\w)(?!\s+(?:{lex.ONLY})(?!\w))\s+(?:[\w']+\s+)?"
    rf"(?:{lex.OBLIGATION}|{lex.NEED})(?!\w)|"
    rf"(?:{lex.OBLIGATION})(?!\w)\s+(?:[\w']+\s+){{0,2}}?(?:{lex.NEGATION})(?!\w)"
)
_NEGATED_VERB = re.compile(fold(lex.NEGATED_VERB))
CLAUSE_END = re.compile(fold(rf"[,:;()–—-]|(?<!\w)(?:{lex.CLAUSE_LINK})(?!\w)"))


def normalise(text: str) -> str:
    """Casefolded, accent-folded text, one kind of apostrophe, single spaces (İ read as i)."""
    text = fold(text.replace("İ", "i").replace("’", "'").replace("`", "'").casefold())
    return re.sub(r"\s+", " ", text).strip()


def _clause_before(text: str, start: int) -> str:
    """The part of the clause of `start` before it (at most 200 characters back)."""
    lookback = max(0, start - 200)
    before = text[lookback:start].split(" ", 1)[-1] if lookback else text[:start]
    return CLAUSE_END.split(SENTENCE_END.split(before)[-1])[-1]


def negated(text: str, start: int, window: int = 3) -> bool:
    """True when one of the `window` words before `start` (same clause) is a negation, not one
    before "only" ("not only", "nicht nur"), or the clause's obligation before it is negated
    ("I didn't have to wait on hold", "je n'ai pas eu besoin de réexpliquer")."""
    before = _clause_before(text, start)
    pairs = list(pairwise([*before.split(), ""]))[-window:]
    if any(_NEGATION.fullmatch(word) and not _ONLY.fullmatch(next_) for word, next_ in pairs):
        return True
    return bool(_NEGATED_OBLIGATION.search(before))


def negated_match(text: str, match: re.Match[str]) -> bool:
    """True when `match` is negated before its first or its last word (:func:`negated`: "ich
    musste nicht noch einmal anrufen") or, in Turkish, by the suffix of its verb or the verb
    after it ("tekrar aramadım", "aramak zorunda kalmadım")."""
    end = match.end() + len(re.match(r"\w*", text[match.end() :]).group())  # the word's end
    last = max(text.rfind(" ", match.start(), end) + 1, match.start())  # its last word
    if negated(text, match.start()) or (last > match.start() and negated(text, last)):
        return True
    after = CLAUSE_END.split(SENTENCE_END.split(text[end : end + 60])[0])[0].split()
    verbs = text[last:end].split() + after[: 2 if after and OBLIGATION.fullmatch(after[0]) else 1]
    return any(_NEGATED_VERB.fullmatch(word) for word in verbs)


def found(pattern: re.Pattern[str], text: str) -> bool:
    """True when `pattern` occurs in `text` other than negated (:func:`negated_match`)."""
    return any(not negated_match(text, m) for m in pattern.finditer(text))
