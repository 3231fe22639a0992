"""Quotes and languages sections."""

from __future__ import annotations

import re

from feedback_nlp.insights import explain
from feedback_nlp.report import build_insight_report
from feedback_nlp.report.document import Quotes, Table
from feedback_nlp.report.html import to_html
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.report.markdown import to_markdown
from feedback_nlp.text.pseudonyms import pseudonymise_respondent_id
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


def _section(report, key: str):
    return next((s for s in report.sections if s.key == key), None)


def test_a_survey_of_several_open_questions_is_broken_down_by_question():
    table = tagged_table()
    first = table["response_id"].str.endswith("-0")
    table["question"] = first.map({True: "Why that score?", False: "Anything else?"})
    report = build_insight_report(ReportInputs(table=table, themes=theme_table()))
    (frame,) = [b.frame for b in _section(report, "questions").blocks if isinstance(b, Table)]
    assert frame["Question"].tolist() == ["Why that score?", "Anything else?"]
    assert frame["Comments"].tolist() == [str(first.sum()), str((~first).sum())]
    assert {"Negative comments", "NPS", "95 % range", "Most mentioned themes"} <= set(frame)
    plain = build_insight_report(ReportInputs(table=tagged_table(), themes=theme_table()))
    assert _section(plain, "questions") is None


def test_the_analysis_segments_each_get_a_breakdown():
    table = tagged_table()
    table["region"] = ["North" if i % 3 else "South" for i in range(len(table))]
    inputs = ReportInputs(table=table, themes=theme_table(), segments=["region", "plan"])
    report = build_insight_report(inputs)
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]  # no plan column
    assert section.title == "By region"
    (frame,) = [b.frame for b in section.blocks if isinstance(b, Table)]
    assert frame["region"].tolist() == ["North", "South"]
    assert "NPS" in frame.columns


def test_a_quote_names_the_question_it_answers():
    table = tagged_table()
    first = table["response_id"].str.endswith("-0")
    table["question"] = first.map({True: "Why that score?", False: "Anything else?"})
    report = build_insight_report(ReportInputs(table=table, themes=theme_table()))
    (section,) = [s for s in report.sections if s.key == "quotes"]
    quoted = [q for b in section.blocks if isinstance(b, Quotes) for q in b.quotes]
    assert {q.question for q in quoted} == {"Why that score?", "Anything else?"}
    first = next(b for b in section.blocks if isinstance(b, Quotes))  # the summary's quotes
    markdown, page = to_markdown(report), to_html(report)
    assert all(f"to “{q.question}”" in markdown for q in first.quotes[:3])
    assert "to “Why that score?”" in page and "to “Anything else?”" in page


def test_a_breakdown_leaves_out_comments_with_no_value_and_says_how_many():
    table = tagged_table()
    table["region"] = [
        None if i % 4 == 0 else ("North" if i % 3 else " South ") for i in range(len(table))
    ]
    report = build_insight_report(ReportInputs(table, themes=theme_table(), segments=["region"]))
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Table)]
    assert block.frame["region"].tolist() == ["North", "South"]  # blank cells, spaces: no row
    unset = table["region"].isna().sum()
    assert f"Not counted here: {unset} comments with no region." in block.caption
    assert (block.frame["Respondents with an NPS score"].astype(int) > 0).all()
    assert block.frame["NPS"].str.len().gt(0).all()  # before: a blank row with NPS of no one


def test_segment_values_that_are_personal_data_are_redacted_in_the_report():
    table = tagged_table()
    table["agent"] = [
        "ann.lee@example.com" if i % 2 else "+44 20 7946 0958" for i in range(len(table))
    ]
    report = build_insight_report(ReportInputs(table, themes=theme_table(), segments=["agent"]))
    page, markdown = to_html(report), to_markdown(report)
    for leaked in ("ann.lee@example.com", "7946 0958"):
        assert leaked not in page and leaked not in markdown


def test_a_numeric_segment_of_many_values_is_broken_down_by_range_in_order():
    table = tagged_table()
    table["tenure"] = [str(i) for i in range(len(table))]
    report = build_insight_report(ReportInputs(table, themes=theme_table(), segments=["tenure"]))
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Table)]
    ranges = block.frame["tenure"].tolist()
    assert len(ranges) == 5 and ranges[0].startswith("0-")
    starts = [int(r.split("-")[0]) for r in ranges]
    assert starts == sorted(starts)
    assert block.caption.startswith("Per range of tenure (5 ranges of about equal size")


def test_a_range_caption_gives_the_sizes_when_ties_make_the_ranges_uneven():
    table = tagged_table()
    half = len(table) // 2
    table["tenure"] = ["0"] * half + [str(i) for i in range(1, len(table) - half + 1)]
    report = build_insight_report(ReportInputs(table, themes=theme_table(), segments=["tenure"]))
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Table)]
    sizes = block.frame["Comments"].tolist()
    assert len(sizes) == 3 and "about equal size" not in block.caption
    assert re.search(r"\(3 ranges of [\d,]+ to [\d,]+ rows each;", block.caption)


def _segment_frame(table):
    report = build_insight_report(ReportInputs(table, themes=theme_table(), segments=["region"]))
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Table)]
    return block.frame


def test_a_segment_table_counts_the_units_the_score_counts_not_customers():
    """A B2B probe (stop 51) read "Customers with an NPS score 20" for one account: the
    column counted its contacts' responses. It names the unit of the score metrics now."""
    table = tagged_table()
    table["region"] = ["North" if i % 3 else "South" for i in range(len(table))]
    by_respondent = _segment_frame(table)
    assert "Respondents with an NPS score" in by_respondent.columns
    by_response = _segment_frame(table.drop(columns=["respondent_id"]))
    assert "Responses with an NPS score" in by_response.columns
    assert not any(c.startswith("Customers") for c in [*by_respondent, *by_response])


def test_a_segment_of_quarters_is_listed_in_time_order_not_by_count():
    """A B2B probe (stop 51) read "By quarter" as 2025-Q4, 2025-Q3, 2025-Q1, 2025-Q2: by count."""
    table = tagged_table()
    quarters = ["2025-Q4"] * 4 + ["2025-Q3"] * 3 + ["2025-Q2"] * 2 + ["2025-Q1"]
    table["region"] = [quarters[i % len(quarters)] for i in range(len(table))]
    frame = _segment_frame(table)
    assert frame["region"].tolist() == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]


def _agent_block(table, explanation=None) -> Table:
    inputs = ReportInputs(table, themes=theme_table(), segments=["agent_name"])
    report = build_insight_report(inputs, explanation)
    (section,) = [s for s in report.sections if s.key.startswith("segment-")]
    (block,) = [b for b in section.blocks if isinstance(b, Table)]
    return block


def _with_agents(table):
    agents = ["Rosa Ferreira", "Tomek", "Ines Albo"]
    return table.assign(agent_name=[agents[i % 3] for i in range(len(table))])


def test_agents_named_in_a_segment_keep_their_own_rows_under_pseudonyms():
    """A call-centre probe (stop 51) read one row "<NAME> | 240 | blank | blank | 0": the
    report's table holds the names redacted, the analysis's segments the names; now each
    agent is a row under their pseudonym, with their metrics, and no name is shown."""
    table = _with_agents(tagged_table())
    explanation = explain(table, segments=["agent_name"])  # as `analyze`: before redaction
    block = _agent_block(table, explanation)
    expected = [pseudonymise_respondent_id(a) for a in ["Rosa Ferreira", "Tomek", "Ines Albo"]]
    assert sorted(block.frame["agent_name"]) == sorted(expected)
    assert block.frame["Comments"].astype(int).sum() == len(table)
    assert (block.frame["Respondents with an NPS score"].astype(int) > 0).all()
    assert block.frame["NPS"].str.len().gt(0).all()
    assert "shown as its pseudonym" in block.caption
    page = block.frame.to_string() + block.caption
    assert not any(name in page for name in ["Rosa", "Tomek", "Ines"])


def test_agents_redacted_before_the_analysis_count_in_one_row_with_its_metrics():
    """A report made from the tagged table alone (names already redacted): one row, its
    metrics over all its rows, and the caption says why."""
    block = _agent_block(_with_agents(tagged_table()).assign(agent_name="<NAME>"))
    assert block.frame["agent_name"].tolist() == ["<NAME>"]
    assert block.frame["NPS"].str.len().gt(0).all()
    assert int(block.frame["Respondents with an NPS score"].iloc[0]) > 0
    assert "people's names, redacted: one row counts them all" in block.caption
