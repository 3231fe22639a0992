"""Turn raw rows (any reader, chunk by chunk) into feedback-table rows and rejected rows."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.answers import split_answers
from feedback_nlp.io.journey import apply_declared
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.score_labels import apply_score_labels, words_note
from feedback_nlp.io.scores import (
    ALL_SCORE_RANGES,
    date_order_note,
    is_missing,
    parse_datetime,
    parse_integer,
    parse_score,
)
from feedback_nlp.io.summary_rows import summary_row_reasons
from feedback_nlp.schema import (
    COLUMNS,
    INPUT_COLUMNS,
    REJECT_COLUMNS,
    empty_rejects,
    empty_table,
)
from feedback_nlp.text.damage import find_issues, merge_issues

_LOWERCASE = ("lang_hint", "channel")


@dataclass
class TableBuilder:
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

    def check_plan(self, file_columns: list[str]) -> None:
        """Raise ReadError if the plan names a missing column or finds no text column."""
        named = [*self.plan.columns.items(), *(("text", c) for c in self.plan.more_texts)]
        for name, column in named:
            if column not in file_columns:
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
                hint='name the comment column: mapping [columns] text = "<column>" '
                'or read_feedback(path, text="<column>")',
            )

    def add(self, raw: pd.DataFrame, lines: np.ndarray | list[int]) -> None:
        """Check one chunk of raw rows (`lines`: 1-based source line of each row)."""
        raw = raw.reset_index(drop=True)
        lines = np.asarray(lines, dtype="int64")
        self.rows_read += len(raw)
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
        """Whether rows are split per answer: several open questions are mapped to text."""
        return bool(self.plan.more_texts) and "text" in self.plan.columns

    def _answers(self, raw: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
        """`table` with one row per answer when the survey asks several open questions
        (`io.answers`; indexed by source row), else `table`."""
        if not (self._splits and len(table)):
            return table
        questions = [self.plan.columns["text"], *self.plan.more_texts]
        answers = {q: _as_string(raw.loc[table.index, q]).fillna("") for q in questions}
        split = split_answers(table, answers, text_issues)
        self.answers_added += len(split) - len(table)
        return split

    def add_rejected(
        self, line: int, reason: str, raw: object, field_name: str | None = None
    ) -> None:
        """Record a row that could not even be split into fields (e.g. wrong field count)."""
        self.rows_read += 1
        self.reasons[_reason_kind(reason)] += 1
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

    def _convert(
        self, raw: pd.DataFrame, lines: np.ndarray
    ) -> tuple[pd.DataFrame, pd.Series, pd.Series, list[tuple[str, pd.Series]]]:
        """Kept-row table, field and reason of each rejected row, score problems of kept rows."""
        index = raw.index
        field_s = pd.Series(pd.NA, index=index, dtype="string")
        reason_s = pd.Series(pd.NA, index=index, dtype="string")

        def flag(name: str, reasons: pd.Series) -> None:
            new = reasons.notna() & reason_s.isna()
            reason_s[new] = reasons[new]
            field_s[new] = self.plan.columns.get(name, name)

        kept: list[tuple[str, pd.Series]] = []

        def flag_or_keep(name: str, reasons: pd.Series) -> None:
            """A bad score or date: the row is rejected or kept, as `bad_scores` says."""
            if self.plan.bad_scores == "reject-row":
                flag(name, reasons)
            elif reasons.notna().any():
                kept.append((name, reasons))

        out: dict[str, pd.Series] = {}
        sources = {**self.plan.columns}
        for name, column in sources.items():
            out[name] = raw[column]
        for name, value in self.plan.constants.items():
            out[name] = pd.Series([value] * len(raw), index=index, dtype=object)

        out["response_id"] = self._ids(out.get("response_id"), lines, index)
        text = out.get("text", pd.Series(pd.NA, index=index, dtype=object))
        no_text = is_missing(text)
        for column in self.plan.more_texts:  # a second open question answered (io.answers)
            no_text &= is_missing(raw[column])
        out["text"] = _as_string(text).fillna("")
        out["text_issues"] = text_issues(out["text"])

        has_score = pd.Series(False, index=index)
        for name in ALL_SCORE_RANGES:
            if name in out:
                cells = apply_score_labels(out[name], self.plan.score_labels.get(name))
                values, reasons = parse_score(cells, name)
                column = self.plan.columns.get(name, name)
                add_note(self.notes, words_note(name, column, reasons, out[name]), f"{name} (")
                flag_or_keep(name, reasons)
                out[name] = values
                has_score |= values.notna()
        outcome_sources = self._outcomes(raw, out, flag)
        if "turn" in out:
            values, reasons = parse_integer(out["turn"], "turn", (0, 1e9))
            flag("turn", reasons)
            out["turn"] = values
        if "created_at" in out:
            values, reasons = parse_datetime(out["created_at"], self.plan.date_format)
            flag_or_keep("created_at", reasons)
            column = self.plan.columns.get("created_at", "created_at")
            add_note(self.notes, date_order_note(column, reasons), f"column '{column}':")
            out["created_at"] = values
        for name in (
            "respondent_id",
            "channel",
            "source",
            "touchpoint",
            "journey_stage",
            "lang_hint",
            "conversation_id",
        ):
            if name in out:
                out[name] = _as_string(out[name])
                if name in _LOWERCASE:
                    out[name] = out[name].str.strip().str.lower()
        for name in ("journey_stage", "touchpoint"):
            declared = self.plan.declared.get(name)
            if name in out and (declared is not None or name == "journey_stage"):
                columns, reasons = apply_declared(out[name], declared)
                flag(name, reasons)
                out.update(columns)
        if len(raw.columns):  # "Total", "Average NPS" rows under the data
            flag(raw.columns[0], summary_row_reasons(raw[raw.columns[0]], no_text))
        no_text_reason = pd.Series("no text and no score", index=index, dtype="string")
        flag("text", no_text_reason.where(no_text & ~has_score, pd.NA))
        flag("response_id", self._duplicates(out["response_id"], lines, reason_s))

        carried = {
            _carried_name(column, out): _carry(raw[column])
            for column in raw.columns
            if column not in set(sources.values()) | outcome_sources | set(self.plan.more_texts)
        }
        table = pd.DataFrame({**out, **carried}, index=index)
        return table, field_s, reason_s, kept

    def _outcomes(self, raw: pd.DataFrame, out: dict[str, pd.Series], flag: Any) -> set[str]:
        """Parse the declared outcomes this file has (others are skipped); return their columns."""
        from feedback_nlp.outcomes import parse_outcome

        used: set[str] = set()
        for name, spec in self.plan.outcomes.items():
            if not set(spec.source_columns) <= set(raw.columns):
                continue
            values, reasons = parse_outcome(raw, spec)
            flag(name, reasons)
            out[name] = values
            used |= set(spec.source_columns)
        return used

    def _ids(self, ids: pd.Series | None, lines: np.ndarray, index: pd.Index) -> pd.Series:
        stem = self.path.stem
        if ids is None:
            self.generated_ids += len(index)
            return pd.Series([f"{stem}-{line}" for line in lines], index=index, dtype="string")
        missing = is_missing(ids)
        ids = _as_string(ids).str.strip()
        if missing.any():
            self.generated_ids += int(missing.sum())
            generated = [f"{stem}-{line}" for line in lines[missing.to_numpy()]]
            ids[missing] = generated
        return ids

    def _duplicates(self, ids: pd.Series, lines: np.ndarray, reason_s: pd.Series) -> pd.Series:
        reasons = pd.Series(pd.NA, index=ids.index, dtype="string")
        where = f"{self.path.name}:"
        for position, (row_id, line) in enumerate(zip(ids.tolist(), lines.tolist(), strict=True)):
            first = self.seen_ids.get(row_id)
            if first is None:
                self.seen_ids[row_id] = f"{where}{line}"
            elif pd.isna(reason_s.iat[position]):
                reasons.iat[position] = f"duplicate response_id '{row_id}' (first at {first})"
        return reasons

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
            counter[_reason_kind(reason)] += 1
        records = raw[rejected].to_dict(orient="records")
        return pd.DataFrame(
            {
                "file": str(self.path),
                "line": lines[rejected],
                "response_id": table["response_id"][rejected].to_numpy(),
                "field": field_s[rejected].to_numpy(),
                "reason": reason_s[rejected].to_numpy(),
                "raw": [json.dumps(_plain(r), ensure_ascii=False, default=str) for r in records],
                "row_kept": kept,
            }
        ).astype(REJECT_COLUMNS)

    def finish(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The kept rows (schema dtypes) and the rejected rows."""
        table = (
            pd.concat(self.tables, ignore_index=True)
            if self.tables
            else empty_table(["text_issues"])
        )
        table = _order(_schema_dtypes(table))
        rejects = pd.concat(self.rejects, ignore_index=True) if self.rejects else empty_rejects()
        return table, rejects


def text_issues(texts: pd.Series) -> pd.Series:
    """The `text_issues` cell of every text: damage kinds joined by '|', "" when none."""
    issues = pd.Series("", index=texts.index, dtype="string")
    suspect = texts.str.contains(_SUSPECT, regex=True, na=False)
    for position in suspect.to_numpy().nonzero()[0]:
        issues.iat[position] = merge_issues(find_issues(texts.iat[position]))
    return issues


_SUSPECT = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]|[ÂÃ]|â€"


def add_note(notes: list[str], note: str | None, key: str) -> None:
    """Append `note` unless a note starting with `key` is there (every chunk of a file may
    have one; the first chunk's stays)."""
    if note and not any(other.startswith(key) for other in notes):
        notes.append(note)


def _reason_kind(reason: str) -> str:
    """Group reasons for counting: the text before the first quote or colon."""
    return reason.split(":")[0].split("'")[0].strip()


def _as_string(series: pd.Series) -> pd.Series:
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return series.astype("string")
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.astype("string")
    return series.map(_cell_text, na_action="ignore").astype("string")


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _carry(series: pd.Series) -> pd.Series:
    if series.dtype == object and series.map(lambda v: isinstance(v, dict | list)).any():
        return _as_string(series)
    return series


def _carried_name(column: str, out: dict[str, pd.Series]) -> str:
    """A carried column's name: `source_<name>` when the schema has the name (a `topic` or
    `sentiment` column of the export is kept beside the toolkit's, not mistaken for it)."""
    name = str(column)
    return f"source_{name}" if name in out or name in COLUMNS else name


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {str(k): (None if _is_na(v) else v) for k, v in record.items()}


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _schema_dtypes(table: pd.DataFrame) -> pd.DataFrame:
    for name, column in INPUT_COLUMNS.items():
        if name in table.columns and column.dtype in ("string", "Int64"):
            table[name] = table[name].astype(column.dtype)
        elif name in table.columns and column.dtype.startswith("datetime"):
            table[name] = pd.to_datetime(table[name], utc=True)
    if "text_issues" in table.columns:
        table["text_issues"] = table["text_issues"].astype("string")
    if "star_rating" in table.columns:
        table["star_rating"] = table["star_rating"].astype("Int64")
    return table


def _order(table: pd.DataFrame) -> pd.DataFrame:
    first = [c for c in (*INPUT_COLUMNS, "text_issues", "star_rating") if c in table.columns]
    return table[first + [c for c in table.columns if c not in first]]
