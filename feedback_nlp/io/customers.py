"""Customer-level outcome files (churn, retention, referrals) joined to comments by customer.

A customer table has one row per customer: an id column recognised as ``respondent_id``
(``customer_id``, ``user_id``…), no text column, and the declared outcome columns. Each
outcome value is parsed like a score; a bad value or a repeated id rejects that customer row
with its file and line. The outcomes land on every comment of the customer, and the analysis
counts each customer once for them (level ``customer``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from feedback_nlp.errors import ReadError
from feedback_nlp.io.cells import as_string
from feedback_nlp.io.column_names import recognise
from feedback_nlp.io.delimited import sniff_delimiter
from feedback_nlp.io.encoding import SAMPLE_BYTES, detect_encoding
from feedback_nlp.io.scores import is_missing
from feedback_nlp.schema import REJECT_COLUMNS, empty_rejects
from feedback_nlp.score_join import join_scores

TABLE_SUFFIXES = (".csv", ".tsv", ".parquet", ".xlsx")


@dataclass
class CustomerOutcomes:
    """What a customer file added: the joined table, its rejects and a summary line."""

    table: pd.DataFrame
    rejects: pd.DataFrame
    summary: str
    outcomes: dict


def _frame(path: Path, rows: int | None = None) -> pd.DataFrame:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            frame = pd.read_parquet(path)
            return frame.head(rows) if rows is not None else frame
        if suffix == ".xlsx":
            return pd.read_excel(path, dtype=str, nrows=rows)
        with path.open("rb") as stream:
            sample = stream.read(SAMPLE_BYTES)
        encoding = detect_encoding(sample, path)  # as feedback files: cp1252, UTF-16, …
        sep = sniff_delimiter(sample.decode(encoding, errors="ignore").lstrip("\ufeff"), suffix)
        return pd.read_csv(
            path, dtype=str, sep=sep, nrows=rows, encoding=encoding, keep_default_na=False
        )
    except (OSError, ValueError) as error:
        raise ReadError(path, f"cannot read the customer table: {error}") from error


def is_customer_table(path: str | Path, mapping: object = None) -> bool:
    """True for a table file with a customer id column that the feedback reader finds no
    text column in (survey exports whose text column a platform rule finds are feedback)."""
    from feedback_nlp.io.reader import read_feedback

    path = Path(path)
    if path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
        return False
    try:
        header = _frame(path, rows=0).columns
    except ReadError:  # not a table pandas reads: the feedback reader says why, if it is one
        return False
    found = recognise([str(c) for c in header])
    if "respondent_id" not in found or "text" in found:
        return False
    try:
        read_feedback(path, mapping=mapping)  # type: ignore[arg-type]
    except ReadError as error:
        return error.field == "text"
    return False


def read_customer_outcomes(path: str | Path, outcomes: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per customer: respondent_id and each declared outcome found; plus rejects."""
    from feedback_nlp.outcomes import parse_outcome

    path = Path(path)
    frame = _frame(path)
    key = recognise([str(c) for c in frame.columns])["respondent_id"]
    lines = pd.Series(range(2, len(frame) + 2), index=frame.index)  # line 1 is the header
    out = pd.DataFrame({"respondent_id": as_string(frame[key]).str.strip()})  # 1001.0: "1001"
    reasons = pd.Series(pd.NA, index=frame.index, dtype="string")
    fields = pd.Series(pd.NA, index=frame.index, dtype="string")
    for name, spec in outcomes.items():
        if not set(spec.source_columns) <= set(frame.columns):
            continue
        values, why = parse_outcome(frame, spec)
        new = why.notna() & reasons.isna()
        reasons[new], fields[new] = why[new], spec.source_columns[0]
        out[name] = values
    missing = is_missing(frame[key]) & reasons.isna()
    reasons[missing], fields[missing] = f"{key} is missing", key
    repeated = out["respondent_id"].duplicated(keep="first") & reasons.isna()
    reasons[repeated] = f"repeated {key} '" + out["respondent_id"][repeated] + "'"
    fields[repeated] = key
    bad = reasons.notna()
    rejects = pd.DataFrame(
        {
            "file": str(path),
            "line": lines[bad].to_numpy(),
            "response_id": pd.NA,
            "field": fields[bad].to_numpy(),
            "reason": reasons[bad].to_numpy(),
            "raw": [json.dumps(r, ensure_ascii=False) for r in frame[bad].to_dict("records")],
            "row_kept": False,
        }
    ).astype(REJECT_COLUMNS)
    return out[~bad].reset_index(drop=True), rejects if len(rejects) else empty_rejects()


def join_customer_outcomes(
    table: pd.DataFrame, path: str | Path, outcomes: dict
) -> CustomerOutcomes:
    """Join the declared outcomes of the customer file `path` onto `table` by respondent_id."""
    customers, rejects = read_customer_outcomes(path, outcomes)
    found = [c for c in customers.columns if c != "respondent_id"]
    name = Path(path).name
    if not found:
        summary = (
            f"{name}: customer table (no text column) with none of the declared outcomes "
            f"{sorted(outcomes) or '(none declared)'}; not joined "
            "(declare one, e.g. --outcome churned:binary)"
        )
        return CustomerOutcomes(table, rejects, summary, {})
    joined = join_scores(table, customers, "respondent_id", source=str(path))
    matched = len(customers) - len(joined.unmatched_scores)
    summary = (
        f"{name}: customer table, {len(customers)} customers kept, {len(rejects)} rejected; "
        f"{', '.join(found)} joined by respondent_id to {matched} customers' comments "
        f"({len(joined.table) - len(joined.unmatched_comments)} of {len(table)} comment rows)"
    )
    level = {o: replace(outcomes[o], level="customer") for o in found}
    return CustomerOutcomes(joined.table, rejects, summary, level)
