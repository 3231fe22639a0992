"""Stage "sentiment": polarity per comment (and optionally per sentence).

Backend ``"default"`` reads the arrays of stage "embed" (``"head_features"``, else
``"embedding"``) and applies the shipped numpy head; backend ``"transformers"`` runs any
text-classification model (hub id, local path or per-language routes such as
``{"en": id1, "*": id2}``).

With ``level="sentence"`` each comment is split into sentences (per-language rules), each
sentence is classified, the comment-level result is aggregated from them, and the side table
``batch.tables["sentences"]`` holds one row per sentence keyed by response_id + sentence_index.
Empty comments (no text, NaN, white space) get the neutral result without running a model, and
so do replies that judge nothing ("no", "n/a", "nothing to add", "keine Angabe":
:mod:`feedback_nlp.text.replies`) unless ``replies_neutral=False``. A comment the model reads
neutral that describes high customer effort (the rules of stage "effort") is negative unless
``effort_negative=False``; so is one read neutral that states a service failure ("arrived 6
days late", "charged twice": :mod:`feedback_nlp.text.complaints`) unless
``complaint_negative=False`` (on by default since stop 25; the trade-off is measured in
docs/sentiment_emotion.md), and since stop 52 one read positive whose short text states a
failure and nothing else ("Claim still open after three months.":
:mod:`feedback_nlp.text.bare_complaints`). A comment that is nothing but a judgement ("super",
"sehr gut", "nul": :func:`feedback_nlp.text.replies.reply_polarity`) takes that polarity unless
``evaluative_replies=False`` (since stop 26: the model reads a bare "gut" or "super" as
neutral). A short comment the model reads negative that only denies a problem ("No problems so
far.", "Keine Wartezeit", "jamais eu le moindre souci": :mod:`feedback_nlp.text.denials`) is
positive unless ``denials_positive=False`` (since stop 34). A comment read positive that opens
with praise and goes on to state a failure or customer effort ("Great, another hour on hold.",
"Toller Kundenservice, einfach aufgelegt.": :mod:`feedback_nlp.text.irony`) is negative unless
``irony_negative=False`` (since stop 35). A comment read positive that only asks for something
("I'd like to book two rooms", "Kann ich später einchecken?":
:mod:`feedback_nlp.text.requests`) is neutral unless ``requests_neutral=False`` (since stop
40), and since stop 52 so is one read negative that asks to add something ("Please add Apple
Pay at checkout"). Where the table has a ``question`` that says the box's polarity ("What
didn't you like?", "negative_text", "What should we stop doing?":
:mod:`feedback_nlp.text.boxes`), an unsure reading takes the box's polarity, and in a negative
box an answer that only says nothing is not negative and one that asks for a change is
negative, unless ``box_prior=False`` (since stop 50).

The stage also writes ``p_mixed``, the probability that the comment praises and complains
(:mod:`feedback_nlp.stages.mixed`; NaN without a mixed head, at sentence level and on the
transformers backend).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from feedback_nlp.backends.effort import RuleEffortBackend
from feedback_nlp.schema import SENTIMENT_LABELS, sentiment_prob_columns
from feedback_nlp.stages.base import register_stage
from feedback_nlp.stages.classifier import SENTENCE_TABLE, ClassifierStage, Scored
from feedback_nlp.stages.embed import DEFAULT_QUANTIZE, DEFAULT_RUNTIME
from feedback_nlp.stages.mixed import (
    MIXED,
    MIXED_MIN,
    judged_only,
    mixed_head,
    mixed_probabilities,
    sentiment_with_mixed,
)
from feedback_nlp.text.bare_complaints import bare_complaint
from feedback_nlp.text.boxes import box_read
from feedback_nlp.text.complaints import states_failure
from feedback_nlp.text.denials import denies_problem
from feedback_nlp.text.irony import ironic_praise
from feedback_nlp.text.replies import reply_polarity
from feedback_nlp.text.requests import asks_to_add, plain_request

__all__ = ["MIXED", "MIXED_MIN", "SENTENCE_TABLE", "ClassifierStage", "SentimentStage",
           "box_read", "complaint_read_negative", "denial_read_positive", "effort_read_negative",
           "evaluative_replies_read", "irony_read_negative", "request_read_neutral",
           "sentiment_with_mixed"]  # fmt: skip


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
    probabilities: np.ndarray, texts: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> np.ndarray:
    """`probabilities` where each row read neutral whose text states a service failure
    (:func:`feedback_nlp.text.complaints.states_failure`: "never arrived", "charged twice",
    "kam zu spät") has its neutral probability moved to negative, and so has each row read
    positive whose short text states nothing else
    (:func:`feedback_nlp.text.bare_complaints.bare_complaint`: "Claim still open after three
    months.") its positive probability."""
    out = _reread(probabilities, labels, lambda i: states_failure(texts[i]), "neutral", "negative")
    return _reread(out, labels, lambda i: bare_complaint(texts[i]), "positive", "negative")


def denial_read_positive(
    probabilities: np.ndarray, texts: Sequence[str], labels: Sequence[str] = SENTIMENT_LABELS
) -> np.ndarray:
    """`probabilities` where each row read negative whose short text only denies a problem
    (:func:`feedback_nlp.text.denials.denies_problem`: "No problems so far.", "Aucun souci.",
    "Geen wachttijd") has its negative probability moved to positive."""
    return _reread(
        probabilities, labels, lambda i: denies_problem(texts[i]), "negative", "positive"
    )


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
    negative that asks to add something (:func:`feedback_nlp.text.requests.asks_to_add`:
    "Please add Apple Pay at checkout") its negative probability; `langs` (each row's
    language) picks the openers."""

    def lang(row: int) -> str | None:
        return None if langs is None else langs[row]

    out = _reread(
        probabilities, labels, lambda i: plain_request(texts[i], lang(i)), "positive", "neutral"
    )
    return _reread(out, labels, lambda i: asks_to_add(texts[i], lang(i)), "negative", "neutral")


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


@register_stage
class SentimentStage(ClassifierStage):
    """Writes `sentiment`, `sentiment_score` (p_positive − p_negative), p_<class> and
    `p_mixed`."""

    name = "sentiment"
    requires = ("text_clean",)
    produces = ("sentiment", "sentiment_score", *sentiment_prob_columns(), "p_mixed")
    labels = SENTIMENT_LABELS
    head_name = "sentiment"

    def __init__(
        self,
        backend: Literal["default", "transformers"] = "default",
        level: Literal["comment", "sentence"] = "comment",
        model: str | dict[str, str] | None = None,
        label_map: dict[str, str] | None = None,
        revision: str | dict[str, str] | None = None,
        trust_remote_code: bool = False,
        heads_dir: str | None = None,
        device: str = "auto",
        batch_size: int = 32,
        max_length: int = 512,
        quantize: str = DEFAULT_QUANTIZE,
        runtime: str = DEFAULT_RUNTIME,
        replies_neutral: bool = True,
        effort_negative: bool = True,
        complaint_negative: bool = True,
        evaluative_replies: bool = True,
        denials_positive: bool = True,
        irony_negative: bool = True,
        requests_neutral: bool = True,
        box_prior: bool = True,
    ) -> None:
        super().__init__(
            backend, level, model, label_map, revision, trust_remote_code, heads_dir, device,
            batch_size, max_length, quantize, runtime, replies_neutral,
        )  # fmt: skip
        self.effort_negative = effort_negative
        self.complaint_negative = complaint_negative
        self.evaluative_replies = evaluative_replies
        self.denials_positive = denials_positive
        self.irony_negative = irony_negative
        self.requests_neutral = requests_neutral
        self.box_prior = box_prior

    def adjust(
        self, probabilities: np.ndarray, texts: Sequence[str], langs: Sequence[str] | None = None
    ) -> np.ndarray:
        """With `effort_negative`, a comment read neutral that describes high customer effort
        (:func:`effort_read_negative`) is negative; with `complaint_negative`, one that states
        a service failure (:func:`complaint_read_negative`); with `evaluative_replies`, a
        reply that only judges takes its polarity (:func:`evaluative_replies_read`); with
        `irony_negative`, a comment read positive that praises ironically is negative
        (:func:`irony_read_negative`; `langs` picks its contrast words); with
        `denials_positive`, a short comment read negative that only denies a problem is
        positive (:func:`denial_read_positive`); with `requests_neutral`, one read positive
        that only asks for something is neutral (:func:`request_read_neutral`)."""
        if self.evaluative_replies:
            probabilities = evaluative_replies_read(probabilities, texts, self.labels)
        if self.effort_negative:
            probabilities = effort_read_negative(probabilities, texts, self.labels)
        if self.complaint_negative:
            probabilities = complaint_read_negative(probabilities, texts, self.labels)
        if self.irony_negative:
            probabilities = irony_read_negative(probabilities, texts, langs, self.labels)
        if self.denials_positive:
            probabilities = denial_read_positive(probabilities, texts, self.labels)
        if self.requests_neutral:
            probabilities = request_read_neutral(probabilities, texts, langs, self.labels)
        return probabilities

    def adjust_to_boxes(
        self, probabilities: np.ndarray, texts: Sequence[str], questions: Sequence[str] | None
    ) -> np.ndarray:
        """With `box_prior` and a question per comment, the polarity of the box it answers
        (:func:`box_read`)."""
        if not self.box_prior or questions is None:
            return probabilities
        return box_read(probabilities, texts, questions, self.labels)

    def extra_columns(self, texts: Sequence[str], scored: Scored) -> dict[str, np.ndarray]:
        """``p_mixed`` from the heads folder's mixed head (:mod:`feedback_nlp.stages.mixed`);
        a reply that only judges, read by `evaluative_replies`, is not mixed."""
        head = None
        if scored.features is not None:
            head = mixed_head(self.heads_dir, self.head())
        judged = judged_only(texts, self.evaluative_replies)
        p_mixed = mixed_probabilities(
            head, scored.features, scored.probabilities[scored.read], scored.read, judged
        )
        return {"p_mixed": p_mixed}

    def empty_result(self) -> np.ndarray:
        """No text: certainly neutral."""
        return np.array([1.0 if label == "neutral" else 0.0 for label in self.labels])

    def aggregate(self, probabilities: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Length-weighted mean of the sentence probabilities."""
        return np.average(probabilities, axis=0, weights=np.maximum(weights, 1.0))

    def columns(
        self, probabilities: np.ndarray, index: pd.Index, langs: Sequence[str]
    ) -> pd.DataFrame:
        """sentiment, sentiment_score and the class probabilities."""
        names = np.array(self.labels)
        position = {label: i for i, label in enumerate(self.labels)}
        frame = pd.DataFrame(index=index)
        frame["sentiment"] = pd.array(names[probabilities.argmax(axis=1)], dtype="string")
        score = probabilities[:, position["positive"]] - probabilities[:, position["negative"]]
        frame["sentiment_score"] = np.clip(score, -1.0, 1.0).astype("float64")
        for label, column in zip(self.labels, sentiment_prob_columns(), strict=True):
            frame[column] = probabilities[:, position[label]].astype("float64")
        return frame
