"""Batch tagging at any scale: engines only move rows, the tagging function is shared.

:func:`tag_files` tags files with a saved model into an output folder of Parquet parts and a
manifest, on the local runner (streamed, resumable) or on Ray Data. Every engine calls
:func:`feedback_nlp.pipeline.tag_frame` on each chunk. See docs/tagging.md.

>>> from feedback_nlp.engines import tag_files
>>> summary = tag_files("out/model", ["week-32.csv"], "tagged-week-32")  # doctest: +SKIP
>>> import pandas as pd
>>> tagged = pd.read_parquet("tagged-week-32/tagged")                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from feedback_nlp.analyzer import Analyzer, version_note
from feedback_nlp.engines.context import missing_outcomes, write_model_context
from feedback_nlp.engines.job import (
    ModelError,
    NoInputError,
    TagSummary,
    discard_unstarted,
    load_model,
    open_job,
    summary_of,
)
from feedback_nlp.engines.manifest import JobConflictError, Manifest
from feedback_nlp.engines.parts import REJECTS, TAGGED
from feedback_nlp.io.stream import CHUNK_ROWS
from feedback_nlp.outcomes import OUTCOMES_FILE, read_outcomes
from feedback_nlp.score_scales import ScoreScales, model_scales
from feedback_nlp.stages.prepare import brand_handles
from feedback_nlp.text.pseudonyms import check_key

ENGINES = ("local", "ray")


def tag_files(
    model: str | Path,
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    resume: bool = False,
    overwrite: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    progress: bool | None = None,
    address: str | None = None,
    actors: int | None = None,
    **read_options: Any,
) -> TagSummary:
    """Tag `paths` with the saved model in `model` into `out` (tagged/, rejects/, manifest).

    `resume` continues an unfinished run of the same job; a finished job is left as it is;
    `overwrite` replaces whatever job `out` holds. Beside the parts the job keeps the model's
    theme table and settings (`engines.context`), so `feedback-nlp report out` reads it alone.
    The summary warns of an outcome the model declares that the files lack, and notes a
    model saved by an older toolkit version.
    `read_options` are those of :func:`~feedback_nlp.io.read_many` (mapping, platform,
    encoding, column names); the scores are read on the model's scales (its scales.json).
    With ``engine="ray"``, `address` names an existing Ray cluster and `actors` the number
    of tagging actors (default: one per GPU, else one per two CPUs).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {ENGINES}")
    model, out = Path(model), Path(out)
    files = [Path(p) for p in paths]
    given = read_options.pop("scales", None)
    scales = _checked_scales(model, given, files, read_options.get("mapping"))
    options = {"chunk_rows": chunk_rows, **read_options}
    analyzer = load_model(model)
    check_key(analyzer.pseudonym_key_, model)  # before the job: a resume would mix two keys
    manifest = open_job(
        model, files, out, options, engine=engine, resume=resume, overwrite=overwrite
    )
    if manifest.status == "done":
        return with_model_notes(finished_summary(manifest, engine), analyzer, model)
    write_model_context(analyzer, model, out)
    read_options = {**read_options, "scales": scales}
    read_options.setdefault("brand_handles", brand_handles(analyzer.stages))  # `--keep-handle`
    if (model / OUTCOMES_FILE).is_file() and "outcomes" not in read_options:
        # read as `analyze` read them: a duration whose start column is also `created_at`
        read_options["outcomes"] = {o.name: o for o in read_outcomes(model / OUTCOMES_FILE)}
    try:
        if engine == "ray":
            from feedback_nlp.engines.ray_engine import run_ray

            summary = run_ray(
                manifest,
                model,
                files,
                chunk_rows=chunk_rows,
                read_options=read_options,
                address=address,
                actors=actors,
                progress=progress,
            )
        else:
            from feedback_nlp.engines.local import run_local

            summary = run_local(
                manifest, model, files, chunk_rows=chunk_rows, read_options=read_options,
                progress=progress,
            )  # fmt: skip
    except Exception:
        discard_unstarted(manifest)  # no chunk finished: nothing to resume, nothing blocks
        raise
    return with_model_notes(summary, analyzer, model)


def with_model_notes(summary: TagSummary, analyzer: Analyzer, model: Path) -> TagSummary:
    """`summary` with a warning per outcome the model declares that the job's files lack
    (a weekly file tagged without the fit's --mapping) and a note on an older model."""
    summary.input_warnings = missing_outcomes(analyzer, model, summary.out)
    note = version_note(model, analyzer.saved_version_)
    summary.notes = [note] if note else []
    return summary


def _checked_scales(
    model: Path, given: ScoreScales | None, files: list[Path], mapping: object
) -> ScoreScales:
    """The model's scales (`score_scales.model_scales`); every file's mapping (the one
    passed or the one beside it) must agree with them, checked before the job starts: a job
    reads its files as the model's analysis read them, and its report counts on its scales."""
    from feedback_nlp.io.mapping import load_mapping

    scales = model_scales(model, given)
    for path in files:
        load_mapping(mapping, {}, path, scales=scales)  # type: ignore[arg-type]
    return scales


def finished_summary(manifest: Manifest, engine: str) -> TagSummary:
    """The summary of a job that was already done before this call."""
    return summary_of(manifest, engine, 0, len(manifest.parts), 0.0, already_done=True)


__all__ = [
    "ENGINES",
    "REJECTS",
    "TAGGED",
    "JobConflictError",
    "ModelError",
    "NoInputError",
    "TagSummary",
    "tag_files",
]
