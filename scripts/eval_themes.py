"""Measure the default themes on real labelled feedback (and the demo) against gold labels.

For each set (scripts/theme_sets.py: BANKING77 test, MAMS ACSA test, MobASA test, Steam
test, demo) the default stages run (prepare, language, embed, sentiment, topics), each set in
its own process so its peak memory is its own, and report:

- coverage: share of comments that say something (a unit with a content word) given a theme;
- themes and categories found; NMI / ARI of the main theme against the gold label (comments
  with exactly one gold label; "Other" counts as a cluster);
- multi-label precision / recall / F1: each theme mapped to the gold label most of its
  comments carry, a comment's predicted labels are its themes' labels; and the same with
  each theme mapped to every gold label more than half of its comments carry (`held_*`:
  on multi-aspect sentences a theme of price clauses maps to price and food);
- which gold labels are the majority of at least one theme (both readings);
- on the sets with aspect polarity (MAMS, MobASA): whether the 5 themes, and the 5
  categories, that hurt the gold "negative" flag most (ranked as `explain` ranks them) stand
  for the 5 aspects comments are most often negative about; and the 5 distinct themes, with
  near-duplicate themes folded under the costlier one (`distinct_rank`, as the report's
  summary lists the costliest themes);
- stability: ARI of the main theme between fits with two seeds, and between fits on two
  different random 80 % subsamples (all comments tagged by both);
- fit time and peak RSS; every theme with its label, category and majority gold label;
- `assignment_sha1`, a digest of every comment's main theme and theme set (a change that
  should move no comment, such as naming, must leave it as it was).

    python scripts/eval_themes.py --data ../shared/data --out docs/results/themes_eval.json

With `--theme-space own`, each set with a training split (BANKING77 train, MAMS train, MobASA
dev, Steam train) first learns a theme space from that split's gold labels
(`topics.theme_space`, default settings) and the test split is fitted with it: what a team
that has coded earlier comments of its own gets. The demo has no training split and is fitted
without one. `--whitening 0.5` fits with the topics stage's opt-in within-theme whitening.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from theme_sets import SETS, TRAINING_SPLITS


def tagged(table: pd.DataFrame, **topics: object) -> tuple[pd.DataFrame, object, float, dict]:
    """Run the default stages; return the tagged table, the topics stage, fit seconds, tables."""
    from feedback_nlp.stages import STAGES, Batch

    batch = Batch(table)
    for name in ("prepare", "language", "embed", "sentiment"):
        batch = STAGES[name]().fit_transform(batch)
    stage = STAGES["topics"](**topics)
    start = time.perf_counter()
    out = stage.fit_transform(batch)
    return out.table, stage, time.perf_counter() - start, out.tables | {"_batch": batch}


def says_something(table: pd.DataFrame, model: object) -> np.ndarray:
    """Comments with at least one unit that has a content word."""
    from feedback_nlp.topics.units import split_units

    texts = table["text_clean"].fillna("").astype(str).tolist()
    units = split_units(
        texts, table["lang"].fillna("und").astype(str).tolist(), model.content_free()
    )
    result = np.zeros(len(table), dtype=bool)
    result[units.owner[units.says_something]] = True
    return result


def assignment_digest(table: pd.DataFrame) -> str:
    """SHA-1 of every comment's main theme and theme set: equal digests, equal assignments
    (a naming change must leave it as it was)."""
    text = "\n".join(f"{t}\t{c}" for t, c in zip(table["topic"], table["themes"], strict=True))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def theme_sets(table: pd.DataFrame) -> list[set[int]]:
    return [{int(t) for t in str(c).split("|") if int(t) >= 0} for c in table["themes"]]


def multilabel(
    gold: list[list[str]], themes: list[set[int]], share: float | None = None
) -> dict[str, object]:
    """Themes mapped to gold labels; micro P/R/F1 on comments with gold.

    `share` None: each theme maps to the one gold label most of its comments carry. A share
    (0.5): each theme maps to every gold label more than that share of its comments carry (the
    most frequent one when none does); on multi-aspect sentences (MAMS: 73 % mention food) a
    theme of price clauses is then mapped to price as well as food.
    """
    votes: dict[int, Counter] = {}
    sizes: Counter = Counter()
    for labels, found in zip(gold, themes, strict=True):
        for theme in found:
            votes.setdefault(theme, Counter()).update(labels)
            sizes[theme] += 1
    mapping = {t: _mapped(c, sizes[t], share) for t, c in votes.items() if c}
    precision, recall = micro_precision_recall(gold, themes, mapping)
    all_labels = sorted({g for labels in gold for g in labels})
    recovered = sorted({label for labels in mapping.values() for label in labels})
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "gold_labels": len(all_labels),
        "gold_labels_majority_of_a_theme": recovered,
        "gold_labels_missing": [g for g in all_labels if g not in recovered],
        "mapping": {int(k): v[0] for k, v in mapping.items()},
        "mappings": {int(k): v for k, v in mapping.items()},
    }


def micro_precision_recall(
    gold: list[list[str]], themes: list[set[int]], mapping: dict[int, list[str]]
) -> tuple[float, float]:
    """Micro precision and recall of the comments' themes read through `mapping` (theme →
    gold labels), on the comments with gold labels."""
    tp = fp = fn = 0
    for labels, found in zip(gold, themes, strict=True):
        if not labels:
            continue
        predicted = {label for t in found if t in mapping for label in mapping[t]}
        tp += len(predicted & set(labels))
        fp += len(predicted - set(labels))
        fn += len(set(labels) - predicted)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def _mapped(votes: Counter, size: int, share: float | None) -> list[str]:
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if share is None:
        return [ranked[0][0]]
    held = [label for label, count in ranked if count > share * size]
    return held or [ranked[0][0]]


def negative_reasons(
    out: pd.DataFrame,
    negative: list[list[str]],
    similar: dict[str, frozenset[str]],
    judged: frozenset[str] = frozenset(),
) -> dict[str, object]:
    """Do the 5 themes (and categories) that hurt most cover the 5 most frequent complaints?

    The outcome is the gold "negative about some aspect" flag; themes are ranked by their
    impact on it (`insights.theme_impact`, as `explain` ranks them); `distinct_themes` ranks
    them with near-duplicate themes folded under the first (`distinct_rank`, as the report's
    summary lists them); `sentiment_themes` and `sentiment_categories` rank them by their
    impact on the comments the sentiment stage reads as negative (what `explain` and the
    report do for feedback with no score), and `summary_negative_themes` are the themes the
    report's summary names there. Each top theme stands for the negative aspect most
    of its negative comments are negative about.
    """
    from feedback_nlp.insights.explain import NEGATIVE_SENTIMENT, with_negative_sentiment
    from feedback_nlp.insights.impact import theme_impact
    from feedback_nlp.outcomes import parse_declared

    reasons = [a for a, _ in Counter(a for labels in negative for a in labels).most_common(5)]
    table = parse_declared(with_negative_sentiment(out), [NEGATIVE_SENTIMENT]).assign(
        gold_is_negative=[int(bool(labels)) for labels in negative]
    )
    report: dict[str, object] = {"top_negative_reasons": reasons}
    lists = {c: table[c].map(lambda c: str(c).split("|")) for c in ("themes", "categories")}
    for name, column, rank, outcome in (
        ("themes", "themes", "rank", "gold_is_negative"),
        ("categories", "categories", "rank", "gold_is_negative"),
        ("distinct_themes", "themes", "distinct_rank", "gold_is_negative"),
        ("sentiment_themes", "themes", "rank", NEGATIVE_SENTIMENT),
        ("sentiment_categories", "categories", "rank", NEGATIVE_SENTIMENT),
    ):
        ranked = theme_impact(
            table, outcome, theme_column=column, higher_is_better=False,
            similar=similar if column == "themes" else None,
        )  # fmt: skip
        top = ranked[ranked[rank].notna() & (ranked[rank] <= 5)].sort_values(rank)
        stands_for = [_stands_for(str(t), lists[column], negative) for t in top["theme"]]
        report[f"top5_{name}"] = [
            {"label": str(label), "stands_for": reason}
            for label, reason in zip(top["theme_label"], stands_for, strict=True)
        ]
        report[f"top5_{name}_reasons_covered"] = len(set(stands_for) & set(reasons))
        if name == "sentiment_themes":
            report.update(_summary_negative(ranked, judged, similar, lists[column], negative))
    return report


def _summary_negative(
    ranked: pd.DataFrame,
    judged: frozenset[str],
    similar: dict[str, frozenset[str]],
    lists: pd.Series,
    negative: list[list[str]],
) -> dict[str, object]:
    """The themes the report's summary names for feedback with no score
    (`report.outcome_summary`), each with the negative aspect it stands for."""
    from feedback_nlp.insights.explain import NEGATIVE_IMPACT
    from feedback_nlp.report.outcome_summary import negative_themes

    tables = {NEGATIVE_IMPACT: ranked}
    named = negative_themes(tables, judged, similar, lambda theme: None)
    ids = dict(zip(ranked["theme_label"].astype(str), ranked["theme"].astype(str), strict=True))
    return {
        "summary_negative_themes": [
            {"label": t.label, "stands_for": _stands_for(ids[t.label], lists, negative)}
            for t in named
        ]
    }


def _stands_for(theme: str, lists: pd.Series, negative: list[list[str]]) -> str:
    """The negative aspect most negative comments with `theme` are negative about."""
    votes = Counter(
        a for found, labels in zip(lists, negative, strict=True) if theme in found for a in labels
    )
    return votes.most_common(1)[0][0] if votes else ""


def single_label(gold: list[list[str]], topic: np.ndarray) -> dict[str, object]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    rows = [i for i, labels in enumerate(gold) if len(labels) == 1]
    if len(rows) < 20:
        return {}
    truth = [gold[i][0] for i in rows]
    found = topic[rows]
    return {
        "single_label_comments": len(rows),
        "nmi": round(float(normalized_mutual_info_score(truth, found)), 3),
        "ari": round(float(adjusted_rand_score(truth, found)), 3),
    }


def stability(
    table: pd.DataFrame, batch: object, seed_topic: np.ndarray, **topics: object
) -> dict[str, float]:
    """ARI of main themes: another seed; two random 80 % subsamples, each tagging everything."""
    from sklearn.metrics import adjusted_rand_score

    from feedback_nlp.stages import STAGES, Batch

    other = STAGES["topics"](seed=7, theme_sentiment=False, **topics).fit_transform(batch).table
    result = {"ari_seed_42_vs_7": round(float(adjusted_rand_score(seed_topic, other["topic"])), 3)}
    tags = []
    for seed in (1, 2):
        rng = np.random.default_rng(seed)
        keep = np.sort(rng.choice(len(table), size=int(0.8 * len(table)), replace=False))
        part = Batch(batch.table.iloc[keep], {k: v[keep] for k, v in batch.arrays.items()})
        stage = STAGES["topics"](theme_sentiment=False, **topics).fit(part)
        tags.append(stage.transform(batch).table["topic"].to_numpy())
    result["ari_two_80pct_subsamples"] = round(float(adjusted_rand_score(*tags)), 3)
    return result


def baselines(gold: list[list[str]], batch: object) -> dict[str, float]:
    """NMI at the true number of clusters on the same (language-centred) comment embeddings
    the themes read (`theme_embedding`, else `embedding`): k-means, Ward, and the stage's
    kNN-smoothed connectivity Ward (single-label sets)."""
    from sklearn.cluster import AgglomerativeClustering, KMeans
    from sklearn.metrics import normalized_mutual_info_score

    from feedback_nlp.topics import clustering

    rows = [i for i, labels in enumerate(gold) if len(labels) == 1]
    truth = [gold[i][0] for i in rows]
    k = len(set(truth))
    vectors = batch.arrays.get("theme_embedding", batch.arrays["embedding"])[rows]
    centred = clustering.unit_rows(vectors - vectors.mean(axis=0))
    neighbors = clustering.nearest_neighbors(centred, 10)
    smoothed = clustering.smooth(centred, neighbors[:, :5])
    found = {
        "kmeans": KMeans(k, n_init=3, random_state=0).fit_predict(centred),
        "ward": AgglomerativeClustering(k, linkage="ward").fit_predict(centred),
        "smoothed_knn_ward": clustering.ward_partition(smoothed, k, neighbors),
    }
    return {
        f"nmi_true_k_{name}": round(float(normalized_mutual_info_score(truth, labels)), 3)
        for name, labels in found.items()
    }


def demo_languages(table: pd.DataFrame) -> dict[str, object]:
    """Per planted issue: share of its comments, in every language, whose main category is
    the issue's most common category; and how many languages that category spans."""
    truth = table["true_theme"].fillna("")
    result = {}
    for issue, members in table[truth != ""].groupby(truth[truth != ""]):
        top = members["topic_category"].value_counts().index[0]
        same = members["topic_category"] == top
        result[str(issue)] = {
            "category": str(top),
            "share_in_it": round(float(same.mean()), 3),
            "languages": int(members["lang"].nunique()),
            "languages_in_it": int(members.loc[same, "lang"].nunique()),
        }
    return result


def learnt_space(name: str, data: Path, folder: Path) -> dict[str, object]:
    """Learn a theme space from the set's training split into `folder`; its facts."""
    from feedback_nlp.topics.theme_space import learn_from_table

    table = SETS[name](data, split=TRAINING_SPLITS[name])
    table["labels"] = ["|".join(labels) for labels in table.pop("gold")]
    started = time.perf_counter()
    space = learn_from_table(table.drop(columns=["gold_negative"], errors="ignore"), "labels")
    space.save(folder)
    return {
        "split": TRAINING_SPLITS[name],
        "coded_comments": space.info["coded_comments"],
        "labels": len(space.info["labels"]),
        "seconds": round(time.perf_counter() - started, 1),
    }


def evaluate(
    name: str, data: Path, stable: bool, theme_space: str = "none", whitening: float = 0.0
) -> dict[str, object]:
    import tempfile

    from feedback_nlp.topics.tables import similar_themes

    table = SETS[name](data)
    gold = list(table.pop("gold"))
    negative = list(table.pop("gold_negative")) if "gold_negative" in table else None
    topics: dict[str, object] = {"whitening": whitening} if whitening > 0 else {}
    space_facts = None
    if theme_space == "own" and name in TRAINING_SPLITS:
        folder = Path(tempfile.mkdtemp(prefix="theme-space-"))
        space_facts = learnt_space(name, data, folder)
        topics["theme_space"] = str(folder)
    out, stage, seconds, tables = tagged(table, **topics)
    model = stage.model_
    themes = theme_sets(out)
    speaking = says_something(out, model)
    covered = np.array([bool(t) for t in themes])
    topic = out["topic"].to_numpy(dtype=np.int64)
    themes_table = tables["topics"]
    ml = multilabel(gold, themes)
    held = multilabel(gold, themes, share=0.5)
    report: dict[str, object] = {
        "set": name,
        "comments": len(out),
        "saying_something": int(speaking.sum()),
        "coverage": round(float(covered[speaking].mean()), 3),
        "coverage_all_comments": round(float(covered.mean()), 3),
        "themes": len(model.topic_ids_),
        "categories": int(themes_table["category"].nunique()),
        "categories_from_codebook": int(
            themes_table.loc[
                themes_table["category_source"].str.startswith("codebook"), "category"
            ].nunique()
        ),
        "themes_per_covered_comment": round(float(np.mean([len(t) for t in themes if t])), 2),
        **single_label(gold, topic),
        **{k: v for k, v in ml.items() if k not in ("mapping", "mappings")},
        **{f"held_{k}": v for k, v in held.items() if k not in ("mapping", "mappings")},
        "fit_seconds": round(seconds, 1),
        "label_language": model.label_language_,
        "assignment_sha1": assignment_digest(out),
        "theme_space": space_facts,
        "whitening": whitening,
    }
    if negative is not None:
        similar = {str(k): frozenset(map(str, v)) for k, v in similar_themes(model).items()}
        from feedback_nlp.report.build import judged_themes

        judged = judged_themes(themes_table)
        report.update(negative_reasons(out, negative, similar, judged))
    if "true_theme" in out:
        report["demo_issues"] = demo_languages(out)
    if name == "banking77":
        report.update(baselines(gold, tables["_batch"]))
    if stable:
        report.update(stability(out, tables["_batch"], topic, **topics))
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    report["theme_list"] = [
        {
            "topic": int(row.topic),
            "label": row.label,
            "category": row.category,
            "size": int(row.size),
            "negative_share": None if pd.isna(row.negative_share) else round(row.negative_share, 2),
            "majority_gold": ml["mapping"].get(int(row.topic)),
            "gold_held_by_most": held["mappings"].get(int(row.topic)),
        }
        for row in themes_table.itertuples()
    ]
    return report


def _child(
    name: str,
    data: str,
    stable: bool,
    theme_space: str,
    whitening: float,
    queue: multiprocessing.Queue,
) -> None:
    queue.put(evaluate(name, Path(data), stable, theme_space, whitening))


def _report_of(name: str, child: multiprocessing.Process, queue: multiprocessing.Queue) -> dict:
    """The child's report; stop with its set's name when it died without one."""
    import queue as queues

    while True:
        try:
            return queue.get(timeout=5)
        except queues.Empty as waiting:
            if not child.is_alive():
                message = f"{name}: the evaluation failed (exit code {child.exitcode})"
                raise SystemExit(message) from waiting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("FEEDBACK_NLP_DATA", "../shared/data"))
    )
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--no-stability", action="store_true", help="skip the extra fits")
    parser.add_argument("--out", type=Path, default=Path("docs/results/themes_eval.json"))
    parser.add_argument(
        "--theme-space",
        choices=("none", "own"),
        default="none",
        help="own: learn a theme space from each set's training split first",
    )
    parser.add_argument(
        "--whitening", type=float, default=0.0,
        help="the topics stage's within-theme whitening power (0: off, the default)",
    )  # fmt: skip
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    reports = []
    for name in args.sets:
        queue = context.Queue()
        child = context.Process(
            target=_child,
            args=(
                name,
                str(args.data),
                not args.no_stability,
                args.theme_space,
                args.whitening,
                queue,
            ),
        )
        child.start()
        report = _report_of(name, child, queue)
        child.join()
        reports.append(report)
        print(json.dumps({k: v for k, v in report.items() if k != "theme_list"}), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(reports, indent=1, ensure_ascii=False), encoding="utf-8")
    print(markdown(reports))


def markdown(reports: list[dict]) -> str:
    columns = ["set", "comments", "coverage", "themes", "categories", "nmi", "ari", "precision",
               "recall", "f1", "held_f1", "ari_seed_42_vs_7", "ari_two_80pct_subsamples",
               "fit_seconds", "peak_rss_mb"]  # fmt: skip
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for report in reports:
        lines.append("| " + " | ".join(str(report.get(c, "")) for c in columns) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
