"""Names of airline crew and thanks in French, Italian and Dutch, for
:func:`feedback_nlp.text.people.redact_names` (since stop 53):

- a crew role before a name (``Steward Daan``, ``Stewardess Carmen``, ``Flight attendant
  Marco``, ``Captain Jansen``, ``The purser, Sophie``, ``Flugbegleiterin Anna``, ``azafata
  Lucía``), treated as the care titles are (:mod:`feedback_nlp.text.people_titles`): the name
  must hold a word that is no common word, except that a capitalised English role takes one
  word written as often capitalised as not (``Captain Will``) when no capitalised word
  follows; ``Captain Morgan`` (a drink), ``Captain America``, ``Pilot Program``, ``Captain
  Obvious`` stay;
- thanks to a capitalised name (``Merci à Julien``, ``Grazie a Giulia!``, ``Bedankt Daan``):
  one known first name (:mod:`feedback_nlp.text.people_first_names`; ``Grazie a Ryanair``,
  ``Merci à Fnac``, ``Grazie a Roma`` stay), not in capitals (``Bedankt KLM``); ``Merci à
  tous``, ``Grazie a Dio``, ``Bedankt voor`` stay.
"""

from __future__ import annotations

import re

from feedback_nlp.text.care_names import is_plain_word
from feedback_nlp.text.people_cues import NOT_CUE_NAMES, Measure, names_someone
from feedback_nlp.text.people_first_names import is_first_name
from feedback_nlp.text.people_words import (
    NAME_WORDS,
    NOT_CUE_BRANDS,
    is_title_case,
    name_word_count,
)

_ROLES = (
    r"steward|stewardess|stewardessen|flight attendant|cabin attendant|cabin crew member|"
    r"crew member|purser|captain|pilot|co-pilot|copilot|first officer|air hostess|"
    r"flugbegleiter(?:in)?|kapitän(?:in)?|pilotin|hôtesse(?: de l['’]air)?|chef de cabine|"
    r"commandant(?: de bord)?|azafata|auxiliar de vuelo|sobrecargo|capitán|comandante|"
    r"comissári[oa](?: de bordo)?|assistente di volo|gezagvoerder|kapitein"
)
_CREW = re.compile(rf"(?<![\w'’])(?P<role>{_ROLES})(?![\w'’])[ \t]*,?[ \t]*{NAME_WORDS}", re.I)
#: English roles that, capitalised, take a one-word name of common words ("Captain Will").
_LAX_ROLES = frozenset(["steward", "stewardess", "captain", "purser", "pilot"])
#: Capitalised words after a role that make it a character, a drink or a compound.
_NOT_CREW_NAMES = frozenset(
    """morgan america marvel hook obvious planet crunch birdseye kirk picard sparrow haddock
    underpants tsubasa nemo flam price toad falcon britain cold jack fantastic scarlet scarlett
    program programme training scheme licence license project episode""".split()  # noqa: SIM905
)
_THANKS = re.compile(
    rf"(?<![\w'’])(?i:merci [àa]|grazie (?:mille )?ad?|bedankt|dank je wel|dank u wel|"
    rf"dankjewel|dankuwel)[ \t]*,?[ \t]+{NAME_WORDS}"
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
#: A word that goes on with a dot and a letter: an abbreviation ("R.I.P."), no name.
_DOTTED = re.compile(r"\.[^\W\d_]")


def _is_abbreviation(match: re.Match[str], taken: list[str]) -> bool:
    """Whether the first taken word is one letter or goes on as a dotted abbreviation."""
    end = match.start("name") + len(taken[0])
    return len(taken[0]) < 2 or _DOTTED.match(match.string, end) is not None


def _crew_words(match: re.Match[str]) -> list[str]:
    """The capitalised words after a role or thanks that can be a name (none in capitals)."""
    words = match.group("name").split()[:3]
    taken = words[: name_word_count(words, NOT_CUE_NAMES)]
    if not taken or not taken[0][0].isupper():
        return []
    if any(w.isupper() and len(w) > 1 for w in taken):
        return []
    return taken


def _takes_plain_name(match: re.Match[str], taken: list[str]) -> bool:
    """Whether a capitalised English role takes a one-word name of common words."""
    role = match.group("role")
    if role.lower() not in _LAX_ROLES or not role[0].isupper() or len(taken) > 1:
        return False
    if is_plain_word(taken[0].strip("'’-")) or is_title_case(match.string):
        return False
    following = _NEXT_WORD.match(match.string, match.start("name") + len(taken[0]))
    return following is None or not following.group(1).isupper()


def _crew_name(match: re.Match[str]) -> int:
    """The length of a crew member's name after a role (0: none)."""
    taken = _crew_words(match)
    if not taken or taken[0].lower() in _NOT_CREW_NAMES | NOT_CUE_BRANDS:
        return 0
    if _is_abbreviation(match, taken):
        return 0  # "Captain, my Captain, R.I.P."
    if match.group("role").lower() == "pilot" and len(taken) == 1 and not is_first_name(taken[0]):
        return 0  # a pen: "Pilot Frixion pens"
    if not names_someone(taken) and not _takes_plain_name(match, taken):
        return 0
    return len(" ".join(match.group("name").split()[: len(taken)]))


def _thanked_name(match: re.Match[str]) -> int:
    """The length of a one-word name after French, Italian or Dutch thanks (0: none): a known
    first name, since a brand or a city is thanked as often ("Merci à Fnac", "Grazie a Roma")."""
    taken = _crew_words(match)[:1]
    if not taken or not is_first_name(taken[0]) or _is_abbreviation(match, taken):
        return 0
    return 0 if is_title_case(match.string) else len(taken[0])


_HINT = re.compile(rf"(?i)\b(?:{_ROLES}|merci|grazie|bedankt|dank)")


def may_name_crew(text: str) -> bool:
    """Cheap test before `CREW`: a role or a thanks word in `text`."""
    return _HINT.search(text) is not None


#: The patterns and their measures.
CREW: tuple[tuple[re.Pattern[str], Measure], ...] = ((_CREW, _crew_name), (_THANKS, _thanked_name))
