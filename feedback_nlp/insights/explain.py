"""Every insight table at once, with what was skipped and why."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError, SchemaError
from feedback_nlp.insights.core import commented
from feedback_nlp.insights.distinct import Similar
from feedback_nlp.insights.drivers import key_drivers
from feedback_nlp.insights.effort import effort_ces
from feedback_nlp.insights.impact import pain_point_matrix, theme_impact, theme_trends
from feedback_nlp.insights.outcome_metrics import outcome_metrics
from feedback_nlp.insights.quotes import representative_quotes
from feedback_nlp.insights.segments import segment_metrics
from feedback_nlp.io.scale_hints import weight_notes
from feedback_nlp.outcome_defaults import plain_outcomes
from feedback_nlp.outcomes import OutcomeSpec, parse_declared
from feedback_nlp.score_checks import readable_scores
from feedback_nlp.scores import (
    SCORE_COLUMNS,
    SMALL_N,
    ScoreScales,
    score_conflicts,
    score_metrics,
)
from feedback_nlp.segment_columns import SavedRanges


@dataclass
class Explanation:
    """Named tidy tables and notes on what was skipped."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


#: The outcome of text-only feedback (no score, no declared outcome): a negative comment,
#: counted per comment (an author's or a survey row's several comments each count).
NEGATIVE_SENTIMENT = OutcomeSpec(name="negative_sentiment", kind="binary", level="comment")
#: Its theme impact table (as every outcome's, ``theme_impact_<name>``).
NEGATIVE_IMPACT = f"theme_impact_{NEGATIVE_SENTIMENT.name}"


def with_negative_sentiment(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with NEGATIVE_SENTIMENT's column: "1" where `sentiment` is negative, "0" where
    it is another label, missing where the comment has none or the row no comment."""
    sentiment = table["sentiment"].astype("string")
    flag = sentiment.eq("negative").map({True: "1", False: "0"}).astype("string")
    flag = flag.where(sentiment.notna() & commented(table))
    return table.assign(**{NEGATIVE_SENTIMENT.name: flag})


def default_theme_column(table: pd.DataFrame) -> str | None:
    """`themes` when present, else `topic`, else None."""
    return next((c for c in ("themes", "topic") if c in table.columns), None)


def explain(
    table: pd.DataFrame,
    *,
    outcomes: Sequence[str | OutcomeSpec] | None = None,
    theme_column: str | None = None,
    matrix_rows: Sequence[str] = ("touchpoint", "journey_stage"),
    period: str = "M",
    unit: str = "auto",
    min_n: int = SMALL_N,
    labels: Mapping[int | str, str] | None = None,
    scales: ScoreScales | None = None,
    higher_is_better: Mapping[str, bool] | None = None,
    n_bootstrap: int = 200,
    seed: int = 0,
    embeddings: np.ndarray | None = None,
    mentions: pd.DataFrame | None = None,
    similar: Similar | None = None,
    segments: Sequence[str] = (),
    segment_ranges: Mapping[str, SavedRanges] | None = None,
    text_signals: bool = True,
    min_group_size: int = 0,
) -> Explanation:
    """Run every analysis the table's columns allow; note each one skipped and why.

    `outcomes` defaults to the score columns present (nps, csat, ces), and where none is present
    and no outcome given, to NEGATIVE_SENTIMENT (text-only feedback: app reviews, social posts,
    forum threads have no score, and their themes are weighed by the comments the sentiment
    model reads as negative: ``theme_impact_negative_sentiment``); add declared outcomes
    (:class:`~feedback_nlp.outcomes.OutcomeSpec`: churned, resolution_time…) to analyse each
    with the statistics of its kind; a plain name of a 0/1 or numeric column also works.
    Tables are named by outcome: ``theme_impact_churned``, ``drivers_churned``,
    ``pain_points_touchpoint_churned`` (``pain_points_touchpoint`` is the first outcome's,
    as before); ``outcome_metrics`` gives each declared outcome's value over all units with
    its 95 % range (`insights.outcome_metrics`). ``effort_ces`` (mean CES by effort level and
    its rank correlation with the effort score) is added where the table has `ces` and the
    effort stage's columns. Quotes rank comments by the part raising each theme when
    `mentions` (the topics stage's ``theme_mentions`` table) is given, else by `embeddings`.
    `similar` (the theme table's near-duplicate themes,
    `insights.distinct.similar_from_table`) adds `repeats` and `distinct_rank` to the theme
    impact tables. `segments` adds columns (a carried column such as a region or a plan) to
    the default segment dimensions, cut into `segment_ranges` (the analysis's, kept in
    segments.json) where given. `text_signals` False fits the driver models without
    the comment's sentiment and emotion (`insights.drivers.driver_features`).
    `min_group_size` (0: off) blanks the segments of fewer units in ``segments``
    (`insights.segment_privacy`: an employee survey's team of three).
    """
    result = Explanation()
    table = _readable_scores(table, scales or ScoreScales(), result)
    theme_column = theme_column or default_theme_column(table)
    result.notes += weight_notes([str(c) for c in table.columns])
    if outcomes is not None:  # a score left out above is no outcome either
        outcomes = [o for o in outcomes if not (isinstance(o, str) and o in _left_out(table))]
        outcomes, guessed = plain_outcomes(table, outcomes, given=set(higher_is_better or {}))
        result.notes += guessed
    outcomes = list(outcomes) if outcomes is not None else _present_scores(table, result)
    if not outcomes and "sentiment" in table.columns:
        table, outcomes = with_negative_sentiment(table), [NEGATIVE_SENTIMENT]
    declared = [o for o in outcomes if isinstance(o, OutcomeSpec)]
    table = parse_declared(table, declared)
    result.notes += [f"outcome {o.describe()}" for o in declared]
    options = {"unit": unit, "min_n": min_n, "scales": scales}
    direction = dict(higher_is_better or {})
    if theme_column is None:
        result.notes.append("no 'themes' or 'topic' column: theme analyses skipped")
    run = _runner(result)
    run("score_metrics", lambda: _quiet(score_metrics(table, unit, scales)))
    run("score_conflicts", lambda: score_conflicts(table, unit))
    stated = [o for o in declared if o != NEGATIVE_SENTIMENT]
    if stated:
        run("outcome_metrics", lambda: outcome_metrics(table, stated, unit))
    run(
        "segments",
        lambda: segment_metrics(
            table,
            also=segments,
            theme_column=theme_column or "themes",
            period=period,
            labels=labels,
            outcomes=stated,
            ranges=segment_ranges,
            min_group_size=min_group_size,
            **options,
        ),
    )
    if {"ces", "effort", "effort_score"} <= set(table.columns):
        run("effort_ces", lambda: effort_ces(table, unit=unit, scales=scales))
    if theme_column is not None:
        _theme_analyses(
            run, table, outcomes, theme_column, matrix_rows, period, labels, options, direction,
            similar,
        )  # fmt: skip
        fits = {"n_bootstrap": n_bootstrap, "seed": seed, "text_signals": text_signals}
        _drivers(run, table, outcomes, theme_column, direction, fits, options)
        quotes = {
            "theme_column": theme_column,
            "embeddings": embeddings,
            "labels": labels,
            "mentions": mentions,
        }
        run("quotes", lambda: representative_quotes(table, **quotes))
        for rows in matrix_rows:
            if rows in table.columns:
                run(f"quotes_{rows}", lambda r=rows: representative_quotes(table, by=r, **quotes))
    return result


def _quiet(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the per-function skip notes that explain() already states once."""
    frame.attrs["skipped"] = []
    return frame


def _readable_scores(table: pd.DataFrame, scales: ScoreScales, result: Explanation) -> pd.DataFrame:
    """`table` with the score cells off their scale left out, each column's named in a note
    (`score_checks`): one NPS of 11 no longer takes the whole NPS column out; a column on
    another scale (a 1-10 CSAT read against 1-5) is left out alone."""
    kept, warnings = readable_scores(table, scales)
    result.notes += warnings
    return kept


def _left_out(table: pd.DataFrame) -> list[str]:
    """The score columns `_readable_scores` left out of `table`."""
    return list(table.attrs.get("left_out", []))


def _present_scores(table: pd.DataFrame, result: Explanation) -> list[str]:
    present = [c for c in SCORE_COLUMNS if c in table.columns]
    missing = [c for c in SCORE_COLUMNS if c not in table.columns]
    if missing:
        named = {str(c).lower(): str(c) for c in table.columns if str(c) not in SCORE_COLUMNS}
        other = [f"'{named[m]}'" for m in missing if m in named]  # "NPS": not read as nps
        hint = f" (the table has {', '.join(other)}: name it in lower case)" if other else ""
        result.notes.append(
            f"no score column(s) {missing}: their metrics, impacts and drivers are skipped{hint}"
        )
    if not present and "sentiment" in table.columns:
        result.notes.append(
            f"no scores at all: themes are weighed by {NEGATIVE_SENTIMENT.name}, the comments "
            "the sentiment model reads as negative"
        )
    elif not present:
        result.notes.append("no scores at all: only the text-only analyses ran")
    return present


def _runner(result: Explanation) -> Callable[..., None]:
    """`run(name, compute, also=())`: store `compute()` as `name` (and as each name in `also`)
    or note why it was skipped."""

    def run(name: str, compute: Callable[[], pd.DataFrame], also: Sequence[str] = ()) -> None:
        try:
            table = compute()
        except (SchemaError, ConfigError) as error:
            result.notes.append(f"{name} skipped: {error}")
            return
        result.tables[name] = table
        result.tables.update(dict.fromkeys(also, table))
        result.notes.extend(f"{name}: {note}" for note in table.attrs.get("skipped", []))

    return run


def _theme_analyses(
    run: Callable,
    table: pd.DataFrame,
    outcomes: list[str | OutcomeSpec],
    theme_column: str,
    matrix_rows: Sequence[str],
    period: str,
    labels: Mapping[int | str, str] | None,
    options: dict,
    direction: dict[str, bool],
    similar: Similar | None = None,
) -> None:
    common = {"theme_column": theme_column, "labels": labels, **options}
    own = {"similar": similar} if theme_column in ("themes", "topic") else {}
    by_category = "categories" in table.columns and theme_column != "categories"
    for outcome in outcomes:
        name = outcome_name(outcome)
        better = direction.get(name)
        run(
            f"theme_impact_{name}",
            lambda o=outcome, b=better: theme_impact(table, o, higher_is_better=b, **common, **own),
        )
        if by_category:  # the upper level of the theme hierarchy, named categories
            run(
                f"category_impact_{name}",
                lambda o=outcome, b=better: theme_impact(
                    table, o, higher_is_better=b, **{**common, "theme_column": "categories"}
                ),
            )
        for rows in matrix_rows:  # the first outcome's is also `pain_points_<rows>`
            run(
                f"pain_points_{rows}_{name}",
                lambda r=rows, o=outcome, b=better: pain_point_matrix(
                    table, o, rows=r, higher_is_better=b, **common
                ),
                also=(f"pain_points_{rows}",) if outcome is outcomes[0] else (),
            )
    first = outcomes[0] if outcomes else None
    better = direction.get(outcome_name(first)) if first else None
    if first is None:
        for rows in matrix_rows:
            run(
                f"pain_points_{rows}",
                lambda r=rows: pain_point_matrix(table, None, rows=r, **common),
            )
    run(
        "theme_trends",
        lambda: theme_trends(table, first, period=period, higher_is_better=better, **common),
    )


def _drivers(
    run: Callable,
    table: pd.DataFrame,
    outcomes: list[str | OutcomeSpec],
    theme_column: str,
    direction: dict[str, bool],
    fits: dict,
    options: dict,
) -> None:
    """The driver model of each outcome; `fits`: n_bootstrap, seed and text_signals (off
    for an outcome read from the text itself, NEGATIVE_SENTIMENT)."""
    for outcome in outcomes:
        fitted: dict[str, pd.DataFrame] = {}
        name = outcome_name(outcome)

        def drivers(o: str | OutcomeSpec = outcome, store: dict = fitted) -> pd.DataFrame:
            found = key_drivers(
                table,
                o,
                theme_column=theme_column,
                higher_is_better=direction.get(outcome_name(o)),
                **{**fits, "text_signals": fits["text_signals"] and o != NEGATIVE_SENTIMENT},
                **options,
            )
            store["fit"] = found.fit
            found.drivers.attrs["skipped"] = found.skipped
            return found.drivers

        run(f"drivers_{name}", drivers)
        if "fit" in fitted:
            run(f"drivers_{name}_fit", lambda f=fitted["fit"]: f)


def outcome_name(outcome: str | OutcomeSpec) -> str:
    """The table-name part of an outcome: its column name."""
    return outcome.name if isinstance(outcome, OutcomeSpec) else outcome
