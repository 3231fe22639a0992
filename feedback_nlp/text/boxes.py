"""Answer boxes that say their polarity, and answers that say there is nothing to tell.

Review sites and surveys ask for praise and complaints in separate boxes ("What did you like?"
/ "What didn't you like?", Booking.com's positive and negative review, "Pros" / "Cons", "Was
hat Ihnen nicht gefallen?"). :func:`box_polarity` reads the polarity from the box's column
name or wording (the feedback table's ``question``) in en de fr es it pt nl: a word of liking
with a negation in the three words before it ("didn't like", "n'avez pas aimé", "non è
piaciuto") or a "least" word in the two after it ("like least") is negative. A box whose
wording says both ("pros and cons", "what did you like and dislike?") or neither has none.

:func:`only_nothing` tells an answer that only says there was nothing to complain about
("Nothing at all, everything fine.", "Nichts zu sagen, alles gut."): each of its clauses
judges nothing (:mod:`feedback_nlp.text.replies`), denies a problem
(:mod:`feedback_nlp.text.denials`), opens with a "nothing" word and one short complement
("nada que decir"), or is a positive reply, with or without an "all" word before it ("all
good", "tout parfait").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.complaints import CLAUSE_BREAK, SENTENCE_BREAK, contrast_cue, normalise
from feedback_nlp.text.denials import denies_problem
from feedback_nlp.text.replies import is_no_judgement_reply, reply_polarity

_LIKING = (
    "like liked enjoyed enjoy appreciated gefallen gefiel gefällt mochten aime aimé aimée aimés "
    "aimez plu apprécié gusta gustó gustaron gustado piace piaciuto piaciuta piaciuti piaciute "
    "gosta gostou gostei gostaram gostado beviel bevallen"
)
_NEGATORS = (
    "not n't didn't don't nicht kein keine pas ne n no non não nao niet geen weniger moins menos "
    "meno minder"
)
_LEAST = "least wenigsten moins menos meno minst"
#: Words and phrases of a positive box (folded: no accents, case-folded).
_POSITIVE = (
    r"positive?s?|positiv\w*|positif\w*|positiv[oa]s?|positief\w*|pros?|plus(punkte?)?|"
    r"good|best|went well|done well|did well|strengths?|highlights?|gut|am besten|vorteile?|"
    r"lob|points? forts?|bien|le mieux|lo mejor|puntos fuertes|bueno|punti di forza|il meglio|"
    r"pontos fortes|o melhor|bom|goed|het beste|voordel\w*|pluspunt\w*|sterke punten"
)
#: Words and phrases of a negative box (folded).
_NEGATIVE = (
    r"negative?s?|negativ\w*|negatif\w*|negativ[oa]s?|negatief\w*|cons|bad|worst|dislike[ds]?|"
    r"improve\w*|went wrong|wrong|weakness\w*|complaints?|problems?|downsides?|"
    r"(could|can|should)( \w+){0,2} better|(kan|kon|kann|konnte)( \w+){0,2} (beter|besser)|"
    r"(not|nicht|weniger|pas|no|non|nao|niet|minder)( so| zo| tan| cosi| tao)? "
    r"(good|well|gut|bien|bueno|bene|bom|goed)|schlecht\w*|verbesser\w*|nachteile?|kritik|"
    r"kontra|contra|ameliorer|amelioration|mauvais\w*|inconvenients?|points? faibles?|"
    r"le pire|mejorar|mejoras?|contras|malo|lo peor|puntos debiles|miglior\w*|difetti|"
    r"punti deboli|il peggio|melhorar|melhorias?|pontos fracos|ruim|o pior|verbeter\w*|"
    r"nadel\w*|minpunt\w*|slecht\w*|zwakke punten"
)
#: "would you like to", "like to": asking, not liking.
_ASKING = re.compile(r"\b(would|'d|wd)( \w+)? like\b|\blike to\b|\bfeel like\b")
_NOTHING = r"nothing|none|nichts|rien|nada|niente|nulla|niets|nenhum|nenhuma"
#: "nothing to report", "nada que decir", "rien de spécial" (folded; a complement of two words).
_NOTHING_CLAUSE = re.compile(
    rf"({_NOTHING})( (to|zu|a|da|que|de|di|om|para|in|at|en|au|im|special|particular|"
    rf"besonderes|particulier|especial|speciale|bijzonders)( \w+){{0,2}})?"
)
_ALL = re.compile(r"^(all|everything|alles|tout|todo|tutto|tudo|alle|allt)( \w+){0,2} ")

#: Below this probability of the label read, an answer in a box of the other polarity takes
#: the box's (measured in docs/sentiment_emotion.md).
BOX_CONFIDENCE = 0.7


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b")


_POSITIVE_CUE, _NEGATIVE_CUE = _cue(_POSITIVE), _cue(_NEGATIVE)
_LIKING_WORDS = frozenset(fold(_LIKING).split())
_NEGATOR_WORDS = frozenset(fold(_NEGATORS).split())
_LEAST_WORDS = frozenset(fold(_LEAST).split())


def _words_of(question: str) -> str:
    """`question` folded, with separators of column names (``_``, ``-``, ``.``) as spaces."""
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", fold(question).casefold()))


def _liking_polarities(words: list[str]) -> set[str]:
    """The polarity of each word of liking among `words`: negative after a negation in the
    three words before it or with a "least" word in the two after it."""
    found = set()
    for i, word in enumerate(words):
        if word not in _LIKING_WORDS:
            continue
        negated = any(w in _NEGATOR_WORDS or w.endswith("n't") for w in words[max(0, i - 3) : i])
        least = any(w in _LEAST_WORDS for w in words[i + 1 : i + 3])
        found.add("negative" if negated or least else "positive")
    return found


def box_polarity(question: str | None) -> str | None:
    """ "positive" or "negative" when the box's name or wording `question` says its polarity
    ("What did you like?", "negative_text", "Cons", "Was könnten wir verbessern?"); None
    when it says both, neither, or there is no question."""
    if question is None or not isinstance(question, str):
        return None
    text = _ASKING.sub(" ", _words_of(question))
    found = _liking_polarities(text.split())
    text, negatives = _NEGATIVE_CUE.subn(" ", text)
    found |= {"negative"} if negatives else set()
    found |= {"positive"} if _POSITIVE_CUE.search(text) else set()
    return found.pop() if len(found) == 1 else None


def _says_nothing(clause: str) -> bool:
    """A clause that judges nothing, denies a problem, says "nothing to report" or is a
    positive reply (after an optional "all" word: "all fine")."""
    words = _words_of(clause)
    if not words:
        return True
    if is_no_judgement_reply(clause) or denies_problem(clause):
        return True
    if _NOTHING_CLAUSE.fullmatch(words):
        return True
    return reply_polarity(_ALL.sub("", clause.strip().casefold(), count=1)) == "positive"


def only_nothing(text: str) -> bool:
    """True when each clause of `text` only says there was nothing to complain about (module
    docstring); a contrast word ("nothing, but …") rules it out."""
    if not text.strip() or contrast_cue().search(normalise(text)):
        return False
    clauses = [c for s in SENTENCE_BREAK.split(text) for c in CLAUSE_BREAK.split(s)]
    return all(_says_nothing(clause) for clause in clauses)


def box_read(
    probabilities: np.ndarray,
    texts: Sequence[str],
    questions: Sequence[str],
    labels: Sequence[str] = SENTIMENT_LABELS,
    confidence: float = BOX_CONFIDENCE,
) -> np.ndarray:
    """`probabilities` given the polarity of each row's box
    (:func:`feedback_nlp.text.boxes.box_polarity` of its question): in a negative box, an
    answer that only says there was nothing to complain about
    (:func:`feedback_nlp.text.boxes.only_nothing`) read negative is positive (neutral when it
    judges nothing), any other read neutral, or positive below `confidence`, is negative; in
    a positive box, an answer read negative below `confidence` is positive."""
    out = probabilities.copy()
    for row, (text, question) in enumerate(zip(texts, questions, strict=True)):
        box = box_polarity(question)
        if box is not None and text.strip():
            target = _box_target(out[row], text, box, labels, confidence)
            if target is not None:
                read = int(out[row].argmax())
                out[row, labels.index(target)] += out[row, read]
                out[row, read] = 0.0
    return out


def _box_target(
    row: np.ndarray, text: str, box: str, labels: Sequence[str], confidence: float
) -> str | None:
    """The label a comment read as `row` in a `box` box takes; None: the one read."""
    read, sure = labels[int(row.argmax())], float(row.max()) >= confidence
    if box == "positive":
        return "positive" if read == "negative" and not sure else None
    if only_nothing(text):
        return None if read != "negative" else _nothing_label(text)
    if read == "neutral" or (read == "positive" and not sure):
        return "negative"
    return None


def _nothing_label(text: str) -> str:
    """Neutral for a reply that judges nothing ("nichts"), else positive ("nothing, all
    fine")."""
    return "neutral" if is_no_judgement_reply(text) else "positive"
