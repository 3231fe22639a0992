from __future__ import annotations

import pandas as pd

from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.report.markdown import to_markdown
from feedback_nlp.report.sections import themes_section, volume_section


def _tables(section) -> list[pd.DataFrame]:
    return [block.frame for block in section.blocks if hasattr(block, "frame")]


def test_theme_table_shows_the_share_of_negative_mentions_without_scores():
    themes = pd.DataFrame(
        {
            "topic": [0, 1],
            "label": ["charged twice", "friendly staff"],
            "category": ["Billing & payment", "Staff"],
            "size": [40, 25],
            "negative_share": [0.75, float("nan")],
        }
    )
    section = themes_section({}, themes, None)
    (frame,) = _tables(section)
    assert list(frame["Negative mentions"]) == ["75 %", ""]


def test_a_heatmap_of_only_small_cells_is_replaced_by_a_sentence():
    from feedback_nlp.report.sections import pain_points_section

    cells = pd.DataFrame(
        {
            "touchpoint": ["app", "store"],
            "theme": ["0", "1"],
            "theme_label": ["late", "rude"],
            "comments": [3, 2],
            "units": [3, 2],
            "negative_share": [100.0, 50.0],
            "small_n": [True, True],
            "unit_of_analysis": ["5 responses", "5 responses"],
        }
    )
    section = pain_points_section({"pain_points_touchpoint": cells}, "nps")
    assert section is not None and len(section.blocks) == 1
    assert section.blocks[0].text == (
        "Every touchpoint × theme cell has too few responses to show: no heatmap (the cells are "
        "on the sheet pain_points_touchpoint of the workbook)."
    )


def test_the_score_of_a_themes_customers_is_signed_for_nps_and_a_plain_mean_for_csat():
    from feedback_nlp.report.sections import _impact_table
    from tests.report.test_clear import impact_table

    ranked = impact_table().assign(metric_with=[-12.0, 4.0, 20.0, 0.0, 35.0], lift=1.0)
    nps = _impact_table(ranked, None, "NPS")
    assert nps["NPS of these customers"].tolist()[:2] == ["−12.0", "+4.0"]
    csat = _impact_table(ranked.assign(metric_with=[1.0, 2.4, 3.0, 4.2, 5.0]), None, "CSAT")
    assert csat["CSAT of these customers"].tolist() == ["1.0", "2.4", "3.0", "4.2", "5.0"]


def test_one_comment_reads_in_the_singular_and_its_nps_range_holds_it(table):
    """A report of one scored comment: "1 comment", "1 respondent", and the range around the
    NPS of −100 reaches −100."""
    one = table[table["nps"].notna()].head(1).assign(nps=pd.array([2], dtype="Int64"))
    report = build_insight_report(ReportInputs(one))
    text = to_markdown(report)
    assert "1 comment " in text and "1 comments" not in text
    assert "1 respondent " in text and "1 respondents" not in text
    assert "**NPS: −100** 95 % range −100 to +48" in text


def test_the_volume_caption_says_what_is_drawn_with_and_without_a_channel():
    table = pd.DataFrame({"text": ["slow", "late", "fine"], "lang": ["en", "en", "de"]})
    without = volume_section(table).blocks[0].caption
    assert "channel," not in without
    assert without.startswith("All comments, by language")
    with_channel = volume_section(table.assign(channel=["app", "web", "web"])).blocks[0]
    assert with_channel.caption == "Comments per channel, by language."
