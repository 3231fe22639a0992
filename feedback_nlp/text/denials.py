"""Problems a short comment denies ("No problems so far.", "Never had an issue with them.",
"Keine Wartezeit, sofort einen Termin bekommen.", "Aucun souci.", "Danke, das Problem ist
jetzt gelöst."): praise made of complaint words, which the sentiment model reads as negative
in every language measured.

The words (`feedback_nlp/data/complaints/denied_problems.toml`, written for the project)
cover en de fr es it pt nl ru pl ro tr; every language's words are tried on every comment.
A problem word is denied after a negation of :mod:`feedback_nlp.text.complaints` in the four
words before it in its clause (in Turkish, right after it: "sorun yok"), unless an "only"
word stands between ("nicht nur Ärger") or a word of solving follows ("no problem was
solved"). A problem word is denied too when, without a negation before it, a word of solving
follows it in the next three words with no negation between ("problem solved", "il problema
è risolto"; not "problem not fixed"). A ``denied`` phrase carries its own negation ("no
wait", "sans attendre").

A comment *denies a problem* when it has at most :data:`MAX_WORDS` words, denies at least
one problem and affirms none, states no service failure
(:func:`feedback_nlp.text.complaints.states_failure`) and holds no contrast word (those
the themes cut clauses at, `text.sentences.CONTRAST_WORDS`: "no problems with delivery,
but …"). Questions and conditional sentences ("is there no queue?",
"if there were no delays") deny nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.text.complaints import (
    CLAUSE_BREAK,
    CONDITIONAL,
    NEGATIONS,
    NEGATIONS_AFTER,
    SENTENCE_BREAK,
    WORD,
    contrast_cue,
    cue_lists,
    longest_first_cue,
    normalise,
    states_failure,
)

#: Longer comments usually say more than the denial, and the model reads them in context.
MAX_WORDS = 12
_WINDOW_BEFORE, _WINDOW_AFTER = 4, 3
#: Words between a negation and a problem word that keep it from being denied ("not only").
ONLY_WORDS = frozenset(
    fold("only just nur seulement solo sólo só alleen только лишь tylko doar sadece").split()
)
#: Starts of words of solving: after a problem word they make it solved ("issue fixed"), after a
#: negated one a problem not solved ("no issue was fixed").
SOLVING = tuple(
    fold(
        "solved fixed resolved sorted addressed gelöst behoben résolu réglé resuelto "
        "solucionado risolto resolvido opgelost verholpen решен исправ rozwiązan naprawion "
        "rezolvat çözül gideril"
    ).split()
)
_TURKISH_SOLVING = frozenset(fold("çözül gideril").split())


@dataclass(frozen=True)
class _Words:
    problems: re.Pattern[str]
    denied: re.Pattern[str]


def denial_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """The words per language and list (``problems``, ``denied``), as written."""
    return cue_lists("denied_problems.toml")


@lru_cache(maxsize=1)
def _compiled() -> _Words:
    words = denial_words()

    def joined(kind: str) -> re.Pattern[str]:
        return longest_first_cue(w for lists in words.values() for w in lists[kind])

    return _Words(joined("problems"), joined("denied"))


def problem_mentions(text: str) -> tuple[int, int]:
    """(problems denied, problems affirmed) in `text`; questions and conditional sentences
    deny nothing."""
    words, denied, affirmed = _compiled(), 0, 0
    for sentence in SENTENCE_BREAK.split(normalise(text)):
        asks = sentence.rstrip().endswith("?") or bool(CONDITIONAL.search(sentence))
        for clause in CLAUSE_BREAK.split(sentence):
            clause, phrases = words.denied.subn(" ", clause)
            denied += 0 if asks else phrases
            for match in words.problems.finditer(clause):
                if not asks and _denied(clause, match.start(), match.end()):
                    denied += 1
                else:
                    affirmed += 1
    return denied, affirmed


def _denied(clause: str, start: int, end: int) -> bool:
    before = WORD.findall(clause[:start])[-_WINDOW_BEFORE:]
    after = WORD.findall(clause[end:])[:_WINDOW_AFTER]
    negated = any(w in NEGATIONS or w.endswith("n't") for w in before) or any(
        w in NEGATIONS_AFTER for w in after
    )
    if not negated:
        return _solved(after)
    return not any(w in ONLY_WORDS for w in before) and not any(map(_solving, after))


def _solved(after: list[str]) -> bool:
    """A word of solving among `after` with no negation before it ("problem solved", "issue
    now fixed"; not "problem not solved")."""
    for word in after:
        if word in NEGATIONS or word.endswith("n't") or word in NEGATIONS_AFTER:
            return False
        if _solving(word):
            return True
    return False


def _solving(word: str) -> bool:
    """A word of solving, but not a Turkish one negated by its suffix ("çözülmedi")."""
    stem = next((s for s in SOLVING if word.startswith(s)), None)
    if stem is None:
        return False
    return not (stem in _TURKISH_SOLVING and word[len(stem) :].startswith(("me", "ma")))


def denies_problem(text: str) -> bool:
    """True when short `text` denies a problem and says nothing against (module docstring)."""
    if len(WORD.findall(text)) > MAX_WORDS or contrast_cue().search(normalise(text)):
        return False
    denied, affirmed = problem_mentions(text)
    return denied > 0 and affirmed == 0 and not states_failure(text)
