from __future__ import annotations

import numpy as np
import pytest

from feedback_nlp.topics.fallback_names import theme_names
from feedback_nlp.topics.phrases import candidates, count_phrases, is_readable


def test_candidates_never_start_or_end_with_a_stop_word_nor_hold_a_number():
    found = candidates("The engineer did not turn up on 12 May, twice!", "en")
    assert "engineer did not turn up" in found
    assert "not turn up" in found
    assert not any(p.startswith(("the ", "on ")) or p.endswith(" on") for p in found)
    assert not any(ch.isdigit() for p in found for ch in p)


def test_an_english_line_in_other_feedback_is_cut_at_its_function_words_too():
    found = candidates("Aufzug Gleis 3 has changed state from inactive to unknown", "de")
    assert "changed state" in found and "aufzug gleis" in found
    assert not any(p.split()[0] in ("has", "from", "to") for p in found)
    assert not any(p.split()[-1] in ("has", "from", "to") for p in found)


def test_letters_joined_to_digits_are_no_words_of_a_candidate():
    found = candidates("Booked from the 10th to the 16th of Nov, my 4g router", "en")
    assert "nov" in found and "router" in found
    assert not any(p.startswith(("th ", "g ")) or p in ("th", "g") for p in found)


def test_urls_handles_and_elisions_stay_out_of_candidates():
    found = candidates("@DB_Bahn l'application plante https://x.y/z #Aufzug", "fr")
    assert "db_bahn" not in found and "https" not in found
    assert "application plante" in found
    bare = candidates("parcel lost again http www", "en")  # a link an export left as "http"
    assert "parcel lost" in bare and not any("http" in p or "www" in p for p in bare)


def _names(texts: list[str], rows: list[int], n_rows: int) -> list[str]:
    return theme_names(count_phrases(texts, rows, n_rows, "en", 1000))


def test_each_theme_is_named_by_its_own_frequent_phrase():
    late = ["my parcel arrived late", "parcel arrived late again", "the parcel arrived late"]
    twice = ["I was charged twice", "charged twice for one order", "they charged twice"]
    names = _names(late + twice, [0, 0, 0, 1, 1, 1], 2)
    assert names == ["parcel arrived late", "charged twice"]


def test_names_are_unique_and_readable():
    texts = ["charged twice today", "charged twice again"] * 2
    names = _names(texts, [0, 0, 1, 1], 2)
    assert len(set(names)) == 2
    assert all(is_readable(n, "en") for n in names)


def test_a_theme_without_units_in_the_language_gets_no_name():
    assert _names(["charged twice", "charged twice"], [0, 0], 2)[1] == ""


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("late delivery", True),
        ("charged twice / refund", True),
        ("the", False),
        ("Era il 05/04/2026.", False),
        ("one two three four five six", False),
        ("", False),
        ("week ago", False),
        ("last month", False),
        ("delivery time", True),
    ],
)
def test_readability_rules(name, readable):
    assert is_readable(name, "en") is readable


@pytest.mark.parametrize(
    ("text", "lang", "date_like", "kept"),
    [
        ("I paid a week ago and the delivery time was long", "en", "week ago", "delivery time"),
        ("Bestellt letzte Woche, Lieferung immer noch nicht da", "de", "letzte woche", "lieferung"),
        ("Pedí hace dos semanas, el reembolso no llega", "es", "dos semanas", "reembolso"),
        ("Заказал неделю назад, доставки нет", "ru", "неделю назад", "доставки"),
    ],
)
def test_phrases_that_only_say_when_are_no_candidates(text, lang, date_like, kept):
    found = candidates(text, lang)
    assert date_like not in found
    assert kept in found
    assert not is_readable(date_like, lang)


def test_counts_are_per_unit_not_per_occurrence():
    counts = count_phrases(["late late late", "late"], [0, 0], 1, "en", 100)
    column = counts.phrases.index("late")
    assert counts.counts.toarray()[0, column] == 2
    assert np.array_equal(counts.sizes, [2])


def test_a_theme_without_a_common_phrase_is_named_by_a_phrase_of_its_best_word():
    syllables = ["ka", "lo", "mi", "nu", "pe", "ra"]
    fillers = [a + b + c for a in syllables for b in syllables for c in syllables[:1]]
    declined = ["card declined at the shop", "my card declined at the shop again"]
    other = ["parcel arrived late", "parcel arrived late again", "the parcel arrived late"]
    texts = fillers + declined + other
    rows = [0] * (len(fillers) + 2) + [1] * 3
    names = _names(texts, rows, 2)
    assert names[0] == "card declined at the shop"
    assert "/" not in names[0]


def test_without_a_repeated_phrase_the_name_comes_from_a_representative_quote():
    from feedback_nlp.topics.fallback_names import fallback_name
    from feedback_nlp.topics.phrases import class_tfidf

    texts = ["the drinks were overpriced", "overpriced for what it is", "a cosy atmosphere"]
    texts += ["atmosphere felt dull", "parcel arrived late", "parcel arrived late again"]
    counts = count_phrases(texts, [0, 0, 0, 0, 1, 1], 2, "en", 1000)
    weights = class_tfidf(counts.counts)
    assert "/" in fallback_name(counts, weights, 0, set())  # no quotes: two words
    quotes = ["the drinks were overpriced", "a cosy atmosphere"]
    assert fallback_name(counts, weights, 0, set(), quotes) == "cosy atmosphere"


def test_fallback_phrase_reads_more_quotes_but_never_joins_two_words():
    from feedback_nlp.topics.fallback_names import fallback_phrase
    from feedback_nlp.topics.phrases import class_tfidf

    texts = ["the drinks were overpriced", "overpriced for what it is", "a cosy atmosphere"]
    texts += ["atmosphere felt dull", "parcel arrived late", "parcel arrived late again"]
    counts = count_phrases(texts, [0, 0, 0, 0, 1, 1], 2, "en", 1000)
    weights = class_tfidf(counts.counts)
    assert fallback_phrase(counts, weights, 0, set()) == ""
    quotes = ["a dull evening", "the drinks were overpriced", "a cosy atmosphere"]
    assert fallback_phrase(counts, weights, 0, set(), quotes) == "cosy atmosphere"


def test_a_degree_word_may_start_a_phrase_before_a_content_word_only():
    found = candidates("Really disappointed, too expensive. So I bought it", "en")
    assert {"really disappointed", "too expensive"} <= found
    assert not any(p.startswith("so ") for p in found)
    assert "sehr teuer" in candidates("Sehr teuer und sehr zu empfehlen", "de")
    assert "sehr zu empfehlen" not in candidates("Sehr teuer und sehr zu empfehlen", "de")


def test_placeholders_their_labels_and_id_parts_are_no_words_of_a_candidate():
    text = "Please refund to IBAN <IBAN> for order DE-2026-004512, ticket <ID>, call <PHONE>"
    found = candidates(text, "en")
    assert "refund" in found and "order" in found
    assert not any(w in p.split() for p in found for w in ("iban", "de", "id", "phone"))
    assert not candidates("<EMAIL> <NAME> <DOB> <URL> @user SKU-XY-99", "en")


def test_the_brands_handle_and_its_plain_word_are_in_no_phrase():
    texts = ["@ShopCo my internet is down again", "ShopCo internet is down", "#shopco internet"]
    counts = count_phrases(texts, [0, 0, 0], 1, "en", 1000)
    assert "internet is down" in counts.phrases
    assert not any("shopco" in p for p in counts.phrases)
    assert not any("shopco" in p for p in candidates("@ShopCo ShopCo router broke", "en"))
    in_link = candidates("router broke https://shopco.example/help", "en", frozenset({"shopco"}))
    assert in_link == {"router", "broke", "router broke"}  # no "example", no "help"


def test_a_run_of_hashtags_or_a_trailing_tag_is_no_phrase():
    found = candidates("router broke #fail #outage #nointernet", "en")
    assert {"fail", "outage", "nointernet", "router broke"} <= found
    assert not any(" " in p and ("fail" in p or "outage" in p) for p in found)
    assert "coverage is poor" in candidates("coverage is poor #nosignal!", "en")
    assert not any("poor nosignal" in p for p in candidates("coverage is poor #nosignal", "en"))
    assert "internet is down" in candidates("my #internet is down", "en")  # inside: a word


def test_a_thai_word_keeps_its_vowel_and_tone_marks():
    """Before, a combining mark cut a word: "สุภาพ" gave "ภาพ", "ใส่" gave "ใส"."""
    found = candidates("ลุงสุภาพมาก ตะคอกใส่ ไรเดอร์", "th")
    assert {"ลุงสุภาพมาก", "ตะคอกใส่", "ไรเดอร์"} <= found
    assert not {"ภาพมาก", "ตะคอกใส", "ไรเดอร"} & {w for p in found for w in p.split()}


def test_a_japanese_or_chinese_sentence_is_no_candidate_only_its_terms_are():
    assert candidates("期限内なのにクーポンが無効と表示される", "ja") == {
        "期限内", "クーポン", "無効", "表示",
    }  # fmt: skip
    assert "app" in candidates("app一直白屏", "zh")
    assert not any(len(p) > 4 for p in candidates("优惠码在结账时用不了", "zh"))


def test_vietnamese_syllables_are_not_joined_into_a_name():
    texts = ["chậm, giao", "giao, chậm", "chậm. giao"]  # no phrase of two syllables repeated
    counts = count_phrases(texts, [0, 0, 0], 1, "vi", 1000)
    assert theme_names(counts) == [""]  # before: "chậm / giao"


def test_no_welsh_phrase_starts_or_ends_with_a_function_word():
    """spaCy has no Welsh stop list: "diolch yn" (a "thank you" cut) named a theme."""
    found = candidates("Roedd y llyfrgell yn dawel. Diolch yn fawr.", "cy")
    assert "diolch yn fawr" in found and "llyfrgell" in found
    assert not {"diolch yn", "y llyfrgell", "llyfrgell yn"} & found


def test_airport_codes_name_no_theme_but_acronyms_used_as_words_do():
    delayed = ["AMS delayed again", "flight AMS delayed", "FCO delayed 3 hours", "CDG delayed"]
    lost = ["suitcase never arrived in AMS", "suitcase never arrived in FCO"] * 2
    sms = ["SMS code never arrives", "the SMS code never arrives", "SMS code never came"]
    names = _names(delayed + lost + sms, [0] * 4 + [1] * 4 + [2] * 3, 3)
    assert not any(code in n.split() for n in names for code in ("ams", "fco", "cdg"))
    assert names[1] == "suitcase never arrived"
    assert "sms" in names[2].split()
