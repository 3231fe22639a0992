"""The Markdown summary: short, and a comment cannot add links, images or cells."""

from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.report.markdown import md_escape, to_markdown
from tests.report.conftest import HOSTILE, long_late_delivery_comments, theme_table


def test_md_escape_neutralises_links_images_html_and_cells():
    text = md_escape(HOSTILE["markdown"] + " <b>x</b>")
    assert "](" not in text and "![" not in text and "<b>" not in text
    assert "\\|" in text and "&lt;b&gt;" in text


def test_md_escape_keeps_a_plain_ampersand_and_stops_an_entity():
    assert md_escape("waiter & drink") == "waiter & drink"  # not "&amp;" in the raw file
    assert md_escape("R&D &lt;b&gt; &#60;") == "R&D &amp;lt;b&amp;gt; &amp;\\#60;"


def test_summary_carries_scores_costliest_themes_and_links(table):
    text = to_markdown(build_insight_report(ReportInputs(table, themes=theme_table())))
    assert text.startswith("# Customer feedback")
    assert "**NPS: −19**" in text
    assert "late delivery" in text and "report.html" in text
    assert len(text.splitlines()) < 120


def test_a_long_quote_is_quoted_by_the_part_raising_its_theme(table):
    longer, mentions = long_late_delivery_comments(table)
    inputs = ReportInputs(longer, themes=theme_table(), mentions=mentions)
    text = to_markdown(build_insight_report(inputs))
    quoted = [line for line in text.splitlines() if "came a week late" in line]
    assert quoted and all("weather" not in line for line in quoted)
