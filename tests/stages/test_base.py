from typing import ClassVar

import numpy as np
import pandas as pd
import pytest

from feedback_nlp.errors import SchemaError
from feedback_nlp.stages.base import Batch, Stage, check_chain


class Length(Stage):
    """A real, minimal stage: the length of each text."""

    name = "test-length"
    requires = ("text",)
    produces = ("n_chars",)
    produces_arrays: ClassVar[tuple[str, ...]] = ("lengths",)

    def __init__(self, scale: int = 1) -> None:
        self.scale = scale

    def _compute(self, batch):
        lengths = batch.table["text"].fillna("").str.len() * self.scale
        return pd.DataFrame({"n_chars": lengths}), {"lengths": lengths.to_numpy()}


class Shuffler(Stage):
    name = "test-shuffler"
    produces = ("x",)

    def _compute(self, batch):
        return pd.DataFrame({"x": 1}, index=batch.table.index[::-1]), {}


def table() -> pd.DataFrame:
    return pd.DataFrame({"response_id": ["a", "b"], "text": ["hi", "hello"]}, index=[10, 20])


def test_transform_adds_columns_and_arrays_without_mutating_input():
    original = table()
    before = original.copy()
    out = Length(scale=2).transform(Batch(original))
    pd.testing.assert_frame_equal(original, before)
    assert out.table["n_chars"].tolist() == [4, 10]
    assert list(out.table.index) == [10, 20]
    np.testing.assert_array_equal(out.arrays["lengths"], [4, 10])


def test_call_on_a_plain_frame():
    assert Length()(table())["n_chars"].tolist() == [2, 5]


def test_missing_input_column_is_named():
    with pytest.raises(SchemaError, match=r"stage 'test-length' needs the column\(s\) \['text'\]"):
        Length().transform(Batch(table().drop(columns="text")))


def test_reordered_rows_are_refused():
    with pytest.raises(SchemaError, match="changed the rows or their order"):
        Shuffler().transform(Batch(table()))


def test_misaligned_array_is_refused():
    with pytest.raises(SchemaError, match="array 'e' has 1 rows but the table has 2"):
        Batch(table(), {"e": np.zeros((1, 3))})


def test_config_is_the_init_arguments():
    assert Length(scale=3).get_config() == {"scale": 3}
    assert repr(Length(scale=3)) == "Length(scale=3)"


def test_chain_check_names_the_gap():
    class NeedsLang(Stage):
        name = "needs-lang"
        requires = ("lang",)

    with pytest.raises(SchemaError, match=r"stage 'needs-lang' needs \['lang'\]"):
        check_chain([Length(), NeedsLang()])
    check_chain([Length()])
