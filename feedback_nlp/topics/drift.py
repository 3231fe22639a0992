"""Theme drift: do the saved themes still describe a new batch of comments?

At fit the theme model records, among the comments of its sample that say something (the
model's own rule, `topics.units.ContentCheck`: not empty, not only a content-free reply such
as "ok" or "n/a", not only stop words), how many got at least one theme, and their languages
(`ThemeModel.fitted_on_["coverage"]`). A tagged batch is counted the same way: its comments
that say something, those of them with no theme ("Other"), and those in a language the model
was never fitted on.

The rule (:func:`themes_drifted`): the share with no theme has grown when a one-sided Fisher
exact test of the batch against the fit gives p < 0.01 **and** the share is at least 10
points above the fit's, on at least 30 comments that say something. A note on languages
(:func:`language_note`) is given when more than 10 % of those comments are in languages the
model never saw (at least 30 comments). A model saved without the record gives no theme note,
and so does one edited since its fit by a merge, a split or a deleted theme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.topics.model import ThemeModel
    from feedback_nlp.topics.units import Units

#: Key of `ThemeModel.fitted_on_` holding the fit's counts.
COVERAGE_KEY = "coverage"
#: Fewest comments that say something for any note: below, chance alone moves the share.
MIN_COMMENTS = 30
#: Share points the batch's share with no theme must exceed the fit's by.
MIN_GROWTH = 0.10
#: Significance level of the one-sided Fisher exact test.
ALPHA = 0.01
#: Share of comments in languages never seen at fit above which a note is given.
NEW_LANGUAGE_SHARE = 0.10
#: Edits of a saved model after which the fit's record no longer holds (`topics.edits`):
#: a merge or a split moves theme centroids, a deleted theme's comments may become "Other".
MOVING_EDITS = frozenset({"merge", "split", "delete"})
#: Language codes that name no language (the language stage could not tell).
NO_LANGUAGE = frozenset({"", "und"})


class ThemeDriftWarning(UserWarning):
    """The saved themes may no longer describe the comments being tagged."""


@dataclass(frozen=True)
class BatchCounts:
    """A tagged batch's comments that say something, of them those with no theme, and those
    in languages the model was not fitted on (per language)."""

    said: int = 0
    unthemed: int = 0
    unseen_languages: dict[str, int] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The counts as a manifest part's fields."""
        return {
            "said": self.said,
            "unthemed": self.unthemed,
            "unseen_languages": dict(self.unseen_languages),
        }


def fit_coverage(
    model: ThemeModel,
    embeddings: np.ndarray,
    langs: Sequence[str],
    units: Units,
    unit_vectors: np.ndarray,
) -> dict[str, Any]:
    """The fit's record: comments of the sample that say something, of them those with a
    theme (assigned as tagging would assign them), and their count per language."""
    from feedback_nlp.topics.assign import assign_comments

    assignment = assign_comments(model, embeddings, langs, units, unit_vectors)
    says = _says(units, len(langs))
    themed = says & (assignment.topic >= 0)
    counted = Counter(str(lang) for lang, said in zip(langs, says, strict=True) if said)
    return {"said": int(says.sum()), "themed": int(themed.sum()), "languages": dict(counted)}


def fitted_languages(model: ThemeModel) -> set[str]:
    """The languages the model was fitted on (its vocabulary's for models saved before the
    coverage record)."""
    recorded = model.fitted_on_.get(COVERAGE_KEY, {}).get("languages")
    return set(recorded) if recorded is not None else set(model.counts_)


def baseline(model: ThemeModel | None) -> dict[str, int] | None:
    """The fit's comments that say something and those with a theme; None when not recorded,
    or when an edit since the fit moved comments to or from "Other" (`topics.edits`)."""
    coverage = model.fitted_on_.get(COVERAGE_KEY) if model is not None else None
    if not coverage or any(e.get("action") in MOVING_EDITS for e in model.history_):
        return None
    return {"said": int(coverage["said"]), "themed": int(coverage["themed"])}


def theme_model(analyzer: Analyzer) -> ThemeModel | None:
    """The fitted theme model of an analyzer's topics stage (None without one)."""
    for stage in analyzer.stages:
        if stage.name == "topics":
            return getattr(stage, "model_", None)
    return None


def count_batch(model: ThemeModel, table: pd.DataFrame) -> BatchCounts:
    """Count a tagged table (`text_clean`, `lang`, `topic`) as the fit was counted."""
    from feedback_nlp.topics.units import split_units

    texts = ["" if pd.isna(t) else str(t) for t in table["text_clean"]]
    langs = ["und" if pd.isna(lang) else str(lang) for lang in table["lang"]]
    says = _says(split_units(texts, langs, model.content_free()), len(texts))
    unthemed = says & (pd.to_numeric(table["topic"]).fillna(-1).to_numpy() < 0)
    known = fitted_languages(model) | NO_LANGUAGE
    unseen = Counter(lang for lang, said in zip(langs, says, strict=True) if said)
    unseen = Counter({lang: n for lang, n in unseen.items() if lang not in known})
    return BatchCounts(int(says.sum()), int(unthemed.sum()), dict(sorted(unseen.items())))


def chunk_record(analyzer: Analyzer, tagged: pd.DataFrame) -> dict[str, Any]:
    """A tagged chunk's counts for its manifest part ({} without a topics stage)."""
    model = theme_model(analyzer)
    return {} if model is None else count_batch(model, tagged).record()


def themes_drifted(fit_said: int, fit_themed: int, said: int, unthemed: int) -> bool:
    """Has the share of comments with no theme grown beyond chance and by a margin that
    matters (the module's rule)?"""
    if said < MIN_COMMENTS or fit_said <= 0:
        return False
    fit_unthemed = fit_said - fit_themed
    if unthemed / said - fit_unthemed / fit_said < MIN_GROWTH:
        return False
    from scipy import stats

    table = [[unthemed, said - unthemed], [fit_unthemed, fit_themed]]
    return bool(stats.fisher_exact(table, alternative="greater")[1] < ALPHA)


def theme_note(fit: Mapping[str, int] | None, said: int, unthemed: int) -> str:
    """The sentence saying the themes no longer describe the batch ("" when they do, or when
    the model has no record of its fit)."""
    if not fit or not themes_drifted(fit["said"], fit["themed"], said, unthemed):
        return ""
    fit_share = 1 - fit["themed"] / fit["said"]
    return (
        f"{_percent(unthemed / said)} of the {said:,} comments that say something fit no saved "
        f"theme ({_percent(fit_share)} of those the model was fitted on): the themes may no "
        "longer describe them; refit with `feedback-nlp fit` or look at the comments tagged "
        "'Other'"
    )


def language_note(said: int, unseen: Mapping[str, int]) -> str:
    """The sentence naming the languages the model never saw, when they are more than 10 %
    of the comments that say something ("" otherwise)."""
    count = sum(unseen.values())
    if said < MIN_COMMENTS or count / said <= NEW_LANGUAGE_SHARE:
        return ""
    named = ", ".join(f"{lang} {n:,}" for lang, n in sorted(unseen.items(), key=lambda i: -i[1]))
    return (
        f"{_percent(count / said)} of the comments that say something are in languages the "
        f"themes were not fitted on ({named}): refit with comments in those languages"
    )


def drift_notes(fit: Mapping[str, int] | None, counts: BatchCounts) -> list[str]:
    """Every note on a batch: the themes' drift, then the languages."""
    notes = [
        theme_note(fit, counts.said, counts.unthemed),
        language_note(counts.said, counts.unseen_languages),
    ]
    return [note for note in notes if note]


def table_drift_notes(analyzer: Analyzer, table: pd.DataFrame) -> list[str]:
    """The notes on a table tagged in memory (`pipeline.tag`); [] without a topics stage."""
    model = theme_model(analyzer)
    if model is None or table.empty:
        return []
    return drift_notes(baseline(model), count_batch(model, table))


def _percent(share: float) -> str:
    """0.413 → '41 %'."""
    return f"{100 * share:.0f} %"


def _says(units: Units, n_comments: int) -> np.ndarray:
    """Per comment: does one of its units say something?"""
    says = np.zeros(n_comments, dtype=bool)
    says[units.owner[units.says_something]] = True
    return says
