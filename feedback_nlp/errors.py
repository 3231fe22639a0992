"""The project's exceptions. Every message says where the problem is and how to fix it."""

from __future__ import annotations

from pathlib import Path


class FeedbackError(Exception):
    """Base class of every error feedback_nlp raises on purpose."""


class ReadError(FeedbackError):
    """A file could not be read at all (encoding, truncation, missing column, bad format).

    The message names the file, the line or field, the problem and, where known, a fix.
    """

    def __init__(
        self,
        path: str | Path | None,
        problem: str,
        *,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.path or "<data frame>"
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f", field '{self.field}'"
        message = f"{where}: {self.problem}"
        if self.hint:
            message += f" (fix: {self.hint})"
        return message


class SchemaError(FeedbackError):
    """A table does not follow the feedback schema (missing column, wrong dtype, bad value)."""


class ConfigError(FeedbackError):
    """A configuration, column mapping or option is invalid."""


class NotFittedError(FeedbackError):
    """A stage or model was used before `fit` (or `load`)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is not fitted yet: call fit() first, or load a saved model.")


class MissingDependencyError(FeedbackError, ImportError):
    """An optional dependency is not installed; the message says which extra brings it."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{purpose} needs the package '{package}', which is not installed. "
            f"Install it with: pip install 'feedback-nlp[{extra}]'"
        )


def require_package(module: str, extra: str, purpose: str):  # noqa: ANN201 - returns a module
    """Import `module` or raise MissingDependencyError naming the pip extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(module, extra, purpose) from exc
