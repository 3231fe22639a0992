"""How the report words a key-driver chart: its caption and each driver's hover text.

A driver's direction is called only when its whole 95 % range is on one side of "no effect"
(an odds ratio of 1, a change of 0); and the caption says why a driver can disagree with the
theme table: the table compares units with and without a theme, the driver model holds the
other signals fixed (an exec probe of stop 49 saw a theme cost 4 NPS points with a clear
effect while its driver sat at 0.73, range 0.32 to 1.54).
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.charts import esc
from feedback_nlp.report.plain import interval, number, signed


def drivers_caption(
    event: str, what: str, units: str, reference: str, subject: str | None = None
) -> str:
    """The caption of a driver chart: what a dot is, when it has no direction, and why a
    driver can disagree with the theme table (`event`: "a bad NPS"; `what`: "odds ratio";
    `subject`: what the drivers drive, `event` by default)."""
    return (
        f"Key drivers of {subject or event}: each signal's {what} holding the others fixed (95 % "
        f"bootstrap range). Red: {event} clearly goes with the signal; blue: clearly against; "
        f"grey: the range crosses {reference}, no clear direction either way. A theme can "
        "stand differently here than in the themes table: the table compares the "
        f"{units} with the theme against the rest, while this model holds the other themes, "
        "their negative comments, emotions and touchpoints fixed, so a theme that comes with "
        "a costlier theme or with negative comments keeps little effect of its own. The "
        "model is penalised (L2), which pulls every effect towards none: the sizes are "
        "conservative, the directions are what to read. Associations, not proven causes."
    )


def direction(low: float, high: float, reference: float, more: str, less: str) -> str:
    """`more` when the whole range is above `reference`, `less` when below, else no
    direction is called."""
    if low > reference:
        return more
    if high < reference:
        return less
    return f"no clear direction: the range crosses {number(reference, 0)}"


def odds_hover(ranked: pd.DataFrame, event: str) -> pd.Series:
    """Per driver (odds_ratio, or_ci_low, or_ci_high): its odds ratio, range and direction."""

    def tip(row: pd.Series) -> str:
        if bool(row.get("separated", False)):
            return esc(
                f"odds ratio {number(row['odds_ratio'], 2)}: its units all have the outcome, "
                "or none do (separation): no finite estimate, no range"
            )
        low, high = float(row["or_ci_low"]), float(row["or_ci_high"])
        side = direction(
            low, high, 1.0, f"{event} more likely with it", f"{event} less likely with it"
        )
        rng = interval(low, high, 2, sign=False)
        return esc(f"odds ratio {number(row['odds_ratio'], 2)} (95 % range {rng}): {side}")

    return ranked.apply(tip, axis=1) if len(ranked) else pd.Series(dtype="string")


def change_hover(ranked: pd.DataFrame, measure: str) -> pd.Series:
    """Per driver of a numeric outcome (coef, coef_ci_low, coef_ci_high): the change in its
    mean, range and direction."""

    def tip(row: pd.Series) -> str:
        low, high = float(row["coef_ci_low"]), float(row["coef_ci_high"])
        side = direction(low, high, 0.0, f"a higher {measure} with it", f"a lower {measure}")
        rng = interval(low, high, 2)
        return esc(f"change {signed(row['coef'], 2)} (95 % range {rng}): {side}")

    return ranked.apply(tip, axis=1) if len(ranked) else pd.Series(dtype="string")
