"""Key-driver wording: no direction called across 1, and why drivers and impacts differ."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.driver_words import change_hover, drivers_caption, odds_hover


def test_a_driver_whose_range_crosses_1_gets_no_direction():
    """The exec probe of stop 49: a theme that clearly costs NPS points sat at an odds ratio of
    0.73 (0.32 to 1.54) "on the less likely side", with no word on why."""
    drivers = pd.DataFrame(
        {"odds_ratio": [0.73, 11.7, 0.2], "or_ci_low": [0.32, 6.6, 0.1],
         "or_ci_high": [1.54, 19.2, 0.4]}
    )  # fmt: skip
    tips = odds_hover(drivers, "a bad NPS").tolist()
    assert tips[0] == (
        "odds ratio 0.73 (95 % range 0.32 to 1.54): no clear direction: the range crosses 1"
    )
    assert tips[1].endswith("a bad NPS more likely with it")
    assert tips[2].endswith("a bad NPS less likely with it")
    change = pd.DataFrame({"coef": [1.5], "coef_ci_low": [-0.5], "coef_ci_high": [3.0]})
    assert change_hover(change, "resolution_time").iloc[0].endswith("the range crosses 0")


def test_a_separated_driver_says_it_has_no_range():
    """Stop 50: a driver whose units all have the event gets no range (`separated`); its hover
    had read "the range crosses 1"."""
    drivers = pd.DataFrame(
        {"odds_ratio": [431.0], "or_ci_low": [float("nan")], "or_ci_high": [float("nan")],
         "separated": [True]}
    )  # fmt: skip
    assert "separation): no finite estimate" in odds_hover(drivers, "a bad NPS").iloc[0]


def test_the_caption_says_why_a_driver_can_disagree_with_the_theme_table():
    caption = drivers_caption("a bad NPS", "odds ratio", "responses", "1")
    assert "holds the other themes" in caption and "compares the responses with the theme" in (
        caption
    )
    assert "grey: the range crosses 1, no clear direction" in caption
