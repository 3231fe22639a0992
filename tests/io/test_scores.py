"""Score, integer and date parsing: bad values get a reason, never a coerced value."""

from __future__ import annotations

import pandas as pd

from feedback_nlp.io.scores import parse_datetime, parse_score


def test_parse_score_values_and_reasons():
    values, reasons = parse_score(
        pd.Series(["9", " 10 ", "9.0", "", None, "11", "x", "2.5"]), "nps"
    )
    assert values.tolist()[:3] == [9, 10, 9]
    assert values.iloc[3:].isna().all()
    assert reasons.iloc[:5].isna().all()
    assert reasons.iloc[5:].tolist() == [
        "nps is outside 0-10: '11'",
        "nps is not a number: 'x'",
        "nps is not a whole number: '2.5'",
    ]


def test_parse_datetime_iso_unix_and_naive_as_utc():
    values, reasons = parse_datetime(
        pd.Series(["2026-05-03 14:22:05", "2026-05-03T16:22:05+02:00", "1746280010", "tomorrow"])
    )
    assert values.iloc[0] == values.iloc[1] == pd.Timestamp("2026-05-03 14:22:05", tz="UTC")
    assert values.iloc[2] == pd.Timestamp(1746280010, unit="s", tz="UTC")
    assert reasons.iloc[3].startswith("created_at is not a date: 'tomorrow'")
    assert reasons.iloc[:3].isna().all()
