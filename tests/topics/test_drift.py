"""Theme drift: the fit's record, the rule, and the notes on a tagged batch."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from feedback_nlp.topics.codebook import builtin_content_free
from feedback_nlp.topics.drift import (
    COVERAGE_KEY,
    BatchCounts,
    baseline,
    count_batch,
    drift_notes,
    language_note,
    table_drift_notes,
    theme_note,
    themes_drifted,
)
from feedback_nlp.topics.persistence import ARRAYS_FILE, JSON_FILE, load_model, save_model
from tests.topics.conftest import fit_model, tag

FIT = {"said": 2_000, "themed": 1_760}  # 12 % of the fitted comments fit no theme


def test_a_share_without_a_theme_grown_by_far_warns():
    assert themes_drifted(2_000, 1_760, said=500, unthemed=205)  # 41 %
    note = theme_note(FIT, said=500, unthemed=205)
    assert note.startswith("41 % of the 500 comments that say something fit no saved theme")
    assert "(12 % of those the model was fitted on)" in note and "feedback-nlp fit" in note


def test_the_same_share_does_not_warn():
    assert not themes_drifted(2_000, 1_760, said=5_000, unthemed=600)
    assert theme_note(FIT, said=5_000, unthemed=600) == ""


def test_a_significant_growth_under_ten_points_does_not_warn():
    """p is tiny on a large batch, but 12 % → 20 % is under the 10-point margin."""
    assert not themes_drifted(2_000, 1_760, said=100_000, unthemed=20_000)
    assert themes_drifted(2_000, 1_760, said=100_000, unthemed=22_100)


def test_a_small_batch_does_not_warn_whatever_its_share():
    assert not themes_drifted(2_000, 1_760, said=29, unthemed=29)
    assert themes_drifted(2_000, 1_760, said=30, unthemed=30)


def test_a_growth_chance_can_explain_does_not_warn():
    """A model fitted on few comments: 3 of 10 without a theme, then 14 of 30 (p ≈ 0.3)."""
    assert not themes_drifted(10, 7, said=30, unthemed=14)


def test_a_model_without_the_record_gives_no_theme_note_and_no_error():
    old = SimpleNamespace(fitted_on_={"comments": 400, "sample": 400, "units": 900}, history_=[])
    assert baseline(old) is None and baseline(None) is None
    assert theme_note(None, said=500, unthemed=500) == ""
    assert drift_notes(None, BatchCounts(said=500, unthemed=500)) == []


def test_a_model_edited_since_its_fit_gives_no_theme_note():
    """A merge or a deleted theme moves comments to "Other": the fit's share no longer holds."""
    model = _model({"en": 10})
    model.history_ = [{"action": "rename", "topic": 1, "label": "Parcels"}]
    assert baseline(model) == {"said": 10, "themed": 9}
    model.history_.append({"action": "delete", "topic": 2})
    assert baseline(model) is None


def test_languages_never_seen_note_above_a_tenth_of_the_comments():
    note = language_note(200, {"tr": 30, "pl": 5})
    assert note.startswith("18 % of the comments that say something are in languages")
    assert "(tr 30, pl 5)" in note
    assert language_note(200, {"tr": 20}) == ""  # 10 %: not more than a tenth
    assert language_note(20, {"tr": 20}) == ""  # too few comments


def _model(languages: dict[str, int] | None, counts: tuple[str, ...] = ()) -> SimpleNamespace:
    """What count_batch reads of a theme model: its replies, its fit record, its vocabulary."""
    coverage = {COVERAGE_KEY: {"said": 10, "themed": 9, "languages": languages}}
    return SimpleNamespace(
        content_free=builtin_content_free,
        fitted_on_=coverage if languages is not None else {},
        counts_=dict.fromkeys(counts),
        history_=[],
    )


def test_a_batch_counts_only_the_comments_that_say_something():
    table = pd.DataFrame(
        {
            "text_clean": ["The courier left my box in the rain", "ok", "", None, "Zu teuer"],
            "lang": ["en", "en", "en", None, "de"],
            "topic": pd.array([-1, -1, -1, -1, 3], dtype="Int64"),
        }
    )
    counts = count_batch(_model({"en": 5}), table)
    assert (counts.said, counts.unthemed) == (2, 1)  # "ok", "" and a missing text say nothing
    assert counts.unseen_languages == {"de": 1}
    assert count_batch(_model(None, counts=("en", "de")), table).unseen_languages == {}


def test_the_fit_records_its_comments_with_a_theme_as_tagging_counts_them(corpus, fitted):
    record = fitted.fitted_on_[COVERAGE_KEY]
    assignment = tag(fitted, corpus)
    tagged = pd.DataFrame(
        {"text_clean": corpus.texts, "lang": corpus.langs, "topic": assignment.topic}
    )
    again = count_batch(fitted, tagged)
    assert record["said"] == again.said > 0
    assert record["themed"] == again.said - again.unthemed
    assert sum(record["languages"].values()) == record["said"]
    assert set(record["languages"]) == set(corpus.langs)


def test_the_record_survives_save_and_load(tmp_path, fitted):
    loaded = load_model(save_model(fitted, tmp_path / "topics"))
    assert baseline(loaded) == baseline(fitted) is not None


def test_the_fit_comments_tagged_again_give_no_note(corpus, fitted):
    tagged = pd.DataFrame(
        {"text_clean": corpus.texts, "lang": corpus.langs, "topic": tag(fitted, corpus).topic}
    )
    assert drift_notes(baseline(fitted), count_batch(fitted, tagged)) == []


def test_a_batch_where_no_comment_says_anything_gives_no_note():
    assert drift_notes(FIT, BatchCounts()) == []


def test_recording_the_fit_changes_nothing_else_in_the_model(tmp_path, corpus, fitted, monkeypatch):
    """The record is read off the fitted model: themes, names and arrays stay as they were."""
    import json

    monkeypatch.setattr("feedback_nlp.topics.model.fit_coverage", lambda *args: {})
    without = fit_model(corpus)
    saved = [save_model(m, tmp_path / name) for m, name in ((fitted, "with"), (without, "no"))]
    states = [json.loads((folder / JSON_FILE).read_text()) for folder in saved]
    assert states[0]["fitted_on"].pop(COVERAGE_KEY) and not states[1]["fitted_on"].pop(COVERAGE_KEY)
    assert states[0] == states[1]
    arrays = [(folder / ARRAYS_FILE).read_bytes() for folder in saved]
    assert arrays[0] == arrays[1]


def test_a_table_tagged_in_memory_gets_the_notes_and_none_without_a_topics_stage():
    model = SimpleNamespace(name="topics", model_=_model({"en": 10}))  # 1 of 10 without
    analyzer = SimpleNamespace(stages=[SimpleNamespace(name="prepare"), model])
    table = pd.DataFrame(
        {
            "text_clean": [f"The lighthouse keeper painted wall {i} blue" for i in range(40)],
            "lang": ["en"] * 40,
            "topic": pd.array([-1] * 40, dtype="Int64"),
        }
    )
    assert table_drift_notes(analyzer, table) == [theme_note(baseline(model.model_), 40, 40)]
    assert table_drift_notes(SimpleNamespace(stages=[]), table) == []
