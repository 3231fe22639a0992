"""Counts of a mix of unit kinds say what was counted, not 'N responses and respondents'."""

from __future__ import annotations

from feedback_nlp.report.plain import count_noun, counted_units, unit_noun

MIXED = "60 responses, 30 respondents"


def test_a_mixed_count_is_counted_as_units_with_its_breakdown() -> None:
    assert counted_units(90, unit_noun(MIXED), MIXED) == "90 units: 60 responses and 30 respondents"
    described = "1200 responses, 1 respondent, 3 conversations"
    assert (
        counted_units(1204, unit_noun(described), described)
        == "1,204 units: 1,200 responses, 1 respondent and 3 conversations"
    )


def test_a_part_of_a_mixed_count_is_counted_as_units() -> None:
    assert counted_units(16, unit_noun(MIXED), MIXED) == "16 units"  # a theme's 16: no breakdown
    assert counted_units(1, unit_noun(MIXED)) == "1 unit"
    assert count_noun(unit_noun(MIXED)) == "units"


def test_a_count_of_one_kind_keeps_its_noun() -> None:
    assert counted_units(468, "respondents", "468 respondents") == "468 respondents"
    assert counted_units(1, "conversations") == "1 conversation"
    assert count_noun("customers") == "customers"


def test_a_quote_of_no_known_language_shows_no_language_tag():
    """Stop 50: a tagged CSV without a lang column showed "(<NA>)" beside its quotes."""
    import pandas as pd

    from feedback_nlp.report.plain import quote_tags

    assert quote_tags(pd.NA, "all", "") == []
    assert quote_tags("<NA>", "promoter", "") == ["promoter"]
    assert quote_tags("fr", "all", "Why?") == ["French", "to “Why?”"]
