"""Quotes and languages sections."""

from __future__ import annotations

from feedback_nlp.report import build_insight_report
from feedback_nlp.report.document import Quotes
from feedback_nlp.report.inputs import ReportInputs
from tests.report.conftest import tagged_table, theme_table


def _quote_headings(report) -> list[str]:
    (section,) = [s for s in report.sections if s.key == "quotes"]
    return [block.heading for block in section.blocks if isinstance(block, Quotes)]


def test_without_scores_or_sentiment_the_themes_raised_most_are_quoted_first():
    table = tagged_table().drop(columns=["nps", "csat", "sentiment"])
    themes = theme_table()
    report = build_insight_report(ReportInputs(table=table, themes=themes))
    counts = table["themes"].value_counts()
    names = dict(zip(themes["topic"].astype(str), themes["label"], strict=True))
    assert _quote_headings(report) == [names[t] for t in counts.index]


def test_without_scores_the_themes_of_the_negative_comments_are_quoted_first():
    table = tagged_table().drop(columns=["nps", "csat"])
    themes = theme_table()
    report = build_insight_report(ReportInputs(table=table, themes=themes))
    headings = _quote_headings(report)
    assert set(headings[:2]) == {"late delivery", "app crashes at payment"}
    assert len(headings) == len(set(headings)) == table["themes"].nunique()


def test_with_a_score_the_costliest_themes_are_quoted_first():
    report = build_insight_report(ReportInputs(table=tagged_table(), themes=theme_table()))
    assert _quote_headings(report)[:2] == ["late delivery", "app crashes at payment"]
