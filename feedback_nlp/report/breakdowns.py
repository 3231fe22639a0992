"""The breakdowns by language, by question and by each segment column: comments, negative
share, the main score (or the first declared outcome) and the top themes per value."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from feedback_nlp.insights.core import commented
from feedback_nlp.insights.ranges import MAX_NUMERIC_SEGMENTS, chronological, range_start
from feedback_nlp.insights.segments import TEXT_DIMENSIONS, segment_labels
from feedback_nlp.report.document import Section, Table
from feedback_nlp.report.hidden_groups import blank_hidden, hidden_note, hidden_reasons
from feedback_nlp.report.person_columns import NAME_PLACEHOLDER
from feedback_nlp.report.plain import (
    HEADLINE_METRICS,
    SCORE_NAMES,
    count,
    counted,
    interval,
    is_missing,
    language_name,
    percent,
    signed,
    units_of,
)
from feedback_nlp.report.score_facts import outcome_facts
from feedback_nlp.report.segment_chart import segment_chart
from feedback_nlp.schema import lists_of
from feedback_nlp.segment_columns import SavedRanges
from feedback_nlp.text.pseudonyms import is_pseudonym


@dataclass(frozen=True)
class Breakdown:
    """A column the report breaks the comments down by (a segment dimension of `explain`)."""

    column: str
    key: str
    title: str
    header: str
    noun: str
    name: Callable[[str], str]


LANGUAGES = Breakdown("lang", "languages", "By language", "Language", "language", language_name)
#: The open question a comment answers, in surveys asking several (`io.answers`).
QUESTIONS = Breakdown("question", "questions", "By question", "Question", "question", str)


def languages_section(
    table: pd.DataFrame, tables: dict[str, pd.DataFrame], labels: dict[str, str], score: str | None
) -> Section | None:
    """Per-language breakdown: comments, negative share, the main score, top themes."""
    return breakdown_section(LANGUAGES, table, tables, labels, score)


def questions_section(
    table: pd.DataFrame, tables: dict[str, pd.DataFrame], labels: dict[str, str], score: str | None
) -> Section | None:
    """Per-question breakdown of a survey asking several open questions (as per language)."""
    return breakdown_section(QUESTIONS, table, tables, labels, score)


def segment_sections(
    segments: list[str],
    table: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    labels: dict[str, str],
    score: str | None,
    ranges: Mapping[str, SavedRanges] | None = None,
) -> list[Section]:
    """A breakdown, as per language, for each column the analysis is segmented by (a numeric
    one in the analysis's `ranges`, segments.json)."""
    found = []
    for position, column in enumerate(segments):
        by = Breakdown(column, f"segment-{position + 1}", f"By {column}", column, column, str)
        saved = (ranges or {}).get(column)
        section = breakdown_section(by, table, tables, labels, score, saved)
        if section is not None:
            found.append(section)
    return found


def breakdown_section(
    by: Breakdown,
    table: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    labels: dict[str, str],
    score: str | None,
    saved: SavedRanges | None = None,
) -> Section | None:
    """Comments, negative share, the main score and top themes per value of `by.column`
    (`saved`: the ranges the analysis cut it into)."""
    if by.column not in table:
        return None
    section = Section(by.key, by.title)
    segments = tables.get("segments")
    rows_of = segments[segments["dimension"] == by.column] if segments is not None else None
    rows_of = rows_of if rows_of is not None else pd.DataFrame()
    said = commented(table)
    column = table[by.column]
    if by.column in TEXT_DIMENSIONS:  # a row without text has no language
        column = column.astype("string").where(said)
    values = segment_labels(column, saved)
    ranged = bool(values.attrs.get("ranges"))
    people = _explained_people(values, rows_of)  # names redacted here, pseudonyms there
    counts = values.value_counts() if people is None else people
    numeric = ranged or "order" in values.attrs  # a rating's 1-5 too: in value order
    if ranged:  # a numeric column cut into ranges: lowest first
        counts = counts.sort_index(key=lambda labels: labels.map(range_start))
    elif numeric:
        counts = counts.reindex([v for v in values.attrs["order"] if v in counts.index])
    elif (in_time := chronological(counts.index)) is not None:  # quarters, months: in order
        counts = counts.reindex(in_time)
    comments = values[said.loc[values.index]].value_counts() if people is None else people
    frame = pd.DataFrame({by.header: [by.name(c) for c in counts.index]})
    frame["Comments"] = [count(comments.get(c, 0)) for c in counts.index]
    if len(rows_of):
        negative = _metric(rows_of, "negative_share")
        frame["Negative comments"] = [
            percent(negative.get(c, {}).get("value")) for c in counts.index
        ]
    if score and len(rows_of):
        name = SCORE_NAMES[score]
        scored = _metric(rows_of, HEADLINE_METRICS[score])
        show = signed if score == "nps" else percent
        frame[name] = [show(scored.get(c, {}).get("value")) for c in counts.index]
        share = score != "nps"
        frame["95 % range"] = [_range(scored.get(c, {}), share) for c in counts.index]
        frame[_scored_header(name, tables.get("score_metrics"))] = [
            count(scored.get(c, {}).get("n", 0)) for c in counts.index
        ]
        rows = rows_of[rows_of["metric"] == HEADLINE_METRICS[score]].assign(
            segment_label=lambda d: d["segment"].map(by.name)
        )
        section.add(segment_chart(by.key, by.noun, rows, score, tables.get("score_metrics")))
    if not score and len(rows_of):
        _add_outcome_columns(frame, rows_of, tables.get("outcome_metrics"), counts.index)
    if "themes" in table and people is None:
        frame["Most mentioned themes"] = [
            _top_themes(table.loc[values.index[values == c]], labels) for c in counts.index
        ]
    unset = int(said.sum()) - int(said.loc[values.index].sum())
    caption = f"Per {by.noun}."
    if ranged:
        caption = (
            f"Per range of {by.noun} ({_range_sizes(counts)}; "
            f"the column has more than {MAX_NUMERIC_SEGMENTS} values)."
        )
    if unset:
        blank = " (blank or saying no answer)" if numeric else ""
        caption += f" Not counted here: {counted(unset, 'comment')} with no {by.noun}{blank}."
    caption += _names_note(by.noun, values, people)
    if len(values) > int(said.loc[values.index].sum()):
        caption += " Comments counts the rows with text; the scores also count responses without."
    hidden = hidden_reasons(rows_of)
    frame = blank_hidden(frame, [str(c) for c in counts.index], hidden, by.header)
    section.add(Table(frame, caption + hidden_note(hidden, by.noun)))
    return section


def _explained_people(values: pd.Series, rows_of: pd.DataFrame) -> pd.Series | None:
    """The comments per person, most first, of a column of names redacted in the report's
    table (every value NAME_PLACEHOLDER) but pseudonymised in the segments table, which the
    analysis made before redaction (`insights.segments.person_pseudonyms`); None otherwise."""
    if not len(values) or not values.eq(NAME_PLACEHOLDER).all() or not len(rows_of):
        return None
    said = rows_of[rows_of["metric"] == "comments"].set_index("segment")["value"]
    if NAME_PLACEHOLDER in said.index:  # explained after redaction: one segment, all rows
        return None
    return said.fillna(0).astype(int).sort_values(ascending=False, kind="stable")


def _names_note(noun: str, values: pd.Series, people: pd.Series | None) -> str:
    """What the caption says of a column of people's names: pseudonymised, or redacted."""
    if people is not None or (len(values) and values.map(is_pseudonym).all()):
        unlisted = f"; the themes per {noun} are not listed" if people is not None else ""
        return (
            f" The {noun} values are people's names, each shown as its pseudonym (pii-…, the "
            f"same in every run with the same pseudonym key){unlisted}."
        )
    if len(values) and values.eq(NAME_PLACEHOLDER).all():
        return f" The {noun} values are people's names, redacted: one row counts them all."
    return ""


def _scored_header(name: str, metrics: pd.DataFrame | None) -> str:
    """'Respondents with an NPS score': the units the score metrics count (their
    ``unit_of_analysis``), not 'customers', which a B2B reader takes for accounts."""
    article = "an" if name == "NPS" else "a"
    return f"{units_of(metrics, default='units').capitalize()} with {article} {name} score"


def _range_sizes(counts: pd.Series) -> str:
    """'5 ranges of about equal size', or '4 ranges of 3 to 80 rows each' when ties made
    them uneven (sizes within a fifth of the largest count as equal)."""
    low, high = int(counts.min()), int(counts.max())
    if high - low <= max(1, high // 5):
        return f"{len(counts)} ranges of about equal size"
    return f"{len(counts)} ranges of {low:,} to {high:,} rows each"


def _add_outcome_columns(
    frame: pd.DataFrame, rows_of: pd.DataFrame, metrics: pd.DataFrame | None, segments: pd.Index
) -> None:
    """Without a score, the first declared outcome per segment (the mean stars per app
    version, the churn rate per region), its range and the units counted."""
    facts = outcome_facts(metrics)
    if not facts or metrics is None:
        return
    fact = facts[0]  # the first outcome with units: its metric, not the table's first row's
    metric = str(metrics.loc[metrics["outcome"] == fact.outcome, "metric"].iloc[0])
    per_segment = _metric(rows_of, metric)
    found = [per_segment.get(str(c)) for c in segments]
    shown = [
        replace(fact, value=r["value"], low=r["ci_low"], high=r["ci_high"], n=int(r["n"]))
        if r and r.get("n", 0) > 0
        else None
        for r in found
    ]
    frame[fact.meaning().capitalize()] = [f.shown() if f else "" for f in shown]
    frame["95 % range"] = [
        "" if f is None else "too few to tell" if r.get("small_n") else f.range_text()
        for f, r in zip(shown, found, strict=True)
    ]
    frame[fact.units.capitalize()] = [count(f.n) if f else "0" for f in shown]


def _range(row: dict, share: bool = False) -> str:
    """A segment's range: NPS points signed, a share in whole % ("52 to 65 %", not "+52.8 to
    +64.7" beside "59 %")."""
    if not row or is_missing(row.get("value")):
        return ""
    if row.get("small_n"):
        return "too few to tell"
    if share:
        return interval(row.get("ci_low"), row.get("ci_high"), 0, sign=False) + " %"
    return interval(row.get("ci_low"), row.get("ci_high"))


def _metric(segments: pd.DataFrame, metric: str) -> dict[str, dict]:
    rows = segments[segments["metric"] == metric]
    return {str(r["segment"]): r.to_dict() for _, r in rows.iterrows()}


def _top_themes(rows: pd.DataFrame, labels: dict[str, str], top: int = 3) -> str:
    themes = lists_of(rows["themes"]).explode().dropna().astype(str)
    themes = themes[themes != "-1"]
    counts = themes.value_counts().head(top)
    return "; ".join(f"{labels.get(t, t)} ({n})" for t, n in counts.items())
