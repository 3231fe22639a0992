"""Scores written on agent rows of a per-turn chat export, moved to customer turns."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.cells import is_missing, is_missing_cell
from feedback_nlp.io.turn_scores import ConversationScores


def _turns(conversations: int) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Two rows per conversation, customer then agent; the agent row holds the CSAT."""
    keys = [f"c{i // 2}" for i in range(2 * conversations)]
    agent = pd.Series([i % 2 == 1 for i in range(2 * conversations)])
    csat = [str(1 + i % 5) if i % 2 else "" for i in range(2 * conversations)]
    raw = pd.DataFrame({"conversation_id": keys, "csat": csat})
    return raw, agent, pd.Series(keys)


def test_agent_row_score_moves_to_customer_turn() -> None:
    raw, agent, keys = _turns(3)
    moved = ConversationScores().columns(raw, agent, keys, {"csat": "csat"})["csat"]
    assert moved[~agent].tolist() == raw["csat"][agent].tolist()


def test_is_missing_cell_agrees_with_is_missing() -> None:
    cells = [None, float("nan"), pd.NA, "", "  ", "4", 0, 3.5, "n"]
    expected = is_missing(pd.Series(cells, dtype=object)).tolist()
    assert [is_missing_cell(c) for c in cells] == expected
