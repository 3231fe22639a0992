"""One rule for a clear theme effect: enough customers, a range off 0, a small q-value."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.clear import clear_effects
from feedback_nlp.report.score_facts import costliest_themes


def impact_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "theme": ["0", "1", "2", "3", "4"],
            "theme_label": ["late parcels", "rude staff", "cold food", "app", "price"],
            "impact": [-6.0, -4.0, -1.3, -3.0, 2.0],
            "impact_ci_low": [-9.0, -7.0, -4.3, -6.0, 0.5],
            "impact_ci_high": [-3.0, -1.0, 1.7, -0.5, 3.5],
            "q_value": [0.001, 0.20, 0.01, 0.01, 0.02],
            "small_n": [False, False, False, True, False],
            "units": [80, 60, 50, 12, 70],
            "share_of_units": [0.2, 0.15, 0.12, 0.03, 0.18],
            "unit_of_analysis": ["400 responses"] * 5,
        }
    )


def test_only_a_range_off_zero_with_a_small_q_and_enough_customers_is_clear():
    clear = clear_effects(impact_table())
    # range off 0 but q 0.20; range across 0; too few; a clear gain
    assert clear.tolist() == [True, False, False, False, True]
    assert clear_effects(impact_table().drop(columns="q_value")).tolist() == [
        True, True, False, False, True
    ]  # fmt: skip


def test_a_cost_whose_test_points_the_other_way_is_not_clear():
    table = impact_table().assign(lift=[1.8, 1.2, 1.1, 1.5, 0.6])
    assert clear_effects(table).tolist() == [True, False, False, False, True]
    passives = table.assign(lift=[0.7, 1.2, 1.1, 1.5, 1.4])  # fewer detractors, fewer promoters
    assert clear_effects(passives).tolist() == [False] * 5
    no_event = table.assign(lift=float("nan"))  # a numeric outcome: no event to test
    assert clear_effects(no_event).tolist() == [True, False, False, False, True]
    churn = table.assign(lift=[0.5, 1.2, 1.1, 1.5, 1.6])  # a range above 0 is more churn
    assert clear_effects(churn, bad_when_low=False).tolist() == [True, False, False, False, True]


def test_the_costliest_themes_are_the_clear_costs_only():
    facts = costliest_themes(impact_table(), None, "nps", similar={})
    assert [fact.label for fact in facts] == ["late parcels"]


def test_a_cost_whose_q_tests_the_impact_itself_needs_no_event_going_its_way():
    """Stop 50: a theme that turns promoters into passives (fewer detractors, fewer promoters)
    costs NPS points; its q now tests the impact (`test` column), so it can be clear."""
    passives = impact_table().assign(lift=[0.7, 1.2, 1.1, 1.5, 1.4], test="z")
    assert clear_effects(passives).tolist() == [True, False, False, False, True]
