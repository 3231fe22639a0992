"""A call or chat transcript in one cell, one speaker-labelled line per turn: its customer's lines.

"Agent: Thank you for calling\\nCustomer: I was charged twice" read whole lets the agent's
polite script drive the themes and the sentiment (a probe's 31 cancellation calls, mean CSAT
1.6, all read positive). A cell is a transcript when at least two of its lines start with a
speaker label and a colon (an optional time before it, "[10:02] Agent:", an optional name in
brackets after it, "Agent (Ana):"), one of the customer's side and one of the agent's
(:mod:`feedback_nlp.io.speaker_labels`): an ordinary comment's "Note:" or "Update:" lines are
not one. A line without a label continues the turn before it; lines before the first label,
and the turns of a label the word lists do not know, are the agent's side, as the chat reader
reads an unknown author type.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.io.speaker_labels import Side, speaker_side

#: A column is read as transcripts when more than this share of its non-empty cells are.
TRANSCRIPT_SHARE = 0.5
_LABEL_LINE = re.compile(
    r"^\s*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–]?\s*)?"  # a time: "[10:02]", "10:02 -"
    r"(?P<label>[^\W\d_]+(?:[ '’-][^\W\d_]+){0,2}(?:[ _]?#?\d{1,2})?)"  # 1-3 words, "Agent 2"
    r"\s*(?:\([^)\n]{0,40}\))?\s*:(?!//)[ \t]*(?P<said>.*)$"  # "(Ana)", then the colon
)


@dataclass
class Transcript:
    """A transcript's lines by side, and the label of each turn (as written) by side."""

    customer: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    labels: dict[str, Side | None] = field(default_factory=dict)


def read_transcript(cell: str) -> Transcript | None:
    """The customer's and the agent's lines of `cell`, or None when it is no transcript."""
    turns: list[tuple[Side | None, list[str]]] = [(None, [])]  # lines before the first label
    read = Transcript()
    for line in cell.splitlines():
        match = _LABEL_LINE.match(line)
        if match is None:
            turns[-1][1].append(line.strip())
            continue
        label = match["label"].strip()
        side = speaker_side(label)
        if side is None and not _may_be_speaker(label):  # "and then: nothing" goes on
            turns[-1][1].append(line.strip())
            continue
        read.labels.setdefault(label, side)
        turns.append((side, [match["said"].strip()]))
    sides = {side for side, _ in turns[1:]}
    if len(turns) < 3 or not {"customer", "agent"} <= sides:
        return None
    for side, lines in turns:
        said = "\n".join(line for line in lines if line)
        if said:
            (read.customer if side == "customer" else read.agent).append(said)
    return read


def _may_be_speaker(label: str) -> bool:
    """Whether a label the word lists do not know may still name a speaker ("Supervisor",
    "Ana"): one or two words, capitalised."""
    return label[:1].isupper() and len(label.split()) <= 2


@dataclass
class TranscriptCounts:
    """What the cells split so far held: transcripts, and the labels read as each side."""

    split: int = 0
    labels: dict[Side | None, Counter[str]] = field(
        default_factory=lambda: {"customer": Counter(), "agent": Counter(), None: Counter()}
    )

    def add(self, transcript: Transcript) -> None:
        """Count one split transcript and its labels."""
        self.split += 1
        for label, side in transcript.labels.items():
            self.labels[side][label] += 1

    def note(self, column: str) -> str:
        """The read note: how many transcripts were split, which labels read as which side."""
        customer, agent, unknown = (self.labels[s] for s in ("customer", "agent", None))
        note = (
            f"transcripts: {self.split:,} cell(s) of column '{column}' split by speaker: the "
            f"customer's lines ({_labels(customer)}) are the comment, the agent's lines "
            f"({_labels(agent)}) its context"
        )
        if unknown:
            note += f"; labels not known as a speaker, read as the agent's side: {_labels(unknown)}"
        return note


def _labels(counts: Counter[str]) -> str:
    return ", ".join(f"{label} ×{n:,}" for label, n in counts.most_common(6)) or "none"


def is_transcript_column(cells: pd.Series) -> bool:
    """Whether most non-empty cells of `cells` (strings) are transcripts."""
    present = [c for c in cells.dropna().tolist() if str(c).strip()]
    if not present:
        return False
    found = sum(read_transcript(str(c)) is not None for c in present)
    return found > TRANSCRIPT_SHARE * len(present)


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
