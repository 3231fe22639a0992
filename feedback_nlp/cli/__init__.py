"""The `feedback-nlp` command: thin typer commands over the library functions."""

from __future__ import annotations

import importlib
import pkgutil

from feedback_nlp.cli.app import app


def _load_commands() -> None:
    """Import every command module in this package so its commands register on `app`."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "app":
            importlib.import_module(f"{__name__}.{module.name}")


_load_commands()


def main() -> None:
    """Console entry point."""
    app()


__all__ = ["app", "main"]
