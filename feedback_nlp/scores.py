"""NPS, CSAT and CES as CX practice defines them, each with its n and a confidence interval.

Counting rule (one score per unit). A score belongs to a *unit*, not to a comment: chat logs
repeat the conversation's CSAT on every customer turn and a respondent may leave several
comments. With ``unit="auto"`` a row's unit is its ``conversation_id`` when set. Outside
conversations the table decides, the same way for every respondent (:func:`repeated_answers`):

- when some respondent's rows carry different values of a score and the table has
  ``response_id`` (repeated survey waves: a contact answering each quarter), every response
  counts, for every respondent, those who answered the same each time included;
- otherwise a respondent counts once: their rows carry one value of every score (the score
  was repeated onto their comments, e.g. by :func:`feedback_nlp.score_join.join_scores`, whose
  comments keep their own dates and response ids).

Rows without respondent fall back to their ``response_id`` (the rows of one survey row split
per open question, ``<id>#q<k>``, are one response). Within a unit the score counts once: the
last non-missing value (by ``created_at`` when present, then by row order). Pass
``unit="response"`` to count every response, ``unit="respondent_id"`` (or any column) to count
every respondent once whatever they answered; :func:`score_conflicts` counts the units whose
rows disagree and says in its ``attrs["skipped"]`` which way the rule went
(`feedback_nlp.unit_notes`). Within any segment (a channel, a theme, …) a unit also counts
once. Rows with empty text still count for the scores.

Confidence intervals (95 % by default):

- NPS: adjusted Wald interval of Rocks (2016) — add 3 to n and 0.75 to promoters and to
  detractors, then a normal interval with the multinomial variance (p + d − (p − d)²) / n.
- shares (CSAT satisfied, CES low effort, binary outcomes): Wilson score interval.
- means (CSAT, CES, numeric outcomes): Student t-interval; where every value is the same,
  the variance is that of the values with one answer added at each end of the scale (CSAT,
  CES; a numeric outcome has no known scale and keeps the plain one), not 0.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.intervals import CONFIDENCE, t_interval, wilson_interval, z_value
from feedback_nlp.schema import NPS_GROUPS, SCORE_RANGES, plain_repr, source_response_ids
from feedback_nlp.score_scales import ScoreScales

SMALL_N = 30
METRIC_COLUMNS = ("metric", "value", "n", "ci_low", "ci_high", "ci_method")


SCORE_COLUMNS = ("nps", "csat", "ces")


# --- groups ---------------------------------------------------------------------------------


def nps_group(nps: pd.Series) -> pd.Series:
    """Detractor (0-6), passive (7-8) or promoter (9-10); missing stays missing."""
    check_range(nps, "nps", SCORE_RANGES["nps"])
    values = pd.to_numeric(nps, errors="raise").astype("Float64")
    groups = pd.Series(pd.NA, index=nps.index, dtype="string", name="nps_group")
    groups[values <= 6] = NPS_GROUPS[0]
    groups[(values >= 7) & (values <= 8)] = NPS_GROUPS[1]
    groups[values >= 9] = NPS_GROUPS[2]
    return groups


def add_nps_group(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of `table` with the `nps_group` column (requires `nps`)."""
    if "nps" not in table.columns:
        raise SchemaError("nps_group needs the column 'nps', which the table does not have.")
    out = table.copy()
    out["nps_group"] = nps_group(table["nps"])
    return out


def check_range(values: pd.Series, column: str, value_range: tuple[int, int]) -> None:
    """Raise SchemaError naming the first row whose score is not a whole number or is outside
    `value_range` (as the readers reject "7.5": scores are answers on a scale)."""
    numeric = pd.to_numeric(values.dropna(), errors="coerce")
    not_numeric = numeric.isna()
    if not_numeric.any():
        row = numeric.index[not_numeric][0]
        raise SchemaError(
            f"column '{column}' row {plain_repr(row)}: {plain_repr(values[row])} is not a number"
        )
    fraction = numeric[numeric.astype(float) % 1 != 0]
    if len(fraction):
        raise SchemaError(
            f"column '{column}' has {len(fraction)} value(s) that are not whole numbers, first "
            f"at row {plain_repr(fraction.index[0])}: {float(fraction.iloc[0]):g}"
        )
    low, high = value_range
    bad = numeric[(numeric < low) | (numeric > high)]
    if len(bad):
        raise SchemaError(
            f"column '{column}' has {len(bad)} value(s) outside {low}-{high}, first at row "
            f"{plain_repr(bad.index[0])}: {float(bad.iloc[0]):g} (out-of-range scores are "
            "rejected on reading; fix the source, or declare the survey's scale: the mapping's "
            "[scales], or scales=ScoreScales(...) from Python, docs/reading.md)"
        )


# --- units ----------------------------------------------------------------------------------


#: The prefix of a unit that counts as "auto", a respondent's rows also agreeing on a column.
AGREEING = "auto:"
#: "auto" resolved for a table that shows repeated answers (`counting_unit`): a conversation
#: where set, else a response, so that a period or a segment of the table counts as it does.
EVERY_ANSWER = "auto/every-answer"


def unit_ids(table: pd.DataFrame, unit: str = "auto") -> pd.Series:
    """The unit each row's score belongs to (see the module docstring for the rule).

    `unit` is ``"auto"``, ``"auto:<column>"`` (auto, a respondent's rows also agreeing on
    `column`: a declared outcome), ``"response"`` (a survey response: its rows split per
    answer are one), ``"comment"`` (every row its own unit), EVERY_ANSWER or the name of a
    column.
    """
    if unit == "response":
        return _responses(table)
    if unit == "comment":  # every row, whatever response it is part of
        return _prefixed(table, "response_id", "comment")
    if unit != EVERY_ANSWER and not _is_auto(unit):
        if unit not in table.columns:
            raise ConfigError(f"unit column '{unit}' is not in the table")
        return _prefixed(table, unit).fillna(_responses(table))
    ids = _conversations(table)
    if "respondent_id" in table.columns:
        respondents = _prefixed(table, "respondent_id")
        agree = _agreeing_respondents(table, respondents, _agreeing_columns(unit))
        once = respondents.where(agree)
        if unit == EVERY_ANSWER or _shows_repeats(table, agree, ids.isna(), unit):
            ids = ids.fillna(_responses(table) if "response_id" in table.columns else once)
        ids = ids.fillna(once)
    if "response_id" in table.columns:
        ids = ids.fillna(_responses(table))
    if ids.isna().any():
        row = ids.index[ids.isna()][0]
        raise SchemaError(
            f"row {plain_repr(row)} has no response_id, respondent_id or conversation_id"
        )
    return ids.rename("unit_id")


def repeated_answers(table: pd.DataFrame, unit: str = "auto") -> bool:
    """True when `unit` is "auto" (or ``auto:<column>``) and the table shows repeated
    answers: it has ``response_id`` and some respondent's rows outside a conversation carry
    different values of a score (or of `column`). Then every response counts, for every
    respondent alike; a score joined onto a respondent's comments is one value and keeps
    them one unit. Dates are not read: a joined score's comments have their own."""
    needed = {"respondent_id", "response_id"}
    if not _is_auto(unit) or not needed <= set(table.columns):
        return False
    outside = _conversations(table).isna()
    part = table[outside]
    respondents = _prefixed(part, "respondent_id")
    return not _agreeing_respondents(part, respondents, _agreeing_columns(unit)).all()


def _shows_repeats(table: pd.DataFrame, agree: pd.Series, outside: pd.Series, unit: str) -> bool:
    """`repeated_answers`, reusing `agree` where no row is in a conversation."""
    if not outside.all():
        return repeated_answers(table, unit)
    return "response_id" in table.columns and not agree.all()


def counting_unit(table: pd.DataFrame, unit: str = "auto") -> str:
    """`unit` as `unit_ids` applies it to the whole `table`: EVERY_ANSWER where "auto" found
    repeated answers, else `unit`; pass it on to count a period or segment of `table` alike."""
    return EVERY_ANSWER if repeated_answers(table, unit) else unit


def _is_auto(unit: str) -> bool:
    return unit == "auto" or unit.startswith(AGREEING)


def _agreeing_columns(unit: str) -> list[str]:
    """The columns on which a respondent's rows must agree to be one unit under `unit`."""
    extra = [unit.removeprefix(AGREEING)] if unit.startswith(AGREEING) else []
    return [*SCORE_COLUMNS, *extra]


def _conversations(table: pd.DataFrame) -> pd.Series:
    """Each row's conversation unit, missing outside conversations."""
    if "conversation_id" in table.columns:
        return _prefixed(table, "conversation_id")
    return pd.Series(pd.NA, index=table.index, dtype="string", name="unit_id")


_UNIT_WORDS = {
    "conversation": "conversation",
    "respondent": "respondent",
    "response": "response",
    "comment": "comment",
}


def describe_units(ids: pd.Series | pd.Index, per_customer: bool = False) -> str:
    """What the rows of an analysis count: '90 conversations, 540 responses' (distinct units)."""
    distinct = pd.Series(pd.unique(pd.Series(ids, dtype="string").dropna()), dtype="string")
    if per_customer:
        return f"{len(distinct)} customers"
    if distinct.empty:  # a period, a segment with no scored unit
        return "no units"
    kinds = distinct.str.partition(":")[0].value_counts()
    parts = []
    for prefix, count in kinds.items():
        word = _UNIT_WORDS.get(str(prefix), str(prefix))
        parts.append(f"{count} {word}{'s' if count != 1 else ''}")
    return ", ".join(parts)


def _agreeing_respondents(
    table: pd.DataFrame, respondents: pd.Series, columns: Iterable[str]
) -> pd.Series:
    """True on rows whose respondent carries one value (or none) of every column given."""
    agree = pd.Series(True, index=table.index)
    for column in (c for c in columns if c in table.columns):
        distinct = table[column].groupby(respondents).transform("nunique")
        agree &= distinct.fillna(0).le(1)
    return agree


def _responses(table: pd.DataFrame) -> pd.Series:
    """Each row's survey response: its `response_id`, without the ``#q<k>`` of a row split
    into one row per answer (`io.answers`; a table with a `question` column)."""
    units = _prefixed(table, "response_id")
    return source_response_ids(units) if "question" in table.columns else units


def _prefixed(table: pd.DataFrame, column: str, kind: str | None = None) -> pd.Series:
    """`column`'s ids as units, '<kind>:<id>' (kind: the column's name without '_id')."""
    if column not in table.columns:
        raise SchemaError(f"the table has no '{column}' column to count units by")
    values = table[column].astype("string")
    values = values.where(values.str.len() > 0)
    return ((kind or column.removesuffix("_id")) + ":" + values).rename("unit_id")


def in_time_order(frame: pd.DataFrame, times: pd.Series | None) -> pd.DataFrame:
    """`frame` sorted by `times` (one per row, in the same order; stable), undated rows
    first, so that a unit's 'last' value is its latest dated one wherever units are counted
    (the headline, segments, effort by CES); None leaves `frame` as it is."""
    if times is None:
        return frame
    order = pd.Series(times.to_numpy()).sort_values(kind="stable", na_position="first").index
    return frame.iloc[order]


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """`table` in time order (stable), so that 'last' means the latest answer."""
    return in_time_order(table, table.get("created_at"))


def unit_scores(
    table: pd.DataFrame, columns: Iterable[str] | None = None, unit: str = "auto"
) -> pd.DataFrame:
    """One row per unit with each score column: the unit's last non-missing value."""
    columns = [c for c in (columns or SCORE_COLUMNS) if c in table.columns]
    frame = _ordered(table.assign(unit_id=unit_ids(table, unit)))
    grouped = frame.groupby("unit_id", sort=True)[columns]
    return grouped.last() if columns else pd.DataFrame(index=grouped.size().index)


def score_conflicts(table: pd.DataFrame, unit: str = "auto") -> pd.DataFrame:
    """Per score column, how many units carry more than one distinct value, and how many
    respondents gave different values (``<NA>`` without respondent ids): under ``unit="auto"``
    each of their answers is a unit of its own, so the first count never sees them.
    ``attrs["skipped"]`` says how the units were counted (`unit_notes.unit_notes`)."""
    ids = unit_ids(table, unit)
    respondents = table["respondent_id"] if "respondent_id" in table.columns else None
    rows = []
    for column in SCORE_COLUMNS:
        if column in table.columns:
            distinct = table[column].groupby(ids).nunique(dropna=True)
            differ = (
                int((table[column].groupby(respondents).nunique(dropna=True) > 1).sum())
                if respondents is not None
                else pd.NA
            )
            rows.append(
                {
                    "score": column,
                    "units_with_conflicting_values": int((distinct > 1).sum()),
                    "respondents_with_different_values": differ,
                }
            )
    columns = ["score", "units_with_conflicting_values", "respondents_with_different_values"]
    result = pd.DataFrame(rows, columns=columns)
    from feedback_nlp.unit_notes import unit_notes  # it reads this module's unit rule

    result.attrs["skipped"] = unit_notes(table, unit)  # explain() shows them as notes
    return result


# --- NPS ------------------------------------------------------------------------------------


def nps_value(nps: pd.Series | np.ndarray) -> float:
    """NPS = % promoters − % detractors, −100…100 (NaN when there are no scores)."""
    values = pd.Series(nps).dropna().to_numpy(dtype=float)
    if len(values) == 0:
        return np.nan
    return 100.0 * (np.mean(values >= 9) - np.mean(values <= 6))


def nps_variance(promoters: float, detractors: float, n: float) -> float:
    """Multinomial variance of NPS (on the −1…1 scale) from counts."""
    p, d = promoters / n, detractors / n
    return (p + d - (p - d) ** 2) / n


def nps_interval(
    promoters: int, detractors: int, n: int, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Adjusted Wald interval of NPS (Rocks 2016), on the −100…100 scale, widened where
    needed to hold the observed NPS: the adjustment pulls the centre towards 0, and for a few
    respondents all of one kind (1 detractor: −100) the range would miss it (−98 to +48)."""
    if n == 0:
        return (np.nan, np.nan)
    n_adj, p_adj, d_adj = n + 3, promoters + 0.75, detractors + 0.75
    centre = (p_adj - d_adj) / n_adj
    half = z_value(confidence) * np.sqrt(nps_variance(p_adj, d_adj, n_adj))
    observed = (promoters - detractors) / n
    low, high = min(centre - half, observed), max(centre + half, observed)
    return (100 * max(-1.0, low), 100 * min(1.0, high))


# --- metrics --------------------------------------------------------------------------------


def _row(metric: str, value: float, n: int, ci: tuple[float, float], method: str) -> dict:
    return {
        "metric": metric,
        "value": value,
        "n": n,
        "ci_low": ci[0],
        "ci_high": ci[1],
        "ci_method": method,
    }


def nps_metrics(nps: pd.Series, confidence: float = CONFIDENCE) -> list[dict]:
    """NPS and the promoter/passive/detractor shares (%) of one set of unit scores."""
    values = pd.Series(nps).dropna().to_numpy(dtype=float)
    n = len(values)
    promoters, detractors = int((values >= 9).sum()), int((values <= 6).sum())
    rows = [
        _row(
            "nps",
            nps_value(values),
            n,
            nps_interval(promoters, detractors, n, confidence),
            "adjusted Wald",
        )
    ]
    for name, count in (
        ("promoter_share", promoters),
        ("passive_share", n - promoters - detractors),
        ("detractor_share", detractors),
    ):
        ci = wilson_interval(count, n, confidence)
        value = 100 * count / n if n else np.nan
        rows.append(_row(name, value, n, (100 * ci[0], 100 * ci[1]), "Wilson"))
    return rows


def mean_metric(
    name: str,
    values: pd.Series,
    confidence: float = CONFIDENCE,
    bounds: tuple[float, float] | None = None,
) -> dict:
    """The mean of `values` with its t-interval, cut to the scale's `bounds` where given (3
    answers of a 1-5 CSAT gave a range of −1.3 to 7.3); equal values get the variance of
    theirs with one answer added at each bound (4 answers of 1 gave 1.000 to 1.000)."""
    array = pd.Series(values).dropna().to_numpy(dtype=float)
    mean = float(np.mean(array)) if len(array) else np.nan
    low, high = t_interval(array, confidence, bounds)
    if bounds is not None:
        low, high = max(low, float(bounds[0])), min(high, float(bounds[1]))
    return _row(name, mean, len(array), (low, high), "t")


def share_metric(
    name: str, values: pd.Series, accepted: tuple[int, int], confidence: float = CONFIDENCE
) -> dict:
    """The % of `values` within `accepted` (inclusive) with its Wilson interval."""
    array = pd.Series(values).dropna().to_numpy(dtype=float)
    hits = int(((array >= accepted[0]) & (array <= accepted[1])).sum())
    ci = wilson_interval(hits, len(array), confidence)
    value = 100 * hits / len(array) if len(array) else np.nan
    return _row(name, value, len(array), (100 * ci[0], 100 * ci[1]), "Wilson")


def metrics_of_units(
    scores: pd.DataFrame, scales: ScoreScales | None = None, confidence: float = CONFIDENCE
) -> list[dict]:
    """Every metric the score columns of a one-row-per-unit table allow."""
    scales = scales or ScoreScales()
    rows: list[dict] = []
    if "nps" in scores.columns:
        rows += nps_metrics(scores["nps"], confidence)
    if "csat" in scores.columns:
        satisfied = scales.csat_satisfied
        rows.append(share_metric("csat_satisfied_share", scores["csat"], satisfied, confidence))
        rows.append(mean_metric("csat_mean", scores["csat"], confidence, scales.range_of("csat")))
    if "ces" in scores.columns:
        low_effort = scales.ces_low_effort
        rows.append(share_metric("ces_low_effort_share", scores["ces"], low_effort, confidence))
        rows.append(mean_metric("ces_mean", scores["ces"], confidence, scales.range_of("ces")))
    return rows


def check_scores(table: pd.DataFrame, scales: ScoreScales | None = None) -> list[str]:
    """Check every score column's range; return the score columns present."""
    scales = scales or ScoreScales()
    present = [c for c in SCORE_COLUMNS if c in table.columns]
    for column in present:
        check_range(table[column], column, scales.range_of(column))
    return present


def score_metrics(
    table: pd.DataFrame,
    unit: str = "auto",
    scales: ScoreScales | None = None,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Tidy table of every score metric (one row per metric), each unit counted once.

    Columns: metric, value, n (units with that score), ci_low, ci_high, ci_method, small_n,
    unit_of_analysis (what n counts: '468 responses, 12 respondents').
    Score columns that are missing are skipped and named in ``attrs["skipped"]``.
    """
    present = check_scores(table, scales)
    per_unit = unit_scores(table, present, unit)
    rows = metrics_of_units(per_unit, scales, confidence)
    result = pd.DataFrame(rows, columns=list(METRIC_COLUMNS))
    result["small_n"] = result["n"] < SMALL_N
    counted = {c: describe_units(per_unit[c].dropna().index) for c in present}
    result["unit_of_analysis"] = result["metric"].map(
        lambda m: counted.get(m.split("_")[0], counted.get("nps", ""))
    )
    result.attrs["skipped"] = [
        f"no '{c}' column: {c} metrics skipped" for c in SCORE_COLUMNS if c not in present
    ]
    return result
