"""Theme tables: one row per theme, and theme counts over time and by segment."""

from __future__ import annotations

import numpy as np
import pandas as pd

from feedback_nlp.errors import ConfigError
from feedback_nlp.schema import LIST_SEP, lists_of, require
from feedback_nlp.topics.model import ThemeModel

#: Cosine of two theme centroids (in the model's theme space) from which the two are listed as
#: similar: the same issue worded apart ("aufzug defekt", "hbf defekt"), which rankings of
#: costly themes list once (`insights.distinct`; measured in docs/topics.md).
SIMILAR_THEME = 0.6

THEME_TABLE_COLUMNS = (
    "topic",
    "label",
    "category",
    "category_source",
    "judgement",
    "size",
    "mentions",
    "negative_share",
    "keywords",
    "keywords_by_lang",
    "representative_ids",
    "representative_texts",
    "similar_themes",
)


def theme_table(
    model: ThemeModel, mentions: pd.DataFrame | None = None, quotes: bool = True
) -> pd.DataFrame:
    """One row per theme: id, label, category, whether it judges the whole experience (its
    codebook entry says ``judgement = true``), size at fit, keywords (also per language),
    examples (empty with `quotes` false: a batch tagged by a model fitted elsewhere does not
    carry the fitted comments); with the `theme_mentions` table, how often each theme is raised
    in the tagged comments and the share of those mentions that are negative;
    `similar_themes`, the ids of the themes whose centroid is at least `SIMILAR_THEME`
    similar, most similar first."""
    raised, negative = _mention_counts(mentions)
    judged = judgement_entries(model)
    similar = similar_themes(model)
    rows = [
        {
            "topic": theme.topic,
            "label": theme.label,
            "category": theme.category,
            "category_source": theme.category_source,
            "judgement": theme.category_source.removeprefix("codebook:") in judged
            or theme.codebook_id in judged,
            "size": theme.size,
            "mentions": raised.get(theme.topic, 0),
            "negative_share": negative.get(theme.topic, float("nan")),
            "keywords": ", ".join(theme.keywords),
            "keywords_by_lang": "; ".join(
                f"{lang}: {', '.join(words[:5])}"
                for lang, words in sorted(theme.keywords_by_lang.items())
            ),
            "representative_ids": LIST_SEP.join(theme.representative_ids) if quotes else "",
            "representative_texts": LIST_SEP.join(theme.representative_texts) if quotes else "",
            "similar_themes": LIST_SEP.join(str(t) for t in similar.get(theme.topic, [])),
        }
        for theme in model.theme_list()
    ]
    table = pd.DataFrame(rows, columns=list(THEME_TABLE_COLUMNS))
    numeric = {
        "topic": "Int64",
        "judgement": "boolean",
        "size": "Int64",
        "mentions": "Int64",
        "negative_share": "float64",
    }
    table = table.astype(numeric)
    return table.astype({c: "string" for c in THEME_TABLE_COLUMNS if c not in numeric})


def similar_themes(model: ThemeModel, threshold: float = SIMILAR_THEME) -> dict[int, list[int]]:
    """Theme id → the other themes whose centroid (unit rows) has a cosine of at least
    `threshold` with its own, most similar first (ties by id); themes with none are left out."""
    ids = [int(t) for t in model.topic_ids_]
    if model.centroids_ is None or len(ids) < 2:
        return {}
    centroids = np.asarray(model.centroids_, dtype=np.float64)
    cosines = centroids @ centroids.T
    np.fill_diagonal(cosines, -np.inf)
    result = {}
    for row, topic in enumerate(ids):
        order = np.argsort(-cosines[row], kind="stable")
        close = [c for c in order if cosines[row, c] >= threshold]
        if close:
            result[topic] = [ids[c] for c in close]
    return result


def judgement_entries(model: ThemeModel) -> set[str]:
    """Ids of the codebook entries that judge the whole experience (``judgement = true``)."""
    book = model.codebook_
    return {e.id for e in book.entries if e.judgement} if book is not None else set()


def with_mention_counts(themes: pd.DataFrame, mentions: pd.DataFrame | None) -> pd.DataFrame:
    """A theme table with `mentions` and `negative_share` counted over `mentions` (the
    theme_mentions rows of the comments at hand, e.g. a tagging job's)."""
    raised, negative = _mention_counts(mentions)
    topics = [int(t) for t in themes["topic"]]
    return themes.assign(
        mentions=pd.array([raised.get(t, 0) for t in topics], dtype="Int64"),
        negative_share=np.array([negative.get(t, np.nan) for t in topics], dtype="float64"),
    )


def _mention_counts(mentions: pd.DataFrame | None) -> tuple[dict[int, int], dict[int, float]]:
    """Mentions per theme and the share of them with a negative sentiment (known ones)."""
    if mentions is None or mentions.empty:
        return {}, {}
    themes = mentions["theme"].astype("int64")
    raised = themes.value_counts().to_dict()
    sentiment = mentions["sentiment"].astype("string")
    known = sentiment.notna()
    negative = (sentiment[known] == "negative").groupby(themes[known]).mean().to_dict()
    return {int(k): int(v) for k, v in raised.items()}, {
        int(k): float(v) for k, v in negative.items()
    }


def exploded_themes(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment, theme) from the `themes` column: a comment counts in each theme."""
    require(table, ["themes"], by="theme tables")
    exploded = table.assign(theme=lists_of(table["themes"])).explode("theme")
    exploded = exploded[exploded["theme"].notna()]
    return exploded.assign(theme=exploded["theme"].astype("int64"))


def themes_by_segment(table: pd.DataFrame, segment: str) -> pd.DataFrame:
    """Comments per theme and segment value (channel, touchpoint, lang, …) and the share."""
    require(table, [segment], by=f"themes by '{segment}'")
    exploded = exploded_themes(table)
    counts = exploded.groupby([segment, "theme"], dropna=False).size().rename("comments")
    totals = table.groupby(segment, dropna=False).size().rename("segment_comments")
    result = counts.reset_index().merge(totals.reset_index(), on=segment, how="left")
    result["share"] = result["comments"] / result["segment_comments"]
    return result.sort_values([segment, "comments", "theme"], ascending=[True, False, True])


def themes_over_time(
    table: pd.DataFrame, freq: str = "MS", column: str = "created_at"
) -> pd.DataFrame:
    """Comments per theme and period (`freq`: a pandas frequency, e.g. "W", "MS", "QS")."""
    require(table, [column], by="themes over time")
    if not isinstance(table[column].dtype, pd.DatetimeTZDtype):
        raise ConfigError(
            f"themes over time needs '{column}' as UTC datetimes, "
            f"it has dtype {table[column].dtype}"
        )
    exploded = exploded_themes(table)
    period = exploded[column].dt.tz_convert(None).dt.to_period(freq.removesuffix("S") or "M")
    counts = exploded.assign(period=period.dt.start_time).groupby(["period", "theme"]).size()
    return counts.unstack("theme", fill_value=0).sort_index()
