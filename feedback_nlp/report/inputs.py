"""What a report is made from: the tagged table and what the analysis knows about itself.

`load_inputs(path)` reads a tagged table (.parquet, .csv or .xlsx, as `analyze` and `tag`
write them), a whole analysis output folder (tagged table, rejects, theme table, saved
model) or a tagging job's folder (`feedback-nlp tag --out`; `report.job`). The report never
needs more than this: every number is recomputed from the table.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.insights.mixed_scales import mixed_scale_notes
from feedback_nlp.outcome_defaults import as_outcome, plain_outcome, stars_outcome
from feedback_nlp.outcomes import (
    OUTCOMES_FILE,
    OutcomeSpec,
    case_hints,
    parse_declared,
    read_outcomes,
)
from feedback_nlp.report.export import CSV_ENCODING, restore_formula
from feedback_nlp.report.provenance import (
    models_table,
    package_versions,
    prepare_settings,
    stage_configs,
)
from feedback_nlp.schema import COLUMNS, empty_rejects
from feedback_nlp.score_checks import (
    CHECKED,
    first_data_line,
    readable_scores,
    scores_as_read,
    whole_numbers,
)
from feedback_nlp.score_scales import ScoreScales, read_scales
from feedback_nlp.scores import SCORE_COLUMNS
from feedback_nlp.segment_columns import SavedRanges, read_segment_ranges, read_segments

#: File names inside an analysis output folder (see outputs.write_outputs).
TAGGED_NAMES = ("tagged.parquet", "tagged.xlsx", "tagged.csv")

__all__ = ["TAGGED_NAMES", "ReportInputs", "files_read", "folder_source", "load_inputs",
           "models_table", "package_versions", "prepare_settings", "read_rejects_csv",
           "read_tagged", "schema_dtypes", "stage_configs", "with_outcomes"]  # fmt: skip


@dataclass
class ReportInputs:
    """The tagged table and what came with it (all optional but the table)."""

    table: pd.DataFrame
    themes: pd.DataFrame | None = None
    rejects: pd.DataFrame | None = None
    stages: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    embeddings: np.ndarray | None = None
    #: The topics stage's theme_mentions table (which part of a comment raises each theme).
    mentions: pd.DataFrame | None = None
    source: str = ""
    #: Declared outcomes (feedback_nlp.outcomes.OutcomeSpec) explained after the scores.
    outcomes: list[Any] = field(default_factory=list)
    #: Score cells left out on reading (file, line, value: `score_checks`), for stderr.
    warnings: list[str] = field(default_factory=list)
    #: What was read so (a star rating taken as the outcome), for the notes.
    notes: list[str] = field(default_factory=list)
    #: Columns the analysis is also segmented by (`analyze --segment`): a section each.
    segments: list[str] = field(default_factory=list)
    #: The ranges the analysis cut its numeric segment columns into (segments.json).
    segment_ranges: dict[str, SavedRanges] = field(default_factory=dict)
    #: The CSAT and CES scales the scores were read on (`score_scales`).
    scales: ScoreScales = field(default_factory=ScoreScales)
    #: What the inputs lacked, said in the methods (a job's files without a model's outcome).
    notes: list[str] = field(default_factory=list)
    #: The score the report leads with and weighs the themes by (nps, csat, ces); None: the
    #: first present, in that order.
    main_score: str | None = None
    #: Options for `insights.explain` (unit, text_signals: `--unit`, `--no-text-signals`).
    explain_options: dict[str, Any] = field(default_factory=dict)


def _read_table(path: Path, dtype: dict[str, str]) -> pd.DataFrame:
    """A CSV table of an analysis folder; ReadError (exit 65) when it cannot be read."""
    try:
        return pd.read_csv(path, dtype=dtype, encoding=CSV_ENCODING)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ReadError(path, f"cannot be read as the table the toolkit writes: {error}") from None


def read_rejects_csv(path: Path) -> pd.DataFrame:
    """A rejects.csv as written (`schema.REJECT_COLUMNS` types): `row_kept` read as a
    boolean, not as the text "False" (which counts as true, and before stop 47 made a report
    rebuilt from a folder say that no row was rejected)."""
    try:
        rejects = pd.read_csv(
            path, dtype="string", keep_default_na=False, na_values=[""], encoding=CSV_ENCODING
        )
    except pd.errors.EmptyDataError:
        return empty_rejects()
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise ReadError(
            path, f"cannot be read as the rejects the toolkit writes: {error}"
        ) from None
    if "row_kept" in rejects.columns:
        kept = rejects["row_kept"].str.strip().str.lower()
        rejects["row_kept"] = kept.map({"true": True, "false": False}).astype("boolean")
    if "line" in rejects.columns:
        rejects["line"] = pd.to_numeric(rejects["line"], errors="coerce").astype("Int64")
    return rejects


def load_inputs(path: str | Path) -> ReportInputs:
    """Read a tagged table file, or an analysis output folder, for the report (a file's
    scales are those kept beside it, `score_scales`)."""
    path = Path(path)
    if path.is_dir():
        return _load_folder(path)
    scales = read_scales(path.parent)
    table, warnings = readable_scores(
        read_tagged(path), scales, str(path), first_data_line(path.suffix)
    )
    stars, note = stars_outcome(table)
    return ReportInputs(
        table=table,
        source=str(path),
        scales=scales,
        outcomes=[stars] if stars else [],
        warnings=warnings,
        notes=[note] if note else [],
    )


def with_outcomes(inputs: ReportInputs, outcomes: Sequence[str | OutcomeSpec]) -> ReportInputs:
    """`inputs` with `outcomes` declared in place of those they came with (a folder's
    outcomes.json, a star rating taken as one): ``NAME:KIND[:key=value]...`` parsed as
    ``--outcome`` parses it, a plain column name read by its values
    (`outcome_defaults.plain_outcome`, with a note), or a spec; their columns are parsed."""
    notes: list[str] = []
    specs = [_declared_spec(inputs.table, outcome, notes) for outcome in outcomes]
    absent = [s for s in specs if not set(s.source_columns) <= set(inputs.table.columns)]
    if absent:
        names = [s.name for s in absent]
        raise ConfigError(
            f"{inputs.source or 'the table'}: declared outcome(s) {names} are not among its "
            f"columns{case_hints(absent, list(inputs.table.columns))}"
        )
    suffix = Path(inputs.source).suffix if inputs.source else ""
    table = parse_declared(
        inputs.table, specs, inputs.source or "the table", first_data_line(suffix) or 1
    )
    _, stars_note = stars_outcome(inputs.table)  # the star rating is no longer the outcome
    kept = [note for note in inputs.notes if note != stars_note]
    notes += mixed_scale_notes(inputs.table, specs)  # Google's 1-5 beside Booking's 1-10
    return replace(inputs, table=table, outcomes=[s.stored() for s in specs], notes=[*kept, *notes])


def _declared_spec(
    table: pd.DataFrame, outcome: str | OutcomeSpec, notes: list[str]
) -> OutcomeSpec:
    """The spec of one declared outcome; a plain name's note is added to `notes`."""
    outcome = as_outcome(outcome)
    if isinstance(outcome, OutcomeSpec):
        return outcome
    if outcome in SCORE_COLUMNS:
        raise ConfigError(f"'{outcome}' is a score: the report explains it without --outcome")
    if outcome not in table.columns:  # named as absent by `with_outcomes`
        return OutcomeSpec(outcome, "numeric")
    spec, note = plain_outcome(table[outcome], outcome)
    if spec is None:
        raise ConfigError(
            f"outcome '{outcome}' is not numeric: declare its kind ({outcome}:binary:bad=yes, "
            f"{outcome}:count, …)"
        )
    notes += [note] if note else []
    return spec


def read_tagged(path: str | Path) -> pd.DataFrame:
    """A tagged table from .parquet, .csv or .xlsx, with the schema's dtypes restored."""
    path = Path(path)
    if not path.is_file():
        raise ReadError(path, "no such file", hint="pass a tagged table or an output folder")
    suffix = path.suffix.lower()
    strings = {name: "string" for name, column in COLUMNS.items() if column.dtype == "string"}
    try:
        if suffix == ".parquet":
            table = pd.read_parquet(path)
        elif suffix == ".csv":
            table = pd.read_csv(path, dtype=strings, encoding=CSV_ENCODING)
        elif suffix == ".xlsx":
            table = pd.read_excel(path, dtype=strings)
        else:
            raise ReadError(
                path, f"unsupported table format '{suffix}'", hint="use .parquet, .csv or .xlsx"
            )
    except (ValueError, OSError) as error:
        raise ReadError(path, f"cannot read the table: {error}") from error
    if suffix != ".parquet":  # written formula-safe ("'-1" for Other): read back as it was
        table = _formulas_restored(table)
    return schema_dtypes(table, path)


def _formulas_restored(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with the cells and headers our exports neutralised as they were (before stop
    47 a tagged.xlsx read back kept "'-1", the Other theme's id, and `explain` crashed)."""
    table = table.rename(columns=lambda c: restore_formula(str(c)))
    for name in table.columns:
        if pd.api.types.is_object_dtype(table[name]) or pd.api.types.is_string_dtype(table[name]):
            table[name] = table[name].map(restore_formula, na_action="ignore")
    return table


def schema_dtypes(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Known columns get their schema dtype back (Excel and CSV lose them)."""
    table = table.copy()
    for name in table.columns:
        column = COLUMNS.get(name)
        if column is None:
            continue
        try:
            if column.dtype.startswith("datetime64"):
                table[name] = pd.to_datetime(table[name], utc=True)
            elif column.dtype == "Int64" and name in CHECKED:  # checked on their scale
                table[name] = scores_as_read(table[name])
            elif column.dtype == "Int64":
                table[name] = whole_numbers(table[name], first_data_line(path.suffix))
            else:
                table[name] = table[name].astype(column.dtype)
        except (ValueError, TypeError) as error:
            raise ReadError(path, f"cannot read as {column.dtype}: {error}", field=name) from error
    return table


def _load_folder(folder: Path) -> ReportInputs:
    from feedback_nlp.report.job import is_tagging_job, load_job

    if is_tagging_job(folder):
        return load_job(folder)
    tagged = next((folder / n for n in TAGGED_NAMES if (folder / n).is_file()), None)
    if tagged is None:
        raise ReadError(
            folder,
            f"no tagged table here (looked for {', '.join(TAGGED_NAMES)})",
            hint="pass a folder written by `feedback-nlp analyze` or `feedback-nlp tag`, or a "
            "tagged table file",
        )
    inputs = ReportInputs(table=read_tagged(tagged), source=folder_source(folder))
    if (folder / "rejects.csv").is_file():
        inputs.rejects = read_rejects_csv(folder / "rejects.csv")
    if (folder / "tables" / "topics.csv").is_file():
        themes = _read_table(folder / "tables" / "topics.csv", {"similar_themes": "string"})
        inputs.themes = themes.astype({"topic": "Int64"}) if "topic" in themes else themes
    if (folder / "tables" / "theme_mentions.csv").is_file():
        mentions = _read_table(folder / "tables" / "theme_mentions.csv", {"response_id": "string"})
        if "unit_text" in mentions:  # written formula-safe: quoted as the comment says it
            mentions["unit_text"] = mentions["unit_text"].map(restore_formula, na_action="ignore")
        inputs.mentions = mentions
    model = folder / "model"
    if (model / "config.toml").is_file():
        config = tomllib.loads((model / "config.toml").read_text(encoding="utf-8"))
        inputs.stages = list(config.get("stages", []))
    if (model / "meta.json").is_file():
        inputs.meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    if (folder / OUTCOMES_FILE).is_file():
        inputs.outcomes = read_outcomes(folder / OUTCOMES_FILE)
        inputs.notes += mixed_scale_notes(inputs.table, inputs.outcomes)
    inputs.segments = read_segments(folder)
    inputs.segment_ranges = read_segment_ranges(folder)
    inputs.scales = read_scales(folder)
    return inputs


def files_read(summary: str) -> list[str]:
    """The names of the files a read summary (`read_summary.txt`, `ReadResult.summary`)
    accounts for: its lines that name a file, not indented and with no label (no colon but
    a drive's)."""
    lines = [line.rstrip() for line in summary.splitlines()]
    return [
        Path(line).name
        for line in lines
        if line[:1].strip() and ": " not in line and not line.endswith(":")
    ]


def folder_source(folder: Path) -> str:
    """An analysis folder and the files it was made from, as its read summary names them."""
    summary = folder / "read_summary.txt"
    files = files_read(summary.read_text(encoding="utf-8")) if summary.is_file() else []
    return f"{', '.join(files)} (analysis folder {folder})" if files else str(folder)
