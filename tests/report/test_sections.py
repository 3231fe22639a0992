from __future__ import annotations

import pandas as pd

from feedback_nlp.report.sections import themes_section


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
