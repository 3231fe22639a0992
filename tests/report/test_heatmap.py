"""The pain-point heatmap (feedback_nlp.report.heatmap)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.heatmap import heatmap_chart


def _cells(metric: str, impacts: list[float]) -> pd.DataFrame:
    """Two touchpoints × two themes, every cell large enough to show."""
    return pd.DataFrame(
        {
            "touchpoint": ["web", "web", "phone", "phone"],
            "theme": ["1", "2", "1", "2"],
            "theme_label": ["refunds", "waiting", "refunds", "waiting"],
            "comments": [35, 55, 42, 61],
            "units": [35, 55, 42, 61],
            "negative_share": [55.0, 35.0, 45.0, 25.0],
            "metric": metric,
            "impact": impacts,
            "impact_ci_low": [v - 0.08 for v in impacts],
            "impact_ci_high": [v + 0.07 for v in impacts],
            "small_n": False,
            "unit_of_analysis": "193 responses",
        }
    )


def _heat(cells: pd.DataFrame, score: str) -> dict:
    figure = heatmap_chart(cells, "touchpoint", score, units="responses")
    return figure["data"][0] if isinstance(figure, dict) else figure.to_dict()["data"][0]


def test_a_csat_heatmap_is_on_the_mean_to_two_decimals():
    """Before, its colour bar and hovers said 'CSAT points' and -0.12 showed as -0.1."""
    heat = _heat(_cells("csat_mean", [-0.03, -0.12, 0.04, -0.07]), "csat")
    assert heat["colorbar"]["title"]["text"] == "impact on the mean CSAT"
    assert list(heat["y"]) == ["phone", "web"] and list(heat["x"]) == ["waiting", "refunds"]
    assert list(heat["text"][1]) == ["−0.12", "−0.03"]
    tip = heat["customdata"][1][0]
    assert "impact −0.12 on the mean CSAT (−0.20 to −0.05)" in tip and "points" not in tip


def test_an_nps_heatmap_stays_in_points_to_one_decimal():
    heat = _heat(_cells("nps", [-3.14, -12.26, 4.0, -7.5]), "nps")
    assert heat["colorbar"]["title"]["text"] == "impact (NPS points)"
    assert list(heat["text"][1]) == ["−12.3", "−3.1"]
    assert "impact −12.3 NPS points (−12.3 to −12.2)" in heat["customdata"][1][0]
