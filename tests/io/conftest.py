"""Shared helpers for the reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback_nlp.io import ReadResult
from feedback_nlp.schema import REJECT_COLUMNS, validate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "io"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def check_result(result: ReadResult) -> ReadResult:
    """Every reader's promises: schema-valid table, reject columns, rows in = out + rejected."""
    validate(result.table)
    assert list(result.rejects.columns) == list(REJECT_COLUMNS)
    assert result.info["rows_read"] == len(result.table) + len(result.rejects)
    assert result.info["rows_kept"] == len(result.table)
    assert result.info["rows_rejected"] == len(result.rejects)
    return result
