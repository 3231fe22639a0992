"""Chat transcripts (Intercom-style conversations): one row per customer turn.

A conversation's opening message (the Intercom API's `source`) is its first part, and the
remark that comes with its rating (`conversation_rating.remark`) its last customer turn.
Internal notes never reach the context. Turns whose author type is not a known customer type
are the agent's side; a type the reader does not know is named in a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.text.clean import clean_text

AGENT_TURN_MODES = ("context", "drop")
CUSTOMER_AUTHORS = (
    "user",
    "lead",
    "contact",
    "customer",
    "end-user",
    "end_user",
    "enduser",
    "visitor",
    "requester",
)
#: Author types of the agent's side: read as context without a note.
AGENT_AUTHORS = ("admin", "bot", "team", "teammate", "agent", "operator", "assistant", "system")
#: Part types that only the company sees (Intercom's internal notes): never in the context.
_INTERNAL_PARTS = ("note", "note_and_reopen")
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
_READ_ATTRIBUTES = frozenset({"touchpoint", "journey_stage", "language"})
_ATTRIBUTE_KEYS = frozenset({*_READ_ATTRIBUTES, "context", *CHAT_COLUMNS})


def html_to_text(body: str) -> str:
    """Strip tags and entities from an HTML chat body, keeping paragraph breaks."""
    return clean_text(body)


def is_chat(document: Any) -> bool:
    """True for {"conversations": [...]} or a list of objects with conversation_parts."""
    conversations = chat_conversations(document)
    return conversations is not None


def chat_conversations(document: Any) -> list[dict[str, Any]] | None:
    """The list of conversations in a chat export, or None if it is not one."""
    named = isinstance(document, dict)  # {"conversations": []}: a day without chats
    if named:
        document = document.get("conversations")
    if (
        isinstance(document, list)
        and (document or named)
        and all(isinstance(c, dict) and "conversation_parts" in c for c in document)
    ):
        return document
    return None


def _parts(conversation: dict[str, Any]) -> list[dict[str, Any]]:
    """The conversation's parts, its opening message (`source`) first."""
    parts = conversation.get("conversation_parts") or []
    if isinstance(parts, dict):  # the Intercom API nests the list: {"conversation_parts": [...]}
        parts = parts.get("conversation_parts") or []
    opening = conversation.get("source")
    if isinstance(opening, dict) and opening.get("body"):
        parts = [{k: v for k, v in opening.items() if k != "type"}, *parts]
    return [p for p in parts if isinstance(p, dict)]


def _author_type(part: dict[str, Any]) -> str:
    author = part.get("author")
    return str(author.get("type") or "") if isinstance(author, dict) else ""


def chat_rows(
    conversations: list[dict[str, Any]], agent_turns: str, path: Path
) -> tuple[pd.DataFrame, list[int], ColumnPlan, dict[str, int]]:
    """One raw row per customer part; returns rows, conversation numbers, plan and counts."""
    if agent_turns not in AGENT_TURN_MODES:
        raise ConfigError(f"agent_turns must be one of {AGENT_TURN_MODES}, not '{agent_turns}'")
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    without_customer = 0
    unnamed: list[int] = []
    unknown_authors: dict[str, int] = {}
    for number, conversation in enumerate(conversations, start=1):
        if conversation.get("id") in (None, ""):  # named after the file, as a row without id
            conversation = {**conversation, "id": f"{path.stem}-{number}"}
            unnamed.append(number)
        new = _conversation_rows(conversation, agent_turns, unknown_authors)
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
        notes=[
            "chat: one row per customer turn; line = conversation number in the file",
            *_chat_notes(unnamed, unknown_authors),
        ],
    )
    counts = {"conversations": len(conversations), "without_customer_turns": without_customer}
    return frame, numbers, plan, counts


def _chat_notes(unnamed: list[int], unknown_authors: dict[str, int]) -> list[str]:
    notes = []
    if unnamed:
        notes.append(
            f"chat: {len(unnamed)} conversation(s) without an id (first: conversation "
            f"{unnamed[0]}) named <file stem>-<conversation number>"
        )
    if unknown_authors:
        seen = ", ".join(
            f"'{kind}' ({n})" if kind else f"none ({n})"
            for kind, n in sorted(unknown_authors.items())
        )
        notes.append(
            f"chat: turns by author type(s) {seen} read as the agent's side (context), not as "
            f"customer turns; customer types are {', '.join(CUSTOMER_AUTHORS)}"
        )
    return notes


def _contact_id(conversation: dict[str, Any]) -> Any:
    """The customer's id: `contact`, or the first of the API's `contacts.contacts`."""
    contact = conversation.get("contact")
    if contact is None and isinstance(conversation.get("contacts"), dict):
        listed = conversation["contacts"].get("contacts") or [None]
        contact = listed[0]
    return contact.get("id") if isinstance(contact, dict) else contact


def _conversation_rows(
    conversation: dict[str, Any], agent_turns: str, unknown_authors: dict[str, int]
) -> list[dict[str, Any]]:
    attributes = {  # "Language", "Touchpoint" as workspaces name them; other keys as written
        str(key).lower() if str(key).lower() in _READ_ATTRIBUTES else key: value
        for key, value in (conversation.get("custom_attributes") or {}).items()
    }
    rating = conversation.get("conversation_rating") or {}
    shared = {
        "conversation_id": str(conversation["id"]),
        "respondent_id": _contact_id(conversation),
        "csat": rating.get("rating") if isinstance(rating, dict) else rating,
        "touchpoint": attributes.get("touchpoint"),
        "journey_stage": attributes.get("journey_stage"),
        "lang_hint": attributes.get("language"),
        **_carried(attributes, _ATTRIBUTE_KEYS),
    }
    rows, context = [], []
    for part in [*_parts(conversation), *_rating_remark(rating)]:
        author = _author_type(part)
        body = part.get("body") or ""
        if author not in CUSTOMER_AUTHORS:
            if author not in AGENT_AUTHORS:
                unknown_authors[author] = unknown_authors.get(author, 0) + 1
            if body and part.get("part_type") not in _INTERNAL_PARTS:
                context.append(html_to_text(body))
            continue
        turn = len(rows)
        row = {
            **shared,
            "response_id": f"{conversation['id']}-{turn}",
            "turn": turn,
            "created_at": part.get("created_at") or conversation.get("created_at"),
            "text": body if html_to_text(body).strip() else "",  # "<p> </p>" says nothing
            **_carried(part),
        }
        if agent_turns == "context":
            row["context"] = "\n".join(c for c in context if c)
        context = []
        rows.append(row)
    return rows


def _rating_remark(rating: object) -> list[dict[str, Any]]:
    """The customer's remark on their rating, as a last customer part (or nothing)."""
    if not isinstance(rating, dict) or not rating.get("remark"):
        return []
    return [
        {
            "author": {"type": "user"},
            "body": str(rating["remark"]),
            "created_at": rating.get("created_at"),
        }
    ]


def _carried(part: dict[str, Any], interpreted: frozenset[str] = _PART_KEYS) -> dict[str, Any]:
    """Scalar keys of a part (or the conversation's custom attributes) that the reader does not
    interpret, kept as columns (a conversation's FCR or resolution time lands on each turn)."""
    return {
        key: value
        for key, value in part.items()
        if key not in interpreted and (value is None or isinstance(value, str | int | float | bool))
    }
