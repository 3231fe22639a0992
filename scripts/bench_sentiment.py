"""Throughput of language + embed + sentiment + emotion vs two separate transformers pipelines.

Both sides run in the same process on the same texts (xlm-t val tweets from the shared data,
all 8 languages interleaved). The baseline is what a user without this toolkit would run: two
``transformers.pipeline("text-classification")`` objects with an encoder of the same size
(multilingual-e5-small, a classification head each), one after the other.

    python scripts/bench_sentiment.py --n 512          # writes docs/results/sentiment_bench.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "results" / "sentiment_bench.json"


def bench_texts(data: Path, n: int) -> list[str]:
    """`n` texts: xlm-t val tweets, languages interleaved."""
    per_language = [
        (folder / "val_text.txt").read_text(encoding="utf-8").splitlines()
        for folder in sorted((data / "sentiment" / "xlm-t").iterdir())
        if folder.is_dir()
    ]
    mixed = [text for group in zip(*per_language, strict=False) for text in group]
    return mixed[:n]


def run_toolkit(texts: list[str], device: str, quantize: str) -> tuple[float, pd.DataFrame]:
    """Seconds for language + embed + sentiment + emotion (models loaded beforehand)."""
    from feedback_nlp.stages import STAGES, Batch

    stages = [
        STAGES["language"](),
        STAGES["embed"](device=device, quantize=quantize),
        STAGES["sentiment"](device=device),
        STAGES["emotion"](device=device),
    ]
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(texts))], "text": texts, "text_clean": texts}
    )
    warm = Batch(table.iloc[:8].copy())
    for stage in stages:  # load models and warm up outside the timed run
        warm = stage.transform(warm)
    start = time.perf_counter()
    batch = Batch(table)
    for stage in stages:
        batch = stage.transform(batch)
    return time.perf_counter() - start, batch.table


def run_two_pipelines(texts: list[str], device: str) -> float:
    """Seconds for two text-classification pipelines of the same encoder size."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification, pipeline

    from feedback_nlp.backends.encoder import converted_model_dir, resolve_device

    folder = converted_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    pipes = []
    for labels in (["negative", "neutral", "positive"], ["anger", "fear", "joy", "sadness"]):
        torch.manual_seed(0)
        config = BertConfig.from_pretrained(folder, num_labels=len(labels))
        model = BertForSequenceClassification.from_pretrained(folder, config=config)
        resolved = resolve_device(device)
        pipes.append(
            pipeline("text-classification", model=model, tokenizer=tokenizer, device=resolved)
        )
    for pipe in pipes:
        pipe(texts[:8], batch_size=32, truncation=True)
    start = time.perf_counter()
    for pipe in pipes:
        pipe(texts, batch_size=32, truncation=True, top_k=None)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("FEEDBACK_NLP_DATA"))
    parser.add_argument("--n", type=int, default=512)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--quantize", default=None, help="encoder precision: auto, none, int8 (stage default)"
    )
    args = parser.parse_args()
    import torch

    data = Path(args.data) if args.data else ROOT.parent / "shared" / "data"
    texts = bench_texts(data, args.n)
    from feedback_nlp.stages.embed import DEFAULT_QUANTIZE

    quantize = args.quantize or DEFAULT_QUANTIZE
    ours, _ = run_toolkit(texts, args.device, quantize)
    theirs = run_two_pipelines(texts, args.device)
    result = {
        "texts": len(texts),
        "device": args.device,
        "quantize": quantize,
        "cuda": torch.cuda.is_available(),
        "torch_threads": torch.get_num_threads(),
        "cpu_count": os.cpu_count(),
        "machine": platform.processor() or platform.machine(),
        "toolkit_seconds": round(ours, 3),
        "toolkit_comments_per_s": round(len(texts) / ours, 1),
        "two_pipelines_seconds": round(theirs, 3),
        "two_pipelines_comments_per_s": round(len(texts) / theirs, 1),
        "speedup": round(theirs / ours, 2),
        "command": f"python scripts/bench_sentiment.py --n {args.n} --device {args.device}"
        + (f" --quantize {args.quantize}" if args.quantize else ""),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
