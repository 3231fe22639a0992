"""The report as data: sections made of blocks (text, cards, charts, tables, quotes).

Builders (:mod:`feedback_nlp.report.sections`) produce an :class:`InsightReport`; renderers
turn it into HTML (:mod:`~feedback_nlp.report.html`), Markdown
(:mod:`~feedback_nlp.report.markdown`) and an Excel workbook (its `sheets`, technical names).
Blocks hold plain text: renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass
class Paragraph:
    """A sentence or two in plain words."""

    text: str
    note: bool = False


@dataclass
class Card:
    """One headline number: 'NPS', '−41', '95 % range −48 to −33, 468 customers'."""

    title: str
    value: str
    detail: str = ""
    tone: str = ""  # "bad", "good" or ""
    quote: Quote | None = None


@dataclass
class Cards:
    """A row of cards under a small heading."""

    heading: str
    cards: list[Card]


@dataclass
class Chart:
    """A plotly figure (as its JSON dict) and the sentence that says how to read it."""

    key: str
    figure: dict[str, Any]
    caption: str = ""


@dataclass
class Table:
    """A table with plain column names and values already formatted as text."""

    frame: pd.DataFrame
    caption: str = ""
    collapsed: bool = False
    max_rows: int = 40


@dataclass
class Quote:
    """A redacted comment, its language and whose it is; `excerpt` is the part of it that
    raises the theme, when known (a long comment is shown by it: `report.excerpts`)."""

    text: str
    lang: str
    group: str = ""
    excerpt: str = ""
    question: str = ""  # the open question it answers, in surveys asking several

    @classmethod
    def from_row(cls, row: pd.Series) -> Quote:
        """The quote of one row of the ``quotes`` table (`insights.quotes`)."""
        excerpt, question = row.get("excerpt"), row.get("question")
        known = isinstance(excerpt, str) and bool(excerpt.strip())
        asked = question if isinstance(question, str) else ""
        return cls(
            str(row["text_clean"]),
            str(row["lang"]),
            str(row["group"]),
            excerpt if known else "",
            asked,
        )


@dataclass
class Quotes:
    """Quotes under one heading (a theme)."""

    heading: str
    detail: str
    quotes: list[Quote]


@dataclass
class Glossary:
    """Terms and what they mean."""

    terms: dict[str, str]


Block = Paragraph | Cards | Chart | Table | Quotes | Glossary


@dataclass
class Section:
    """A titled part of the report, with an anchor id."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block | None) -> None:
        """Append a block (None, e.g. a chart without data, is skipped)."""
        if block is not None:
            self.blocks.append(block)


@dataclass
class InsightReport:
    """Everything the renderers need: sections for people, sheets for analysts."""

    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
    #: Technical tables for the workbook (sheet name → table), in order.
    sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: Short facts for the CLI's closing summary (comments, languages, top themes, scores).
    facts: dict[str, Any] = field(default_factory=dict)

    def charts(self) -> list[Chart]:
        """Every chart, in page order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    def figures(self) -> dict[str, Any]:
        """Every chart as a plotly Figure, by key (e.g. to show them in a notebook)."""
        import plotly.graph_objects as go

        return {chart.key: go.Figure(chart.figure) for chart in self.charts()}
