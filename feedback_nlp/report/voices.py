"""Quotes per theme, and the redaction notice: what customers say, in their words (the
breakdowns by language, question and segment are in `report.breakdowns`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from feedback_nlp.insights.explain import NEGATIVE_IMPACT
from feedback_nlp.report import charts
from feedback_nlp.report.clear import lower_is_worse
from feedback_nlp.report.document import Paragraph, Quote, Quotes, Section
from feedback_nlp.report.export import redacts_every_type

MAX_QUOTE_THEMES = 15
#: What redaction replaces (`text.pii`), in words: said wherever comments are shown.
REDACTED = (
    "e-mail addresses, phone numbers, card numbers, IBANs, links with personal data, "
    "passwords and keys, social-media handles and names after a greeting are replaced by "
    "placeholders; other personal data, such as postal addresses, may remain"
)


def redaction_notice(prepare: Mapping[str, Any] | None) -> str | None:
    """A warning when the analysis (its prepare stage's settings) did not redact every type
    of personal data; None when it did or when its settings are not known."""
    if prepare is None or redacts_every_type(prepare):
        return None
    if not prepare.get("redact", True):
        done = "Personal data was not redacted in the analysis: redaction was switched off"
    else:
        done = f"The analysis redacted only some personal data ({', '.join(prepare['pii_types'])})"
    return (
        f"{done}. The comments in this report and in the files written with it are redacted "
        f"when written: {REDACTED}."
    )


def quotes_section(
    tables: dict[str, pd.DataFrame], score: str | None, largest: list[str] | None = None
) -> Section | None:
    """What customers say about each theme, costliest themes first (those of too few
    customers after the others); without a score the themes of the negative comments first,
    then those raised by most comments (`largest`: theme ids, largest first)."""
    quotes = tables.get("quotes")
    if quotes is None or not len(quotes):
        return None
    if "cell" in quotes:
        quotes = quotes[quotes["cell"].isna()]
    order = _quote_theme_order(tables, quotes, score, largest or [])
    section = Section("quotes", "In their words")
    section.add(
        Paragraph(
            "The comments closest to each theme's centre, in the language they were written "
            f"in. Personal data: {REDACTED}."
        )
    )
    for theme, label in order[:MAX_QUOTE_THEMES]:
        rows = quotes[quotes["theme"].astype(str) == theme].sort_values(["group", "rank"])
        picked = [Quote.from_row(r) for _, r in rows.iterrows()]
        section.add(Quotes(label, "", picked))
    return section


def _quote_theme_order(
    tables: dict[str, pd.DataFrame], quotes: pd.DataFrame, score: str | None, largest: list[str]
) -> list[tuple[str, str]]:
    labels = dict(zip(quotes["theme"].astype(str), quotes["theme_label"].astype(str), strict=False))
    impact = tables.get(f"theme_impact_{score}") if score else None
    if impact is not None and len(impact):
        ascending = lower_is_worse(impact)
        ordered = charts.enough_first(impact, "impact", ascending)["theme"].astype(str).tolist()
    else:
        ordered = _negative_first(tables.get(NEGATIVE_IMPACT))
    ordered = list(dict.fromkeys([*ordered, *map(str, largest), *labels]))
    return [(t, labels[t]) for t in ordered if t in labels]


def _negative_first(impact: pd.DataFrame | None) -> list[str]:
    """Themes whose comments are read as negative more often than the rest's, most first."""
    if impact is None or not len(impact):
        return []
    worse = impact[impact["impact"] > 0]
    return charts.enough_first(worse, "impact", ascending=False)["theme"].astype(str).tolist()
