"""What a text rule of stage "sentiment" changes on the labelled sets.

Three rules are measured (``--rule``): ``denials_positive`` (:mod:`feedback_nlp.text.denials`:
a short comment read negative that only denies a problem turns positive), ``irony_negative``
(:mod:`feedback_nlp.text.irony`: a comment read positive that praises ironically turns
negative) and ``requests_neutral`` (:mod:`feedback_nlp.text.requests`: a comment read
positive that only asks for something turns neutral). A rule only reads the comments its
test fires on, so the stage runs on those rows alone, with the rule off and on; every other
row reads the same either way. Per set: its rows, the rows the rule fires on, those the model
reads with the polarity the rule moves from (the ones it can turn), the ones it turns, and,
where the set has gold sentiment, the correct readings of the fired rows without and with
the rule and the change of the whole set's accuracy. Only counts are written (no text of the
sets).

GoEmotions has no sentiment gold, but its emotions fall into the positive, negative and
ambiguous groups of its authors' sentiment mapping (neutral alone: no emotion): the last
record reads all 54,263 comments of its three splits that way (``goemotions-all-polarity``).

    python scripts/eval_sentiment_rules.py --data ../shared/data --rule denials_positive \
        --out docs/results/denials_stop34.json
    python scripts/eval_sentiment_rules.py --data ../shared/data --rule irony_negative \
        --out docs/results/irony_stop35.json
    python scripts/eval_sentiment_rules.py --data ../shared/data --rule requests_neutral \
        --out docs/results/requests_stop40.json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.evaluation import _table_for_stages, run_stage
from feedback_nlp.labelled_sets import SETS, default_data_dir, load_set
from feedback_nlp.schema import sentiment_prob_columns
from feedback_nlp.stages.mixed import MIXED, sentiment_with_mixed
from feedback_nlp.text.denials import denies_problem
from feedback_nlp.text.irony import ironic_praise
from feedback_nlp.text.requests import plain_request

DEFAULT_SETS = (
    "challenge-sentiment", "xlmt-val", "mobasa-test", "mobasa-dev", "mams-val", "mams-test",
    "steam-reviews", "steam-reviews-train", "goemotions-dev",
)  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """A text rule of the stage: its option, its test and the polarity it moves."""

    option: str
    fires: Callable[[str, str], bool]
    source: str
    target: str


RULES = {
    "denials_positive": Rule(
        "denials_positive", lambda t, _: denies_problem(t), "negative", "positive"
    ),
    "irony_negative": Rule("irony_negative", ironic_praise, "positive", "negative"),
    "requests_neutral": Rule("requests_neutral", plain_request, "positive", "neutral"),
}


def readings(frame: pd.DataFrame, rule: Rule, on: bool, four_way: bool) -> np.ndarray:
    """The stage's readings of `frame` (columns text, lang) with `rule` on or off."""
    langs = frame["lang"].astype(str).to_numpy()
    table = _table_for_stages(frame, "text", langs, Path(rule.option))
    tagged = run_stage("sentiment", table, {"device": "cpu", rule.option: on})
    if not four_way:
        return tagged["sentiment"].to_numpy(dtype=object)
    probabilities = tagged[sentiment_prob_columns()].to_numpy()
    return sentiment_with_mixed(probabilities, tagged["p_mixed"].to_numpy(dtype=float))


def measure(name: str, data: Path, rule: Rule) -> dict[str, Any]:
    """`rule`'s effect on one labelled set (module docstring)."""
    _, frame = load_set(name, data)
    frame = frame.reset_index(drop=True)
    if "lang" not in frame:
        frame = frame.assign(lang="en")
    pairs = zip(frame["text"].astype(str), frame["lang"].astype(str), strict=True)
    fired = np.array([rule.fires(text, lang) for text, lang in pairs], dtype=bool)
    gold = frame["label"].astype(str).to_numpy() if "label" in frame else None
    four_way = gold is not None and MIXED in set(gold.tolist())
    record: dict[str, Any] = {"set": name, "rows": len(frame), "fired": int(fired.sum())}
    read, turned = f"read_{rule.source}", f"turned_{rule.target}"
    if not fired.any():
        return {**record, read: 0, turned: 0}
    rows = frame[fired].reset_index(drop=True)
    before, after = readings(rows, rule, False, four_way), readings(rows, rule, True, four_way)
    record |= {
        read: int((before == rule.source).sum()),
        turned: int(((before == rule.source) & (after == rule.target)).sum()),
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


def goemotions_polarity(data: Path, rule: Rule) -> dict[str, Any]:
    """`rule` on every GoEmotions comment: the emotion group of those it turns."""
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
    fired = frame[[rule.fires(t, "en") for t in frame["text"]]].reset_index(drop=True)
    record: dict[str, Any] = {"set": "goemotions-all-polarity", "rows": len(frame)}
    record["fired"] = len(fired)
    read, turned_to = f"read_{rule.source}", f"turned_{rule.target}"
    if fired.empty:
        return {**record, read: 0, turned_to: 0}
    rows = fired.assign(lang="en")
    before, after = readings(rows, rule, False, False), readings(rows, rule, True, False)
    turned = (before == rule.source) & (after == rule.target)
    groups = [_group({names[int(i)] for i in ids.split(",")}) for ids in fired["ids"][turned]]
    return record | {
        read: int((before == rule.source).sum()),
        turned_to: int(turned.sum()),
        f"{turned_to}_by_gold_group": pd.Series(groups).value_counts().to_dict(),
    }


#: NLU++ intents that report a problem or a feeling; a query with none of them only asks.
NLUPP_NOT_PLAIN = frozenset(
    ("wrong_notworking_notshowing", "lost_stolen", "refund", "why", "thank", "deny", "affirm",
     "acknowledge", "dont_know", "greet", "end_call", "handoff", "repeat")
)  # fmt: skip


def nlupp_requests(data: Path, rule: Rule) -> list[dict[str, Any]]:
    """`rule` on NLU++'s banking and hotel queries (no sentiment gold): per domain, how the
    queries whose intents only ask (none of NLUPP_NOT_PLAIN) and the others are read, on all
    rows, without and with the rule."""
    import json as jsonlib

    records = []
    for domain in ("banking", "hotels"):
        folder = data / "themes" / "banking77-nlupp" / "nlupp" / "data" / domain
        rows = [r for f in sorted(folder.glob("fold*.json")) for r in jsonlib.loads(f.read_text())]
        frame = pd.DataFrame(
            {
                "text": [str(r["text"]) for r in rows],
                "asks": [bool(r.get("intents")) and not NLUPP_NOT_PLAIN & set(r["intents"])
                         for r in rows],
            }
        ).drop_duplicates("text").reset_index(drop=True).assign(lang="en")  # fmt: skip
        fired = np.array([rule.fires(t, "en") for t in frame["text"]], dtype=bool)
        before, after = readings(frame, rule, False, False), readings(frame, rule, True, False)
        record: dict[str, Any] = {"set": f"nlupp-{domain}", "rows": len(frame)}
        for name, mask in (("only_asking", frame["asks"]), ("other", ~frame["asks"])):
            mask = mask.to_numpy(dtype=bool)
            record[name] = {
                "rows": int(mask.sum()),
                "fired": int((fired & mask).sum()),
                "without_rule": pd.Series(before[mask]).value_counts().to_dict(),
                "with_rule": pd.Series(after[mask]).value_counts().to_dict(),
            }
        records.append(record)
    return records


def _group(emotions: set[str]) -> str:
    positive, negative = bool(emotions & GOEMOTIONS_POSITIVE), bool(emotions & GOEMOTIONS_NEGATIVE)
    if positive and negative:
        return "positive and negative"
    return "positive" if positive else "negative" if negative else "neutral or ambiguous"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="shared data folder (or FEEDBACK_NLP_DATA)")
    parser.add_argument("--rule", required=True, choices=sorted(RULES))
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS), choices=sorted(SETS))
    parser.add_argument("--out", default=None, help="write the records as JSON here")
    args = parser.parse_args()
    data = Path(args.data) if args.data else default_data_dir()
    rule, records = RULES[args.rule], []
    for name in args.sets:
        records.append(measure(name, data, rule))
        print(json.dumps(records[-1]), flush=True)
    records.append(goemotions_polarity(data, rule))
    print(json.dumps(records[-1]), flush=True)
    if rule.option == "requests_neutral":
        for record in nlupp_requests(data, rule):
            records.append(record)
            print(json.dumps(record), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
