"""`feedback-nlp tag MODEL IN... --out DIR`: the batch tagger, streamed and resumable.

Exit codes (docs/tagging.md), for scripts:

====  ====================================================================================
0     done, or the job in --out was already done (nothing to do)
1     unexpected error (a bug: please report it with the traceback)
2     bad command line (unknown option, missing argument)
65    bad input: a file cannot be read (encoding, truncation, no text column, bad mapping)
66    no input: no file given, a file that does not exist, or an empty file
69    engine unavailable: Ray not installed, or the cluster cannot be reached
73    --out holds another job, or an unfinished run of this one without --resume
74    I/O error: cannot read or write (disk full, permissions, …)
78    bad model: the model folder cannot be loaded
130   interrupted (Ctrl-C or SIGTERM): run the same command with --resume to continue
====  ====================================================================================
"""

from __future__ import annotations

import shlex
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from feedback_nlp.cli.app import app
from feedback_nlp.errors import ConfigError, FeedbackError, MissingDependencyError, ReadError

EXIT_OK = 0
EXIT_BAD_INPUT = 65
EXIT_NO_INPUT = 66
EXIT_ENGINE_UNAVAILABLE = 69
EXIT_JOB_CONFLICT = 73
EXIT_IO_ERROR = 74
EXIT_BAD_MODEL = 78
EXIT_INTERRUPTED = 130


def exit_code(error: BaseException) -> int:
    """The documented exit code for an error raised by a tagging run."""
    from feedback_nlp.engines import JobConflictError, ModelError, NoInputError

    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(error, NoInputError):
        return EXIT_NO_INPUT
    if isinstance(error, JobConflictError):
        return EXIT_JOB_CONFLICT
    if isinstance(error, ModelError):
        return EXIT_BAD_MODEL
    if isinstance(error, MissingDependencyError | ConnectionError):
        return EXIT_ENGINE_UNAVAILABLE
    if isinstance(error, ReadError | ConfigError | FeedbackError):
        return EXIT_BAD_INPUT
    if isinstance(error, OSError):
        return EXIT_IO_ERROR
    return 1


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while the job runs (both leave a resumable job)."""

    def interrupt(number: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
def tag(
    model: Annotated[Path, typer.Argument(help="A model folder saved by `fit` or `analyze`.")],
    files: Annotated[
        list[Path], typer.Argument(help="Files to tag (CSV, TSV, JSONL, Parquet; JSON, xlsx, XML).")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder: tagged/, rejects/, manifest.json.")
    ],
    resume: Annotated[
        bool, typer.Option(help="Continue an unfinished run of the same job in --out.")
    ] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace whatever job --out holds.")] = False,
    chunk_rows: Annotated[
        int, typer.Option(min=1, help="Source rows per chunk (one part file each).")
    ] = 10_000,
    mapping: Annotated[
        Path | None, typer.Option(help="Column mapping TOML applied to every file.")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (streamed, resumable) or ray.")] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join (e.g. ray://head:10001, auto).")
    ] = None,
    actors: Annotated[
        int | None, typer.Option(min=1, help="Ray tagging actors (default: per GPU / 2 CPUs).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Tag comments with a saved model, chunk by chunk, into Parquet parts (resumable)."""
    from feedback_nlp.engines import ENGINES, tag_files

    if engine not in ENGINES:
        raise typer.BadParameter(f"choose one of {ENGINES}", param_hint="--engine")
    options = {"mapping": str(mapping)} if mapping is not None else {}
    try:
        with _sigterm_interrupts():
            summary = tag_files(
                model,
                files,
                out,
                engine=engine,
                resume=resume,
                overwrite=overwrite,
                chunk_rows=chunk_rows,
                progress=False if quiet else None,
                address=address,
                actors=actors,
                **options,
            )
    except (KeyboardInterrupt, FeedbackError, OSError, ConnectionError) as error:
        code = exit_code(error)
        message = str(error) or type(error).__name__
        if code == EXIT_INTERRUPTED:
            message = f"interrupted; finished chunks are kept: add --resume to continue ({out})"
        typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code) from None
    typer.echo(summary.describe())
    if not quiet:
        typer.echo(f"its report: feedback-nlp report {shlex.quote(str(out))} --out REPORT_FOLDER")
