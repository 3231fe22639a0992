"""A CES on which 1 is the easiest answer: the report ranks, colours and counts by its bad
side, which is above 0 (before stop 48 it took every negative impact as a cost and called
the praise themes the costliest)."""

from __future__ import annotations

import pytest

from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.document import Table
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.score_scales import ScoreScales
from tests.report.conftest import theme_table

REVERSED_CES = ScoreScales(ces=(1, 5), ces_low_effort=(1, 2))


@pytest.fixture(scope="module")
def reversed_report(table):
    """The report table's CSAT turned into an effort score: 5 = very hard."""
    effort = (6 - table["csat"]).astype("Int64")
    tagged = table.drop(columns=["nps", "csat"]).assign(ces=effort)
    return build_insight_report(ReportInputs(tagged, themes=theme_table(), scales=REVERSED_CES))


def test_the_themes_that_raise_effort_are_the_costliest(reversed_report):
    costliest = reversed_report.facts["facts"].costliest
    assert [t.label for t in costliest] == ["late delivery", "app crashes at payment"]
    assert all(t.low > 0 for t in costliest)


def test_the_theme_table_lists_the_costliest_first_and_calls_them_clear(reversed_report):
    section = next(s for s in reversed_report.sections if s.key == "themes")
    table = next(b for b in section.blocks if isinstance(b, Table)).frame
    assert list(table["Theme"][:2]) == ["late delivery", "app crashes at payment"]
    assert list(table["Clear effect?"][:2]) == ["yes", "yes"]
    assert table["Impact on the mean"].iloc[0].startswith("+")
    assert len(table["Impact on the mean"].iloc[0].split(".")[1]) == 2  # a mean, to hundredths


def test_the_chart_says_the_bad_side_is_above_zero(reversed_report):
    section = next(s for s in reversed_report.sections if s.key == "themes")
    words = " ".join(getattr(b, "text", "") for b in section.blocks)
    assert "whole range above 0" in words


def test_a_ces_of_answers_one_to_five_on_the_default_scale_is_flagged(table):
    """Reading notes it; before stop 48 the report, read by people who never see that
    note, did not."""
    effort = (6 - table["csat"]).astype("Int64")
    tagged = table.drop(columns=["nps", "csat"]).assign(ces=effort)
    report = build_insight_report(ReportInputs(tagged, themes=theme_table()))
    warnings = report.facts["facts"].warnings
    assert len(warnings) == 1 and "Check the CES scale" in warnings[0]
    summary = next(s for s in report.sections if s.key == "summary")
    assert any("Check the CES scale" in getattr(b, "text", "") for b in summary.blocks)
    declared = build_insight_report(ReportInputs(tagged, themes=theme_table(), scales=REVERSED_CES))
    assert declared.facts["facts"].warnings == []


def test_the_report_can_lead_with_ces_when_the_data_have_nps_too(table):
    """A CES owner's export with NPS too: before stop 48 the report always led with NPS."""
    tagged = table.assign(ces=(table["csat"] + 2).astype("Int64"))
    report = build_insight_report(ReportInputs(tagged, themes=theme_table(), main_score="ces"))
    facts = report.facts["facts"]
    assert facts.primary_score == "ces" and facts.scores[0].score == "ces"
    section = next(s for s in report.sections if s.key == "themes")
    table_block = next(b for b in section.blocks if isinstance(b, Table)).frame
    assert any(
        c.startswith("Mean CES") and c.endswith("of these respondents") for c in table_block.columns
    )


def test_leading_with_a_score_the_data_lack_is_refused(table):
    from feedback_nlp.errors import ConfigError

    with pytest.raises(ConfigError, match="cannot lead with CES: these data have NPS, CSAT"):
        build_insight_report(ReportInputs(table, themes=theme_table(), main_score="ces"))
