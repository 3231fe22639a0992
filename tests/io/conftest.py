"""Shared helpers for the reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback_nlp.io import ReadResult
from feedback_nlp.schema import REJECT_COLUMNS, rejected_rows, validate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "io"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def check_result(result: ReadResult) -> ReadResult:
    """Every reader's promises: schema-valid table, reject columns, rows in = out + rejected
    (rows out counting a row once however many open questions it answers)."""
    validate(result.table, result.scales.ranges())
    assert list(result.rejects.columns) == list(REJECT_COLUMNS)
    rejected = rejected_rows(result.rejects)
    answers_added = result.info.get("answers_added", 0)  # several open questions split
    folded = result.info.get("rows_folded", 0)  # a long export's rows folded into responses
    responses = len(result.table) - answers_added
    assert result.info["rows_read"] - folded == responses + len(rejected)
    assert result.info["rows_kept"] == len(result.table)
    assert result.info["rows_rejected"] == len(rejected)
    kept = result.rejects[result.rejects["row_kept"].fillna(False).astype(bool)]
    assert set(kept["response_id"]) <= set(result.table["response_id"])
    return result
