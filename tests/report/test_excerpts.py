from feedback_nlp.report.excerpts import QUOTE_CHARS, shown

FILLER = "The rest of this long review talks about other things at length. " * 8
POINT = "The courier left the parcel in the rain, and it was soaked."


def test_a_short_quote_is_shown_whole():
    assert shown("Late again.", "Late again.") == "Late again."


def test_a_long_quote_is_shown_by_the_sentence_raising_the_theme():
    text = f"{FILLER}{POINT} {FILLER}"
    assert shown(text, "it was soaked.", "en") == f"… {POINT} …"


def test_an_excerpt_rejoined_by_the_topics_stage_is_found_by_its_first_and_last_words():
    text = f"{FILLER}Great, but we waited an hour for the food. {FILLER}"
    assert shown(text, "Great but we waited an hour for the food.", "en") == (
        "… Great, but we waited an hour for the food. …"
    )


def test_an_excerpt_with_other_words_at_its_join_is_found_by_its_edges():
    text = f"{FILLER}The app froze (again) when I paid for the order. {FILLER}"
    assert shown(text, "The app froze again when I paid for the order.", "en") == (
        "… The app froze (again) when I paid for the order. …"
    )


def test_without_a_known_part_the_opening_is_shown_clipped_at_a_word():
    text = FILLER * 2
    passage = shown(text, "not in the comment")
    assert passage.endswith(" …") and not passage.startswith("…")
    assert len(passage) <= QUOTE_CHARS + 2
    assert text.startswith(passage.removesuffix(" …"))


def test_a_sentence_longer_than_the_limit_is_cut_down_to_the_part():
    sentence = "and then " * 60 + "the engineer never came"
    text = f"{FILLER}{sentence}. {FILLER}"
    assert shown(text, "the engineer never came", "en") == "… the engineer never came …"
