"""Time the `prepare` stage on 100,000 comments built from the demo data.

    python scripts/bench_prepare.py [--rows 100000] [--out docs/results/bench_prepare.json]

The baseline, measured in the same run on the same texts, is one pass of `str.casefold` over
every comment: the ratio says how many such passes the whole stage costs.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import pandas as pd

from feedback_nlp.io import read_feedback
from feedback_nlp.stages.prepare import PrepareStage

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "feedback_nlp" / "data" / "demo"


def demo_texts() -> list[str]:
    names = ["survey_qualtrics.csv", "forum_posts.jsonl", "social_posts.csv", "support_chats.json"]
    return [t for name in names for t in read_feedback(DEMO / name).table["text"].fillna("")]


def build_table(rows: int) -> pd.DataFrame:
    texts = demo_texts()
    # A row number at the end keeps most rows distinct, as in real data.
    body = [f"{texts[i % len(texts)]} #{i}" for i in range(rows)]
    return pd.DataFrame({"response_id": [f"r{i}" for i in range(rows)], "text": body})


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "results" / "bench_prepare.json"
    )
    args = parser.parse_args()
    table = build_table(args.rows)
    baseline = seconds(lambda: [t.casefold() for t in table["text"]])
    stage = seconds(lambda: PrepareStage()(table))
    no_redaction = seconds(lambda: PrepareStage(redact=False)(table))
    result = {
        "rows": args.rows,
        "mean_chars": round(float(table["text"].str.len().mean()), 1),
        "baseline_casefold_s": round(baseline, 3),
        "prepare_s": round(stage, 2),
        "prepare_no_redaction_s": round(no_redaction, 2),
        "prepare_rows_per_s": round(args.rows / stage),
        "prepare_vs_baseline": round(stage / baseline, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
