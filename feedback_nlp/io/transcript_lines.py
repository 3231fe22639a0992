"""A call or chat transcript in one cell, one speaker-labelled line per turn: its customer's lines.

"Agent: Thank you for calling\\nCustomer: I was charged twice" read whole lets the agent's
polite script drive the themes and the sentiment (a probe's 31 cancellation calls, mean CSAT
1.6, all read positive). A cell is a transcript when its labelled lines are a dialogue: two or
more lines start with a speaker label and a colon (an optional time before it, "[10:02] Agent:";
an optional name after it, "Agent Ana:", "Agent (Ana):"; or a name with the role in brackets,
"Ana (Agent):"), both sides speak (:mod:`feedback_nlp.io.speaker_labels`), every label is a
known speaker and not all of them are words that also head a form's fields. A capitalised
label the word lists do not know ("Issue:", "Classes:", "Pros:", "Q:") makes the cell no
transcript: a form's fields or a CRM note ("Member: Gold\\nStaff: rude\\nClasses: full") are
the respondent's words. A line without a label, or with a lower-case phrase before a colon
("and then: nothing"), continues the turn before it; lines before the first label are the
agent's side.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal, NamedTuple

import pandas as pd

from feedback_nlp.io.speaker_labels import FIELD_LIKE_LABELS, Side, role_key, speaker_side

#: A column is read as transcripts when more than this share of its non-empty cells are.
TRANSCRIPT_SHARE = 0.5
#: How many of a column's first non-empty cells tell whether it holds transcripts.
SAMPLE_CELLS = 200
_LABEL_LINE = re.compile(
    r"^\s*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–]?\s*)?"  # a time: "[10:02]", "10:02 -"
    r"(?P<label>[^\W\d_]+(?:[ '’-][^\W\d_]+){0,2}(?:[ _]?#?\d{1,2})?)"  # 1-3 words, "Agent 2"
    r"\s*(?:\((?P<aside>[^)\n]{0,40})\))?\s*:(?!//)[ \t]*(?P<said>.*)$"  # "(Ana)", the colon
)
#: What a labelled line is when its label is no known speaker: a form's field, no dialogue.
_FIELD: Literal["field"] = "field"


class _Turn(NamedTuple):
    """A labelled line: its label as written, the speaker word it holds, its side, its words."""

    label: str
    role: str
    side: Side
    said: str


@dataclass
class Transcript:
    """A transcript's lines by side, and the label of each turn (as written) by side."""

    customer: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    labels: dict[str, Side] = field(default_factory=dict)


def read_transcript(cell: str) -> Transcript | None:
    """The customer's and the agent's lines of `cell`, or None when it is no transcript."""
    if not _may_hold_turns(cell):
        return None
    turns: list[tuple[Side | None, list[str]]] = [(None, [])]  # lines before the first label
    roles: list[str] = []
    read = Transcript()
    for line in cell.splitlines():
        turn = _labelled(line)
        if isinstance(turn, str):  # _FIELD: a form's field, no dialogue
            return None
        if turn is None:  # no label, or "and then: nothing": the turn goes on
            turns[-1][1].append(line.strip())
            continue
        roles.append(turn.role)
        read.labels.setdefault(turn.label, turn.side)
        turns.append((turn.side, [turn.said]))
    if not _is_dialogue([side for side, _ in turns[1:]], roles):
        return None
    for side, lines in turns:
        said = "\n".join(line for line in lines if line)
        if said:
            (read.customer if side == "customer" else read.agent).append(said)
    return read


def _may_hold_turns(cell: str) -> bool:
    """A cheap first test: two turns need a line break and a colon."""
    return ":" in cell and ("\n" in cell or "\r" in cell)


def _labelled(line: str) -> _Turn | Literal["field"] | None:
    """The turn a labelled line starts; _FIELD when its label is capitalised but no known
    speaker; None for a line that goes on the turn before it."""
    match = _LABEL_LINE.match(line)
    if match is None:
        return None
    label = match["label"].strip()
    role = role_key(label)
    aside = match["aside"]
    if role is None and aside is not None and _may_be_name(label):  # "Ana (Agent):"
        role = role_key(aside.strip())
        label = f"{label} ({aside.strip()})"
    side = None if role is None else speaker_side(role)
    if role is None or side is None:
        return _FIELD if _may_be_name(label) else None
    return _Turn(label, role, side, match["said"].strip())


def _may_be_name(label: str) -> bool:
    """Whether a label may be a name or a field ("Ana", "Issue"), not a phrase of a sentence
    that has a colon ("and then"): capitalised, one or two words."""
    return label[:1].isupper() and len(label.split()) <= 2


def _is_dialogue(sides: list[Side | None], roles: list[str]) -> bool:
    """Two turns or more, of both sides, not all labelled with words a form's fields use."""
    return (
        len(sides) >= 2
        and {"customer", "agent"} <= set(sides)
        and not set(roles) <= FIELD_LIKE_LABELS
    )


@dataclass
class TranscriptCounts:
    """What the cells split so far held: transcripts, and the labels read as each side."""

    split: int = 0
    labels: dict[Side, Counter[str]] = field(
        default_factory=lambda: {"customer": Counter(), "agent": Counter()}
    )

    def add(self, transcript: Transcript) -> None:
        """Count one split transcript and its labels."""
        self.split += 1
        for label, side in transcript.labels.items():
            self.labels[side][label] += 1

    def note(self, column: str) -> str:
        """The read note: how many transcripts were split, which labels read as which side."""
        return (
            f"transcripts: {self.split:,} cell(s) of column '{column}' split by speaker: the "
            f"customer's lines ({_labels(self.labels['customer'])}) are the comment, the "
            f"agent's lines ({_labels(self.labels['agent'])}) its context"
        )


def _labels(counts: Counter[str]) -> str:
    return ", ".join(f"{label} ×{n:,}" for label, n in counts.most_common(6)) or "none"


def is_transcript_column(cells: pd.Series) -> bool:
    """Whether most of the first SAMPLE_CELLS non-empty cells of `cells` are transcripts
    (it stops as soon as the answer is known)."""
    sample = list(islice(_present(cells), SAMPLE_CELLS))
    needed = math.floor(TRANSCRIPT_SHARE * len(sample)) + 1
    found = 0
    for position, cell in enumerate(sample, start=1):
        found += read_transcript(cell) is not None
        if found >= needed or found + len(sample) - position < needed:
            break
    return bool(sample) and found >= needed


def _present(cells: pd.Series) -> Iterator[str]:
    """The non-empty cells of `cells`, as strings, in order."""
    for cell in cells.dropna():
        text = str(cell)
        if text.strip():
            yield text


def split_cells(cells: pd.Series, counts: TranscriptCounts) -> tuple[pd.Series, pd.Series]:
    """Each transcript of `cells` as its customer's lines, and its agent's lines (the context);
    a cell that is no transcript is left as it is, with no context. Counts into `counts`."""
    texts = cells.astype(object).copy()
    context = pd.Series(pd.NA, index=cells.index, dtype="string")
    for index, cell in cells.items():
        transcript = None if pd.isna(cell) else read_transcript(str(cell))
        if transcript is None:
            continue
        counts.add(transcript)
        texts[index] = "\n".join(transcript.customer)
        context[index] = "\n".join(transcript.agent) or pd.NA
    return texts, context
