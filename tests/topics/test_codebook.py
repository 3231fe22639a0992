from __future__ import annotations

import pytest

from feedback_nlp.errors import ConfigError
from feedback_nlp.topics.codebook import builtin_content_free, load_codebook
from feedback_nlp.topics.rules import parse_rule, rule_words

LANGUAGES = {"en", "fr", "de", "es", "it", "pt", "ro", "ru"}


def test_builtin_codebook_covers_cx_themes_in_eight_languages():
    book = load_codebook("builtin")
    ids = {e.id for e in book.entries}
    assert {"delivery", "returns_refunds", "billing_payment", "customer_service", "staff"} <= ids
    assert len(book.entries) >= 15
    for entry in book.entries:
        assert set(entry.examples) >= LANGUAGES, entry.id
        assert set(entry.names) >= LANGUAGES, entry.id
        assert entry.description
    assert set(builtin_content_free()) >= LANGUAGES


def test_the_overall_experience_entry_is_the_one_judgement_and_survives_a_save():
    from feedback_nlp.topics.codebook import Codebook

    book = load_codebook("builtin")
    assert [e.id for e in book.entries if e.judgement] == ["overall_experience"]
    again = Codebook.from_json(book.to_json())
    assert [e.id for e in again.entries if e.judgement] == ["overall_experience"]


def test_user_codebook_in_toml_and_yaml(tmp_path):
    toml = tmp_path / "book.toml"
    toml.write_text(
        '[[theme]]\nid = "late"\nname = "Late delivery"\nlevel = "theme"\n'
        'examples = { en = ["parcel came late"] }\nrules = [\'"late" NEAR "parcel"\']\n',
        encoding="utf-8",
    )
    yaml = tmp_path / "book.yaml"
    yaml.write_text(
        "theme:\n  - id: late\n    name: {en: Late delivery, fr: Livraison en retard}\n"
        "    examples: {en: [parcel came late]}\n",
        encoding="utf-8",
    )
    for path in (toml, yaml):
        book = load_codebook(path)
        assert book.entries[0].name("en") == "Late delivery"
        assert book.entries[0].examples == {"en": ["parcel came late"]}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[theme]]\nname = "x"\nexamples = ["a b"]\n', "theme entry 1: 'id'"),
        ('[[theme]]\nid = "late"\nname = "x"\n', "theme 'late': give examples, rules or both"),
        ('[[theme]]\nid = "late"\nname = "x"\nexamples = "a"\n', "theme 'late': 'examples'"),
        ('[[theme]]\nid = "late"\nname = "x"\nrules = ["late NEAR"]\n', "put terms in double"),
        ('[[theme]]\nid = "a"\nname = "x"\nexamples = ["y"]\nlevel = "z"\n', "'level'"),
        ('[[theme]]\nid = "a"\nname = "x"\nexamples = ["y"]\ncolour = 1\n', "unknown keys"),
        ('[[theme]]\nid = "a"\nname = "x"\nexamples = ["y"]\njudgement = "yes"\n', "'judgement'"),
        ("[[theme]\n", "not a valid codebook file"),
        ('[codebook]\nname = "empty"\n', "needs a list of"),
        (
            '[[theme]]\nid = "a"\nname = "Delivery"\nexamples = ["y"]\n'
            '[[theme]]\nid = "b"\nname = "delivery "\nexamples = ["z"]\n',
            "themes 'a' and 'b' have the same en name 'delivery'",
        ),
        ('[[theme]]\nid = "a"\nname = "x"\nexamples = ["y"]\ndescription = [1]\n', "'descr"),
        ('[[theme]]\nid = "a"\nname = "x"\nexamples = { english = ["y"] }\n', "'english'"),
        ('[[theme]]\nid = "a"\nname = { 5 = "x" }\nexamples = ["y"]\n', "language '5'"),
    ],
)
def test_malformed_codebook_names_the_file_and_entry(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_codebook(path)
    assert str(path) in str(error.value)


def test_missing_codebook_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="codebook file not found"):
        load_codebook(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("rule", "text", "hit"),
    [
        ('"late" NEAR "delivery"', "the delivery was late again", True),
        ('"late" NEAR/2 "delivery"', "delivery of my new sofa was very late", False),
        ('"charged twice"', "I was charged twice", True),
        ('"refund*" AND "not"', "refunds have not arrived", True),
        ('"refund*" AND "not"', "refund arrived", False),
        ('"outage" OR "no signal"', "there is no signal at home", True),
    ],
)
def test_keyword_rules(rule, text, hit):
    assert parse_rule(rule).matches(rule_words(text)) is hit


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ('"attente" NEAR "caisse*"', "Il y a trop d'attente à la caisse"),
        ('"application"', "L’application plante au paiement"),
        ('"ordine"', "il numero dell'ordine è sbagliato"),
        ('"click & collect"', "Click & Collect : ma commande n'était pas prête"),
        ('"click-and-collect"', "click and collect order missing"),
        ('"e-mail"', "no e-mail after the order"),
        ('"2 fois"', "débité 2 fois"),
        ('"fidélité"', "carte fidelite refusée"),
        ('"straße"', "LIEFERUNG IN DIE FALSCHE STRASSE"),
        ('"charged" NEAR/2 "twice"', "charged me twice"),
    ],
)
def test_rules_read_elisions_marks_digits_and_accents_as_texts_are_written(rule, text):
    """Before stop 48 a word after l' or d' never matched, and a term with a mark or a digit
    was accepted and never fired."""
    assert parse_rule(rule).matches(rule_words(text))


def test_a_rule_does_not_read_a_redaction_placeholder():
    assert not parse_rule('"email"').matches(rule_words("Parcel lost, write to <EMAIL>"))
    assert parse_rule('"email"').matches(rule_words("No email after the order"))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('"late" NEAR/0 "delivery"', "use NEAR/1"),
        ('"*"', "has no letters"),
        ('"*livraison"', "a \\* may only end a word"),
        ('"rembours*ment"', "a \\* may only end a word"),
        ('"late" near "delivery"', "unknown operator 'near'"),
        ('"late" NOT "delivery"', "there is no NOT"),
    ],
)
def test_rules_that_would_match_more_than_they_say_are_refused(rule, message):
    with pytest.raises(ConfigError, match=message):
        parse_rule(rule)


def test_a_yaml_no_key_is_named_as_a_language_written_without_quotes(tmp_path):
    path = tmp_path / "book.yaml"
    path.write_text("theme:\n  - id: a\n    name: x\n    examples:\n      no: [y]\n")
    with pytest.raises(ConfigError, match="in YAML write 'no' in quotes"):
        load_codebook(path)


def test_rule_ending_with_an_operator_is_refused():
    with pytest.raises(ConfigError, match="ends with an operator"):
        parse_rule('"late" AND')


def test_a_theme_is_filed_under_an_entry_only_when_nearer_to_it_than_the_corpus():
    import numpy as np

    from feedback_nlp.topics.codebook import parse_codebook
    from feedback_nlp.topics.matching import CodebookMatcher

    book = parse_codebook(
        {"theme": [{"id": "staff", "name": "Staff", "examples": ["rude cashier"]},
                   {"id": "parking", "name": "Parking", "examples": ["no parking"]}]},
        "book.toml",
    )  # fmt: skip
    matcher = CodebookMatcher(book)
    hits = np.zeros((10, 2), dtype=bool)
    both = np.array([True, True])
    scores = np.column_stack([np.full(10, 0.12), np.full(10, 0.02)])
    assert matcher.file_theme(scores, hits, both, np.array([0.05, 0.05])) == 0
    assert matcher.file_theme(scores, hits, both, np.array([0.20, 0.05])) == -1  # below it
    lone = np.array([True, False])
    assert matcher.file_theme(scores, hits, lone, np.array([0.05, 0.05])) == 0
    assert matcher.file_theme(scores, hits, lone, np.array([0.10, 0.05])) == -1  # not by 0.05


def test_a_misspelt_table_or_header_key_is_refused(tmp_path):
    """Before stop 48 `[[themes]]` entries were dropped without a word."""
    path = tmp_path / "book.toml"
    path.write_text('[[theme]]\nid = "a"\nname = "A"\nexamples = ["x y"]\n[[themes]]\nid = "b"\n')
    with pytest.raises(ConfigError, match=r"unknown key\(s\) \['themes'\]"):
        load_codebook(path)
    path.write_text(
        '[codebook]\nlabel_language = "fr"\n[[theme]]\nid = "a"\nname = "A"\nexamples = ["x y"]\n'
    )
    with pytest.raises(ConfigError, match="label_language"):
        load_codebook(path)


def test_a_codebook_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "book.toml"
    path.write_text('\ufeff[[theme]]\nid = "a"\nname = "Ä"\nexamples = ["x y"]\n', "utf-8")
    assert load_codebook(path).entries[0].names


def test_an_entry_whose_example_lists_are_all_empty_is_refused(tmp_path):
    path = tmp_path / "book.toml"
    path.write_text('[[theme]]\nid = "a"\nname = "A"\nexamples = { fr = [] }\n')
    with pytest.raises(ConfigError, match="give examples, rules or both"):
        load_codebook(path)


def test_a_codebook_not_saved_as_utf8_is_refused_with_what_to_do(tmp_path):
    """Before, a raw codec error ('utf-8' codec can't decode byte ...)."""
    body = '[[theme]]\nid = "late"\nname = "配達遅延"\nrules = [\'"配達"\']\n'
    path = tmp_path / "book.toml"
    path.write_bytes(body.encode("cp932"))
    with pytest.raises(ConfigError, match=r"book.toml: the codebook is not saved as UTF-8.*save"):
        load_codebook(path)
    path.write_bytes(body.encode("utf-16"))  # with its byte-order mark: read
    assert load_codebook(path).entries[0].names == {"en": "配達遅延"}


_THEME = '[[theme]]\nid = "lectures"\nname = "Lectures"\nexamples = ["the lectures were clear"]\n'


def _user_codebook(tmp_path, content_free: str):
    path = tmp_path / "course.toml"
    path.write_text(_THEME + "[content_free]\n" + content_free, encoding="utf-8")
    return load_codebook(path)


def test_a_user_codebooks_content_free_replies_extend_the_builtin_ones(tmp_path):
    """Probe 51: a codebook listing only Dutch non-answers made "n/a", "无" and "no comment"
    themes of their own (its list replaced the built-in one)."""
    from feedback_nlp.topics.units import split_units

    book = _user_codebook(tmp_path, 'nl = ["n.v.t.", "ben ik vergeten"]\n')
    assert {"n/a", "no comment"} <= set(book.content_free["en"])
    assert "无" in book.content_free["zh"]
    assert {"n.v.t.", "nvt", "ben ik vergeten"} <= set(book.content_free["nl"])
    texts = ["no comment", "N/A", "无", "nvt", "Ben ik vergeten", "the lectures were clear"]
    units = split_units(texts, ["en", "nl", "zh", "sv", "nl", "en"], book.content_free)
    assert units.says_something.tolist() == [False] * 5 + [True]


def test_replace_true_makes_the_users_lists_the_only_ones(tmp_path):
    book = _user_codebook(tmp_path, 'replace = true\nnl = ["n.v.t.", "niks"]\n')
    assert book.content_free == {"nl": ["n.v.t.", "nvt", "niks"]}


@pytest.mark.parametrize(
    ("content_free", "message"),
    [('replace = "yes"\nnl = ["nvt"]\n', "'replace' must be true or false"),
     ("replace = true\n", "replace = true but no lists")],
)  # fmt: skip
def test_a_malformed_replace_is_refused(tmp_path, content_free, message):
    with pytest.raises(ConfigError, match=message):
        _user_codebook(tmp_path, content_free)


def test_a_saved_codebook_keeps_its_content_free_lists_as_they_were_read(tmp_path):
    from feedback_nlp.topics.codebook import Codebook

    for table in ('nl = ["nvt"]\n', 'replace = true\nnl = ["nvt"]\n'):
        book = _user_codebook(tmp_path, table)
        assert Codebook.from_json(book.to_json()).content_free == book.content_free


def test_the_builtin_content_free_replies_read_dotted_abbreviations_without_dots():
    content_free = builtin_content_free()
    assert {"n.v.t.", "nvt"} <= set(content_free["nl"])
    assert {"k.A.", "kA"} <= set(content_free["de"])
