"""The typer applications that every CLI module adds its commands to."""

from __future__ import annotations

from feedback_nlp.cli.plain_help import PlainTyper

app = PlainTyper(
    name="feedback-nlp",
    help=(
        "Turn raw customer feedback into explained scores.\n\n"
        "Start with `feedback-nlp validate FILE` to see what the toolkit understands in an "
        "export, then `feedback-nlp demo` for the whole analysis on the bundled demo data."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

evaluate_app = PlainTyper(
    help="Measure a component on a labelled file (accuracy, macro-F1, confusions).",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")
