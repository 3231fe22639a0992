"""Peak memory (RSS) of the whole analysis (`feedback-nlp analyze`) on three inputs.

    PYTHONPATH=. python scripts/bench_memory.py [--cases short60,demo1000,outliers165]
        [--code PATH] [--label after] [--out docs/results/memory_bench.json] [--by-stage]

Each case runs `pipeline.analyze` + `write_outputs` (what the CLI does) in a fresh subprocess
and reports its peak RSS (``ru_maxrss``) and wall time. The baseline, measured in the same run,
is a subprocess that only imports feedback_nlp, pandas and numpy: ``ratio`` is peak / baseline.
`--code` runs the cases on another checkout (e.g. the main branch) for a before/after table.
`--by-stage` also runs each case stage by stage in another subprocess and records the RSS
after reading and after each stage (the fixed cost of each model, where it is loaded).

Cases: ``short60`` 60 short demo comments; ``demo1000`` the bundled demo files (1,000+
comments); ``outliers165`` 160 demo comments and 5 comments of 200,000 characters each.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ("short60", "demo1000", "outliers165")
LONG_CHARS = 200_000


def _demo_texts() -> list[str]:
    from feedback_nlp.io import read_feedback
    from feedback_nlp.pipeline import demo_files

    texts = []
    for path in demo_files():
        texts += [t for t in read_feedback(path).table["text"].fillna("") if len(t) > 20]
    return texts


def _write_csv(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows((f"r{i}", text) for i, text in enumerate(texts))
    return path


def case_files(case: str, folder: Path) -> list[Path]:
    """The input files of one case (written into `folder`)."""
    from feedback_nlp.pipeline import demo_files

    if case == "demo1000":
        return demo_files()
    texts = _demo_texts()
    if case == "short60":
        return [_write_csv(folder / "short60.csv", texts[:60])]
    long_text = " ".join(texts)
    while len(long_text) < LONG_CHARS:
        long_text += " " + long_text
    longs = [long_text[i * 1000 : i * 1000 + LONG_CHARS] for i in range(5)]
    return [_write_csv(folder / "outliers165.csv", texts[:80] + longs + texts[80:160])]


def worker(case: str) -> None:
    """Run one case in this process and print its measurements as JSON."""
    import resource

    start = time.perf_counter()
    if case == "baseline":
        import numpy  # noqa: F401
        import pandas  # noqa: F401

        import feedback_nlp  # noqa: F401

        rows = 0
    else:
        from feedback_nlp import progress
        from feedback_nlp.pipeline import analyze, write_outputs

        progress.set_enabled(False)
        with tempfile.TemporaryDirectory() as tmp:
            files = case_files(case, Path(tmp))
            analysis = analyze(files)
            write_outputs(analysis, Path(tmp) / "out")
            rows = len(analysis.table)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seconds = time.perf_counter() - start
    print(json.dumps({"case": case, "rows": rows, "peak_rss_mb": round(peak_mb), "s": seconds}))


def _rss_mb() -> tuple[int, int]:
    """(current, peak) RSS of this process in MB (current from /proc; Linux)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = Path("/proc/self/status")
    current = peak
    if status.exists():
        line = next(x for x in status.read_text().splitlines() if x.startswith("VmRSS:"))
        current = int(line.split()[1]) / 1024
    return round(current), round(peak)


def stage_worker(case: str) -> None:
    """Run one case stage by stage and print RSS after reading and after each stage's fit and
    transform (where the fixed model cost goes)."""
    from feedback_nlp import progress
    from feedback_nlp.pipeline import _read, default_stages
    from feedback_nlp.stages import Batch

    progress.set_enabled(False)
    steps = [{"step": "imports", **dict(zip(("rss_mb", "peak_mb"), _rss_mb(), strict=True))}]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Batch(_read(case_files(case, Path(tmp))).table)
        steps.append({"step": "read", **dict(zip(("rss_mb", "peak_mb"), _rss_mb(), strict=True))})
        for stage in default_stages():
            stage.fit(batch)
            batch = stage.transform(batch)
            measured = dict(zip(("rss_mb", "peak_mb"), _rss_mb(), strict=True))
            steps.append({"step": stage.name, **measured})
    print(json.dumps({"case": case, "steps": steps}))


def run_case(case: str, code: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(code), "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", case],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=code,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "s" in result:
        result["s"] = round(result["s"], 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--label", default="after")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "results" / "memory_bench.json")
    parser.add_argument(
        "--by-stage", action="store_true", help="Also record RSS after each stage of each case."
    )
    args = parser.parse_args()
    if args.worker:
        if args.worker.startswith("stages:"):
            stage_worker(args.worker.removeprefix("stages:"))
        else:
            worker(args.worker)
        return
    baseline = run_case("baseline", args.code)
    results = []
    for case in args.cases.split(","):
        measured = run_case(case, args.code)
        measured["ratio_to_baseline"] = round(measured["peak_rss_mb"] / baseline["peak_rss_mb"], 2)
        results.append(measured)
        print(json.dumps(measured), flush=True)
    previous = json.loads(args.out.read_text()) if args.out.is_file() else {}
    previous[args.label] = {
        "code": str(args.code),
        "baseline_import_rss_mb": baseline["peak_rss_mb"],
        "cases": results,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "command": " ".join(sys.argv),
    }
    if args.by_stage:
        previous[args.label]["by_stage"] = [
            run_case(f"stages:{case}", args.code) for case in args.cases.split(",")
        ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(previous, indent=2) + "\n")


if __name__ == "__main__":
    main()
