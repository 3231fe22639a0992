"""Embed the sentiment/emotion training and dev sets once (frozen encoder, head features).

Sizes fit one run on 2 CPU cores shared with other jobs (about 3-15 texts/s there).

Writes ``<part>.parquet`` (texts + labels) and ``<part>.npy`` (the stage's head features:
mean-pooled last 4 layers of multilingual-e5-small, then, with ``--branch``, the sentiment
branch's ``sentiment_features``) per part into ``--cache`` (outside the
project). Training sets are seeded samples sized for 2 shared CPU cores; dev sets come first.
The emotion gate's parts (``goemotions-gate``, ``brighter-gate``, ``xed-gate``: further train
rows; ``brighter-heldout``: the emotion head's own threshold holdout) come last.

    PYTHONPATH=. python scripts/cache_domain_features.py --cache /work/scratch/13 [--only a,b]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_sets import (
    CHALLENGE,
    SEED,
    load_challenge,
    load_goemotions,
    load_mams,
    load_mobasa,
)
from train_heads import BRIGHTER_EVAL, data_dir, load_brighter, load_xed, load_xlmt

from feedback_nlp.backends.encoder import E5Encoder
from feedback_nlp.stages.embed import HEAD_LAYERS

#: Seeded sample sizes of the training parts (per language where the set has several).
XLMT_TRAIN_PER_LANG = 150
BRIGHTER_TRAIN_PER_LANG = 150
GOEMOTIONS_TRAIN = 1500
GOEMOTIONS_DEV = 1500  # the first rows of dev, as measured in the issue
MAMS_TRAIN = 800
MOBASA_TEST = 600
#: Further seeded rows, disjoint from the parts above, for the "no emotion" gate (issue 13.4).
GATE_GOEMOTIONS = 10000
GATE_XED_EN = 1200  # English human-labelled XED lines, gold_neutral included
HEAD_HOLDOUT_SHARE = 0.15  # train_heads.py: Platt scaling and thresholds of the emotion head


def sample(frame: pd.DataFrame, n: int, by: str | None = None) -> pd.DataFrame:
    """A seeded sample of at most `n` rows (per value of `by`)."""
    if by is None:
        return frame.sample(min(n, len(frame)), random_state=SEED).sort_index()
    parts = [g.sample(min(n, len(g)), random_state=SEED) for _, g in frame.groupby(by)]
    return pd.concat(parts).sort_index()


def demo_comments() -> pd.DataFrame:
    """The bundled demo data's comments (for label frequencies; no gold)."""
    from feedback_nlp.io import read_many
    from feedback_nlp.pipeline import demo_files

    table = read_many(demo_files()).table
    texts = table["text"].fillna("").astype(str)
    return pd.DataFrame({"text": texts[texts.str.strip() != ""]})


def rest(frame: pd.DataFrame, taken: pd.DataFrame) -> pd.DataFrame:
    """The rows of `frame` not in `taken` (same index)."""
    return frame.drop(index=taken.index)


def xed_english(data: Path) -> pd.DataFrame:
    """XED English lines with human labels (``gold``) or marked neutral (``gold_neutral``)."""
    xed = load_xed(data)
    return xed[(xed["lang"] == "en") & xed["source"].isin(["gold", "gold_neutral"])]


def brighter_head_holdout(brighter: pd.DataFrame) -> pd.DataFrame:
    """The BRIGHTER train rows the shipped emotion head never trained on: the seeded 15 %
    holdout of ``train_heads.py`` (its per-language parts in name order, one draw over all)."""
    table = pd.concat([brighter[brighter["set"] == c] for c in sorted(brighter["set"].unique())])
    draw = np.random.default_rng(SEED).random(len(table)) < HEAD_HOLDOUT_SHARE
    return table[draw & (table["split"] == "train").to_numpy()]


def gate_parts(data: Path, brighter_train: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Training rows for the emotion gate, disjoint from the head-training samples."""
    goemotions = load_goemotions(data, "train")
    used_go = sample(goemotions, GOEMOTIONS_TRAIN)
    used_br = sample(brighter_train, BRIGHTER_TRAIN_PER_LANG, "set")
    return {
        "goemotions-gate": sample(rest(goemotions, used_go), GATE_GOEMOTIONS),
        "brighter-gate": rest(brighter_train, used_br),  # every other train row
        "xed-gate": sample(xed_english(data), GATE_XED_EN),
    }


def build_parts(data: Path) -> dict[str, pd.DataFrame]:
    """Every part to embed, dev/eval parts first."""
    xlmt = load_xlmt(data)
    brighter = load_brighter(data, BRIGHTER_EVAL)
    mobasa = load_mobasa(data, "dev")
    goemotions_dev = load_goemotions(data, "dev").head(GOEMOTIONS_DEV)
    parts = {
        "challenge": load_challenge() if CHALLENGE.exists() else pd.DataFrame({"text": []}),
        "xlmt-val": xlmt[xlmt["split"] == "val"],
        "mobasa-heldout": mobasa[mobasa["part"] == "heldout"],
        "mams-val": load_mams(data, "val"),
        "goemotions-dev": goemotions_dev,
        "brighter-dev": brighter[brighter["split"] == "dev"],
        "xlmt-train": sample(xlmt[xlmt["split"] == "train"], XLMT_TRAIN_PER_LANG, "lang"),
        "mobasa-train": mobasa[mobasa["part"] == "train"],
        "mams-train": sample(load_mams(data, "train"), MAMS_TRAIN),
        "goemotions-train": sample(load_goemotions(data, "train"), GOEMOTIONS_TRAIN),
        "brighter-train": sample(
            brighter[brighter["split"] == "train"], BRIGHTER_TRAIN_PER_LANG, "set"
        ),
        "mobasa-test": sample(load_mobasa(data, "test"), MOBASA_TEST),
        "demo": demo_comments(),
        **gate_parts(data, brighter[brighter["split"] == "train"]),
        "brighter-heldout": brighter_head_holdout(brighter),
    }  # fmt: skip
    return {name: frame.reset_index(drop=True) for name, frame in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--cache", required=True, help="output folder (outside the project)")
    parser.add_argument("--only", default="", help="comma-separated part names")
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument(
        "--branch", default=None, help="heads folder with a sentiment branch: its features follow"
    )
    args = parser.parse_args()
    out = Path(args.cache)
    out.mkdir(parents=True, exist_ok=True)
    parts = build_parts(data_dir(args.data))
    wanted = [p for p in args.only.split(",") if p] or list(parts)
    encoder = E5Encoder(device="cpu", batch_size=32, max_length=args.max_length, branch=args.branch)
    for name in wanted:
        table = parts[name]
        target, table_path = out / f"{name}.npy", out / f"{name}.parquet"
        cached = target.exists() and table_path.exists()
        if cached and pd.read_parquet(table_path)["text"].equals(table["text"]):
            print(f"{name}: cached ({len(table)} rows)", flush=True)
            continue
        began = time.perf_counter()
        features = encoder.encode(table["text"].tolist(), HEAD_LAYERS, with_branch=True)
        np.save(target, features)
        table.to_parquet(table_path)
        rate = len(table) / (time.perf_counter() - began)
        print(f"{name}: {len(table)} rows, {rate:.1f} texts/s", flush=True)


if __name__ == "__main__":
    main()
