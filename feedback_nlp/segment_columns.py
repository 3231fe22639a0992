"""The columns an analysis is also broken down by (`analyze --segment`), kept in its folder.

A light module (no insights import): the tagging engines copy the file from the model folder
into each job's folder, and the report reads it back (`insights.segments` does the work).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from feedback_nlp.errors import ConfigError

#: The file, in an analysis folder, its model folder and the folders of tagging jobs made
#: with that model.
SEGMENTS_FILE = "segments.json"


def write_segments(folder: Path, segments: Sequence[str]) -> None:
    """Keep the analysis's own segment columns in `folder` (none: the file is removed)."""
    path = folder / SEGMENTS_FILE
    if segments:
        path.write_text(json.dumps(list(segments)), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def read_segments(folder: Path) -> list[str]:
    """The segment columns kept in `folder` ([] when none)."""
    path = folder / SEGMENTS_FILE
    return [str(s) for s in json.loads(path.read_text(encoding="utf-8"))] if path.is_file() else []


def check_segments(segments: Sequence[str], columns: Iterable[object]) -> None:
    """Raise ConfigError naming a segment column the feedback table does not have (a typo
    would otherwise be saved with the model and reach every tagging job)."""
    names = [str(c) for c in columns]
    for segment in segments:
        if segment not in names:
            hint = column_hint(segment, names)
            raise ConfigError(
                f"--segment '{segment}': the feedback files have no such column{hint}"
            )


def column_hint(name: str, columns: Sequence[str]) -> str:
    """'; did you mean 'region'?' for the closest of `columns`, else '; the columns are …'
    (at most twenty); a column carried as `source_<name>` (named like a toolkit column) first."""
    if f"source_{name}" in columns:
        return f"; it is carried as 'source_{name}' (named like a column the toolkit writes)"
    close = difflib.get_close_matches(name, columns, n=1) or [
        c for c in columns if c.lower() == name.lower()
    ]
    if close:
        return f"; did you mean '{close[0]}'?"
    return "; the columns are " + ", ".join(columns[:20]) + (", …" if len(columns) > 20 else "")
