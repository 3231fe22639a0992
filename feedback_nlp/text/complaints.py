"""Service failures stated in a comment ("arrived 6 days late", "charged twice", "still not
connected", "kam zu spät", "jamais reçu"): a complaint even without a judgement word.

The cues (`feedback_nlp/data/complaints/failure_cues.toml`, written for the project) cover
en de fr es it pt nl ru pl ro tr; every language's cues are tried on every comment, so a
misread language costs nothing. Text and cues are case-folded and accent-folded. A cue of the
``failure`` list ("late", "damaged", "missing", "verspätet") does not count after a negation
in the four words before it in the same clause ("not late", "nothing was missing", "keine
Verspätung", "sin retraso"); ``failed`` cues carry their own negation ("never arrived",
"funktioniert nicht"). No cue counts in a conditional clause ("if it arrives damaged") or in a
question, unless the question asks why ("why was I charged twice?"). The French and Spanish
"si" is not read as "if": the Italian reflexive "si" ("si è rotta") is spelled the same.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.text.sentences import CONTRAST_WORDS

#: Words before a cue that cancel it (folded; also any word ending in "n't").
NEGATIONS = frozenset(
    fold(
        "no not never nothing none nor neither without zero 0 hardly dont didnt doesnt wasnt "
        "werent isnt kein keine keinen keinem keiner keinerlei nicht nie niemals ohne nichts "
        "pas aucun aucune sans jamais rien ni sin ningun ninguna ninguno nunca nada non "
        "nessun nessuna nessuno senza mai niente nulla né não nao sem nenhum nenhuma nem geen "
        "niet nooit zonder niets niks не нет без ни никаких никакой никогда ничего nie bez "
        "żadnych żadnego żadnej żaden nigdy nic nu fără niciun nicio niciodată nimic hiç"
    ).split()
)
#: Words right after a cue that cancel it (Turkish negates after the noun: "gecikme yok").
NEGATIONS_AFTER = frozenset(fold("yok değil olmadı yaşamadım yaşanmadı").split())
_WINDOW_BEFORE, _WINDOW_AFTER = 4, 2
CONDITIONAL = re.compile(
    fold(
        r"(?<!\w)(?:if|in case|unless|what happens|wenn|falls|sofern|au cas|en caso|"
        r"in caso|caso|qualora|indien|если|jeśli|jeżeli|gdyby|dacă|eğer)(?!\w)"
    )
)
_WHY = re.compile(
    fold(
        r"(?<!\w)(?:why|how come|warum|wieso|weshalb|pourquoi|por qué|porque|perché|waarom|"
        r"почему|зачем|dlaczego|czemu|de ce|neden|niye)(?!\w)"
    )
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")
#: Folded, French "mais" and Portuguese "mas" ("but") are also Portuguese "mais" and Spanish
#: "más" ("more"): after "nunca", "jamais", "sin" or "no" and before "de", "do", "da", "um",
#: "uma" or "que" they mean "more" ("nunca mais compro", "sin más", "más de dos horas").
_MORE = r"(?<!nunca )(?<!jamais )(?<!sin )(?<!no )(?:mais|mas)(?! de | do | da | um | uma | que )"
CLAUSE_BREAK = re.compile(
    fold(
        r"[,;:()]|\s[-–—]\s|(?<!\w)(?:but|however|aber|doch|sondern|pero|sino|ma|però|"
        rf"porém|maar|но|ale|dar|ama|fakat|{_MORE})(?!\w)"
    )
)
WORD = re.compile(r"\w+(?:'\w+)?")


@dataclass(frozen=True)
class _Cues:
    failure: re.Pattern[str]
    failed: re.Pattern[str]


def cue_pattern(cue: str) -> str:
    """The regular expression of one cue of the data file (syntax in its header), without the
    word-start and word-end checks (:func:`any_cue` puts them around all cues at once)."""
    body = fold(cue.casefold()).replace(" ~ ", r"\W+(?:\w+\W+){0,3}?")
    return body.replace(" ", r"\W+").replace("*", r"\w*")


def any_cue(cues: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of `cues` (:func:`cue_pattern`, tried in the order given),
    starting at a word start and ending at a word end."""
    bodies = "|".join(cue_pattern(c) for c in cues)
    return re.compile(rf"(?<!\w)(?:{bodies})(?!\w)")


def longest_first_cue(words: Iterable[str]) -> re.Pattern[str]:
    """:func:`any_cue` of the distinct `words`, longest pattern first (so "problem*" is not
    taken where "problem solved" is listed too)."""
    return any_cue(sorted(set(words), key=lambda w: (-len(cue_pattern(w)), w)))


@lru_cache(maxsize=16)
def contrast_cue(lang: str | None = None) -> re.Pattern[str]:
    """The contrast words (`text.sentences.CONTRAST_WORDS`) of `lang`, of every language
    when it has none of its own: "Great food, but …" praises one thing and blames another."""
    if lang in CONTRAST_WORDS:
        return any_cue(CONTRAST_WORDS[lang])
    return any_cue(w for words in CONTRAST_WORDS.values() for w in words)


@lru_cache(maxsize=4)
def cue_lists(file_name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """The lists per language of a cue file in ``feedback_nlp/data/complaints``, as written."""
    data = resources.files("feedback_nlp") / "data" / "complaints" / file_name
    table = tomllib.loads(data.read_text(encoding="utf-8"))
    return {lang: {k: tuple(v) for k, v in lists.items()} for lang, lists in table.items()}


def failure_cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """The cues per language and list (``failure``, ``failed``), as written."""
    return cue_lists("failure_cues.toml")


@lru_cache(maxsize=1)
def _compiled() -> _Cues:
    cues = failure_cues()

    def joined(kind: str) -> re.Pattern[str]:
        return any_cue(c for lists in cues.values() for c in lists[kind])

    return _Cues(joined("failure"), joined("failed"))


def normalise(text: str) -> str:
    """Case-folded, accent-folded, typographic apostrophes made plain."""
    return fold(text.casefold().replace("’", "'").replace("ʼ", "'"))


def _negated(clause: str, start: int, end: int) -> bool:
    before = WORD.findall(clause[:start])[-_WINDOW_BEFORE:]
    after = WORD.findall(clause[end:])[:_WINDOW_AFTER]
    return any(w in NEGATIONS or w.endswith("n't") for w in before) or any(
        w in NEGATIONS_AFTER for w in after
    )


def _clause_cues(clause: str, cues: _Cues) -> list[str]:
    found = [m.group(0) for m in cues.failed.finditer(clause)]
    for match in cues.failure.finditer(clause):
        if not _negated(clause, match.start(), match.end()):
            found.append(match.group(0))
    return found


def failure_statements(text: str) -> list[str]:
    """The service-failure cues `text` states (folded text of each match, in order)."""
    cues, found, folded = _compiled(), [], normalise(text)
    if not (cues.failed.search(folded) or cues.failure.search(folded)):
        return found
    for sentence in SENTENCE_BREAK.split(folded):
        if sentence.rstrip().endswith("?") and not _WHY.search(sentence):
            continue
        for clause in CLAUSE_BREAK.split(sentence):
            if clause.strip() and not CONDITIONAL.search(clause):
                found.extend(_clause_cues(clause, cues))
    return found


def states_failure(text: str) -> bool:
    """True when `text` states a service failure (:func:`failure_statements`)."""
    return bool(failure_statements(text))
