"""Measure the effort stage on the challenge set (dev and test halves) and the demo data.

    PYTHONPATH=. python scripts/eval_effort.py --out docs/results/effort_eval.json
    PYTHONPATH=. python scripts/eval_effort.py --errors dev   # list the dev half's misses

Gold: the `effort` field (high / low / none) of tests/data/challenge_sentiment.jsonl; the
`effort_part` field splits it into a dev half (read while writing the cues) and a test half
(measured only). Measures: precision / recall / F1 of effort ≠ none, 3-way accuracy, per
language. Demo: share flagged per level and mean CES by level (no gold).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pandas as pd

from feedback_nlp.schema import EFFORT_LEVELS
from feedback_nlp.stages.effort import EffortStage

ROOT = Path(__file__).resolve().parent.parent
CHALLENGE = ROOT / "tests" / "data" / "challenge_sentiment.jsonl"
#: Probes: effort comments phrased away from the cue lexicon, written after it (gold effort).
#: Each was written before the lexicon was extended from the one before it, measured once
#: as held out, then read to extend the lexicon (A, B, C, D); E is the one still held out.
PROBES = {
    name: ROOT / "tests" / "data" / f"effort_probe_{name[-1]}.jsonl"
    for name in ("probe_a", "probe_b", "probe_c", "probe_d", "probe_e")
}


def load_challenge(path: Path = CHALLENGE) -> pd.DataFrame:
    """The challenge set with its gold effort and half (or any JSONL with text, lang, effort)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return pd.DataFrame(rows)


def tag(texts: pd.Series) -> pd.DataFrame:
    """The effort stage's columns for `texts`."""
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(texts))], "text_clean": texts.tolist()}
    )
    return EffortStage()(table)


def scores(gold: pd.Series, predicted: pd.Series) -> dict[str, Any]:
    """Precision / recall / F1 of effort ≠ none, 3-way accuracy, confusion, rows."""
    truth, flagged = gold.to_numpy() != "none", predicted.to_numpy() != "none"
    hits = int((truth & flagged).sum())
    precision = hits / flagged.sum() if flagged.any() else float("nan")
    recall = hits / truth.sum() if truth.any() else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    confusion = pd.crosstab(gold, predicted).reindex(
        index=EFFORT_LEVELS, columns=EFFORT_LEVELS, fill_value=0
    )
    return {
        "rows": len(gold),
        "gold_flagged": int(truth.sum()),
        "precision": round(float(precision), 4),
        "recall": round(float(recall), 4),
        "f1": round(float(f1), 4),
        "accuracy_3way": round(float((gold.to_numpy() == predicted.to_numpy()).mean()), 4),
        "confusion_rows_gold_cols_predicted": confusion.to_numpy().tolist(),
    }


def challenge_report(frame: pd.DataFrame) -> dict[str, Any]:
    """Scores per half, overall and per language."""
    out: dict[str, Any] = {"levels": list(EFFORT_LEVELS)}
    for part, rows in frame.groupby("effort_part"):
        out[str(part)] = scores(rows["effort"], rows["predicted"])
        out[str(part)]["per_language"] = {
            str(lang): {
                k: v
                for k, v in scores(group["effort"], group["predicted"]).items()
                if k != "confusion_rows_gold_cols_predicted"
            }
            for lang, group in rows.groupby("lang")
        }
    out["all"] = scores(frame["effort"], frame["predicted"])
    return out


def demo_report() -> dict[str, Any]:
    """Share of demo comments per level, and CES by level where CES exists (no gold)."""
    from feedback_nlp.insights.effort import effort_ces
    from feedback_nlp.io import read_many
    from feedback_nlp.pipeline import demo_files
    from feedback_nlp.stages.prepare import PrepareStage

    table = PrepareStage()(read_many(demo_files()).table)
    tagged = EffortStage()(table)
    shares = tagged["effort"].value_counts(normalize=True).reindex(EFFORT_LEVELS, fill_value=0)
    cues = tagged["effort_cues"].str.split("|").explode()
    relation = effort_ces(tagged)
    return {
        "comments": len(tagged),
        "share": {k: round(float(v), 4) for k, v in shares.items()},
        "cue_counts": {str(k): int(v) for k, v in cues[cues != ""].value_counts().items()},
        "ces_by_effort": relation.assign(
            p_value=relation["p_value"].map(lambda p: float(f"{p:.3g}"))
        )
        .round({"value": 4, "ci_low": 4, "ci_high": 4})
        .astype(object)
        .where(relation.notna(), None)
        .to_dict(orient="records"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the report (JSON) here")
    parser.add_argument("--errors", choices=("dev", "test"), help="print that half's misses")
    args = parser.parse_args()
    frame = load_challenge()
    tagged = tag(frame["text"])
    frame["predicted"], frame["cues"] = tagged["effort"].to_numpy(), tagged["effort_cues"]
    if args.errors:
        wrong = frame[
            (frame["effort_part"] == args.errors) & (frame["effort"] != frame["predicted"])
        ]
        for row in wrong.itertuples():
            print(f"{row.effort:>4} → {row.predicted:<4} {row.lang} [{row.cues}] {row.text}")
    probes = {}
    for name, path in PROBES.items():
        probe = load_challenge(path)
        probe["predicted"] = tag(probe["text"])["effort"].to_numpy()
        probes[name] = scores(probe["effort"], probe["predicted"])
        probes[name]["per_language"] = {
            str(lang): scores(g["effort"], g["predicted"])["accuracy_3way"]
            for lang, g in probe.groupby("lang")
        }
        show = args.errors == ("test" if name == "probe_e" else "dev")
        for row in probe[show & (probe["effort"] != probe["predicted"])].itertuples():
            print(f"{row.effort:>4} → {row.predicted:<4} {row.lang} ({name}) {row.text}")
    report = {
        "command": "PYTHONPATH=. python scripts/eval_effort.py --out docs/results/effort_eval.json",
        "challenge": challenge_report(frame),
        **probes,
        "demo": demo_report(),
    }
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    parts = ("dev", "test") if args.out else ("dev",)  # the test half: only with --out
    summary = {p: report["challenge"][p] for p in parts}
    print(
        json.dumps(
            {p: {k: v for k, v in s.items() if k != "per_language"} for p, s in summary.items()}
        )
    )


if __name__ == "__main__":
    main()
