"""Chat transcripts (Intercom-style conversations): one row per customer turn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.text.clean import clean_text

AGENT_TURN_MODES = ("context", "drop")
CUSTOMER_AUTHORS = ("user", "lead", "contact", "customer")
CHAT_COLUMNS = (
    "response_id",
    "conversation_id",
    "turn",
    "respondent_id",
    "created_at",
    "text",
    "csat",
    "touchpoint",
    "journey_stage",
    "lang_hint",
)
#: Keys of a conversation part that the reader interprets; other scalar keys are carried through.
_PART_KEYS = frozenset({"id", "type", "part_type", "author", "created_at", "updated_at", "body"})
#: Custom attributes of a conversation that the reader maps; other scalar ones are carried.
_ATTRIBUTE_KEYS = frozenset({"touchpoint", "journey_stage", "language", "context", *CHAT_COLUMNS})


def html_to_text(body: str) -> str:
    """Strip tags and entities from an HTML chat body, keeping paragraph breaks."""
    return clean_text(body)


def is_chat(document: Any) -> bool:
    """True for {"conversations": [...]} or a list of objects with conversation_parts."""
    conversations = chat_conversations(document)
    return conversations is not None


def chat_conversations(document: Any) -> list[dict[str, Any]] | None:
    """The list of conversations in a chat export, or None if it is not one."""
    if isinstance(document, dict):
        document = document.get("conversations")
    if (
        isinstance(document, list)
        and document
        and all(isinstance(c, dict) and "conversation_parts" in c for c in document)
    ):
        return document
    return None


def _parts(conversation: dict[str, Any]) -> list[dict[str, Any]]:
    parts = conversation.get("conversation_parts") or []
    if isinstance(parts, dict):  # the Intercom API nests the list: {"conversation_parts": [...]}
        parts = parts.get("conversation_parts") or []
    return [p for p in parts if isinstance(p, dict)]


def chat_rows(
    conversations: list[dict[str, Any]], agent_turns: str, path: Path
) -> tuple[pd.DataFrame, list[int], ColumnPlan, dict[str, int]]:
    """One raw row per customer part; returns rows, conversation numbers, plan and counts."""
    if agent_turns not in AGENT_TURN_MODES:
        raise ConfigError(f"agent_turns must be one of {AGENT_TURN_MODES}, not '{agent_turns}'")
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    without_customer = 0
    for number, conversation in enumerate(conversations, start=1):
        if "id" not in conversation:
            raise ReadError(
                path,
                "a conversation has no 'id'",
                line=number,
                field="id",
                hint="line is the conversation's position in the file",
            )
        new = _conversation_rows(conversation, agent_turns)
        without_customer += not new
        rows.extend(new)
        numbers.extend([number] * len(new))
    columns = list(CHAT_COLUMNS) + (["context"] if agent_turns == "context" else [])
    extra = sorted({key for row in rows for key in row} - set(columns))
    frame = pd.DataFrame(rows, columns=columns + extra, dtype=object)
    plan = ColumnPlan(
        columns={name: name for name in CHAT_COLUMNS},
        constants={"channel": "chat", "source": "intercom"},
        platform="chat",
        notes=["chat: one row per customer turn; line = conversation number in the file"],
    )
    counts = {"conversations": len(conversations), "without_customer_turns": without_customer}
    return frame, numbers, plan, counts


def _conversation_rows(conversation: dict[str, Any], agent_turns: str) -> list[dict[str, Any]]:
    attributes = conversation.get("custom_attributes") or {}
    rating = conversation.get("conversation_rating") or {}
    contact = conversation.get("contact") or {}
    shared = {
        "conversation_id": str(conversation["id"]),
        "respondent_id": contact.get("id") if isinstance(contact, dict) else contact,
        "csat": rating.get("rating") if isinstance(rating, dict) else rating,
        "touchpoint": attributes.get("touchpoint"),
        "journey_stage": attributes.get("journey_stage"),
        "lang_hint": attributes.get("language"),
        **_carried(attributes, _ATTRIBUTE_KEYS),
    }
    rows, context = [], []
    for part in _parts(conversation):
        author = (part.get("author") or {}).get("type", "")
        body = part.get("body") or ""
        if author not in CUSTOMER_AUTHORS:
            if body:
                context.append(html_to_text(body))
            continue
        turn = len(rows)
        row = {
            **shared,
            "response_id": f"{conversation['id']}-{turn}",
            "turn": turn,
            "created_at": part.get("created_at", conversation.get("created_at")),
            "text": body,
            **_carried(part),
        }
        if agent_turns == "context":
            row["context"] = "\n".join(c for c in context if c)
        context = []
        rows.append(row)
    return rows


def _carried(part: dict[str, Any], interpreted: frozenset[str] = _PART_KEYS) -> dict[str, Any]:
    """Scalar keys of a part (or the conversation's custom attributes) that the reader does not
    interpret, kept as columns (a conversation's FCR or resolution time lands on each turn)."""
    return {
        key: value
        for key, value in part.items()
        if key not in interpreted and (value is None or isinstance(value, str | int | float | bool))
    }
