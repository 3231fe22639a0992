"""Keyword rules of a codebook entry: ``"late" NEAR "delivery"``, ``"rembours*"``.

A rule is terms in double quotes joined by AND, OR and NEAR[/n] (left to right; OR starts a
new alternative). NEAR/n: the terms' word positions differ by at most n ("charged" NEAR/2
"twice" matches "charged me twice"); plain NEAR is NEAR/5. A ``*`` at the end of a term's
word matches any ending ("caisse*": caisse, caisses).

Rule and text are cut into words the same way (`feedback_nlp.topics.rule_folding`): case
folded, a mark left out matches ("fidelite" matches "fidélité", "STRASSE" "straße") but a
different mark does not (Vietnamese "nguội" is not "người"), an elided article or pronoun
apart ("d'attente" is "d" "attente"), other signs read as breaks ("e-mail" is "e" "mail").
A term in a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) matches as
a run of characters anywhere in the text ("配達" in "配達が遅い"); NEAR/n with such a term
counts characters: at most 2n characters between the two terms (a Chinese or Japanese word
is mostly two characters), so plain NEAR allows 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.rule_folding import (
    Folded,
    fits,
    folded,
    is_unspaced,
    rule_words,
    word_pattern,
)

__all__ = ["NEAR_DEFAULT", "Rule", "parse_rule", "rule_words"]

NEAR_DEFAULT = 5
#: Characters allowed between two terms per unit of NEAR/n when a term is in an unspaced script.
UNSPACED_CHARACTERS_PER_WORD = 2
_TOKEN = re.compile(r'"([^"]+)"|(\bAND\b|\bOR\b|\bNEAR[^\s"]*)|(\S+)')
_NEAR = re.compile(r"NEAR(?:/(\d+))?")
_OPERATOR_LIKE = re.compile(r"(?i)^(and|or|near(?:/\d+)?|naer|not)$")

Span = tuple[int, int]  # first word, one past the last


@dataclass
class Rule:
    """A keyword rule: alternatives (OR) of terms joined by AND / NEAR[/n] (left to right)."""

    text: str
    alternatives: list[list[tuple[str, int]]]  # [(term, window)]; window 0: AND, n: NEAR/n

    def matches(self, words: list[str]) -> bool:
        """True when any alternative matches the words (`rule_words`) of a text."""
        seen = [folded(word) for word in words]
        return any(_alternative_matches(alt, seen) for alt in self.alternatives)


def parse_rule(text: str, label: str = "rule") -> Rule:
    """Parse `"a" NEAR "b"`, `"a b" AND "c*"`, `"x" OR "y"` (terms quoted; * ends a word)."""
    alternatives: list[list[tuple[str, int]]] = [[]]
    expect_term = True
    window = 0
    for match in _TOKEN.finditer(text):
        term, operator, stray = match.groups()
        if stray is not None:
            raise ConfigError(f"{label}: rule {text!r}: {_stray_problem(stray)}")
        if operator is not None:
            window = _window(operator, text, label)
        if expect_term:
            if term is None:
                raise ConfigError(f"{label}: rule {text!r}: a term is missing before {operator}")
            alternatives[-1].append((_term_words(term, text, label), window))
        elif operator is None:
            raise ConfigError(f"{label}: rule {text!r}: join terms with AND, OR or NEAR")
        elif operator == "OR":
            alternatives.append([])
        expect_term = not expect_term
    if expect_term:
        raise ConfigError(f"{label}: rule {text!r} is empty or ends with an operator")
    return Rule(text, alternatives)


def _window(operator: str, rule: str, label: str) -> int:
    """0 for AND and OR, n for NEAR/n (NEAR: NEAR/5); a misspelt NEAR is refused."""
    if operator in ("AND", "OR"):
        return 0
    near = _NEAR.fullmatch(operator)
    if near is None:
        raise ConfigError(f"{label}: rule {rule!r}: {_near_problem(operator)}")
    window = int(near.group(1) or NEAR_DEFAULT)
    if window == 0:
        raise ConfigError(
            f"{label}: rule {rule!r}: NEAR/0 would need two words in one place: "
            "use NEAR/1 (next to each other) or more"
        )
    return window


def _near_problem(operator: str) -> str:
    digits = re.sub(r"\D", "", operator)
    example = f"NEAR/{digits}" if digits else "NEAR or NEAR/n with a number n (NEAR/10)"
    return f"unknown operator {operator!r}: write {example}"


def _stray_problem(stray: str) -> str:
    if _OPERATOR_LIKE.match(stray):
        return f"unknown operator {stray!r}: use AND, OR or NEAR[/n] in capitals (there is no NOT)"
    if re.match(r"(?i)near", stray):
        return _near_problem(stray)
    return f"put terms in double quotes ({stray!r})"


def _term_words(term: str, rule: str, label: str) -> str:
    """A quoted term cut into words as texts are (`rule_words`), a final * kept."""
    parts: list[str] = []
    for part in term.split():
        if "*" in part.rstrip("*") or part.count("*") > 1:
            raise ConfigError(
                f"{label}: rule {rule!r}: in {term!r} a * may only end a word ('rembours*')"
            )
        words = rule_words(part.rstrip("*"))
        if words and part.endswith("*"):
            words[-1] += "*"
        parts += words
    if not parts:
        raise ConfigError(f"{label}: rule {rule!r}: the term {term!r} has no letters or digits")
    return " ".join(parts)


def _spans(term: str, words: list[Folded]) -> list[Span]:
    """Where the words of `term` stand one after the other in `words`."""
    parts = [word_pattern(part) for part in term.split()]
    first, rest = parts[0], parts[1:]
    return [
        (start, start + len(parts))
        for start in range(len(words) - len(rest))
        if fits(first, words[start])
        and all(fits(p, words[start + i]) for i, p in enumerate(rest, 1))
    ]


def _near(a: Span, b: Span, window: int, by_character: bool) -> bool:
    """NEAR/window: starts at most `window` words apart; by character, at most
    2 × `window` characters between the two terms."""
    if not by_character:
        return abs(a[0] - b[0]) <= window
    between = max(a[0], b[0]) - min(a[1], b[1])
    return between <= UNSPACED_CHARACTERS_PER_WORD * window


def _unspaced(term: str) -> bool:
    return any(is_unspaced(part) for part in term.split())


def _alternative_matches(alternative: list[tuple[str, int]], words: list[Folded]) -> bool:
    previous: list[Span] | None = None
    previous_term = ""
    for term, window in alternative:
        hits = _spans(term, words)
        if previous is not None and window > 0:
            by_character = _unspaced(term) or _unspaced(previous_term)
            hits = [h for h in hits if any(_near(h, p, window, by_character) for p in previous)]
        if not hits:
            return False
        previous, previous_term = hits, term
    return True
