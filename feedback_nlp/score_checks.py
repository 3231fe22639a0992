"""Score cells off their scale in a tagged table: left out one by one, each one said.

A tagged table read back (`report.inputs.read_tagged`) or built by hand may hold a score the
readers would have rejected: an NPS of 11, a CSAT of 4.5, "n/a" in a number column. The rule
of the toolkit is to keep what can be kept and to coerce nothing silently: such a cell is left
out (its row keeps its comment and its other scores), and a warning names the file, the line
and the value. Before stop 50 one NPS of 11 left the whole NPS column out of `explain` and of
the report, which then said the feedback had no score. A column is on another scale (a 1-10
CSAT read against 1-5) when more than `OTHER_SCALE_SHARE` of its values are numbers off the
scale and they are at least `OTHER_SCALE_MIN_CELLS` or most of the column: its values mean
something else, so the whole column is left out, as before. Text cells ("n/a") are no sign of
another scale, and one typo among 9 answers is a typo (before, 1 of 9 was over 10 %).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.schema import plain_repr
from feedback_nlp.score_scales import ScoreScales

#: The score columns a tagged table may carry (as `scores.SCORE_COLUMNS`).
CHECKED = ("nps", "csat", "ces")
#: How many bad cells a warning names before it counts the rest.
NAMED = 3
#: The share of a column's values off the scale above which the column is on another scale.
OTHER_SCALE_SHARE = 0.1
#: How many numbers off the scale a column needs (unless they are most of it) to be on another.
OTHER_SCALE_MIN_CELLS = 5


def readable_scores(
    table: pd.DataFrame,
    scales: ScoreScales | None = None,
    where: str | None = None,
    first_line: int | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """`table` with every score cell that is not a whole number within its scale left out
    (missing), and one warning per score column that had such cells.

    With `first_line` (the file line of the first row: 2 for a CSV or an Excel sheet with a
    header) the warning names file lines; without it, the table's row labels. A column on
    another scale is dropped and named in ``attrs["left_out"]``.
    """
    scales = scales or ScoreScales()
    out, warnings, dropped = table, [], []
    for column in (c for c in CHECKED if c in table.columns):
        bad = off_scale(table[column], scales.range_of(column))
        if not bad.any():
            continue
        out = out.copy() if out is table else out
        other_scale = on_another_scale(table[column], bad)
        if other_scale:
            dropped.append(column)
        else:
            out[column] = kept_scores(table[column], bad)
        place = (where, first_line)
        warn = _column_warning if other_scale else _warning
        warnings.append(warn(table[column], bad, scales.range_of(column), *place))
    if dropped:
        out = out.drop(columns=dropped)
        out.attrs["left_out"] = dropped
    return out, warnings


def on_another_scale(values: pd.Series, bad: pd.Series) -> bool:
    """Whether the `bad` cells of `values` say the column is on another scale: numbers off the
    scale (not text) that are over `OTHER_SCALE_SHARE` of the answers, and either at least
    `OTHER_SCALE_MIN_CELLS` of them or most of the answers."""
    numbers = pd.to_numeric(values.astype("object"), errors="coerce")
    off = int((bad & numbers.notna()).sum())
    answered = int(values.notna().sum())
    enough = off >= OTHER_SCALE_MIN_CELLS or 2 * off > answered
    return off > OTHER_SCALE_SHARE * answered and enough


def off_scale(values: pd.Series, value_range: tuple[int, int]) -> pd.Series:
    """True on the cells that hold something other than a whole number within `value_range`
    (missing cells are fine)."""
    numbers = pd.to_numeric(values.astype("object"), errors="coerce").astype(float)
    low, high = value_range
    fine = (numbers % 1 == 0) & (numbers >= low) & (numbers <= high)
    return (values.notna() & ~fine).astype(bool)


def kept_scores(values: pd.Series, bad: pd.Series) -> pd.Series:
    """The whole-number scores of `values` as Int64, the `bad` cells missing."""
    numbers = pd.to_numeric(values.astype("object").where(~bad), errors="coerce")
    return pd.Series(numbers, index=values.index).astype("Float64").astype("Int64")


def _warning(
    values: pd.Series,
    bad: pd.Series,
    value_range: tuple[int, int],
    where: str | None,
    first_line: int | None,
) -> str:
    """'synth.csv: 1 nps value(s) not a whole number within 0-10 left out (their rows are
    kept without nps): line 9: 11'."""
    positions = np.flatnonzero(bad.to_numpy())
    named = ", ".join(_located(values, int(p), first_line) for p in positions[:NAMED])
    more = f" and {len(positions) - NAMED} more" if len(positions) > NAMED else ""
    low, high = value_range
    column = str(values.name)
    return (
        f"{where or 'the table'}: {len(positions)} {column} value(s) not a whole number within "
        f"{low}-{high} left out (their rows are kept without {column}): {named}{more}"
    )


def _located(values: pd.Series, position: int, first_line: int | None) -> str:
    """'line 9: 11': where the cell at `position` is, and what it holds."""
    return f"{locate(values.index[position], position, first_line)}: {_cell(values.iloc[position])}"


def _column_warning(
    values: pd.Series,
    bad: pd.Series,
    value_range: tuple[int, int],
    where: str | None,
    first_line: int | None,
) -> str:
    """'csat left out of every analysis: column 'csat' has 20 value(s) outside 1-5 …'."""
    first = _located(values, int(np.flatnonzero(bad.to_numpy())[0]), first_line)
    low, high = value_range
    column = str(values.name)
    return (
        f"{where + ': ' if where else ''}{column} left out of every analysis: column "
        f"'{column}' has {int(bad.sum())} value(s) outside {low}-{high} or not whole, of "
        f"{int(values.notna().sum())}, first at {first}: another scale? declare it (the "
        "mapping's [scales], or scales=ScoreScales(...) from Python, docs/reading.md)"
    )


def locate(label: object, position: int, first_line: int | None) -> str:
    """'line 9' (a file's line, `first_line` being the line of position 0) or 'row 7' (the
    table's row label, where no file line is known)."""
    if first_line is None:
        return f"row {plain_repr(label)}"
    return f"line {position + first_line}"


def _cell(value: object) -> str:
    """A cell as the file shows it: 11, 7.5, 'n/a'."""
    if isinstance(value, float | np.floating):
        return f"{float(value):g}"
    if isinstance(value, int | np.integer):
        return str(int(value))
    return repr(str(value))


def first_data_line(suffix: str) -> int | None:
    """The file line of a table's first row: 2 for CSV and Excel (line 1 is the header);
    None for Parquet, which has no lines (rows are named by their label)."""
    return 2 if suffix.lower() in (".csv", ".xlsx") else None


def scores_as_read(values: pd.Series, first_line: int | None = None) -> pd.Series:
    """A score column read back from a file as Int64; one that holds something else (7.5,
    "n/a") is kept as it is, for `readable_scores` to name and leave out the bad cells
    (before stop 50 `read_tagged` stopped with "cannot safely cast non-equivalent float64
    to int64", naming neither the row nor the value)."""
    bad = off_scale(values, (-(2**62), 2**62))
    if bad.any():
        return values
    return kept_scores(values, bad)


def whole_numbers(values: pd.Series, first_line: int | None = None) -> pd.Series:
    """A whole-number column (not a score) as Int64; ValueError naming the first cell that is
    not one (its file line where known) and the value."""
    bad = off_scale(values, (-(2**62), 2**62))
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        where = locate(values.index[position], position, first_line)
        raise ValueError(
            f"{where}: {_cell(values.iloc[position])} is not a whole number "
            f"({int(bad.sum())} such value(s))"
        )
    return kept_scores(values, bad)
