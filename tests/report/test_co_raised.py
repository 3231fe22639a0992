"""A costly theme mostly raised with a costlier one is said to be so, with the driver's word."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.co_raised import theme_units, with_co_raised_notes
from feedback_nlp.report.score_facts import ThemeFact


def tagged() -> pd.DataFrame:
    """40 respondents: 'refund' on 0-19, 'form' on 10-25 (10 of its 16 with 'refund')."""
    rows = []
    for person in range(40):
        themes = [t for t, on in (("refund", person < 20), ("form", 10 <= person < 26)) if on]
        rows.append(
            {
                "response_id": f"r{person}",
                "respondent_id": f"p{person}",
                "nps": 3 if person < 20 else 9,
                "themes": "|".join(themes),
            }
        )
    return pd.DataFrame(rows)


def fact(theme: str, impact: float) -> ThemeFact:
    return ThemeFact(theme, impact, impact - 2, impact + 2, 16, 40.0, "nps", theme=theme)


def drivers(low: float, high: float, driver: str = "theme:form") -> pd.DataFrame:
    return pd.DataFrame(
        {"driver": [driver], "odds_ratio": [0.84], "or_ci_low": [low], "or_ci_high": [high]}
    )


def test_theme_units_are_the_scored_units_raising_each_theme() -> None:
    units = theme_units(tagged(), "nps")
    assert len(units["refund"]) == 20 and len(units["form"]) == 16
    assert len(units["form"] & units["refund"]) == 10


def test_a_theme_mostly_raised_with_a_costlier_one_says_its_cost_may_be_that_ones() -> None:
    noted = with_co_raised_notes(
        [fact("refund", -7.0), fact("form", -6.0)],
        theme_units(tagged(), "nps"),
        drivers(0.46, 1.59),
    )
    assert noted[0].note == ""
    assert noted[1].note == (
        "mostly raised together with 'refund' (62 % of its customers): its cost may be that "
        "theme's; the key-driver model does not single it out (odds ratio 0.84, 95 % range "
        "0.46 to 1.59)"
    )
    assert noted[1].note in noted[1].text()


def test_a_clear_driver_or_a_merged_one_is_not_said_to_be_unclear() -> None:
    units = theme_units(tagged(), "nps")
    themes = [fact("refund", -7.0), fact("form", -6.0)]
    for table in (drivers(1.2, 2.5), drivers(0.5, 1.5, "theme:refund = theme:form"), None):
        note = with_co_raised_notes(themes, units, table)[1].note
        assert note.startswith("mostly raised together") and "key-driver" not in note


def test_a_theme_mostly_raised_alone_or_listed_first_has_no_note() -> None:
    units = theme_units(tagged(), "nps")
    # 'refund' is listed first: no costlier theme before it; 10 of its 20 (50 %) with 'form'
    noted = with_co_raised_notes([fact("form", -7.0), fact("refund", -6.0)], units, None)
    assert noted[0].note == "" and noted[1].note.startswith("mostly raised together with 'form'")
    units["form"] = units["form"] - units["refund"]  # 'form' now never with 'refund'
    noted = with_co_raised_notes([fact("refund", -7.0), fact("form", -6.0)], units, None)
    assert [t.note for t in noted] == ["", ""]


def two_screens() -> pd.DataFrame:
    """10 respondents who each answered two screens: 'app' on one, 'card' on the other."""
    rows = [
        {"response_id": f"{screen}{person}", "respondent_id": f"p{person}", "nps": 2, "themes": t}
        for person in range(10)
        for screen, t in (("a", "app"), ("b", "card"))
    ]
    return pd.DataFrame(rows)


def test_theme_units_count_the_unit_the_report_counts() -> None:
    by_respondent = theme_units(two_screens(), "nps")
    by_response = theme_units(two_screens(), "nps", "response")
    assert by_respondent["app"] == by_respondent["card"]
    assert len(by_response["app"]) == 10 and not by_response["app"] & by_response["card"]
