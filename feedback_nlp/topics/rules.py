"""Keyword rules of a codebook entry: ``"late" NEAR "delivery"``, ``"rembours*"``.

A rule is terms in double quotes joined by AND, OR and NEAR[/n] (left to right; OR starts a
new alternative). NEAR/n: the terms' word positions differ by at most n ("charged" NEAR/2
"twice" matches "charged me twice"); plain NEAR is NEAR/5. A ``*`` at the end of a term's
word matches any ending ("caisse*": caisse, caisses).

Rule and text are cut into words the same way (`rule_words`): letters and digits, lower
case, accents and ß folded ("fidelite" matches "fidélité", "STRASSE" "straße"), an elided
article or pronoun apart ("d'attente" is "d" "attente", "l’application" "l" "application",
"dell'ordine" "dell" "ordine"), and other marks read as breaks ("click & collect" is "click"
"collect", "e-mail" "e" "mail"). Before stop 48 a word after an elision never matched, and
terms with marks or digits were accepted and never fired.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.contact_lines import ANY_PLACEHOLDER

NEAR_DEFAULT = 5
_TOKEN = re.compile(r'"([^"]+)"|(\bAND\b|\bOR\b|\bNEAR(?:/\d+)?\b)|(\S+)')
_OPERATOR_LIKE = re.compile(r"(?i)^(and|or|near(?:/\d+)?|naer|not)$")
_RULE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Elided articles, pronouns and prepositions (French, Italian, Catalan) cut from their word.
ELISIONS = frozenset((
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quelqu",
    "presqu", "dell", "dall", "nell", "sull", "all", "coll", "quell", "un", "nessun", "bell",
    "sant",
))  # fmt: skip
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d"})


@dataclass
class Rule:
    """A keyword rule: alternatives (OR) of terms joined by AND / NEAR[/n] (left to right)."""

    text: str
    alternatives: list[list[tuple[str, int]]]  # [(term, window)]; window 0: AND, n: NEAR/n

    def matches(self, words: list[str]) -> bool:
        """True when any alternative matches the words (`rule_words`) of a text."""
        return any(_alternative_matches(alt, words) for alt in self.alternatives)


def rule_words(text: str) -> list[str]:
    """The words a rule reads (module docstring): folded, elisions cut, marks as breaks,
    redaction placeholders left out (an "email" rule does not fire on `<EMAIL>`)."""
    if "<" in text:
        text = ANY_PLACEHOLDER.sub(" ", text)
    words: list[str] = []
    for word in _RULE_WORD.findall(_fold(text)):
        head, mark, rest = word.replace("’", "'").partition("'")
        if mark and head in ELISIONS:
            words.append(head)
            word = rest
        words.append(word)
    return words


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_rule(text: str, label: str = "rule") -> Rule:
    """Parse `"a" NEAR "b"`, `"a b" AND "c*"`, `"x" OR "y"` (terms quoted; * ends a word)."""
    alternatives: list[list[tuple[str, int]]] = [[]]
    expect_term = True
    window = 0
    for match in _TOKEN.finditer(text):
        term, operator, stray = match.groups()
        if stray is not None:
            raise ConfigError(f"{label}: rule {text!r}: {_stray_problem(stray)}")
        if expect_term:
            if term is None:
                raise ConfigError(f"{label}: rule {text!r}: a term is missing before {operator}")
            alternatives[-1].append((_term_words(term, text, label), window))
            expect_term = False
        else:
            if operator is None:
                raise ConfigError(f"{label}: rule {text!r}: join terms with AND, OR or NEAR")
            if operator == "OR":
                alternatives.append([])
                window = 0
            else:
                window = 0 if operator == "AND" else int(operator.partition("/")[2] or NEAR_DEFAULT)
                if operator.startswith("NEAR") and window == 0:
                    raise ConfigError(
                        f"{label}: rule {text!r}: NEAR/0 would need two words in one place: "
                        "use NEAR/1 (next to each other) or more"
                    )
            expect_term = True
    if expect_term:
        raise ConfigError(f"{label}: rule {text!r} is empty or ends with an operator")
    return Rule(text, alternatives)


def _stray_problem(stray: str) -> str:
    if _OPERATOR_LIKE.match(stray):
        return f"unknown operator {stray!r}: use AND, OR or NEAR[/n] in capitals (there is no NOT)"
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


def _positions(term: str, words: list[str]) -> list[int]:
    parts = term.split()
    hits = []
    for start in range(len(words) - len(parts) + 1):
        if all(_word_matches(p, words[start + i]) for i, p in enumerate(parts)):
            hits.append(start)
    return hits


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _alternative_matches(alternative: list[tuple[str, int]], words: list[str]) -> bool:
    previous: list[int] | None = None
    for term, window in alternative:
        hits = _positions(term, words)
        if not hits:
            return False
        if previous is not None and window > 0:
            hits = [h for h in hits if any(abs(h - p) <= window for p in previous)]
            if not hits:
                return False
        previous = hits
    return True
