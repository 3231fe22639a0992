"""The summary's sentences on what its numbers cannot show by themselves.

No theme clearly costs points (and what the detractors raise instead), the comments that
repeat an earlier one, a period (month, week or quarter) whose score fell below the periods
before it, and what "What grew" says when nothing grew. `report.summary` gathers them into
its facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from feedback_nlp.errors import FeedbackError
from feedback_nlp.insights.core import commented, event_mask, resolve_outcome, row_themes
from feedback_nlp.report.plain import (
    HEADLINE_METRICS,
    SCORE_NAMES,
    count,
    count_noun,
    counted,
    interval,
    percent,
    signed,
    units_of,
)
from feedback_nlp.report.score_facts import ThemeFact
from feedback_nlp.score_scales import ScoreScales
from feedback_nlp.scores import SMALL_N, unit_ids, unit_scores

#: What "What grew" says when the comments carry no dates.
NO_DATES = "No comment dates in these data: growth over time is not measured."
#: Raised by this many themes at most, the detractors' themes of a summary with no clear cost.
BAD_GROUP_THEMES = 3
#: Above this share of a bad-side group's comments on a theme read as positive, the theme
#: is praise, not what the group raises against the score (a "gave really useful feedback"
#: theme headed the unsatisfied students' list in the education probe of stop 51).
PRAISED = 0.5
#: The share of comments repeating an earlier one from which the summary says so.
NOTABLE_DUPLICATES = 0.05


@dataclass(frozen=True)
class GroupTheme:
    """A theme and how many units on the score's bad side (detractors) raise it."""

    label: str
    bad_units: int
    small: bool  # too few units in all to tell what the theme costs


def bad_group(score: str, units: str) -> str:
    """Who is on a score's bad side: detractors, or the units not satisfied / not at ease."""
    if score == "nps":
        return "detractors"
    return f"{units} not satisfied" if score == "csat" else f"{units} for whom it was not easy"


def bad_group_themes(impact: pd.DataFrame, judged: frozenset[str]) -> list[GroupTheme]:
    """The BAD_GROUP_THEMES themes raised by most units with a bad score (units × the theme's
    bad-event rate), themes that judge the whole experience left out."""
    needed = {"theme", "theme_label", "units", "event_rate"}
    if not needed <= set(impact.columns) or not len(impact):
        return []
    rate = pd.to_numeric(impact["event_rate"], errors="coerce").fillna(0.0)
    bad = (impact["units"].astype(float) * rate / 100).round().astype(int)
    kept = impact.assign(_bad=bad)[(bad > 0) & ~impact["theme"].astype(str).isin(judged)]
    kept = kept.sort_values(["_bad", "theme_label"], ascending=[False, True], kind="stable")
    small = kept.get("small_n", pd.Series(False, index=kept.index)).fillna(False).astype(bool)
    return [
        GroupTheme(str(label), int(n), bool(s))
        for label, n, s in zip(kept["theme_label"], kept["_bad"], small, strict=True)
    ][:BAD_GROUP_THEMES]


def praised_by_bad_group(
    table: pd.DataFrame, score: str, scales: ScoreScales, unit: str = "auto"
) -> frozenset[str]:
    """Ids of the themes that the units on `score`'s bad side (detractors, not satisfied)
    raise mostly in comments the sentiment model reads as positive (above PRAISED of their
    comments on it): praise, even from them. Empty without themes, sentiment or unit ids."""
    if not {"themes", "sentiment", score} <= set(table.columns):
        return frozenset()
    try:
        values = unit_scores(table, [score], unit)[score].astype("Float64").astype(float)
        values = values.dropna()
        bad = values.index[event_mask(values, resolve_outcome(table, score, scales=scales))]
        in_group = unit_ids(table, unit).isin(bad) & commented(table)
    except FeedbackError:  # no unit ids, or scores out of range: nothing is left out
        return frozenset()
    rows = pd.DataFrame({"theme": row_themes(table, "themes"), "sentiment": table["sentiment"]})
    rows = rows[in_group].explode("theme").dropna(subset=["theme"])
    share = rows["sentiment"].eq("positive").groupby(rows["theme"].astype(str)).mean()
    return frozenset(share.index[share > PRAISED])


def no_clear_cost(
    small_costly: int,
    group: str = "",
    themes: list[GroupTheme] | None = None,
    units: str = "customers",
) -> str:
    """Why no costliest theme is named, how many small themes have a range below 0 (an export
    of a few hundred reviews had its planted crash split into themes of 25 and 26), and what
    the `group` on the bad side raises most; the command that ranks small themes is in Methods.
    `units`: what the scores count ("respondents"; a B2B reader takes "customers" for accounts)."""
    text = f"No theme lowers the score clearly (with enough {units})."
    if small_costly:
        have = "has" if small_costly == 1 else "have"
        text += (
            f" {counted(small_costly, 'theme')} of fewer than {SMALL_N} {units} {have} a "
            "range below 0 (the themes table lists them)."
        )
    if themes:
        text += " " + _group_sentence(group, themes, units)
    return text


def _group_sentence(group: str, themes: list[GroupTheme], units: str = "customers") -> str:
    """`What the detractors raise most: 'x' (13), 'y' (9); each …`."""
    first, *rest = themes
    named = ", ".join(
        [f"'{first.label}' ({count(first.bad_units)} {group})"]
        + [f"'{t.label}' ({count(t.bad_units)})" for t in rest]
    )
    if all(t.small for t in themes):
        caveat = f"each is raised by too few {units} to tell what it costs"
    elif not any(t.small for t in themes):
        caveat = "none of them clearly lowers the score"
    else:
        few = ", ".join(f"'{t.label}'" for t in themes if t.small)
        caveat = f"none clearly lowers the score, and {few}: too few {units} to tell"
    return f"What the {group} raise most: {named}; {caveat}."


def duplicates_sentence(table: pd.DataFrame, has_comment: pd.Series) -> str | None:
    """`110 of 194 comments repeat an earlier one …` when at least NOTABLE_DUPLICATES of the
    comments do (`is_duplicate`: the same text once case, spacing, punctuation and a retweet's
    marks are set aside); None otherwise."""
    if "is_duplicate" not in table or not has_comment.any():
        return None
    repeats = int(table.loc[has_comment, "is_duplicate"].fillna(False).astype(bool).sum())
    comments = int(has_comment.sum())
    if repeats < NOTABLE_DUPLICATES * comments:
        return None
    return (
        f"{count(repeats)} of {counted(comments, 'comment')} repeat another comment's words "
        "(retweets, pasted campaigns or the same short answer; case and punctuation aside): "
        "they count in every number below, and the quotes leave them out."
    )


def score_drop_sentence(
    segments: pd.DataFrame | None, score: str | None, units: str = "customers"
) -> str | None:
    """The latest period (month, week, quarter) whose score's whole 95 % range lies below the
    score of all earlier periods pooled (each weighted by the units it counts), in words; None
    when none does, or when a period or the periods before it count too few units."""
    if segments is None or score is None or "dimension" not in segments:
        return None
    metric = HEADLINE_METRICS[score]
    rows = segments[(segments["dimension"] == "period") & (segments["metric"] == metric)]
    rows = rows.dropna(subset=["value"]).sort_values("segment")
    values, sizes = rows["value"].astype(float).tolist(), rows["n"].astype(float).tolist()
    for position in range(len(rows) - 1, 0, -1):
        before_n = sum(sizes[:position])
        if sizes[position] < SMALL_N or before_n < SMALL_N:
            continue
        before = sum(v * n for v, n in zip(values[:position], sizes[:position], strict=True))
        before /= before_n
        latest = rows.iloc[position]
        if float(latest["ci_high"]) < before:
            kind = period_kind(rows["segment"].astype(str))
            return _drop_words(score, latest, before, units, kind)
    return None


def _drop_words(
    score: str, month: pd.Series, before: float, units: str, kind: str = "month"
) -> str:
    """`NPS fell in 2026-09: +3 (95 % range −6 to +11, 378 responses), against +23 …`
    (`kind`: the period's word, month, week or quarter)."""
    name, nps = SCORE_NAMES[score], score == "nps"
    shown = (lambda v: signed(v, 0)) if nps else (lambda v: percent(v))
    rng = interval(month["ci_low"], month["ci_high"], 0, sign=nps) + ("" if nps else " %")
    return (
        f"{name} fell in {month['segment']}: {shown(month['value'])} (95 % range {rng}, "
        f"{count(month['n'])} {units}), against {shown(before)} over the {kind}s before; its "
        "whole range is below them."
    )


def period_kind(labels: Iterable[str]) -> str:
    """The word for the periods `labels` name: 'quarter' ('2026-Q1'), 'week'
    ('2026-03-02/2026-03-08', '2026-W07') or 'month' ('2026-03')."""
    labels = [str(label) for label in labels]
    if any(re.search(r"-Q[1-4]$", label) for label in labels):
        return "quarter"
    if any("/" in label or re.search(r"-W\d{1,2}$", label) for label in labels):
        return "week"
    return "month"


def no_growth(trends: pd.DataFrame | None) -> str:
    """Why no theme is said to have grown: none did, or there was nothing to compare."""
    if trends is None or "period" not in trends:  # no dates, or none could be read
        return NO_DATES
    periods = sorted(trends["period"].dropna().astype(str).unique())
    kind = period_kind(periods)
    if len(periods) < 2:
        return f"All comments fall in one {kind}: no earlier {kind} to compare with."
    compared = (
        f"in {periods[1]} compared with {periods[0]}"
        if len(periods) == 2
        else f"compared with the {kind}s before it"
    )
    return f"No theme grew significantly {compared} (after correcting for testing many themes)."


def grown_themes(trends: pd.DataFrame) -> list[str]:
    """The themes that grew significantly in a month of at least SMALL_N units (2 comments
    in a month just begun made a theme "grow to 100 %"), each with the month's count."""
    grew = trends["grew_significantly"].fillna(False).astype(bool)
    grown = trends[grew & (trends["period_units"] >= SMALL_N)]
    units = count_noun(units_of(trends, default="comments"))  # "342 units", not "… and …"
    return [
        f"'{r['theme_label']}' grew to {percent(r['share'])} of the {count(r['period_units'])} "
        f"{units} of {r['period']} (it was {percent(r['baseline_share'])} before)"
        for _, r in grown.sort_values(["period", "share"], ascending=[False, False]).iterrows()
    ]


def judgement_sentence(judgements: list[ThemeFact]) -> str:
    """Why the themes that judge the experience as a whole are not among the costliest."""
    named = "; ".join(f"'{t.label}' ({signed(t.impact)})" for t in judgements)
    return (
        f"Not counted among the costliest: themes that judge the experience as a whole ({named}). "
        "They say how customers feel, not why; the full theme table lists them."
    )
