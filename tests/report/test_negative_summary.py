"""The summary of feedback with no score names the themes that carry its negative comments."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.negative_summary import negative_themes


def _impact() -> pd.DataFrame:
    rows = [  # theme, impact, difference, q, small
        ("1", 9.0, 30.0, 0.001, False),
        ("2", 7.0, 25.0, 0.002, False),  # close to 1
        ("3", 6.0, 40.0, 0.001, False),  # judges the whole experience
        ("4", 5.0, 45.0, 0.001, True),  # too few units
        ("5", 4.0, 15.0, 0.200, False),  # not clear
        ("6", -8.0, -30.0, 0.001, False),  # fewer negative comments
        ("7", 2.0, 12.0, 0.010, False),
    ]
    frame = pd.DataFrame(rows, columns=["theme", "impact", "difference", "q_value", "small_n"])
    return frame.assign(
        theme_label=[f"theme {t}" for t in frame["theme"]],
        value_with=40.0 + frame["difference"],
        value_without=40.0,
        difference_ci_low=frame["difference"] - 10,
        difference_ci_high=frame["difference"] + 10,
        units=50,
        unit_of_analysis="300 responses",
    )


def test_clear_themes_largest_first_close_ones_folded_judgements_left_out():
    found = negative_themes(
        {"theme_impact_negative_sentiment": _impact()},
        judged=frozenset({"3"}),
        similar={"2": frozenset({"1"}), "1": frozenset({"2"})},
        quote_of=lambda theme: None,
    )
    assert [t.label for t in found] == ["theme 1", "theme 7"]
    assert found[0].similar == ["theme 2"]
    assert found[0].text() == (
        "'theme 1': 70 % of its 50 responses read as negative, 40 % of the others"
    )


def test_nothing_without_the_table():
    assert negative_themes({}, frozenset(), {}, lambda theme: None) == []


def test_a_negative_theme_is_quoted_from_a_negative_comment_when_one_is_quoted():
    from feedback_nlp.report.score_facts import first_quote

    quotes = pd.DataFrame(
        {
            "theme": ["1", "1", "2"],
            "cell": [pd.NA] * 3,
            "group": ["all"] * 3,
            "rank": [1, 2, 1],
            "response_id": ["a", "b", "c"],
            "lang": ["en"] * 3,
            "text_clean": ["Great, thanks", "It never arrived", "Fine"],
            "excerpt": [pd.NA] * 3,
        }
    )
    assert first_quote(quotes, "1", "detractor").text == "Great, thanks"
    assert first_quote(quotes, "1", "detractor", frozenset({"b"})).text == "It never arrived"
    assert first_quote(quotes, "2", "detractor", frozenset({"b"})).text == "Fine"
