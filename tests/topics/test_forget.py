"""What a saved theme model keeps of its comments, and taking customers' quotes out."""

from __future__ import annotations

import copy

import numpy as np
from scipy import sparse
from typer.testing import CliRunner

from feedback_nlp.cli import app
from feedback_nlp.text.pseudonyms import pseudonymise_pii_id
from feedback_nlp.topics.forget import drop_single_use_terms, forget_quotes, forget_respondents
from feedback_nlp.topics.persistence import load_model, save_model


def test_a_fit_keeps_no_term_or_phrase_counted_once(fitted):
    totals = sum(np.asarray(c.sum(axis=0)).ravel() for c in fitted.counts_.values())
    assert len(totals) == len(fitted.vocabulary_) and totals.min() >= 2
    if fitted.phrases_ is not None and fitted.phrases_.counts.shape[1]:
        assert np.asarray(fitted.phrases_.counts.sum(axis=0)).min() >= 2


def test_dropping_single_use_terms_keeps_the_counts_of_the_others(fitted):
    model = copy.deepcopy(fitted)
    lang = sorted(model.counts_)[0]
    before = model.counts_[lang].toarray()
    model.vocabulary_ = [*model.vocabulary_, "mustermann"]
    padded = {
        name: np.hstack([c.toarray(), np.zeros((c.shape[0], 1))])
        for name, c in model.counts_.items()
    }
    padded[lang][0, -1] = 1  # one comment's word
    model.counts_ = {name: sparse.csr_matrix(c) for name, c in padded.items()}
    drop_single_use_terms(model)
    assert "mustermann" not in model.vocabulary_
    np.testing.assert_array_equal(model.counts_[lang].toarray(), before)


def test_forgetting_a_respondent_takes_their_quotes_out_by_id_or_pseudonym(fitted):
    model = copy.deepcopy(fitted)
    theme = next(t for t in model.themes_.values() if t.representative_ids)
    target = theme.representative_ids[0]
    quotes = sum(len(t.representative_texts) for t in model.themes_.values())
    assert forget_respondents(model, [f" {target} "]) == 1
    assert all(target not in t.representative_ids for t in model.themes_.values())
    assert sum(len(t.representative_texts) for t in model.themes_.values()) == quotes - 1
    email = "erika@example.org"
    theme.representative_ids.append(str(pseudonymise_pii_id(email)))
    theme.representative_texts.append("Refund never came.")
    assert forget_respondents(model, [email]) == 1  # the id as written in the input
    assert "Refund never came." not in theme.representative_texts
    assert forget_quotes(model) == quotes - 1
    assert all(not t.representative_texts for t in model.themes_.values())


def test_topics_forget_saves_the_model_without_the_quotes(tmp_path, fitted):
    save_model(fitted, tmp_path / "03-topics")
    target = next(t for t in fitted.themes_.values() if t.representative_ids).representative_ids[0]
    result = CliRunner().invoke(app, ["topics", "forget", str(tmp_path), "--id", target])
    assert result.exit_code == 0, result.output
    assert "took 1 quote(s) out" in result.output
    model = load_model(tmp_path / "03-topics")
    assert all(target not in t.representative_ids for t in model.themes_.values())
    every = CliRunner().invoke(app, ["topics", "forget", str(tmp_path), "--all-quotes"])
    assert every.exit_code == 0, every.output
    assert all(
        not t.representative_texts for t in load_model(tmp_path / "03-topics").themes_.values()
    )
    nothing = CliRunner().invoke(app, ["topics", "forget", str(tmp_path)])
    assert nothing.exit_code == 2 and "nothing to forget" in nothing.output
    unknown = CliRunner().invoke(app, ["topics", "forget", str(tmp_path), "--id", "nobody"])
    assert unknown.exit_code == 1 and "no quote has these ids; nothing changed" in unknown.output
