from __future__ import annotations

import pandas as pd

from feedback_nlp.insights.core import commented
from feedback_nlp.report.build import build_insight_report
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.report.markdown import to_markdown
from feedback_nlp.report.plain import language_name
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
    assert csat["Mean CSAT of these customers"].tolist() == ["1.0", "2.4", "3.0", "4.2", "5.0"]


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


def test_who_wrote_counts_comments_not_the_responses_that_give_a_score_only():
    """A retail probe (stop 52): an "Undetermined" column of 265 score-only rows and 2,640
    "comments" against the summary's 2,375; a row without text is in no language."""
    texts = ["slow till", "", "-", "late parcel", "n/a", "lovely staff", "  "]
    table = pd.DataFrame(
        {
            "text": texts,
            "lang": ["en", "und", "und", "en", "und", "de", "und"],
            "channel": ["store", "store", "online", "online", "online", "store", "store"],
            "nps": [3, 9, 8, 2, 10, 9, 7],
        }
    )
    said = commented(table)
    assert not said.all()
    section = volume_section(table)
    chart, numbers = section.blocks
    bars = {trace["name"]: sum(trace["x"]) for trace in chart.figure["data"]}
    assert bars == table[said]["lang"].map(language_name).value_counts().to_dict()
    assert numbers.frame["All languages"].astype(int).sum() == said.sum()
    assert "Undetermined" not in numbers.frame.columns
    assert f"Not counted: {(~said).sum()} responses without a comment" in chart.caption


def _mean_impact(metric: str) -> pd.DataFrame:
    from tests.report.test_clear import impact_table

    scaled = impact_table().assign(impact_ci_low=lambda t: t["impact_ci_low"] / 100)
    return scaled.assign(
        impact=lambda t: t["impact"] / 100,
        impact_ci_high=lambda t: t["impact_ci_high"] / 100,
        metric=metric,
        metric_with=3.1,
        lift=1.0,
        unit_of_analysis="400 respondents",
    )


def test_a_csat_theme_table_says_its_numbers_are_on_the_mean_not_points():
    """Education probe (stop 51): "CSAT of these respondents 3.1" and "the points CSAT would
    gain" beside a headline CSAT of 55 % satisfied; the metric is the 1-5 mean."""
    from feedback_nlp.score_scales import ScoreScales

    tables = {"theme_impact_csat": _mean_impact("csat_mean")}
    section = themes_section(tables, None, "csat", ScoreScales())
    (frame,) = _tables(section)
    assert frame["Mean CSAT (1–5) of these respondents"].iloc[0] == "3.1"
    assert frame["Impact on the mean"].iloc[0] == "−0.06"
    assert "Impact (points)" not in frame and "CSAT of these respondents" not in frame
    words = section.blocks[0].text
    assert "Impact = the mean CSAT (1–5) of all respondents minus that of the respondents" in (
        words
    )
    assert "how much the mean CSAT (1–5) would gain" in words and "points" not in words
    assert section.blocks[1].figure["layout"]["xaxis"]["title"]["text"] == (
        "impact on the mean CSAT (1–5)"
    )


def test_an_nps_theme_table_stays_in_points():
    impact = _mean_impact("nps").assign(metric_with=-12.0)
    section = themes_section({"theme_impact_nps": impact}, None, "nps")
    (frame,) = _tables(section)
    assert {"NPS of these respondents", "Impact (points)"} <= set(frame)
    assert "the points NPS would gain" in section.blocks[0].text


def test_a_csat_heatmap_caption_is_on_the_mean():
    from feedback_nlp.report.sections import pain_points_section

    cells = pd.DataFrame(
        {"touchpoint": ["app", "store", "app"], "theme": ["0", "1", "1"],
         "theme_label": ["late", "rude", "rude"], "comments": [40, 50, 45], "units": [40, 50, 45],
         "impact": [-0.2, 0.1, -0.05], "impact_ci_low": [-0.3, 0.0, -0.1],
         "impact_ci_high": [-0.1, 0.2, 0.0], "metric": "csat_mean", "small_n": False,
         "unit_of_analysis": "300 respondents"}
    )  # fmt: skip
    section = pain_points_section({"pain_points_touchpoint": cells}, "csat")
    assert section is not None
    assert "impact on the mean CSAT (red: worse)" in section.blocks[0].caption
