"""Chat transcripts: one row per customer turn, agent turns as context or dropped."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.io import read_feedback
from feedback_nlp.io.chat import html_to_text
from tests.io.conftest import FIXTURES, check_result


def test_customer_turns_become_rows_with_agent_context():
    result = check_result(read_feedback(FIXTURES / "chat.json"))
    table = result.table
    assert table["response_id"].tolist() == ["c-0001-0", "c-0001-1", "c-0002-0"]
    assert table["turn"].tolist() == [0, 1, 0]
    assert table["conversation_id"].tolist() == ["c-0001", "c-0001", "c-0002"]
    assert table["context"].tolist() == ["Bună! Cu ce vă pot ajuta?", "Verific acum & revin.", ""]
    assert table["csat"].tolist()[:2] == [2, 2] and pd.isna(table["csat"].iloc[2])
    assert table["respondent_id"].tolist() == ["cust-123", "cust-123", "cust-456"]
    assert table["lang_hint"].tolist() == ["ro", "ro", "en"]
    assert table.loc[0, "created_at"] == pd.Timestamp(1746280010, unit="s", tz="UTC")
    assert set(table["channel"]) == {"chat"} and set(table["source"]) == {"intercom"}
    assert result.info["conversations"] == 3
    assert result.info["without_customer_turns"] == 1


def test_agent_turns_dropped():
    result = check_result(read_feedback(FIXTURES / "chat.json", agent_turns="drop"))
    assert "context" not in result.table.columns
    assert len(result.table) == 3


def test_unknown_agent_turn_mode():
    with pytest.raises(ConfigError, match="agent_turns must be one of"):
        read_feedback(FIXTURES / "chat.json", agent_turns="keep")


def test_bad_rating_in_a_conversation_rejects_its_turns(tmp_path):
    document = json.loads((FIXTURES / "chat.json").read_text(encoding="utf-8"))
    document["conversations"][0]["conversation_rating"] = {"rating": 9}
    path = tmp_path / "chat.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = check_result(read_feedback(path, bad_scores="reject-row"))
    assert result.table["response_id"].tolist() == ["c-0002-0"]
    assert result.rejects["reason"].tolist() == ["csat is outside 1-5: '9'"] * 2
    assert result.rejects["line"].tolist() == [1, 1]


def test_intercom_nested_parts_list(tmp_path):
    conversation = {
        "id": "x",
        "created_at": 1746280000,
        "conversation_parts": {
            "type": "conversation_part.list",
            "conversation_parts": [
                {"author": {"type": "user"}, "created_at": 1746280001, "body": "<p>hi</p>"}
            ],
        },
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps([conversation]), encoding="utf-8")
    result = check_result(read_feedback(path))
    assert result.table["response_id"].tolist() == ["x-0"]


def test_html_to_text():
    assert html_to_text("<p>Hello&nbsp;<b>you</b></p><p>second &amp; last</p>") == (
        "Hello you\nsecond & last"
    )
