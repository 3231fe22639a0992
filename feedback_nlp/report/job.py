"""A tagging job's folder as report inputs: `feedback-nlp report tagged-week-32/`.

A job written by `feedback-nlp tag` (docs/tagging.md) holds the tagged rows, rejects and
theme mentions as Parquet parts, and the model's theme table and settings beside them
(`engines.context`). The report reads it as it reads an `analyze` folder: the themes keep
their names, categories and similar themes, and each theme's mentions and share negative are
counted over the job's comments. An unfinished job is refused: its report would be partial.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from feedback_nlp.engines.context import MODEL_INFO, THEMES
from feedback_nlp.engines.manifest import MANIFEST, JobConflictError, Manifest
from feedback_nlp.engines.parts import MENTIONS, REJECTS, TAGGED, read_parts
from feedback_nlp.errors import ReadError
from feedback_nlp.insights.mixed_scales import mixed_scale_notes
from feedback_nlp.outcomes import (
    OUTCOMES_FILE,
    OutcomeSpec,
    case_hints,
    parse_declared,
    read_outcomes,
)
from feedback_nlp.schema import empty_rejects
from feedback_nlp.score_scales import read_scales
from feedback_nlp.segment_columns import read_segment_ranges, read_segments

if TYPE_CHECKING:
    from feedback_nlp.report.inputs import ReportInputs


def is_tagging_job(folder: Path) -> bool:
    """Whether `folder` is the output folder of a tagging job (its manifest; a job that
    tagged no comment has no tagged parts)."""
    return (folder / MANIFEST).is_file()


class EmptyJobError(ReadError):
    """The tagging job tagged no comment (an empty week, every row rejected): no report."""


def load_job(folder: Path) -> ReportInputs:
    """The report inputs of a finished tagging job in `folder`."""
    from feedback_nlp.report.inputs import ReportInputs, schema_dtypes
    from feedback_nlp.topics.tables import with_mention_counts

    totals = _finished_job(folder).totals()
    table = read_parts(folder / TAGGED)
    if table.empty:
        read, rejected = totals["rows_read"], totals["rejects"]
        raise EmptyJobError(
            folder,
            f"the tagging job tagged no comments ({read:,} rows read, {rejected:,} rejected): "
            "nothing to report",
            hint="see its rejects/ for why" if rejected else "tag a file that holds comments",
        )
    inputs = ReportInputs(table=schema_dtypes(table, folder / TAGGED), source=str(folder))
    inputs.rejects = _parts_or(folder / REJECTS, empty_rejects())
    inputs.mentions = _parts_or(folder / MENTIONS, None)
    if inputs.mentions is not None:
        inputs.mentions = inputs.mentions.astype({"response_id": "string"})
    if (folder / THEMES).is_file():
        themes = pd.read_parquet(folder / THEMES)
        inputs.themes = with_mention_counts(themes, inputs.mentions)
    info: dict = {}
    if (folder / MODEL_INFO).is_file():
        info = json.loads((folder / MODEL_INFO).read_text(encoding="utf-8"))
        inputs.stages = list(info.get("config", {}).get("stages", []))
        inputs.meta = dict(info.get("meta", {}))
    if (folder / OUTCOMES_FILE).is_file():
        declared = read_outcomes(folder / OUTCOMES_FILE)
        _with_outcomes(inputs, declared, folder, bool(info.get("outcomes_read", False)))
    inputs.segments = read_segments(folder)
    inputs.segment_ranges = read_segment_ranges(folder)  # the model's: cut as the analysis
    inputs.scales = read_scales(folder)
    return inputs


def _with_outcomes(
    inputs: ReportInputs, declared: list[OutcomeSpec], folder: Path, read: bool
) -> None:
    """The outcomes the job's reader parsed (`read`: it reads with the model's outcomes since
    stop 48, said in model.json; a duration from a start column the reader took as
    `created_at` is then still computed; a job tagged before has raw columns only), and
    those whose raw columns this job's files had, parsed in the table as `analyze` parses them
    at reading ("no" → 0, durations in seconds), with the specs of the parsed columns: the
    summary picks its quotes from the bad side as it does for an analysis. An outcome the
    files lack is named in the methods' notes."""
    columns = set(inputs.table.columns)
    parsed = [
        o for o in declared if read and o.name in columns and _is_parsed(inputs.table[o.name])
    ]
    kept = [o for o in declared if o not in parsed and set(o.source_columns) <= columns]
    missing = [o for o in declared if o not in kept and o not in parsed]
    if missing:
        hint = case_hints(missing, inputs.table.columns)
        names = [o.name for o in missing]
        inputs.notes.append(
            f"the model's outcome(s) {names} are in none of this job's files: not reported{hint}"
        )
    inputs.table = parse_declared(inputs.table, kept, where=str(folder / TAGGED), first_line=1)
    inputs.outcomes = [o.stored() for o in declared if o in parsed or o in kept]
    inputs.notes += mixed_scale_notes(inputs.table, inputs.outcomes)  # 1-5 beside 1-10


def _is_parsed(column: pd.Series) -> bool:
    """An outcome column the job's reader parsed already (numbers: 0/1, seconds, counts)."""
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _finished_job(folder: Path) -> Manifest:
    """The manifest of the finished job in `folder` (an error if it is not finished, or a
    finished chunk's part file is missing)."""
    try:
        manifest = Manifest.load(folder)
    except (JobConflictError, KeyError) as error:
        raise ReadError(folder / MANIFEST, f"cannot read the job's manifest: {error}") from error
    if manifest is None:
        raise ReadError(folder / MANIFEST, "cannot read the job's manifest: it is not there")
    if manifest.status != "done":
        raise ReadError(
            folder,
            f"the tagging job is not finished ({len(manifest.parts)} chunk(s) done): a report "
            "of it would leave comments out",
            hint=f"finish it first with `feedback-nlp tag MODEL FILES --out {folder} --resume`",
        )
    missing = manifest.missing_parts()
    if missing:
        raise ReadError(
            folder,
            f"part files of {len(missing)} chunk(s) of the job are missing ({missing[0]}…): a "
            "report of it would leave their comments out",
            hint=f"tag them again with `feedback-nlp tag MODEL FILES --out {folder} --resume`",
        )
    return manifest


def _parts_or(folder: Path, default: pd.DataFrame | None) -> pd.DataFrame | None:
    """The parts in `folder`, or `default` when there are none."""
    parts = read_parts(folder) if folder.is_dir() else pd.DataFrame()
    return parts if len(parts.columns) else default
