"""Answers that say there is nothing to tell, for the answer boxes of
:mod:`feedback_nlp.text.boxes`.

:func:`only_nothing` tells an answer that only says there was nothing to complain about
("Nothing at all, everything fine.", "Nichts zu sagen, alles gut.", "Can't think of
anything"): each of its clauses judges nothing (:mod:`feedback_nlp.text.replies`), denies a
problem (:mod:`feedback_nlp.text.denials`), is a "nothing" word with a "saying" complement
("nada que decir", "nothing to report"; not "nothing to do") or an intensifier ("nothing at
all"), is short praise ("loved it", "keep it up"), or is a positive reply, with or without an
"all" word or subject before it ("all good", "it was great"), or contentment ("I'm happy").
:func:`is_only_nothing` tells an answer that is only "nothing" ("Nichts."), and
:func:`recalls_nothing` one that says nothing comes to mind ("Can't think of anything",
"Nothing comes to mind"): no answer, not a verdict.
"""

from __future__ import annotations

import re

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.text.complaints import CLAUSE_BREAK, SENTENCE_BREAK, contrast_cue, normalise
from feedback_nlp.text.denials import denies_problem
from feedback_nlp.text.replies import is_no_judgement_reply, reply_polarity

NEGATION = r"not|nicht|pas|no|non|nao|niet|never"

_NOTHING_WORD = (
    r"nothing|none|nichts|rien|nada|niente|nulla|niets|niks|nenhum|nenhuma|not a thing|"
    r"not one thing"
)
_NOTHING = rf"{_NOTHING_WORD}|no negatives?|nothing negative"
_LEAD = (
    r"honestly|really|absolutely|simply|truly|frankly|literally|ehrlich gesagt|wirklich|"
    r"absolut|vraiment|absolument|sinceramente|realmente|davvero|echt|eerlijk gezegd"
)
#: "nothing at all", "nothing in particular", "rien de spécial", "nothing comes to mind".
_TAIL = (
    r"at all|really|much|else|whatsoever|honestly|in particular|particular|(de |di |in )?"
    r"(special|particulier|especial|speciale|besonderes|bijzonders)|uberhaupt|du tout|"
    r"de nada|en absoluto|per niente|mesmo|comes to mind|springs to mind|(that )?i can think of"
)
#: "to report", "zu beanstanden", "que decir", "à signaler" (folded): saying, never doing.
_SAYING = (
    r"( (much|more|else|further|weiter|mehr|plus|mas|altro|mais|meer))? "
    r"(to|zu|a|da|que|de|te|om te|para|di) (report|add|say|complain|mention|improve|change|"
    r"comment|note|sagen|melden|beanstanden|bemangeln|erganzen|verbessern|andern|signaler|"
    r"dire|ajouter|redire|reprocher|ameliorer|changer|decir|anadir|comentar|destacar|mejorar|"
    r"cambiar|reprochar|segnalare|aggiungere|migliorare|cambiare|lamentare|assinalar|dizer|"
    r"acrescentar|melhorar|mudar|reclamar|apontar|zeggen|verbeteren|opmerken|aanmerken|"
    r"klagen)( about| of| on)?"
)
_NOTHING_CLAUSE = re.compile(
    rf"(({_LEAD}) )?({_NOTHING})(( (?:{_TAIL})){{0,2}}|{_SAYING})|"
    r"(i )?(can't|cant|cannot|can not) think of any(thing)?( else)?|mir fallt nichts ein|"
    r"nothing wrong( with (it|them|anything))?|(i )?(wouldn't|wouldnt|would not) change "
    r"(a thing|anything)"
)
#: "Nothing.", "Nothing at all, honestly", "No, the shower was broken": an answer that opens
#: saying there was nothing (to praise).
_NOTHING_OPENING = re.compile(
    rf"(({_LEAD}) )?({_NOTHING}|no|nope|not really|nein|non|nee|nao)( (?:{_TAIL})){{0,2}}"
)
#: "Nothing.", "Honestly, nothing at all", "Nichts": an answer that is only "nothing".
_NOTHING_ONLY = re.compile(rf"(({_LEAD}) )?({_NOTHING_WORD})( (?:{_TAIL})){{0,2}}")
#: "loved it", "keep it up", "I'm happy" (folded).
_PRAISE = re.compile(
    r"(i |we )?(loved?|enjoyed|liked) (it|everything|all of it|the stay|our stay)( all)?|"
    r"((i'm|im|i am|we're|we are)( (very|really|quite|so|more than))? )?(happy|satisfied|"
    r"content|pleased)( with (it|everything|things|that|all of it))?|"
    r"keep (it up|up the good work)|weiter so|continuez (ainsi|comme ca)|sigan asi|"
    r"continuate cosi|continuem assim|ga zo door"
)
_ALL = re.compile(
    r"^(all|everything|alles|tout|todo|tutto|tudo|alle|allt|it|that|this|es|das|c'est|"
    rf"c'était|era|foi|het)( (?!(?:{NEGATION})\b)\w+){{0,2}} "
)
#: "Can't think of anything", "Nothing comes to mind", "Mir fällt nichts ein" (folded): no
#: answer comes to mind.
_RECALLS_NOTHING = re.compile(
    r"(i )?(can't|cant|cannot|can not) think of any(thing)?( else)?|"
    r"(nothing|none|not (that|anything))( (really|else))?( (that )?i can think of|"
    r" (comes|springs) to mind)|mir fallt nichts ein|rien ne me vient( a l'esprit)?|"
    r"no se me ocurre nada|non mi viene in mente nulla|niets dat ik kan bedenken"
)


def words_of(question: str) -> str:
    """`question` folded, with separators of column names (``_``, ``-``, ``.``) as spaces."""
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(question).casefold()))


def _says_nothing(clause: str) -> bool:
    """A clause that judges nothing, denies a problem, says "nothing to report", is short
    praise or is a positive reply (after an optional "all" word or subject: "all fine")."""
    words = words_of(clause)
    if not words:
        return True
    if is_no_judgement_reply(clause) or denies_problem(clause):
        return True
    if _NOTHING_CLAUSE.fullmatch(words) or _PRAISE.fullmatch(words):
        return True
    return reply_polarity(_ALL.sub("", clause.strip().casefold(), count=1)) == "positive"


def _clauses(text: str) -> list[str]:
    """The clauses of `text`, sentence by sentence."""
    return [c for s in SENTENCE_BREAK.split(text) for c in CLAUSE_BREAK.split(s)]


def only_nothing(text: str) -> bool:
    """True when each clause of `text` only says there was nothing to complain about (module
    docstring); a contrast word ("nothing, but …") rules it out."""
    if not text.strip() or contrast_cue().search(normalise(text)):
        return False
    return all(_says_nothing(clause) for clause in _clauses(text))


def opens_with_nothing(text: str) -> bool:
    """True when `text` opens with a clause that only says "nothing" or "no" ("Nothing.",
    "Nothing at all, honestly", "No, the shower was broken")."""
    first = next((c for c in _clauses(text) if words_of(c)), "")
    return bool(_NOTHING_OPENING.fullmatch(words_of(first)))


def is_only_nothing(text: str) -> bool:
    """True when `text` only says "nothing" ("Nothing.", "Honestly, nothing at all",
    "Nichts", "rien du tout"; not "Nothing to report", "Nothing, the room was dirty")."""
    return bool(_NOTHING_ONLY.fullmatch(words_of(text)))


def recalls_nothing(text: str) -> bool:
    """True when `text` only says nothing comes to mind ("Can't think of anything", "Nothing
    I can think of", "Nothing comes to mind"): no answer, in any box."""
    return bool(_RECALLS_NOTHING.fullmatch(words_of(text)))
