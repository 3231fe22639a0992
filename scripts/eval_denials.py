"""What the denied-problem rule of stage "sentiment" changes on the labelled sets.

The rule (:mod:`feedback_nlp.text.denials`, ``denials_positive``) only reads the comments on
which :func:`~feedback_nlp.text.denials.denies_problem` fires, so the stage runs on those
rows alone, with the rule off and on; every other row reads the same either way. Per set: its
rows, the rows the rule fires on, those the model reads negative (the ones it turns
positive), and, where the set has gold sentiment, the correct readings of the fired rows and
of the whole set without and with the rule. Only counts are written (no text of the sets).

GoEmotions has no sentiment gold, but its emotions fall into the positive, negative and
ambiguous groups of its authors' sentiment mapping (neutral alone: no emotion): the last
record reads all 54,263 comments of its three splits that way (``goemotions-all-polarity``).

    python scripts/eval_denials.py --data ../shared/data --out docs/results/denials_stop34.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.evaluation import _table_for_stages, run_stage
from feedback_nlp.labelled_sets import SETS, default_data_dir, load_set
from feedback_nlp.schema import sentiment_prob_columns
from feedback_nlp.stages.mixed import MIXED, sentiment_with_mixed
from feedback_nlp.text.denials import denies_problem

DEFAULT_SETS = (
    "challenge-sentiment", "xlmt-val", "mobasa-test", "mobasa-dev", "mams-val", "mams-test",
    "steam-reviews", "steam-reviews-train", "goemotions-dev",
)  # fmt: skip


def readings(frame: pd.DataFrame, rule: bool, four_way: bool) -> np.ndarray:
    """The stage's readings of `frame` (columns text, lang) with the rule on or off."""
    langs = frame["lang"].astype(str).to_numpy()
    table = _table_for_stages(frame, "text", langs, Path("denials"))
    tagged = run_stage("sentiment", table, {"device": "cpu", "denials_positive": rule})
    if not four_way:
        return tagged["sentiment"].to_numpy(dtype=object)
    probabilities = tagged[sentiment_prob_columns()].to_numpy()
    return sentiment_with_mixed(probabilities, tagged["p_mixed"].to_numpy(dtype=float))


def measure(name: str, data: Path) -> dict[str, Any]:
    """The rule's effect on one labelled set (module docstring)."""
    _, frame = load_set(name, data)
    frame = frame.reset_index(drop=True)
    if "lang" not in frame:
        frame = frame.assign(lang="en")
    fired = np.array([denies_problem(str(t)) for t in frame["text"]], dtype=bool)
    gold = frame["label"].astype(str).to_numpy() if "label" in frame else None
    four_way = gold is not None and MIXED in set(gold.tolist())
    record: dict[str, Any] = {"set": name, "rows": len(frame), "fired": int(fired.sum())}
    if not fired.any():
        return {**record, "read_negative": 0, "turned_positive": 0}
    rows = frame[fired].reset_index(drop=True)
    before, after = readings(rows, False, four_way), readings(rows, True, four_way)
    record |= {
        "read_negative": int((before == "negative").sum()),
        "turned_positive": int(((before == "negative") & (after == "positive")).sum()),
    }
    if gold is None:
        return record
    truth = gold[fired]
    return record | {
        "fired_gold": pd.Series(truth).value_counts().to_dict(),
        "fired_correct_without_rule": int((before == truth).sum()),
        "fired_correct_with_rule": int((after == truth).sum()),
        "accuracy_change": float(((after == truth).sum() - (before == truth).sum()) / len(frame)),
    }


#: GoEmotions' sentiment mapping (its authors' grouping of the 27 emotions); the rest of
#: them (confusion, curiosity, realization, surprise) is ambiguous.
GOEMOTIONS_POSITIVE = frozenset(
    ("admiration", "amusement", "approval", "caring", "desire", "excitement", "gratitude", "joy",
     "love", "optimism", "pride", "relief")
)  # fmt: skip
GOEMOTIONS_NEGATIVE = frozenset(
    ("anger", "annoyance", "disappointment", "disapproval", "disgust", "embarrassment", "fear",
     "grief", "nervousness", "remorse", "sadness")
)  # fmt: skip


def goemotions_polarity(data: Path) -> dict[str, Any]:
    """The rule on every GoEmotions comment: the emotion group of those it turns positive."""
    folder = data / "emotion" / "goemotions" / "data" / "original"
    names = (folder / "labels.txt").read_text(encoding="utf-8").split()
    columns = ["text", "ids", "id"]
    frame = pd.concat(
        [
            pd.read_csv(folder / f"{split}.tsv", sep="\t", header=None, quoting=3, names=columns)
            for split in ("train", "dev", "test")
        ],
        ignore_index=True,
    ).astype(str)
    fired = frame[[denies_problem(t) for t in frame["text"]]].reset_index(drop=True)
    record: dict[str, Any] = {"set": "goemotions-all-polarity", "rows": len(frame)}
    record["fired"] = len(fired)
    if fired.empty:
        return {**record, "read_negative": 0, "turned_positive": 0}
    rows = fired.assign(lang="en")
    before, after = readings(rows, False, False), readings(rows, True, False)
    turned = (before == "negative") & (after == "positive")
    groups = [_group({names[int(i)] for i in ids.split(",")}) for ids in fired["ids"][turned]]
    return record | {
        "read_negative": int((before == "negative").sum()),
        "turned_positive": int(turned.sum()),
        "turned_positive_by_gold_group": pd.Series(groups).value_counts().to_dict(),
    }


def _group(emotions: set[str]) -> str:
    positive, negative = bool(emotions & GOEMOTIONS_POSITIVE), bool(emotions & GOEMOTIONS_NEGATIVE)
    if positive and negative:
        return "positive and negative"
    return "positive" if positive else "negative" if negative else "neutral or ambiguous"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="shared data folder (or FEEDBACK_NLP_DATA)")
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS), choices=sorted(SETS))
    parser.add_argument("--out", default=None, help="write the records as JSON here")
    args = parser.parse_args()
    data = Path(args.data) if args.data else default_data_dir()
    records = []
    for name in args.sets:
        records.append(measure(name, data))
        print(json.dumps(records[-1]), flush=True)
    records.append(goemotions_polarity(data))
    print(json.dumps(records[-1]), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
