"""Parse date columns without coercing: ISO 8601, day-first, year-first and month-name dates
to UTC; unreadable ones are reported with a hint, never guessed."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from feedback_nlp.io.cells import NUMBER, is_missing

#: Day-first dates with dots or dashes, optional hours:minutes[:seconds].
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:[ T,]+(\d{1,2}:\d{2})(?::(\d{2}))?)?$"
)
#: Year-first slashed dates (Google Forms, East Asian locales): ``2026/05/01 10:12:44 AM GMT+2``.
_YEAR_FIRST = re.compile(
    r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?"
    r"(?:\s*(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?)?$"
)
#: An English month name (full or three letters) and a four-digit year in one cell.
_MONTH_NAMED = re.compile(
    r"(?=.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)(?=.*\b\d{4}\b)"
)
#: Month names of the toolkit's other languages (de fr es it pt nl ro ru pl), as dates write
#: them (Russian and Polish in the genitive), with their English names.
FOREIGN_MONTHS = {
    name: english
    for english, names in {
        "January": "januar janvier enero gennaio janeiro januari ianuarie января stycznia",
        "February": "februar février fevrier febrero febbraio fevereiro februari februarie "
        "февраля lutego",
        "March": "märz maerz mars marzo março marco maart martie марта marca",
        "April": "avril abril aprile aprilie апреля kwietnia",
        "May": "mai mayo maggio maio mei мая maja",
        "June": "juni juin junio giugno junho iunie июня czerwca",
        "July": "juli juillet julio luglio julho iulie июля lipca",
        "August": "août aout agosto augustus august augusta августа sierpnia",
        "September": "septembre septiembre settembre setembro septembrie сентября września",
        "October": "oktober octobre octubre ottobre outubro octombrie октября października",
        "November": "novembre noviembre novembro noiembrie ноября listopada",
        "December": "dezember décembre decembre diciembre dicembre dezembro decembrie "
        "декабря grudnia",
    }.items()
    for name in names.split()
} | {  # their abbreviations where English has another ("Okt.", "févr.", "dic", "окт.")
    name: english
    for english, names in {
        "January": "janv ene gen ian янв sty",
        "February": "févr fevr fev февр фев lut",
        "March": "mär mrz mrt мар",
        "April": "avr abr апр kwi",
        "May": "mag maj",
        "June": "juin giu iun июн cze",
        "July": "juil lug iul июл lip",
        "August": "ago авг sie",
        "September": "set сент сен wrz",
        "October": "okt ott out окт paź",
        "November": "нояб ноя lis",
        "December": "déc dez dic дек gru",
    }.items()
    for name in names.split()
}
_FOREIGN_MONTH = re.compile(
    r"(?i)(?<!\w)(?:"
    + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True))
    + r"|de|del|1er|г|r)(?:\.|(?!\w))"
)
#: Slashed dates (``10/11/2026 09:12``): day or month first, which the text cannot tell.
SLASHED_HINT = "day or month first? "
_OPTION = "date_format = {} in the mapping's [options]"
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
#: Unix times read as dates, in milliseconds: 2001-09-09 to 2286-11-20 (smaller numbers are
#: Excel serial days, 20261105, a year or 0 more often than a time before 2001).
UNIX_MILLIS = (1e12, 1e13 - 1)


def parse_datetime(
    series: pd.Series, date_format: str | None = None
) -> tuple[pd.Series, pd.Series]:
    """Parse dates to UTC; naive times are taken as UTC, numbers as unix seconds (or ms) from
    2001 on (`UNIX_MILLIS`), a year outside pandas' range (9999-12-31) as no date.

    Strings must be ISO 8601 (``2026-05-03 14:22:05``, ``2026-06-01T09:12:00Z``), day first
    with dots or dashes (``03.05.2026 14:22``), year first with slashes (``2026/05/03 2:22:05
    PM GMT+2``), with an English month name, a day and a four-digit year (``May 3, 2026``), or
    match `date_format` (strptime syntax).
    Unreadable dates are reported, never guessed.
    """

    missing = is_missing(series)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        values = (
            series if isinstance(series.dtype, pd.DatetimeTZDtype) else series.dt.tz_localize("UTC")
        )
        values = values.dt.tz_convert("UTC")
        return values, pd.Series(pd.NA, index=series.index, dtype="string")
    text = series.astype("string").str.strip()
    numeric = text.str.fullmatch(NUMBER.pattern).fillna(False).astype(bool) & ~missing
    values = pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns, UTC]")
    unix = pd.Series(False, index=series.index)
    if numeric.any():
        number = text[numeric].astype(float)  # Unix seconds, or milliseconds from 1e11 on
        millis = number.where(number.abs() >= 1e11, number * 1000.0).round()
        unix[numeric] = millis.between(UNIX_MILLIS[0], UNIX_MILLIS[1])
        values[unix] = pd.to_datetime(millis[unix[numeric]], unit="ms", utc=True)
    years = text.str.extract(r"(?<!\d)(\d{4})(?!\d)")[0].astype("Float64")
    beyond = ~numeric & ~missing & ((years < 1678) | (years > 2261)).fillna(False)
    strings = ~numeric & ~missing & ~beyond  # "9999-12-31", "0001-01-01": no date at all
    if strings.any():
        values[strings] = pd.to_datetime(text[strings], format="ISO8601", utc=True, errors="coerce")
        retry = strings & values.isna()
        if retry.any():
            values[retry] = _day_first(text[retry])
        retry = strings & values.isna()
        if retry.any():
            values[retry] = _year_first(text[retry])
        retry = strings & values.isna()
        if retry.any():
            values[retry] = _month_named(text[retry])
        for form in _with_times(date_format) if date_format else ():
            retry = strings & values.isna()  # "11/5/2026 9:03" under date_format '%m/%d/%Y'
            if retry.any():
                values[retry] = pd.to_datetime(text[retry], format=form, utc=True, errors="coerce")
    reasons = pd.Series(pd.NA, index=series.index, dtype="string")
    unreadable = ~missing & values.isna()
    expected = date_format or "ISO 8601 like 2026-05-03 14:22:05, or 03.05.2026 14:22"
    reasons[unreadable] = (
        "created_at is not a date: '"
        + series.astype("string")[unreadable]
        + f"' (expected {expected})"
    )
    reasons[numeric & ~unix] = (
        "created_at is not a date: '"
        + series.astype("string")[numeric & ~unix]
        + "' (a number is read as Unix time, seconds or milliseconds since 1970, from 2001 "
        "to 2286: an Excel serial day or 20261105? export the dates as text)"
    )
    reasons[beyond] = (
        "created_at is not a date: '"
        + series.astype("string")[beyond]
        + "' (a year outside 1678-2261: a placeholder for no date? leave the cell empty)"
    )
    slashed = unreadable.copy()
    slashed[unreadable] = text[unreadable].str.extract(_SLASHED.pattern)[0].notna()
    if slashed.any() and not date_format:
        reasons[slashed] = (
            "created_at is not a date: '"
            + series.astype("string")[slashed]
            + f"' ({SLASHED_HINT}{slashed_order_hint(text[slashed])})"
        )
    return values, reasons


def _with_times(date_format: str) -> list[str]:
    """`date_format`, then with the times exports put after a date, when it has no time."""
    if "%H" in date_format or "%I" in date_format:
        return [date_format]
    times = (" %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p")
    return [date_format, *(date_format + time for time in times)]


def date_order_note(column: str, reasons: pd.Series) -> str | None:
    """The note naming the `date_format` a column of slashed dates needs (None: not such)."""
    hinted = reasons.dropna()
    hinted = hinted[hinted.str.contains(SLASHED_HINT, regex=False)]
    if hinted.empty:
        return None
    hint = hinted.iloc[0].partition(SLASHED_HINT)[2].rstrip(")")
    return f"column '{column}': slashed dates, {SLASHED_HINT}{hint}"


def slashed_order_hint(text: pd.Series) -> str:
    """What to pass for slashed dates, from what the values show: a first number above 12
    means day first, a second one above 12 month first; both or neither, no evidence."""
    parts = text.str.extract(_SLASHED.pattern)
    day_first = text[parts[0].astype(float) > 12]
    month_first = text[parts[1].astype(float) > 12]
    if len(day_first) and not len(month_first):
        return f"'{day_first.iloc[0]}' is day first: {_OPTION.format(repr('%d/%m/%Y'))}"
    if len(month_first) and not len(day_first):
        return f"'{month_first.iloc[0]}' is month first: {_OPTION.format(repr('%m/%d/%Y'))}"
    return _OPTION.format("'%d/%m/%Y' (day first) or '%m/%d/%Y' (month first)")


def _day_first(text: pd.Series) -> pd.Series:
    """Dates written day first with dots or dashes and a four-digit year (``31.10.2026``,
    ``31-10-2026 14:05``: German, Dutch, Russian… exports), to UTC; NaT for anything else.
    Slashed dates are not read: 10/11/2026 is a different day in the US."""
    found = text.str.extract(_DAY_FIRST.pattern)
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns, UTC]")
    matched = found[0].notna()
    if matched.any():
        parts = found[matched]
        iso = (
            parts[2] + "-" + parts[1].str.zfill(2) + "-" + parts[0].str.zfill(2)
            + " " + parts[3].fillna("00:00").str.zfill(5) + ":" + parts[4].fillna("00")
        )  # fmt: skip
        values[matched] = pd.to_datetime(iso, format="%Y-%m-%d %H:%M:%S", utc=True, errors="coerce")
    return values


def _month_named(text: pd.Series) -> pd.Series:
    """Dates whose month is a name and whose year has four digits ("May 1, 2026 10:12 AM",
    "01-May-2026", "Fri, 01 May 2026 10:00:00 GMT", "1. Mai 2026", "1 de mayo de 2026",
    "1 мая 2026"): unambiguous, read one by one with dateutil after month names of the
    toolkit's other languages are put in English; NaT for anything else."""
    text = text.str.replace(_FOREIGN_MONTH, _in_english, regex=True)
    named = text.str.contains(_MONTH_NAMED.pattern, case=False, regex=True).fillna(False)
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns, UTC]")
    if named.any():
        read = [_parse_named(value) for value in text[named]]
        values[named] = pd.to_datetime(pd.Series(read, index=text[named].index), utc=True)
    return values


def _in_english(match: re.Match[str]) -> str:
    """A month name of another language (or the "de" around it, or a French "1er") in the
    English dateutil reads."""
    word = match.group(0).lower().rstrip(".")
    if word in ("de", "del", "г", "r"):  # "1 de mayo de 2026", "3 марта 2026 г.", "3 maja 2026 r."
        return " "
    if word == "1er":
        return "1"
    return FOREIGN_MONTHS[word]


def _parse_named(value: str) -> pd.Timestamp | None:
    """`value` read by dateutil when it names its day, month and year (two different defaults
    for the missing parts give the same date), else None."""
    from datetime import datetime

    from dateutil import parser

    try:
        first, second = (parser.parse(value, default=datetime(2000, m, m)) for m in (1, 2))
    except (ValueError, OverflowError):
        return None
    if first != second:
        return None
    parsed = pd.Timestamp(first)
    return parsed.tz_localize("UTC") if parsed.tzinfo is None else parsed.tz_convert("UTC")


def _year_first(text: pd.Series) -> pd.Series:
    """Year-first slashed dates with an optional 12-hour clock and GMT offset, to UTC; NaT
    for anything else (an hour outside 1-12 beside AM/PM too)."""
    found = text.astype(object).str.extract(_YEAR_FIRST.pattern)
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns, UTC]")
    parts = found[found[0].notna()].fillna("")
    if parts.empty:
        return values
    clock = parts[3].replace("", "0").astype(int).to_numpy()
    meridiem = parts[6].str.lower().to_numpy()
    hour = np.where(meridiem == "", clock, clock % 12 + np.where(meridiem == "pm", 12, 0))
    offset = parts[7].replace("", "+") + parts[8].replace("", "0").str.zfill(2)
    iso = (
        parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2)
        + "T" + pd.Series(hour, index=parts.index).astype(str).str.zfill(2)
        + ":" + parts[4].replace("", "00") + ":" + parts[5].replace("", "00")
        + offset + ":" + parts[9].replace("", "00")
    )  # fmt: skip
    iso[(meridiem != "") & ((clock < 1) | (clock > 12))] = None
    values[parts.index] = pd.to_datetime(iso, format="ISO8601", utc=True, errors="coerce")
    return values
