"""Names for themes without a phrase most of their units share."""

from __future__ import annotations

from feedback_nlp.topics import phrases
from feedback_nlp.topics.fallback_names import fallback_phrase

QUOTES = ["Professor Varga rushed the slides", "Professor Varga never posts the slides"]


def test_a_name_from_quotes_holds_no_word_they_use_as_a_persons_name():
    """Before, a saved model's quotes named the theme "varga rushed the slides"."""
    units = ["Varga", "Varga!", "slides", "the slides"]
    counts = phrases.count_phrases(units, [0] * 4, 1, "en", 1000)  # no people: as reloaded
    weights = phrases.class_tfidf(counts.counts)
    name = fallback_phrase(counts, weights, 0, set(), QUOTES)
    assert name and "slides" in name and "varga" not in name
