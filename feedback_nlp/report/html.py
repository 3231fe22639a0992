"""The report as one self-contained HTML page: styles, plotly.js and every figure inline.

Nothing is fetched: no CDN, no web font, no image; a Content-Security-Policy forbids any
request. All text from the data is escaped with :func:`html.escape`; figure JSON sits in
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so
no comment, label or column value can close a tag or start a script.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from importlib import resources

import pandas as pd

from feedback_nlp.report import excerpts
from feedback_nlp.report.document import (
    Cards,
    Chart,
    Glossary,
    InsightReport,
    Paragraph,
    Quote,
    Quotes,
    Section,
    Table,
)
from feedback_nlp.report.plain import language_name, quote_tags

#: The plotly.js build inlined in every report (see assets/README.md).
PLOTLY_ASSET = "plotly-cartesian.min.js"

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; connect-src 'none'; font-src 'none'; form-action 'none'; "
    "base-uri 'none'"
)

_CSS = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--accent:#236fa1;--bad:#c0392b;--good:#2a7ab0}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0;line-height:1.45;background:#fff}
header{padding:1.4rem 2rem .6rem;border-bottom:3px solid var(--accent)}
header h1{margin:0;font-size:1.6rem}header p{margin:.3rem 0 0;color:var(--muted)}
nav{position:sticky;top:0;background:#f5f7fa;border-bottom:1px solid var(--line);
padding:.4rem 2rem;font-size:.85rem;z-index:10;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav a{color:var(--accent);text-decoration:none;white-space:nowrap}
@media (max-width:40em),(max-height:30em){nav{position:static}}
main{max-width:1150px;margin:0 auto;padding:0 2rem 3rem}
section{padding-top:1.2rem;scroll-margin-top:4rem}
h2{color:var(--accent);border-bottom:1px solid var(--line);
padding-bottom:.2rem}h3{margin:1rem 0 .4rem;font-size:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;background:#fbfcfd}
.card .title{font-weight:600}.card .value{font-size:1.9rem;font-weight:700;line-height:1.2}
.card.bad .value{color:var(--bad)}.card.good .value{color:var(--good)}
.card .detail{color:var(--muted);font-size:.85rem}
.card.plain{font-size:.95rem}
blockquote{margin:.5rem 0;padding:.4rem .8rem;border-left:3px solid var(--line);
font-size:.92rem;background:#fafbfc}
blockquote.detractor{border-left-color:var(--bad)}blockquote.promoter{border-left-color:var(--good)}
.tag{display:inline-block;font-size:.72rem;color:var(--muted);border:1px solid var(--line);
border-radius:3px;padding:0 .3rem;margin-right:.4rem;vertical-align:1px}
figure{margin:.6rem 0 1.2rem}figcaption{color:var(--muted);font-size:.85rem}
.chart{width:100%;min-height:120px}
table{border-collapse:collapse;font-size:.85rem;width:100%;margin:.4rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.28rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f7fa;font-weight:600}caption{caption-side:top;text-align:left;color:var(--muted);
font-size:.85rem;padding:0 0 .3rem}td.num{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.4rem 0 1rem}summary{cursor:pointer;color:var(--accent)}
.note{color:var(--muted);font-size:.85rem}dl{font-size:.9rem}dt{font-weight:600}
dd{margin:0 0 .5rem 1rem}
@media print{
nav,.modebar-container{display:none!important}
header{padding:0 0 .4rem}main{max-width:none;padding:0}
body{font-size:10.5pt}h2{break-after:avoid}
figure,.card,blockquote,tr{break-inside:avoid}
section{break-before:auto}.chart{width:100%!important}
details>summary{display:none}a{color:inherit;text-decoration:none}
}
"""

_SCRIPT = """
(function(){
var config={displaylogo:false,responsive:true,showSendToCloud:false,showEditInChartStudio:false,
plotlyServerURL:'',modeBarButtonsToRemove:['select2d','lasso2d','autoScale2d','sendDataToCloud',
'editInChartStudio','zoom2d','pan2d','zoomIn2d','zoomOut2d','resetScale2d'],
toImageButtonOptions:{format:'png'}};
var nodes=Array.prototype.slice.call(document.querySelectorAll('[data-figure]'));
var pending=nodes.map(function(el){
var fig=JSON.parse(document.getElementById(el.getAttribute('data-figure')).textContent);
return Plotly.newPlot(el,fig.data,fig.layout,config).then(function(){
el.setAttribute('data-rendered','1');});});
Promise.all(pending).then(function(){
window.reportRendered=performance.now();document.body.setAttribute('data-rendered','1');});
function resize(){nodes.forEach(function(el){Plotly.Plots.resize(el);});}
window.addEventListener('beforeprint',function(){
document.querySelectorAll('details:not(.whole)').forEach(function(d){d.open=true;});resize();});
window.addEventListener('afterprint',resize);
})();
"""


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The plotly.js bundle shipped in report/assets, checked to be safe to inline."""
    text = (resources.files("feedback_nlp.report") / "assets" / PLOTLY_ASSET).read_text("utf-8")
    if "</script" in text.lower():
        raise ValueError(f"{PLOTLY_ASSET} contains '</script' and cannot be inlined")
    return text


def json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element (no '<', '>', '&', U+2028/9 literally) and
    that `JSON.parse` reads: NaN and infinities become null (a missing range in a chart;
    before stop 47 one NaN stopped every chart after it from being drawn)."""
    text = json.dumps(_finite(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _finite(value: object) -> object:
    """`value` as plain JSON types, with None for NaN, infinities and missing values."""
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    if isinstance(value, str | bool | int) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _finite(value.tolist())
    raise TypeError(f"cannot put {type(value).__name__} in a figure")


def to_html(report: InsightReport) -> str:
    """The whole page."""
    esc = html.escape
    nav = "".join(f'<a href="#{esc(s.key)}">{esc(s.title)}</a>' for s in report.sections)
    body = "".join(_section(s) for s in report.sections)
    figures = "".join(
        f'<script type="application/json" id="fig-{esc(c.key)}">'
        f"{json_for_script(c.figure)}</script>"
        for c in report.charts()
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(report.title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{esc(report.title)}</h1><p>{esc(report.subtitle)}</p></header>"
        f"<nav>{nav}</nav><main>{body}</main>{figures}"
        f"<script>{plotly_js()}</script><script>{_SCRIPT}</script></body></html>"
    )


def _section(section: Section) -> str:
    parts = [f'<section id="{html.escape(section.key)}"><h2>{html.escape(section.title)}</h2>']
    parts += [_block(b) for b in section.blocks]
    return "".join(parts) + "</section>"


def _block(block: object) -> str:
    if isinstance(block, Paragraph):
        cls = ' class="note"' if block.note else ""
        return f"<p{cls}>{html.escape(block.text)}</p>"
    if isinstance(block, Cards):
        return _cards(block)
    if isinstance(block, Chart):
        key = html.escape(block.key)
        return (
            f'<figure><div class="chart" id="chart-{key}" data-figure="fig-{key}" role="img" '
            f'aria-labelledby="caption-{key}"></div>'
            f'<figcaption id="caption-{key}">{html.escape(block.caption)}</figcaption></figure>'
        )
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Quotes):
        return _quotes(block)
    if isinstance(block, Glossary):
        items = "".join(
            f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in block.terms.items()
        )
        return f"<dl>{items}</dl>"
    raise TypeError(f"unknown report block {type(block).__name__}")


def _cards(block: Cards) -> str:
    cards = []
    for card in block.cards:
        tone = f" {card.tone}" if card.tone else ""
        plain = " plain" if not card.title else ""
        inner = f'<div class="title">{html.escape(card.title)}</div>' if card.title else ""
        value_cls = "value" if card.title else ""
        inner += f'<div class="{value_cls}">{html.escape(card.value)}</div>'
        if card.detail:
            inner += f'<div class="detail">{html.escape(card.detail)}</div>'
        if card.quote is not None:
            inner += _quote(card.quote, focused=True)
        cards.append(f'<div class="card{tone}{plain}">{inner}</div>')
    heading = f"<h3>{html.escape(block.heading)}</h3>" if block.heading else ""
    return f'{heading}<div class="cards">{"".join(cards)}</div>'


def _quote(quote: Quote, focused: bool = False) -> str:
    """A quote; `focused` (a summary card's) shows the part raising the theme (`focused_text`)."""
    known = language_name(quote.lang) != language_name(None)
    lang = html.escape(str(quote.lang)) if known else "und"
    group = html.escape(quote.group)
    tags = "".join(
        f'<span class="tag">{html.escape(t)}</span>'
        for t in quote_tags(quote.lang, quote.group, quote.question)
    )
    part = excerpts.focused_text(quote) if focused else None
    text = html.escape(part or excerpts.shown(quote.text, quote.excerpt, quote.lang))
    if part or excerpts.is_long(quote.text):
        text += (
            '<details class="whole"><summary lang="en" dir="ltr">the whole comment '
            f"({len(quote.text):,} characters)</summary>{html.escape(quote.text)}</details>"
        )
    return (  # the tags (English) apart: `dir="auto"` takes the comment's own direction
        f'<blockquote class="{group}"><div class="tags">{tags}</div>'
        f'<div class="said" lang="{lang}" dir="auto">{text}</div></blockquote>'
    )


def _quotes(block: Quotes) -> str:
    quotes = "".join(_quote(q) for q in block.quotes)
    return f"<h3>{html.escape(block.heading)}</h3>{quotes}"


def _table(block: Table) -> str:
    frame = block.frame.head(block.max_rows)
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(_cell(v) for v in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    more = ""
    if len(block.frame) > block.max_rows:
        hidden = len(block.frame) - block.max_rows
        more = f'<p class="note">… {hidden:,} more rows in the workbook.</p>'
    caption = html.escape(block.caption or "")
    tied = f"<caption>{caption}</caption>" if caption and not block.collapsed else ""
    named = f' aria-label="{caption}"' if caption and block.collapsed else ""
    table = f"<table{named}>{tied}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}"
    if block.collapsed:
        return f"<details><summary>{caption or 'Table'}</summary>{table}</details>"
    return table


def _cell(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    numeric = text[:1].isdigit() or (text[:1] in "+−-" and text[1:2].isdigit())
    cls = ' class="num"' if numeric else ""
    return f"<td{cls}>{html.escape(text)}</td>"
