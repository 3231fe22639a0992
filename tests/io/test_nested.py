"""Cells holding several values: JSON text with every string inside transformed."""

import numpy as np
import pandas as pd

from feedback_nlp.io.nested import nested_text, strings_mapped


def test_nested_cells_become_json_with_their_strings_transformed():
    cell = {"to": np.array(["a@x.org", "b"], dtype=object), "n": np.int64(2), "raw": b"\xc3\xa9"}
    assert nested_text(cell, str.upper) == '{"TO": ["A@X.ORG", "B"], "N": 2, "RAW": "É"}'
    assert nested_text(b"caf\xc3\xa9 \xff") == "café \ufffd"


def test_a_column_keeps_its_type_unless_a_cell_is_nested():
    texts = pd.Series(["a", None], dtype="string")
    assert strings_mapped(texts, str.upper).dtype == texts.dtype
    mixed = pd.Series(["a", ["b"], None], dtype=object)
    mapped = strings_mapped(mixed, str.upper)
    assert str(mapped.dtype) == "string" and mapped.tolist()[:2] == ["A", '["B"]']
    assert pd.isna(mapped.iloc[2])


def test_keys_are_redacted_and_keys_made_equal_keep_their_items():
    def hide_mail(text: str) -> str:
        return "[email]" if "@" in text else text

    cell = {"ann@shop.test": 3, "bob@shop.test": 5, 7: "x@y.test"}
    assert nested_text(cell, hide_mail) == '{"[email]": 3, "[email] (2)": 5, "7": "[email]"}'
