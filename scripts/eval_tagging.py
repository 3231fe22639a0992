"""Measure a saved model tagging new comments: fit on a set's training split, tag its test split.

What a data engineer gets who fits once (`feedback-nlp fit`) and tags each week's comments with
the saved model (`feedback-nlp tag`). For each set with a training split (scripts/theme_sets.py:
BANKING77 train → test, MAMS train → test, MobASA dev → test, Steam train → test) the default
stages (prepare, language, embed, sentiment, topics) are fitted on the training split, saved,
loaded again, and tag the test split. On the test split, as `scripts/eval_themes.py` measures a
fit on the test split itself:

- coverage: share of comments that say something given a theme; themes the model has, and how
  many of them the test comments use;
- NMI / ARI of the main theme against the gold label (comments with exactly one gold label);
- multi-label precision / recall / F1 with each theme mapped to the gold label most of its test
  comments carry (as `eval_themes.py` does), and `f1_fit_mapping`: each theme mapped by the
  comments of the training split it tags, as an analyst who read the fitted themes would;
- fit and tagging seconds.

    python scripts/eval_tagging.py --data ../shared/data --out docs/results/tagging_eval.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from eval_themes import (
    micro_precision_recall,
    multilabel,
    says_something,
    single_label,
    theme_sets,
)
from theme_sets import SETS, TRAINING_SPLITS

STAGE_NAMES = ("prepare", "language", "embed", "sentiment", "topics")


def fit_and_save(table: pd.DataFrame, folder: Path) -> tuple[pd.DataFrame, float]:
    """Fit the default stages on `table`, save them in `folder`; the fit's tagged table."""
    from feedback_nlp.analyzer import Analyzer
    from feedback_nlp.pipeline import default_stages

    analyzer = Analyzer(default_stages(STAGE_NAMES))
    started = time.perf_counter()
    tagged = analyzer.fit_transform_batch(table).table
    seconds = time.perf_counter() - started
    analyzer.save(folder)
    return tagged, seconds


def mapped_f1(gold: list[list[str]], themes: list[set[int]], mapping: dict[int, str]) -> float:
    """Micro-F1 of the comments' themes read through a fixed theme → gold label mapping."""
    labels = {theme: [label] for theme, label in mapping.items()}
    precision, recall = micro_precision_recall(gold, themes, labels)
    return round(2 * precision * recall / max(precision + recall, 1e-9), 3)


def evaluate(name: str, data: Path) -> dict[str, object]:
    """Fit on the set's training split, tag its test split with the saved model; the report."""
    from feedback_nlp.analyzer import Analyzer

    fit_table = SETS[name](data, split=TRAINING_SPLITS[name])
    test_table = SETS[name](data)
    fit_gold = list(fit_table.pop("gold"))
    gold = list(test_table.pop("gold"))
    fit_table = fit_table.drop(columns=["gold_negative"], errors="ignore")
    test_table = test_table.drop(columns=["gold_negative"], errors="ignore")
    with tempfile.TemporaryDirectory(prefix="tagging-eval-") as folder:
        fit_tagged, fit_seconds = fit_and_save(fit_table, Path(folder))
        analyzer = Analyzer.load(folder)
        started = time.perf_counter()
        out = analyzer.transform_batch(test_table).table
        tag_seconds = time.perf_counter() - started
        model = analyzer.stages[-1].model_
    themes = theme_sets(out)
    covered = np.array([bool(t) for t in themes])
    speaking = says_something(out, model)
    on_test = multilabel(gold, themes)
    fit_mapping = multilabel(fit_gold, theme_sets(fit_tagged))["mapping"]
    return {
        "set": name,
        "fit_split": TRAINING_SPLITS[name],
        "fit_comments": len(fit_table),
        "comments": len(out),
        "coverage": round(float(covered[speaking].mean()), 3),
        "themes": len(model.topic_ids_),
        "themes_used": len({t for found in themes for t in found}),
        "themes_per_covered_comment": round(float(np.mean([len(t) for t in themes if t])), 2),
        **single_label(gold, out["topic"].to_numpy(dtype=np.int64)),
        **{k: v for k, v in on_test.items() if k not in ("mapping", "mappings")},
        "f1_fit_mapping": mapped_f1(gold, themes, fit_mapping),
        "fit_seconds": round(fit_seconds, 1),
        "tag_seconds": round(tag_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("FEEDBACK_NLP_DATA", "../shared/data"))
    )
    parser.add_argument("--sets", nargs="*", default=list(TRAINING_SPLITS))
    parser.add_argument("--out", type=Path, default=Path("docs/results/tagging_eval.json"))
    args = parser.parse_args()
    reports = []
    for name in args.sets:
        report = evaluate(name, args.data)
        reports.append(report)
        print(json.dumps(report), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(reports, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
