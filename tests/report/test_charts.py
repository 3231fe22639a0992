"""Chart axes read as people read them: months by name, odds ratios at round values."""

import pandas as pd

from feedback_nlp.report import charts, trend_charts


def test_monthly_charts_put_each_month_on_its_own_tick():
    """A date axis read "Jul 5 … Aug 30" and put September's point at "Aug 30"."""
    months = ["2026-07", "2026-08", "2026-09"]
    periods = pd.DataFrame(
        {"segment": months, "value": [-10.0, -5.0, 2.0], "ci_low": [-20.0, -15, -8]}
    ).assign(ci_high=[0.0, 5, 12], n=[40, 41, 42])
    trend = trend_charts.score_trend_chart(periods, "nps", "NPS")
    assert trend.layout.xaxis.type == "category"
    shares = pd.DataFrame(
        {"theme_label": ["late"] * 3, "period": months, "share": [10.0, 12, 30]}
    ).assign(grew_significantly=[False, False, True], units=[40, 41, 42])
    share = trend_charts.theme_share_chart(shares, ["late"])
    assert share.layout.xaxis.type == "category"
    assert list(share.data[0].x) == months


def test_a_log_scale_axis_names_round_ticks():
    """Plotly's own log ticks read "4 5 6 7 8 9 0.1 2 3 … 9 1"."""
    odds = pd.DataFrame({"label": ["a", "b"], "value": [0.4, 3.0], "low": [0.2, 1.5]})
    figure = charts.interval_chart(
        odds.assign(high=[0.8, 6.0]), label="label", value="value", low="low", high="high",
        x_title="odds ratio", log_x=True, reference=1.0,
    )  # fmt: skip
    axis = figure.layout.xaxis
    assert axis.type == "log" and axis.tickmode == "array"
    assert {0.1, 0.2, 0.5, 1, 2, 5, 10} <= set(axis.tickvals)
    assert list(axis.ticktext[3:10]) == ["0.1", "0.2", "0.5", "1", "2", "5", "10"]


def test_effects_differ_by_shape_and_an_unclear_one_has_graphics_contrast():
    """Stop 49's accessibility probe: colour was the only sign, and unclear dots were 1.5:1."""
    frame = pd.DataFrame(
        {"label": ["cost", "gain", "unclear"], "value": [-5.0, 4.0, 1.0],
         "low": [-8.0, 1.0, -2.0], "high": [-2.0, 7.0, 4.0]}
    )  # fmt: skip
    figure = charts.interval_chart(
        frame, label="label", value="value", low="low", high="high", x_title="impact"
    )
    marker = figure.data[0].marker
    assert list(marker.symbol) == ["triangle-down", "triangle-up", "circle-open"]
    assert list(marker.color) == [charts.BAD, charts.GOOD, charts.NEUTRAL]


def test_hover_texts_stay_with_their_dots_when_a_row_without_a_value_is_left_out():
    """`interval_chart` drops rows without a value: the hover texts of the rows after one
    were shifted onto the dots above them."""
    frame = pd.DataFrame(
        {"label": ["a", "b", "c"], "value": [1.0, None, 3.0], "low": [0.0, None, 2.0]}
    ).assign(high=[2.0, None, 4.0])
    hover = frame["label"].map(lambda label: f"about {label}")
    figure = charts.interval_chart(
        frame, label="label", value="value", low="low", high="high", x_title="x", hover=hover
    )
    assert list(figure.data[0].y) == ["a", "c"]
    assert list(figure.data[0].text) == ["about a", "about c"]
