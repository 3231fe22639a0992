"""The themed insight report: from the tagged table and the explain tables to a Report.

Every number comes from a table computed by :mod:`feedback_nlp.scores` or
:mod:`feedback_nlp.insights`; this module only chooses, orders and phrases them.
"""

from __future__ import annotations

import pandas as pd

from feedback_nlp.insights import Explanation
from feedback_nlp.report.document import Report, Section
from feedback_nlp.schema import LIST_SEP

_IMPACT_COLUMNS = [
    "theme_label",
    "comments",
    "units",
    "metric_with",
    "impact",
    "impact_ci_low",
    "impact_ci_high",
    "event_rate",
    "lift",
    "odds_ratio",
    "q_value",
    "small_n",
]


def build_report(
    table: pd.DataFrame,
    explanation: Explanation,
    *,
    title: str = "Customer feedback: what drives the scores",
    rejects: pd.DataFrame | None = None,
    themes: pd.DataFrame | None = None,
) -> Report:
    """The insight report of a tagged table and its explanation."""
    report = Report(title)
    report.add(_overview(table, rejects))
    tables = explanation.tables
    if "score_metrics" in tables:
        report.add(_scores(tables["score_metrics"]))
    if themes is not None and len(themes):
        report.add(_themes(themes))
    if "category_impact_nps" in tables:
        report.add(_impact(tables["category_impact_nps"], "nps", level="Category"))
    for outcome in ("nps", "csat", "ces"):
        if f"theme_impact_{outcome}" in tables:
            report.add(_impact(tables[f"theme_impact_{outcome}"], outcome))
    if "drivers_nps" in tables:
        report.add(_drivers(tables["drivers_nps"], tables.get("drivers_nps_fit")))
    if "pain_points_touchpoint" in tables:
        report.add(_pain_points(tables["pain_points_touchpoint"]))
    if "theme_trends" in tables:
        report.add(_trends(tables["theme_trends"]))
    for section in _text_signals(table):
        report.add(section)
    if "quotes" in tables:
        report.add(_quotes(tables["quotes"]))
    if explanation.notes:
        report.add(Section("What was skipped, and why", explanation.notes))
    return report


def _overview(table: pd.DataFrame, rejects: pd.DataFrame | None) -> Section:
    rejected = 0 if rejects is None else len(rejects)
    lines = [
        f"{len(table):,} comments analysed; {rejected:,} rows rejected by the readers "
        "(see rejects.csv for each row and its reason)."
    ]
    counts = None
    if "channel" in table.columns:
        channel = table["channel"].fillna("unknown")
        if "lang" in table.columns:
            counts = pd.crosstab(channel, table["lang"].fillna("und"))
            counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
        else:
            counts = pd.DataFrame(index=sorted(channel.unique()))
        counts.insert(0, "comments", channel.value_counts())
        counts = counts.sort_values("comments", ascending=False, kind="stable")
        counts = counts.rename_axis("channel").reset_index()
        counts.columns.name = None
    if "created_at" in table.columns and table["created_at"].notna().any():
        first, last = table["created_at"].min(), table["created_at"].max()
        lines.append(f"Comments written from {first:%Y-%m-%d} to {last:%Y-%m-%d}.")
    return Section("What was read", lines, counts, bar_column="comments", max_rows=40)


def _scores(metrics: pd.DataFrame) -> Section:
    shown = metrics[["metric", "value", "n", "ci_low", "ci_high", "ci_method", "small_n"]]
    lines = []
    nps = metrics.loc[metrics["metric"] == "nps"]
    if len(nps) and pd.notna(nps["value"].iloc[0]):
        row = nps.iloc[0]
        lines.append(
            f"NPS is {row['value']:+.1f} (95 % CI {row['ci_low']:+.1f} to {row['ci_high']:+.1f}, "
            f"n = {int(row['n'])}). Each respondent, response or conversation counts once."
        )
    return Section("Scores", lines, shown)


def _themes(themes: pd.DataFrame) -> Section:
    shown = themes[[c for c in ("topic", "label", "category", "size") if c in themes.columns]]
    if "keywords" in themes.columns:
        top = themes["keywords"].astype(str).str.split(", ").str[:6].str.join(", ")
        shown = shown.assign(keywords=top)
    lines = [
        f"{len(themes)} themes, found across languages; one comment can carry several. "
        "Keywords per language and representative comments are in the workbook and "
        "tables/topics.csv."
    ]
    return Section("Themes found", lines, shown, bar_column="size", max_rows=40)


def _impact(impact: pd.DataFrame, outcome: str, level: str = "Theme") -> Section:
    ranked = impact.sort_values("impact", kind="stable")
    shown = ranked[[c for c in _IMPACT_COLUMNS if c in ranked.columns]]
    unit = "NPS points" if outcome == "nps" else f"points of mean {outcome.upper()}"
    lines = [
        f"Impact = {outcome.upper()} of all responses minus {outcome.upper()} of the responses "
        f"without the {level.lower()}, in {unit}: what the score would gain if its comments "
        "scored like the rest. q_value is Benjamini-Hochberg corrected; themes with too few "
        "comments are marked small_n and not ranked."
    ]
    worst = ranked[(~ranked["small_n"]) & (ranked["impact"] < 0)]
    if len(worst):
        top = worst.iloc[0]
        lines.append(
            f"The costliest {level.lower()} is '{top['theme_label']}': {top['impact']:+.2f} {unit} "
            f"(95 % CI {top['impact_ci_low']:+.2f} to {top['impact_ci_high']:+.2f}), "
            f"{int(top['units'])} responses, {top['lift']:.2f}× the overall rate of "
            f"{top.get('event', 'the bad outcome')}."
        )
    return Section(f"{level} impact on {outcome.upper()}", lines, shown, bar_column="impact")


def _drivers(drivers: pd.DataFrame, fit: pd.DataFrame | None) -> Section:
    lines = [
        "A regularised logistic regression of being a detractor on themes, theme × negative "
        "sentiment, emotions and touchpoint; odds ratios with bootstrap 95 % intervals. "
        "These are associations, not causes."
    ]
    if fit is not None and len(fit):
        row = fit.iloc[0]
        lines.append(
            f"Fit: McFadden R² {row['mcfadden_r2']:.2f}, in-sample AUC {row['auc_in_sample']:.2f}, "
            f"{int(row['units'])} responses."
        )
    return Section("Key drivers of detractors", lines, drivers, bar_column="coef")


def _pain_points(cells: pd.DataFrame) -> Section:
    enough = cells[~cells["small_n"]] if "small_n" in cells.columns else cells
    if "impact" in enough.columns:
        ranked, bar = enough.sort_values("impact", kind="stable"), "impact"
        lines = ["Touchpoint × theme cells with enough responses, most harmful first."]
    else:
        ranked = enough.sort_values(["negative_share", "comments"], ascending=False, kind="stable")
        bar = "negative_share"
        lines = ["Touchpoint × theme cells by share of negative comments (no scores to weigh)."]
    wanted = ["touchpoint", "theme_label", "comments", "negative_share", "metric_with", "impact"]
    shown = ranked[[c for c in wanted if c in ranked.columns]]
    return Section("Pain points by touchpoint", lines, shown, bar_column=bar)


def _trends(trends: pd.DataFrame) -> Section:
    grown = trends[trends["grew_significantly"].fillna(False).astype(bool)]
    if len(grown):
        lines = ["Periods where a theme's share grew significantly above its earlier share."]
        wanted = ["period", "theme_label", "share", "baseline_share", "q_value", "impact"]
        return Section("Growing themes", lines, grown[[c for c in wanted if c in grown.columns]])
    lines = ["No theme grew significantly (after FDR correction) in any period."]
    latest = trends[trends["period"] == trends["period"].max()]
    return Section("Growing themes", lines, latest)


def _text_signals(table: pd.DataFrame) -> list[Section]:
    sections = []
    for column, title in (("sentiment", "Sentiment"), ("emotion", "Emotion")):
        if column not in table.columns or "touchpoint" not in table.columns:
            continue
        values = table[column]
        if column == "emotion":
            values = values.str.split(LIST_SEP, regex=False).str[0]
        shares = pd.crosstab(table["touchpoint"], values, normalize="index").mul(100).round(1)
        shares.insert(0, "comments", table["touchpoint"].value_counts())
        lines = [f"Share of comments (%) by {column} in each touchpoint."]
        sections.append(Section(f"{title} by touchpoint", lines, shares.reset_index()))
    return sections


def _quotes(quotes: pd.DataFrame) -> Section:
    columns = [c for c in ("theme_label", "group", "lang", "text_clean") if c in quotes.columns]
    lines = ["Comments closest to each theme's centre, PII-redacted, in their own language."]
    return Section("What customers say", lines, quotes[columns], max_rows=40)
