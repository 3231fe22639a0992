"""Money amounts in a numeric column: "€49,99", "$1,234.50", "1.299,00 €", "CHF 12.50".

A currency symbol or code before or after the number is dropped. With two kinds of
separator, the last one is the decimal mark ("1.299,00" is 1299); with one kind, a separator
followed by other than three digits is the decimal mark ("49,99"), and repeated ones with
three-digit groups are thousands ("1,234,567"). One separator followed by three digits
("1,234", "1.234") is decided by the column: the decimal mark its other cells show. Without
such evidence "1.234" is read as a plain number (1.234, as before) and "1,234" is not read.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_SYMBOLS = "$€£¥₹₽₩₺₪₫₴₦₱฿₡₲₵₸₼₾¢"
_CURRENCY = rf"(?:[A-Z]{{3}}|US\$|R\$|kr|zł|Kč|Ft|[{_SYMBOLS}])"
#: Sign, currency, number, currency: the number's digits and separators in group 'body'.
_AMOUNT = re.compile(
    rf"^(?P<sign>[-+])?\s*{_CURRENCY}?\s*(?P<sign2>[-+])?\s*"
    r"(?P<body>\d[\d.,'’\s\u00a0\u202f]*\d|\d)\s*" + rf"{_CURRENCY}?\.?$"
)
#: Thousands in groups of three, one separator throughout ("1,234,567", "1 234", "1'234").
_GROUPS = re.compile(r"^\d{1,3}(?P<sep>[.,'’ \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*$")


def read_amounts(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(float value per cell, NaN where unread; "ambiguous" / "unreadable" / NA per cell)."""
    found = text.map(_match, na_action="ignore")
    marks = set(found.dropna().map(lambda m: _decimal_mark(m.group("body"))).dropna()) - {"?"}
    column_mark = marks.pop() if len(marks) == 1 else None
    values = pd.Series(np.nan, index=text.index, dtype=float)
    problems = pd.Series(pd.NA, index=text.index, dtype="string")
    for position, (cell, match) in enumerate(zip(text, found, strict=True)):
        if pd.isna(cell):
            continue
        value = "unreadable" if pd.isna(match) else _amount(match, column_mark)
        if isinstance(value, float):
            values.iat[position] = value
        else:
            problems.iat[position] = value
    return values, problems


def _match(cell: str) -> re.Match[str] | None:
    return _AMOUNT.match(cell.strip())


def _decimal_mark(body: str) -> str | None:
    """The decimal mark an amount's digits show: "," or ".", "?" when they cannot tell
    ("1,234"), None for none ("1234", "1 234")."""
    separators = [c for c in body if c in ".,"]
    if not separators:
        return None
    if len(set(separators)) == 2:
        return separators[-1]
    if len(separators) > 1:  # "1.234.567": thousands points, so a decimal comma
        return "," if separators[0] == "." else "."
    whole, _, fraction = body.rpartition(separators[0])
    return "?" if len(fraction) == 3 and len(whole) <= 3 else separators[0]


def _amount(match: re.Match[str], column_mark: str | None) -> float | str:
    """The amount of one matched cell, or why it is not read ("ambiguous", "unreadable")."""
    body = match.group("body")
    mark = _decimal_mark(body)
    if mark == "?":
        mark = column_mark or ("." if "." in body else None)  # "1.234": a plain number
        if mark is None:
            return "ambiguous"
    whole, fraction = body.rpartition(mark)[::2] if mark and mark in body else (body, "0")
    if not (whole.isdigit() or _GROUPS.match(whole)) or not fraction.isdigit():
        return "unreadable"
    negative = "-" in (match.group("sign") or "") + (match.group("sign2") or "")
    value = float(re.sub(r"\D", "", whole) + "." + fraction)
    return -value if negative else value
