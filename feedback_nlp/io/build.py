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
from feedback_nlp.io.cells import (
    add_note,
    as_string,
    bytes_decoded,
    carried_name,
    carry,
    ordered_columns,
    plain_record,
    reason_kind,
    schema_dtypes,
    text_issues,
)
from feedback_nlp.io.column_names import date_note
from feedback_nlp.io.journey import apply_declared
from feedback_nlp.io.long_format import LongFolder, Repeats, long_layout
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.previews import preview_reasons
from feedback_nlp.io.scale_hints import scale_note, text_column_hint
from feedback_nlp.io.score_labels import apply_score_labels, words_note
from feedback_nlp.io.scores import (
    ALL_SCORE_RANGES,
    date_order_note,
    is_missing,
    parse_datetime,
    parse_integer,
    parse_score,
)
from feedback_nlp.io.staff import company_side_reasons
from feedback_nlp.io.stored_index import unnamed_index_note, with_index_as_columns
from feedback_nlp.io.summary_rows import repeated_header_reasons, summary_row_reasons
from feedback_nlp.io.titles import find_title, with_title
from feedback_nlp.schema import (
    REJECT_COLUMNS,
    empty_rejects,
    empty_table,
)

_LOWERCASE = ("lang_hint", "channel")


#: Columns the reader writes itself, with the column each is made from: a table `feedback-nlp
#: read` wrote, read again, has them.
RECOMPUTED = {
    "text_issues": "text",
    "journey_stage_order": "journey_stage",
    "journey_stage_canonical": "journey_stage",
}


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
    long: LongFolder | None = None  # a long export's rows folded into responses
    file_columns: list[str] = field(default_factory=list)  # as `check_plan` was given them

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
        if len(raw.columns):  # the header again (exports joined end to end): its cells are
            header_again = repeated_header_reasons(raw)  # no scores or dates to note
            flag(raw.columns[0], header_again)
            for name in [*ALL_SCORE_RANGES, "created_at"]:
                if name in out:
                    out[name] = out[name].where(header_again.isna())

        out["response_id"] = self._ids(out.get("response_id"), lines, index)
        text = out.get("text", pd.Series(pd.NA, index=index, dtype=object))
        if self.plan.title in raw.columns:
            text = with_title(raw[self.plan.title], text)
        no_text = is_missing(text)
        for column in self.plan.more_texts:  # a second open question answered (io.answers)
            no_text &= is_missing(raw[column])
        out["text"] = as_string(text).fillna("")
        out["text_issues"] = text_issues(out["text"])

        has_score = pd.Series(False, index=index)
        bad_score = pd.Series(pd.NA, index=index, dtype="string")  # the first, for a reason
        for name in ALL_SCORE_RANGES:
            if name in out:
                cells = apply_score_labels(out[name], self.plan.score_labels.get(name))
                values, reasons = parse_score(cells, name, self.plan.scales.ranges().get(name))
                column = self.plan.columns.get(name, name)
                add_note(self.notes, words_note(name, column, reasons, out[name]), f"{name} (")
                hint = scale_note(name, column, reasons, out[name], values, self.plan.scales)
                add_note(self.notes, hint, f"{name} scale")
                flag_or_keep(name, reasons)
                out[name] = values
                has_score |= values.notna()
                bad_score = bad_score.fillna(reasons)
        outcome_sources = self._outcomes(raw, out, flag_or_keep)  # as a bad score
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
            "question",
        ):
            if name in out:
                out[name] = as_string(out[name])
                if name in _LOWERCASE:
                    out[name] = out[name].str.strip().str.lower()
        for name in ("journey_stage", "touchpoint"):
            declared = self.plan.declared.get(name)
            if name in out and (declared is not None or name == "journey_stage"):
                columns, reasons = apply_declared(out[name], declared)
                flag_or_keep(name, reasons)  # an unknown stage: emptied, as a bad score
                out.update(columns)
        if len(raw.columns):  # "Total", "Average NPS" rows under the data
            flag(raw.columns[0], summary_row_reasons(raw[raw.columns[0]], no_text))
        marked_by, previews = preview_reasons(raw, self.plan.platform)
        if marked_by is not None:  # a survey tool's previews and tests
            flag(marked_by, previews)
        if not self.plan.keep_staff:  # the company's own replies in a forum or social export
            author = self.plan.columns.get("respondent_id")
            for column, staff in company_side_reasons(raw, self.plan.brand_handles, author):
                flag(column, staff)
        no_text_reason = ("no text, and " + bad_score).fillna("no text and no score")
        flag("text", no_text_reason.where(no_text & ~has_score, pd.NA))
        flag("response_id", self._duplicates(out["response_id"], lines, reason_s))

        again = [c for c, source in RECOMPUTED.items() if c in raw.columns and source in out]
        carried = {
            carried_name(column, out): carry(raw[column])
            for column in raw.columns
            if column not in set(sources.values()) | outcome_sources | set(self.plan.more_texts)
            and column not in again
        }
        for column in again:
            note = f"column '{column}' (`feedback-nlp read` writes it) made again from the file"
            add_note(self.notes, note, f"column '{column}'")
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
        ids = as_string(ids).str.strip()
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
