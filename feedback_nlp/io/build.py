"""Turn raw rows (any reader, chunk by chunk) into feedback-table rows and rejected rows; the
checks of each row are in io.row_checks."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.answers import split_answers
from feedback_nlp.io.cells import (
    add_note,
    as_string,
    bytes_decoded,
    ordered_columns,
    plain_record,
    reason_kind,
    schema_dtypes,
    text_issues,
)
from feedback_nlp.io.column_names import date_note
from feedback_nlp.io.long_format import LongFolder, Repeats, long_layout
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.row_checks import RECOMPUTED, RowChecks
from feedback_nlp.io.scale_hints import text_column_hint
from feedback_nlp.io.stored_index import unnamed_index_note, with_index_as_columns
from feedback_nlp.io.titles import find_title
from feedback_nlp.io.transcript_turns import TurnReading
from feedback_nlp.schema import (
    REJECT_COLUMNS,
    empty_rejects,
    empty_table,
)


@dataclass
class TableBuilder(RowChecks):
    """Collects chunks of raw rows; checks each row; keeps track of ids across chunks."""

    path: Path
    plan: ColumnPlan
    seen_ids: dict[str, str] = field(default_factory=dict)  # response_id -> "file:line"
    tables: list[pd.DataFrame] = field(default_factory=list)
    rejects: list[pd.DataFrame] = field(default_factory=list)
    rows_read: int = 0
    generated_ids: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    kept_problems: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    answers_added: int = 0  # rows beyond one per source row (several open questions)
    long: LongFolder | None = None  # a long export's rows folded into responses
    file_columns: list[str] = field(default_factory=list)  # as `check_plan` was given them
    turns: TurnReading = field(default_factory=TurnReading)  # agent turns, transcripts

    def check_plan(self, file_columns: list[str]) -> None:
        """Raise ReadError if the plan names a missing column or finds no text column."""
        self.file_columns = list(file_columns)
        index_note = unnamed_index_note(self.file_columns, set(self.plan.columns.values()))
        add_note(self.notes, index_note, "column '__index_level_")
        missing = {n: c for n, c in self.plan.columns.items() if c not in file_columns}
        layout = long_layout(file_columns, self.plan, set(missing))
        if layout is not None:  # a long export: the mapping may name questions
            self.long = LongFolder.start(layout, self.plan, missing)
            missing = {}
        else:  # a review's title read with its body (io.titles)
            find_title(self.plan, file_columns, self.path)
            add_note(self.plan.notes, date_note(file_columns, self.plan.columns), "no comment date")
        more = [] if self.long else self.plan.more_texts  # a long export's: questions
        absent = [*missing.items(), *(("text", c) for c in more)]
        for name, column in absent:
            if column in file_columns:
                continue
            raise ReadError(
                self.path,
                f"the mapping sends column '{column}' to '{name}', but the file has no such "
                f"column (it has {file_columns})",
                field=column,
                hint="fix the column name in the mapping",
            )
        if "text" not in self.plan.columns and "text" not in self.plan.constants:
            raise ReadError(
                self.path,
                f"no text column found among {file_columns}",
                field="text",
                hint=text_column_hint(file_columns),
            )

    def add(self, raw: pd.DataFrame, lines: np.ndarray | list[int]) -> None:
        """Check one chunk of raw rows (`lines`: 1-based source line of each row)."""
        raw = with_index_as_columns(raw, self.file_columns)  # a Parquet file's pandas index
        raw = bytes_decoded(raw)  # a Parquet BINARY column
        lines = np.asarray(lines, dtype="int64")
        self.rows_read += len(raw)
        if self.long is not None:  # rows of questions, folded into responses at the end
            self.long.hold(raw, lines)
            return
        self._check(raw, lines)

    def flush(self) -> None:
        """Fold and check the rows a long export held (`io.long_format`)."""
        if self.long is None or not self.long.held:
            return
        raw, lines, repeats = self.long.fold()
        self.plan = self.long.plan
        self._reject_repeats(repeats)
        self._check(raw, lines)
        add_note(self.notes, self.long.unasked_note(), "long format: the mapping")

    def _reject_repeats(self, repeats: Repeats) -> None:
        """Reject the long rows that answer a question of their response again."""
        if not len(repeats.raw):
            return
        where = self.path.name
        reasons = [
            f"duplicate response_id '{i}' (first at {where}:{start}): '{q}' answered again"
            for i, q, start in zip(repeats.ids, repeats.questions, repeats.starts, strict=True)
        ]
        index = repeats.raw.index
        self.rejects.append(
            self._reject_frame(
                repeats.raw,
                repeats.lines,
                pd.DataFrame({"response_id": repeats.ids}, index=index),
                pd.Series(self.long.layout.id_column, index=index, dtype="string"),
                pd.Series(reasons, index=index, dtype="string"),
                np.ones(len(index), dtype=bool),
            )
        )

    def _check(self, raw: pd.DataFrame, lines: np.ndarray) -> None:
        if raw.empty:
            return
        table, field_s, reason_s, kept = self._convert(raw, lines)
        rejected = reason_s.notna().to_numpy()
        if rejected.any():
            self.rejects.append(self._reject_frame(raw, lines, table, field_s, reason_s, rejected))
        kept_rows = self._answers(raw, table[~rejected])
        if self._splits and len(kept_rows):  # a kept problem names the row's first answer
            first = kept_rows["response_id"].groupby(level=0).first()
            table = table.assign(response_id=first.reindex(table.index).fillna(table.response_id))
        for name, reasons in kept:
            problem = reasons.notna().to_numpy() & ~rejected
            if problem.any():
                field_k = pd.Series(self.plan.columns.get(name, name), index=raw.index)
                self.rejects.append(
                    self._reject_frame(raw, lines, table, field_k, reasons, problem, kept=True)
                )
        self.tables.append(kept_rows.reset_index(drop=True))

    @property
    def _splits(self) -> bool:
        """Whether rows are split per answer: several open questions are mapped to text, or
        a long export's (always, so its ids do not change when a second one turns up)."""
        return self.plan.long or (bool(self.plan.more_texts) and "text" in self.plan.columns)

    def _answers(self, raw: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
        """`table` with one row per answer when the survey asks several open questions
        (`io.answers`; indexed by source row), else `table`."""
        if not (self._splits and len(table)):
            return table
        texts = [self.plan.columns["text"]] if "text" in self.plan.columns else []
        questions = [*texts, *self.plan.more_texts]
        wording = self.plan.question_wording
        answers = {
            wording.get(q, q): as_string(raw.loc[table.index, q]).fillna("") for q in questions
        }
        split = split_answers(table, answers, text_issues)
        self.answers_added += len(split) - len(table)
        return split

    def add_rejected(
        self, line: int, reason: str, raw: object, field_name: str | None = None
    ) -> None:
        """Record a row that could not even be split into fields (e.g. wrong field count)."""
        self.rows_read += 1
        self.reasons[reason_kind(reason)] += 1
        self.rejects.append(
            pd.DataFrame(
                {
                    "file": [str(self.path)],
                    "line": [line],
                    "response_id": [pd.NA],
                    "field": [field_name],
                    "reason": [reason],
                    "raw": [json.dumps(raw, ensure_ascii=False, default=str)],
                    "row_kept": [False],
                }
            ).astype(REJECT_COLUMNS)
        )

    def _reject_frame(
        self,
        raw: pd.DataFrame,
        lines: np.ndarray,
        table: pd.DataFrame,
        field_s: pd.Series,
        reason_s: pd.Series,
        rejected: np.ndarray,
        *,
        kept: bool = False,
    ) -> pd.DataFrame:
        counter = self.kept_problems if kept else self.reasons
        for reason in reason_s[rejected]:
            counter[reason_kind(reason)] += 1
        rows = raw[rejected].to_dict(orient="records")
        return pd.DataFrame(
            {
                "file": str(self.path),
                "line": lines[rejected],
                "response_id": table["response_id"][rejected].to_numpy(),
                "field": field_s[rejected].to_numpy(),
                "reason": reason_s[rejected].to_numpy(),
                "raw": [json.dumps(plain_record(r), ensure_ascii=False, default=str) for r in rows],
                "row_kept": kept,
            }
        ).astype(REJECT_COLUMNS)

    def finish(self, final: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The kept rows (schema dtypes) and the rejected rows; `final`: the file is read
        (a response held back is checked first)."""
        if final:
            self.flush()
        table = (
            pd.concat(self.tables, ignore_index=True)
            if self.tables
            else empty_table(["text_issues"])
        )
        table = ordered_columns(schema_dtypes(table))
        rejects = pd.concat(self.rejects, ignore_index=True) if self.rejects else empty_rejects()
        return table, rejects


__all__ = ["RECOMPUTED", "TableBuilder"]
