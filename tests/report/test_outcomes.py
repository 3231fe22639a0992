"""Report sections for declared outcomes: one per outcome, with what it counts."""

from __future__ import annotations

import pytest

from feedback_nlp.insights import explain
from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.html import to_html
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.report.markdown import to_markdown
from tests.insights.test_outcomes import CHURNED, CONTACTS, RESOLUTION, with_outcomes


@pytest.fixture(scope="module")
def report():
    table = with_outcomes()
    outcomes = ["nps", CHURNED, RESOLUTION, CONTACTS]
    explanation = explain(table, outcomes=outcomes, n_bootstrap=10)
    return build_insight_report(ReportInputs(table=table), explanation)


def test_every_declared_outcome_has_a_section_with_impact_drivers_and_heatmap(report) -> None:
    sections = {s.key: s for s in report.sections}
    for name in ("churned", "resolution_time", "contacts"):
        section = sections[f"outcome-{name}"]
        keys = {getattr(b, "key", None) for b in section.blocks}
        assert {f"outcome_{name}", f"drivers_{name}", f"heatmap_touchpoint_{name}"} <= keys


def test_heatmaps_are_red_on_the_bad_side_of_each_outcome(report) -> None:
    charts = {c.key: c.figure for c in report.charts()}
    scales = {key: charts[key]["data"][0]["colorscale"] for key in charts if "heatmap" in key}
    red = "rgb(103,0,31)"
    assert scales["heatmap_touchpoint"][0][1] == red  # NPS: red below 0
    for name in ("churned", "resolution_time", "contacts"):  # more is worse: red above 0
        assert scales[f"heatmap_touchpoint_{name}"][-1][1] == red


def test_the_drivers_of_a_binary_outcome_name_its_bad_event(report) -> None:
    figure = {c.key: c.figure for c in report.charts()}["drivers_churned"]
    assert figure["layout"]["xaxis"]["title"]["text"] == "odds ratio of churned = true (log scale)"


def test_outcome_sections_say_what_they_count_and_in_which_unit(report) -> None:
    sections = {s.key: s for s in report.sections}
    intro = sections["outcome-resolution_time"].blocks[0].text
    assert "Counts are respondents (600 respondents)" in intro and "hours" in intro
    table = next(b for b in sections["outcome-churned"].blocks if hasattr(b, "frame")).frame
    assert "Respondents" in table.columns and "Odds ratio" in table.columns
    assert (
        "Median with"
        in next(
            b for b in sections["outcome-resolution_time"].blocks if hasattr(b, "frame")
        ).frame.columns
    )
    assert "Outcome: resolution time" in to_html(report)
    markdown = to_markdown(report)
    assert "## Outcome: churned" in markdown and "Odds ratio" in markdown


def test_an_outcome_section_names_every_test_its_themes_used() -> None:
    from feedback_nlp.report.outcomes import _intro

    impact = explain(with_outcomes(), outcomes=[CHURNED], n_bootstrap=0).tables
    impact = impact["theme_impact_churned"].reset_index(drop=True)
    assert "Test: chi-square." in _intro("churned", impact, "respondents")
    impact.loc[0, "test"] = "Fisher exact"  # a small theme's test
    intro = _intro("churned", impact, "respondents")
    assert "Test: chi-square for 4 themes; Fisher exact for 1 theme." in intro


def test_signs_and_ranges_show_no_negative_zero() -> None:
    from feedback_nlp.report.plain import interval, signed

    assert signed(-0.04) == "0.0" and signed(-0.4, 0) == "0" and signed(2) == "+2.0"
    assert interval(-31.2, -0.04, 0) == "−31 to 0"


def test_an_analysis_folder_keeps_its_declared_outcomes(tmp_path) -> None:
    import json
    from dataclasses import asdict

    from feedback_nlp.outcomes import OUTCOMES_FILE
    from feedback_nlp.report.inputs import load_inputs

    with_outcomes().to_parquet(tmp_path / "tagged.parquet")
    stored = [asdict(spec.stored()) for spec in (CHURNED, RESOLUTION)]
    (tmp_path / OUTCOMES_FILE).write_text(json.dumps(stored), encoding="utf-8")
    inputs = load_inputs(tmp_path)
    assert inputs.outcomes == [CHURNED.stored(), RESOLUTION.stored()]


def test_without_a_score_the_summary_heads_the_declared_outcomes() -> None:
    from feedback_nlp.report.build import OUTCOME_TITLE
    from feedback_nlp.report.document import Cards
    from feedback_nlp.report.summary import closing_lines
    from tests.insights.conftest import BAD_THEMES

    table = with_outcomes().drop(columns="nps")
    explanation = explain(table, outcomes=[CHURNED, RESOLUTION], n_bootstrap=10)
    report = build_insight_report(ReportInputs(table=table), explanation)
    assert report.title == OUTCOME_TITLE
    summary = report.sections[0]
    said = " ".join(getattr(b, "text", "") for b in summary.blocks)
    assert "No NPS, CSAT or CES scores in these data: the themes are weighed by churned" in said
    cards = {b.heading: b.cards for b in summary.blocks if isinstance(b, Cards)}
    assert [c.title for c in cards["Outcomes"]] == ["churned", "resolution time"]
    assert "share with churned = true" in cards["Outcomes"][0].detail
    assert cards["Outcomes"][1].value.endswith("hours")
    named = [c.title for c in cards["What goes most with churned = true"]]
    assert named and set(named) <= set(BAD_THEMES)
    themes = next(s for s in report.sections if s.key == "themes")
    assert "by the declared outcomes 'churned', 'resolution_time' in the sections below" in (
        themes.blocks[0].text
    )
    facts = report.facts["facts"]
    lines = closing_lines(facts, {})
    assert any(line.startswith("churned ") and "600 respondents" in line for line in lines)
    assert any(line.startswith("Most often churned = true: ") for line in lines)


def test_the_about_sheet_names_the_table_of_each_cut_sheet_name(tmp_path) -> None:
    """Excel keeps 31 characters of a sheet name: the workbook says whose sheet it is."""
    import openpyxl

    from feedback_nlp.report.build import write_insight_report

    inputs = ReportInputs(with_outcomes(), outcomes=[CHURNED, RESOLUTION, CONTACTS])
    book = openpyxl.load_workbook(write_insight_report(inputs, tmp_path).paths["xlsx"])
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert "pain_points_touchpoint_resoluti" in book.sheetnames
    assert about["sheet: pain_points_touchpoint_resoluti"] == (
        "the table pain_points_touchpoint_resolution_time"
    )


def test_without_a_score_each_breakdown_shows_the_first_declared_outcome() -> None:
    """The mean stars per app version, the churn rate per language: before stop 47 the
    breakdowns of feedback without NPS, CSAT or CES showed comments and sentiment only."""
    table = with_outcomes().drop(columns=["nps", "csat", "ces"], errors="ignore")
    explanation = explain(table, outcomes=[CHURNED, RESOLUTION], n_bootstrap=5)
    report = build_insight_report(ReportInputs(table, outcomes=[CHURNED, RESOLUTION]), explanation)
    languages = next(s for s in report.sections if s.key == "languages")
    frame = next(b.frame for b in languages.blocks if hasattr(b, "frame"))
    rate = explanation.tables["outcome_metrics"].set_index("outcome").loc["churned", "value"]
    assert frame["Share with churned = true"].tolist() == [f"{rate:.0f} %"]  # one language
    assert frame["95 % range"].iloc[0].endswith("%")
    segments = explanation.tables["segments"]
    assert (segments["metric"] == "resolution_time_mean_hours").any()
