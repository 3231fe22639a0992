"""A survey of two open questions, as a form export and as long exports, through `analyze`.

Real text in the shapes real exports have (docs/reading.md, stop 43): MAMS ACSA training
sentences whose aspects are all positive answer "What did you like most about your visit?"
(3 in 4 respondents), those whose aspects are all negative "What should we improve?" (2 in
3), beside a restaurant chosen; written as a Google Forms CSV and as a long export (one row
per question) sorted by response and sorted by question, in a temporary folder (never in
the project). Each is analysed with the default stages; the script reports the read counts,
each question's comments and share read as negative, its most mentioned themes, and whether
each long export gives the form's table.

    python scripts/eval_survey_shapes.py --data ../shared/data --out docs/results/survey_shapes.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

LIKE, IMPROVE = "What did you like most about your visit?", "What should we improve?"
STORE = "Which restaurant did you visit?"


def sentences(data: Path) -> tuple[list[str], list[str]]:
    """MAMS ACSA train sentences whose aspects are all positive / all negative (no mix)."""
    root = ET.parse(data / "themes/mams/data/MAMS-ACSA/raw/train.xml").getroot()
    praise, complaints = [], []
    for sentence in root.iter("sentence"):
        polarities = {a.get("polarity") for a in sentence.iter("aspectCategory")}
        text = (sentence.findtext("text") or "").strip()
        if "positive" in polarities and "negative" not in polarities:
            praise.append(text)
        if "negative" in polarities and "positive" not in polarities:
            complaints.append(text)
    return praise, complaints


def survey(data: Path, respondents: int, seed: int) -> pd.DataFrame:
    """The form export: a timestamp, the restaurant, the two open questions."""
    praise, complaints = sentences(data)
    rng = random.Random(seed)
    rng.shuffle(praise)
    rng.shuffle(complaints)
    rows = []
    for i in range(respondents):
        rows.append(
            {
                "Timestamp": f"2026/05/{1 + i % 28:02d} {1 + i % 11}:{i % 60:02d}:00 PM GMT+1",
                STORE: rng.choice(["Soho", "Camden", "Brixton"]),
                LIKE: praise[i] if rng.random() < 0.75 else "",
                IMPROVE: complaints[i] if rng.random() < 0.65 else "",
            }
        )
    return pd.DataFrame(rows)


def long_export(form: pd.DataFrame, by_question: bool = False) -> pd.DataFrame:
    """The same answers, one row per question answered (response id, date, question, answer),
    the rows of each response together, or (`by_question`) those of each question."""
    rows = [
        {"response_id": f"S{i}", "submitted": row["Timestamp"], "question": q, "answer": row[q]}
        for i, row in form.iterrows()
        for q in (STORE, LIKE, IMPROVE)
        if row[q]
    ]
    table = pd.DataFrame(rows)
    if by_question:
        order = {STORE: 0, LIKE: 1, IMPROVE: 2}
        table = table.sort_values("question", key=lambda q: q.map(order), kind="stable")
    return table


def measure(path: Path) -> tuple[dict, pd.DataFrame]:
    """Analyse one file; its read counts and its answers per question."""
    from feedback_nlp.pipeline import analyze

    analysis = analyze([path], segments=[STORE])
    table, info = analysis.table, analysis.read_summary
    labels = (
        analysis.tables["topics"].set_index("topic")["label"].to_dict()
        if "topics" in analysis.tables
        else {}
    )
    by_question = {}
    for question, part in table.groupby("question"):
        themes = part["themes"].str.split("|").explode()
        top = themes[themes != "-1"].value_counts().head(3)
        by_question[str(question)] = {
            "comments": len(part),
            "negative_share": round(float((part["sentiment"] == "negative").mean()), 3),
            "top_themes": [[labels.get(int(t), t), int(n)] for t, n in top.items()],
        }
    summary = next(line.strip() for line in info.splitlines() if line.strip().startswith("rows:"))
    return {"read": summary, "comments": len(table), "by_question": by_question}, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("FEEDBACK_NLP_DATA", "../shared/data"))
    )
    parser.add_argument("--respondents", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    form = survey(args.data, args.respondents, args.seed)
    result: dict = {"respondents": args.respondents, "seed": args.seed}
    tables = {}
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "form": form,
            "long": long_export(form),
            "long_by_question": long_export(form, by_question=True),
        }
        for shape, frame in files.items():
            path = Path(folder) / f"{shape}.csv"
            frame.to_csv(path, index=False)
            result[shape], tables[shape] = measure(path)
    keys = ["text", "question", "sentiment", "themes"]
    wide = tables["form"][keys].reset_index(drop=True)
    for shape in ("long", "long_by_question"):
        same = wide.equals(tables[shape][keys].reset_index(drop=True))
        result[f"same_table_{shape}"] = bool(same)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
