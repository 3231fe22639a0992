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


def _write(tmp_path, document) -> object:
    path = tmp_path / "chats.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _api_conversation() -> dict:
    """A conversation in the shape of the Intercom API: the opening message in `source`."""
    return {
        "type": "conversation",
        "id": "9001",
        "created_at": 1746280000,
        "source": {
            "type": "conversation",
            "delivered_as": "customer_initiated",
            "body": "<p>My order never arrived</p>",
            "author": {"type": "user", "id": "u1"},
        },
        "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "u1"}]},
        "conversation_rating": {"rating": 2, "remark": "Slow answers", "created_at": 1746289000},
        "custom_attributes": {"Language": "en", "Touchpoint": "delivery", "CSAT": "great"},
        "conversation_parts": {
            "type": "conversation_part.list",
            "conversation_parts": [
                {"part_type": "comment", "author": {"type": "admin"}, "body": "<p>Checking</p>"},
                {"part_type": "note", "author": {"type": "admin"}, "body": "<p>VIP, refund</p>"},
                {"part_type": "comment", "author": {"type": "user"}, "body": "<p>Any news?</p>"},
            ],
        },
    }


def test_an_api_conversation_keeps_its_opening_message_rating_remark_and_contact(tmp_path):
    result = check_result(read_feedback(_write(tmp_path, [_api_conversation()])))
    table = result.table
    assert table["text"].tolist() == [
        "<p>My order never arrived</p>",
        "<p>Any news?</p>",
        "Slow answers",
    ]
    assert table["context"].tolist() == ["", "Checking", ""]  # the internal note is not shown
    assert table["respondent_id"].tolist() == ["u1"] * 3
    assert table["lang_hint"].tolist() == ["en"] * 3
    assert table["touchpoint"].tolist() == ["delivery"] * 3
    assert table["csat"].tolist() == [2] * 3
    assert table["source_CSAT"].tolist() == ["great"] * 3  # an attribute not read is carried
    assert table.loc[2, "created_at"] == pd.Timestamp(1746289000, unit="s", tz="UTC")


def test_turns_by_an_author_type_the_reader_does_not_know_are_named(tmp_path):
    conversation = _api_conversation()
    parts = conversation["conversation_parts"]["conversation_parts"]
    parts.append({"author": {"type": "robot"}, "body": "Beep"})
    parts.append({"body": "no author"})
    parts.append({"author": {"type": "end-user"}, "body": "Still waiting"})
    result = check_result(read_feedback(_write(tmp_path, [conversation])))
    assert result.table["text"].iloc[-2] == "Still waiting"  # end-user is a customer
    assert "author type(s) none (1), 'robot' (1) read as the agent's side" in result.summary()


def test_a_conversation_without_an_id_is_named_after_the_file_not_refused(tmp_path):
    unnamed = _api_conversation()
    del unnamed["id"]
    result = check_result(read_feedback(_write(tmp_path, [_api_conversation(), unnamed])))
    assert result.table["conversation_id"].tolist() == ["9001"] * 3 + ["chats-2"] * 3
    assert "1 conversation(s) without an id (first: conversation 2)" in result.summary()


def test_an_export_of_no_conversations_is_an_empty_table(tmp_path):
    result = check_result(read_feedback(_write(tmp_path, {"conversations": []})))
    assert result.table.empty and result.rejects.empty


def test_a_turn_of_only_markup_is_rejected_as_empty(tmp_path):
    conversation = _api_conversation()
    conversation["source"]["body"] = "<p>   </p>"
    del conversation["conversation_rating"]
    result = check_result(read_feedback(_write(tmp_path, [conversation])))
    assert result.table["text"].tolist() == ["<p>Any news?</p>"]
    assert len(result.rejects) == 1 and result.rejects["line"].tolist() == [1]
