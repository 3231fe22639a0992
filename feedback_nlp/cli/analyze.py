"""`analyze`, `demo` and `fit`: the whole analysis, and fitting a model for `tag`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from feedback_nlp.cli.app import app
from feedback_nlp.cli.read import BadScoresOption
from feedback_nlp.errors import FeedbackError

Files = Annotated[
    list[Path], typer.Argument(help="Feedback files (CSV, TSV, xlsx, JSON, JSONL, Parquet).")
]
Out = Annotated[Path, typer.Option("--out", "-o", help="Folder for the results.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]


def _fail(error: Exception) -> None:
    typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


def _run_and_write(
    paths: list[Path],
    out: Path,
    mapping: Path | None,
    quiet: bool,
    bad_scores: str | None = None,
) -> None:
    from feedback_nlp import progress
    from feedback_nlp.cli.report import print_closing
    from feedback_nlp.pipeline import analyze, write_outputs

    if quiet:
        progress.set_enabled(False)
    try:
        analysis = analyze(paths, mapping=mapping, bad_scores=bad_scores)
        with progress.task("Writing the report", unit=""):
            written = write_outputs(analysis, out)
    except FeedbackError as error:
        _fail(error)
    if not quiet:
        typer.echo(analysis.read_summary)
        typer.echo(f"\n{len(analysis.table):,} comments tagged; results in {out}/:")
    print_closing(written, quiet)


@app.command()
def analyze(
    files: Files,
    out: Out = Path("feedback-output"),
    mapping: Annotated[
        Path | None, typer.Option(help="Column mapping TOML applied to every file.")
    ] = None,
    quiet: Quiet = False,
    bad_scores: BadScoresOption = None,
) -> None:
    """Read, tag, explain and report: the whole analysis of your feedback files."""
    _run_and_write(files, out, mapping, quiet, bad_scores)


@app.command()
def demo(out: Out = Path("demo-output"), quiet: Quiet = False) -> None:
    """Run the whole analysis on the bundled demo data (1,000+ comments, 8 languages)."""
    from feedback_nlp.pipeline import demo_files

    _run_and_write(demo_files(), out, None, quiet)


@app.command()
def fit(
    files: Files,
    model: Annotated[Path, typer.Option("--model", "-m", help="Folder to save the model in.")],
    mapping: Annotated[Path | None, typer.Option(help="Column mapping TOML.")] = None,
) -> None:
    """Fit the analysis (themes and all stages) on FILES and save it as a model folder."""
    from feedback_nlp.pipeline import analyze

    try:
        analysis = analyze(files, mapping=mapping)
        analysis.analyzer.save(model)
    except FeedbackError as error:
        _fail(error)
    typer.echo(f"fitted on {len(analysis.table):,} comments; model saved in {model}/")
