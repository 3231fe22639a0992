"""`feedback-nlp explain`: score metrics, theme impact, drivers and pain points as tidy tables."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from feedback_nlp.cli.analyze import MinGroupSize, Segments, TextSignals
from feedback_nlp.cli.app import app
from feedback_nlp.errors import ConfigError, FeedbackError
from feedback_nlp.insights import explain as explain_table
from feedback_nlp.insights.impact import PERIODS
from feedback_nlp.outcomes import OutcomeSpec, parse_declared, parse_outcome_option
from feedback_nlp.report.export import export_table
from feedback_nlp.score_join import join_scores
from feedback_nlp.score_scales import read_scales
from feedback_nlp.scores import SCORE_COLUMNS, SMALL_N


def with_join_key(scores: pd.DataFrame, key: str) -> pd.DataFrame:
    """`scores` with its id column named `key` when it is named otherwise (a customer table's
    `customer_id` or `user_id` is its respondent_id, as `analyze` reads it)."""
    from feedback_nlp.io.column_names import recognise

    found = recognise([str(c) for c in scores.columns]).get(key)
    if key in scores.columns or found is None:
        return scores
    return scores.rename(columns={found: key})


def pseudonymised_key(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """`frame` with the ids of column `key` that are personal data (an e-mail as the
    customer id) pseudonymised as every export pseudonymises them: a raw customer table then
    joins the tagged table an analysis exported."""
    from feedback_nlp.text.pseudonyms import pseudonymise_respondent_id

    if key not in frame.columns:
        return frame
    ids = frame[key].map(
        lambda v: pseudonymise_respondent_id(v.strip()) if isinstance(v, str) else v
    )
    return frame.assign(**{key: ids.astype(frame[key].dtype)})


def _parsed(table: pd.DataFrame, specs: list[OutcomeSpec], path: Path) -> pd.DataFrame:
    """Declared outcomes parsed; a bad value is an error naming the file and line."""
    first_line = 2 if path.suffix.lower() == ".csv" else 1  # csv line 1 is the header
    return parse_declared(table, specs, where=str(path), first_line=first_line)


@app.command("explain")
def explain_command(
    table_path: Annotated[
        Path,
        typer.Argument(
            help=(
                "Tagged table (.parquet, .csv or .xlsx), or a folder written by `analyze` or "
                "`tag` (its outcomes and segments are explained too)."
            )
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the tidy tables.")],
    outcome: Annotated[
        list[str] | None,
        typer.Option(
            help=(
                "Outcome(s); default: the scores present (nps, csat, ces). Declare other "
                "columns with their kind: NAME:binary[:bad=no], NAME:numeric, "
                "NAME:duration (add :unit=minutes, or :start=COL:end=COL), NAME:count."
            )
        ),
    ] = None,
    higher_is_better: Annotated[
        list[str] | None,
        typer.Option(
            help="Custom outcome(s) where higher is better (default: read from the name, "
            "docs/explain.md)."
        ),
    ] = None,
    theme_column: Annotated[
        str | None, typer.Option(help="Theme column; default themes, else topic.")
    ] = None,
    scores: Annotated[
        Path | None, typer.Option(help="Separate scores file (.csv/.parquet) to join.")
    ] = None,
    join_on: Annotated[
        str, typer.Option(help="respondent_id, response_id or conversation_id.")
    ] = "respondent_id",
    period: Annotated[
        str, typer.Option(help="Period for trends: M (month), W (week) or Q (quarter).")
    ] = "M",
    unit: Annotated[
        str, typer.Option(help="Who a score belongs to: auto, response, comment, or a column name.")
    ] = "auto",
    min_n: Annotated[int, typer.Option(help="Segments/themes below this n are marked.")] = SMALL_N,
    segment: Segments = None,
    bootstrap: Annotated[int, typer.Option(help="Bootstrap refits of the driver model.")] = 200,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    text_signals: TextSignals = True,
    min_group_size: MinGroupSize = 0,
) -> None:
    """Explain scores with the text: segments, theme impact, drivers, pain points, quotes."""
    try:
        summary = run_explain(
            table_path,
            out,
            outcomes=outcome,
            higher_is_better=higher_is_better or [],
            theme_column=theme_column,
            scores_path=scores,
            join_on=join_on,
            period=period,
            unit=unit,
            min_n=min_n,
            bootstrap=bootstrap,
            seed=seed,
            segments=segment or [],
            text_signals=text_signals,
            min_group_size=min_group_size,
        )
    except FeedbackError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from error
    for note in summary["notes"]:
        typer.echo(f"note: {note}")
    typer.echo(f"wrote {len(summary['tables'])} tables to {out}")


def run_explain(
    table_path: Path,
    out: Path,
    *,
    outcomes: list[str] | None,
    higher_is_better: list[str],
    theme_column: str | None,
    scores_path: Path | None,
    join_on: str,
    period: str,
    unit: str,
    min_n: int,
    bootstrap: int,
    seed: int,
    segments: list[str] | None = None,
    text_signals: bool = True,
    min_group_size: int = 0,
) -> dict:
    """Read, join, explain and write one CSV per table plus summary.json; return the summary.
    Scores are read on the scales kept in the analysis folder (or beside the table file)."""
    if period not in PERIODS:
        raise ConfigError(f"--period must be M, W or Q, not {period!r}")
    declared = [parse_outcome_option(o) if ":" in o else o for o in outcomes or []]
    specs = [o for o in declared if isinstance(o, OutcomeSpec)]
    from feedback_nlp.report.build import theme_context
    from feedback_nlp.report.inputs import load_inputs, read_tagged

    folder = load_inputs(table_path)
    table = _parsed(folder.table, specs, table_path)
    if folder.outcomes and not declared:  # unless --outcome names others
        declared = [*(c for c in SCORE_COLUMNS if c in table.columns), *folder.outcomes]
    notes: list[str] = list(folder.notes)
    for warning in folder.warnings:
        typer.echo(f"warning: {warning}", err=True)
    folder = folder if table_path.is_dir() else None
    if scores_path is not None:
        scores = _parsed(with_join_key(read_tagged(scores_path), join_on), specs, scores_path)
        table, scores = (pseudonymised_key(frame, join_on) for frame in (table, scores))
        joined = join_scores(table, scores, join_on, source=str(scores_path))
        table = joined.table
        notes.append(joined.report())
        if join_on == "respondent_id":  # customer-level outcomes count each customer once
            from_scores = {o.name for o in specs if o.name in scores.columns}
            declared = [
                replace(o, level="customer") if getattr(o, "name", None) in from_scores else o
                for o in declared
            ]
    declared = [o.stored() if isinstance(o, OutcomeSpec) else o for o in declared]
    result = explain_table(
        table,
        outcomes=declared or None,
        theme_column=theme_column,
        period=period,
        unit=unit,
        min_n=min_n,
        higher_is_better={name: True for name in higher_is_better},
        n_bootstrap=bootstrap,
        seed=seed,
        text_signals=text_signals,
        min_group_size=min_group_size,
        segments=segments or (folder.segments if folder else []),  # the folder's, unless given
        segment_ranges=folder.segment_ranges if folder else None,
        scales=folder.scales if folder else read_scales(table_path.parent),
        **(theme_context(folder) if folder else {}),
    )
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in result.tables.items():  # PII-redacted and formula-safe, as every export
        export_table(frame, out / f"{name}.csv")
    summary = {
        "input": str(table_path),
        "rows": len(table),
        "tables": sorted(result.tables),
        "notes": notes + result.notes,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary
