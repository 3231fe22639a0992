"""The report's effort section: share of comments describing effort, CES beside it."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights import explain
from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.effort import effort_section
from tests.insights.test_effort import frame


def test_section_states_shares_and_ces_by_level():
    table = frame()
    section = effort_section(table, explain(table, n_bootstrap=5).tables)
    first, second = (block.text for block in section.blocks)
    assert (
        first.startswith("64 % of the comments describe effort") and "27 % high, 36 % low" in first
    )
    assert second.startswith("Mean CES by the effort their comments describe")
    assert "none 6.0 (3.5 to 8.5, 3); low 4.5 (2.4 to 6.6, 4); high 2.0 (" in second
    assert "Rank correlation of effort with CES: −0.93 (95 % range −0.98 to −0.72)" in second
    # what it means, in words (before stop 48 only the number)
    assert second.endswith(
        "the more effort the comments describe, the harder customers rated the experience."
    )


def test_on_a_ces_where_one_is_easiest_a_positive_correlation_reads_harder():
    from feedback_nlp.report.effort import _meaning

    rho = pd.Series({"value": 0.65, "ci_low": 0.5, "ci_high": 0.75})
    assert _meaning(rho, easy_high=False).endswith("the harder customers rated the experience")
    assert _meaning(rho, easy_high=True).endswith("the easier customers rated the experience")
    unclear = pd.Series({"value": 0.1, "ci_low": -0.2, "ci_high": 0.3})
    assert _meaning(unclear, easy_high=True) == "no clear relation"


def test_no_effort_column_no_section_and_no_ces_one_sentence():
    assert effort_section(frame().drop(columns="effort"), {}) is None
    section = effort_section(frame().drop(columns="ces"), {})
    assert len(section.blocks) == 1


def test_report_has_the_section():
    report = build_insight_report(frame())
    assert "effort" in [s.key for s in report.sections]
    assert "effort_ces" in report.sheets
    assert isinstance(report.sheets["effort_ces"], pd.DataFrame)


def test_the_main_score_by_effort_level_is_stated_from_the_segments_table():
    """Stop 50 (a telecom probe): the section linked effort to CES only, though explain's
    segments table had NPS −82 for high effort against −38 for none."""
    table = pd.DataFrame({"effort": ["high", "none", "low", "none"]})
    segments = pd.DataFrame(
        {
            "dimension": ["effort"] * 3 + ["touchpoint"],
            "segment": ["high", "low", "none", "app"],
            "metric": ["nps"] * 4,
            "value": [-82.07, -76.8, -38.0, -50.0],
            "n": [513, 241, 1200, 280],
            "ci_low": [-85.9, -82.7, -42.0, -61.4],
            "ci_high": [-77.3, -68.9, -34.0, -43.2],
        }
    )
    section = effort_section(table, {"segments": segments}, score="nps")
    text = " ".join(block.text for block in section.blocks)
    assert "NPS by the effort their comments describe (95 % range, units): none −38.0" in text
    assert "high −82.1 (−85.9 to −77.3, 513)." in text
    assert effort_section(table, {"segments": segments}, score="ces") is not None
    assert "NPS by" not in " ".join(
        b.text for b in effort_section(table, {"segments": segments}).blocks
    )
