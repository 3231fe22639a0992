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
wait", "sans attendre", "painless", "couldn't fault"); after a negation in the two words
before it, it states the problem ("not painless"). A ``close`` problem word (pain, hurt) is
denied only when the negation stands right before it or with at most two
:data:`BRIDGE_WORDS` between ("no pain", "never felt any pain", "didn't hurt"; not "didn't
help my pain"). ``other_senses`` phrases ("pain relief") are taken out first: their problem
word names something else.

A comment *denies a problem* when it has at most :data:`MAX_WORDS` words, denies at least
one problem and affirms none, states no service failure
(:func:`feedback_nlp.text.complaints.states_failure`) and holds no contrast word (those
the themes cut clauses at, `text.sentences.CONTRAST_WORDS`: "no problems with delivery,
but …"). Questions and conditional sentences ("is there no queue?",
"if there were no delays") deny nothing, nor does a denial up to a moment (:data:`UNTIL`:
"No problems until the bill came"), nor one with an exception (:data:`EXCEPT`: "No issues apart
from the rude receptionist", "Keine Probleme außer dem Check-in") or a sarcastic tail
(:data:`SARCASM`: "No problems, yeah right", "No complaints, said no one").
:func:`plainly_denies_problem` tells one that says nothing more: at most
:data:`PLAIN_MAX_WORDS` words or one clause ("No problem with the food, the service was slow"
says more).
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
#: Words that may stand between a negation and a ``close`` problem word ("never felt any pain").
BRIDGE_WORDS = frozenset(
    fold(
        "any the a slightest real much bit of at all felt feel feeling have had has "
        "experienced was were is there in too"
    ).split()
)
_CLOSE_BRIDGE = 2
_PHRASE_WINDOW = 2
#: Negations of a predicate that, before a denied phrase, make it state the problem ("not
#: painless", "wasn't pain free"); not intensifiers such as Turkish "hiç" ("hiç beklemeden").
PHRASE_NEGATIONS = frozenset(
    fold("not never nicht pas non niet nie ne не nu hardly barely scarcely kaum").split()
)
#: Two-word negations of a predicate before a denied phrase ("far from painless").
PHRASE_NEGATION_PAIRS = frozenset({"far from", "anything but", "loin d'etre", "alles andere als"})
#: After a ``close`` problem word, words that make it a pain compared, not denied ("never felt
#: pain like it", "never had pain like that in my life").
_COMPARED = re.compile(r"\W+like (it|that|this|never|before)\b")
#: "Until" words: a problem denied up to a moment came after it ("No problems until the bill
#: came", "Sin problemas hasta que llegó la factura"); not "until now", "bis jetzt" (so far).
UNTIL = re.compile(
    fold(
        r"(?<!\w)(?:(?:until|till|untill) (?!now|today|date|this point)|hasta que|"
        r"jusqu'a ce que|jusqu'au moment|bis (?!jetzt|heute|dato|hierhin|dahin)\w|"
        r"finche|fino a quando|ate que|totdat|tot het moment|пока не|dopoki|pana (?:cand|ce))"
    )
)

#: Exception words: a problem denied but one ("No issues apart from the rude receptionist").
EXCEPT = re.compile(
    fold(
        r"(?<!\w)(?:apart from|aside from|besides|other than|except|but for|ausser|"
        r"abgesehen von|bis auf|sauf|a part|hormis|excepte|excepto|salvo|aparte de|"
        r"a excepcion de|tranne|eccetto|a parte|exceto|tirando|a excecao de|behalve|"
        r"op \w+ na|кроме|за исключением|oprocz|z wyjatkiem|cu exceptia|in afara de|"
        r"disinda|haric)(?!\w)"
    )
)
#: A sarcastic tail that takes a denial back ("No problems, yeah right", "said no one").
SARCASM = re.compile(
    r"(?<!\w)(?:yeah right|yeah sure|said no one|said nobody|as if|ja klar|"
    r"c'est ca oui|si claro)(?!\w)"
)
#: A denial of at most so many words says nothing more, whatever its clauses ("Keine
#: Probleme, der Zähler wurde pünktlich getauscht."); longer ones must be one clause.
PLAIN_MAX_WORDS = 8


@dataclass(frozen=True)
class _Words:
    problems: re.Pattern[str]
    denied: re.Pattern[str]
    close: re.Pattern[str] | None
    other_senses: re.Pattern[str] | None


def denial_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """The words per language and list (``problems``, ``denied``; optional ``close`` and
    ``other_senses``), as written."""
    return cue_lists("denied_problems.toml")


@lru_cache(maxsize=1)
def _compiled() -> _Words:
    words = denial_words()

    def joined(kind: str) -> re.Pattern[str] | None:
        found = [w for lists in words.values() for w in lists.get(kind, ())]
        return longest_first_cue(found) if found else None

    problems, denied = joined("problems"), joined("denied")
    assert problems is not None and denied is not None
    return _Words(problems, denied, joined("close"), joined("other_senses"))


def problem_mentions(text: str) -> tuple[int, int]:
    """(problems denied, problems affirmed) in `text`; questions and conditional sentences
    deny nothing."""
    words, denied, affirmed = _compiled(), 0, 0
    for sentence in SENTENCE_BREAK.split(normalise(text)):
        asks = sentence.rstrip().endswith("?") or bool(CONDITIONAL.search(sentence))
        for clause in CLAUSE_BREAK.split(sentence):
            clause_denied, clause_affirmed = _clause_mentions(clause, words, asks)
            denied, affirmed = denied + clause_denied, affirmed + clause_affirmed
    return denied, affirmed


def _clause_mentions(clause: str, words: _Words, asks: bool) -> tuple[int, int]:
    """(problems denied, problems affirmed) in one clause; `asks`: it denies nothing."""
    if words.other_senses is not None:
        clause = words.other_senses.sub(" ", clause)
    clause, phrases, negated_phrases = _denied_phrases(clause, words.denied)
    denied, affirmed = (0 if asks else phrases), negated_phrases
    kinds = ((words.problems, False), (words.close, True))
    for pattern, close in ((p, c) for p, c in kinds if p is not None):
        for match in pattern.finditer(clause):
            compared = close and _COMPARED.match(clause, match.end()) is not None
            if not asks and not compared and _denied(clause, match.start(), match.end(), close):
                denied += 1
            else:
                affirmed += 1
    return denied, affirmed


def _denied_phrases(clause: str, pattern: re.Pattern[str]) -> tuple[str, int, int]:
    """`clause` with its denied phrases blanked, the number of them, and the number of them
    after a negation in the two words before ("not painless": a problem stated)."""
    found = list(pattern.finditer(clause))
    negated = sum(
        _phrase_negated(WORD.findall(clause[: m.start()])[-_PHRASE_WINDOW:]) for m in found
    )
    return pattern.sub(" ", clause), len(found) - negated, negated


def _phrase_negated(before: list[str]) -> bool:
    """A negation among the words `before` a denied phrase that makes it state the problem
    ("not painless", "hardly painless", "far from painless")."""
    pair = " ".join(before[-2:]) in PHRASE_NEGATION_PAIRS
    return pair or any(w in PHRASE_NEGATIONS or w.endswith("n't") for w in before)


def _negation(word: str) -> bool:
    """A negation of :mod:`feedback_nlp.text.complaints`, or any word ending in "n't"."""
    return word in NEGATIONS or word.endswith("n't")


def _denied(clause: str, start: int, end: int, close: bool = False) -> bool:
    before = WORD.findall(clause[:start])[-_WINDOW_BEFORE:]
    after = WORD.findall(clause[end:])[:_WINDOW_AFTER]
    if close:
        before = _close_before(before)
    negated = any(map(_negation, before)) or any(w in NEGATIONS_AFTER for w in after)
    if not negated:
        return _solved(after)
    return not any(w in ONLY_WORDS for w in before) and not any(map(_solving, after))


def _close_before(before: list[str]) -> list[str]:
    """The words of `before` from the last word that is not a bridge word on, at most
    :data:`_CLOSE_BRIDGE` bridge words after it ("never felt any" of "never felt any pain";
    "my" of "didn't help my pain")."""
    bridge = 0
    while bridge < min(_CLOSE_BRIDGE, len(before) - 1) and before[-1 - bridge] in BRIDGE_WORDS:
        bridge += 1
    return before[-1 - bridge :]


def _solved(after: list[str]) -> bool:
    """A word of solving among `after` with no negation before it ("problem solved", "issue
    now fixed"; not "problem not solved")."""
    for word in after:
        if _negation(word) or word in NEGATIONS_AFTER:
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
    folded = normalise(text)
    if len(WORD.findall(text)) > MAX_WORDS or contrast_cue().search(folded):
        return False
    if UNTIL.search(folded) or EXCEPT.search(folded) or SARCASM.search(folded):
        return False
    denied, affirmed = problem_mentions(text)
    return denied > 0 and affirmed == 0 and not states_failure(text)


def plainly_denies_problem(text: str) -> bool:
    """True when `text` denies a problem (:func:`denies_problem`) and says nothing more: at
    most :data:`PLAIN_MAX_WORDS` words, or one clause."""
    if not denies_problem(text):
        return False
    if len(WORD.findall(text)) <= PLAIN_MAX_WORDS:
        return True
    clauses = (c for s in SENTENCE_BREAK.split(normalise(text)) for c in CLAUSE_BREAK.split(s))
    return sum(bool(WORD.search(c)) for c in clauses) == 1
