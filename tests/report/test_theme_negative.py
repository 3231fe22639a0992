"""The themes table's two negative shares: each column shown, each defined (stop 49 probes)."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.plain import GLOSSARY
from feedback_nlp.report.sections import themes_section
from feedback_nlp.report.theme_negative import negative_comments_of
from tests.report.test_clear import impact_table


def _segments(shares: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "dimension": ["themes"] * len(shares) + ["lang"],
            "segment": [*shares, "en"],
            "metric": ["negative_share"] * (len(shares) + 1),
            "value": [*shares.values(), 50.0],
        }
    )


def _themes() -> pd.DataFrame:
    """Theme 0 is stated plainly ("I sent it back") in comments that complain elsewhere."""
    return pd.DataFrame(
        {
            "topic": [0, 1, 2, 3, 4],
            "label": ["late parcels", "rude staff", "cold food", "app", "price"],
            "negative_share": [0.0, 0.9, 0.5, float("nan"), 0.1],
        }
    )


def test_negative_comments_come_from_the_segments_table_by_theme():
    shares = negative_comments_of({"segments": _segments({"0": 100.0, "1": 80.0})})
    assert shares == {"0": 100.0, "1": 80.0}
    assert negative_comments_of({}) == {}


def test_the_theme_table_shows_negative_comments_beside_negative_mentions_and_says_which():
    """The exec probe read "Negative mentions 0 %" on a theme costing 10 NPS points whose
    comments were all negative; the social probe "100 % negative mentions" beside "0.0 %"
    negative comments in "What the negative comments raise"."""
    tables = {
        "theme_impact_nps": impact_table().assign(metric_with=-100.0, lift=2.0),
        "segments": _segments({"0": 100.0, "1": 80.0, "2": 50.0, "3": 40.0, "4": 0.0}),
    }
    section = themes_section(tables, _themes(), "nps")
    (table,) = [block for block in section.blocks if hasattr(block, "frame")]
    row = table.frame.set_index("Theme").loc["late parcels"]
    assert (row["Negative mentions"], row["Negative comments"]) == ("0 %", "100 %")
    assert "parts of comments that raise the theme" in table.caption
    assert "whole comments raising it" in table.caption
    assert {"Negative mentions", "Negative comments"} <= set(GLOSSARY)


def test_without_scores_the_theme_sizes_show_both_shares_too():
    tables = {"segments": _segments({"0": 100.0, "1": 80.0})}
    section = themes_section(tables, _themes().assign(size=[5, 4, 3, 2, 1]), None)
    (table,) = [block for block in section.blocks if hasattr(block, "frame")]
    assert list(table.frame["Negative comments"])[:3] == ["100 %", "80 %", ""]
    assert list(table.frame["Negative mentions"])[:2] == ["0 %", "90 %"]
    assert "whole comments" in table.caption
