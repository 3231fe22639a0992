"""The "Over time" section keeps months of a few spilled-over answers off its lines."""

import pandas as pd

from feedback_nlp.report import trend_charts
from feedback_nlp.report.trends import trends_section

MONTHS = ["2025-02", "2025-03", "2025-05"]


def score_rows() -> pd.DataFrame:
    """NPS per month as the segments table gives it; March holds 3 answers."""
    return pd.DataFrame(
        {
            "dimension": "period",
            "segment": MONTHS,
            "metric": "nps",
            "value": [10.0, -100.0, 5.0],
            "ci_low": [0.0, -100.0, -5.0],
            "ci_high": [20.0, 20.0, 15.0],
            "n": [61, 3, 62],
            "small_n": [False, True, False],
        }
    )


def share_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": MONTHS,
            "theme": "t1",
            "theme_label": "slow support",
            "units": [6, 3, 6],
            "share": [10.0, 100.0, 9.7],
            "grew_significantly": False,
            "small_period": [False, True, False],
            "unit_of_analysis": "126 responses",
        }
    )


def test_a_small_month_is_drawn_apart_from_the_line():
    figure = trend_charts.score_trend_chart(score_rows(), "nps", "NPS")
    line, apart = figure.data[1], figure.data[2]
    assert list(line.x) == ["2025-02", "2025-05"]
    assert (list(apart.x), apart.name) == (["2025-03"], trend_charts.FEW_UNITS)
    shares = trend_charts.theme_share_chart(share_rows(), ["slow support"])
    assert list(shares.data[0].x) == ["2025-02", "2025-05"]
    assert list(shares.data[1].x) == ["2025-03"]


def test_small_months_stay_on_the_line_when_nothing_else_is_left():
    rows = score_rows().assign(small_n=True)
    figure = trend_charts.score_trend_chart(rows, "nps", "NPS")
    assert len(figure.data) == 2 and list(figure.data[1].x) == MONTHS


def test_the_captions_say_why_a_month_is_apart():
    tables = {"segments": score_rows(), "theme_trends": share_rows()}
    section = trends_section(tables, "nps", [])
    captions = [block.caption for block in section.blocks]
    assert all("too few answers to compare" in c for c in captions)
    assert "not tested for growth" in captions[1] and "not tested" not in captions[0]
