"""`feedback-nlp validate` and `feedback-nlp read`: what the readers understand in a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from feedback_nlp.cli.app import app
from feedback_nlp.errors import ConfigError, ReadError

FilesArgument = Annotated[
    list[Path], typer.Argument(help="Feedback files (csv, tsv, xlsx, json, jsonl, parquet, xml).")
]
MappingOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping", help="TOML with \\[columns] (schema name = file column) and \\[constants]."
    ),
]
PlatformOption = Annotated[
    str,
    typer.Option(
        "--platform",
        help="auto, generic, qualtrics, surveymonkey, typeform, google_play, google_forms, "
        "microsoft_forms, app_store, chat.",
    ),
]
EncodingOption = Annotated[
    str | None, typer.Option("--encoding", help="Force an encoding instead of detecting it.")
]
BadScoresOption = Annotated[
    str | None,
    typer.Option(
        "--bad-scores",
        help="A score or date that cannot be read: 'keep-text' (default: keep the comment, "
        "leave the value empty, list the problem in the rejects) or 'reject-row'.",
    ),
]
AgentTurnsOption = Annotated[
    str,
    typer.Option(
        "--agent-turns",
        help="What the agents and bots say (chat exports, a per-turn file's speaker column, "
        "speaker-labelled transcripts; never read as feedback): 'context' (a column) or 'drop'.",
    ),
]


OutcomeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--outcome",
        help="Declare an outcome column NAME:KIND[:key=value...] (binary, numeric, duration, "
        "count): parsed and checked like scores; repeatable.",
    ),
]


def _outcomes(options: list[str] | None) -> dict:
    from feedback_nlp.outcomes import parse_outcome_option

    specs = [parse_outcome_option(o) for o in options or []]
    return {spec.name: spec for spec in specs}


def _read_options(
    mapping: Path | None,
    platform: str,
    encoding: str | None,
    agent_turns: str,
    outcome: list[str] | None,
    bad_scores: str | None,
) -> dict[str, Any]:
    """The reader keyword arguments the read and validate options give."""
    return {
        "mapping": mapping,
        "platform": platform,
        "encoding": encoding,
        "agent_turns": agent_turns,
        "outcomes": _outcomes(outcome),
        "bad_scores": bad_scores,
    }


def _fail(error: Exception) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(1)


@app.command()
def validate(
    files: FilesArgument,
    mapping: MappingOption = None,
    platform: PlatformOption = "auto",
    encoding: EncodingOption = None,
    agent_turns: AgentTurnsOption = "context",
    outcome: OutcomeOption = None,
    bad_scores: BadScoresOption = None,
) -> None:
    """Show what is recognised in each file: platform, encoding, columns, scores, rejects;
    a customer table (a customer id column, no text column) is named as one, as `analyze`
    reads it."""
    from feedback_nlp.io import read_feedback
    from feedback_nlp.io.customers import is_customer_table

    options = _read_options(mapping, platform, encoding, agent_turns, outcome, bad_scores)
    failed = False
    for path in files:
        try:
            result = read_feedback(path, **options)
        except (ReadError, ConfigError) as error:
            if not _no_text_column(error) or not is_customer_table(path, mapping):
                typer.echo(f"error: {error}", err=True)
                failed = True
                continue
            typer.echo(customer_table_summary(path, options["outcomes"]))
            typer.echo("")
            continue
        typer.echo(result.summary())
        typer.echo("")
    if failed:
        raise typer.Exit(1)


def _no_text_column(error: Exception) -> bool:
    """True for the read error of a file in which no text column was found."""
    return isinstance(error, ReadError) and error.field == "text"


def customer_table_summary(path: Path, outcomes: dict) -> str:
    """What `analyze` would take from the customer table `path`: its customers, rejects and
    the declared `outcomes` it holds, and how to use it."""
    from feedback_nlp.io.customers import read_customer_outcomes

    customers, rejects = read_customer_outcomes(path, outcomes)
    found = [column for column in customers.columns if column != "respondent_id"]
    held = f"declared outcomes found: {', '.join(found)}" if found else "no declared outcome"
    if not found:
        held += " in it" if outcomes else " (declare its columns, e.g. --outcome churned:binary)"
    return (
        f"{path.name}: customer table (a customer id column, no text column), "
        f"{len(customers):,} customers kept, {len(rejects):,} rejected; {held}\n"
        "  not feedback: pass it to `analyze` or `fit` beside the feedback files, which join "
        "its outcomes to the comments by respondent_id"
    )


@app.command()
def read(
    files: FilesArgument,
    out: Annotated[
        Path, typer.Option("--out", help="Where to write the table (.parquet or .csv).")
    ],
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="Where to write rejected rows (.csv).")
    ] = None,
    mapping: MappingOption = None,
    platform: PlatformOption = "auto",
    encoding: EncodingOption = None,
    agent_turns: AgentTurnsOption = "context",
    outcome: OutcomeOption = None,
    bad_scores: BadScoresOption = None,
) -> None:
    """Read files into one feedback table and write it (rejected rows optionally to --rejects)."""
    from feedback_nlp.io import read_many
    from feedback_nlp.report.export import CSV_ENCODING

    if out.suffix.lower() not in (".parquet", ".csv"):
        _fail(ConfigError(f"--out must end in .parquet or .csv, not '{out.suffix}'"))
    if rejects is not None and rejects.suffix.lower() != ".csv":
        _fail(ConfigError(f"--rejects must end in .csv, not '{rejects.suffix}'"))
    options = _read_options(mapping, platform, encoding, agent_turns, outcome, bad_scores)
    try:
        result = read_many(files, **options)
    except (ReadError, ConfigError) as error:
        _fail(error)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".parquet":
        result.table.to_parquet(out, index=False)
    else:
        result.table.to_csv(out, index=False, encoding=CSV_ENCODING)  # BOM: Excel reads UTF-8
    if rejects is not None:
        rejects.parent.mkdir(parents=True, exist_ok=True)
        result.rejects.to_csv(rejects, index=False, encoding=CSV_ENCODING)
    typer.echo(result.summary())
    typer.echo(
        f"wrote {len(result.table)} row(s) to {out}"
        + (f", {len(result.rejects)} problem row(s) to {rejects}" if rejects else "")
    )
