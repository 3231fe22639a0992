"""Tag comments with fitted themes: the main theme of the whole text, plus each unit's theme.

A comment that says nothing (every unit content-free) is "Other" (-1). Otherwise its main
theme is the nearest theme of its whole embedding when that reaches the model's threshold,
else the best theme of its units. Every unit that reaches the threshold adds its theme, so
"the engineer never came, and support kept transferring me" carries both issues. A unit on
which a keyword rule of a theme-level codebook entry fires takes that entry's theme. The
`mentions` table says which unit raises each (comment, theme) pair: its text, similarity and
whether it is the whole comment (theme-level sentiment reads it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from feedback_nlp.topics.units import Units

if TYPE_CHECKING:
    from feedback_nlp.topics.config import Assignment
    from feedback_nlp.topics.model import ThemeModel

MENTION_COLUMNS = ("row", "theme", "unit", "text", "similarity", "whole")


@dataclass
class _UnitThemes:
    """Per unit, as plain lists (fast to index in the per-comment loop)."""

    best: list[int]  # nearest theme row
    best_sim: list[float]
    ok: list[bool]  # says something and reaches the threshold


def assign_comments(
    model: ThemeModel,
    embeddings: np.ndarray,
    langs: Sequence[str],
    units: Units,
    unit_vectors: np.ndarray,
) -> Assignment:
    """Main theme, score, all themes and the raising units of every comment."""
    from feedback_nlp.topics.config import OUTLIER, Assignment

    n_rows = len(embeddings)
    if len(model.topic_ids_) == 0 or n_rows == 0:
        empty = pd.DataFrame(columns=list(MENTION_COLUMNS))
        return Assignment(np.full(n_rows, OUTLIER), np.zeros(n_rows), [[OUTLIER]] * n_rows, empty)
    comment_sims = model.similarities(embeddings, langs)
    best = comment_sims.argmax(axis=1)
    best_sim = comment_sims[np.arange(n_rows), best]
    unit_sims = model.similarities(unit_vectors, units.lang)
    per_unit = _unit_themes(unit_sims, units, model.threshold_, model.rule_rows(units.text))
    says = np.zeros(n_rows, dtype=bool)
    says[units.owner[units.says_something]] = True
    main_ok = (says & (best_sim >= model.threshold_)).tolist()
    starts = np.searchsorted(units.owner, np.arange(n_rows + 1)).tolist()
    ids = model.topic_ids_.tolist()
    best_list = best.tolist()
    pairs_per_row: list[list[tuple[int, int]]] = []
    for row in range(n_rows):
        own = range(starts[row], starts[row + 1])
        main = best_list[row] if main_ok[row] else -1
        raising = _raising_unit(own, main, unit_sims) if main >= 0 else -1
        pairs = _comment_pairs(main, raising, own, per_unit, model.config.max_themes)
        pairs_per_row.append(pairs if says[row] else [])
    return _assignment(model, ids, pairs_per_row, comment_sims, best_sim, says, units, unit_sims)


def _unit_themes(
    unit_sims: np.ndarray, units: Units, threshold: float, forced: np.ndarray
) -> _UnitThemes:
    """Nearest theme of each unit; a keyword rule of a theme-level entry overrides it."""
    if len(units) == 0:
        return _UnitThemes([], [], [])
    best = np.where(forced >= 0, forced, unit_sims.argmax(axis=1))
    best_sim = unit_sims[np.arange(len(best)), best]
    ok = units.says_something & ((best_sim >= threshold) | (forced >= 0))
    return _UnitThemes(best.tolist(), best_sim.tolist(), ok.tolist())


def _raising_unit(own: range, main: int, unit_sims: np.ndarray) -> int:
    """The unit of the comment most similar to its main theme (-1 if it has no unit)."""
    if len(own) == 0:
        return -1
    if len(own) == 1:
        return own.start
    return own.start + int(unit_sims[own.start : own.stop, main].argmax())


def _comment_pairs(
    main: int, raising: int, own: range, per_unit: _UnitThemes, max_themes: int
) -> list[tuple[int, int]]:
    """(theme row, raising unit) pairs of one comment, main theme first."""
    pairs = [(main, raising)] if main >= 0 else []
    seen = {main}
    themed = sorted((u for u in own if per_unit.ok[u]), key=lambda u: -per_unit.best_sim[u])
    for unit in themed:
        theme_row = per_unit.best[unit]
        if theme_row not in seen:
            seen.add(theme_row)
            pairs.append((theme_row, unit))
    return pairs[:max_themes]


def _assignment(
    model: ThemeModel,
    ids: list[int],
    pairs_per_row: list[list[tuple[int, int]]],
    comment_sims: np.ndarray,
    best_sim: np.ndarray,
    says: np.ndarray,
    units: Units,
    unit_sims: np.ndarray,
) -> Assignment:
    from feedback_nlp.topics.config import OUTLIER, Assignment

    n_rows = len(pairs_per_row)
    topic = np.full(n_rows, OUTLIER, dtype=np.int64)
    score = np.where(says, np.clip(best_sim, 0.0, 1.0), 0.0).astype(np.float64)
    themes: list[list[int]] = []
    mention_rows: list[int] = []
    mention_pairs: list[tuple[int, int]] = []
    for row, pairs in enumerate(pairs_per_row):
        if not pairs:
            themes.append([OUTLIER])
            continue
        topic[row] = ids[pairs[0][0]]
        score[row] = float(np.clip(comment_sims[row, pairs[0][0]], 0.0, 1.0))
        themes.append([ids[theme_row] for theme_row, _ in pairs])
        mention_rows.extend([row] * len(pairs))
        mention_pairs.extend(pairs)
    theme_rows = np.array([p[0] for p in mention_pairs], dtype=np.int64)
    unit_index = np.array([p[1] for p in mention_pairs], dtype=np.int64)
    rows = np.array(mention_rows, dtype=np.int64)
    has_unit = unit_index >= 0
    similarity = comment_sims[rows, theme_rows] if len(rows) else np.zeros(0)
    similarity[has_unit] = unit_sims[unit_index[has_unit], theme_rows[has_unit]]
    frame = pd.DataFrame(
        {
            "row": rows,
            "theme": np.asarray(ids, dtype=np.int64)[theme_rows] if len(rows) else rows,
            "unit": unit_index,
            "text": [units.text[u] if u >= 0 else "" for u in unit_index.tolist()],
            "similarity": similarity.astype(np.float64),
            "whole": np.where(has_unit, units.whole[np.maximum(unit_index, 0)], True)
            if len(rows)
            else np.zeros(0, dtype=bool),
        }
    )
    return Assignment(topic, score, themes, frame)
