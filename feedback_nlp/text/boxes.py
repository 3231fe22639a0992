"""Answer boxes that say their polarity.

Review sites and surveys ask for praise and complaints in separate boxes ("What did you like?"
/ "What didn't you like?", Booking.com's positive and negative review, "Pros" / "Cons", "Was
hat Ihnen nicht gefallen?"). :func:`box_polarity` reads the polarity from the box's column
name or wording (the feedback table's ``question``) in en de fr es it pt nl: a word of liking
with a negation in the three words before it ("didn't like", "n'avez pas aimé", "non è
piaciuto") or a "least" word in the two after it ("like least") is negative, and so is a word
of improvement ("better", "verbessern", "améliorer"). In start / stop / continue boxes (en de
fr es it pt nl pl), beside a "should" word or before "doing", a verb of stopping or starting
is negative ("What should we stop doing?", "Co powinniśmy przestać robić?") and one of keeping
positive ("What should we continue doing?"). A box whose wording says both ("pros and cons",
"likes / dislikes", "what was good, what was not?") or neither has none; so has a column name
(no space, no "?") with a word that is not a box word ("positive_id", "best_time_to_call").
Answers that say there is nothing to tell are told by :mod:`feedback_nlp.text.box_nothing`,
answers that ask for a change by :mod:`feedback_nlp.text.box_requests`, terse praise
("Quiet room" in a positive box) by :mod:`feedback_nlp.text.box_praise`;
:func:`praises_nothing` tells an answer that is only "nothing" in a positive box ("What
worked well?" "Nichts."): a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from feedback_nlp.backends.effort_numbers import fold
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.box_nothing import (
    NEGATION,
    is_only_nothing,
    only_nothing,
    opens_with_nothing,
    recalls_nothing,
)
from feedback_nlp.text.box_nothing import words_of as _words_of
from feedback_nlp.text.box_praise import terse_praise
from feedback_nlp.text.box_requests import asks_for_change
from feedback_nlp.text.replies import is_no_judgement_reply

__all__ = ["ASK_CONFIDENCE", "BOX_CONFIDENCE", "NEUTRAL_CONFIDENCE", "box_polarity", "box_read",
           "is_only_nothing", "only_nothing", "opens_with_nothing", "praises_nothing",
           "recalls_nothing"]  # fmt: skip

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
_NEGATION = NEGATION
#: Verbs of start / stop / continue boxes (folded), and the "should" and "doing" words beside
#: which they name the box ("What should we stop doing?"; not "When did you start?").
_STOPPING = (
    r"stop|quit|aufhoren|sein lassen|przestac|zaprzestac|arreter|cesser|dejar de|smettere|"
    r"parar de|deixar de|stoppen|ophouden"
)
_STARTING = (
    r"start|begin|anfangen|beginnen|einfuhren|zaczac|rozpoczac|commencer|empezar|comenzar|"
    r"iniziare|cominciare|comecar|starten"
)
_KEEPING = (
    r"continue|keep|carry on|beibehalten|weitermachen|weiterhin|fortsetzen|kontynuowac|nadal|"
    r"continuer|seguir|continuar|continuare|blijven|doorgaan|behouden"
)
#: "doing", "to do", "zu tun", "de faire", "haciendo", "robić": what may follow the verb of
#: a start / stop / continue box (folded).
_DOING = (
    r"doing|(to )?do|(zu )?tun|(zu )?machen|(de |a |d')?faire|(a )?hacer|haciendo|(di |a )?fare|"
    r"facendo|(a |de )?fazer|fazendo|doen|robic"
)
#: After the verb of a start / stop / continue box: "doing", "and", "or" or a clause's end.
_VERB_ENDS = rf"\s+(?:{_DOING}|and|or|und|oder|et|ou|y|o|e|en|of|i|lub)\b|\s*(?:[?.!,;:/()]|$)"
_SHOULD = re.compile(
    r"\b(should|ought|sollten?|soll|sollen|mussen|powinni\w*|powinien|powinna|nalezy|"
    r"devri\w+|devons|faudrait|deberi\w+|debemos|dovre\w+|dobbiamo|devemos|deveri\w+|moeten|"
    r"zouden)\b"
)
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
    "the and q doing points punkte kommentar kommentare bemerkungen anmerkungen antwort texte "
    "commentaire commentaires avis remarques reponse comentario comentarios respuesta commento "
    "commenti risposta testo texto resposta opmerking opmerkingen antwoord tekst"
)
#: Below this probability of the label read, an answer in a box of the other polarity takes
#: the box's (measured in docs/sentiment_emotion.md).
BOX_CONFIDENCE = 0.7
#: Below this probability of neutral, an answer in a negative box read neutral is negative.
NEUTRAL_CONFIDENCE = 0.85
#: Below this probability of positive, an answer in a negative box that asks for a change is
#: negative (probe 52: requests read positive at most .73, praise that opens with "please" or
#: "more" .80-.94; docs/sentiment_emotion.md).
ASK_CONFIDENCE = 0.8


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words})\b")


_POSITIVE_CUE, _NEGATIVE_CUE = _cue(_POSITIVE), _cue(_NEGATIVE)
_ACTIONS = ((_cue(_STOPPING), "negative"), (_cue(_STARTING), "negative"),
            (_cue(_KEEPING), "positive"))  # fmt: skip
_LIKING_WORDS = frozenset(fold(_LIKING).split())
_NEGATOR_WORDS = frozenset(fold(_NEGATORS).split())
_BOX_WORDS = frozenset(_BOX_NAMES.split())
_LEAST_WORDS = frozenset(fold(_LEAST).split())


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
    text, actions = _action_polarities(text, question)
    found |= actions
    text, negatives = _NEGATIVE_CUE.subn(" ", text)
    text, positives = _POSITIVE_CUE.subn(" ", text)
    found |= ({"negative"} if negatives else set()) | ({"positive"} if positives else set())
    if found == {"positive"} and _ENDS_NEGATED.search(fold(question).casefold()):
        return None  # "what was good, what was not?"
    if _is_column_name(question) and not _only_box_words(text):
        return None  # "positive_id", "best_time_to_call"
    return found.pop() if len(found) == 1 else None


def _action_polarities(words: str, question: str) -> tuple[str, set[str]]:
    """`words` of `question` with the verbs of a start / stop / continue box blanked, and
    their polarities: stopping and starting negative, keeping positive; none without a
    "should" word or a verb before "doing" ("stop_doing"), nor for a verb followed by
    anything but "doing", "and", "or" or the clause's end ("What should we keep an eye on?",
    "Should we continue to contact you?")."""
    found: set[str] = set()
    marked = fold(question).casefold().replace("_", " ")
    for cue, polarity in _ACTIONS:
        doing = re.search(rf"(?:{cue.pattern}) (?:{_DOING})\b", words)
        ends = re.search(rf"(?:{cue.pattern})(?:{_VERB_ENDS})", marked)
        if ends and (doing or _SHOULD.search(words)):
            words = cue.sub(" ", words)
            found.add(polarity)
    return words, found


def _is_column_name(question: str) -> bool:
    """A bare column name: no space and no question mark ("negative_text")."""
    return not re.search(r"[\s?]", question.strip())


def _only_box_words(rest: str) -> bool:
    """True when the words of a column name left besides its polarity cues are box words
    ("text", "review", "q3") or words of liking and negation."""
    other = _LIKING_WORDS | _NEGATOR_WORDS | _LEAST_WORDS | _BOX_WORDS
    return all(w in other or re.fullmatch(r"q?\d+", w) for w in rest.split())


def praises_nothing(text: str, question: str | None) -> bool:
    """True when `text`, the answer to `question`, is only "nothing" in a positive box
    ("What worked well?" "Nichts."): a negative verdict, not a non-answer."""
    positive = box_polarity(question) == "positive"
    return positive and is_only_nothing(text) and not recalls_nothing(text)


def box_read(
    probabilities: np.ndarray,
    texts: Sequence[str],
    questions: Sequence[str],
    labels: Sequence[str] = SENTIMENT_LABELS,
    confidence: float = BOX_CONFIDENCE,
    neutral_confidence: float = NEUTRAL_CONFIDENCE,
) -> np.ndarray:
    """`probabilities` given the polarity of each row's box
    (:func:`feedback_nlp.text.boxes.box_polarity` of its question). In a negative box, an
    answer that only says there was nothing to complain about or that nothing comes to mind
    (:func:`feedback_nlp.text.box_nothing.only_nothing`, :func:`recalls_nothing`) read
    negative is positive (neutral when it judges nothing), one that asks for a change
    (:func:`feedback_nlp.text.box_requests.asks_for_change`) is negative, and any other read
    neutral below `neutral_confidence`, or positive below `confidence`, is negative. In a
    positive box, an answer that nothing comes to mind is neutral, one that is only "nothing"
    (:func:`is_only_nothing`) negative, one read negative below `confidence` positive
    unless it opens with "nothing" (:func:`opens_with_nothing`), and one read neutral that is
    terse praise ("Everything", "Quiet room": :func:`feedback_nlp.text.box_praise.terse_praise`)
    positive."""
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
    if box == "positive":
        return _positive_box_target(text, read, p_read < sure[0])
    if only_nothing(text) or recalls_nothing(text):
        return _nothing_label(text) if read == "negative" else None
    asking = read == "neutral" or (read == "positive" and p_read < ASK_CONFIDENCE)
    if asking and asks_for_change(text):
        return "negative"
    if (read == "neutral" and p_read < sure[1]) or (read == "positive" and p_read < sure[0]):
        return "negative"
    return None


def _positive_box_target(text: str, read: str, unsure: bool) -> str | None:
    """The label of an answer read `read` in a positive box: neutral when nothing comes to
    mind, negative when it is only "nothing", positive when read negative and `unsure` unless
    it opens with "nothing", and positive when read neutral and terse praise ("Quiet room":
    :func:`feedback_nlp.text.box_praise.terse_praise`); None: the one read."""
    if recalls_nothing(text):
        return "neutral" if read != "neutral" else None
    if is_only_nothing(text):
        return "negative" if read != "negative" else None
    if read == "negative" and unsure and not opens_with_nothing(text):
        return "positive"
    if read == "neutral" and terse_praise(text):
        return "positive"
    return None


def _nothing_label(text: str) -> str:
    """Neutral for a reply that judges nothing ("nichts"), else positive ("nothing, all
    fine")."""
    return "neutral" if is_no_judgement_reply(text) else "positive"
