"""XML exports: the repeated record elements of a document, one row each.

Survey tools (Qualtrics among them) and annotated corpora export responses as XML: a root
holding one element per response (``<Responses><Response>…``), each with the answers as
attributes or as child elements holding text. Each record's attributes and text-only
children become columns; children with their own structure (``<Opinions>`` lists, nested
groups) are not read, and the read summary says which. The file is parsed with the standard
library's expat, entity declarations refused (no entity expansion of any size), and decoded
in the encoding its declaration names (else detected as the other text formats are), a few
damaged characters flagging their rows instead of refusing the file.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.mapping import ColumnPlan, Mapping
from feedback_nlp.io.structured import _check_platform, decode_file

#: Characters XML 1.0 forbids (C0 controls but tab, LF, CR): read as U+FFFD, flagging the row.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: The XML declaration: the text is already decoded, so its encoding no longer applies.
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: The encoding named by the declaration at the start of the (byte) file.
_DECLARED_ENCODING = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)[\"']"
)
#: Values of one record's repeated text elements (answers to a multiple choice) joined so.
REPEAT_JOINER = " | "


#: HTML markup a web form leaves inside a comment (``Great <b>service</b><br/>thanks``): the
#: element is still a value, its text read through the markup.
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "big", "br", "cite", "code", "del", "div", "em", "font", "hr", "i"}
    | {"img", "ins", "li", "mark", "ol", "p", "q", "s", "small", "span", "strike", "strong"}
    | {"sub", "sup", "u", "ul"}
)
#: Markup that breaks a line: read as a line break.
_BREAKS = frozenset({"p", "div", "li"})


@dataclass
class _Node:
    """An element: its local tag, attributes, child elements and content (its text pieces
    and child elements, in document order)."""

    tag: str
    attributes: dict[str, str]
    children: list[_Node] = field(default_factory=list)
    content: list[str | _Node] = field(default_factory=list)

    @property
    def is_value(self) -> bool:
        """An element holding only text, marked up or not (a column's value)."""
        return not self.attributes and all(child.is_markup for child in self.children)

    @property
    def is_markup(self) -> bool:
        """Inline HTML (<b>, <br/>, <a href>) in a text, holding only text or more of it."""
        return self.tag.lower() in INLINE_TAGS and all(c.is_markup for c in self.children)

    def text(self) -> str:
        """The element's text, through any markup (a line break for <br/>, <p>, <li>)."""
        pieces = []
        for part in self.content:
            if isinstance(part, str):
                pieces.append(part)
            elif part.tag.lower() in ("br", "hr"):
                pieces.append("\n")
            else:
                breaks = "\n" if part.tag.lower() in _BREAKS else ""
                pieces.append(breaks + part.text() + breaks)
        return "".join(pieces)


def parse_xml(path: Path, text: str) -> _Node:
    """The document's element tree; ReadError with the line of a malformed document."""
    stack: list[_Node] = [_Node("", {})]
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entities(name: str, *_: Any) -> None:
        raise ReadError(
            path,
            f"the file declares the XML entity '{name}'",
            line=parser.CurrentLineNumber,
            hint="exports need no entity declarations; remove the DOCTYPE",
        )

    def start(tag: str, attributes: dict[str, str]) -> None:
        node = _Node(_local(tag), {_local(k): v for k, v in attributes.items()})
        stack[-1].children.append(node)
        stack[-1].content.append(node)
        stack.append(node)

    parser.EntityDeclHandler = refuse_entities
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda _tag: stack.pop()
    parser.CharacterDataHandler = lambda data: stack[-1].content.append(data)
    try:
        parser.Parse(_FORBIDDEN.sub("\ufffd", _DECLARATION.sub("", text, count=1)), True)
    except expat.ExpatError as error:
        problem = expat.errors.messages[error.code]
        raise ReadError(
            path,
            f"not well-formed XML: {problem} (column {error.offset + 1})",
            line=error.lineno,
            hint="the file is truncated or damaged; export it again",
        ) from None
    return stack[0].children[0]


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names (``<?xml version="1.0" encoding="windows-1251"?>``)
    when Python knows it; None without one (the bytes are then detected like any text file)."""
    found = _DECLARED_ENCODING.match(data[:200])
    if found is None:
        return None
    name = found.group(1).decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _local(name: str) -> str:
    """A tag or attribute name without its namespace prefix."""
    return name.rsplit(":", 1)[-1]


def record_elements(root: _Node) -> list[_Node]:
    """The records: the elements with structure that repeat at the first level where some
    do, going down through wrappers (``<export><responses><response>…``); an element whose
    children are its values is one record; a list of text-only elements is one record each."""
    node = root
    while True:
        structured = [child for child in node.children if not child.is_value]
        if not structured:
            listed = len(node.children) > 1 and len({c.tag for c in node.children}) == 1
            return list(node.children) if listed else [node]
        tag, count = Counter(child.tag for child in structured).most_common(1)[0]
        if count > 1:
            return [child for child in structured if child.tag == tag]
        if len(structured) < len(node.children):  # a record with a part of its own
            return [node]
        node = max(structured, key=lambda child: len(child.children))


def record_row(record: _Node) -> tuple[dict[str, str], set[str], set[str]]:
    """A record's columns, the tags of its structured children (not read) and of its
    repeated text children (joined)."""
    row = dict(record.attributes)
    if all(child.is_markup for child in record.children):  # the record is a text itself
        row[record.tag] = _value([record])
        return row, set(), set()
    values: dict[str, list[str]] = {}
    nested = set()
    for child in record.children:
        if child.is_value:
            values.setdefault(child.tag, []).append(child)
        else:
            nested.add(child.tag)
    for tag, found in values.items():
        row[tag] = _value(found)
    return row, nested, {tag for tag, found in values.items() if len(found) > 1}


def _value(elements: list[_Node]) -> str | None:
    """The text of a record's elements of one tag, joined; None when they hold none."""
    texts = [element.text().strip("\n") for element in elements]
    return REPEAT_JOINER.join(t for t in texts if t) or None


def read_xml(
    path: Path,
    *,
    platform: str,
    mapping: Mapping | None,
    encoding: str | None,
    seen_ids: dict[str, str],
) -> tuple[TableBuilder, dict[str, object]]:
    """Read an XML export: one row per record element (`record_elements`)."""
    _check_platform(path, platform, ("auto", "generic"))
    data = path.read_bytes()
    text, chosen = decode_file(path, data, encoding or declared_encoding(data))
    records = record_elements(parse_xml(path, text))
    rows, nested, repeated = [], set(), set()
    for record in records:
        row, its_nested, its_repeated = record_row(record)
        rows.append(row)
        nested |= its_nested
        repeated |= its_repeated
    rows = [{k: v for k, v in row.items() if k not in nested} for row in rows]  # empty ones
    columns = list(dict.fromkeys(name for row in rows for name in row))
    plan = ColumnPlan(columns=recognise(columns)).apply(mapping)
    builder = TableBuilder(path=path, plan=plan, seen_ids=seen_ids)
    builder.check_plan(columns)
    builder.add(pd.DataFrame(rows, columns=columns), list(range(1, len(rows) + 1)))
    info: dict[str, object] = {
        "format": "xml",
        "encoding": chosen,
        "line_means": "record number",
    }
    if nested:
        builder.plan.notes.append(
            f"XML elements with parts of their own not read: {sorted(nested)}"
        )
    if repeated:
        builder.plan.notes.append(
            f"repeated XML elements joined with '{REPEAT_JOINER}': {sorted(repeated)}"
        )
    return builder, info
