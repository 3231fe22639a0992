"""`analyze`, `demo` and `fit`: the whole analysis, and fitting a model for `tag`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from feedback_nlp.cli.app import app
from feedback_nlp.cli.read import AgentTurnsOption, BadScoresOption
from feedback_nlp.errors import FeedbackError

Files = Annotated[
    list[Path], typer.Argument(help="Feedback files (CSV, TSV, xlsx, JSON, JSONL, Parquet, XML).")
]
Out = Annotated[Path, typer.Option("--out", "-o", help="Folder for the results.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
ThemeSpaceOption = Annotated[
    Path | None,
    typer.Option(
        "--theme-space",
        help="Folder of a theme space learnt from coded comments (`feedback-nlp topics "
        "learn-space`): themes follow how your analysts code.",
    ),
]
WindowedOption = Annotated[
    bool,
    typer.Option(
        "--windowed",
        help="Read comments longer than the encoder's 512 tokens whole (up to 8 windows, "
        "averaged) instead of their first 512 tokens: slower on long texts, worth it for long "
        "reviews.",
    ),
]
Outcomes = Annotated[
    list[str] | None,
    typer.Option(
        "--outcome",
        help=(
            "Declare an outcome column: NAME:KIND[:key=value...], KIND binary (bad=yes|no), "
            "numeric, duration (unit=minutes, start=COL:end=COL) or count; repeatable. "
            "E.g. churned:binary, resolution_time:duration, solved_first:binary:bad=no."
        ),
    ),
]
KeepHandles = Annotated[
    list[str] | None,
    typer.Option(
        "--keep-handle",
        help="An @handle to leave in the text (your brand's own account, @Northwind); every "
        "other @handle is personal data and becomes @user. Posts written by it (author "
        "column) are the brand's replies, not feedback: rejected with the reason unless the "
        "mapping says \\[options] keep_staff = true. Repeatable.",
    ),
]
CodebookOption = Annotated[
    str | None,
    typer.Option(
        "--codebook",
        help="Your codebook file (TOML or YAML: named themes with examples and keyword rules, "
        "docs/topics.md), 'builtin' (the shipped CX codebook, the default) or 'none' (only "
        "discovered themes).",
    ),
]
LabelLanguageOption = Annotated[
    str | None,
    typer.Option(
        "--label-language",
        help="Language of the theme and category names (fr, de, …); default English when "
        "the comments include English, else their most common language. Pin it to compare "
        "runs: the default follows each data set.",
    ),
]
UnitOption = Annotated[
    str,
    typer.Option(
        "--unit",
        help="Who a score belongs to: auto, response (an in-app survey answered on several "
        "screens), respondent_id, comment, or a column name (docs/explain.md).",
    ),
]
Segments = Annotated[
    list[str] | None,
    typer.Option(
        "--segment",
        help="A column to break the results down by besides the defaults (a carried one: "
        "region, plan, store); repeatable.",
    ),
]
MinGroupSize = Annotated[
    int,
    typer.Option(
        "--min-group-size",
        metavar="N",
        help="Blank the segments of fewer respondents than this in the segment table, and the "
        "next smallest where subtraction would give one away (an employee survey: 5; "
        "default 0, off).",
    ),
]
TextSignals = Annotated[
    bool,
    typer.Option(
        "--text-signals/--no-text-signals",
        help="Let the driver models hold the comment's sentiment and emotion fixed (default). "
        "They are read from the comment, which the score colours: without them a theme's "
        "driver effect is its whole effect, and its range held the true one more often in a "
        "simulation (docs/explain.md).",
    ),
]
MainScoreOption = Annotated[
    str | None,
    typer.Option(
        "--main-score",
        help="The score the report leads with and weighs the themes by: nps, csat or ces "
        "(default: the first present in that order).",
    ),
]

#: The outcomes the bundled demo data carries (customers.csv and the support chats).
DEMO_OUTCOMES = (
    "churned:binary",
    "resolved_first_contact:binary:bad=no",
    "resolution_time:duration",
    "contacts:count",
)


def _fail(error: Exception, code: int = 1) -> None:
    """Say `error` and exit with `code` (2: a bad command line)."""
    typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def main_score_of(option: str | None) -> str | None:
    """`--main-score` in lower case (None when not given); a usage error (exit 2) when it
    names no score."""
    from feedback_nlp.scores import SCORE_COLUMNS

    if option is not None and option.lower() not in SCORE_COLUMNS:
        typer.secho(f"error: --main-score is one of {', '.join(SCORE_COLUMNS)}", err=True)
        raise typer.Exit(2)
    return option.lower() if option else None


def _run_and_write(
    paths: list[Path],
    out: Path,
    mapping: Path | None,
    quiet: bool,
    outcomes: list[str],
    bad_scores: str | None = None,
    stages: list | None = None,
    segments: list[str] | None = None,
    explain_options: dict[str, Any] | None = None,
    main_score: str | None = None,
    agent_turns: str = "context",
) -> None:
    from feedback_nlp import progress
    from feedback_nlp.cli.outputs import other_outputs
    from feedback_nlp.cli.report import print_closing
    from feedback_nlp.outcomes import parse_outcome_option
    from feedback_nlp.pipeline import analyze, write_outputs

    if quiet:
        progress.set_enabled(False)
    try:
        specs = [parse_outcome_option(o) for o in outcomes]
        analysis = analyze(
            paths,
            stages=stages,
            mapping=mapping,
            outcomes=specs,
            bad_scores=bad_scores,
            segments=segments or [],
            agent_turns=agent_turns,
        )
        with progress.task("Writing the report", unit=""):
            written = write_outputs(
                analysis, out, explain_options=explain_options, main_score=main_score
            )
    except FeedbackError as error:
        _fail(error)
    if not quiet:
        typer.echo(analysis.read_summary)
        typer.echo(f"\n{len(analysis.table):,} comments tagged; results in {out}/:")
    print_closing(written, quiet, also=other_outputs(out, written.paths))


def _stages(
    theme_space: Path | None,
    windowed: bool = False,
    keep_handles: list[str] | None = None,
    codebook: str | None = None,
    label_language: str | None = None,
) -> list | None:
    """The default stages (None: as they are), the topics stage with `theme_space`,
    `codebook` ('none': no codebook) and `label_language` when given, the embed stage reading
    long comments whole with `windowed`, the prepare stage leaving `keep_handles` in the
    text."""
    from feedback_nlp.pipeline import default_stages

    options: dict[str, dict[str, object]] = {}
    if keep_handles:
        options["prepare"] = {"keep_handles": list(keep_handles)}
    topics: dict[str, object] = {}
    if theme_space is not None:
        topics["theme_space"] = str(theme_space)
    if codebook is not None:
        topics["codebook"] = None if codebook.strip().lower() == "none" else codebook
    if label_language is not None:
        topics["label_language"] = label_language
    if topics:
        options["topics"] = topics
    if windowed:
        options["embed"] = {"windowed": True}
    return default_stages(options=options) if options else None


@app.command()
def analyze(
    files: Files,
    out: Out = Path("feedback-output"),
    mapping: Annotated[
        Path | None, typer.Option(help="Column mapping TOML applied to every file.")
    ] = None,
    outcome: Outcomes = None,
    quiet: Quiet = False,
    bad_scores: BadScoresOption = None,
    theme_space: ThemeSpaceOption = None,
    windowed: WindowedOption = False,
    segment: Segments = None,
    keep_handle: KeepHandles = None,
    codebook: CodebookOption = None,
    label_language: LabelLanguageOption = None,
    unit: UnitOption = "auto",
    text_signals: TextSignals = True,
    min_group_size: MinGroupSize = 0,
    main_score: MainScoreOption = None,
    agent_turns: AgentTurnsOption = "context",
) -> None:
    """Read, tag, explain and report: the whole analysis of your feedback files.

    A customer table among FILES (a customer id column, no text column) is joined by
    respondent_id for the outcomes declared with --outcome (e.g. churned:binary).
    """
    from feedback_nlp.io.transcript_turns import checked_mode

    score = main_score_of(main_score)
    try:
        stages = _stages(theme_space, windowed, keep_handle, codebook, label_language)
        checked_mode(agent_turns)  # a typo: before the minutes of the fit
    except FeedbackError as error:
        _fail(error, 2)
    options = {"unit": unit, "text_signals": text_signals, "min_group_size": min_group_size}
    _run_and_write(
        *(files, out, mapping, quiet, outcome or [], bad_scores, stages, segment, options),
        main_score=score,
        agent_turns=agent_turns,
    )


@app.command()
def demo(out: Out = Path("demo-output"), quiet: Quiet = False) -> None:
    """Run the whole analysis on the bundled demo data (1,000+ comments, 8 languages).

    The demo declares its outcomes: churned (customers.csv), resolved_first_contact,
    resolution_time and contacts (support chats), and keeps the brand's own handle.
    """
    from feedback_nlp.pipeline import DEMO_BRAND_HANDLE, demo_files

    stages = _stages(None, keep_handles=[DEMO_BRAND_HANDLE])
    _run_and_write(demo_files(customers=True), out, None, quiet, list(DEMO_OUTCOMES), None, stages)


@app.command()
def fit(
    files: Files,
    model: Annotated[Path, typer.Option("--model", "-m", help="Folder to save the model in.")],
    mapping: Annotated[Path | None, typer.Option(help="Column mapping TOML.")] = None,
    outcome: Outcomes = None,
    theme_space: ThemeSpaceOption = None,
    windowed: WindowedOption = False,
    segment: Segments = None,
    keep_handle: KeepHandles = None,
    codebook: CodebookOption = None,
    label_language: LabelLanguageOption = None,
    min_group_size: MinGroupSize = 0,
    quiet: Quiet = False,
) -> None:
    """Fit the analysis (themes and all stages) on FILES and save it as a model folder (`tag`
    reads new comments with the same settings; the reports of its jobs weigh the themes by
    the outcomes declared with --outcome, break them down by each --segment column and hide
    groups under --min-group-size)."""
    from feedback_nlp import progress
    from feedback_nlp.outcomes import parse_outcome_option
    from feedback_nlp.pipeline import analyze, save_model_folder

    if quiet:
        progress.set_enabled(False)
    try:
        specs = [parse_outcome_option(o) for o in outcome or []]
        stages = _stages(theme_space, windowed, keep_handle, codebook, label_language)
        analysis = analyze(
            files, stages=stages, mapping=mapping, outcomes=specs, segments=segment or []
        )
        save_model_folder(analysis, model, min_group_size=min_group_size)
    except FeedbackError as error:
        _fail(error)
    if quiet:  # the read summary lists them otherwise: an outcome not found is not saved
        for note in analysis.outcome_notes:
            typer.echo(f"note: {note}")
    else:  # what was read and rejected, with the outcome notes, as `analyze` says it
        typer.echo(analysis.read_summary)
        typer.echo(f"fitted on {len(analysis.table):,} comments; model saved in {model}/")
