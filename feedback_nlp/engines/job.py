"""Setting up a tagging job in its output folder: new, resumed, already done or refused."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_nlp.analyzer import Analyzer
from feedback_nlp.engines.context import ANALYSIS_FILES, MODEL_INFO, THEMES
from feedback_nlp.engines.manifest import (
    MANIFEST,
    JobConflictError,
    Manifest,
    conflicts,
    describe_job,
)
from feedback_nlp.engines.parts import COUNTS, MENTIONS, REJECTS, TAGGED, clean_temporary
from feedback_nlp.errors import FeedbackError
from feedback_nlp.topics.drift import drift_notes


class NoInputError(FeedbackError):
    """Nothing to tag: no file given, a file that does not exist, or an empty file."""


class ModelError(FeedbackError):
    """The model folder cannot be loaded."""


@dataclass
class TagSummary:
    """What a tagging run did."""

    out: Path
    engine: str
    rows_read: int
    rows: int
    rejects: int
    parts_done: int
    parts_skipped: int
    seconds: float
    already_done: bool = False
    #: Comments tagged by this run (the others by the run it resumed); None: all of them.
    rows_this_run: int | None = None
    #: Rows tagged with a score, date or outcome emptied (listed in rejects/, `row_kept`).
    kept_with_problem: int = 0
    #: Warnings on the job's comments: the saved themes no longer describe them, or they are
    #: in languages the model never saw (`topics.drift`).
    drift_notes: list[str] = field(default_factory=list)
    #: Warnings on the job's input: an outcome the model declares that its files lack.
    input_warnings: list[str] = field(default_factory=list)
    #: Notes on the model: saved by an older toolkit version.
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for people, then one line per warning and per note."""
        warnings = [*self.input_warnings, *self.drift_notes]
        lines = [f"warning: {w}" for w in warnings] + [f"note: {n}" for n in self.notes]
        return "\n".join([self._counts_line(), *lines])

    def _counts_line(self) -> str:
        if self.already_done:
            return (
                f"nothing to do: {self.out} already holds this finished job "
                f"({self.rows:,} comments tagged, {self.rejects:,} rejected)"
            )
        now = self.rows if self.rows_this_run is None else self.rows_this_run
        resumed = f", {self.parts_skipped} chunk(s) done before" if self.parts_skipped else ""
        where = f"into {self.out}/ (tagged rows in {self.out / TAGGED}/)"
        tagged = where if self.rows else "(no part written)"
        kept = f", {self.kept_with_problem:,} kept with a field emptied" * bool(
            self.kept_with_problem
        )
        listed = self.rejects or self.kept_with_problem
        rejected = f"{kept} (see {self.out / REJECTS}/)" if listed else ""
        return (
            f"{self.rows:,} comments tagged {tagged}, {self.rejects:,} rejected{rejected} "
            f"({self.rows_read:,} rows read{resumed}; "
            f"{self.seconds:,.1f} s{_rate(now, self.seconds)}, {self.engine} engine)"
        )


def _rate(comments: int, seconds: float) -> str:
    """ ", 250 comments/s"; ", <1 comment/s" for a slower run (was "0 comments/s"), and
    nothing when this run tagged no comment."""
    if not comments or seconds <= 0:
        return ""
    rate = comments / seconds
    return f", {rate:,.0f} comments/s" if rate >= 1 else ", <1 comment/s"


def summary_of(
    manifest: Manifest,
    engine: str,
    parts_done: int,
    parts_skipped: int,
    seconds: float,
    already_done: bool = False,
    rows_this_run: int | None = None,
) -> TagSummary:
    """A job's summary, its row counts from the manifest's totals."""
    totals = manifest.totals()
    return TagSummary(
        out=manifest.folder,
        engine=engine,
        rows_read=totals["rows_read"],
        rows=totals["rows"],
        rejects=totals["rejects"],
        kept_with_problem=totals["kept_with_problem"],
        parts_done=parts_done,
        parts_skipped=parts_skipped,
        seconds=seconds,
        already_done=already_done,
        rows_this_run=rows_this_run,
        drift_notes=drift_notes(manifest.theme_baseline, manifest.theme_counts()),
    )


def finish_job(
    manifest: Manifest,
    engine: str,
    parts_done: int,
    parts_skipped: int,
    seconds: float,
    rows_this_run: int | None = None,
) -> TagSummary:
    """Mark the job done in its manifest (saved) and summarise it from the manifest's totals;
    its speed counts the `rows_this_run` (a resumed run tags only the rest)."""
    manifest.status = "done"
    manifest.finished_at = time.time()
    manifest.save()
    return summary_of(
        manifest, engine, parts_done, parts_skipped, seconds, rows_this_run=rows_this_run
    )


def load_model(model: Path) -> Analyzer:
    """The saved analyzer (loaded once per process); ModelError when it cannot be loaded."""
    from feedback_nlp.pipeline import load_analyzer

    try:
        return load_analyzer(model)
    except (FeedbackError, OSError, KeyError, ValueError, TypeError) as exc:
        raise ModelError(f"{model}: the model cannot be loaded ({exc})") from exc


def check_inputs(model: Path, paths: list[Path]) -> None:
    """Raise NoInputError / ModelError before anything is written."""
    if not paths:
        raise NoInputError("no input files given: pass at least one file to tag")
    for path in paths:
        if not path.is_file():
            raise NoInputError(f"{path}: no such file")
        if path.stat().st_size == 0:
            raise NoInputError(f"{path}: the file is empty")
    if not (model / "config.toml").is_file():
        raise ModelError(
            f"{model}: no config.toml here; pass a model folder saved by "
            "`feedback-nlp fit` or `feedback-nlp analyze` (its model/ folder)"
        )


def open_job(
    model: Path,
    paths: list[Path],
    out: Path,
    options: dict[str, Any],
    *,
    engine: str,
    resume: bool,
    overwrite: bool,
) -> Manifest:
    """The job's manifest: new, or the one found in `out` when it may be continued.

    A finished job is returned as it is (the caller does nothing). Raises JobConflictError when
    `out` holds another job, or an unfinished run of this one and `resume` is False.
    """
    check_inputs(model, paths)
    job = describe_job(model, paths, options, engine)
    found = Manifest.load(out)
    if overwrite:
        _clear(out)
        found = None
    elif found is None:
        _check_empty(out)
    if found is None:
        out.mkdir(parents=True, exist_ok=True)
        return Manifest(folder=out, job=job)  # saved by the engine once it has started
    differences = conflicts(found.job, job)
    if differences:
        raise JobConflictError(
            f"{out} holds another tagging job, so it cannot be continued: "
            + "; ".join(differences)
            + ". Tag into a new --out folder, or pass --overwrite to replace it."
        )
    missing = found.missing_parts()
    if found.status == "done" and missing:
        if not resume:
            raise JobConflictError(
                f"{out} holds a finished job whose part files of {len(missing)} chunk(s) are "
                f"missing ({', '.join(missing[:3])}{', …' if len(missing) > 3 else ''}): pass "
                "--resume to tag those chunks again"
            )
        found.status = "running"  # the engine tags the missing chunks again
    if found.status == "done":
        return found
    if not resume:
        raise JobConflictError(
            f"{out} holds an unfinished run of this job ({len(found.parts)} chunk(s) done): "
            "pass --resume to continue it, or --overwrite to start again"
        )
    clean_temporary(out)
    return found


def discard_unstarted(manifest: Manifest) -> None:
    """Remove the job this run started in its folder when the run failed before any chunk was
    finished (a file with no text column): the fixed retry then starts afresh, not refused as
    another job's folder. Called by the run that owns the manifest, never for another's."""
    if not manifest.parts and manifest.status != "done":
        _clear(manifest.folder)


def _clear(out: Path) -> None:
    for name in (TAGGED, REJECTS, MENTIONS, COUNTS):
        shutil.rmtree(out / name, ignore_errors=True)
    for name in (MANIFEST, THEMES, MODEL_INFO, *ANALYSIS_FILES):
        (out / name).unlink(missing_ok=True)


def _check_empty(out: Path) -> None:
    leftovers = [name for name in (TAGGED, REJECTS, MENTIONS) if (out / name).exists()]
    if leftovers:
        raise JobConflictError(
            f"{out} has {', '.join(leftovers)}/ but no {MANIFEST}: it is not a job this "
            "toolkit can continue. Tag into a new --out folder, or pass --overwrite."
        )
