"""Evaluate every language backend on the lingua test texts; write docs/results/language_eval.*.

nice python scripts/eval_language.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from feedback_nlp.backends.language import BACKENDS
from feedback_nlp.cli.language import (
    EVAL_LANGUAGES,
    default_data_dir,
    evaluate_language,
    report_markdown,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--backend", action="append", choices=sorted(BACKENDS))
    parser.add_argument("--limit", type=int, default=None, help="first N lines of each file")
    parser.add_argument("--languages", nargs="+", default=list(EVAL_LANGUAGES))
    parser.add_argument("--out", type=Path, default=Path("docs/results/language_eval.json"))
    args = parser.parse_args()
    backends = args.backend or list(BACKENDS)
    report = evaluate_language(args.data, backends, args.limit, tuple(args.languages))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    args.out.with_suffix(".md").write_text(report_markdown(report), encoding="utf-8")
    print(report_markdown(report))


if __name__ == "__main__":
    main()
