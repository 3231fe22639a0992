"""Build the insight report and write it as HTML, Markdown and an Excel workbook.

`write_insight_report(source, out)` is what `feedback-nlp report`, `analyze` and `demo` call;
`source` is a tagged table (DataFrame or file), an analysis output folder, a tagging job's
folder or ReportInputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp import __version__
from feedback_nlp.errors import ConfigError
from feedback_nlp.insights import Explanation, explain
from feedback_nlp.insights.core import theme_labels
from feedback_nlp.insights.distinct import similar_from_table
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.report.breakdowns import languages_section, questions_section, segment_sections
from feedback_nlp.report.cuts import with_folder_options, with_segments
from feedback_nlp.report.document import InsightReport, Paragraph, Section
from feedback_nlp.report.effort import effort_section
from feedback_nlp.report.export import redact_for_export, sheet_names
from feedback_nlp.report.inputs import (
    ReportInputs,
    load_inputs,
    models_table,
    prepare_settings,
    with_outcomes,
)
from feedback_nlp.report.methods import methods_section
from feedback_nlp.report.outcomes import outcome_sections
from feedback_nlp.report.plain import counted, glossary
from feedback_nlp.report.sections import (
    mix_section,
    pain_points_section,
    themes_section,
    volume_section,
)
from feedback_nlp.report.summary import Facts, gather_facts, summary_section
from feedback_nlp.report.trends import trends_section
from feedback_nlp.report.voices import REDACTED, quotes_section, redaction_notice
from feedback_nlp.schema import lists_of, split_list
from feedback_nlp.scores import SCORE_COLUMNS

DEFAULT_TITLE = "Customer feedback: what drives the scores"
#: The title of a report on comments with declared outcomes (churn…) but no NPS, CSAT or CES.
OUTCOME_TITLE = "Customer feedback: what drives the outcomes"
#: The title of a report on comments without NPS, CSAT, CES or a declared outcome.
TEXT_ONLY_TITLE = "Customer feedback: what customers raise"
#: Excel's row limit, less the header row.
EXCEL_MAX_ROWS = 1_048_575
#: Per-class probabilities stay in tagged.parquet; the workbook keeps the labels.
_PROBABILITY_PREFIXES = ("p_", "emo_")
#: The `insights.explain` options a report passes on (`--unit`, `--no-text-signals`,
#: `--min-group-size`, `--period`); its outcomes are declared with `outcomes=` (`--outcome`),
#: its segments with `segments=` (`--segment`; else the folder's), its scales come with it.
EXPLAIN_OPTIONS = ("unit", "text_signals", "min_group_size", "period")


def checked_explain_options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """`options` as a dict; ConfigError naming the allowed keys for any other key (before
    stop 50 `outcomes` crashed `explain` with a TypeError)."""
    unknown = sorted(set(options or {}) - set(EXPLAIN_OPTIONS))
    if unknown:
        routed = "; declare outcomes with outcomes=[...]" if "outcomes" in unknown else ""
        raise ConfigError(
            f"explain_options takes {', '.join(EXPLAIN_OPTIONS)}, not {unknown}{routed}"
        )
    return dict(options or {})


def theme_labels_of(themes: pd.DataFrame | None) -> dict[str, str]:
    """Theme id (as text) → label, from the theme table's `topic` and `label` columns."""
    if themes is None or not len(themes) or "topic" not in themes or "label" not in themes:
        return {}
    return {str(t): str(label) for t, label in zip(themes["topic"], themes["label"], strict=True)}


def theme_context(inputs: ReportInputs) -> dict:
    """What `explain` reads of the inputs' themes: their names, the parts raising each theme
    (quotes are ranked by them) and near-duplicate themes."""
    return {
        "labels": theme_labels_of(inputs.themes) or None,
        "mentions": inputs.mentions,
        "similar": similar_from_table(inputs.themes) or None,
    }


def judged_themes(themes: pd.DataFrame | None) -> frozenset[str]:
    """Ids (as text) of the themes the theme table marks as judging the whole experience."""
    if themes is None or not len(themes) or "judgement" not in themes or "topic" not in themes:
        return frozenset()
    marked = themes["judgement"].astype("string").str.lower().eq("true").fillna(False)
    return frozenset(str(t) for t in themes.loc[marked, "topic"])


def build_insight_report(
    source: ReportInputs | pd.DataFrame,
    explanation: Explanation | None = None,
    *,
    title: str | None = None,
) -> InsightReport:
    """The report of a tagged table: sections for people, technical sheets for analysts.

    `title` defaults to `DEFAULT_TITLE`; `OUTCOME_TITLE` when the table has declared outcomes
    but no score; `TEXT_ONLY_TITLE` when it has neither."""
    inputs = source if isinstance(source, ReportInputs) else ReportInputs(table=source)
    prepare = prepare_settings(inputs.stages)
    inputs = replace(inputs, table=redact_for_export(inputs.table, prepare=prepare))
    table = inputs.table
    labels = theme_labels_of(inputs.themes) or theme_labels(table)
    similar = similar_from_table(inputs.themes)
    if explanation is None:
        scores = [c for c in SCORE_COLUMNS if c in table.columns]
        explanation = explain(
            table,
            outcomes=[*scores, *inputs.outcomes] if inputs.outcomes else None,
            embeddings=inputs.embeddings,
            segments=inputs.segments,
            segment_ranges=inputs.segment_ranges,
            scales=inputs.scales,
            **theme_context(inputs),
            **checked_explain_options(inputs.explain_options),
        )
    tables = {name: redact_for_export(frame) for name, frame in explanation.tables.items()}
    counts = _theme_counts(table)
    sizes = [(labels.get(t, t), int(n)) for t, n in counts.items()]
    judged = judged_themes(inputs.themes)
    facts = gather_facts(
        *(table, tables, inputs.rejects, sizes, judged, similar, inputs.scales, inputs.main_score),
        unit=inputs.explain_options.get("unit", "auto"),
    )
    score = facts.primary_score
    title = title or _title(facts)
    report = InsightReport(title, _subtitle(facts), facts={"facts": facts})
    candidates = [
        _with_notice(summary_section(facts), redaction_notice(prepare)),
        volume_section(table),
        themes_section(tables, inputs.themes, score, inputs.scales),
        pain_points_section(tables, score),
        *outcome_sections(tables),
        mix_section(table),
        effort_section(table, tables, inputs.scales, score),
        trends_section(tables, score, facts.grew, inputs.explain_options.get("period")),
        quotes_section(tables, score, list(counts.index)),
        languages_section(table, tables, labels, score),
        questions_section(table, tables, labels, score),
        *segment_sections(inputs.segments, table, tables, labels, score, inputs.segment_ranges),
        methods_section(
            comments=facts.comments,
            source=inputs.source,
            rejects=inputs.rejects,
            stages=inputs.stages,
            meta=inputs.meta,
            notes=[*inputs.notes, *explanation.notes],
            scales=inputs.scales,
            partly_read=facts.partly_read,
        ),
    ]
    report.sections = [s for s in candidates if s is not None]
    report.sheets = _sheets(report, inputs, tables, labels)
    return report


def _with_notice(section: Section | None, notice: str | None) -> Section | None:
    """`section` opening with `notice` (redaction switched off in the analysis), if any."""
    if section is not None and notice:
        section.blocks.insert(0, Paragraph(notice))
    return section


def _title(facts: Facts) -> str:
    if facts.scores:
        return DEFAULT_TITLE
    return OUTCOME_TITLE if facts.outcomes else TEXT_ONLY_TITLE


def _subtitle(facts: Facts) -> str:
    parts = [counted(facts.comments, "comment")]
    if facts.first is not None and facts.last is not None:
        first, last = f"{facts.first:%b %Y}", f"{facts.last:%b %Y}"
        parts.append(first if first == last else f"{first} to {last}")
    parts.append(f"made with feedback_nlp {__version__}")
    return " · ".join(parts)


def _theme_counts(table: pd.DataFrame) -> pd.Series:
    """Comments raising each theme (id as text), largest first (outliers left out)."""
    if "themes" not in table:
        return pd.Series(dtype="int64")
    themes = lists_of(table["themes"]).explode().dropna().astype(str)
    return themes[themes != "-1"].value_counts()


def _sheets(
    report: InsightReport,
    inputs: ReportInputs,
    tables: dict[str, pd.DataFrame],
    labels: dict[str, str],
) -> dict[str, pd.DataFrame]:
    sheets: dict[str, pd.DataFrame] = dict(tables)
    if inputs.themes is not None:
        sheets["themes"] = inputs.themes
    if inputs.stages:
        sheets["models"] = models_table(inputs.stages)
    if inputs.rejects is not None:
        sheets["rejects"] = inputs.rejects
    sheets["tagged comments"] = _tagged_sheet(inputs.table, labels)
    short = sheet_names(["about", *sheets])
    cut = {short[name]: name for name in sheets if short[name] != name}
    return {"about": _about(report, inputs, cut), **sheets}


def _about(report: InsightReport, inputs: ReportInputs, cut: dict[str, str]) -> pd.DataFrame:
    """The workbook's first sheet: what it is, the glossary, and the whole name of each table
    whose sheet name Excel's 31 characters cut (`cut`: sheet name → table)."""
    rows = [
        ("report", report.title),
        ("made", report.subtitle),
        ("source", inputs.source or "a table passed in memory"),
        ("comments", f"{len(inputs.table):,}"),
        ("personal data", redaction_notice(prepare_settings(inputs.stages)) or REDACTED),
    ]
    if len(inputs.table) > EXCEL_MAX_ROWS:
        rows.append(
            ("note", f"the 'tagged comments' sheet holds the first {EXCEL_MAX_ROWS:,} comments")
        )
    rows += [(f"meaning: {term}", text) for term, text in glossary(inputs.scales).items()]
    rows += [(f"sheet: {sheet}", f"the table {table}") for sheet, table in cut.items()]
    return pd.DataFrame(rows, columns=["item", "value"])


def _tagged_sheet(table: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    keep = [c for c in table.columns if not str(c).startswith(_PROBABILITY_PREFIXES)]
    sheet = table[keep].head(EXCEL_MAX_ROWS)
    if "themes" in sheet and labels:
        named = sheet["themes"].map(lambda v: "; ".join(labels.get(t, t) for t in split_list(v)))
        sheet = sheet.assign(theme_labels=named)
    return sheet


@dataclass
class Written:
    """What was written (name → path) and the facts the report found (for a summary)."""

    paths: dict[str, Path]
    facts: Facts


def write_insight_report(
    source: str | Path | pd.DataFrame | ReportInputs,
    out: str | Path,
    *,
    explanation: Explanation | None = None,
    title: str | None = None,
    stem: str = "report",
    main_score: str | None = None,
    explain_options: dict[str, Any] | None = None,
    outcomes: Sequence[str | OutcomeSpec] | None = None,
    segments: Sequence[str] | None = None,
) -> Written:
    """Write `<stem>.html`, `<stem>.md` and `<stem>.xlsx` into `out`; return their paths.

    `source`: a tagged table (DataFrame, .parquet/.csv/.xlsx), an analysis output folder or
    a finished tagging job's folder (`feedback-nlp tag --out`). `main_score` (nps, csat,
    ces) is the score the report leads with and weighs the themes by; None: the first present.
    `explain_options` (unit, text_signals, min_group_size, period) go to `insights.explain`;
    an analysis folder's own min_group_size holds unless one is given. `outcomes`
    (``NAME:KIND[:key=value]...`` as ``--outcome``, a column name or specs) are declared in
    place of the source's own (an analysis folder's outcomes.json); `segments` (columns, as
    ``--segment``) replace its segment columns (segments.json).
    """
    from feedback_nlp.report.export import write_workbook
    from feedback_nlp.report.html import to_html
    from feedback_nlp.report.markdown import to_markdown

    if isinstance(source, str | Path):
        inputs = with_folder_options(load_inputs(source), source)
    elif isinstance(source, pd.DataFrame):
        inputs = ReportInputs(table=source)
    else:
        inputs = source
    if main_score is not None:
        inputs = replace(inputs, main_score=main_score)
    if explain_options:
        options = {**inputs.explain_options, **checked_explain_options(explain_options)}
        inputs = replace(inputs, explain_options=options)
    if outcomes:
        inputs = with_outcomes(inputs, outcomes)
    if segments:
        inputs = with_segments(inputs, segments)
    report = build_insight_report(inputs, explanation, title=title)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "html": out / f"{stem}.html",
        "markdown": out / f"{stem}.md",
        "xlsx": out / f"{stem}.xlsx",
    }
    paths["html"].write_text(to_html(report), encoding="utf-8")
    paths["markdown"].write_text(
        to_markdown(report, html_name=paths["html"].name, xlsx_name=paths["xlsx"].name),
        encoding="utf-8",
    )
    write_workbook(report.sheets, paths["xlsx"], prepare=prepare_settings(inputs.stages))
    return Written(paths, report.facts["facts"])
