"""Fit time, peak memory and tagging speed of the theme model at 10k and 100k comments.

Synthetic data: the multilingual test fixture's e5 embeddings repeated with small Gaussian
noise (re-normalised), so the clusters are real but the scale is synthetic. The baseline in the
same run is a plain nearest-centroid pass (matrix product + argmax) over the same comments.
Default settings (fit sample 20,000 comments, built-in codebook). Texts repeat, so the few
multi-unit comments' units are encoded once per distinct text (`UnitEncoder`); tagging speed
is the theme assignment given the comment embeddings, not the encoder.

    nice python scripts/bench_topics.py --sizes 10000 100000 --out docs/results/topics_bench.json
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedback_nlp.topics.config import TopicsConfig
from feedback_nlp.topics.encoder import encode_texts
from feedback_nlp.topics.model import ThemeModel
from feedback_nlp.topics.sentiment import UnitEncoder
from tests.topics.fixture_texts import fixture_rows


def synthetic(size: int, seed: int = 0) -> tuple[list[str], np.ndarray, list[str]]:
    rows = fixture_rows()
    base = encode_texts([text for _, text, _ in rows])
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(rows), size)
    noisy = base[picks] + rng.normal(0, 0.02, (size, base.shape[1])).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return [rows[i][1] for i in picks], noisy.astype(np.float32), [rows[i][0] for i in picks]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(size: int, fit_sample: int) -> dict[str, float]:
    texts, embeddings, langs = synthetic(size)
    encode = UnitEncoder()
    encode(sorted(set(texts)))  # the distinct texts' units: encoder time is not theme time
    start = time.perf_counter()
    model = ThemeModel(TopicsConfig(fit_sample=fit_sample)).fit(
        texts, embeddings, langs, encode=encode
    )
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    model.transform(texts, embeddings, langs, encode=encode)
    tag_s = time.perf_counter() - start
    start = time.perf_counter()
    (embeddings @ model.centroids_.T).argmax(axis=1)
    baseline_s = time.perf_counter() - start
    return {
        "comments": size,
        "fit_sample": min(size, fit_sample),
        "themes": len(model.topic_ids_),
        "fit_seconds": round(fit_s, 1),
        "tag_per_second": round(size / tag_s),
        "tag_vs_plain_argmax": round(tag_s / baseline_s, 1),
        "peak_rss_mb_so_far": round(peak_rss_mb()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--fit-sample", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=Path("docs/results/topics_bench.json"))
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        results.append(bench(size, args.fit_sample))
        print(results[-1], flush=True)
    report = {"machine": platform.processor() or platform.machine(), "runs": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
