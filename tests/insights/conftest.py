"""A synthetic tagged feedback table with known detractor causes, built in the test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

BAD_THEMES = ("late_delivery", "app_crash")
NEUTRAL_THEMES = ("price", "packaging")
GOOD_THEMES = ("friendly_staff",)
TOUCHPOINT_OF = {
    "late_delivery": "delivery",
    "app_crash": "app",
    "price": "checkout",
    "packaging": "delivery",
    "friendly_staff": "support",
}


def synthetic_table(n_respondents: int = 600, seed: int = 7) -> pd.DataFrame:
    """Respondents with 1-2 comments; bad themes push NPS down, good ones up."""
    rng = np.random.default_rng(seed)
    themes = BAD_THEMES + NEUTRAL_THEMES + GOOD_THEMES
    rows = []
    for respondent in range(n_respondents):
        picked = list(rng.choice(themes, size=rng.integers(1, 3), replace=False))
        bad = sum(t in BAD_THEMES for t in picked)
        good = sum(t in GOOD_THEMES for t in picked)
        nps = int(np.clip(round(rng.normal(8.2 - 3.5 * bad + 1.2 * good, 1.3)), 0, 10))
        month = int(rng.integers(1, 4))
        for turn, theme in enumerate(picked):
            negative = theme in BAD_THEMES
            rows.append(
                {
                    "response_id": f"r{respondent}-{turn}",
                    "respondent_id": f"p{respondent}",
                    "created_at": pd.Timestamp(f"2026-0{month}-1{turn}", tz="UTC"),
                    "channel": "survey",
                    "touchpoint": TOUCHPOINT_OF[theme],
                    "nps": nps,
                    "text_clean": f"comment {respondent} {turn} about {theme}",
                    "lang": "en",
                    "sentiment": "negative" if negative else "positive",
                    "sentiment_score": -0.8 if negative else 0.6,
                    "emotion": "anger" if negative else "joy",
                    "themes": theme,
                }
            )
    table = pd.DataFrame(rows)
    table["nps"] = table["nps"].astype("Int64")
    for column in ("response_id", "respondent_id", "channel", "touchpoint", "text_clean"):
        table[column] = table[column].astype("string")
    for column in ("lang", "sentiment", "emotion", "themes"):
        table[column] = table[column].astype("string")
    return table


@pytest.fixture(scope="session")
def tagged_table() -> pd.DataFrame:
    return synthetic_table()
