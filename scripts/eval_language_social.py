"""Language ID on real tweets with social markup, with and without stripping it.

    PYTHONPATH=. python scripts/eval_language_social.py --data ../shared/data [--limit 400]

Reads the XLM-T tweets (``<data>/sentiment/xlm-t/<language>/{train,val}_text.txt``), keeps
those with an @handle, a hashtag or an RT marker (the first `--limit` per language) and scores
the default detector on them twice in the same run: with the social markup left in the signal
(the baseline, as before this change) and stripped (`text.social.strip_social`).
Writes docs/results/language_social.json.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from feedback_nlp.backends import language as lang_backend
from feedback_nlp.cli.language import default_data_dir
from feedback_nlp.labelled_sets import XLMT_LANGUAGES
from feedback_nlp.text import social

SOCIAL = re.compile(r"(?<![\w@])@\w+|(?<!\w)#\w+|\bRT\b")


def social_tweets(folder: Path, limit: int) -> list[str]:
    texts: list[str] = []
    for split in ("val", "train"):
        path = folder / f"{split}_text.txt"
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            texts += [t for t in lines if SOCIAL.search(t)]
    return texts[:limit]


def accuracy(detector: lang_backend.LanguageDetector, texts: list[str], code: str) -> float:
    results = detector.detect(texts)
    return sum(r[0] == code for r in results) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--backend", default="default")
    parser.add_argument("--out", type=Path, default=Path("docs/results/language_social.json"))
    args = parser.parse_args()
    root = args.data / "sentiment" / "xlm-t"
    if not root.is_dir():
        raise SystemExit(f"{root}: XLM-T tweets not found (pass --data)")
    detector = lang_backend.get_detector(args.backend)
    stripping = social.strip_social
    rows = {}
    for name, code in XLMT_LANGUAGES.items():
        texts = social_tweets(root / name, args.limit)
        if not texts:
            continue
        social.strip_social = lambda text: text  # the baseline: markup left in
        before = accuracy(detector, texts, code)
        social.strip_social = stripping
        after = accuracy(detector, texts, code)
        rows[code] = {"tweets": len(texts), "before": round(before, 4), "after": round(after, 4)}
        print(code, rows[code], flush=True)
    total = sum(r["tweets"] for r in rows.values())
    summary = {
        "data": "XLM-T tweets (train+val) with @handles, hashtags or RT",
        "backend": args.backend,
        "per_language": rows,
        "before": round(sum(r["before"] * r["tweets"] for r in rows.values()) / total, 4),
        "after": round(sum(r["after"] * r["tweets"] for r in rows.values()) / total, 4),
        "tweets": total,
        "command": f"python scripts/eval_language_social.py --limit {args.limit}",
    }
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("before", "after", "tweets")}))


if __name__ == "__main__":
    main()
