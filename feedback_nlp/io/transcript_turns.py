"""Contact-centre exports: keep what the customer said, set the agent's side apart.

Two layouts, both read by :class:`TurnReading` for `TableBuilder` (io.row_checks):

* one row per turn, with a speaker column (`speaker`, `participant`, `party`, `sender`, or
  the column a mapping names `role`) whose values are speaker roles ("Agent", "Customer",
  "Cliente", "Atendente"; :mod:`feedback_nlp.io.speaker_labels`), in a file whose rows are
  turns of conversations: several rows share a conversation id (a `conversation_id` column,
  a `call_id`-like one, or else the response id). A survey of customers and (insurance)
  agents with a "participant type" column, one row per respondent, is no such file. A
  probe's agent turns read as feedback made the agent asking for a date of birth a top
  theme. An agent's turn is rejected with the reason and its text becomes the `context` of
  the customer's next turn in the same conversation (never of another's), as the chat reader
  does; a speaker the word lists do not know is the agent's side, named in a note; a blank
  speaker's turn is kept as the customer's.
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
from feedback_nlp.io.turn_scores import ConversationScores

#: Headers of a per-turn export's speaker column (compared case-folded, `_`/`-`/`.` as spaces).
#: Its values must be speaker roles too: a "sender" of e-mail addresses is no speaker column.
SPEAKER_HEADERS = frozenset({
    "speaker", "speaker role", "speaker type", "participant", "participant role",
    "participant type", "party", "party type", "sender", "sender role", "sender type",
    "message from", "turn by", "spoken by",
})  # fmt: skip
#: Share of a speaker column's non-empty values that must be known roles.
KNOWN_SHARE = 0.8
#: Headers (as SPEAKER_HEADERS) of a column that names the conversation a turn belongs to,
#: besides the reader's `conversation_id`: "call_id", "Chat ID", "session_key", "thread no".
CONVERSATION_HEADER = re.compile(
    r"conversation|(?:conversation|call|chat|session|thread|interaction) (?:id|number|no|nr|key)"
)
#: The column a turn's agent text goes to.
CONTEXT = "context"
_SEPARATORS = re.compile(r"[\s_.-]+")


def checked_mode(mode: str) -> str:
    """`mode` when it is an agent-turn mode (context, drop); ConfigError otherwise."""
    if mode not in AGENT_TURN_MODES:
        raise ConfigError(f"agent_turns must be one of {AGENT_TURN_MODES}, not '{mode}'")
    return mode


def speaker_column(
    raw: pd.DataFrame, named: str | None = None, keys: pd.Series | None = None
) -> str | None:
    """The column of `raw` that says who speaks in each row: `named` (a mapping's `role`),
    else, when rows share a conversation (`keys`: each row's conversation), the first
    SPEAKER_HEADERS column whose values are speaker roles of both sides."""
    if named is not None and named in raw.columns:
        return named
    if keys is None or not keys.dropna().duplicated().any():  # one row per respondent
        return None
    for column in raw.columns:
        if _header(column) in SPEAKER_HEADERS and _holds_roles(raw[column]):
            return str(column)
    return None


def conversation_keys(
    raw: pd.DataFrame, conversations: pd.Series | None, columns: dict[str, str]
) -> tuple[pd.Series | None, bool]:
    """Each row's conversation: the `conversation_id` column, else a column of `raw` named as
    one (CONVERSATION_HEADER), else the response id (then True); None without any."""
    if conversations is not None:
        return _keys(conversations), False
    for column in raw.columns:
        if CONVERSATION_HEADER.fullmatch(_header(column)) and column not in columns.values():
            return _keys(raw[column]), False
    ids = columns.get("response_id")
    return (_keys(raw[ids]), True) if ids in raw.columns else (None, False)


def _keys(cells: pd.Series) -> pd.Series:
    return cells.astype("string").str.strip().replace("", pd.NA)


def _header(column: object) -> str:
    return _SEPARATORS.sub(" ", str(column).strip().casefold())


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
    ids: pd.Series | None = None  # turns that share a response id, numbered (NA: as read)


@dataclass
class TurnReading:
    """What one file's turns and transcripts were read as, chunk after chunk."""

    mode: str = "context"
    speaker: str | None = None  # the speaker column, once found
    transcripts: bool | None = None  # the text column holds transcripts (first chunk decides)
    counts: TranscriptCounts = field(default_factory=TranscriptCounts)
    agent_turns: dict[str, int] = field(default_factory=dict)  # speaker value -> turns
    unknown: dict[str, int] = field(default_factory=dict)  # speaker values not known
    blank: int = 0  # turns with no speaker, kept as the customer's
    pending: tuple[object, list[str]] = (None, [])  # conversation, agent texts since
    numbered: bool | None = None  # turns share response ids: numbered (decided once)
    turns_by_id: dict[str, int] = field(default_factory=dict)  # response id -> turns so far
    made_context: bool = False
    scores: ConversationScores = field(default_factory=ConversationScores)  # on agent rows

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
        keys, by_response_id = conversation_keys(raw, conversations, columns)
        rows = self._agent_rows(raw, text, keys, columns.get("role"), notes)
        if rows.column is not None and rows.reasons is not None and keys is not None:
            agent = rows.reasons.notna()
            rows.columns.update(self.scores.columns(raw, agent, keys, columns))
            _set_note(notes, "conversation scores:", self.scores.note() or "")
        if rows.column is not None and by_response_id and keys is not None:
            if self.numbered is None:
                self.numbered = bool(keys.dropna().duplicated().any())
                _set_note(notes, f"speaker column '{self.speaker}'", self._note())
            if self.numbered:  # not duplicates of each other
                rows.ids = self._turn_ids(keys)
                rows.columns["conversation_id"] = keys
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
            _set_note(notes, "conversation scores:", self.scores.note() or "")
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
        keys: pd.Series | None,
        named: str | None,
        notes: list[str],
    ) -> AgentRows:
        self.speaker = self.speaker or speaker_column(raw, named, keys)
        if self.speaker is None or self.speaker not in raw.columns:
            return AgentRows()
        values = raw[self.speaker].astype("string").str.strip().replace("", pd.NA)
        said_by = values.fillna("").tolist()  # a blank speaker: the customer's turn
        agent = pd.Series([v != "" and speaker_side(v) != "customer" for v in said_by], raw.index)
        self.blank += int(values.isna().sum())
        for value in values[agent]:
            _count(self.agent_turns, value)
            if speaker_side(value) is None:
                _count(self.unknown, value)
        reasons = (
            f"an agent turn, not customer feedback ({self.speaker} '"
            + values[agent]
            + "'): its text is the context of the customer's next turn, unless --agent-turns "
            "drop"
        )
        _set_note(notes, f"speaker column '{self.speaker}'", self._note())
        context = self._context(text, agent, keys)
        return AgentRows(self.speaker, reasons.reindex(raw.index), {CONTEXT: context})

    def _turn_ids(self, keys: pd.Series) -> pd.Series:
        """`<response id>#t<n>` for the n-th turn (1-based, across chunks) of a response id."""
        ids = pd.Series(pd.NA, index=keys.index, dtype="string")
        for index, key in keys.dropna().items():
            self.turns_by_id[key] = self.turns_by_id.get(key, 0) + 1
            ids[index] = f"{key}#t{self.turns_by_id[key]}"
        return ids

    def _context(self, text: pd.Series, agent: pd.Series, keys: pd.Series | None) -> pd.Series:
        """On each customer turn, the agent's text since the customer's turn before it in the
        same conversation (a conversation may go on in the next chunk). A row with no
        conversation (no key) takes no agent text and gives none."""
        given = keys.tolist() if keys is not None else [None] * len(text)
        context = pd.Series(pd.NA, index=text.index, dtype="string")
        conversation, held = self.pending
        for index, said, by_agent, key in zip(text.index, text, agent, given, strict=True):
            key = None if pd.isna(key) else str(key)
            if key is None or key != conversation:
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
        if self.blank:
            note += f"; {self.blank:,} turn(s) with no speaker kept as the customer's"
        if self.numbered:
            note += "; turns of one response id numbered <id>#t<n>, the id their conversation_id"
        return note


def _count(counts: dict[str, int], value: str) -> None:
    counts[value] = counts.get(value, 0) + 1


def _set_note(notes: list[str], key: str, note: str) -> None:
    """Put `note` in place of the note starting with `key` (its counts grow chunk by chunk)."""
    notes[:] = [n for n in notes if not n.startswith(key)]
    if note:
        notes.append(note)
