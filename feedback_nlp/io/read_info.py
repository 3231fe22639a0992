"""What a read recognised in each file: the info record a `ReadResult` holds (columns, scores,
row counts, reject reasons, notes) and the summary text its `summary()` prints from it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.io.answers import first_answers
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.mapping import ColumnPlan
from feedback_nlp.io.platforms import score_question_hints
from feedback_nlp.io.question_scales import likelihood_scale_hints
from feedback_nlp.io.questions import question_notes
from feedback_nlp.io.scale_hints import weight_notes
from feedback_nlp.io.score_labels import good_bad_hints
from feedback_nlp.io.scores import ALL_SCORE_RANGES, score_summary
from feedback_nlp.schema import INPUT_COLUMNS, rejected_rows, split_list
from feedback_nlp.score_scales import describe_scales, scales_from_table
from feedback_nlp.text.pii import redact_pii

EXAMPLE_REJECTS = 5


def _numbers_carried(table: pd.DataFrame, carried: list[str], plan: ColumnPlan) -> list[str]:
    """Carried columns that may hold scores: not answered in words where a detector saw the
    answers, and, in the table, mostly numbers (or empty)."""
    kept = []
    for column in carried:
        values = table[column].dropna().astype(str).str.strip() if column in table else None
        values = values[values != ""] if values is not None else None
        numeric = values is None or values.empty or values.str.match(r"^\d").mean() >= 0.5
        if column not in plan.not_scores and numeric:
            kept.append(column)
    return kept


def file_info(
    path: Path,
    builder: TableBuilder,
    detected: dict[str, Any],
    table: pd.DataFrame,
    rejects: pd.DataFrame,
    text_mapped: bool = False,
) -> dict[str, Any]:
    """What was read from one file and how: columns, scores, row counts, reasons, notes;
    `text_mapped`: a mapping named the text column(s), so no note says they were found by
    their wording."""
    plan = builder.plan
    scores = {
        name: {"column": plan.columns.get(name, "(constant)"), **per_response(table, name)}
        for name in ALL_SCORE_RANGES
        if name in table.columns
    }
    carried = builder_carried(builder, table)
    return {
        "file": str(path),
        "platform": plan.platform,
        **detected,
        "columns": dict(plan.columns),
        "title": plan.title,
        "more_texts": list(plan.more_texts) if "text" in plan.columns else [],
        "constants": dict(plan.constants),
        "carried": carried,
        "scores": scores,
        "outcomes": {
            spec.describe(): int(table[name].notna().sum())
            for name, spec in plan.outcomes.items()
            if name in table.columns
        },
        "outcome_specs": {n: s for n, s in plan.outcomes.items() if n in table.columns},
        "generated_ids": builder.generated_ids,
        "rows_read": builder.rows_read,
        "rows_kept": len(table),
        "rows_rejected": len(rejected_rows(rejects)),
        "answers_added": builder.answers_added,
        "rows_folded": builder.long.rows_folded if builder.long else 0,
        "bad_scores": plan.bad_scores,
        "scales": plan.scales.declared(),
        "scores_emptied": dict(Counter(builder.kept_problems).most_common()),
        "reject_reasons": dict(Counter(builder.reasons).most_common()),
        "text_issues": issue_counts(table),
        "notes": [n for n in plan.notes if not (text_mapped and n.startswith(WORDING_NOTE))]
        + builder.notes
        + question_notes(plan, carried, table)
        + good_bad_hints(table, carried)
        + likelihood_scale_hints(table, carried)
        + weight_notes(carried)
        + score_question_hints(_numbers_carried(table, carried, plan), set(scores), table),
    }


#: How the note on text columns found by their question's wording begins (`platforms`).
WORDING_NOTE = "text: the question"


def per_response(table: pd.DataFrame, name: str) -> dict[str, Any]:
    """Count, min and max of score `name`, counted once per source response where rows were
    split per answer (`io.answers`), with `answer_rows`, the count over the answer rows."""
    values = table[name]
    if "response_id" not in table.columns or not len(table):
        return score_summary(values)
    summary = score_summary(values[first_answers(table).to_numpy()])
    on_answers = int(values.notna().sum())
    return summary if on_answers == summary["count"] else {**summary, "answer_rows": on_answers}


def issue_counts(table: pd.DataFrame) -> dict[str, int]:
    """Rows kept with each kind of damaged text (see `text_issues` in schema_columns.py)."""
    if "text_issues" not in table.columns:
        return {}
    counts: Counter[str] = Counter()
    for cell in table["text_issues"].dropna():
        counts.update(split_list(cell))
    return dict(counts.most_common())


def builder_carried(builder: TableBuilder, table: pd.DataFrame) -> list[str]:
    """Columns carried through untouched (not schema columns produced by the plan)."""
    produced = (
        set(builder.plan.columns)
        | set(builder.plan.constants)
        | {"response_id", "text", "text_issues"}
        | set(INPUT_COLUMNS)  # a file column with a schema name is carried as source_<name>
        | set(builder.plan.outcomes)
    )
    return [c for c in table.columns if c not in produced]


def file_summary(info: dict[str, Any]) -> str:
    """The read summary's account of one file, from its info record."""
    lines = [f"{info['file']}"]
    found = [f"platform: {info['platform']}", f"format: {info.get('format', '?')}"]
    if "encoding" in info:
        found.append(f"encoding: {info['encoding']}")
    if "delimiter" in info:
        found.append(f"delimiter: {info['delimiter']!r}")
    if info.get("header_rows", 1) != 1:
        found.append(f"header rows: {info['header_rows']}")
    lines.append("  " + ", ".join(found))
    if info.get("mapping"):
        lines.append(f"  mapping: {info['mapping']}")
    lines.append("  columns:")
    title = info.get("title")
    lines += [
        f"    {name:<15} <- {f'{title} + {column}' if name == 'text' and title else column}"
        for name, column in info["columns"].items()
    ]
    lines += [
        f"    {'text':<15} <- {column} (one row per answer; the column `question` says which)"
        for column in info.get("more_texts", [])
    ]
    lines += [
        f"    {name:<15} =  {value!r} (constant)" for name, value in info["constants"].items()
    ]
    if info["carried"]:
        lines.append(f"  carried through: {', '.join(info['carried'])}")
    if info["generated_ids"]:
        lines.append(
            f"  response_id generated as <file stem>-<line> for {info['generated_ids']} row(s)"
        )
    for described, present in info.get("outcomes", {}).items():
        lines.append(f"  outcome {described}: {present} value(s)")
    for name, score in info["scores"].items():
        span = f", range {score['min']}-{score['max']}" if score["count"] else ""
        split = (
            f" (one per response; {score['answer_rows']} on its answer rows)"
            if "answer_rows" in score
            else ""
        )
        lines.append(f"  score {name} <- {score['column']}: {score['count']} value(s){split}{span}")
    if not info["scores"]:
        lines.append("  scores: none found")
    elif info.get("scales"):
        lines.append(f"  scales: {describe_scales(scales_from_table(info['scales'], ''))}")
    lines.append(
        f"  rows: {info['rows_read']} read, {info['rows_kept']} kept{_answers(info)}, "
        f"{info['rows_rejected']} rejected"
    )
    for reason, count in info["reject_reasons"].items():
        lines.append(f"    {count} x {reason}")
    if info.get("scores_emptied"):
        lines.append(
            "  rows kept with a score, date, outcome or journey stage emptied "
            "(bad_scores='keep-text'; "
            "in the rejects):"
        )
        lines += [f"    {count} x {reason}" for reason, count in info["scores_emptied"].items()]
    if info.get("text_issues"):
        lines.append("  damaged text kept (listed in text_issues, repaired in text_clean):")
        lines += [f"    {count} x {kind}" for kind, count in info["text_issues"].items()]
    if info.get("mixed_encoding_lines"):
        mixed = info["mixed_encoding_lines"]
        lines.append(
            f"  {len(mixed)} line(s) not valid {info.get('encoding')} were read as cp1252 "
            f"(mixed encodings), first: {mixed[:5]}"
        )
    if info.get("preamble"):
        rows = info["preamble"]
        lines.append(
            f"  above the header, not read: {len(rows)} title or group-label row(s): "
            + redact_pii(str(rows[:3]))[0]
        )
    for key in ("conversations", "without_customer_turns", "agent_turns", "sheet", "line_means"):
        if key in info:
            lines.append(f"  {key.replace('_', ' ')}: {info[key]}")
    lines += [f"  note: {redact_pii(note)[0]}" for note in info["notes"]]  # notes quote cells
    return "\n".join(lines)


def totals_summary(info: dict[str, Any]) -> str:
    """The read summary's line of totals over several files."""
    return (
        f"all files: {info['rows_read']} read, {info['rows_kept']} kept{_answers(info)}, "
        f"{info['rows_rejected']} rejected"
    )


def _answers(info: dict[str, Any]) -> str:
    """How rows read became rows kept when a long export was folded into responses or
    open questions split into one row per answer."""
    parts = []
    if info.get("rows_folded"):
        parts.append(f"{info['rows_folded']} question rows folded into their responses")
    if info.get("answers_added"):
        parts.append(f"one row per answer to an open question: {info['answers_added']} more")
    return f" ({'; '.join(parts)})" if parts else ""


def reject_examples(rejects: pd.DataFrame) -> str:
    """The first rejects, their reasons PII-redacted as the rejects table is when exported
    (a reason quotes the cell: an e-mail typed into a journey stage column)."""
    from feedback_nlp.report.export import redact_for_export

    if rejects.empty:
        return ""
    lines = [f"first problems in the rejects table (of {len(rejects)}):"]
    shown = rejects.head(EXAMPLE_REJECTS)
    reasons = redact_for_export(shown[["response_id", "reason"]])["reason"]  # as exported
    for row, reason in zip(shown.itertuples(), reasons, strict=True):
        where = f"{Path(str(row.file)).name}:{row.line}"
        kept = " (row kept)" if row.row_kept is True else ""
        lines.append(f"  {where}: {reason}{kept}")
    return "\n".join(lines)
