"""A small tagged table with known effects (built here, not by the models) for report tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

#: Theme id → (label, category, NPS shift, touchpoint, journey stage).
THEMES = {
    0: ("late delivery", "delivery", -4.0, "delivery", "purchase"),
    1: ("app crashes at payment", "app", -3.0, "app", "purchase"),
    2: ("friendly staff", "store", +1.5, "store", "retention"),
    3: ("easy returns", "returns", +1.0, "website", "retention"),
}
LANGS = ("en", "fr", "de", "es")
#: Strings that try to inject markup, script or spreadsheet formulas into the exports.
HOSTILE = {
    "text": '</script><script>window.injected=1</script><img src=x onerror="window.injected=2">',
    "label": '<img src=x onerror="window.injected=3">=HYPERLINK("http://x")',
    "channel": "=cmd|' /C calc'!A0",
    "touchpoint": '"><svg onload="window.injected=4">',
    "markdown": "![pixel](http://tracker.invalid/p.png) [click](javascript:alert(1)) | cell",
}


def tagged_table(n_respondents: int = 360, seed: int = 3, hostile: bool = False) -> pd.DataFrame:
    """Respondents with one or two comments over six months; late delivery grows in month 6."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(n_respondents):
        month = int(rng.integers(1, 7))
        weights = np.array([0.45 if month == 6 else 0.15, 0.2, 0.35, 0.3])
        picked = rng.choice(
            list(THEMES), size=int(rng.integers(1, 3)), replace=False, p=weights / weights.sum()
        )
        shift = sum(THEMES[int(t)][2] for t in picked)
        nps = int(np.clip(round(rng.normal(7.5 + shift, 1.2)), 0, 10))
        lang = LANGS[person % len(LANGS)]
        for turn, theme in enumerate(picked):
            label, _, effect, touchpoint, stage = THEMES[int(theme)]
            negative = effect < 0
            text = f"comment {person}-{turn} about {label}"
            if hostile and turn == 0 and person % 7 == 0:
                text = f"{HOSTILE['text']} {HOSTILE['markdown']}"
            if hostile and person % 11 == 0:
                text = "=1+2"
            rows.append(
                {
                    "response_id": f"r{person}-{turn}",
                    "respondent_id": f"p{person}",
                    "created_at": pd.Timestamp(f"2026-0{month}-{10 + turn}", tz="UTC"),
                    "channel": HOSTILE["channel"] if hostile and person % 5 == 0 else "survey",
                    "touchpoint": HOSTILE["touchpoint"]
                    if hostile and person % 9 == 0
                    else touchpoint,
                    "journey_stage": stage,
                    "nps": nps,
                    "csat": int(np.clip(round(nps / 2), 1, 5)),
                    "text_clean": text,
                    "lang": lang,
                    "sentiment": "negative" if negative else "positive",
                    "sentiment_score": -0.7 if negative else 0.6,
                    "emotion": "anger" if negative else "joy|trust",
                    "topic": int(theme),
                    "topic_score": float(rng.uniform(0.5, 0.9)),
                    "themes": str(int(theme)),
                    "categories": THEMES[int(theme)][1],
                }
            )
    table = pd.DataFrame(rows)
    for column in ("nps", "csat", "topic"):
        table[column] = table[column].astype("Int64")
    strings = (
        "response_id",
        "respondent_id",
        "channel",
        "touchpoint",
        "journey_stage",
        "text_clean",
        "lang",
        "sentiment",
        "emotion",
        "themes",
        "categories",
    )
    return table.astype({c: "string" for c in strings})


def theme_table(hostile: bool = False) -> pd.DataFrame:
    """The topics side table of the themes above (one row per theme)."""
    labels = [HOSTILE["label"] if hostile and t == 0 else v[0] for t, v in THEMES.items()]
    return pd.DataFrame(
        {
            "topic": pd.array(list(THEMES), dtype="Int64"),
            "label": labels,
            "category": [v[1] for v in THEMES.values()],
            "size": pd.array([100, 80, 120, 90], dtype="Int64"),
            "keywords": ["late, parcel", "app, crash", "staff, friendly", "return, easy"],
        }
    )


def long_late_delivery_comments(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every late-delivery comment made long, with the part raising its theme as a mention."""
    filler = "Some words about the weather and the week I had before all of this. " * 6
    late = table["themes"] == "0"
    point = "the parcel " + table.loc[late, "response_id"] + " came a week late."
    longer = table.copy()
    longer.loc[late, "text_clean"] = filler + point + " " + filler
    mentions = pd.DataFrame(
        {
            "response_id": table.loc[late, "response_id"],
            "theme": 0,
            "similarity": 0.8,
            "unit_text": point,
        }
    )
    return longer, mentions


@pytest.fixture(scope="session")
def table() -> pd.DataFrame:
    return tagged_table()


@pytest.fixture(scope="session")
def hostile_table() -> pd.DataFrame:
    return tagged_table(hostile=True)
