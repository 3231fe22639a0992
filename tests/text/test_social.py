"""Social-media markup: stripped for language ID, rewritten to XLM-T's placeholders for the
encoder."""

from __future__ import annotations

import re

import pytest

from feedback_nlp.text.social import (
    has_social_markup,
    is_retweet,
    social_for_encoder,
    strip_social,
    without_retweet_marks,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".@DB_Bahn Zug fällt aus #fail https://t.co/Ab1", ".@user Zug fällt aus #fail http"),
        ("RT @anna: @bob @carl so slow", "@user so slow"),
        ("see www.example.com/help and http://x.y", "see http and http"),
        ("mail me at a@b.com", "mail me at a@b.com"),
        ("C# and F# are languages", "C# and F# are languages"),
        ("@user already", "@user already"),
        ("line one @x\nline two", "line one @user\nline two"),
        ("see [url=https://x.io/a?b=1]our guide[/url] now", "see [url=http]our guide[/url] now"),
        ('<a href="https://x.io/a">the page</a>', '<a href="http">the page</a>'),
    ],
)
def test_encoder_reads_handles_and_urls_as_placeholders(text: str, expected: str):
    assert social_for_encoder(text) == expected


def test_text_without_markup_is_returned_as_is():
    text = "  Delivery was late,  again.  "
    assert not has_social_markup(text)
    assert social_for_encoder(text) is text


def test_language_signal_drops_handles_and_keeps_hashtag_words():
    stripped = strip_social("RT @anna: #GreatService und #schnelle_lieferung")
    assert re.findall(r"\w+", stripped) == ["Great", "Service", "und", "schnelle", "lieferung"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RT @anna: so slow", "so slow"),
        ("rt @anna so slow", "so slow"),
        ("RT: so slow", "so slow"),
        ("RT @b: RT @anna: so slow", "so slow"),
        ("so slow via @anna", "so slow"),
        ("so slow, @anna", "so slow, @anna"),
        ("ART: so slow", "ART: so slow"),
        ("RT is a channel", "RT is a channel"),
    ],
)
def test_retweet_marks_go_and_the_shared_post_stays(text: str, expected: str):
    assert without_retweet_marks(text) == expected
    assert is_retweet(text) == (text != expected)


def test_language_and_irony_signal_drops_a_retweet_prefix_whole():
    assert strip_social("RT @anna: Oh wonderful, down again").strip() == (
        "Oh wonderful, down again"
    )
