"""Plain words for the report: column names, number formats and what every metric means.

The HTML and Markdown report show tables with the names below; the workbook keeps the
technical names of the tidy tables (`impact_ci_low`, `units`, …) so analysts can join them.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

from feedback_nlp.score_scales import ScoreScales
from feedback_nlp.scores import SMALL_N

#: Technical column name → the heading people read in the report.
PLAIN_NAMES = {
    "theme_label": "Theme",
    "category": "Category",
    "comments": "Comments",
    "units": "Customers",
    "share_of_units": "Share of customers",
    "metric_with": "Score of these customers",
    "impact": "Impact (points)",
    "impact_range": "95 % range",
    "event_rate": "Share with a bad score",
    "lift": "× the average",
    "significant": "Clear effect?",
    "negative_share": "Negative comments",
    "touchpoint": "Touchpoint",
    "journey_stage": "Journey stage",
    "channel": "Channel",
    "lang": "Language",
    "period": "Month",
    "share": "Share of the month's customers",
    "baseline_share": "Share before",
    "label": "Theme",
    "size": "Comments",
    "value": "Value",
    "n": "Customers counted",
}

#: Score → how its headline metric reads.
SCORE_NAMES = {
    "nps": "NPS",
    "csat": "CSAT",
    "ces": "CES",
}

#: Headline metric shown for each score.
HEADLINE_METRICS = {"nps": "nps", "csat": "csat_satisfied_share", "ces": "ces_low_effort_share"}


def headline_meaning(score: str, scales: ScoreScales) -> str:
    """The sentence that explains a score's headline metric, on the survey's scales."""
    if score == "nps":
        return "Net Promoter Score: % promoters (9–10) minus % detractors (0–6)"
    answers = _answers_counted(score, scales)
    what = "satisfied" if score == "csat" else "who found it easy"
    return f"% {what} ({answers} scale)"


def _answers_counted(score: str, scales: ScoreScales) -> str:
    """'4–5 on a 1–5': the answers of `score` that count, on its scale."""
    low, high = scales.range_of(score)
    counted = scales.counted(score) or (low, high)
    return f"{counted[0]}–{counted[1]} on a {low}–{high}"


#: Language codes the report names in words (others stay as their code).
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hu": "Hungarian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "und": "Undetermined",
}

#: What every metric in the report means (the methods section and the workbook's glossary;
#: `glossary` puts the CSAT and CES entries on the survey's scales).
GLOSSARY = {
    "Customer": (
        "the unit a score belongs to: a respondent, a chat conversation or a survey response, "
        "counted once in every group, whatever number of comments they wrote. Where some "
        "respondent's answers differ (repeated surveys), every response counts, for every "
        "respondent; otherwise a respondent whose score was repeated onto several comments "
        "counts once."
    ),
    "NPS": (
        "Net Promoter Score, −100 to +100: % promoters (9–10) minus % detractors (0–6). "
        "Its 95 % range is the adjusted Wald interval."
    ),
    "CSAT": "% of customers satisfied ({answers} scale), with a Wilson 95 % range.",
    "CES": "% of customers for whom it was easy ({answers} scale), with a Wilson 95 % range.",
    "Impact (points)": (
        "the score of all customers minus the score of the customers without the theme: what "
        "the score would gain if these customers scored like the rest. Negative = the theme "
        "costs points."
    ),
    "Impact on the mean": (
        "the mean score (CSAT or CES) of all customers minus the mean of the customers without "
        "the theme: how much the mean would gain if these customers scored like the rest."
    ),
    "95 % range": (
        "the 95 % confidence interval: with the same process the true value lies in it 95 times "
        "out of 100. A range that crosses 0 is no clear effect."
    ),
    "Clear effect?": (
        "yes when the theme's 95 % range does not cross 0 and its bad-score rate differs from "
        "the rest after a correction for testing many themes at once (Benjamini–Hochberg q < "
        "0.05). The chart colours and the summary's costliest themes follow the same rule."
    ),
    "× the average": (
        "how many times more often the theme's customers give a bad score (detractors for "
        "NPS) than customers overall."
    ),
    "Negative comments": (
        "% of the comments whose sentiment, read on the whole comment, is negative; for a "
        "theme, of the comments that raise it."
    ),
    "Negative mentions": (
        "% of a theme's mentions read as negative: the sentiment of the part of the comment "
        "that raises the theme (a sentence or clause), the whole comment's when the whole "
        "comment raises it. 'Lovely staff, but we waited an hour' is a positive mention of "
        "the staff in a negative comment."
    ),
    "Grew": (
        "a theme's share of a month's customers is above its share in all earlier months, "
        "and the difference passes a one-sided Fisher test after the same correction."
    ),
    "Key driver": (
        "an odds ratio from a regularised logistic regression of being a detractor on themes, "
        "negative sentiment per theme, emotions and touchpoints, with a bootstrap 95 % range. "
        "Above 1: a bad score is more likely with the signal, the others held fixed; a "
        "range that crosses 1 has no clear direction. These are associations in the data, "
        "not proven causes."
    ),
    "Too few": f"fewer than {SMALL_N} customers: shown, but not ranked and not to be relied upon.",
}


def glossary(scales: ScoreScales) -> dict[str, str]:
    """What every metric in the report means, CSAT and CES on the survey's scales."""
    return {
        term: text.format(answers=_answers_counted(term.lower(), scales))
        if term in ("CSAT", "CES")
        else text
        for term, text in GLOSSARY.items()
    }


def plain_columns(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with its technical column names replaced by plain ones where known."""
    return table.rename(columns={c: PLAIN_NAMES.get(c, c) for c in table.columns})


def language_name(code: object) -> str:
    """`fr` → French, `th` → Thai (ISO 639 names from pycountry beyond LANGUAGE_NAMES, without
    their qualifiers: "Swahili (macrolanguage)" → Swahili); unknown codes stay as they are."""
    missing = code is None or (isinstance(code, float) and math.isnan(code)) or code is pd.NA
    text = "und" if missing or str(code) in ("", "<NA>", "nan") else str(code)
    return LANGUAGE_NAMES.get(text) or _iso_name(text) or text


def quote_tags(lang: object, group: str, question: str) -> list[str]:
    """The words shown beside a quote: its language (none when it is not known), its group
    unless "all", and the question it answers ("to “…”")."""
    name = language_name(lang)
    tags = [] if name == LANGUAGE_NAMES["und"] else [name]
    if group and group != "all":
        tags.append(group)
    if question:
        tags.append(f"to “{question}”")
    return tags


@lru_cache(maxsize=256)
def _iso_name(code: str) -> str | None:
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return None
    return re.split(r"\s*[(;,]", str(found.name), maxsplit=1)[0] or None


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' NA."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def signed(value: object, digits: int = 1) -> str:
    """`-7.6` → `−7.6`, `3` → `+3.0`, `-0.01` → `0.0`; empty for missing values."""
    if is_missing(value):
        return ""
    if round(float(value), digits) == 0:  # no "−0.0" or "+0.0"
        return f"{0.0:.{digits}f}"
    text = f"{float(value):+.{digits}f}"
    return text.replace("-", "−")


def number(value: object, digits: int = 1) -> str:
    """A rounded number with thousands separators; empty for missing values."""
    if is_missing(value):
        return ""
    value = float(value)
    if value.is_integer() and digits >= 0 and abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}".replace("-", "−")


def count(value: object) -> str:
    """An integer count with thousands separators."""
    return "" if is_missing(value) else f"{int(value):,}"


def counted(value: int, noun: str) -> str:
    """A count and its noun, singular for one: "1 row", "1,204 rows"."""
    return f"{count(value)} {noun}{'' if value == 1 else 's'}"


def counted_units(value: int, units: str, described: object = None) -> str:
    """A count and its noun (`unit_noun`), singular for one: "1 respondent"; a mix of kinds
    counts units, broken down when `described` (``unit_of_analysis``) adds up to `value`:
    "90 units: 60 responses and 30 respondents", not "90 responses and respondents"."""
    noun = count_noun(units)
    if noun != units:
        kinds = _kind_counts(described)
        if len(kinds) > 1 and sum(n for n, _ in kinds) == value:
            return f"{count(value)} units: {_and_list([counted(n, k) for n, k in kinds])}"
    if value != 1:
        return f"{count(value)} {noun}"
    return f"1 {noun.removesuffix('s')}"


def count_noun(units: str) -> str:
    """The noun beside a count of `units` (`unit_noun`): `units` for a mix of kinds
    ("42 units", not "42 responses and respondents"), else the noun itself."""
    return "units" if " and " in units else units


def _kind_counts(described: object) -> list[tuple[int, str]]:
    """'60 responses, 30 respondents' → [(60, 'response'), (30, 'respondent')]; [] when a
    part is not a count and its noun."""
    if not isinstance(described, str):
        return []
    kinds = []
    for part in described.split(","):
        number_text, _, noun = part.strip().partition(" ")
        if not number_text.isdigit() or not noun:
            return []
        kinds.append((int(number_text), noun.removesuffix("s")))
    return kinds


def _and_list(words: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 2 else words)


def percent(value: object, digits: int = 0) -> str:
    """`38.7` (already a percentage) → `39 %`."""
    return "" if is_missing(value) else f"{float(value):.{digits}f} %"


def interval(low: object, high: object, digits: int = 1, sign: bool = True) -> str:
    """`−10.9 to −4.4`."""
    if is_missing(low) or is_missing(high):
        return ""
    show = signed if sign else number
    return f"{show(low, digits)} to {show(high, digits)}"


def unit_noun(description: object, default: str = "customers") -> str:
    """What an analysis counts, from a table's ``unit_of_analysis`` ('470 responses, 90
    conversations' → 'responses and conversations'; '383 customers' → 'customers'; '327
    respondents, 66 responses' → 'respondents and responses': the 393 are neither 393
    respondents nor 393 responses)."""
    if not isinstance(description, str) or not description:
        return default
    words = [part.strip().split(" ", 1)[-1] for part in description.split(",")]
    return _and_list([w if w.endswith("s") else f"{w}s" for w in words])


def not_comments(units: str) -> str:
    """ ", not comments" after a unit noun that is not comments ("" for comments)."""
    return "" if units == "comments" else ", not comments"


def units_of(table: pd.DataFrame | None, default: str = "customers") -> str:
    """unit_noun of a tidy table's ``unit_of_analysis`` column (default when absent)."""
    if table is None or "unit_of_analysis" not in table or not len(table):
        return default
    return unit_noun(table["unit_of_analysis"].iloc[0], default)
