"""The two negative shares of a theme the report shows side by side, and what each counts.

"Negative mentions" reads the part of a comment that raises the theme (the theme table's
`negative_share`, from `theme_mentions.sentiment`); "Negative comments" reads the whole
comments that raise it (the `segments` table's `negative_share` of the theme, the measure of
"What the negative comments raise"). They differ when a comment states the theme plainly and
complains elsewhere ("I sent the item back." in a furious comment: 0 % of mentions, 100 % of
comments), or complains about the theme inside a comment read as neutral overall.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from feedback_nlp.report.plain import is_missing, percent

#: What each column counts, said under every table that shows it.
MEANINGS = {
    "Negative mentions": "Negative mentions: % of the parts of comments that raise the theme "
    "read as negative.",
    "Negative comments": "Negative comments: % of the whole comments raising it read as "
    "negative (a comment praising the theme and complaining of something else counts here, "
    "not in negative mentions).",
}


def negative_comments_of(tables: dict[str, pd.DataFrame]) -> dict[str, float]:
    """Theme id (as text) → % of the comments raising it that are read as negative, from the
    `segments` table (a comment counts in each of its themes); {} without it."""
    segments = tables.get("segments")
    if segments is None or not {"dimension", "segment", "metric", "value"} <= set(segments):
        return {}
    rows = segments[(segments["dimension"] == "themes") & (segments["metric"] == "negative_share")]
    return dict(zip(rows["segment"].astype(str), rows["value"].astype(float), strict=True))


def shares_shown(values: pd.Series) -> list[str]:
    """Shares as the tables show them ("75 %"; empty when unknown); fractions (0.75, the theme
    table's) are scaled to percentages by the caller."""
    return ["" if pd.isna(v) else percent(float(v)) for v in values]


def add_negative_columns(
    frame: pd.DataFrame,
    themes: pd.Series,
    mentions: Mapping[str, object],
    comments: Mapping[str, float],
    at: int,
) -> pd.DataFrame:
    """`frame` with "Negative mentions" (share of the raising parts, a fraction per theme id
    in `mentions`) and "Negative comments" (a % per theme id in `comments`) inserted at `at`,
    each only when known for some theme; `themes` holds the rows' theme ids as text."""
    if _known(comments):
        shares = pd.to_numeric(themes.map(comments), errors="coerce")
        frame.insert(at, "Negative comments", shares_shown(shares))
    if _known(mentions):
        shares = pd.to_numeric(themes.map(mentions), errors="coerce") * 100
        frame.insert(at, "Negative mentions", shares_shown(shares))
    return frame


def _known(shares: Mapping[str, object]) -> bool:
    """True when some theme's share is known (not missing)."""
    return any(not is_missing(v) for v in shares.values())


def negative_meanings(frame: pd.DataFrame) -> str:
    """What the negative columns `frame` shows count, with a leading space; else nothing."""
    return "".join(f" {text}" for column, text in MEANINGS.items() if column in frame.columns)
