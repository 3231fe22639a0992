"""What an impact is on, in words: NPS points, or a difference on a CSAT or CES mean.

Since stop 51 a CSAT or CES impact reads "on the mean CSAT (1–5)": "CSAT 3.1" and "points"
read wrong beside a headline CSAT that is a share (a course-evaluation probe).
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.plain import SCORE_NAMES
from feedback_nlp.score_scales import ScoreScales


def measured(impact: pd.DataFrame, score: str, scales: ScoreScales | None = None) -> str:
    """What an impact is on: 'NPS' (points), or a mean ('mean CSAT (1–5)', the scale when
    `scales` is given) as the summary's "costs 0.08 on the mean CSAT" says: "CSAT 3.1" and
    "points" read wrong beside a headline CSAT that is a share."""
    name = SCORE_NAMES[score]
    metric = impact["metric"].iloc[0] if "metric" in impact and len(impact) else f"{score}_mean"
    if score == "nps" and not str(metric).endswith("_mean"):
        return name
    low, high = scales.range_of(score) if scales else (None, None)
    return f"mean {name}" + (f" ({low}–{high})" if scales else "")


def on_mean(measure: str) -> bool:
    """Whether `measure` (:func:`measured`) is a mean."""
    return measure.startswith("mean ")


def impact_axis(measure: str) -> str:
    """The impact chart's axis title: `impact on NPS (points)`, `impact on the mean CSAT`."""
    return f"impact on the {measure}" if on_mean(measure) else f"impact on {measure} (points)"


def impact_meaning(impact: pd.DataFrame, measure: str, units: str, low_bad: bool) -> str:
    """How to read the impact chart; on a scale where higher is worse (a CES on which 1 is
    the easiest answer) the bad side is above 0."""
    mean = on_mean(measure)
    bad = "below 0" if low_bad else f"above 0: on this survey's scale a higher {measure} is worse"
    change = "gain" if low_bad else "lose"
    what = (
        f"the {measure} of all {units} minus that"
        if mean
        else f"{measure} of all {units} minus {measure}"
    )
    moves = f"how much the {measure}" if mean else f"the points {measure}"
    cost, adds = ("makes it worse", "makes it better") if mean else ("costs points", "adds points")
    return (
        f"Counts are {units} ({impact['unit_of_analysis'].iloc[0]}), each counted once. "
        f"Impact = {what} of the {units} whose comments do not mention the theme: {moves} "
        f"would {change} if these {units} scored like the rest. Dots are impacts, bars their "
        f"95 % ranges. Red: the theme clearly {cost} (its whole range {bad}, and clear after "
        f"testing every theme: 'Clear effect?'); blue: clearly {adds}; grey: unclear, or too "
        f"few {units} to rank. 'Other' (comments with no theme) is left out here and in every "
        "table."
    )


def heatmap_measure(cells: pd.DataFrame, score: str | None) -> str:
    """What a heatmap's cells show: NPS points, or the difference on a CSAT or CES mean."""
    if score not in SCORE_NAMES:
        return "% of negative comments"
    measure = measured(cells, score)  # type: ignore[arg-type]
    if on_mean(measure):
        return f"impact on the {measure} (red: worse)"
    return f"impact on {measure} in points (red costs points)"
