"""`read_feedback` / `read_many`: any supported file in, a schema-valid table and rejects out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.build import TableBuilder
from feedback_nlp.io.cells import one_type_per_column
from feedback_nlp.io.delimited import read_delimited
from feedback_nlp.io.excel import read_excel
from feedback_nlp.io.frame_input import checked_paths
from feedback_nlp.io.mapping import (
    NOT_A_MAPPING,
    ColumnPlan,
    load_mapping,
    with_brand_handles,
    with_outcomes,
)
from feedback_nlp.io.platforms import PLATFORMS, score_question_hints
from feedback_nlp.io.questions import question_notes
from feedback_nlp.io.scale_hints import weight_notes
from feedback_nlp.io.score_labels import good_bad_hints
from feedback_nlp.io.scores import ALL_SCORE_RANGES, score_summary
from feedback_nlp.io.structured import read_json, read_jsonl, read_parquet
from feedback_nlp.io.xml_records import read_xml
from feedback_nlp.schema import INPUT_COLUMNS, empty_rejects, rejected_rows, split_list, validate
from feedback_nlp.score_scales import ScoreScales, describe_scales, one_scale, scales_from_table
from feedback_nlp.text.pii import redact_pii

SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
    ".xml": "xml",
}
EXAMPLE_REJECTS = 5


@dataclass
class ReadResult:
    """What a reader returns: the feedback table, the rejected rows and what was recognised."""

    table: pd.DataFrame
    rejects: pd.DataFrame = field(default_factory=empty_rejects)
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def outcome_specs(self) -> dict[str, Any]:
        """The outcomes declared for the files (on the command line or in a mapping's
        [outcomes]) and found in them: name -> OutcomeSpec."""
        files = self.info.get("files", [self.info])
        return {
            name: spec for info in files for name, spec in info.get("outcome_specs", {}).items()
        }

    @property
    def scales(self) -> ScoreScales:
        """The CSAT and CES scales the scores were read on."""
        return scales_from_table(self.info.get("scales") or {}, "the read")

    def summary(self) -> str:
        """A human-readable account of what was read, recognised and rejected."""
        files = self.info.get("files", [self.info])
        parts = [_file_summary(info) for info in files]
        if len(files) > 1:
            parts.append(_totals(self.info))
        parts.append(_reject_examples(self.rejects))
        return "\n".join(p for p in parts if p)


def read_feedback(
    path: str | Path,
    *,
    mapping: str | Path | dict[str, Any] | None = None,
    platform: str = "auto",
    agent_turns: str = "context",
    encoding: str | None = None,
    sheet: str | int | None = None,
    outcomes: dict[str, Any] | None = None,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
    **columns: str,
) -> ReadResult:
    """Read one feedback file (CSV/TSV, xlsx, JSON, JSONL, Parquet) into the feedback table.

    `columns` map schema names to file columns (``text="Comment"``); `mapping` is a dict or a
    TOML file with ``[columns]``/``[constants]``/``[options]``; a ``<stem>.mapping.toml`` beside
    the file is used when no mapping is given. `outcomes` ({name: OutcomeSpec}, see
    feedback_nlp.outcomes) adds declared outcome columns, validated like scores.
    `bad_scores`: ``"keep-text"`` (default: keep the row, empty the score or date, list the
    problem in the rejects table) or ``"reject-row"``; see
    :data:`feedback_nlp.io.mapping.BAD_SCORES`. `scales`: the CSAT and CES scales of the
    survey where they are not 1-5 and 1-7 (or a mapping's ``[scales]``, `score_scales`).
    Raises ReadError when the file cannot be read.
    """
    given = checked_paths(path, "read_feedback")  # a DataFrame: tag_frame
    if len(given) != 1:
        raise ReadError(None, "read_feedback() reads one file", hint="use read_many(paths)")
    read = (Path(given[0]), mapping, platform, agent_turns, encoding, sheet, columns, {})
    return _read_one(*read, outcomes=outcomes, bad_scores=bad_scores, scales=scales)


def read_many(
    paths: Iterable[str | Path],
    *,
    mapping: str | Path | dict[str, Any] | None = None,
    platform: str = "auto",
    agent_turns: str = "context",
    encoding: str | None = None,
    sheet: str | int | None = None,
    outcomes: dict[str, Any] | None = None,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
    brand_handles: Iterable[str] = (),
    **columns: str,
) -> ReadResult:
    """Read several files into one table; a response_id seen in an earlier file is rejected.
    The files' scales (`scales`, or each one's mapping) must agree. A post whose author is one
    of `brand_handles` (the brand's own accounts) is rejected as the company's side, unless
    ``[options] keep_staff = true`` (:mod:`feedback_nlp.io.staff`)."""
    paths = checked_paths(paths, "read_many")
    seen: dict[str, str] = {}
    results = [
        _read_one(
            Path(p),
            mapping,
            platform,
            agent_turns,
            encoding,
            sheet,
            columns,
            seen,
            outcomes=outcomes,
            bad_scores=bad_scores,
            scales=scales,
            brand_handles=brand_handles,
        )
        for p in paths
    ]
    if not results:
        raise ReadError(None, "no files given", hint="pass at least one file")
    tables = [r.table for r in results if len(r.table)] or [results[0].table]
    table = pd.concat(tables, ignore_index=True)
    rejects = pd.concat([r.rejects for r in results], ignore_index=True)
    infos = [r.info for r in results]
    totals = {
        key: sum(i[key] for i in infos)
        for key in ("rows_read", "rows_kept", "rows_rejected", "answers_added", "rows_folded")
    }
    declared = one_scale(infos)
    info = {"files": infos, **totals, "scales": declared}
    return ReadResult(validate(table, scales_from_table(declared, "").ranges()), rejects, info)


def _read_one(
    path: Path,
    mapping: str | Path | dict[str, Any] | None,
    platform: str,
    agent_turns: str,
    encoding: str | None,
    sheet: str | int | None,
    columns: dict[str, str],
    seen: dict[str, str],
    outcomes: dict[str, Any] | None = None,
    bad_scores: str | None = None,
    scales: ScoreScales | None = None,
    brand_handles: Iterable[str] = (),
) -> ReadResult:
    if platform not in PLATFORMS:
        from feedback_nlp.errors import ConfigError

        raise ConfigError(f"unknown platform '{platform}'; use one of {list(PLATFORMS)}")
    if not path.is_file():
        raise ReadError(path, "no such file", hint="check the path")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ReadError(
            path,
            f"unsupported file type '{path.suffix or '(none)'}'",
            hint=f"convert it to one of {sorted(SUFFIXES)}",
        )
    user_mapping = with_outcomes(load_mapping(mapping, columns, path, bad_scores, scales), outcomes)
    user_mapping = with_brand_handles(user_mapping, brand_handles)
    options = {"platform": platform, "mapping": user_mapping, "seen_ids": seen}
    if kind == "csv":
        builder, info = read_delimited(path, encoding=encoding, **options)
    elif kind == "json":
        builder, info = read_json(path, encoding=encoding, agent_turns=agent_turns, **options)
    elif kind == "jsonl":
        builder, info = read_jsonl(path, encoding=encoding, agent_turns=agent_turns, **options)
    elif kind == "xlsx":
        builder, info = read_excel(path, sheet=sheet, **options)
    elif kind == "xml":
        builder, info = read_xml(path, encoding=encoding, **options)
    else:
        builder, info = read_parquet(path, **options)
    table, rejects = builder.finish()
    table = one_type_per_column(table, builder_carried(builder, table))
    info = _info(path, builder, info, table, rejects)
    if user_mapping is not None and user_mapping.origin not in NOT_A_MAPPING:
        info["mapping"] = user_mapping.origin
    return ReadResult(validate(table, builder.plan.scales.ranges()), rejects, info)


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


def _info(
    path: Path,
    builder: TableBuilder,
    detected: dict[str, Any],
    table: pd.DataFrame,
    rejects: pd.DataFrame,
) -> dict[str, Any]:
    plan = builder.plan
    scores = {
        name: {"column": plan.columns.get(name, "(constant)"), **score_summary(table[name])}
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
        "notes": list(plan.notes)
        + builder.notes
        + question_notes(plan, carried)
        + good_bad_hints(table, carried)
        + weight_notes(carried)
        + score_question_hints(_numbers_carried(table, carried, plan), set(scores), table),
    }


def issue_counts(table: pd.DataFrame) -> dict[str, int]:
    """Rows kept with each kind of damaged text (see `text_issues` in schema.py)."""
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


def _file_summary(info: dict[str, Any]) -> str:
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
        lines.append(f"  score {name} <- {score['column']}: {score['count']} value(s){span}")
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


def _totals(info: dict[str, Any]) -> str:
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


def _reject_examples(rejects: pd.DataFrame) -> str:
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
