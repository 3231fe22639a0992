"""One short report section: how much effort the comments describe, the main score by effort
level (NPS or CSAT, from explain's segments table) and CES beside it."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.report.document import Paragraph, Section
from feedback_nlp.report.plain import count, interval, number, percent, signed
from feedback_nlp.schema import EFFORT_LEVELS
from feedback_nlp.score_scales import ScoreScales

#: The headline metric of each main score in the segments table (CES: its own sentence).
SCORE_METRICS = {"nps": ("nps", "NPS", ""), "csat": ("csat_satisfied_share", "CSAT", " %")}


def effort_section(
    table: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    scales: ScoreScales | None = None,
    score: str | None = None,
) -> Section | None:
    """Share of comments describing effort; the main `score` (NPS or CSAT) by effort level
    where explain's segments table has it; mean CES by effort level where CES exists, and
    which way they go on the survey's CES scale (`scales`)."""
    if "effort" not in table.columns or not len(table):
        return None
    section = Section("effort", "Effort customers describe")
    shares = table["effort"].value_counts(normalize=True).reindex(EFFORT_LEVELS, fill_value=0)
    flagged = 100 * (shares["low"] + shares["high"])
    section.add(
        Paragraph(
            f"{percent(flagged)} of the comments describe effort (repeat contacts, transfers, "
            f"chasing, long waits, explaining again, forms): {percent(100 * shares['high'])} "
            f"high, {percent(100 * shares['low'])} low."
        )
    )
    by_level = _score_sentence(tables.get("segments"), score)
    if by_level:
        section.add(Paragraph(by_level))
    relation = tables.get("effort_ces")
    if relation is not None and len(relation):
        easy_high = (scales or ScoreScales()).higher_is_better("ces")
        section.add(Paragraph(_ces_sentence(relation, easy_high)))
    return section


def _score_sentence(segments: pd.DataFrame | None, score: str | None) -> str:
    """'NPS by the effort their comments describe (95 % range, units): high −82.1 (−85.9 to
    −77.3, 513); …', or "" without such rows (before stop 50 the section linked effort to
    CES only, though explain had NPS by effort level)."""
    if segments is None or score not in SCORE_METRICS or not len(segments):
        return ""
    metric, name, unit = SCORE_METRICS[score]
    rows = segments[(segments["dimension"] == "effort") & (segments["metric"] == metric)]
    rows = rows.set_index("segment").reindex(
        [lv for lv in EFFORT_LEVELS if lv in set(rows["segment"])]
    )
    parts = [
        f"{level} {signed(row['value']) if score == 'nps' else number(row['value'])}{unit} "
        f"({interval(row['ci_low'], row['ci_high'], sign=score == 'nps')}, {count(row['n'])})"
        for level, row in rows.iterrows()
        if row["n"] > 0
    ]
    if len(parts) < 2:
        return ""
    return (
        f"{name} by the effort their comments describe (95 % range, units): "
        + "; ".join(parts)
        + "."
    )


def _ces_sentence(relation: pd.DataFrame, easy_high: bool) -> str:
    """Mean CES by level with its 95 % range, the rank correlation and what it means on the
    scale (`easy_high`: a higher CES is the easier experience)."""
    means = relation[relation["measure"] == "ces_mean"].set_index("effort")
    parts = [
        f"{level} {number(row['value'])} ({interval(row['ci_low'], row['ci_high'], sign=False)}, "
        f"{count(row['n'])})"
        for level, row in means.iterrows()
        if row["n"] > 0
    ]
    rho = relation[relation["measure"] == "spearman_rho"].iloc[0]
    return (
        "Mean CES by the effort their comments describe (95 % range, customers): "
        + "; ".join(parts)
        + f". Rank correlation of effort with CES: {signed(rho['value'], 2)} "
        f"(95 % range {interval(rho['ci_low'], rho['ci_high'], 2)}): {_meaning(rho, easy_high)}."
    )


def _meaning(rho: pd.Series, easy_high: bool) -> str:
    """What the correlation says in words, on the survey's scale."""
    if not (rho["ci_low"] > 0 or rho["ci_high"] < 0):
        return "no clear relation"
    harder = (rho["value"] < 0) == easy_high
    return (
        "the more effort the comments describe, the "
        + ("harder" if harder else "easier")
        + " customers rated the experience"
    )
