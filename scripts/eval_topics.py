"""Measure the themes on the bundled demo data (or any feedback file with ground truth).

Runs prepare -> language -> embed, fits the topics stage and reports: share of outliers,
purity of themes against `touchpoint` and against the ground-truth `true_theme`, topic
diversity (unique words among the themes' top-10 keywords), NPMI coherence of the top-10
keywords on the corpus itself, cross-language mixing, and how often a two-theme comment gets
both its themes; for the categories (upper level): their number, purity against
`true_theme`, and how many categories each true theme is spread over. `--cache F.npz` keeps
the comment embeddings for reruns (keyed by the texts and `--quantize`).

    nice python scripts/eval_topics.py --out docs/results/topics_demo.json
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.io.reader import read_many
from feedback_nlp.pipeline import demo_files
from feedback_nlp.schema import split_list
from feedback_nlp.stages import STAGES, Batch
from feedback_nlp.topics.labels import Lemmatizer

NO_THEME = "none"


def embedded_batch(files: list[Path], cache: Path | None, quantize: str = "none") -> Batch:
    """The files read, prepared, language-tagged and embedded (embeddings from `cache` when it
    holds the same texts embedded with the same precision)."""
    table = read_many(files).table
    batch = Batch(table)
    for name in ("prepare", "language"):
        batch = STAGES[name]().fit_transform(batch)
    texts = batch.table["text_clean"].fillna("").astype(str).tolist()
    key = np.array([quantize, *texts], dtype=str)
    if cache is not None and cache.exists():
        stored = np.load(cache, allow_pickle=False)
        if np.array_equal(stored["key"], key):
            return Batch(batch.table, {"embedding": stored["embedding"]}, batch.tables)
    batch = STAGES["embed"](quantize=quantize).fit_transform(batch)
    if cache is not None:
        np.savez(cache, key=key, embedding=batch.arrays["embedding"])
    return batch


def purity(topics: pd.Series, truth: pd.Series) -> float:
    """Share of themed comments whose truth is their theme's majority truth."""
    frame = pd.DataFrame({"topic": topics, "truth": truth}).dropna()
    frame = frame[frame["topic"] >= 0]
    majority = frame.groupby("topic")["truth"].agg(lambda s: s.value_counts().iloc[0]).sum()
    return float(majority / max(len(frame), 1))


def npmi(keywords: list[list[str]], docs: list[set[str]]) -> float:
    """Mean NPMI of keyword pairs, from document co-occurrence in the corpus."""
    n_docs = len(docs)
    scores = []
    for words in keywords:
        for a, b in combinations(words, 2):
            p_a = sum(a in d for d in docs) / n_docs
            p_b = sum(b in d for d in docs) / n_docs
            p_ab = sum(a in d and b in d for d in docs) / n_docs
            if p_ab == 0:
                scores.append(-1.0)
            elif p_ab == 1:
                scores.append(1.0)
            else:
                scores.append(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab))
    return float(np.mean(scores)) if scores else 0.0


def cross_language(table: pd.DataFrame) -> dict[str, float]:
    """Share of themes spanning >= 3 languages, among themes whose main issue occurs in >= 3."""
    themed = table[table["topic"] >= 0]
    truth_langs = table.groupby("true_theme")["lang"].nunique()
    eligible = spanning = 0
    for _, members in themed.groupby("topic"):
        main_truth = members["true_theme"].value_counts().index[0]
        if main_truth != NO_THEME and truth_langs.get(main_truth, 0) >= 3:
            eligible += 1
            spanning += int(members["lang"].nunique() >= 3)
    return {"themes_eligible": eligible, "share_spanning_3_languages": spanning / max(eligible, 1)}


def multi_theme_recall(table: pd.DataFrame) -> float:
    """Among comments with two true themes, share given >= 2 themes whose majorities match."""
    themed = table[table["topic"] >= 0]
    majority = themed.groupby("topic")["true_theme"].agg(lambda s: s.value_counts().index[0])
    two = table[table["true_themes"].map(lambda c: len(split_list(c)) == 2)]
    hits = 0
    for _, row in two.iterrows():
        found = {majority.get(int(t)) for t in split_list(row["themes"]) if int(t) >= 0}
        hits += int(set(split_list(row["true_themes"])) <= found)
    return hits / max(len(two), 1)


def category_codes(table: pd.DataFrame) -> pd.Series:
    """Integer code of each comment's main category (-1 for outliers), for `purity`."""
    names = sorted(set(table.loc[table["topic"] >= 0, "topic_category"]))
    code = {name: i for i, name in enumerate(names)}
    pairs = zip(table["topic"], table["topic_category"], strict=True)
    return pd.Series([code[c] if t >= 0 else -1 for t, c in pairs], index=table.index)


def categories_per_truth(table: pd.DataFrame) -> dict[str, int]:
    """Per true theme, how many categories hold the themes whose majority it is (1 is ideal)."""
    themed = table[table["topic"] >= 0]
    majority = themed.groupby("topic")["true_theme"].agg(lambda s: s.value_counts().index[0])
    category = themed.groupby("topic")["topic_category"].first()
    frame = pd.DataFrame({"truth": majority, "category": category})
    frame = frame[frame["truth"] != NO_THEME]
    return {str(k): int(v) for k, v in frame.groupby("truth")["category"].nunique().items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=Path, nargs="*", default=None)
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="reuse comment embeddings from this .npz (same texts and precision only); they "
        "are not recomputed when the encoder code changes, so leave it off for final numbers",
    )
    parser.add_argument("--min-topic-size", type=int, default=10)
    parser.add_argument("--category-similarity", type=float, default=0.3)
    parser.add_argument(
        "--comment-level-only",
        action="store_true",
        help="turn off sentence-level themes (the default adds them)",
    )
    parser.add_argument(
        "--quantize",
        default="none",
        help="the embed stage's encoder precision for the comment embeddings (none, int8, bf16)",
    )
    parser.add_argument("--out", type=Path, default=Path("docs/results/topics_demo.json"))
    args = parser.parse_args()
    batch = embedded_batch(args.files or demo_files(), args.cache, args.quantize)
    stage = STAGES["topics"](
        min_topic_size=args.min_topic_size,
        category_similarity=args.category_similarity,
        sentence_themes=not args.comment_level_only,
    )
    start = time.perf_counter()
    out = stage.fit_transform(batch)
    fit_seconds = time.perf_counter() - start
    table = out.table
    themes = stage.model_.theme_list()
    keywords = [t.keywords[:10] for t in themes]
    langs = table["lang"].astype(str).tolist()
    docs = [set(t) for t in Lemmatizer().tokens(table["text_clean"].fillna("").tolist(), langs)]
    truth = table["true_theme"].fillna(NO_THEME).replace("", NO_THEME)
    table = table.assign(true_theme=truth)
    with_truth = table[truth != NO_THEME]
    report = {
        "comments": len(table),
        "themes": len(themes),
        "fit_seconds": round(fit_seconds, 1),
        "threshold": round(stage.model_.threshold_, 3),
        "outlier_share": round(float((table["topic"] < 0).mean()), 3),
        "outlier_share_of_comments_with_a_true_theme": round(
            float((with_truth["topic"] < 0).mean()), 3
        ),
        "purity_touchpoint": round(purity(table["topic"], table["touchpoint"]), 3),
        "purity_true_theme": round(purity(with_truth["topic"], with_truth["true_theme"]), 3),
        "categories": len({t.category for t in themes}),
        "category_similarity": stage.category_similarity,
        "purity_true_theme_categories": round(
            purity(category_codes(with_truth), with_truth["true_theme"]), 3
        ),
        "categories_per_true_theme": categories_per_truth(table),
        "topic_diversity": round(
            len({w for k in keywords for w in k}) / max(sum(map(len, keywords)), 1), 3
        ),
        "npmi_top10": round(npmi(keywords, docs), 3),
        **cross_language(table),
        "multi_theme_recall": round(multi_theme_recall(table), 3),
        "comments_with_several_themes": round(
            float(table["themes"].map(lambda c: len(split_list(c)) > 1).mean()), 3
        ),
        "themes_table": [
            {
                "topic": t.topic,
                "label": t.label,
                "category": t.category,
                "size": t.size,
                "true_theme_mix": dict(
                    Counter(table.loc[table["topic"] == t.topic, "true_theme"]).most_common(3)
                ),
                "languages": int(table.loc[table["topic"] == t.topic, "lang"].nunique()),
            }
            for t in themes
        ],
    }
    print(json.dumps({k: v for k, v in report.items() if k != "themes_table"}, indent=1))
    for row in report["themes_table"]:
        print(row)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
