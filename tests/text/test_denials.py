"""Problems a short comment denies: words per language, negation windows, what cancels a
denial (an affirmed problem, a contrast, a failure, a question, a condition, length)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback_nlp.text.complaints import cue_pattern
from feedback_nlp.text.denials import MAX_WORDS, denial_words, denies_problem, problem_mentions

LANGUAGES = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "ro", "tr"}


def test_every_language_has_both_lists_and_every_word_compiles():
    words = denial_words()
    assert set(words) == LANGUAGES
    for lang, lists in words.items():
        assert {"problems", "denied"} <= set(lists), lang
        assert set(lists) <= {"problems", "denied", "close", "other_senses"}, lang
        for word in (w for kind in lists.values() for w in kind):
            re.compile(cue_pattern(word))


@pytest.mark.parametrize(
    "text",
    [
        "No problems so far.",
        "Never had an issue with them.",
        "No wait at all, served straight away.",
        "Bisher keine Probleme, alles läuft.",
        "Keine Wartezeit, sofort dran gekommen.",
        "Jamais eu le moindre souci avec eux.",
        "Sin problemas hasta ahora.",
        "Nessun problema, tutto a posto.",
        "Sem fila nenhuma.",
        "Geen problemen gehad.",
        "Никаких проблем.",
        "Żadnych problemów.",
        "Nicio problemă până acum.",
        "Sorun yok, her şey yolunda.",  # Turkish negates after the noun
        "Hiç beklemeden hallettiler.",  # a phrase that carries its negation
        "Problem solved, thank you!",  # solved
        "Danke, das Problem ist jetzt gelöst.",
        "Merci, le souci est réglé.",
        "Teşekkürler, sorun çözüldü.",
    ],
)
def test_short_denials_in_every_language(text):
    assert denies_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "The problem is still there.",  # affirmed
        "No problems with delivery, but the item was broken.",  # a contrast
        "No problem with the app, it arrived three days late.",  # a service failure
        "Is there no queue at the other branch?",  # a question
        "If there were no delays I would order again.",  # a condition
        "Not a single problem was solved.",  # a problem not solved
        "The problem is not solved.",
        "Issue still not fixed after three weeks.",
        "Sorun hâlâ çözülmedi.",  # Turkish negates by a suffix
        "Nicht nur Ärger mit der Bahn, auch noch Kosten.",  # "not only"
        "I can't wait for the new version.",  # no problem word at all
        "Great staff, lovely food.",
        "",
    ],
)
def test_no_denial(text):
    assert not denies_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "Läuft stabil, keine Abstürze mehr.",
        "Nichts zu meckern.",
        "Nichts zu beanstanden, alles gut.",
        "No crashes since the update.",
        "Rien à redire.",
        "Niet te klagen!",
        "Niets op aan te merken.",
        "Nulla da lamentare.",
        "Никаких нареканий.",
        "Nie mogę narzekać.",
        "Hiç donma yok.",
    ],
)
def test_app_reviews_deny_crashes_and_having_nothing_to_complain_about(text):
    """Stop 49's app-store probe: "keine Abstürze mehr", "nichts zu meckern" read negative."""
    assert denies_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "The app crashes, no complaints about delivery though.",
        "Keine Probleme, aber die App stürzt ab.",
        "I can't complain enough about the crashes.",
    ],
)
def test_an_app_problem_stated_beside_a_denial_is_no_denial(text):
    assert not denies_problem(text)


def test_a_long_comment_denies_nothing_even_when_every_problem_is_denied():
    text = "No problems at all with the order, " + "and the rest went as planned " * 3
    assert problem_mentions(text) == (1, 0)
    assert len(text.split()) > MAX_WORDS
    assert not denies_problem(text)


def test_counts_denied_and_affirmed_problems_apart():
    assert problem_mentions("No issues so far. One problem: the box.") == (1, 1)
    assert problem_mentions("Never had to wait, never a problem.") == (2, 0)
    assert problem_mentions("Sorun çözüldü.") == (1, 0)  # solved
    assert problem_mentions("Sorun hâlâ çözülmedi.") == (0, 1)  # negated by the suffix


PIECES = ["no problems", "keine Wartezeit", "problème résolu", "sorun yok", "but", "?", "if",
          "\u202e", "😀", "never", "late", "\n", ", ", ". "]  # fmt: skip


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=30))
def test_any_text_gives_counts_and_a_verdict(pieces):
    text = " ".join(pieces)
    denied, affirmed = problem_mentions(text)
    assert denied >= 0 and affirmed >= 0
    verdict = denies_problem(text)
    assert verdict in (True, False)
    assert not verdict or (denied > 0 and affirmed == 0)


@pytest.mark.parametrize(
    "text",
    ["Blood test was painless", "The injection didn't hurt", "Never felt any pain",
     "No pain at all during the procedure", "Scan was painless and quick",
     "Couldn't fault them", "Could not fault the care", "No improvements needed",
     "Nothing to improve", "Nothing hurt and no waiting", "Stitches out with no pain",
     "It didn't hurt at all", "Completely pain-free", "No discomfort whatsoever"],
)  # fmt: skip
def test_clinical_reassurance_denies_pain_and_fault(text: str):
    """Probe 52: patients' praise made of pain words read negative."""
    assert denies_problem(text)


@pytest.mark.parametrize(
    "text",
    ["still in pain after 3 weeks", "the pain was not managed", "it hurt a lot",
     "Didn't help my pain", "Wasn't told it would hurt", "Never asked about my pain",
     "Not painless at all", "It was not pain free", "Pas de pain au petit déjeuner"],
)  # fmt: skip
def test_pain_stated_is_affirmed_not_denied(text: str):
    """A pain word without a negation right before it, or a negated "painless", states the
    problem; "pain" after French "de" is bread."""
    assert problem_mentions(text) == (0, 1)


def test_pain_relief_is_no_pain_word():
    assert problem_mentions("No pain relief given") == (0, 0)
    assert problem_mentions("Waited 5 hours for pain relief, still in pain") == (0, 1)
    assert not denies_problem("No pain relief given")


@pytest.mark.parametrize(
    "text",
    ["Never felt pain like it.", "I've never had pain like that in my life.",
     "Far from painless.", "It was hardly painless.", "I've never had so much pain"],
)  # fmt: skip
def test_pain_compared_or_a_faint_denial_states_the_pain(text: str):
    """Review 52: these counted as denials and turned negative readings positive."""
    assert not denies_problem(text)
    assert problem_mentions(text)[1] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Direct debit reduced to £65 as I asked, no fuss.",
        "Nothing went wrong, the reading was accepted straight away.",
        "Keine Probleme, der Zähler wurde pünktlich getauscht.",
        "Sin problemas, el técnico llegó puntual.",
        "No problems until now.",  # "until now": so far
    ],
)
def test_a_smooth_process_denies_a_problem(text):
    assert denies_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "No problems until the bill came.",
        "Sin problemas hasta que llegó la factura.",
        "They made a fuss about the meter.",
        "Everything went wrong.",
    ],
)
def test_a_problem_that_came_later_or_a_fuss_made_is_no_denial(text):
    assert not denies_problem(text)


@pytest.mark.parametrize(
    "text",
    ["No issues apart from the rude receptionist", "Keine Probleme außer dem Check-in",
     "Aucun souci sauf le bruit", "No problems, yeah right", "No complaints from me, said no one"],
)  # fmt: skip
def test_an_exception_or_a_sarcastic_tail_takes_the_denial_back(text: str) -> None:
    assert not denies_problem(text)
