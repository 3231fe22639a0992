from __future__ import annotations

import pytest

from feedback_nlp.topics.codebook import builtin_content_free
from feedback_nlp.topics.units import comment_units, split_clauses, split_units


def test_sentences_and_contrasting_clauses_become_units():
    units = comment_units(
        "Lovely staff, but we waited an hour for our food. Prices are fair; parking is awful.",
        "en",
    )
    assert units == [
        "Lovely staff",
        "but we waited an hour for our food.",
        "Prices are fair",
        "parking is awful.",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le colis est arrivé en retard, mais le livreur était aimable", "fr", 2),
        ("Die App stürzt ständig ab, aber der Support hat schnell geholfen", "de", 2),
        ("Доставка опоздала на неделю, но курьер был вежлив", "ru", 2),
        ("The app crashes on startup, and my parcel arrived a week late", "en", 2),
        ("fish and chips were great", "en", 1),
    ],
)
def test_clauses_split_in_several_languages(text, lang, expected):
    assert len(split_clauses(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "房间干净，早餐很丰富。酒店的无线网络根本用不了。",
            "zh",
            ["房间干净，早餐很丰富。", "酒店的无线网络根本用不了。"],
        ),
        (
            "部屋はきれいでした。でもWi-Fiが全然使えませんでした。",
            "ja",
            ["部屋はきれいでした。", "でもWi-Fiが全然使えませんでした。"],
        ),
        ("好。很好。", "zh", ["好。 很好。"]),
    ],
)
def test_sentences_of_chinese_and_japanese_are_units(text, lang, expected):
    """Stop 49: a Chinese sentence counted one word, so every comment stayed one unit."""
    assert comment_units(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("配達員さんは親切でしたが、料理が冷めていました", "ja",
         ["配達員さんは親切でしたが", "料理が冷めていました"]),
        ("料理は美味しいけど配達が遅い", "ja", ["料理は美味しいけど", "配達が遅い"]),
        ("骑手很好，但是饭凉了", "zh", ["骑手很好", "但是饭凉了"]),
        ("外送員很親切，但餐點是冷的", "zh", ["外送員很親切", "但餐點是冷的"]),
        ("기사님은 친절했지만 음식이 식었어요", "ko", ["기사님은 친절했지만", "음식이 식었어요"]),
        ("ไรเดอร์สุภาพมาก แต่อาหารเย็นชืด", "th", ["ไรเดอร์สุภาพมาก", "แต่อาหารเย็นชืด"]),
        ("Tài xế rất lịch sự nhưng đồ ăn bị nguội", "vi",
         ["Tài xế rất lịch sự", "nhưng đồ ăn bị nguội"]),
        ("Drivernya ramah tapi makanannya dingin", "id",
         ["Drivernya ramah", "tapi makanannya dingin"]),
    ],
)  # fmt: skip
def test_praise_then_complaint_splits_in_asian_languages(text, lang, expected):
    """Stop 50: the contrast words covered European languages and Turkish only, so these
    stayed one unit with one theme and the praise's sentiment."""
    assert comment_units(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("แต่ละครั้งส่งช้ามาก", "th"), ("不但便宜而且好吃", "zh"), ("私が、注文しました", "ja")],
)
def test_words_that_only_look_like_a_turn_do_not_split(text, lang):
    assert len(comment_units(text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("服务再好不过了，非常满意", "zh"),  # "could not be better"
        ("只不过是小毛病，总体满意", "zh"),  # "merely"
        ("但愿下次快一点送到", "zh"),  # "I hope"
        ("热汤洒了我被烫到，手上有やけど", "ja"),
        ("スープでやけどしてしまいました", "ja"),  # やけど: a burn
        ("使うのに便利なアプリです", "ja"),  # のに: "for using"
        ("ส่งเร็วตั้งแต่เมื่อวานนี้", "th"),  # ตั้งแต่: since
        ("แต่ก่อนส่งเร็วมาก ตอนนี้ก็ยังดี", "th"),  # แต่ก่อน: formerly
        ("lắp đặt song song với giao hàng rất tốt", "vi"),  # song song: in parallel
    ],
)
def test_ordinary_words_holding_a_turn_do_not_split(text, lang):
    """Review 50: 不过, けど, แต่ and song cut inside ordinary words."""
    assert len(split_clauses(text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("饭菜很好吃但是送得太慢了", "zh", ["饭菜很好吃", "但是送得太慢了"]),
        ("骑手很客气但饭是凉的", "zh", ["骑手很客气", "但饭是凉的"]),
        ("骑手很好，不过饭凉了", "zh", ["骑手很好", "不过饭凉了"]),
        ("画面は綺麗なのに動作がとても重い", "ja", ["画面は綺麗なのに", "動作がとても重い"]),
        ("味はええんやけど値段が高すぎる", "ja", ["味はええんやけど", "値段が高すぎる"]),
        ("ร้านนี้อร่อยมากแต่คนส่งมาช้า", "th", ["ร้านนี้อร่อยมาก", "แต่คนส่งมาช้า"]),
        ("Cơm ngon, song giao hơi chậm", "vi", ["Cơm ngon", "song giao hơi chậm"]),
    ],
)
def test_turns_without_a_comma_or_space_split(text, lang, expected):
    """Review 50: the docs promised these splits, the patterns needed a comma or a space."""
    assert split_clauses(text, lang) == expected


def test_unspaced_parts_joined_back_get_no_space():
    """Review 50: "客服忙不过来" came back as "客服忙 不过来"."""
    assert split_clauses("很好可惜贵", "zh") == ["很好可惜贵"]
    assert split_clauses("好吃但贵", "zh") == ["好吃但贵"]


def test_a_one_word_part_joins_its_neighbour():
    assert comment_units("Great, but slow. Thanks!", "en") == ["Great but slow. Thanks!"]


def test_content_free_replies_say_nothing_and_real_comments_do():
    texts = ["ok", "Thanks!", "👍👍", "Rien à ajouter.", "n/a", "", "Late delivery", "Zu teuer."]
    langs = ["en", "en", "und", "fr", "en", "en", "en", "de"]
    units = split_units(texts, langs, builtin_content_free())
    says = {int(o): bool(s) for o, s in zip(units.owner, units.says_something, strict=True)}
    assert [says.get(row, False) for row in range(len(texts))] == [False] * 6 + [True, True]


def test_units_remember_their_comment_and_whether_they_are_all_of_it():
    units = split_units(["One issue here", "First issue, but a second one"], ["en", "en"])
    assert list(units.owner) == [0, 1, 1]
    assert list(units.whole) == [True, False, False]


def test_units_of_only_links_handles_or_greetings_say_nothing():
    texts = [
        "https://example.com/a/b https://example.com/c",
        "@shop_help Hello!",
        "@verkehr_info Moin!",
        "Guten Morgen.",
        "Kind regards",
        "RT @someone: https://example.com/x",
    ]
    units = split_units(texts, ["en", "en", "de", "de", "en", "en"], builtin_content_free())
    assert not units.says_something.any()


def test_a_greeting_or_link_beside_an_issue_still_says_something():
    texts = ["@shop_help Hello, my parcel is late", "Lift broken again https://example.com/p"]
    units = split_units(texts, ["en", "en"], builtin_content_free())
    assert units.says_something.all()


def test_hashtag_words_are_content():
    units = split_units(["#LateDelivery https://example.com/x"], ["en"], builtin_content_free())
    assert units.says_something.all()


def test_out_of_service_in_german_is_no_clause_boundary():
    assert comment_units("Der Aufzug zu Gleis 3 ist außer Betrieb.", "de") == [
        "Der Aufzug zu Gleis 3 ist außer Betrieb."
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("You can reach me at <EMAIL>", "en"),
        ("You can reach me at <EMAIL>", "de"),
        ("Feel free to contact me at <EMAIL> if you have questions", "en"),
        ("Kind regards, <NAME>", "en"),
        ("Vous pouvez me joindre au <PHONE>", "fr"),
        ("Sie können mich unter <EMAIL> erreichen", "de"),
        ("Pueden llamarme al <PHONE>", "es"),
    ],
)
def test_a_contact_line_or_a_signed_name_says_nothing(text, lang):
    units = split_units([text], [lang], builtin_content_free())
    assert not units.says_something.any()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I emailed <EMAIL> three times and nobody answered", "en"),
        ("I could not reach anyone", "en"),
        ("I can never reach anyone on <PHONE>", "en"),
        ("No reply from <EMAIL>", "en"),
        ("Personne ne répond au <PHONE>", "fr"),
        ("Le remboursement n'est jamais arrivé, écrivez à <EMAIL>", "fr"),
        ("my <CARD> was charged twice", "en"),
    ],
)
def test_an_issue_beside_contact_details_still_says_something(text, lang):
    units = split_units([text], [lang], builtin_content_free())
    assert units.says_something.all()


@pytest.mark.parametrize(("text", "lang"), [("N/A", "nl"), ("n/a", "und"), ("nichts", "en")])
def test_a_reply_read_in_another_language_still_says_nothing(text, lang):
    """Short replies are where language detection is least sure: before stop 48 a survey's
    "N/A" answers, read as Dutch, formed a theme of their own."""
    units = split_units([text], [lang], builtin_content_free())
    assert not units.says_something.any()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("no that's all", "en"),
        ("That's it.", "en"),
        ("No, that's everything.", "en"),
        ("Ok that's all, thanks!", "en"),
        ("não, é só isso", "es"),
        ("nie, to wszystko", "en"),
        ("Non, c'est tout.", "fr"),
        ("Nein, das war's.", "de"),
    ],
)
def test_a_chat_closing_says_nothing_in_any_language(text, lang):
    """Stop 53: "no that's all" was the largest theme of a bank's chat transcripts."""
    units = split_units([text], [lang], builtin_content_free())
    assert not units.says_something.any()


@pytest.mark.parametrize(
    "text",
    ["That's all I wanted, a working app", "that's it, I'm cancelling", "nothing else works"],
)
def test_a_closing_word_beside_content_still_says_something(text):
    units = split_units([text], ["en"], builtin_content_free())
    assert units.says_something.all()


@pytest.mark.parametrize("text", ["Нет, всё.", "Nu, atât.", "No, es todo.", "Hayır, hepsi bu."])
def test_a_closing_after_no_still_says_nothing(text: str) -> None:
    units = split_units([text], ["en"], builtin_content_free())
    assert not units.says_something.any()
