"""The summary without a score names the themes on the bad side of a declared outcome, or
of the negative comments."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.outcome_summary import bad_side_themes, negative_themes


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


def _recommended() -> pd.DataFrame:
    """A binary outcome where false is bad: the themes' share *recommending* goes down."""
    rows = [  # theme, impact, difference (recommended = true), q, small, rank
        ("1", -8.0, -37.0, 0.001, False, 1),
        ("2", -2.0, -20.0, 0.300, False, 3),  # not clear
        ("3", -3.0, -30.0, 0.001, False, 2),
        ("4", 4.0, 20.0, 0.001, False, 9),  # recommended more often
    ]
    columns = ["theme", "impact", "difference", "q_value", "small_n", "rank"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(
        theme_label=[f"theme {t}" for t in frame["theme"]],
        value_with=80.0 + frame["difference"],
        value_without=80.0,
        difference_ci_low=frame["difference"] - 5,
        difference_ci_high=frame["difference"] + 5,
        units=60,
        unit_of_analysis="900 responses",
        effect_name="odds ratio",
        display_unit="%",
    )


def test_a_declared_outcome_where_low_is_bad_names_its_bad_event():
    found = bad_side_themes(_recommended(), "recommended", frozenset(), {}, lambda t: None)
    assert [t.label for t in found] == ["theme 1", "theme 3"]
    first = found[0]
    assert (first.bad_with, first.bad_without) == (57.0, 20.0)  # recommended = false
    assert (first.low, first.high) == (32.0, 42.0)
    assert first.side.title == "What goes most with recommended = false"
    assert first.side.closing == "Most often recommended = false"
    assert first.text() == (
        "'theme 1': 57 % of its 60 responses have recommended = false, 20 % of the others"
    )
    assert "(difference +32.0 to +42.0 points, 95 % range)" in first.card().detail
    told = bad_side_themes(_recommended(), "recommended", frozenset(), {}, lambda t: None, True)
    assert [t.label for t in told] == ["theme 1", "theme 3"]


def test_a_numeric_outcome_shows_means_in_its_unit():
    hours = _recommended().assign(
        impact=lambda f: -f["impact"],
        difference=lambda f: -f["difference"] / 10,
        value_with=lambda f: 4.0 + f["difference"],
        value_without=4.0,
        difference_ci_low=lambda f: f["difference"] - 0.5,
        difference_ci_high=lambda f: f["difference"] + 0.5,
        effect_name="ratio of geometric means",
        display_unit="hours",
    )
    found = bad_side_themes(hours, "resolution_time", frozenset(), {}, lambda t: None)
    assert [t.label for t in found] == ["theme 1", "theme 3"]
    assert found[0].side.title == "What goes most with a higher resolution_time"
    card = found[0].card()
    assert card.value == "7.7 hours"
    assert card.detail.startswith("resolution_time 7.7 hours on average over its 60 responses")
    assert "(difference +3.2 to +4.2 hours, 95 % range)" in card.detail
