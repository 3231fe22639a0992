"""Sign-offs before a name that ends a text (`feedback_nlp.text.people_sign_offs`), through
`redact_names` and `redact_pii` (stop 53: best, thanks on a line of their own, dashes, LG)."""

import pytest

from feedback_nlp.text.people import redact_names
from feedback_nlp.text.pii import redact_pii

SIGNED = [
    ("Slow. - Jennifer Walsh", "Slow. - <NAME>"),
    ("Slow. -- Jennifer Walsh", "Slow. -- <NAME>"),
    ("Slow. — Jennifer Walsh", "Slow. — <NAME>"),
    ("Export keeps failing. -- Jen", "Export keeps failing. -- <NAME>"),
    ("Slow.\nThanks,\nJennifer Walsh", "Slow.\nThanks,\n<NAME>"),
    ("Slow.\nBest,\nJennifer Walsh", "Slow.\nBest,\n<NAME>"),
    ("Best, Jennifer", "Best, <NAME>"),
    ("Sync broke again.\nBR,\nMarkus Brandt", "Sync broke again.\nBR,\n<NAME>"),
    ("Zu langsam. LG Markus", "Zu langsam. LG <NAME>"),
    ("Danke.\nLG\nMarkus von der Heyden", "Danke.\nLG\n<NAME>"),
    ("Die App stürzt ab.\nVG Markus", "Die App stürzt ab.\nVG <NAME>"),
    (
        "Dashboards time out.\nThanks!\nSabine Keller\nIT Lead | Globex",
        "Dashboards time out.\nThanks!\n<NAME>\nIT Lead | Globex",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNED)
def test_a_dash_best_thanks_or_lg_before_a_closing_name_signs_it(text, expected):
    """Stop 53's SaaS probe: 25 of 360 comments signed like this leaked their name."""
    assert redact_names(text, "<NAME>") == (expected, True)
    assert redact_pii(text) == (expected, ["name"])


@pytest.mark.parametrize(
    "text",
    [
        "- fast delivery - good price",
        "Pros:\n- Great Story\n- Jennifer Walsh",  # a list's last item
        "Best, product ever",
        "This is the best, ever",
        "I bought it at Best Buy",
        "Picture quality of my LG OLED",
        "Zu langsam. LG Velvet",
        "Flight from BR to LIS",
        "Good app - Microsoft Teams",
        "Great value. - Good Price",
        "Thanks Ryanair",
        "Thanks, Vodafone",
        "- Sono Bob.",  # a line of dialogue
        "Slow. - Jen",  # one word after a short dash on the same line
        "Great Support. - Very Happy Customer",
    ],
)
def test_ordinary_dashes_and_words_that_sign_off_elsewhere_stay(text):
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize(
    "text",
    [
        "All the best, Amazon",
        "Works well. Best,\nDyson",
        "Thanks\nNetflix",
        "Thanks!\nAwesome",
        "Thanks\nSeriously",
        "Great sound.\n- Bose QuietComfort",
        "Nice stay. - Marriott Bonvoy",
        "Great gadget!\n-- Xiaomi",
        "Check-in was slow. -- Heathrow",
        "Gestern im TV. BR Mediathek",
        "Tolles Handy.\nLG Xboom",
    ],
)
def test_a_brand_or_a_word_after_a_weak_sign_off_stays(text):
    """Review of stop 53: one word after "Best,", a thanks line, a dash or "LG" must be a
    known first name; a dash's name must start with one."""
    assert redact_names(text, "<NAME>") == (text, False)


@pytest.mark.parametrize("text", ["Tolle App. - Danke Anna", "Alles gut.\n-Danke Rene"])
def test_a_greeting_word_is_never_part_of_a_signed_name(text):
    """Review of stop 53: "- Danke Anna" became "- <NAME>", thanks swallowed."""
    assert "Danke" in redact_names(text, "<NAME>")[0]


def test_a_first_name_after_lg_written_lg_is_signed():
    """Review of stop 53: "Lg" counts as "LG" does (docs say so since)."""
    assert redact_names("Zu langsam. Lg Markus", "<NAME>") == ("Zu langsam. Lg <NAME>", True)
