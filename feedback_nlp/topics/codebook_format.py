"""Codebook entries, and the validation of a parsed codebook document (`topics.codebook`
describes the file format); errors name the file and the entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import JOURNEY_STAGES, LIST_SEP, TOUCHPOINTS
from feedback_nlp.text.replies import with_undotted
from feedback_nlp.topics.config import LANGUAGE_CODE
from feedback_nlp.topics.rules import Rule, parse_rule

LEVELS = ("category", "theme")
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


@dataclass
class CodebookEntry:
    """One theme of a codebook."""

    id: str
    names: dict[str, str]
    description: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    level: str = "category"
    touchpoint: str = ""
    journey_stage: str = ""
    judgement: bool = False  # a judgement of the whole experience, not a cause

    def name(self, lang: str) -> str:
        """Display name in `lang`, else English, else the first one, else the id."""
        return (
            self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()), self.id)
        )


@dataclass
class Codebook:
    """A named list of entries plus the replies that carry no theme."""

    name: str
    entries: list[CodebookEntry]
    content_free: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-able description (rules as their source text)."""
        return {
            "name": self.name,
            "source": self.source,
            "content_free": self.content_free,
            "entries": [
                {
                    "id": e.id,
                    "names": e.names,
                    "description": e.description,
                    "examples": e.examples,
                    "rules": [r.text for r in e.rules],
                    "level": e.level,
                    "touchpoint": e.touchpoint,
                    "journey_stage": e.journey_stage,
                    "judgement": e.judgement,
                }
                for e in self.entries
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str = "saved model") -> Codebook:
        """Rebuild a codebook written by :meth:`to_json` (validated like a file)."""
        document = {"codebook": {"name": data.get("name", "")}, "theme": data.get("entries", [])}
        document["content_free"] = data.get("content_free", {})
        book = parse_codebook(document, where)
        book.source = str(data.get("source", ""))
        return book


def parse_codebook(
    document: Any, where: str, builtin: dict[str, list[str]] | None = None
) -> Codebook:
    """Validate a parsed codebook document; errors name the file and the entry. Its content-free
    replies extend `builtin` (the built-in lists) unless its table says ``replace = true``."""
    if not isinstance(document, dict) or not isinstance(document.get("theme"), list):
        raise ConfigError(f"{where}: a codebook needs a list of [[theme]] entries")
    _check_keys(document, TOP_KEYS, where, "the codebook")
    header = document.get("codebook", {}) or {}
    _check_keys(header, HEADER_KEYS, where, "[codebook]")
    entries = [_entry(raw, index, where) for index, raw in enumerate(document["theme"], 1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ConfigError(f"{where}: theme id '{entry.id}' is used twice")
        seen.add(entry.id)
    _check_names_differ(entries, where)
    content_free = content_free_lists(document.get("content_free", {}) or {}, where, builtin)
    return Codebook(str(header.get("name", Path(where).stem)), entries, content_free)


#: The tables of a codebook file, and the keys of its [codebook] header.
TOP_KEYS = ("codebook", "theme", "content_free")
HEADER_KEYS = ("name", "description", "version", "languages")


def _check_keys(table: Any, known: tuple[str, ...], where: str, part: str) -> None:
    """A misspelt table ([[themes]]) or key would be dropped without a word: refuse it."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: {part} must be a table")
    unknown = sorted(str(key) for key in table if key not in known)
    if unknown:
        raise ConfigError(
            f"{where}: {part} has unknown key(s) {unknown}; known: {', '.join(known)}"
        )


def _check_names_differ(entries: list[CodebookEntry], where: str) -> None:
    """Two entries named alike in one language would be one theme in every table."""
    named: dict[tuple[str, str], str] = {}
    for entry in entries:
        for lang, name in entry.names.items():
            key = (lang, " ".join(name.casefold().split()))
            if key in named:
                raise ConfigError(
                    f"{where}: themes '{named[key]}' and '{entry.id}' have the same {lang} "
                    f"name {name!r}: give each its own"
                )
            named[key] = entry.id


def _entry(raw: Any, index: int, where: str) -> CodebookEntry:
    label = f"{where}: theme entry {index}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{label}: must be a table with id, name and examples or rules")
    known = {"id", "name", "names", "description", "examples", "rules", "level", "judgement"}
    unknown = set(raw) - known - {"touchpoint", "journey_stage"}
    if unknown:
        raise ConfigError(f"{label}: unknown keys {sorted(unknown)} (known: {sorted(known)})")
    entry_id = str(raw.get("id", ""))
    if not _ID.match(entry_id):
        raise ConfigError(f"{label}: 'id' must be 1-64 letters, digits, '_', '.' or '-'")
    label = f"{where}: theme '{entry_id}'"
    names = raw.get("names", raw.get("name"))
    if isinstance(names, str):
        names = {"en": names}
    if (
        not isinstance(names, dict)
        or not names
        or not all(isinstance(v, str) and v.strip() and LIST_SEP not in v for v in names.values())
    ):
        raise ConfigError(f"{label}: 'name' must be a string or a table language -> name")
    _check_languages(names, label, "name")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(f"{label}: 'description' must be text, not {description!r}")
    level = str(raw.get("level", "category"))
    if level not in LEVELS:
        raise ConfigError(f"{label}: 'level' must be one of {LEVELS}, not {level!r}")
    examples = _language_lists(raw.get("examples", {}) or {}, label, "examples")
    examples = {lang: items for lang, items in examples.items() if items}  # fr = [] is none
    rules = [parse_rule(r, label) for r in _string_list(raw.get("rules", []), label, "rules")]
    if not examples and not rules:
        raise ConfigError(f"{label}: give examples, rules or both")
    touchpoint = str(raw.get("touchpoint", "") or "")
    stage = str(raw.get("journey_stage", "") or "")
    if touchpoint and touchpoint not in TOUCHPOINTS:
        raise ConfigError(f"{label}: touchpoint must be one of {TOUCHPOINTS} or empty")
    if stage and stage not in JOURNEY_STAGES:
        raise ConfigError(f"{label}: journey_stage must be one of {JOURNEY_STAGES} or empty")
    judgement = raw.get("judgement", False)
    if not isinstance(judgement, bool):
        raise ConfigError(f"{label}: 'judgement' must be true or false, not {judgement!r}")
    return CodebookEntry(
        id=entry_id,
        names={str(k): v.strip() for k, v in names.items()},
        description=description,
        examples=examples,
        rules=rules,
        level=level,
        touchpoint=touchpoint,
        journey_stage=stage,
        judgement=judgement,
    )


def content_free_lists(
    value: Any, where: str, builtin: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """The [content_free] lists added to `builtin`'s (none with ``replace = true``), each dotted
    abbreviation also without its dots ("n.v.t." and "nvt")."""
    table = dict(value) if isinstance(value, dict) else value
    replace = table.pop("replace", False) if isinstance(table, dict) else False
    if not isinstance(replace, bool):
        raise ConfigError(f"{where}: [content_free] 'replace' must be true or false")
    own = _language_lists(table, where, "content_free")
    if replace and not any(own.values()):
        raise ConfigError(f"{where}: [content_free] has replace = true but no lists to use")
    lists = {} if replace or builtin is None else {k: list(v) for k, v in builtin.items()}
    for lang, items in own.items():
        lists[lang] = [*lists.get(lang, []), *items]
    return {lang: with_undotted(items) for lang, items in lists.items()}


def _language_lists(value: Any, label: str, key: str) -> dict[str, list[str]]:
    if isinstance(value, list):
        value = {"en": value}
    if not isinstance(value, dict):
        raise ConfigError(f"{label}: '{key}' must be a table language -> list of strings")
    _check_languages(value, label, key)
    return {str(lang): _string_list(items, label, f"{key}.{lang}") for lang, items in value.items()}


def _check_languages(table: dict[Any, Any], label: str, key: str) -> None:
    """Keys of a table by language are language codes ("en"; YAML reads a bare no: as false)."""
    for lang in table:
        if not isinstance(lang, str) or not LANGUAGE_CODE.match(lang):
            hint = " (in YAML write 'no' in quotes)" if lang is False else ""
            raise ConfigError(
                f"{label}: '{key}' has the language {lang!r}: use codes such as en, fr{hint}"
            )


def _string_list(value: Any, label: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{label}: '{key}' must be a list of non-empty strings")
    return [v.strip() for v in value]
