"""Report options chosen at report time: the segment columns (`report --segment`), the trend
period (`--period M|W|Q`) and the confidentiality floor of small groups (`--min-group-size`,
or the one kept in an analysis or job folder)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from feedback_nlp.errors import ConfigError
from feedback_nlp.insights.impact import PERIODS
from feedback_nlp.report.inputs import ReportInputs
from feedback_nlp.segment_columns import read_min_group_size


def with_segments(inputs: ReportInputs, segments: Sequence[str]) -> ReportInputs:
    """`inputs` segmented by `segments` in place of the columns they came with (a folder's
    segments.json); the ranges saved for a column still named are kept. ConfigError naming
    the table's columns when one is not among them."""
    columns = [str(c) for c in inputs.table.columns]
    absent = [s for s in segments if s not in columns]
    if absent:
        raise ConfigError(
            f"{inputs.source or 'the table'}: segment column(s) {absent} are not among its "
            f"columns: {', '.join(columns)}"
        )
    chosen = list(dict.fromkeys(segments))
    ranges = {c: r for c, r in inputs.segment_ranges.items() if c in chosen}
    return replace(inputs, segments=chosen, segment_ranges=ranges)


def checked_period(period: str) -> str:
    """`period` (M, W or Q); ConfigError for any other."""
    if period not in PERIODS:
        raise ConfigError(f"--period must be M, W or Q, not {period!r}")
    return period


def period_word(period: str | None) -> str:
    """'month', 'week' or 'quarter' for M, W or Q (None: month)."""
    return PERIODS.get(period or "M", "month")


def with_folder_options(inputs: ReportInputs, source: str | Path) -> ReportInputs:
    """`inputs` read from `source` with the small-group floor kept in the folder it is (an
    analysis folder, a tagging job's folder: `segment_columns.read_min_group_size`) among
    their explain options, unless they set one already."""
    floor = read_min_group_size(Path(source)) if Path(source).is_dir() else 0
    if not floor or "min_group_size" in inputs.explain_options:
        return inputs
    return replace(inputs, explain_options={**inputs.explain_options, "min_group_size": floor})
