"""What one analysis produced (`Analysis`) and what is written from it: the insight report,
the output folder (`write_outputs`) and the model folder (`save_model_folder`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.insights.segments import segment_ranges
from feedback_nlp.outcomes import OUTCOMES_FILE, OutcomeSpec
from feedback_nlp.score_scales import ScoreScales, write_scales
from feedback_nlp.scores import SCORE_COLUMNS
from feedback_nlp.segment_columns import write_segments

if TYPE_CHECKING:
    from feedback_nlp.insights import Explanation
    from feedback_nlp.report.build import Written
    from feedback_nlp.report.inputs import ReportInputs


@dataclass
class Analysis:
    """Everything one run produced: the tagged table, rejects, side tables, the analyzer."""

    table: pd.DataFrame
    rejects: pd.DataFrame
    analyzer: Analyzer
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    read_summary: str = ""
    outcomes: dict[str, OutcomeSpec] = field(default_factory=dict)
    segments: list[str] = field(default_factory=list)  # carried columns to segment by too
    scales: ScoreScales = field(default_factory=ScoreScales)  # CSAT and CES scales as read
    outcome_notes: list[str] = field(default_factory=list)  # outcomes joined or not found
    sources: list[str] = field(default_factory=list)  # names of the files read


def theme_labels(analysis: Analysis) -> dict[int, str]:
    """Theme id → label from the topics side table (empty when no topics stage ran)."""
    topics = analysis.tables.get("topics")
    if topics is None or not len(topics):
        return {}
    return {int(t): str(label) for t, label in zip(topics["topic"], topics["label"], strict=True)}


def report_inputs(analysis: Analysis) -> ReportInputs:
    """What the insight report needs from an analysis (table, themes, rejects, models)."""
    from feedback_nlp import __version__
    from feedback_nlp.report.inputs import ReportInputs, stage_configs

    return ReportInputs(
        source=", ".join(analysis.sources),
        outcomes=[o.stored() for o in analysis.outcomes.values()],
        segments=analysis.segments,
        scales=analysis.scales,
        table=analysis.table,
        themes=analysis.tables.get("topics"),
        rejects=analysis.rejects,
        stages=stage_configs(analysis.analyzer.stages),
        meta={"feedback_nlp_version": __version__, "fitted_on": analysis.analyzer.fitted_on_},
        embeddings=analysis.arrays.get("embedding"),
    )


def write_report(
    source: Analysis | pd.DataFrame | str | Path,
    out: str | Path,
    *,
    explanation: Explanation | None = None,
    main_score: str | None = None,
    explain_options: dict[str, Any] | None = None,
    outcomes: Sequence[str | OutcomeSpec] | None = None,
    segments: Sequence[str] | None = None,
) -> Written:
    """Write the insight report (report.html, .md, .xlsx) into `out`; return paths and facts.

    `source`: an Analysis, a tagged table (DataFrame or .parquet/.csv/.xlsx file) or a folder
    written by :func:`write_outputs`; `main_score` (nps, csat, ces) the score it leads with;
    `explain_options`: unit, text_signals, min_group_size and period (M, W, Q) only;
    `outcomes` (``"rating:numeric"``, as ``--outcome``) replace the source's declared
    outcomes; `segments` (columns, as ``--segment``) replace its segment columns.
    """
    from feedback_nlp.report.build import write_insight_report

    inputs = report_inputs(source) if isinstance(source, Analysis) else source
    return write_insight_report(
        inputs,
        out,
        explanation=explanation,
        main_score=main_score,
        explain_options=explain_options,
        outcomes=outcomes,
        segments=segments,
    )


def analysis_outcomes(analysis: Analysis) -> list[str | OutcomeSpec]:
    """The score columns present, then the declared outcomes found."""
    scores = [c for c in SCORE_COLUMNS if c in analysis.table.columns]
    return [*scores, *(o.stored() for o in analysis.outcomes.values())]


def write_outputs(
    analysis: Analysis,
    out: str | Path,
    *,
    save_model: bool = True,
    explain_options: dict[str, Any] | None = None,
    main_score: str | None = None,
) -> Written:
    """Write the tagged table, rejects, explain tables, the report and the model into `out`;
    `explain_options` (unit, text_signals, min_group_size: `analyze --unit`,
    `--no-text-signals`, `--min-group-size`) go to `insights.explain`, the floor is kept with
    the segments (folder and model) for later reports; `main_score` (nps, csat, ces) is the
    score the report leads with.

    Returns every path written (``written.paths["html"]``, …) and the report's facts.
    """
    from feedback_nlp.insights import explain
    from feedback_nlp.insights.distinct import similar_from_table
    from feedback_nlp.report.build import Written, checked_explain_options
    from feedback_nlp.report.export import export_table
    from feedback_nlp.report.inputs import prepare_settings, stage_configs

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    prepare = prepare_settings(stage_configs(analysis.analyzer.stages))
    labels = theme_labels(analysis)
    explanation = explain(
        analysis.table,
        outcomes=analysis_outcomes(analysis),
        labels=labels or None,
        embeddings=analysis.arrays.get("embedding"),
        mentions=analysis.tables.get("theme_mentions"),
        similar=similar_from_table(analysis.tables.get("topics")) or None,
        segments=analysis.segments,
        scales=analysis.scales,
        **checked_explain_options(explain_options),
    )
    paths = {
        "tagged": export_table(analysis.table, out / "tagged.parquet", prepare=prepare),
        "tagged_xlsx": export_table(analysis.table, out / "tagged.xlsx", prepare=prepare),
        "rejects": export_table(analysis.rejects, out / "rejects.csv", prepare=prepare),
    }
    for name, frame in explanation.tables.items():
        export_table(frame, out / "explain" / f"{name}.csv")
    for name, frame in analysis.tables.items():
        export_table(frame, out / "tables" / f"{name}.csv")
    (out / "read_summary.txt").write_text(analysis.read_summary + "\n", encoding="utf-8")
    if analysis.outcomes:
        stored = [asdict(o.stored()) for o in analysis.outcomes.values()]
        (out / OUTCOMES_FILE).write_text(json.dumps(stored, indent=1), encoding="utf-8")
    floor = int((explain_options or {}).get("min_group_size", 0))
    ranges = segment_ranges(analysis.table, analysis.segments)
    write_segments(out, analysis.segments, ranges, min_group_size=floor)
    write_scales(out, analysis.scales)
    report = write_report(analysis, out, explanation=explanation, main_score=main_score)
    paths.update(report.paths)
    paths["tables"] = out / "explain"
    if save_model:
        paths["model"] = save_model_folder(analysis, out / "model", min_group_size=floor)
    return Written(paths, report.facts)


def save_model_folder(analysis: Analysis, folder: str | Path, min_group_size: int = 0) -> Path:
    """Save the fitted stages in `folder`, with the outcomes declared for the analysis as
    declared (`outcomes.json`): a tagging job with this model reads them from its raw columns
    and its report weighs the themes by them (docs/tagging.md); its segments and the
    small-group floor (`min_group_size`) go with them (segments.json), so the job's report
    hides the same small groups."""
    saved = analysis.analyzer.save(folder)
    if analysis.outcomes:
        declared = [asdict(o) for o in analysis.outcomes.values()]
        (saved / OUTCOMES_FILE).write_text(json.dumps(declared, indent=1), encoding="utf-8")
    ranges = segment_ranges(analysis.table, analysis.segments)
    write_segments(saved, analysis.segments, ranges, min_group_size=min_group_size)
    write_scales(saved, analysis.scales)
    return saved
