"""How many times and how long: comparisons are no count, Welsh counts, counted durations."""

from __future__ import annotations

from feedback_nlp.backends.effort import normalise
from feedback_nlp.backends.effort_numbers import counted_durations, repeat_count


def test_a_comparison_is_no_count() -> None:
    assert repeat_count(normalise("three times better than the old one")) == 0
    assert repeat_count(normalise("trois fois plus cher")) == 0
    assert repeat_count(normalise("five times cheaper")) == 0
    assert repeat_count(normalise("called 3 times but no luck")) == 3
    assert repeat_count(normalise("Liguei 3 vezes mas ninguém atendeu")) == 3


def test_welsh_counts() -> None:
    assert repeat_count(normalise("wedi ffonio bedair gwaith")) == 4
    assert repeat_count(normalise("tair gwaith")) == 3
    assert repeat_count(normalise("am y trydydd tro")) == 3


def test_counted_durations_leave_out_bare_units() -> None:
    assert counted_durations(normalise("waiting three weeks")) == [3 * 7 * 24 * 60]
    assert counted_durations(normalise("depuis un mois")) == [30 * 24 * 60]
    assert counted_durations(normalise("waiting all week")) == []
