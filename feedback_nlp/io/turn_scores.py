"""A conversation's score written on an agent's or bot's row of a per-turn chat export.

Chat tools write the post-chat CSAT once per conversation, often on its last row, which may
be the agent's or the bot's. Agent rows are set apart (io.transcript_turns), so the score
would go with them: it is moved to the conversation's last customer turn before it in the
same chunk of rows (20,000), else to its next customer turn; a note counts any left out.
When the rows of one conversation give different scores, the last row's (in file order) is
kept and a note says how many conversations disagreed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from feedback_nlp.io.cells import is_missing, is_missing_cell
from feedback_nlp.io.scores import ALL_SCORE_RANGES


@dataclass
class ConversationScores:
    """Scores moved from agent rows to customer turns, across the chunks of one file."""

    held: dict[tuple[str, str], str] = field(default_factory=dict)  # (score, conv.) -> cell
    moved: dict[str, set[str]] = field(default_factory=dict)  # score -> conversations
    disagreed: dict[str, set[str]] = field(default_factory=dict)  # score -> conversations

    def columns(
        self, raw: pd.DataFrame, agent: pd.Series, keys: pd.Series, columns: dict[str, str]
    ) -> dict[str, pd.Series]:
        """The score columns of `raw` (as `columns` maps them) with each agent row's score on
        its conversation's customer turn; only the scores that agent rows held."""
        moved: dict[str, pd.Series] = {}
        for name, column in columns.items():
            if name in ALL_SCORE_RANGES and column in raw.columns:
                cells = self._moved(name, raw[column], agent, keys)
                if cells is not None:
                    moved[name] = cells
        return moved

    def note(self) -> str | None:
        """'csat: the score of 6 conversation(s) on an agent or bot row kept on …'."""
        if not self.moved and not self.held:
            return None
        parts = [
            f"{name}: the score of {len(keys):,} conversation(s) written on an agent or bot "
            "row kept on the conversation's last customer turn" + self._disagreement(name)
            for name, keys in self.moved.items()
        ]
        if self.held:
            parts.append(
                f"{len(self.held):,} such score(s) left out: no customer turn of the conversation "
                "before them in the same chunk or after them"
            )
        return "conversation scores: " + "; ".join(parts)

    def _disagreement(self, name: str) -> str:
        count = len(self.disagreed.get(name, ()))
        return f" ({count:,} whose rows disagree: the last row's score kept)" if count else ""

    def _moved(
        self, name: str, cells: pd.Series, agent: pd.Series, keys: pd.Series
    ) -> pd.Series | None:
        header = cells.astype("string").str.strip().str.casefold() == str(cells.name).casefold()
        given = ~is_missing(cells) & keys.notna() & ~header.fillna(False).astype(bool)
        if not (given & agent).any() and not any(k[0] == name for k in self.held):
            return None
        values = cells.astype(object).tolist()
        key_list, agent_list, given_list = keys.tolist(), agent.tolist(), given.tolist()
        last_turn: dict[str, int] = {}  # conversation -> position of its last customer turn
        for position, key in enumerate(key_list):
            if pd.isna(key):
                continue
            if not agent_list[position]:
                last_turn[key] = position
                held = self.held.pop((name, key), None)
                if held is not None:  # an earlier row's score: the turn's own is later
                    self._put(name, values, position, key, held, keep_own=True)
            elif given_list[position]:
                self._take(name, values, key, last_turn.get(key), values[position])
        return pd.Series(values, index=cells.index, dtype=object, name=cells.name)

    def _take(
        self, name: str, values: list[object], key: str, turn: int | None, cell: object
    ) -> None:
        """An agent row's score `cell`: on customer turn `turn`, or held for the next one."""
        if turn is None:
            self.held[(name, key)] = str(cell)
            return
        self._put(name, values, turn, key, str(cell))

    def _put(
        self,
        name: str,
        values: list[object],
        position: int,
        key: str,
        cell: str,
        keep_own: bool = False,
    ) -> None:
        """`cell` on customer turn `position` of conversation `key`, in place of its own score
        (`keep_own`: unless it has one)."""
        own = values[position]
        has_own = not is_missing_cell(own)
        if has_own and str(own).strip() == cell.strip():
            return
        if has_own:
            self.disagreed.setdefault(name, set()).add(key)
        if has_own and keep_own:
            return
        self.moved.setdefault(name, set()).add(key)
        values[position] = cell
