"""`feedback-nlp evaluate sentiment|emotion FILE` and `evaluate set NAME`: macro-F1 per language.

FILE is csv, tsv, jsonl, parquet or xlsx, read and scored by :mod:`feedback_nlp.evaluation`;
NAME is one of the public labelled sets or the challenge set (:mod:`feedback_nlp.labelled_sets`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from feedback_nlp.cli.app import evaluate_app
from feedback_nlp.errors import ConfigError, ReadError
from feedback_nlp.evaluation import (
    labels_from_stars,
    read_labelled,
    score_emotion,
    score_sentiment,
)
from feedback_nlp.io.platforms import detect_header
from feedback_nlp.io.titles import find_title, with_title


def _options(
    backend: str,
    model: str | None,
    level: str,
    device: str,
    quantize: str,
    runtime: str,
    heads: Path | None = None,
) -> dict[str, Any]:
    routes: Any = model
    if model and model.startswith("{"):
        try:
            routes = json.loads(model)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"--model is not valid JSON routing: {exc}") from exc
    options = {
        "backend": backend,
        "model": routes,
        "level": level,
        "device": device,
        "quantize": quantize,
        "runtime": runtime,
    }
    if heads is not None:
        options["heads_dir"] = str(heads)
    return options


TextOpt = Annotated[
    str | None,
    typer.Option(
        "--text-col",
        help="Column with the text (default: 'text', else the comment column `validate` finds).",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang-col", help="Language column (default: 'lang' where the file has one)."),
]
BackendOpt = Annotated[str, typer.Option(help="'default' (offline) or 'transformers'.")]
ModelOpt = Annotated[
    str | None, typer.Option(help='Hub id or path, or JSON routing {"en": id, "*": id}.')
]
LevelOpt = Annotated[str, typer.Option(help="'comment' or 'sentence'.")]
DeviceOpt = Annotated[str, typer.Option(help="'auto', 'cpu' or 'cuda'.")]
QuantizeOpt = Annotated[
    str, typer.Option(help="Default backend's encoder precision: 'none', 'int8', 'bf16' or 'auto'.")
]
RuntimeOpt = Annotated[
    str, typer.Option(help="Default backend's encoder runtime: 'auto', 'torch' or 'onnx'.")
]
HeadsOpt = Annotated[
    Path | None,
    typer.Option("--heads", help="Default backend's heads folder (default: the shipped heads)."),
]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Also write the report as JSON.")]


def _finish(report: dict[str, Any], out: Path | None) -> None:
    text = json.dumps(report, indent=2)
    typer.echo(text)
    if out is not None:
        out.write_text(text, encoding="utf-8")


@evaluate_app.command("sentiment")
def evaluate_sentiment(
    file: Path,
    text_col: TextOpt = None,
    label_col: Annotated[str, typer.Option("--label-col")] = "label",
    stars_col: Annotated[
        str | None,
        typer.Option(
            "--stars-col", help="Read labels from 1-5 stars instead (1-2 negative, 3 neutral)."
        ),
    ] = None,
    lang_col: LangOpt = None,
    backend: BackendOpt = "default",
    model: ModelOpt = None,
    level: LevelOpt = "comment",
    device: DeviceOpt = "auto",
    quantize: QuantizeOpt = "none",
    runtime: RuntimeOpt = "auto",
    heads: HeadsOpt = None,
    out: OutOpt = None,
) -> None:
    """Sentiment macro-F1 (per language and overall), the confusion matrix and, where the
    gold has both, how well the score separates negative from positive comments."""
    frame = read_labelled(file)
    frame, text_col = text_column(frame, text_col, file)
    if stars_col is not None:
        label_col = "label from stars"
        frame = frame.assign(**{label_col: labels_from_stars(frame, stars_col, file)})
    options = _options(backend, model, level, device, quantize, runtime, heads)
    lang_col = _language_column(frame, lang_col)
    _finish(score_sentiment(frame, file, text_col, label_col, lang_col, options), out)


@evaluate_app.command("emotion")
def evaluate_emotion(
    file: Path,
    text_col: TextOpt = None,
    label_col: Annotated[
        str | None, typer.Option("--label-col", help="Joined labels; omit for 0/1 columns.")
    ] = None,
    lang_col: LangOpt = None,
    backend: BackendOpt = "default",
    model: ModelOpt = None,
    level: LevelOpt = "comment",
    device: DeviceOpt = "auto",
    quantize: QuantizeOpt = "none",
    runtime: RuntimeOpt = "auto",
    heads: HeadsOpt = None,
    out: OutOpt = None,
) -> None:
    """Emotion macro-F1 per language and overall, and F1 per label."""
    frame = read_labelled(file)
    frame, text_col = text_column(frame, text_col, file)
    options = _options(backend, model, level, device, quantize, runtime, heads)
    lang_col = _language_column(frame, lang_col)
    _finish(score_emotion(frame, file, text_col, label_col, lang_col, options), out)


def text_column(frame: pd.DataFrame, given: str | None, file: Path) -> tuple[pd.DataFrame, str]:
    """The frame and its text column: the one given, else `text`, else the comment column
    the reader recognises (a Google Play export's 'Review Text', with its title read first
    as `validate` reads it: `io.titles`); said on stderr."""
    if given is not None or "text" in frame.columns:
        return frame, given or "text"
    columns = [str(column) for column in frame.columns]
    header = detect_header([columns])
    plan = header.plan if header is not None else None
    if plan is None or "text" not in plan.columns or plan.more_texts:
        raise ReadError(
            file,
            f"no column 'text' and no one comment column recognised among {columns}",
            hint="name it with --text-col",
        )
    find_title(plan, columns, file)
    text = plan.columns["text"]
    if plan.title is None:
        typer.echo(f"text: '{text}' (--text-col to choose another)", err=True)
        return frame, text
    joined = f"{plan.title} + {text}"
    typer.echo(f"text: '{joined}', the title first (--text-col to choose one)", err=True)
    return frame.assign(**{joined: with_title(frame[plan.title], frame[text])}), joined


def _language_column(frame: object, given: str | None) -> str | None:
    """The language column: the one given, else `lang` where the file has one (the README's
    "macro-F1 per language" gave one "all" score without `--lang-col`)."""
    if given is not None:
        return given
    return "lang" if "lang" in getattr(frame, "columns", ()) else None


@evaluate_app.command("set")
def evaluate_set(
    name: Annotated[str, typer.Argument(help="A set name; --list shows them.")] = "",
    data: Annotated[
        Path | None, typer.Option(help="Shared data folder ($FEEDBACK_NLP_DATA, ../shared/data).")
    ] = None,
    list_sets: Annotated[bool, typer.Option("--list", help="List the sets.")] = False,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N rows of each language.")
    ] = None,
    device: DeviceOpt = "auto",
    quantize: QuantizeOpt = "none",
    runtime: RuntimeOpt = "auto",
    heads: HeadsOpt = None,
    out: OutOpt = None,
) -> None:
    """Score the default sentiment or emotion model on a named public set (or the challenge
    set): one command per number in docs/sentiment_emotion.md."""
    from feedback_nlp.labelled_sets import SETS, load_set

    if list_sets or not name:
        for labelled in SETS.values():
            typer.echo(f"{labelled.name:22s}{labelled.task:11s}{labelled.description}")
        return
    labelled, frame = load_set(name, data)
    if limit is not None:
        frame = frame.groupby("lang", sort=False).head(limit).reset_index(drop=True)
    options = _options("default", None, "comment", device, quantize, runtime, heads)
    where = Path(labelled.name)
    if labelled.task == "sentiment":
        report = score_sentiment(frame, where, "text", "label", "lang", options)
    else:
        report = score_emotion(frame, where, "text", None, "lang", options)
    _finish({"set": labelled.name, "task": labelled.task, **report}, out)
