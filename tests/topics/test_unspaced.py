from __future__ import annotations

from feedback_nlp.topics.unspaced import name_pieces, unspaced_terms


def test_kana_cut_japanese_han_runs_into_words_not_overlapping_bigrams():
    """Before, "配達員" gave "配達" and "達員", a part of no word."""
    assert unspaced_terms("配達員が玄関に置いた") == ["配達員", "玄関"]
    assert unspaced_terms("到着予定時刻が延びた") == ["到着", "予定", "時刻"]
    assert unspaced_terms("二重請求された") == ["二重", "請求"]


def test_chinese_runs_keep_their_bigrams():
    assert unspaced_terms("房间很干净") == ["房间", "干净"]


def test_a_token_holding_han_or_kana_is_read_as_its_terms():
    assert name_pieces("プロモコードがいつも使えない") == ["プロモコード"]
    assert name_pieces("app一直白畫面")[0] == "app"
    assert name_pieces("delivery") == ["delivery"]


def test_word_marks_cover_every_plane_and_are_the_rules_marks():
    """Review 50: two copies of the mark class, one of the Basic Multilingual Plane only."""
    import re

    from feedback_nlp.topics import rule_folding, unspaced

    assert re.fullmatch(unspaced.WORD_MARKS, "\U0001d167")  # a musical combining mark
    assert re.fullmatch(unspaced.WORD_MARKS, "\U000e0100")  # a variation selector
    assert not hasattr(rule_folding, "_mark_class")
