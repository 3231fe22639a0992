"""A report is a list of sections (a heading, sentences, a table); renderers turn it into files.

Reports are functions of tables: the CLI and a notebook build the same :class:`Report` from the
same DataFrames and get the same numbers. Renderers write Markdown, a self-contained HTML page
(no scripts, nothing fetched) and an Excel workbook with one sheet per table.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.report.export import redact_for_export, write_workbook


@dataclass
class Section:
    """One part of a report: a title, short paragraphs and an optional table."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    #: Column of `table` drawn as a horizontal bar in HTML (e.g. an impact or a share).
    bar_column: str | None = None
    max_rows: int = 25


@dataclass
class Report:
    """A titled list of sections."""

    title: str
    sections: list[Section] = field(default_factory=list)

    def add(self, section: Section) -> Section:
        """Append a section and return it."""
        self.sections.append(section)
        return section


def _format_cell(value: object) -> str:
    if value is None or (not isinstance(value, str | list | tuple | np.ndarray) and pd.isna(value)):
        return ""
    if isinstance(value, float | np.floating):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _visible(section: Section) -> pd.DataFrame:
    assert section.table is not None
    return redact_for_export(section.table).head(section.max_rows)


def to_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    lines = [f"# {report.title}", ""]
    for section in report.sections:
        lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.table is not None and len(section.table):
            table = _visible(section)
            cells = [
                [_format_cell(v).replace("|", "\\|").replace("\n", " ") for v in row]
                for row in table.itertuples(index=False)
            ]
            lines.append("| " + " | ".join(map(str, table.columns)) + " |")
            lines.append("|" + "---|" * len(table.columns))
            lines += ["| " + " | ".join(row) + " |" for row in cells]
            if len(section.table) > section.max_rows:
                hidden = len(section.table) - section.max_rows
                lines.append(f"\n… {hidden} more rows in the workbook.")
            lines.append("")
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;
color:#1f2933;line-height:1.45}h1{border-bottom:3px solid #3b6ea5}
h2{margin-top:2.2rem;color:#3b6ea5}
table{border-collapse:collapse;font-size:.86rem;width:100%}th,td{border-bottom:1px solid #e4e7eb;
padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f5f7fa}
.bar{display:inline-block;height:.7rem;background:#3b6ea5;margin-right:.3rem}.neg{background:#c0392b}
.note{color:#616e7c;font-size:.85rem}
"""


def _bar(value: object, scale: float) -> str:
    if not isinstance(value, int | float | np.number) or pd.isna(value) or scale == 0:
        return ""
    width = min(120.0, abs(float(value)) / scale * 120.0)
    kind = "bar neg" if float(value) < 0 else "bar"
    return f'<span class="{kind}" style="width:{width:.0f}px"></span>'


def _html_table(section: Section) -> str:
    table = _visible(section)
    bar = section.bar_column if section.bar_column in table.columns else None
    scale = float(table[bar].abs().max()) if bar and len(table) else 0.0
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    rows = []
    for record in table.to_dict("records"):
        cells = []
        for column, value in record.items():
            prefix = _bar(value, scale) if column == bar else ""
            cells.append(f"<td>{prefix}{html.escape(_format_cell(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(section.table) > section.max_rows:
        hidden = len(section.table) - section.max_rows
        more = f'<p class="note">… {hidden} more rows in the workbook.</p>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def to_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts)."""
    body = [f"<h1>{html.escape(report.title)}</h1>"]
    for section in report.sections:
        body.append(f"<h2>{html.escape(section.title)}</h2>")
        body += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
        if section.table is not None and len(section.table):
            body.append(_html_table(section))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(report.title)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def write_report(report: Report, folder: str | Path, *, stem: str = "report") -> dict[str, Path]:
    """Write `<stem>.md`, `<stem>.html` and `<stem>.xlsx` into `folder`; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"markdown": folder / f"{stem}.md", "html": folder / f"{stem}.html"}
    paths["markdown"].write_text(to_markdown(report), encoding="utf-8")
    paths["html"].write_text(to_html(report), encoding="utf-8")
    sheets = {
        f"{index:02d} {section.title}": section.table
        for index, section in enumerate(report.sections, start=1)
        if section.table is not None
    }
    if sheets:
        paths["xlsx"] = write_workbook(sheets, folder / f"{stem}.xlsx")
    return paths
