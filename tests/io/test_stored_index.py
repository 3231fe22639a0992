"""A pandas index stored in a Parquet file, read back as columns."""

import pandas as pd

from feedback_nlp.io.stored_index import unnamed_index_note, with_index_as_columns


def test_stored_index_levels_come_back_as_the_schemas_columns():
    frame = pd.DataFrame({"text": ["a", "b"]}, index=pd.Index(["r1", "r2"], name="id"))
    restored = with_index_as_columns(frame, ["text", "id"])
    assert restored.to_dict("list") == {"text": ["a", "b"], "id": ["r1", "r2"]}
    unnamed = frame.rename_axis(None)
    restored = with_index_as_columns(unnamed, ["text", "__index_level_0__"])
    assert restored["__index_level_0__"].tolist() == ["r1", "r2"]


def test_an_index_that_is_no_stored_column_is_dropped():
    frame = pd.DataFrame({"text": ["a", "b"]}, index=[5, 6])
    assert list(with_index_as_columns(frame, ["text"]).columns) == ["text"]
    assert list(with_index_as_columns(frame, ["text", "other"]).columns) == ["text"]
    assert with_index_as_columns(frame, []).index.tolist() == [0, 1]


def test_the_note_names_an_unnamed_index_not_mapped():
    columns = ["text", "__index_level_0__"]
    assert 'response_id = "__index_level_0__"' in unnamed_index_note(columns, set())
    assert unnamed_index_note(columns, {"__index_level_0__"}) is None
