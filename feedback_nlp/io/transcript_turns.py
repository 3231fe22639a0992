"""Contact-centre exports: keep what the customer said, set the agent's side apart.

Two layouts, both read by :class:`TurnReading` for `TableBuilder` (io.row_checks):

* one row per turn, with a speaker column (`speaker`, `participant`, `party`, `sender`, or
  the column a mapping names `role`) whose values are speaker roles ("Agent", "Customer",
  "Cliente", "Atendente"; :mod:`feedback_nlp.io.speaker_labels`). A probe's agent turns read
  as feedback made the agent asking for a date of birth a top theme. An agent's turn is
  rejected with the reason and its text becomes the `context` of the customer's next turn in
  the same conversation, as the chat reader does; a speaker the word lists do not know is
  the agent's side, named in a note.
* one transcript per cell (:mod:`feedback_nlp.io.transcript_lines`): the customer's lines are
  the comment, the agent's lines its `context`. One row per conversation stays one row.

``agent_turns="drop"`` (``--agent-turns drop``) leaves the `context` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.chat import AGENT_TURN_MODES
from feedback_nlp.io.speaker_labels import listed, speaker_side
from feedback_nlp.io.transcript_lines import TranscriptCounts, is_transcript_column, split_cells

#: Headers of a per-turn export's speaker column (compared case-folded, `_`/`-`/`.` as spaces).
#: Its values must be speaker roles too: a "sender" of e-mail addresses is no speaker column.
SPEAKER_HEADERS = frozenset({
    "speaker", "speaker role", "speaker type", "participant", "participant role",
    "participant type", "party", "party type", "sender", "sender role", "sender type",
    "message from", "turn by", "spoken by",
})  # fmt: skip
#: Share of a speaker column's non-empty values that must be known roles.
KNOWN_SHARE = 0.8
#: The column a turn's agent text goes to.
CONTEXT = "context"
_SEPARATORS = re.compile(r"[\s_.-]+")


def checked_mode(mode: str) -> str:
    """`mode` when it is an agent-turn mode (context, drop); ConfigError otherwise."""
    if mode not in AGENT_TURN_MODES:
        raise ConfigError(f"agent_turns must be one of {AGENT_TURN_MODES}, not '{mode}'")
    return mode


def without_agent_context(table: pd.DataFrame, mode: str) -> pd.DataFrame:
    """A read or tagged `table` without its `context` column (the agents' and bots' text)
    when `mode` is "drop" (`analyze --agent-turns drop`)."""
    if checked_mode(mode) == "drop":
        return table.drop(columns=[CONTEXT], errors="ignore")
    return table


def speaker_column(raw: pd.DataFrame, named: str | None = None) -> str | None:
    """The column of `raw` that says who speaks in each row: `named` (a mapping's `role`),
    else the first SPEAKER_HEADERS column whose values are speaker roles of both sides."""
    if named is not None and named in raw.columns:
        return named
    for column in raw.columns:
        header = _SEPARATORS.sub(" ", str(column).strip().casefold())
        if header in SPEAKER_HEADERS and _holds_roles(raw[column]):
            return str(column)
    return None


def _holds_roles(cells: pd.Series) -> bool:
    values = [str(v).strip() for v in cells.dropna().tolist() if str(v).strip()]
    sides = [speaker_side(v) for v in values]
    known = [s for s in sides if s is not None]
    return bool(values) and len(known) >= KNOWN_SHARE * len(values) and len(set(known)) == 2


@dataclass
class AgentRows:
    """The speaker column, a reason per agent row (NA elsewhere) and the kept rows' columns
    (`context`) that a chunk's turns gave."""

    column: str | None = None
    reasons: pd.Series | None = None
    columns: dict[str, pd.Series] = field(default_factory=dict)


@dataclass
class TurnReading:
    """What one file's turns and transcripts were read as, chunk after chunk."""

    mode: str = "context"
    speaker: str | None = None  # the speaker column, once found
    transcripts: bool | None = None  # the text column holds transcripts (first chunk decides)
    counts: TranscriptCounts = field(default_factory=TranscriptCounts)
    agent_turns: dict[str, int] = field(default_factory=dict)  # speaker value -> turns
    unknown: dict[str, int] = field(default_factory=dict)  # speaker values not known
    pending: tuple[object, list[str]] = (None, [])  # conversation, agent texts since
    made_context: bool = False

    def read(
        self,
        raw: pd.DataFrame,
        text: pd.Series,
        conversations: pd.Series | None,
        columns: dict[str, str],
        notes: list[str],
    ) -> tuple[pd.Series, AgentRows]:
        """`text` with transcripts split, and the agent rows of a speaker column."""
        text, context = self._split(text, columns.get("text", "text"), notes)
        rows = self._agent_rows(raw, text, conversations, columns.get("role"), notes)
        if context is not None and CONTEXT in rows.columns:
            joined = rows.columns[CONTEXT].str.cat(context, sep="\n", na_rep="")
            rows.columns[CONTEXT] = joined.str.strip().replace("", pd.NA)
        elif context is not None:
            rows.columns[CONTEXT] = context
        if self.mode == "drop":
            rows.columns.pop(CONTEXT, None)
        self.made_context |= CONTEXT in rows.columns
        return text, rows

    def applied(self, table: pd.DataFrame, mode: str, notes: list[str]) -> pd.DataFrame:
        """`table` without the context this reading made when `mode` is "drop" (the note on
        the speaker column says so)."""
        self.mode = checked_mode(mode)
        if self.speaker is not None:
            _set_note(notes, f"speaker column '{self.speaker}'", self._note())
        if mode == "drop" and self.made_context:
            return table.drop(columns=[CONTEXT], errors="ignore")
        return table

    def _split(
        self, text: pd.Series, column: str, notes: list[str]
    ) -> tuple[pd.Series, pd.Series | None]:
        if self.transcripts is None and text.notna().any():
            self.transcripts = is_transcript_column(text)
        if not self.transcripts:
            return text, None
        text, context = split_cells(text, self.counts)
        _set_note(notes, "transcripts:", self.counts.note(column))
        return text, context

    def _agent_rows(
        self,
        raw: pd.DataFrame,
        text: pd.Series,
        conversations: pd.Series | None,
        named: str | None,
        notes: list[str],
    ) -> AgentRows:
        self.speaker = self.speaker or speaker_column(raw, named)
        if self.speaker is None or self.speaker not in raw.columns:
            return AgentRows()
        values = raw[self.speaker].astype("string").str.strip()
        agent = pd.Series([speaker_side(v) != "customer" for v in values], index=raw.index)
        for value in values[agent].fillna(""):
            _count(self.agent_turns, value)
            if speaker_side(value) is None:
                _count(self.unknown, value)
        reasons = (
            f"an agent turn, not customer feedback ({self.speaker} '"
            + values[agent].fillna("")
            + "'): its text is the context of the customer's next turn, unless --agent-turns "
            "drop"
        )
        _set_note(notes, f"speaker column '{self.speaker}'", self._note())
        context = self._context(text, agent, conversations)
        return AgentRows(self.speaker, reasons.reindex(raw.index), {CONTEXT: context})

    def _context(
        self, text: pd.Series, agent: pd.Series, conversations: pd.Series | None
    ) -> pd.Series:
        """On each customer turn, the agent's text since the customer's turn before it in the
        same conversation (a conversation may go on in the next chunk)."""
        given = conversations.tolist() if conversations is not None else [None] * len(text)
        keys = [None if pd.isna(key) else str(key) for key in given]
        context = pd.Series(pd.NA, index=text.index, dtype="string")
        conversation, held = self.pending
        for index, said, by_agent, key in zip(text.index, text, agent, keys, strict=True):
            if key != conversation:
                conversation, held = key, []
            if by_agent:
                held = [*held, str(said)] if not pd.isna(said) and str(said).strip() else held
            else:
                context[index] = "\n".join(held) or pd.NA
                held = []
        self.pending = (conversation, held)
        return context

    def _note(self) -> str:
        note = (
            f"speaker column '{self.speaker}': {sum(self.agent_turns.values()):,} agent turn(s) "
            f"({listed(self.agent_turns)}) set apart, not read as feedback"
            + (" (their text is the next customer turn's context)" if self.mode != "drop" else "")
        )
        if self.unknown:
            note += f"; speaker(s) not known, read as the agent's side: {listed(self.unknown)}"
        return note


def _count(counts: dict[str, int], value: str) -> None:
    counts[value] = counts.get(value, 0) + 1


def _set_note(notes: list[str], key: str, note: str) -> None:
    """Put `note` in place of the note starting with `key` (its counts grow chunk by chunk)."""
    notes[:] = [n for n in notes if not n.startswith(key)]
    notes.append(note)
