"""The page is self-contained and nothing from the data can become markup or script."""

import json
import re

import numpy as np
import pandas as pd
import plotly

from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.document import Card, Cards, Quote
from feedback_nlp.report.excerpts import focused_text
from feedback_nlp.report.html import (
    _SCRIPT,
    _quote,
    json_for_script,
    plotly_js,
    to_html,
)
from feedback_nlp.report.inputs import ReportInputs
from tests.report.conftest import long_late_delivery_comments, theme_table


def test_json_for_script_writes_null_for_what_json_parse_cannot_read():
    """A NaN (a missing range) in one chart stopped every later chart from being drawn."""
    value = {"x": np.array([1.5, np.nan, np.inf]), "y": [pd.NA, pd.NaT, np.float64(-np.inf)]}
    assert json_for_script(value) == '{"x":[1.5,null,null],"y":[null,null,null]}'
    text = json_for_script({"t": pd.Timestamp("2026-01-02", tz="UTC"), "n": np.int64(3)})
    assert text == '{"t":"2026-01-02T00:00:00+00:00","n":3}'


def test_the_charts_offer_no_way_to_send_their_data_to_plotly_cloud():
    config = _SCRIPT.split("var config=", 1)[1].split(";", 1)[0]
    assert "showSendToCloud:false" in config and "plotlyServerURL:''" in config
    assert "'sendDataToCloud'" in config and "showEditInChartStudio:false" in config


def test_json_for_script_cannot_close_the_script():
    text = json_for_script({"label": "</script><script>alert(1)</script>", "x": "a & b\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script>", "x": "a & b\u2028"}


def test_vendored_plotly_has_the_major_version_of_the_python_package():
    vendored = re.search(r"plotly\.js \(cartesian - minified\) v(\d+)\.", plotly_js()).group(1)
    shipped = plotly.offline.get_plotlyjs_version().split(".")[0]
    assert vendored == shipped


def test_only_our_scripts_and_nothing_fetched(hostile_table):
    report = build_insight_report(ReportInputs(hostile_table, themes=theme_table(hostile=True)))
    page = to_html(report)
    markup = page.replace(plotly_js(), "")
    scripts = re.findall(r"<script[^>]*>", markup)
    assert len(scripts) == len(report.charts()) + 2
    assert all(s == "<script>" or s.startswith('<script type="application/json"') for s in scripts)
    assert "Content-Security-Policy" in markup and "default-src 'none'" in markup
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:|//)""", markup)
    assert not re.search(r"<link\b|@import|url\(", markup)


def test_a_long_quote_shows_the_part_raising_its_theme_and_folds_the_whole_comment(table):
    longer, mentions = long_late_delivery_comments(table)
    inputs = ReportInputs(longer, themes=theme_table(), mentions=mentions)
    page = to_html(build_insight_report(inputs))
    assert re.search(r"… the parcel r[\d-]+ came a week late\. …", page)
    assert '<details class="whole"><summary lang="en" dir="ltr">the whole comment (' in page
    assert "details:not(.whole)" in page  # printing opens tables, not whole comments


def test_tables_name_their_columns_and_captions_and_quotes_their_direction(table):
    """A screen reader ties a header to its column and a caption to its table; a quote in
    Arabic or Hebrew runs right to left (before stop 47: no scope, captions in a paragraph
    before the table, no `dir`)."""
    page = to_html(build_insight_report(ReportInputs(table, themes=theme_table())))
    assert '<th scope="col">' in page and "<th>" not in page
    assert re.search(r"<table><caption>[^<]+</caption><thead>", page)
    assert '<blockquote class="' in page
    quotes = re.findall(r"<blockquote[^>]*>.*?</blockquote>", page)
    assert quotes and all(re.search(r'<div class="said" lang="\w+" dir="auto">', q) for q in quotes)


def test_an_arabic_quote_takes_its_direction_from_its_own_text_not_its_tags():
    """`dir="auto"` on the blockquote took the direction of its first tag ("Arabic"): the
    quote ran left to right. The tags sit apart, the comment in its own element."""
    quote = Quote("لم يصل الطلب بعد", "ar", "detractor")
    markup = _quote(quote)
    assert 'dir="auto"' not in markup.split('<div class="said"')[0]
    said = re.search(r'<div class="said" lang="ar" dir="auto">([^<]*)</div>', markup)
    assert said and said.group(1) == "لم يصل الطلب بعد"


def test_a_cards_quote_shows_the_part_of_the_comment_that_raised_its_theme():
    """A comment on a sign-in failure and a late refund, quoted under the refund theme, led
    the card with the sign-in failure."""
    text = "I cannot sign in to the app since Monday. The refund was promised in 5 days."
    quote = Quote(text, "en", "detractor", excerpt="The refund was promised in 5 days")
    card = to_html_card(quote)
    assert "… The refund was promised in 5 days.<details" in card
    assert "the whole comment (" in card
    assert focused_text(Quote(text, "en", "detractor", excerpt=text)) is None
    assert focused_text(Quote(text, "en", "detractor")) is None
    assert _quote(quote).count("I cannot sign in") == 1  # the quotes section: whole comment


def to_html_card(quote: Quote) -> str:
    """The HTML of a summary card quoting `quote`."""
    from feedback_nlp.report.html import _cards

    return _cards(Cards("", [Card("refund still pending", "−3.1", quote=quote)]))


def test_a_quote_mark_in_a_theme_name_reaches_the_chart_as_a_quote_mark(table):
    themes = theme_table()
    themes.loc[0, "label"] = 'the "express" option'
    page = to_html(build_insight_report(ReportInputs(table, themes=themes)))
    figures = "".join(re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page))
    assert '\\"express\\"' in figures and "&quot;express&quot;" not in figures


def test_charts_are_named_by_their_caption_and_the_page_reflows(table):
    """Stop 49's accessibility probe: charts were unnamed images, and the sticky bar covered
    the page at 400 % zoom."""
    page = to_html(build_insight_report(ReportInputs(table, themes=theme_table())))
    charts = re.findall(r'<div class="chart" id="chart-([\w-]+)"[^>]*role="img"[^>]*>', page)
    assert charts
    for key in charts:
        assert f'aria-labelledby="caption-{key}"' in page and f'id="caption-{key}"' in page
    assert "@media (max-width:40em),(max-height:30em){nav{position:static}}" in page
    assert "'zoom2d','pan2d'" in page  # the toolbar keeps its download button only
