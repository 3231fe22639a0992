"""Time the keyword/lemma step of the topics stage (`topics.labels.Lemmatizer.tokens`) on
short English texts: blank English + lookup lemmas against the trained English pipeline
(tok2vec, tagger, attribute_ruler, lemmatizer; parser and NER off), in the same process.

The texts are BANKING77 queries (train and test), then MAMS ACSA sentences, then sentences
of Steam reviews (train), read from --data, up to --n texts. Each variant is timed --repeat
times (alternating) and the best wall-clock and CPU (process) times are kept: on a shared
machine the CPU time is the steadier of the two.

    nice -n 10 python scripts/bench_lemmas.py --data ../shared/data --n 20000
"""

from __future__ import annotations

import argparse
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from feedback_nlp.topics import labels


def english_texts(data: Path, n: int) -> list[str]:
    """Up to `n` short English texts from the labelled theme sets."""
    themes = data / "themes"
    banking = themes / "banking77-nlupp/banking_data"
    texts = [t for f in ("train.csv", "test.csv") for t in pd.read_csv(banking / f)["text"]]
    for split in ("train", "val", "test"):
        root = ET.parse(themes / f"mams/data/MAMS-ACSA/raw/{split}.xml").getroot()
        texts += [s.findtext("text") or "" for s in root.iter("sentence")]
    reviews = pd.read_csv(themes / "steam-review-aspects/dataset/v1/train.csv")["review"]
    for review in reviews.astype(str):
        if len(texts) >= n:
            break
        texts += [s.strip() for s in re.split(r"(?<=[.!?])\s+", review) if s.strip()]
    return [str(t) for t in texts[:n]]


def time_variant(texts: list[str], trained: bool) -> tuple[float, float, list[str]]:
    """Wall and CPU seconds to lemmatise `texts` (pipeline loading excluded) and the
    pipeline's parts."""
    saved = labels.SPACY_PIPELINES
    labels.SPACY_PIPELINES = saved if trained else {}
    try:
        lemmatizer = labels.Lemmatizer()
        names = list(lemmatizer.pipeline("en").pipe_names)
        start, cpu = time.perf_counter(), time.process_time()
        lemmatizer.tokens(texts, ["en"] * len(texts))
        return time.perf_counter() - start, time.process_time() - cpu, names
    finally:
        labels.SPACY_PIPELINES = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    texts = english_texts(args.data, args.n)
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}
    parts: dict[str, list[str]] = {}
    for _ in range(args.repeat):
        for name, trained in (("blank_lookups", False), ("trained_pipeline", True)):
            seconds, cpu_seconds, parts[name] = time_variant(texts, trained)
            best[name] = min(best.get(name, seconds), seconds)
            cpu[name] = min(cpu.get(name, cpu_seconds), cpu_seconds)
    result = {
        "texts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "wall_seconds": {k: round(v, 2) for k, v in best.items()},
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "texts_per_cpu_second": {k: round(len(texts) / v) for k, v in cpu.items()},
        "ratio_wall": round(best["trained_pipeline"] / best["blank_lookups"], 1),
        "ratio_cpu": round(cpu["trained_pipeline"] / cpu["blank_lookups"], 1),
        "pipelines": parts,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
