"""`read_feedback` / `read_many`: any supported file in, a schema-valid table and rejects out.

What each file gave is recorded and summarised by feedback_nlp.io.read_info."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.cells import one_type_per_column
from feedback_nlp.io.delimited import read_delimited
from feedback_nlp.io.excel import read_excel
from feedback_nlp.io.frame_input import checked_paths
from feedback_nlp.io.mapping import (
    NOT_A_MAPPING,
    load_mapping,
    with_brand_handles,
    with_outcomes,
)
from feedback_nlp.io.platforms import PLATFORMS
from feedback_nlp.io.read_info import (
    EXAMPLE_REJECTS,
    builder_carried,
    file_info,
    file_summary,
    issue_counts,
    reject_examples,
    totals_summary,
)
from feedback_nlp.io.structured import read_json, read_jsonl, read_parquet
from feedback_nlp.io.xml_records import read_xml
from feedback_nlp.schema import empty_rejects, validate
from feedback_nlp.score_scales import ScoreScales, one_scale, scales_from_table

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
        parts = [file_summary(info) for info in files]
        if len(files) > 1:
            parts.append(totals_summary(self.info))
        parts.append(reject_examples(self.rejects))
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
    table = builder.turns.applied(table, agent_turns, builder.notes)  # io.transcript_turns
    table = one_type_per_column(table, builder_carried(builder, table))
    text_mapped = user_mapping is not None and "text" in user_mapping.columns
    info = file_info(path, builder, info, table, rejects, text_mapped)
    if user_mapping is not None and user_mapping.origin not in NOT_A_MAPPING:
        info["mapping"] = user_mapping.origin
    return ReadResult(validate(table, builder.plan.scales.ranges()), rejects, info)


__all__ = [
    "EXAMPLE_REJECTS",
    "SUFFIXES",
    "ReadResult",
    "builder_carried",
    "issue_counts",
    "read_feedback",
    "read_many",
]
