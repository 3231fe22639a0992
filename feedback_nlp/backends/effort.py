"""Customer effort read from the text: which effort cues a comment carries and how strongly.

A backend maps texts to :class:`EffortResult` (score 0-1, level, cue families). The shipped
backend, :class:`RuleEffortBackend`, adds the weights of the cue families
:mod:`~feedback_nlp.backends.effort_cues` finds (a family counts once; capped at 1) in en de
fr es it pt nl ru pl ro tr (and a few Welsh repeat-contact cues). A learned model can replace
it by implementing :class:`EffortBackend`.

Level: ``high`` at a score ≥ 0.6 (one strong cue or two weak ones), ``low`` at ≥ 0.3, else
``none``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from feedback_nlp.backends.effort_cues import (  # re-exported: the cues were defined here
    CUE_FAMILIES,
    DAY_MINUTES,
    FIRM,
    LONG_WAIT_MINUTES,
    SHORT_WAIT_MINUTES,
    STRONG,
    WEAK,
    chasing,
    cue_weights,
    explain_again,
    hoops,
    long_wait,
    no_reply,
    repeat_contact,
    transfer,
)
from feedback_nlp.backends.effort_negation import normalise

__all__ = ["CUE_FAMILIES", "DAY_MINUTES", "FIRM", "HIGH_SCORE", "LONG_WAIT_MINUTES", "LOW_SCORE",
           "SHORT_WAIT_MINUTES", "STRONG", "WEAK", "EffortBackend", "EffortResult",
           "RuleEffortBackend", "chasing", "cue_weights", "explain_again", "hoops", "level_of",
           "long_wait", "no_reply", "normalise", "repeat_contact", "transfer"]  # fmt: skip

HIGH_SCORE, LOW_SCORE = 0.6, 0.3


@dataclass(frozen=True)
class EffortResult:
    """One comment's effort: score 0-1, level (none/low/high) and the cue families found."""

    score: float
    level: str
    cues: tuple[str, ...]


class EffortBackend(Protocol):
    """What the effort stage needs from a backend."""

    def predict(self, texts: Sequence[str]) -> list[EffortResult]:
        """One result per text, in order."""
        ...


def level_of(score: float, high: float = HIGH_SCORE, low: float = LOW_SCORE) -> str:
    """``high``, ``low`` or ``none`` for a score."""
    return "high" if score >= high else "low" if score >= low else "none"


@dataclass(frozen=True)
class RuleEffortBackend:
    """Effort from the project's multilingual cue phrases (no model, no fitting)."""

    high: float = HIGH_SCORE
    low: float = LOW_SCORE

    def result(self, text: str) -> EffortResult:
        """The effort of one text."""
        weights = cue_weights(text)
        score = round(min(1.0, sum(weights.values())), 4)
        return EffortResult(score, level_of(score, self.high, self.low), tuple(weights))

    def predict(self, texts: Sequence[str]) -> list[EffortResult]:
        """One result per text, in order."""
        return [self.result(text) for text in texts]
