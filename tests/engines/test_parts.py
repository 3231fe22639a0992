"""Part files: one schema per input file, a clear error when a chunk cannot fit it."""

from __future__ import annotations

import pandas as pd
import pytest

from feedback_nlp.engines.parts import (
    COUNTS,
    clean_temporary,
    read_chunk_counts,
    read_parts,
    to_arrow,
    write_chunk_counts,
    write_part,
)
from feedback_nlp.errors import SchemaError


def test_later_parts_take_the_first_parts_schema(tmp_path):
    first = to_arrow(pd.DataFrame({"a": pd.array([1, 2], dtype="Int64"), "b": ["x", "y"]}))
    later = to_arrow(pd.DataFrame({"a": [None, None], "b": ["z", None]}), first.schema)
    assert later.schema == first.schema
    with pytest.raises(SchemaError, match=r"a chunk has the columns \['a'\]"):
        to_arrow(pd.DataFrame({"a": [1]}), first.schema)


def test_a_later_part_may_add_columns_after_the_first_parts(tmp_path):
    first = to_arrow(pd.DataFrame({"a": pd.array([1, 2], dtype="Int64"), "b": ["x", "y"]}))
    later = to_arrow(pd.DataFrame({"store": ["Soho"], "b": ["z"], "a": [None]}), first.schema)
    assert later.schema.names == ["a", "b", "store"]
    assert later.schema.field("a").type == first.schema.field("a").type
    assert later.column("store").to_pylist() == ["Soho"]


def test_parts_of_different_layouts_read_as_one_table(tmp_path):
    write_part(
        to_arrow(pd.DataFrame({"id": ["1"], "x": [1]})), tmp_path, "part-00000-000000.parquet"
    )
    write_part(
        to_arrow(pd.DataFrame({"id": ["2"], "y": ["b"]})), tmp_path, "part-00001-000000.parquet"
    )
    (tmp_path / ".part-00001-000001.parquet.7.tmp").write_bytes(b"half")
    table = read_parts(tmp_path)
    assert table["id"].tolist() == ["1", "2"]
    assert set(table.columns) == {"id", "x", "y"}
    assert clean_temporary(tmp_path) == 1
    assert read_parts(tmp_path / "none").empty


def test_chunk_counts_are_read_as_row_less_parts_then_removed(tmp_path):
    write_chunk_counts({"said": 4, "unthemed": 1, "unseen_languages": {}}, tmp_path, "00000-000001")
    write_chunk_counts({}, tmp_path, "00000-000002")  # no topics stage: nothing written
    parts = read_chunk_counts(tmp_path)
    assert parts == {
        f"{COUNTS}/00000-000001": {
            "rows_read": 0, "rows": 0, "rejects": 0,
            "said": 4, "unthemed": 1, "unseen_languages": {},
        }
    }  # fmt: skip
    assert not (tmp_path / COUNTS).exists() and read_chunk_counts(tmp_path) == {}
