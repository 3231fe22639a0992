"""Representative quotes per theme (and per cell), from the PII-redacted text only.

Closeness to the theme, in order of what is available:

1. ``mentions`` (the topics stage's ``theme_mentions`` table: ``response_id``, ``theme``,
   ``similarity``): the similarity of the part of the comment that raises the theme, so a long
   comment is quoted for the theme it raises, not for another of its themes;
2. ``embeddings`` (an array aligned with the table rows): cosine similarity to the mean
   embedding of the theme's comments;
3. ``topic_score`` for comments whose main ``topic`` is the theme;
4. the strength of the comment's sentiment (``sentiment_score`` away from zero, in the
   direction of the group: negative for detractors, positive for promoters);
5. none: comments in table order.

The method used is written in the ``closeness_method`` column. Duplicates (``is_duplicate`` and
identical normalised text) and empty texts are left out; ``lang`` travels with each quote, and
``excerpt`` with the part of the comment that raises the theme when ``mentions`` carry its
``unit_text`` (a report quotes that part of a long comment, not all of it).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.insights.core import row_themes, theme_labels
from feedback_nlp.scores import nps_group

QUOTE_COLUMNS = [
    "theme",
    "theme_label",
    "cell",
    "group",
    "rank",
    "response_id",
    "lang",
    "question",
    "text_clean",
    "excerpt",
    "closeness",
    "closeness_method",
]


def representative_quotes(
    table: pd.DataFrame,
    *,
    theme_column: str = "themes",
    per_group: int = 3,
    by: str | None = None,
    embeddings: np.ndarray | None = None,
    labels: Mapping[int | str, str] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Up to `per_group` quotes per theme (× `by` value when given) and NPS group.

    Groups are detractors and promoters when `nps` is present, else all comments
    (``group = "all"``). Only `text_clean` is quoted: without it this raises SchemaError.
    `question` is the open question the quote answers, where the table says.
    """
    if "text_clean" not in table.columns:
        raise SchemaError(
            "quotes need the PII-redacted 'text_clean' column; the raw text is never quoted"
        )
    if embeddings is not None and len(embeddings) != len(table):
        raise SchemaError(f"embeddings have {len(embeddings)} rows but the table {len(table)}")
    frame = _candidates(table, theme_column, by)
    names = theme_labels(table, labels)
    raised = _mention_similarity(mentions)
    parts = _mention_units(mentions)
    picked = []
    for (theme, _cell, group), part in frame.groupby(["theme", "cell", "group"], sort=True):
        scored = _closeness(part, table, theme, group, embeddings, raised)
        top = _dedupe(scored).head(per_group)
        excerpts = [parts.get((i, str(theme)), pd.NA) for i in top["response_id"].astype(str)]
        top = top.assign(
            rank=range(1, len(top) + 1),
            theme_label=names.get(theme, theme),
            excerpt=pd.array(excerpts, dtype="string"),
        )
        picked.append(top)
    if not picked:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    result = pd.concat(picked, ignore_index=True)
    result["cell"] = result["cell"].replace("", pd.NA)
    return result[QUOTE_COLUMNS]


def _candidates(table: pd.DataFrame, theme_column: str, by: str | None) -> pd.DataFrame:
    text = table["text_clean"].astype("string")
    keep = text.notna() & (text.str.strip().str.len() > 0)
    if "is_duplicate" in table.columns:
        keep &= ~table["is_duplicate"].fillna(False).astype(bool)
    frame = pd.DataFrame(
        {
            "row": np.arange(len(table)),
            "response_id": table["response_id"].astype("string"),
            "lang": table["lang"].astype("string") if "lang" in table.columns else pd.NA,
            "question": _questions(table),
            "text_clean": text,
            "theme": row_themes(table, theme_column),
            "cell": table[by].astype("string").fillna("") if by else "",
            "group": _groups(table),
        },
        index=table.index,
    )[keep]
    frame = frame.explode("theme").dropna(subset=["theme", "group"])
    return frame


def _questions(table: pd.DataFrame) -> pd.Series:
    """The open question each comment answers (surveys asking several), else missing: "The
    staff" says opposite things to "What did you like most?" and "What should we improve?"."""
    if "question" not in table.columns:
        return pd.Series(pd.NA, index=table.index, dtype="string")
    return table["question"].astype("string")


def _groups(table: pd.DataFrame) -> pd.Series:
    if "nps" not in table.columns:
        return pd.Series("all", index=table.index, dtype="string")
    groups = nps_group(table["nps"])
    return groups.where(groups.isin(["detractor", "promoter"]))


def _mention_similarity(mentions: pd.DataFrame | None) -> dict[tuple[str, str], float] | None:
    """(response id, theme id as text) → similarity of the unit raising it, or None."""
    if mentions is None or not {"response_id", "theme", "similarity"} <= set(mentions.columns):
        return None
    keys = zip(mentions["response_id"].astype(str), mentions["theme"].astype(str), strict=True)
    return dict(zip(keys, mentions["similarity"].astype(float), strict=True))


def _mention_units(mentions: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """(response id, theme id as text) → the text of the unit raising it (empty without)."""
    if mentions is None or not {"response_id", "theme", "unit_text"} <= set(mentions.columns):
        return {}
    text = mentions["unit_text"].astype("string").str.strip()
    known = mentions[text.notna() & (text.str.len() > 0)]
    keys = zip(known["response_id"].astype(str), known["theme"].astype(str), strict=True)
    return dict(zip(keys, known["unit_text"].astype(str), strict=True))


def _closeness(
    part: pd.DataFrame,
    table: pd.DataFrame,
    theme: str,
    group: str,
    embeddings: np.ndarray | None,
    raised: dict[tuple[str, str], float] | None = None,
) -> pd.DataFrame:
    rows = part["row"].to_numpy()
    if raised:
        ids = part["response_id"].astype(str)
        score = np.array([raised.get((i, str(theme)), -1.0) for i in ids], dtype=float)
        method = "similarity of the part raising the theme"
    elif embeddings is not None:
        vectors = embeddings[rows]
        centre = vectors.mean(axis=0)
        norms = np.linalg.norm(vectors, axis=1) * np.linalg.norm(centre)
        score, method = vectors @ centre / np.where(norms == 0, 1, norms), "embedding centroid"
    elif {"topic", "topic_score"} <= set(table.columns):
        topics = table["topic"].iloc[rows].astype("Float64").astype(float).to_numpy()
        scores = table["topic_score"].iloc[rows].astype(float).to_numpy()
        score, method = np.where(topics == float(theme), scores, -1.0), "topic_score"
    elif "sentiment_score" in table.columns:
        sentiment = table["sentiment_score"].iloc[rows].astype(float).to_numpy()
        score, method = (-sentiment if group == "detractor" else sentiment), "sentiment strength"
    else:
        score, method = np.zeros(len(rows)), "none (table order)"
    scored = part.assign(closeness=score, closeness_method=method)
    return scored.sort_values("closeness", ascending=False, kind="stable", na_position="last")


def _dedupe(scored: pd.DataFrame) -> pd.DataFrame:
    normalised = scored["text_clean"].str.casefold().str.split().str.join(" ")
    return scored[~normalised.duplicated()]
