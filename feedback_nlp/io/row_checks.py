"""How `TableBuilder` (io.build) checks a chunk of raw rows: each mapped column parsed (ids,
text, scores, dates, outcomes, journey stages, carried columns) and the reason of each row it
rejects or keeps with a problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.io.cells import add_note, as_string, carried_name, carry, text_issues
from feedback_nlp.io.journey import apply_declared
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.previews import preview_reasons
from feedback_nlp.io.questions import unread_score_reasons
from feedback_nlp.io.scale_hints import scale_note
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
from feedback_nlp.io.summary_rows import repeated_header_reasons, summary_row_reasons
from feedback_nlp.io.titles import with_title
from feedback_nlp.io.transcript_turns import TurnReading

_LOWERCASE = ("lang_hint", "channel")


#: Columns the reader writes itself, with the column each is made from: a table `feedback-nlp
#: read` wrote, read again, has them.
RECOMPUTED = {
    "text_issues": "text",
    "journey_stage_order": "journey_stage",
    "journey_stage_canonical": "journey_stage",
}


class RowChecks:
    """The per-row checks of `TableBuilder`, which holds the state they read and update."""

    path: Path
    plan: ColumnPlan
    seen_ids: dict[str, str]  # response_id -> "file:line"
    generated_ids: int
    notes: list[str]
    turns: TurnReading

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
        conversations = out.get("conversation_id")  # agent turns apart (io.transcript_turns)
        text, turns = self.turns.read(raw, text, conversations, self.plan.columns, self.notes)
        no_text = is_missing(text)
        for column in self.plan.more_texts:  # a second open question answered (io.answers)
            no_text &= is_missing(raw[column])
        out["text"] = as_string(text).fillna("")
        out["text_issues"] = text_issues(out["text"])
        out.update(turns.columns)
        if turns.ids is not None:  # the turns of one response id, numbered
            out["response_id"] = turns.ids.fillna(out["response_id"])

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
        if turns.column is not None:  # an agent's turn in a per-turn export
            flag(turns.column, turns.reasons)
        no_text_reason = ("no text, and " + bad_score).fillna(unread_score_reasons(raw, self.plan))
        no_text_reason = no_text_reason.fillna("no text and no score")
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
