"""The report's Markdown summary, short enough for a ticket or a wiki page.

Text from the data is escaped for Markdown and HTML: a comment cannot add a link, an image
(which a wiki would fetch), a heading or a table cell.
"""

from __future__ import annotations

import re

from feedback_nlp.report import excerpts
from feedback_nlp.report.document import Cards, InsightReport, Paragraph, Quote, Quotes, Table
from feedback_nlp.report.plain import quote_tags

#: Sections whose tables the summary keeps (their first rows).
SUMMARY_TABLES = {"themes": 10, "languages": 12, "questions": 12}
#: Rows kept of the breakdowns by the analysis's own segment columns (keys "segment-<n>").
SEGMENT_ROWS = 12
#: Rows of each declared outcome's theme table that the summary keeps.
OUTCOME_ROWS = 5
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~>])")
_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def md_escape(text: object) -> str:
    """Text that Markdown shows literally: HTML entities and backslash-escaped syntax; an
    ampersand only where it would start an entity ("waiter & drink" stays as written)."""
    value = _ENTITY_START.sub("&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")
    value = _SPECIAL.sub(r"\\\1", value)
    return " ".join(value.split())


def _table(block: Table, rows: int) -> list[str]:
    frame = block.frame.head(rows)
    lines = ["| " + " | ".join(md_escape(c) for c in frame.columns) + " |"]
    lines.append("|" + "---|" * len(frame.columns))
    lines += [
        "| " + " | ".join(md_escape(v) for v in row) + " |"
        for row in frame.itertuples(index=False, name=None)
    ]
    if len(block.frame) > rows:
        lines.append(f"\n… {len(block.frame) - rows} more rows in the full report.")
    return [*lines, ""]


def _quote(quote: Quote, focused: bool = False) -> str:
    """A quote; `focused` (a summary card's) shows the part raising the theme."""
    tags = ", ".join(md_escape(t) for t in quote_tags(quote.lang, quote.group, quote.question))
    part = excerpts.focused_text(quote) if focused else None
    text = md_escape(part or excerpts.shown(quote.text, quote.excerpt, quote.lang))
    return f"> {text} *({tags})*" if tags else f"> {text}"


def _cards(block: Cards) -> list[str]:
    lines = [f"### {md_escape(block.heading)}", ""] if block.heading else []
    for card in block.cards:
        head = f"**{md_escape(card.title)}: {md_escape(card.value)}**" if card.title else ""
        body = md_escape(card.detail if card.title else card.value)
        lines.append(f"- {head} {body}".replace("-  ", "- "))
        if card.quote is not None:
            lines += ["", f"  {_quote(card.quote, focused=True)}", ""]
    return [*lines, ""]


def to_markdown(
    report: InsightReport, *, html_name: str = "report.html", xlsx_name: str = "report.xlsx"
) -> str:
    """The summary section in full, then the key tables; links to the full report."""
    lines = [f"# {md_escape(report.title)}", "", md_escape(report.subtitle), ""]
    for section in report.sections:
        if section.key == "summary":
            lines += [f"## {md_escape(section.title)}", ""]
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    lines += [md_escape(block.text), ""]
                elif isinstance(block, Cards):
                    lines += _cards(block)
        elif section.key.startswith("outcome-"):  # declared outcomes: intro and top themes
            tables = [b for b in section.blocks if isinstance(b, Table)]
            lines += [f"## {md_escape(section.title)}", ""]
            lines += [md_escape(b.text) + "\n" for b in section.blocks if isinstance(b, Paragraph)]
            if tables:
                lines += _table(tables[0], OUTCOME_ROWS)
        elif section.key in SUMMARY_TABLES or section.key.startswith("segment-"):
            tables = [b for b in section.blocks if isinstance(b, Table)]
            if tables:
                lines += [f"## {md_escape(section.title)}", ""]
                lines += _table(tables[0], SUMMARY_TABLES.get(section.key, SEGMENT_ROWS))
        elif section.key == "quotes":
            first = next((b for b in section.blocks if isinstance(b, Quotes)), None)
            if first is not None and first.quotes:
                lines += [f"## {md_escape(section.title)}: {md_escape(first.heading)}", ""]
                for quote in first.quotes[:3]:
                    lines += [_quote(quote), ""]
    lines.append(
        f"Charts, heatmaps, trends and every quote: `{html_name}`; every table behind them "
        f"and the tagged comments: `{xlsx_name}`."
    )
    return "\n".join(lines) + "\n"
