"""The `feedback-nlp` command: thin typer commands over the library functions."""

from __future__ import annotations

import importlib
import pkgutil

import typer

from feedback_nlp.cli.app import app


def _load_commands() -> None:
    """Import every command module in this package so its commands register on `app`."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "app":
            importlib.import_module(f"{__name__}.{module.name}")


_load_commands()


def main() -> None:
    """Console entry point: an error the toolkit raises on purpose (a bad option value, a
    file it cannot read) is one line, `error: …`, exit 1; a traceback means a bug."""
    from feedback_nlp.errors import FeedbackError

    try:
        app()
    except FeedbackError as error:
        typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
        raise SystemExit(1) from None


__all__ = ["app", "main"]
