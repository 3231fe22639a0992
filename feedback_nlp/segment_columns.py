"""The columns an analysis is also broken down by (`analyze --segment`), kept in its folder
with the ranges a numeric one was cut into, so that a tagging job's report cuts the same.

A light module (no insights import): the tagging engines copy the file from the model folder
into each job's folder, and the report reads it back (`insights.segments` does the work).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from feedback_nlp.errors import ConfigError

#: The file, in an analysis folder, its model folder and the folders of tagging jobs made
#: with that model.
SEGMENTS_FILE = "segments.json"


@dataclass(frozen=True)
class SavedRanges:
    """The ranges the analysis cut a numeric segment column into: the bin edges, lowest
    first, and each bin's label (`insights.segments.numeric_ranges`)."""

    edges: tuple[float, ...]
    labels: tuple[str, ...]


def write_segments(
    folder: Path,
    segments: Sequence[str],
    ranges: Mapping[str, SavedRanges] | None = None,
    min_group_size: int = 0,
) -> None:
    """Keep the analysis's own segment columns in `folder`, with the `ranges` of those cut
    into ranges and the small-group floor it was explained with (`--min-group-size`; neither
    columns nor a floor: the file is removed)."""
    path = folder / SEGMENTS_FILE
    if not segments and not min_group_size:
        path.unlink(missing_ok=True)
        return
    cuts = {
        column: {"edges": list(cut.edges), "labels": list(cut.labels)}
        for column, cut in (ranges or {}).items()
        if column in segments
    }
    saved: dict[str, object] = {"columns": list(segments), "ranges": cuts}
    if min_group_size:
        saved["min_group_size"] = int(min_group_size)
    path.write_text(json.dumps(saved), encoding="utf-8")


def read_segments(folder: Path) -> list[str]:
    """The segment columns kept in `folder` ([] when none)."""
    saved = _saved(folder)
    columns = saved.get("columns", []) if isinstance(saved, dict) else saved
    return [str(s) for s in columns]


def read_segment_ranges(folder: Path) -> dict[str, SavedRanges]:
    """The ranges kept in `folder` for each numeric segment column ({} when none, as in a
    file written before stop 51, which holds the columns alone)."""
    saved = _saved(folder)
    cuts = saved.get("ranges", {}) if isinstance(saved, dict) else {}
    return {
        str(column): SavedRanges(tuple(map(float, cut["edges"])), tuple(map(str, cut["labels"])))
        for column, cut in cuts.items()
    }


def read_min_group_size(folder: Path) -> int:
    """The small-group floor kept in `folder` (0 when none: no floor, or a file written
    before stop 52)."""
    saved = _saved(folder)
    return int(saved.get("min_group_size", 0)) if isinstance(saved, dict) else 0


def _saved(folder: Path) -> dict | list:
    path = folder / SEGMENTS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


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
