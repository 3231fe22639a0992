"""Do mixed comments carry both polarities at unit level? (theme-level sentiment, challenge set)

Each comment of the challenge set is cut into the theme model's units (sentences and clauses,
`topics.units.comment_units`); every unit is read by the default stages (prepare, language,
embed, sentiment), and so is every whole comment. Per kind of comment: the share cut into
more than one unit, the share with at least one negative and one positive unit (what
`theme_mentions.sentiment` shows), the share read `mixed` as a whole (four-way,
`stages.sentiment.sentiment_with_mixed`), and the share with either.

    python scripts/eval_unit_sentiment.py --out docs/results/unit_sentiment_challenge.json
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import pandas as pd

CHALLENGE = Path(__file__).parent.parent / "tests/data/challenge_sentiment.jsonl"


def unit_sentiments(rows: list[dict]) -> tuple[list[int], list[str]]:
    """(owner row, sentiment) of every unit of `rows`."""
    from feedback_nlp.topics.units import comment_units

    owners, texts, langs = [], [], []
    for row, item in enumerate(rows):
        for unit in comment_units(item["text"], item["lang"]) or [item["text"]]:
            owners.append(row)
            texts.append(unit)
            langs.append(item["lang"])
    return owners, read(texts, langs)["sentiment"].astype(str).tolist()


def read(texts: list[str], langs: list[str]) -> pd.DataFrame:
    """`texts` through the default stages prepare, language, embed, sentiment."""
    from feedback_nlp.stages import STAGES, Batch

    table = pd.DataFrame(
        {
            "response_id": pd.array([str(i) for i in range(len(texts))], dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "lang_hint": pd.array(langs, dtype="string"),
        }
    )
    batch = Batch(table)
    for name in ("prepare", "language", "embed", "sentiment"):
        batch = STAGES[name]().fit_transform(batch)
    return batch.table


def read_mixed(rows: list[dict]) -> list[bool]:
    """Whether each whole comment is read `mixed`."""
    from feedback_nlp.schema import SENTIMENT_LABELS
    from feedback_nlp.stages.sentiment import MIXED, sentiment_with_mixed

    table = read([r["text"] for r in rows], [r["lang"] for r in rows])
    probabilities = table[[f"p_{label}" for label in SENTIMENT_LABELS]].to_numpy(float)
    return [label == MIXED for label in sentiment_with_mixed(probabilities)]


def by_kind(
    rows: list[dict], owners: list[int], sentiments: list[str], mixed: list[bool]
) -> dict[str, dict]:
    """Per kind: comments and the shares named in the module docstring."""
    found: dict[int, list[str]] = defaultdict(list)
    for owner, sentiment in zip(owners, sentiments, strict=True):
        found[owner].append(sentiment)
    kinds: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    for row, item in enumerate(rows):
        units = found[row]
        both = "negative" in units and "positive" in units
        kinds[item["kind"]].append((len(units) > 1, both, mixed[row]))
    return {kind: _shares(flags) for kind, flags in sorted(kinds.items())}


def _shares(flags: list[tuple[bool, bool, bool]]) -> dict[str, float]:
    n = len(flags)
    return {
        "comments": n,
        "several_units": round(sum(f[0] for f in flags) / n, 3),
        "negative_and_positive_unit": round(sum(f[1] for f in flags) / n, 3),
        "read_mixed": round(sum(f[2] for f in flags) / n, 3),
        "either": round(sum(f[1] or f[2] for f in flags) / n, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = [json.loads(line) for line in CHALLENGE.read_text(encoding="utf-8").splitlines()]
    report = by_kind(rows, *unit_sentiments(rows), read_mixed(rows))
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
