"""Answer boxes that say their polarity, and answers that say there is nothing to tell.

Review sites and surveys ask for praise and complaints in separate boxes ("What did you like?"
/ "What didn't you like?", Booking.com's positive and negative review, "Pros" / "Cons", "Was
hat Ihnen nicht gefallen?"). :func:`box_polarity` reads the polarity from the box's column
name or wording (the feedback table's ``question``) in en de fr es it pt nl: a word of liking
with a negation in the three words before it ("didn't like", "n'avez pas aimé", "non è
piaciuto") or a "least" word in the two after it ("like least") is negative, and so is a word
of improvement ("better", "verbessern", "améliorer"). A box whose wording says both ("pros and
cons", "likes / dislikes", "what was good, what was not?") or neither has none; so has a
column name (no space, no "?") with a word that is not a box word ("positive_id",
"best_time_to_call").

:func:`only_nothing` tells an answer that only says there was nothing to complain about
("Nothing at all, everything fine.", "Nichts zu sagen, alles gut.", "Can't think of
anything"): each of its clauses judges nothing (:mod:`feedback_nlp.text.replies`), denies a
problem (:mod:`feedback_nlp.text.denials`), is a "nothing" word with a "saying" complement
("nada que decir", "nothing to report"; not "nothing to do") or an intensifier ("nothing at
all"), is short praise ("loved it", "keep it up"), or is a positive reply, with or without an
"all" word or subject before it ("all good", "it was great"). :func:`praises_nothing` tells an
answer that is only "nothing" in a positive box ("What worked well?" "Nichts."): a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.complaints import CLAUSE_BREAK, SENTENCE_BREAK, contrast_cue, normalise
from feedback_nlp.text.denials import denies_problem
from feedback_nlp.text.replies import is_no_judgement_reply, reply_polarity

_LIKING = (
    "like likes liking liked enjoyed enjoy appreciated gefallen gefiel gefällt mochten aime aimé "
    "aimée aimés aimez plu apprécié gusta gustó gustaron gustado piace piaciuto piaciuta piaciuti "
    "piaciute gosta gostou gostei gostaram gostado beviel bevallen"
)
_NEGATORS = (
    "not n't didn't don't nicht kein keine pas ne n no non não nao niet geen weniger moins menos "
    "meno minder"
)
_LEAST = "least wenigsten moins menos meno minst"
#: Words and phrases of a positive box (folded: no accents, case-folded).
_POSITIVE = (
    r"positive?s?|positiv\w*|positif\w*|positiv[oa]s?|positief\w*|pros?|plus(es|punkte?)?|"
    r"good|best|went well|done well|did well|works? well|worked well|strengths?|highlights?|"
    r"gut|am besten|vorteile?|"
    r"lob|points? forts?|bien|le mieux|lo mejor|puntos fuertes|bueno|punti di forza|il meglio|"
    r"pontos fortes|o melhor|bom|goed|het beste|voordel\w*|pluspunt\w*|sterke punten"
)
#: Words and phrases of a negative box (folded).
_NEGATIVE = (
    r"negative?s?|negativ\w*|negatif\w*|negativ[oa]s?|negatief\w*|cons|bad|worst|dislike[ds]?|"
    r"improve\w*|went wrong|wrong|weakness\w*|complaints?|problems?|downsides?|better|"
    r"besser|beter|minus(es|punkte?)?|"
    r"(not|nicht|weniger|pas|no|non|nao|niet|minder)( so| zo| tan| cosi| tao)? "
    r"(good|well|gut|bien|bueno|bene|bom|goed)|(do|does|did|has|have)(n't|n t| not) "
    r"(go|goes|gone|work|worked) well|schlecht\w*|verbesser\w*|nachteile?|kritik|"
    r"kontra|contra|ameliorer|amelioration|mauvais\w*|inconvenients?|points? faibles?|"
    r"le pire|mejorar|mejoras?|contras|malo|lo peor|puntos debiles|miglior\w*|difetti|"
    r"punti deboli|il peggio|melhorar|melhorias?|pontos fracos|ruim|o pior|verbeter\w*|"
    r"nadel\w*|minpunt\w*|slecht\w*|zwakke punten"
)
_NEGATION = r"not|nicht|pas|no|non|nao|niet|never"
#: "would you like to", "what would make you like us more", "like to": asking, not liking.
_ASKING = re.compile(
    rf"\b(would|'d|wd)( (?!(?:{_NEGATION})\b)\w+){{0,3}} like\b|\blike to\b|\bfeel like\b"
)
#: "what was good, what was not?": a negation that ends a clause of the question (folded).
_ENDS_NEGATED = re.compile(rf"\b({_NEGATION}|\w+n['’]t)\s*([?.!,;:/)]|$)")
#: Words a column name may hold besides its polarity ("negative_text", "Q3_pros_review").
_BOX_NAMES = (
    "text texts review reviews comment comments feedback answer answers box remark remarks "
    "note notes verbatim response responses open free freetext opinion what did you your most "
    "the and q points punkte kommentar kommentare bemerkungen anmerkungen antwort texte "
    "commentaire commentaires avis remarques reponse comentario comentarios respuesta commento "
    "commenti risposta testo texto resposta opmerking opmerkingen antwoord tekst"
)
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
#: "loved it", "keep it up" (folded).
_PRAISE = re.compile(
    r"(i |we )?(loved?|enjoyed|liked) (it|everything|all of it|the stay|our stay)( all)?|"
    r"keep (it up|up the good work)|weiter so|continuez (ainsi|comme ca)|sigan asi|"
    r"continuate cosi|continuem assim|ga zo door"
)
_ALL = re.compile(
    r"^(all|everything|alles|tout|todo|tutto|tudo|alle|allt|it|that|this|es|das|c'est|"
    rf"c'était|era|foi|het)( (?!(?:{_NEGATION})\b)\w+){{0,2}} "
)

#: Below this probability of the label read, an answer in a box of the other polarity takes
#: the box's (measured in docs/sentiment_emotion.md).
BOX_CONFIDENCE = 0.7
#: Below this probability of neutral, an answer in a negative box read neutral is negative.
NEUTRAL_CONFIDENCE = 0.85


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b")


_POSITIVE_CUE, _NEGATIVE_CUE = _cue(_POSITIVE), _cue(_NEGATIVE)
_LIKING_WORDS = frozenset(fold(_LIKING).split())
_NEGATOR_WORDS = frozenset(fold(_NEGATORS).split())
_BOX_WORDS = frozenset(_BOX_NAMES.split())
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


@lru_cache(maxsize=4096)
def box_polarity(question: str | None) -> str | None:
    """ "positive" or "negative" when the box's name or wording `question` says its polarity
    ("What did you like?", "negative_text", "Cons", "Was könnten wir verbessern?"); None
    when it says both, neither, or there is no question (cached: questions repeat)."""
    if question is None or not isinstance(question, str):
        return None
    text = _ASKING.sub(" ", _words_of(question))
    found = _liking_polarities(text.split())
    text, negatives = _NEGATIVE_CUE.subn(" ", text)
    text, positives = _POSITIVE_CUE.subn(" ", text)
    found |= ({"negative"} if negatives else set()) | ({"positive"} if positives else set())
    if found == {"positive"} and _ENDS_NEGATED.search(fold(question).casefold()):
        return None  # "what was good, what was not?"
    if _is_column_name(question) and not _only_box_words(text):
        return None  # "positive_id", "best_time_to_call"
    return found.pop() if len(found) == 1 else None


def _is_column_name(question: str) -> bool:
    """A bare column name: no space and no question mark ("negative_text")."""
    return not re.search(r"[\s?]", question.strip())


def _only_box_words(rest: str) -> bool:
    """True when the words of a column name left besides its polarity cues are box words
    ("text", "review", "q3") or words of liking and negation."""
    other = _LIKING_WORDS | _NEGATOR_WORDS | _LEAST_WORDS | _BOX_WORDS
    return all(w in other or re.fullmatch(r"q?\d+", w) for w in rest.split())


def _says_nothing(clause: str) -> bool:
    """A clause that judges nothing, denies a problem, says "nothing to report", is short
    praise or is a positive reply (after an optional "all" word or subject: "all fine")."""
    words = _words_of(clause)
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
    first = next((c for c in _clauses(text) if _words_of(c)), "")
    return bool(_NOTHING_OPENING.fullmatch(_words_of(first)))


def is_only_nothing(text: str) -> bool:
    """True when `text` only says "nothing" ("Nothing.", "Honestly, nothing at all",
    "Nichts", "rien du tout"; not "Nothing to report", "Nothing, the room was dirty")."""
    return bool(_NOTHING_ONLY.fullmatch(_words_of(text)))


def praises_nothing(text: str, question: str | None) -> bool:
    """True when `text`, the answer to `question`, is only "nothing" in a positive box
    ("What worked well?" "Nichts."): a negative verdict, not a non-answer."""
    return box_polarity(question) == "positive" and is_only_nothing(text)


def box_read(
    probabilities: np.ndarray,
    texts: Sequence[str],
    questions: Sequence[str],
    labels: Sequence[str] = SENTIMENT_LABELS,
    confidence: float = BOX_CONFIDENCE,
    neutral_confidence: float = NEUTRAL_CONFIDENCE,
) -> np.ndarray:
    """`probabilities` given the polarity of each row's box
    (:func:`feedback_nlp.text.boxes.box_polarity` of its question): in a negative box, an
    answer that only says there was nothing to complain about
    (:func:`feedback_nlp.text.boxes.only_nothing`) read negative below `confidence` is
    positive (neutral when it judges nothing), any other read neutral below
    `neutral_confidence`, or positive below `confidence`, is negative; in a positive box, an
    answer read negative below `confidence` is positive unless it opens with "nothing"
    (:func:`feedback_nlp.text.boxes.opens_with_nothing`), and one that is only "nothing"
    (:func:`feedback_nlp.text.boxes.is_only_nothing`) is negative."""
    out = probabilities.copy()
    for row, (text, question) in enumerate(zip(texts, questions, strict=True)):
        box = box_polarity(question)
        if box is not None and text.strip():
            sure = (confidence, neutral_confidence)
            target = _box_target(out[row], text, box, labels, sure)
            if target is not None:
                read = int(out[row].argmax())
                out[row, labels.index(target)] += out[row, read]
                out[row, read] = 0.0
    return out


def _box_target(
    row: np.ndarray, text: str, box: str, labels: Sequence[str], sure: tuple[float, float]
) -> str | None:
    """The label a comment read as `row` in a `box` box takes; None: the one read. `sure`:
    the confidence at which a reading is kept, and that of a neutral reading."""
    read, p_read = labels[int(row.argmax())], float(row.max())
    unsure = p_read < sure[0]
    if box == "positive":
        if is_only_nothing(text):
            return "negative" if read != "negative" else None
        return (
            "positive" if read == "negative" and unsure and not opens_with_nothing(text) else None
        )
    if only_nothing(text):
        return _nothing_label(text) if read == "negative" and unsure else None
    if (read == "neutral" and p_read < sure[1]) or (read == "positive" and unsure):
        return "negative"
    return None


def _nothing_label(text: str) -> str:
    """Neutral for a reply that judges nothing ("nichts"), else positive ("nothing, all
    fine")."""
    return "neutral" if is_no_judgement_reply(text) else "positive"
