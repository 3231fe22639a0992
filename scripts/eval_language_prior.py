"""Measure the language stage's corpus prior on real labelled sets (`corpus_prior` off and on).

    python scripts/eval_language_prior.py --data ../shared/data

Three questions, each answered with the prior off and on, through the stage itself:

1. Monolingual corpora (BANKING77, MAMS, Steam, MobASA, GoEmotions, each BRIGHTER and XLM-T
   language but Hindi, whose romanised tweets no detector reads as Hindi): how many comments
   are read as another language?
2. Corpora where no language dominates (the project's challenge set, XLM-T val pooled over
   its 8 languages): is anything changed? (It must not be.)
3. A minority language mixed into a monolingual corpus (lingua's test texts of the other
   evaluated languages, single words, word pairs and sentences, 5 % and 20 % of the corpus,
   seed 13): how many minority comments keep their language?

Writes docs/results/language_prior_eval.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from theme_sets import SETS as THEME_SETS

from feedback_nlp.cli.language import EVAL_LANGUAGES, LENGTHS
from feedback_nlp.labelled_sets import (
    BRIGHTER_LANGUAGES,
    default_data_dir,
    load_brighter,
    load_challenge,
    load_goemotions,
    load_xlmt,
)
from feedback_nlp.stages.language import LanguageStage

SEED = 13
MINORITY_SHARES = (0.05, 0.2)
MIXED_INTO = ("goemotions", "mobasa", "banking77")


def detect(texts: list[str], prior: bool) -> list[str]:
    table = pd.DataFrame(
        {"response_id": [str(i) for i in range(len(texts))], "text": texts, "text_clean": texts}
    )
    return LanguageStage(corpus_prior=prior)(table)["lang"].tolist()


def monolingual_sets(data: Path) -> dict[str, tuple[str, list[str]]]:
    """Set name -> (its language, its texts)."""
    sets = {
        name: ("en" if name != "mobasa" else "de", THEME_SETS[name](data)["text"].tolist())
        for name in ("banking77", "mams", "steam", "mobasa")
    }
    sets["goemotions"] = ("en", load_goemotions(data)["text"].tolist())
    brighter = load_brighter(data)
    for lang in BRIGHTER_LANGUAGES.values():
        sets[f"brighter_{lang}"] = (lang, brighter.loc[brighter["lang"] == lang, "text"].tolist())
    xlmt = load_xlmt(data)
    for lang in sorted(set(xlmt["lang"]) - {"hi"}):
        sets[f"xlmt_{lang}"] = (lang, xlmt.loc[xlmt["lang"] == lang, "text"].tolist())
    return sets


def read_as_other(lang: str, found: list[str]) -> int:
    return sum(code not in (lang, "und") for code in found)


def monolingual(sets: dict[str, tuple[str, list[str]]]) -> dict[str, dict[str, int]]:
    report = {}
    for name, (lang, texts) in sets.items():
        off, on = (read_as_other(lang, detect(texts, prior)) for prior in (False, True))
        report[name] = {"comments": len(texts), "other_language_off": off, "other_language_on": on}
        print(f"{name:16s} {len(texts):6d} comments, read as another language: {off} -> {on}")
    return report


def no_dominant(data: Path) -> dict[str, dict[str, float]]:
    report = {}
    for name, frame in (("challenge", load_challenge()), ("xlmt_pooled", load_xlmt(data))):
        gold = frame["lang"].tolist()
        texts = frame["text"].tolist()
        off, on = detect(texts, False), detect(texts, True)
        report[name] = {
            "comments": len(texts),
            "accuracy_off": round(sum(map(str.__eq__, off, gold)) / len(gold), 4),
            "accuracy_on": round(sum(map(str.__eq__, on, gold)) / len(gold), 4),
            "changed": sum(a != b for a, b in zip(off, on, strict=True)),
        }
        print(name, report[name])
    return report


def minority_mixes(data: Path, sets: dict[str, tuple[str, list[str]]]) -> list[dict[str, object]]:
    rng = random.Random(SEED)
    root = data / "langid" / "lingua"
    rows = []
    for corpus in MIXED_INTO:
        lang, texts = sets[corpus]
        for length in LENGTHS:
            pool = [
                (other, text)
                for other in EVAL_LANGUAGES
                if other != lang
                for text in rng.sample(
                    (root / length / f"{other}.txt").read_text(encoding="utf-8").splitlines(), 40
                )
            ]
            for share in MINORITY_SHARES:
                wanted = min(round(len(texts) * share / (1 - share)), len(pool))
                minority = rng.sample(pool, wanted)
                gold = [other for other, _ in minority]
                mixed = texts + [text for _, text in minority]
                found = {prior: detect(mixed, prior) for prior in (False, True)}
                kept = {
                    prior: sum(map(str.__eq__, codes[len(texts) :], gold)) / len(gold)
                    for prior, codes in found.items()
                }
                row = {
                    "corpus": corpus,
                    "minority": length,
                    "share": share,
                    "minority_comments": len(gold),
                    "minority_kept_off": round(kept[False], 4),
                    "minority_kept_on": round(kept[True], 4),
                    "corpus_other_language_off": read_as_other(lang, found[False][: len(texts)]),
                    "corpus_other_language_on": read_as_other(lang, found[True][: len(texts)]),
                }
                rows.append(row)
                print(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=Path("docs/results/language_prior_eval.json"))
    args = parser.parse_args()
    sets = monolingual_sets(args.data)
    report = {
        "command": "python scripts/eval_language_prior.py --data ../shared/data",
        "monolingual": monolingual(sets),
        "no_dominant_language": no_dominant(args.data),
        "minority_mixed_in": minority_mixes(args.data, sets),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
