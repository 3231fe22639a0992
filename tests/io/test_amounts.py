"""Money amounts: currency dropped, decimal comma or point read, ambiguous cells named."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.amounts import read_amounts


def _read(cells):
    values, problems = read_amounts(pd.Series(cells, dtype="string"))
    return values.tolist(), problems.tolist()


def test_amounts_with_symbols_codes_and_both_separators():
    cells = ["€49,99", "$1,234.50", "1.299,00 €", "CHF 12.50", "-€5", "1 234,50 EUR", "1'234.50"]
    values, problems = _read(cells)
    assert values == [49.99, 1234.5, 1299.0, 12.5, -5.0, 1234.5, 1234.5]
    assert all(pd.isna(p) for p in problems)


def test_one_separator_before_three_digits_follows_the_column():
    assert _read(["1,234", "9,99"])[0] == [1.234, 9.99]  # the column writes decimal commas
    assert _read(["1,234", "12.50"])[0] == [1234.0, 12.5]  # … or decimal points
    values, problems = _read(["1,234", "7"])
    assert pd.isna(values[0]) and problems[0] == "ambiguous"  # no evidence: not guessed


def test_what_is_not_an_amount_is_unreadable():
    values, problems = _read(["lots", "1,2,3", "12 50", None])
    assert problems[:3] == ["unreadable"] * 3 and pd.isna(problems[3])
    assert all(pd.isna(v) for v in values)
