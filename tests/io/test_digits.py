"""Number cells in other scripts' digits or with invisible marks, made plain."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.digits import plain_digits, plain_number_text


def test_native_and_full_width_digits_become_ascii():
    assert plain_number_text("٩/١٠") == "9/10"  # Arabic-Indic
    assert plain_number_text("９／１０") == "9/10"  # full-width digits and slash
    assert plain_number_text("۷") == "7"  # Persian
    assert plain_number_text("९") == "9"  # Devanagari


def test_invisible_marks_are_taken_out():
    assert plain_number_text("\u200f٩") == "9"
    assert plain_number_text("\u200e9\u200e") == "9"


def test_ascii_cells_and_numbers_stay_as_they_are():
    cells = pd.Series(["9", None, "x"], dtype=object)
    assert plain_digits(cells) is cells
    assert plain_digits(pd.Series(["★★★★☆", "9 ½"])).tolist() == ["★★★★☆", "9 1⁄2"]
    numbers = pd.Series([1, 2])
    assert plain_digits(numbers) is numbers
    mixed = plain_digits(pd.Series(["٣", "4", None], dtype=object))
    assert mixed.tolist()[:2] == ["3", "4"] and mixed.iloc[2] is None
