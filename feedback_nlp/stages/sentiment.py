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

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

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
from feedback_nlp.stages.sentiment_rules import (
    complaint_read_negative,
    denial_read_positive,
    effort_read_negative,
    evaluative_replies_read,
    irony_read_negative,
    request_read_neutral,
)
from feedback_nlp.text.boxes import box_read

__all__ = ["MIXED", "MIXED_MIN", "SENTENCE_TABLE", "ClassifierStage", "SentimentStage",
           "box_read", "complaint_read_negative", "denial_read_positive", "effort_read_negative",
           "evaluative_replies_read", "irony_read_negative", "request_read_neutral",
           "sentiment_with_mixed"]  # fmt: skip


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
            probabilities = complaint_read_negative(probabilities, texts, self.labels, langs)
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
