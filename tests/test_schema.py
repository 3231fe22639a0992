import pandas as pd
import pytest

from feedback_nlp import schema
from feedback_nlp.errors import SchemaError


def valid_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": pd.Series(["a", "b"], dtype="string"),
            "text": pd.Series(["great", ""], dtype="string"),
            "created_at": pd.to_datetime(["2026-01-01", "2026-02-01"], utc=True),
            "journey_stage": pd.Series(["purchase", None], dtype="string"),
            "nps": pd.Series([10, None], dtype="Int64"),
            "csat": pd.Series([5, 1], dtype="Int64"),
            "my_extra": [1, 2],
        }
    )


def test_valid_table_passes_unchanged():
    table = valid_table()
    assert schema.validate(table) is table
    assert schema.validation_problems(table) == []


def test_missing_required_column_is_named():
    with pytest.raises(SchemaError, match="required column 'text' is missing"):
        schema.validate(valid_table().drop(columns="text"))


def test_duplicate_ids_are_reported():
    table = valid_table()
    table["response_id"] = pd.Series(["a", "a"], dtype="string")
    with pytest.raises(SchemaError, match="response_id is not unique: 'a'"):
        schema.validate(table)


def test_score_out_of_range_is_reported_not_clipped():
    table = valid_table()
    table["nps"] = pd.Series([11, 3], dtype="Int64")
    problems = schema.validation_problems(table)
    assert len(problems) == 1
    assert problems[0].startswith("column 'nps' has 1 value(s) outside 0-10, first at row 0")
    assert table["nps"].tolist() == [11, 3]


def test_wrong_dtype_and_closed_label_set():
    table = valid_table()
    table["created_at"] = ["2026-01-01", "2026-02-01"]
    table["journey_stage_canonical"] = pd.Series(["purchase", "loyalty"], dtype="string")
    problems = schema.validation_problems(table)
    assert any("'created_at' has dtype" in p for p in problems)
    assert any("'journey_stage_canonical'" in p and "'loyalty'" in p for p in problems)


def test_open_label_sets_accept_new_values():
    table = valid_table()
    table["channel"] = pd.Series(["survey", "community"], dtype="string")
    assert schema.validation_problems(table) == []


def test_list_cells_round_trip():
    assert schema.split_list(schema.join_list([3, 7])) == ["3", "7"]
    assert schema.split_list(None) == []
    assert schema.split_list(float("nan")) == []
    assert schema.split_list(pd.NA) == []


def test_require_names_missing_and_who_needs_it():
    with pytest.raises(SchemaError, match=r"stage 'x' needs the column\(s\) \['lang'\]") as made:
        schema.require(valid_table(), ["text", "lang"], by="stage 'x'")
    assert "run the stage that produces them first (the table has [" in str(made.value)
    with pytest.raises(SchemaError, match=r"they come from the input data") as given:
        schema.require(valid_table(), ["touchpoint"], by="pain_point_matrix")
    assert "the table has" not in str(given.value)


def test_empty_tables_follow_schema():
    assert schema.validation_problems(schema.empty_table(["nps"])) == []
    assert list(schema.empty_rejects().columns) == list(schema.REJECT_COLUMNS)


def test_describe_schema_lists_every_column():
    described = schema.describe_schema()
    assert set(described["column"]) == set(schema.COLUMNS)
    assert described.loc[described["column"] == "response_id", "required"].item()
