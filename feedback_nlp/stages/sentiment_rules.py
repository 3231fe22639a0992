"""The rules that re-read the sentiment model's probabilities of a comment (stage
"sentiment", :mod:`feedback_nlp.stages.sentiment`): effort and service failures read
neutral or positive are negative, denials of a problem read negative or neutral positive,
ironic praise negative, plain requests neutral, replies that only judge take their polarity."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.schema import SENTIMENT_LABELS
from feedback_nlp.text.bare_complaints import bare_complaint
from feedback_nlp.text.complaints import states_failure
from feedback_nlp.text.denials import denies_problem, plainly_denies_problem
from feedback_nlp.text.irony import ironic_praise
from feedback_nlp.text.replies import reply_polarity
from feedback_nlp.text.requests import asks_to_add, plain_request

__all__ = [
    "ADD_CONFIDENCE",
    "BARE_CONFIDENCE",
    "complaint_read_negative",
    "denial_read_positive",
    "effort_read_negative",
    "evaluative_replies_read",
    "irony_read_negative",
    "request_read_neutral",
]  # fmt: skip

#: A short comment that only states a failure moves from positive to negative below this
#: probability of positive (review 52: the probe's bare failures read .43-.63; comments that
#: state a delay and what was fine .57-.86; docs/sentiment_emotion.md).
BARE_CONFIDENCE = 0.65
#: A request to add something moves from negative to neutral up to this probability of
#: negative; a surer reading is a complaint the request words miss.
ADD_CONFIDENCE = 0.7


def effort_read_negative(
    probabilities: np.ndarray, texts: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> np.ndarray:
    """`probabilities` where each row read neutral whose text describes high customer effort
    (the effort stage's rules: repeat contacts, transfers, long waits, chasing, …) has its
    neutral probability moved to negative ("I called four times and nobody called back")."""
    rows = np.flatnonzero(probabilities.argmax(axis=1) == labels.index("neutral"))
    if not len(rows):
        return probabilities
    found = RuleEffortBackend().predict([texts[i] for i in rows])
    high = rows[[r.level == "high" for r in found]]
    return _move(probabilities, high, labels.index("neutral"), labels.index("negative"))


def complaint_read_negative(
    probabilities: np.ndarray,
    texts: Sequence[str],
    labels: Sequence[str] = SENTIMENT_LABELS,
    langs: Sequence[str] | None = None,
) -> np.ndarray:
    """`probabilities` where each row read neutral whose text states a service failure
    (:func:`feedback_nlp.text.complaints.states_failure`: "never arrived", "charged twice",
    "kam zu spät") has its neutral probability moved to negative, and so has each row read
    positive below :data:`BARE_CONFIDENCE` whose short text states nothing else
    (:func:`feedback_nlp.text.bare_complaints.bare_complaint`: "Claim still open after three
    months.") its positive probability; `langs` (each row's language) picks the contrast
    words."""
    out = _reread(probabilities, labels, lambda i: states_failure(texts[i]), "neutral", "negative")
    positive = labels.index("positive")

    def bare(row: int) -> bool:
        lang = None if langs is None else langs[row]
        return out[row, positive] < BARE_CONFIDENCE and bare_complaint(texts[row], lang)

    return _reread(out, labels, bare, "positive", "negative")


def denial_read_positive(
    probabilities: np.ndarray, texts: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> np.ndarray:
    """`probabilities` where each row read negative whose short text only denies a problem
    (:func:`feedback_nlp.text.denials.denies_problem`: "No problems so far.", "Aucun souci.")
    has that probability moved to positive, and so has each row read neutral whose text says
    nothing more (:func:`feedback_nlp.text.denials.plainly_denies_problem`: "Keine Probleme,
    der Zähler wurde pünktlich getauscht."; not "No problem with the food, the service was
    slow")."""

    def denies(row: int) -> bool:
        return denies_problem(texts[row])

    def plainly_denies(row: int) -> bool:
        return plainly_denies_problem(texts[row])

    out = _reread(probabilities, labels, denies, "negative", "positive")
    return _reread(out, labels, plainly_denies, "neutral", "positive")


def irony_read_negative(
    probabilities: np.ndarray,
    texts: Sequence[str],
    langs: Sequence[str] | None = None,
    labels: Sequence[str] = SENTIMENT_LABELS,
) -> np.ndarray:
    """`probabilities` where each row read positive whose text praises ironically
    (:func:`feedback_nlp.text.irony.ironic_praise`: "Great, another hour on hold.",
    "Génial, encore une heure d'attente") has its positive probability moved to negative;
    `langs` (each row's language) picks the contrast words that rule the comment out."""

    def applies(row: int) -> bool:
        return ironic_praise(texts[row], None if langs is None else langs[row])

    return _reread(probabilities, labels, applies, "positive", "negative")


def request_read_neutral(
    probabilities: np.ndarray,
    texts: Sequence[str],
    langs: Sequence[str] | None = None,
    labels: Sequence[str] = SENTIMENT_LABELS,
) -> np.ndarray:
    """`probabilities` where each row read positive whose text only asks for something
    (:func:`feedback_nlp.text.requests.plain_request`: "I'd like to book two rooms", "Puis-je
    venir avec mon chien ?") has its positive probability moved to neutral, and each row read
    negative up to :data:`ADD_CONFIDENCE` that asks to add something
    (:func:`feedback_nlp.text.requests.asks_to_add`: "Please add Apple Pay at checkout") and
    describes no high customer effort its negative probability; `langs` (each row's
    language) picks the openers."""

    def lang(row: int) -> str | None:
        return None if langs is None else langs[row]

    out = _reread(
        probabilities, labels, lambda i: plain_request(texts[i], lang(i)), "positive", "neutral"
    )
    negative = labels.index("negative")

    def adds(row: int) -> bool:
        unsure = out[row, negative] <= ADD_CONFIDENCE
        return unsure and asks_to_add(texts[row], lang(row)) and not _high_effort(texts[row])

    return _reread(out, labels, adds, "negative", "neutral")


def _high_effort(text: str) -> bool:
    """The effort stage's rules find high customer effort in `text`."""
    return RuleEffortBackend().predict([text])[0].level == "high"


def evaluative_replies_read(
    probabilities: np.ndarray, texts: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> np.ndarray:
    """`probabilities` where each row whose whole text is a reply that only judges
    (:func:`feedback_nlp.text.replies.reply_polarity`: "super", "gut", "nul") is certain of
    that polarity."""
    out = probabilities
    for row, text in enumerate(texts):
        polarity = reply_polarity(text)
        if polarity is not None:
            out = out if out is not probabilities else probabilities.copy()
            out[row] = [1.0 if label == polarity else 0.0 for label in labels]
    return out


def _reread(
    probabilities: np.ndarray,
    labels: Sequence[str],
    applies: Callable[[int], bool],
    read: str,
    to: str,
) -> np.ndarray:
    """`probabilities` where each row read `read` to which `applies` (given the row number)
    has that label's probability moved to label `to`."""
    rows = np.flatnonzero(probabilities.argmax(axis=1) == labels.index(read))
    hits = np.array([applies(int(i)) for i in rows], dtype=bool)
    return _move(probabilities, rows[hits], labels.index(read), labels.index(to))


def _move(probabilities: np.ndarray, rows: np.ndarray, source: int, target: int) -> np.ndarray:
    """`probabilities` with the `source` column's mass of `rows` moved to `target`."""
    if not len(rows):
        return probabilities
    out = probabilities.copy()
    out[rows, target] += out[rows, source]
    out[rows, source] = 0.0
    return out
