"""The whole analysis in one call: read → tag → explain → report.

`analyze()` is what `feedback-nlp analyze` and `feedback-nlp demo` run, and what a notebook
calls; `tag()` applies a saved analyzer to new files held in memory, and `tag_frame()` tags one
DataFrame, checked as the readers check a file (the batch-tagging engines, feedback_nlp.engines,
tag the chunks the readers made with `Analyzer.transform_batch`). What a run produced
(`Analysis`) and its writers (`write_outputs`, `write_report`, …) are in feedback_nlp.outputs,
importable from here too.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.errors import FeedbackError
from feedback_nlp.insights.mixed_scales import mixed_scale_notes
from feedback_nlp.io import ReadResult, read_many
from feedback_nlp.io.frame_input import checked_paths, tag_frame_input
from feedback_nlp.outcome_defaults import stars_outcome
from feedback_nlp.outcomes import OutcomeSpec, case_hints
from feedback_nlp.outputs import (
    Analysis,
    analysis_outcomes,
    report_inputs,
    save_model_folder,
    theme_labels,
    write_outputs,
    write_report,
)
from feedback_nlp.score_scales import ScoreScales, model_scales
from feedback_nlp.segment_columns import check_segments
from feedback_nlp.stages import STAGES, Batch, Stage
from feedback_nlp.stages.prepare import brand_handles
from feedback_nlp.topics.drift import ThemeDriftWarning, table_drift_notes

#: The stages of a full analysis, in order.
DEFAULT_STAGE_NAMES = (
    "prepare", "language", "embed", "sentiment", "emotion", "effort", "topics"
)  # fmt: skip


def default_stages(
    names: Sequence[str] = DEFAULT_STAGE_NAMES,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Stage]:
    """Fresh instances of the named stages; `options` (stage name -> arguments) overrides."""
    options = options or {}
    return [STAGES[name](**options.get(name, {})) for name in names]


#: The demo's customer-level table (churned by customer_id), joined by respondent_id.
DEMO_CUSTOMERS = "customers.csv"
#: The fictional retailer's own account, which the demo's social posts address: kept in the
#: text (``PrepareStage(keep_handles=[DEMO_BRAND_HANDLE])``), unlike a person's handle.
DEMO_BRAND_HANDLE = "@Northwind"


def demo_files(customers: bool = False) -> list[Path]:
    """The bundled demo feedback files (each with its mapping file, where it needs one).

    `customers=True` adds the customer table (churn), which :func:`analyze` joins by
    respondent_id when an outcome in it is declared.
    """
    folder = resources.files("feedback_nlp") / "data" / "demo"
    return sorted(
        Path(str(entry))
        for entry in folder.iterdir()
        if entry.name.endswith((".csv", ".jsonl", ".json"))
        and not entry.name.startswith("_")
        and (customers or entry.name != DEMO_CUSTOMERS)
    )


def analyze(
    paths: Sequence[str | Path],
    *,
    stages: list[Stage] | None = None,
    mapping: str | Path | dict | None = None,
    outcomes: Sequence[OutcomeSpec] = (),
    bad_scores: str | None = None,
    segments: Sequence[str] = (),
    scales: ScoreScales | None = None,
    agent_turns: str = "context",
) -> Analysis:
    """Read the files, fit the stages on them and tag every comment.

    `outcomes` declares outcome columns (churned, resolution_time…; see
    feedback_nlp.outcomes) read from the feedback files or from customer tables among `paths`
    (a table with a customer id and no text column, joined by respondent_id). `bad_scores` as
    in :func:`feedback_nlp.io.read_many` (None: the mapping's, else keep-text). `segments`:
    columns of the files (a region, a plan) that explain and the report also break down by.
    `scales`: the CSAT and CES scales where the survey's are not 1-5 and 1-7 (or the
    mapping's ``[scales]``; `feedback_nlp.score_scales`), kept with the outputs and the model.
    `agent_turns`: an agent's turns of chats, speaker-column exports and transcripts as the
    customer turns' ``context`` ("context") or left out ("drop"), as in `io.read_many`.
    """
    paths = checked_paths(paths, "analyze")  # a DataFrame: tag_frame
    analyzer = Analyzer(stages if stages is not None else default_stages())
    for stage in analyzer.stages:  # a missing codebook file: before reading, not at the fit
        stage.check_ready()
    declared_outcomes = {o.name: o for o in outcomes}
    brand = brand_handles(analyzer.stages)  # `--keep-handle`: their posts are not feedback
    read, declared = _read_with_outcomes(
        paths, mapping, declared_outcomes, bad_scores, scales, brand, agent_turns
    )
    _check_rows(read, paths)
    declared |= _stars_as_outcome(read, declared)
    check_segments(segments, read.table.columns)  # before the fit, which takes minutes
    analysis = _analysis(read, analyzer, analyzer.fit_transform_batch(read.table))
    analysis.sources = [Path(p).name for p in paths]
    analysis.outcomes = declared
    analysis.segments = list(segments)
    return analysis


def _check_rows(read: ReadResult, paths: Sequence[str | Path]) -> None:
    """FeedbackError when no row was kept: a file with a header only, or every row rejected."""
    if len(read.table):
        return
    files = ", ".join(Path(p).name for p in paths)
    rejected = read.info.get("rows_rejected", 0)
    most = f"most often: {_commonest_reason(read.rejects)}; " if len(read.rejects) else ""
    why = (
        f"all {rejected:,} rejected ({most}`feedback-nlp validate {files}` lists them)"
        if rejected
        else "the files hold no rows"
    )
    raise FeedbackError(f"nothing to analyse in {files}: no row was kept, {why}")


def _commonest_reason(rejects: pd.DataFrame) -> str:
    """The reason most rejected rows were given, as exported (personal data redacted)."""
    from feedback_nlp.report.export import redact_for_export

    return str(redact_for_export(rejects[["response_id", "reason"]])["reason"].mode().iloc[0])


def _stars_as_outcome(read: ReadResult, declared: dict[str, OutcomeSpec]) -> dict:
    """A review export's star rating as a numeric outcome (low is bad) when the feedback has
    no NPS, CSAT or CES and the rating is not declared (`outcome_defaults.stars_outcome`):
    before stop 47 such a report said "these data carry no score" and weighed the themes by
    sentiment alone."""
    spec, note = stars_outcome(read.table, declared)
    if spec is None:
        return {}
    read.info.setdefault("outcome_notes", []).append(note)
    return {spec.name: spec}


def _read_with_outcomes(
    paths: Sequence[str | Path],
    mapping: str | Path | dict | None,
    outcomes: dict,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
    brand: Sequence[str] = (),
    agent_turns: str = "context",
) -> tuple[ReadResult, dict[str, OutcomeSpec]]:
    """Read the feedback files (the posts of the `brand` handles rejected), then join each
    customer table's declared outcomes."""
    from feedback_nlp.io.customers import is_customer_table, join_customer_outcomes

    customers = [p for p in paths if is_customer_table(p, mapping)]
    feedback = [p for p in paths if p not in customers]
    options = {"outcomes": outcomes, "bad_scores": bad_scores, "scales": scales}
    options["agent_turns"] = agent_turns
    read = _read(feedback, mapping=mapping, brand_handles=brand, **options)
    outcomes = {**read.outcome_specs, **outcomes}  # a mapping's [outcomes] too
    declared = {n: o for n, o in outcomes.items() if n in read.table.columns}
    lines = []
    for path in customers:
        joined = join_customer_outcomes(read.table, path, outcomes)
        read.table = joined.table
        read.rejects = pd.concat([read.rejects, joined.rejects], ignore_index=True)
        declared.update(joined.outcomes)
        lines.append(joined.summary)
    lines += mixed_scale_notes(read.table, list(declared.values()))  # 1-5 beside 1-10
    missing = sorted(set(outcomes) - set(declared))
    if missing:
        hint = case_hints([outcomes[name] for name in missing], read.table.columns)
        lines.append(f"declared outcome(s) {missing} found in no file: not analysed{hint}")
    if lines:
        read.info["outcome_notes"] = lines
    return read, declared


def tag(model: str | Path, paths: Sequence[str | Path], **read_options: object) -> Analysis:
    """Tag new files with a saved analyzer (no fitting), all in memory.

    For inputs of any size use :func:`feedback_nlp.engines.tag_files` (streamed, resumable).
    The scores are read on the model's scales (its ``scales.json``).
    """
    from feedback_nlp.text.pseudonyms import check_key

    paths = checked_paths(paths, "tag")  # a DataFrame: tag_frame
    analyzer = load_analyzer(model)
    check_key(analyzer.pseudonym_key_, model)  # ids made under another key would not join
    given = read_options.pop("scales", None)
    scales = model_scales(Path(model), given)  # type: ignore[arg-type]
    read_options.setdefault("brand_handles", brand_handles(analyzer.stages))
    read = _read(paths, **read_options, scales=scales)
    analysis = _analysis(read, analyzer, analyzer.transform_batch(read.table))
    analysis.sources = [Path(p).name for p in paths]
    for note in table_drift_notes(analyzer, analysis.table):  # the themes may be stale
        warnings.warn(note, ThemeDriftWarning, stacklevel=2)
    return analysis


def load_analyzer(model: str | Path) -> Analyzer:
    """The saved analyzer in `model`, loaded once per process (and again if its files change)."""
    from feedback_nlp.engines.manifest import model_hash

    folder = Path(model).resolve()
    return _load_analyzer(str(folder), model_hash(folder))


@lru_cache(maxsize=4)
def _load_analyzer(folder: str, digest: str) -> Analyzer:
    return Analyzer.load(folder)


def tag_frame(model: Analyzer | str | Path, table: pd.DataFrame) -> pd.DataFrame:
    """Tag one DataFrame of the feedback table with a saved analyzer (or a fitted one).

    Same rows, same index, the model's columns (and `nps_group` where there are NPS scores)
    added; checked first as the readers check a file (`io.frame_input`: export headers read as
    the readers read them where there is no `text` column, `created_at` in UTC; an error names
    the row of a missing or repeated response_id, an NPS outside 0-10 or a date that is none;
    an input column named as an output, such as `sentiment`, is kept as `source_sentiment`).
    Cross-row columns (`is_duplicate`, `duplicate_of`) compare the rows of `table` only.
    A model given as a folder is loaded once per process.
    """
    analyzer = model if isinstance(model, Analyzer) else load_analyzer(model)
    outputs = [c for stage in analyzer.stages for c in stage.produces] + ["nps_group"]
    return with_nps_group(analyzer.transform_batch(tag_frame_input(table, outputs)).table)


def _read(paths: Sequence[str | Path], **options: object) -> ReadResult:
    """read_many inside a progress task sized in bytes (readers may advance it per chunk)."""
    from feedback_nlp import progress

    paths = list(paths)
    size = sum(Path(p).stat().st_size for p in paths if Path(p).is_file())
    with progress.task(f"Reading {len(paths)} file{'s' * (len(paths) != 1)}", size, unit="B"):
        return read_many(paths, **options)


def with_nps_group(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with `nps_group` added where it has NPS scores."""
    from feedback_nlp.scores import nps_group

    if "nps" in table.columns:
        return table.assign(nps_group=nps_group(table["nps"]))
    return table


def _analysis(read: ReadResult, analyzer: Analyzer, batch: Batch) -> Analysis:
    """Bundle what a run produced; adds `nps_group` where there are NPS scores."""
    table = with_nps_group(batch.table)
    summary = "\n".join([read.summary(), *read.info.get("outcome_notes", [])])
    return Analysis(
        table=table,
        rejects=read.rejects,
        analyzer=analyzer,
        tables=dict(batch.tables),
        arrays=dict(batch.arrays),
        read_summary=summary,
        scales=read.scales,
        outcome_notes=list(read.info.get("outcome_notes", [])),
    )


__all__ = [
    "DEFAULT_STAGE_NAMES",
    "DEMO_BRAND_HANDLE",
    "DEMO_CUSTOMERS",
    "Analysis",
    "analysis_outcomes",
    "analyze",
    "default_stages",
    "demo_files",
    "load_analyzer",
    "report_inputs",
    "save_model_folder",
    "tag",
    "tag_frame",
    "theme_labels",
    "with_nps_group",
    "write_outputs",
    "write_report",
]
