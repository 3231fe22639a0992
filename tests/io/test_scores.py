"""Score, integer and date parsing: bad values get a reason, never a coerced value."""

from __future__ import annotations

import pandas as pd
import pytest

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


def test_unix_milliseconds_keep_their_milliseconds():
    values, _ = parse_datetime(pd.Series(["1764979200123", "1764979200.5"]))
    assert values.iloc[0] == pd.Timestamp("2025-12-06 00:00:00.123", tz="UTC")
    assert values.iloc[1] == pd.Timestamp("2025-12-06 00:00:00.500", tz="UTC")


def test_decimal_commas_and_no_answer_marks_in_scores():
    values, reasons = parse_score(
        pd.Series(["4,0", "3,00", "4,5", "1,000", "N/A", "-", "n/a", "—"]), "csat"
    )
    assert values.tolist()[:2] == [4, 3]  # a European export's decimal comma
    assert reasons.iloc[2] == "csat is not a whole number: '4,5'"
    assert reasons.iloc[3] == "csat is not a number: '1,000'"  # maybe thousands: not read
    assert values.iloc[4:].isna().all() and reasons.iloc[4:].isna().all()  # no answer


@pytest.mark.parametrize(
    "cell", ["Offered", "Unoffered", "Don't know", "Prefer not to say", "Weiß nicht", "Non so"]
)
def test_a_rating_not_given_is_no_answer_not_a_word_to_number(cell):
    """Zendesk's Offered/Unoffered and survey "Don't know" in a score column: before stop 48
    each was "csat is not a number", with a note to give it a number."""
    values, reasons = parse_score(pd.Series(["4", cell]), "csat")
    assert values.iloc[0] == 4 and pd.isna(values.iloc[1]) and reasons.isna().all()


def test_day_first_dates_with_dots_or_dashes_are_read_slashes_are_not():
    values, reasons = parse_datetime(
        pd.Series(
            ["31.10.2026 14:05", "1-2-2026", "02.11.2026 7:05:09", "10/11/2026", "32.10.2026"]
        )
    )
    assert values.iloc[:3].tolist() == [
        pd.Timestamp("2026-10-31 14:05", tz="UTC"),
        pd.Timestamp("2026-02-01", tz="UTC"),
        pd.Timestamp("2026-11-02 07:05:09", tz="UTC"),
    ]
    assert reasons.iloc[:3].isna().all()
    assert reasons.iloc[3].startswith("created_at is not a date: '10/11/2026'")  # US or EU?
    assert reasons.iloc[4].startswith("created_at is not a date: '32.10.2026'")


def test_slashed_dates_say_which_date_format_to_pass():
    _, reasons = parse_datetime(pd.Series(["10/11/2026", "25/11/2026 09:12", "", "tomorrow"]))
    assert reasons.iloc[0] == (
        "created_at is not a date: '10/11/2026' (day or month first? "
        "'25/11/2026 09:12' is day first: date_format = '%d/%m/%Y' in the mapping's [options])"
    )
    assert reasons.iloc[1].startswith("created_at is not a date: '25/11/2026 09:12' (day or")
    assert pd.isna(reasons.iloc[2]) and "ISO 8601" in reasons.iloc[3]
    _, us = parse_datetime(pd.Series(["3/14/26", "3/4/26"]))
    assert us.str.contains(
        "'3/14/26' is month first: date_format = '%m/%d/%Y' in", regex=False
    ).all()
    _, unknown = parse_datetime(pd.Series(["3/4/2026", "13/4/2026", "4/13/2026"]))
    assert unknown.str.contains(
        "'%d/%m/%Y' (day first) or '%m/%d/%Y' (month first) in", regex=False
    ).all()
    values, given = parse_datetime(pd.Series(["3/4/2026"]), "%d/%m/%Y")
    assert values.iloc[0] == pd.Timestamp("2026-04-03", tz="UTC") and given.isna().all()


def test_year_first_slashed_dates_with_a_twelve_hour_clock_and_offset():
    values, reasons = parse_datetime(
        pd.Series(
            [
                "2026/05/02 6:03:10 PM GMT+2",
                "2026/5/2",
                "2026/05/02 12:30 AM",
                "2026/05/02 13:30 PM",
            ]
        )
    )
    assert values.iloc[:3].tolist() == [
        pd.Timestamp("2026-05-02 16:03:10", tz="UTC"),
        pd.Timestamp("2026-05-02", tz="UTC"),
        pd.Timestamp("2026-05-02 00:30", tz="UTC"),
    ]
    assert reasons.iloc[:3].isna().all()
    assert reasons.iloc[3].startswith("created_at is not a date: '2026/05/02 13:30 PM'")


def test_choice_text_exports_label_the_ends_of_the_scale():
    values, reasons = parse_score(
        pd.Series(
            ["10 - Extremely likely", "0 = Not at all likely", "9 (Promoter)", "9/10", "7", 6]
        ),
        "nps",
    )
    assert values.tolist() == [10, 0, 9, 9, 7, 6] and reasons.isna().all()
    values, reasons = parse_score(pd.Series(["4/5", "Very likely", "11 - Beyond"]), "nps")
    assert values.isna().all()
    assert reasons.tolist() == [
        # out of 5 is not an NPS, and the reason says so
        "nps is out of another scale (4 out of 5; the column is 0-10, nothing rescaled): '4/5'",
        "nps is not a number: 'Very likely'",
        "nps is outside 0-10: '11 - Beyond'",
    ]
    assert parse_score(pd.Series(["4/5", "5 - Very satisfied"]), "csat")[0].tolist() == [4, 5]


def test_dates_with_an_english_month_name_and_a_day():
    values, reasons = parse_datetime(
        pd.Series(
            ["May 1, 2026 10:12 AM", "01-May-2026", "Fri, 01 May 2026 10:00:00 GMT", "May 2026"]
        )
    )
    assert values.iloc[:3].tolist() == [
        pd.Timestamp("2026-05-01 10:12", tz="UTC"),
        pd.Timestamp("2026-05-01", tz="UTC"),
        pd.Timestamp("2026-05-01 10:00", tz="UTC"),
    ]
    assert reasons.iloc[3].startswith("created_at is not a date: 'May 2026'")  # which day?


def test_month_names_of_the_survey_languages():
    values, reasons = parse_datetime(
        pd.Series(["1. Mai 2026", "1 de mayo de 2026", "1er mai 2026 14:05", "3 марта 2026"])
    )
    assert values.tolist() == [
        pd.Timestamp("2026-05-01", tz="UTC"),
        pd.Timestamp("2026-05-01", tz="UTC"),
        pd.Timestamp("2026-05-01 14:05", tz="UTC"),
        pd.Timestamp("2026-03-03", tz="UTC"),
    ]
    assert reasons.isna().all()
    assert parse_datetime(pd.Series(["Mai 2026"]))[1].iloc[0].startswith("created_at is not")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1. Okt. 2026", "2026-10-01"),
        ("3 févr. 2026 10:00", "2026-02-03 10:00"),
        ("12 dic 2026", "2026-12-12"),
        ("5 mag 2026", "2026-05-05"),
        ("9 out. 2026", "2026-10-09"),
        ("15 mrt 2026", "2026-03-15"),
        ("2 iun. 2026", "2026-06-02"),
        ("4 сент. 2026", "2026-09-04"),
        ("3 марта 2026 г.", "2026-03-03"),
        ("7 paź 2026", "2026-10-07"),
        ("3 maja 2026 r.", "2026-05-03"),
    ],
)
def test_abbreviated_month_names_of_the_survey_languages(cell, expected):
    values, reasons = parse_datetime(pd.Series([cell]))
    assert values.iloc[0] == pd.Timestamp(expected, tz="UTC") and reasons.isna().all()


def test_ratings_written_as_stars_are_read():
    cells = pd.Series(["★★★★☆", "⭐⭐⭐", "⭐️⭐️", "★★☆", "☆☆☆☆☆"])
    values, reasons = parse_score(cells, "csat")
    assert values.tolist()[:3] == [4, 3, 2]
    assert reasons.iloc[3] == "csat is not a number: '★★☆'"  # a 3-star scale: not guessed
    assert reasons.iloc[4] == "csat is not a number: '☆☆☆☆☆'"


def test_placeholder_dates_and_numbers_that_are_no_unix_time_are_unreadable_not_a_crash():
    cells = ["9999-12-31", "0001-01-01", "45000", "20261105", "0", "99999999999999999999"]
    values, reasons = parse_datetime(pd.Series([*cells, "1746280010", "2026-01-01"]))
    assert values.iloc[:6].isna().all()  # 9999-12-31 raised OutOfBoundsDatetime: file refused
    assert values.iloc[6] == pd.Timestamp(1746280010, unit="s", tz="UTC")
    assert values.iloc[7] == pd.Timestamp("2026-01-01", tz="UTC")
    assert "a year outside 1678-2261" in reasons.iloc[0]
    assert "an Excel serial day" in reasons.iloc[2]  # 45000 was read as 1970-01-01 12:30


def test_a_cell_with_a_second_number_is_no_labelled_score():
    cells = ["2 - 3", "5 to 6", "9 or 10", "2 (was 5)", "9 ½", "9 - Very likely", "3 out of 10"]
    values, reasons = parse_score(pd.Series(cells), "nps")
    assert values.isna().tolist() == [True] * 5 + [False, False]  # 2 - 3 was read as 2
    assert values.iloc[5:].tolist() == [9, 3]
    assert reasons.iloc[0] == "nps is not a number: '2 - 3'"


def test_a_date_format_without_a_time_reads_the_dates_that_have_one():
    cells = ["11/5/2026 9:03", "11/13/2026", "11/13/2026 10:02:05 PM"]
    values, reasons = parse_datetime(pd.Series(cells), "%m/%d/%Y")  # as the note suggests it
    assert reasons.isna().all()
    assert values.tolist() == [
        pd.Timestamp("2026-11-05 09:03", tz="UTC"),
        pd.Timestamp("2026-11-13", tz="UTC"),
        pd.Timestamp("2026-11-13 22:02:05", tz="UTC"),
    ]


def test_scores_out_of_ten_in_native_or_full_width_digits_are_read():
    """Before, "٩/١٠" and "９/１０" stopped the whole read with pyarrow's ArrowInvalid."""
    values, reasons = parse_score(pd.Series(["٩/١٠", "９/１０", "٧", "١٠ - ممتاز"]), "nps")
    assert values.tolist() == [9, 9, 7, 10] and reasons.isna().all()


def test_invisible_bidi_marks_in_score_cells_are_ignored():
    """Before, "\u200f٩" was rejected as "nps is not a number: '٩'"."""
    values, reasons = parse_score(pd.Series(["\u200f٩", "\u200e9", "\u200f"]), "nps")
    assert values.tolist()[:2] == [9, 9] and pd.isna(values.iloc[2])
    assert reasons.isna().all()


def test_a_score_out_of_another_scales_top_is_said_not_rescaled():
    cells = pd.Series(["4/5", "10/10", "4 stars", "★★★★☆", "4/10"], dtype=object)
    values, reasons = parse_score(cells, "csat")
    assert values.iloc[[0, 2, 3]].tolist() == [4, 4, 4] and values.iloc[[1, 4]].isna().all()
    assert reasons.iat[1] == (
        "csat is out of another scale (10 out of 10; the column is 1-5, nothing rescaled): '10/10'"
    )
    nps, said = parse_score(cells, "nps")
    assert nps.iat[1] == 10 and nps.iat[4] == 4 and pd.isna(nps.iat[0])
    assert said.iat[0].startswith("nps is out of another scale (4 out of 5; the column is 0-10")


def test_dates_and_scores_share_the_cell_helpers_of_io_cells_at_module_top():
    from feedback_nlp.io import cells, dates, scores

    assert dates.is_missing is scores.is_missing is cells.is_missing
    assert dates.NUMBER is cells.NUMBER
