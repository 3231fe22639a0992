"""`feedback-nlp report`: the insight report of a tagged table or an analysis output folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from feedback_nlp.cli.analyze import (
    MainScoreOption,
    TextSignals,
    UnitOption,
    main_score_of,
)
from feedback_nlp.cli.app import app
from feedback_nlp.errors import FeedbackError

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
ReportOutcomes = Annotated[
    list[str] | None,
    typer.Option(
        "--outcome",
        help=(
            "Declare an outcome column of the table, as analyze does: NAME:KIND[:key=value...] "
            "with KIND binary (bad=yes|no), numeric (bad=high|low), duration or count; repeatable. "
            "E.g. rating:numeric. Replaces a folder's declared outcomes (outcomes.json)."
        ),
    ),
]

ReportSegments = Annotated[
    list[str] | None,
    typer.Option(
        "--segment",
        help="A column to break the report down by (a region, a store); repeatable. Replaces "
        "a folder's segment columns (segments.json).",
    ),
]
ReportPeriod = Annotated[
    str, typer.Option("--period", help="Period of the trends: M (month), W (week) or Q (quarter).")
]
ReportMinGroupSize = Annotated[
    int | None,
    typer.Option(
        "--min-group-size",
        metavar="N",
        help="Show groups of fewer respondents than this as not shown, and the next smallest "
        "where subtraction would give one away (default: the folder's own floor, else 0, off).",
    ),
]


def print_closing(written: object, quiet: bool, also: dict[str, Path] | None = None) -> None:
    """Print what was found and where each output is (nothing with --quiet); `also`: other
    outputs to list after those of `written`, by what they are."""
    from feedback_nlp.report.summary import closing_lines

    if quiet:
        return
    typer.echo("")
    paths = {**written.paths, **(also or {})}  # type: ignore[attr-defined]
    for line in closing_lines(written.facts, paths):  # type: ignore[attr-defined]
        typer.echo(line)


@app.command("report")
def report_command(
    tagged: Annotated[
        Path,
        typer.Argument(
            help="A tagged table (.parquet, .csv, .xlsx), or a folder written by `analyze` "
            "or `tag`.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the report files.")],
    main_score: MainScoreOption = None,
    quiet: Quiet = False,
    unit: UnitOption = "auto",
    text_signals: TextSignals = True,
    outcome: ReportOutcomes = None,
    segment: ReportSegments = None,
    period: ReportPeriod = "M",
    min_group_size: ReportMinGroupSize = None,
) -> None:
    """Write the insight report (report.html, report.md, report.xlsx) of tagged comments.

    Exit codes, as `tag`'s: 0 written; 65 the table or folder cannot be read; 66 no input (no
    such file, or a tagging job that tagged no comment: an empty week, every row rejected);
    74 the report cannot be written (permissions, disk full); 1 a bug."""
    from feedback_nlp import progress
    from feedback_nlp.pipeline import write_report
    from feedback_nlp.report.cuts import checked_period, with_folder_options
    from feedback_nlp.report.inputs import load_inputs

    score = main_score_of(main_score)
    if quiet:
        progress.set_enabled(False)
    try:
        with progress.task("Writing the report", unit=""):
            options = {"unit": unit, "text_signals": text_signals, "period": checked_period(period)}
            if min_group_size is not None:  # else the folder's own (analyze --min-group-size)
                options["min_group_size"] = min_group_size
            inputs = with_folder_options(load_inputs(tagged), tagged)
            for warning in inputs.warnings:
                typer.echo(f"warning: {warning}", err=True)
            written = write_report(
                *(inputs, out),
                main_score=score,
                explain_options=options,
                outcomes=outcome,
                segments=segment,
            )
    except (FeedbackError, OSError) as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(report_exit_code(error, tagged)) from None
    print_closing(written, quiet)


def report_exit_code(error: Exception, tagged: Path) -> int:
    """The exit code of a failed report: `tag`'s codes, 66 (no input) for a missing table or
    a job that tagged nothing."""
    from feedback_nlp.cli.tag import EXIT_NO_INPUT, exit_code
    from feedback_nlp.report.job import EmptyJobError

    if isinstance(error, EmptyJobError) or not tagged.exists():
        return EXIT_NO_INPUT
    return exit_code(error)
