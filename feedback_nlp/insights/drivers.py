"""Key drivers: which themes, sentiments, emotions and touchpoints go with the outcome.

An L2-regularised regression on one row per unit — logistic for a binary event (detractor,
not satisfied, churned…), ridge for a numeric outcome — over 0/1 indicators:

- ``theme:<id>``: the unit has a comment with the theme;
- ``negative:<id>``: … and at least one of those comments is negative (theme × sentiment);
- ``emotion:<label>``: the unit has a comment with the emotion;
- ``touchpoint:<name>``: the unit has a comment at the touchpoint (the most common one is
  the reference and has no indicator).

Indicators that cannot be told apart are merged (identical ones) or left out: of a set that
every unit has exactly one of (each comment one theme, no "Other"), the most common is the
reference, as for touchpoints (`driver_labels.dependent_drivers`). A logistic driver whose
units all have the event, or none do (or whose other units do), is *separated*: it keeps its
penalised effect but gets no range, and a note says so (`driver_labels.separation_notes`).

The regression is written in numpy (`insights.driver_regression`: same objective as
scikit-learn's ``LogisticRegression(C=C)``: log-loss + ‖w‖²/(2C), intercept not penalised).
Each effect's CI is the percentile interval of `n_bootstrap` seeded bootstrap refits over
units. These are associations in observational data, not causes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights.core import (
    event_mask,
    outcome_values,
    resolve_outcome,
    row_themes,
    theme_labels,
)
from feedback_nlp.insights.driver_labels import (
    dependence_note,
    dependent_drivers,
    driver_label,
    identical_note,
    merge_identical,
    rare_note,
    separation_notes,
)
from feedback_nlp.insights.driver_regression import (
    _bootstrap,
    _fit_logistic_bootstrap,
    fit_logistic,
    fit_ridge,
)
from feedback_nlp.outcomes import OutcomeSpec
from feedback_nlp.schema import NEUTRAL_EMOTION, lists_of, split_list
from feedback_nlp.scores import SMALL_N, ScoreScales, describe_units, unit_ids

#: The note of a model fitted without the text signals (`text_signals=False`).
TEXT_SIGNALS_OFF = (
    "text signals left out: no theme × sentiment or emotion driver (they are read from the "
    "comment, which the outcome itself colours)"
)

__all__ = ["TEXT_SIGNALS_OFF", "DriverResult", "driver_features", "fit_logistic", "fit_ridge",
           "key_drivers"]  # fmt: skip


@dataclass(frozen=True)
class DriverResult:
    """Per-driver effects and the model's fit."""

    drivers: pd.DataFrame
    fit: pd.DataFrame
    skipped: list[str]


def driver_features(
    table: pd.DataFrame,
    theme_column: str | None,
    unit: str,
    min_n: int,
    text_signals: bool = True,
    modelled: pd.Index | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """One row per unit, one 0/1 column per driver with at least `min_n` units.

    `modelled`: the units the model is fitted on (those with the outcome's value); rows,
    counts, the reference touchpoint and identical drivers are then of those units only.
    Without `text_signals` the theme × negative sentiment and emotion drivers are left out:
    for an outcome read from the text itself (`negative_sentiment`) they would explain it by
    itself, and a score colours the comment written beside it (a detractor writes in anger),
    so holding them fixed takes part of the themes' effects away."""
    ids = unit_ids(table, unit)

    def on_modelled(frame: pd.DataFrame) -> pd.DataFrame:
        return frame if modelled is None else frame.reindex(modelled).fillna(0)

    parts, skipped = [], []
    negative = table["sentiment"] == "negative" if "sentiment" in table.columns else None
    if not text_signals:
        negative = None
        skipped.append(TEXT_SIGNALS_OFF)
    if theme_column and theme_column in table.columns:
        themes = row_themes(table, theme_column)
        parts.append(_indicators(ids, themes, "theme:"))
        if negative is not None:
            is_negative = negative.fillna(False).astype(bool)
            negative_themes = [t if neg else [] for t, neg in zip(themes, is_negative, strict=True)]
            negative_series = pd.Series(negative_themes, index=table.index, dtype=object)
            parts.append(_indicators(ids, negative_series, "negative:"))
        elif text_signals:
            skipped.append("no 'sentiment' column: theme × sentiment drivers skipped")
    else:
        skipped.append(f"no '{theme_column}' column: theme drivers skipped")
    if "emotion" in table.columns and text_signals:
        emotions = lists_of(table["emotion"], _felt_emotions)
        parts.append(_indicators(ids, emotions, "emotion:"))
    elif text_signals:
        skipped.append("no 'emotion' column: emotion drivers skipped")
    if "touchpoint" in table.columns:
        touch = lists_of(table["touchpoint"], lambda v: [] if pd.isna(v) else [str(v)])
        indicators = on_modelled(_indicators(ids, touch, "touchpoint:"))
        if indicators.columns.empty or not indicators.to_numpy().any():
            skipped.append("no touchpoint in any row: touchpoint drivers skipped")
        else:  # the most frequent touchpoint is the reference
            parts.append(indicators.drop(columns=indicators.sum().idxmax()))
    else:
        skipped.append("no 'touchpoint' column: touchpoint drivers skipped")
    features = pd.concat(parts, axis=1).fillna(0) if parts else pd.DataFrame(index=ids.unique())
    features = on_modelled(features)
    rare = features.columns[features.sum() < min_n]
    names = theme_labels(table)
    if len(rare):
        skipped.append(rare_note(list(rare), min_n, names))
    features, merged = merge_identical(features.drop(columns=rare).astype(float))
    skipped += [identical_note(dup, kept, names) for dup, kept in merged]
    dependent = dependent_drivers(features)
    skipped += [dependence_note(driver, combination, names) for driver, combination in dependent]
    return features.drop(columns=[driver for driver, _ in dependent]), skipped


def _felt_emotions(cell: object) -> list[str]:
    """The emotions of a cell but neutral."""
    return [e for e in split_list(cell) if e != NEUTRAL_EMOTION]


def _indicators(ids: pd.Series, lists: pd.Series, prefix: str) -> pd.DataFrame:
    """One 0/1 column per value of `lists` (lists of labels, `schema.lists_of`), one row per
    unit."""
    pairs = pd.DataFrame({"unit_id": ids, "value": lists}).explode("value").dropna()
    if pairs.empty:
        return pd.DataFrame(index=pd.Index(ids.unique(), name="unit_id"))
    pairs["value"] = prefix + pairs["value"].astype(str)
    return pd.crosstab(pairs["unit_id"], pairs["value"]).clip(upper=1)


def key_drivers(
    table: pd.DataFrame,
    outcome: str | OutcomeSpec = "nps",
    *,
    theme_column: str | None = "themes",
    unit: str = "auto",
    min_n: int = SMALL_N,
    c: float = 1.0,
    n_bootstrap: int = 200,
    seed: int = 0,
    confidence: float = 0.95,
    scales: ScoreScales | None = None,
    higher_is_better: bool | None = None,
    text_signals: bool = True,
) -> DriverResult:
    """Fit the driver model of `outcome` and bootstrap each effect's CI (seeded).

    For a binary event the effect is the log-odds coefficient and ``odds_ratio`` = exp(coef);
    for a numeric outcome it is the change in the mean. ``share_same_sign`` is the share of
    bootstrap refits whose coefficient has the sign of the full-data one. `text_signals`
    False leaves out the sentiment and emotion drivers (`driver_features`).
    """
    spec = resolve_outcome(table, outcome, scales=scales, higher_is_better=higher_is_better)
    unit = spec.unit_for(unit)
    values = outcome_values(table, spec, unit)
    if values.empty:  # a customer table whose customers wrote no comment here
        raise SchemaError(f"no unit has a {spec.column} value: nothing to model")
    features, skipped = driver_features(
        table, theme_column, unit, min_n, text_signals, modelled=values.index
    )
    if features.shape[1] == 0:
        shared = [note for note in skipped if note.startswith("every unit has ")]
        if shared:  # the only drivers left were had by every unit
            raise SchemaError(f"nothing to model ({'; '.join(shared)})")
        raise SchemaError(f"no driver has at least {min_n} units: nothing to model")
    events = event_mask(values, spec)
    logistic = events is not None
    y = events.to_numpy(dtype=float) if logistic else values.to_numpy(dtype=float)
    if logistic and y.min() == y.max():
        raise SchemaError(f"every unit has the same {spec.event_name} value: nothing to model")
    x = features.to_numpy(dtype=float)
    names = theme_labels(table)
    separated = separation_notes(features, y, str(spec.event_name), names) if logistic else {}
    skipped += list(separated.values())
    if logistic:
        params, boot = _fit_logistic_bootstrap(x, y, c, n_bootstrap, seed)
    else:
        params = fit_ridge(x, y, c)
        boot = _bootstrap(fit_ridge, x, y, c, n_bootstrap, seed)
    drivers = _driver_table(features, params, boot, confidence, logistic, set(separated))
    drivers.insert(1, "label", drivers["driver"].map(lambda d: driver_label(d, names)))
    target = spec.event_name or spec.metric_name.removesuffix("_mean").replace("_mean_", "_in_")
    fit = _fit_table(x, y, params, logistic, target)
    fit.insert(1, "unit_of_analysis", describe_units(values.index, unit == "respondent_id"))
    drivers["unit_of_analysis"] = fit.at[0, "unit_of_analysis"]
    return DriverResult(drivers, fit, skipped)


def _driver_table(
    features: pd.DataFrame,
    params: np.ndarray,
    boot: np.ndarray,
    confidence: float,
    logistic: bool,
    separated: Collection[str] = (),
) -> pd.DataFrame:
    """One row per driver; a `separated` driver (logistic only) gets no range."""
    tail = (1 - confidence) / 2
    coefs = params[1:]
    low = np.quantile(boot[:, 1:], tail, axis=0) if len(boot) else np.full_like(coefs, np.nan)
    high = np.quantile(boot[:, 1:], 1 - tail, axis=0) if len(boot) else np.full_like(coefs, np.nan)
    is_separated = features.columns.isin(list(separated)) & logistic
    low, high = np.where(is_separated, np.nan, low), np.where(is_separated, np.nan, high)
    same_sign = (np.sign(boot[:, 1:]) == np.sign(coefs)).mean(axis=0) if len(boot) else np.nan
    result = pd.DataFrame(
        {
            "driver": features.columns,
            "units": features.sum().to_numpy().astype(int),
            "coef": coefs,
            "coef_ci_low": low,
            "coef_ci_high": high,
            "share_same_sign": same_sign,
            "separated": is_separated,
        }
    )
    if logistic:
        result["odds_ratio"] = np.exp(result["coef"])
        result["or_ci_low"] = np.exp(result["coef_ci_low"])
        result["or_ci_high"] = np.exp(result["coef_ci_high"])
    return result.sort_values("coef", ascending=False, kind="stable").reset_index(drop=True)


def _fit_table(
    x: np.ndarray, y: np.ndarray, params: np.ndarray, logistic: bool, target: str
) -> pd.DataFrame:
    predicted = params[0] + x @ params[1:]
    rows = {"target": target, "model": "logistic (L2)" if logistic else "ridge", "units": len(y)}
    if logistic:
        probs = np.clip(1.0 / (1.0 + np.exp(-predicted)), 1e-12, 1 - 1e-12)
        base = np.clip(y.mean(), 1e-12, 1 - 1e-12)
        log_lik = np.sum(y * np.log(probs) + (1 - y) * np.log(1 - probs))
        null = np.sum(y * np.log(base) + (1 - y) * np.log(1 - base))
        rows |= {
            "events": int(y.sum()),
            "mcfadden_r2": 1 - log_lik / null,
            "auc_in_sample": _auc(y, probs),
        }
    else:
        total = np.sum((y - y.mean()) ** 2)
        rows |= {"r2": 1 - np.sum((y - predicted) ** 2) / total if total else np.nan}
    return pd.DataFrame([rows])


def _auc(y: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve (Mann–Whitney, ties counted half)."""
    ranks = pd.Series(scores).rank().to_numpy()
    positives = y == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
