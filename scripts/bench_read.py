"""Time and peak memory of read_feedback on a generated 50 MB CSV vs pandas.read_csv.

Each reader runs in its own fresh Python process; peak memory is the growth of the process's
peak RSS (ru_maxrss) over its RSS after imports, so both are measured the same way.

    python scripts/bench_read.py [--size-mb 50] [--out docs/results/bench_read.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = (  # noqa: SIM905 - one readable string
    "delivery late parcel great app crashes checkout payment failed friendly support refund "
    "livraison rapide très bien Lieferung schnell zufrieden entrega rápida muy bien "
    "livrare întârziată mulțumit доставка быстро спасибо 😊 👍"
).split()

MEASURE = r"""
import json, resource, sys, time
import pandas as pd
from feedback_nlp.io import read_feedback

def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

path, which = sys.argv[1], sys.argv[2]
before = rss_kb()
start = time.perf_counter()
if which == "pandas":
    table = pd.read_csv(path)
    rejected = 0
else:
    result = read_feedback(path)
    table, rejected = result.table, len(result.rejects)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "seconds": round(seconds, 3),
    "peak_rss_growth_mb": round((peak - before) / 1024, 1),
    "table_mb": round(table.memory_usage(deep=True).sum() / 2**20, 1),
    "rows": len(table),
    "rejected": rejected,
}))
"""


def make_csv(path: Path, size_mb: float, seed: int = 0) -> int:
    """Write a CSV of about `size_mb` MB: ids, multilingual text (some multi-line), scores."""
    rng = random.Random(seed)
    target = int(size_mb * 2**20)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("response_id,created_at,channel,text,nps,csat\n")
        written = 0
        while written < target:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
            if rng.random() < 0.05:
                words = words.replace(" ", "\n", 1)
            text = '"' + words.replace('"', '""') + '"'
            day = 1 + rows % 28
            scores = f"{rng.randint(0, 10)},{rng.randint(1, 5)}"
            line = f"r{rows},2026-05-{day:02d} 10:00:00,survey,{text},{scores}\n"
            out.write(line)
            written += len(line.encode())
            rows += 1
    return rows


def measure(path: Path, which: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), which],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--out", type=Path, default=Path("docs/results/bench_read.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.csv"
        rows = make_csv(path, args.size_mb)
        size = path.stat().st_size / 2**20
        baseline = measure(path, "pandas")
        ours = measure(path, "read_feedback")
    result = {
        "file_mb": round(size, 1),
        "rows": rows,
        "pandas_read_csv": baseline,
        "read_feedback": ours,
        "time_ratio": round(ours["seconds"] / baseline["seconds"], 2),
        "peak_memory_ratio": round(ours["peak_rss_growth_mb"] / baseline["peak_rss_growth_mb"], 2),
        "peak_memory_over_file_size": round(ours["peak_rss_growth_mb"] / size, 2),
        "python": platform.python_version(),
        "command": "python scripts/bench_read.py --size-mb " + f"{args.size_mb:g}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
