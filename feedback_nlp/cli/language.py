"""`feedback-nlp evaluate language` and `feedback-nlp detect-language`."""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from feedback_nlp.backends.language import BACKENDS, UND, get_detector
from feedback_nlp.cli.app import app, evaluate_app
from feedback_nlp.errors import ReadError
from feedback_nlp.labelled_sets import default_data_dir

LENGTHS = ("single-words", "word-pairs", "sentences")
EVAL_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ro", "ru", "uk", "nl", "pl")
CONFUSABLE_GROUPS = (
    ("ro", "it", "es", "pt"),
    ("ru", "uk", "bg"),
    ("de", "nl", "da"),
    ("nb", "da", "sv"),
    ("cs", "sk"),
    ("hr", "sr", "bs"),
)


def load_lingua_texts(
    data_dir: Path, languages: tuple[str, ...] = EVAL_LANGUAGES, limit: int | None = None
) -> list[dict[str, Any]]:
    """The lingua test texts: one dict (text, lang, length, line) per line."""
    root = Path(data_dir) / "langid" / "lingua"
    rows: list[dict[str, Any]] = []
    for length in LENGTHS:
        for lang in languages:
            path = root / length / f"{lang}.txt"
            if not path.is_file():
                raise ReadError(path, "missing lingua test file", hint="pass --data DIR")
            lines = path.read_text(encoding="utf-8").splitlines()[:limit]
            rows += [
                {"text": t, "lang": lang, "length": length, "line": i} for i, t in enumerate(lines)
            ]
    return rows


def _accuracy(
    rows: list[dict[str, Any]],
    predicted: list[str],
    length: str,
    lang: str | None = None,
    parity: int | None = None,
) -> float:
    hits = [
        p == r["lang"]
        for r, p in zip(rows, predicted, strict=True)
        if r["length"] == length
        and (lang is None or r["lang"] == lang)
        and (parity is None or r["line"] % 2 == parity)
    ]
    return round(100 * sum(hits) / len(hits), 2) if hits else float("nan")


def score_backend(rows: list[dict[str, Any]], predicted: list[str]) -> dict[str, Any]:
    """Accuracy per length, per language x length and per line half; confusions; und share."""
    langs = sorted({r["lang"] for r in rows})
    result: dict[str, Any] = {
        "accuracy": {n: _accuracy(rows, predicted, n) for n in LENGTHS},
        "accuracy_even_lines": {n: _accuracy(rows, predicted, n, parity=0) for n in LENGTHS},
        "accuracy_odd_lines": {n: _accuracy(rows, predicted, n, parity=1) for n in LENGTHS},
        "per_language": {
            lang: {n: _accuracy(rows, predicted, n, lang=lang) for n in LENGTHS} for lang in langs
        },
    }
    pairs = Counter(
        f"{r['lang']}->{p}" for r, p in zip(rows, predicted, strict=True) if p != r["lang"]
    )
    groups = {
        "/".join(group): sum(n for pair, n in pairs.items() if set(pair.split("->")) <= set(group))
        for group in CONFUSABLE_GROUPS
    }
    result["confusions_in_groups"] = groups
    result["top_confusions"] = dict(pairs.most_common(15))
    result["und_share"] = round(100 * predicted.count(UND) / len(predicted), 2)
    return result


_EMOJI = "👍👎😀😡🙏❤️🔥✅❌⭐😂🤔👌💯🎉😢"
_DOMAINS = ("example.com", "shop.example.fr", "www.example.de", "app.example.io")


def no_signal_texts(count: int = 2000, seed: int = 0) -> list[str]:
    """Synthetic inputs without language: empty, emoji-only, number-only, URL-only, e-mails and
    PII placeholders (seeded, so the same every run)."""
    rng = random.Random(seed)
    makers = [
        lambda: rng.choice(["", " ", "\n", "\t "]),
        lambda: "".join(rng.choice(_EMOJI) for _ in range(rng.randint(1, 6))),
        lambda: rng.choice(["{}", "{}/10", "{}%", "+{} {}", "{}.{}", "#{}", "{}-{}-{}"]).format(
            *(rng.randint(0, 9999) for _ in range(3))
        ),
        lambda: (
            f"https://{rng.choice(_DOMAINS)}/p/{rng.randint(1, 99999)}?ref={rng.randint(1, 99)}"
        ),
        lambda: rng.choice(_DOMAINS) + rng.choice(["", "/", f"/{rng.randint(1, 999)}"]),
        lambda: rng.choice(["<EMAIL>", "<URL>", "<PHONE> <EMAIL>", "<CARD>", "<IBAN> !!"]),
        lambda: rng.choice(["!!!", "???", "...", ":-)", ":(", "*", "-_-"]) * rng.randint(1, 3),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def evaluate_language(
    data_dir: Path,
    backends: list[str],
    limit: int | None = None,
    languages: tuple[str, ...] = EVAL_LANGUAGES,
) -> dict[str, Any]:
    """Run every backend on the same lingua texts; accuracy tables, confusions, throughput."""
    rows = load_lingua_texts(data_dir, languages, limit=limit)
    texts = [r["text"] for r in rows]
    report: dict[str, Any] = {"texts": len(texts), "languages": list(languages)}
    no_signal = no_signal_texts()
    report["no_signal_texts"] = len(no_signal)
    for name in backends:
        print(f"evaluating {name}", file=sys.stderr, flush=True)
        detector = get_detector(name)
        detector.detect(texts[:50])  # load models before timing
        start = time.perf_counter()
        predicted = [lang for lang, _ in detector.detect(texts)]
        seconds = time.perf_counter() - start
        report[name] = score_backend(rows, predicted)
        report[name]["texts_per_second"] = round(len(texts) / seconds, 1)
        found = [lang for lang, _ in detector.detect(no_signal)]
        report[name]["no_signal_und_share"] = round(100 * found.count(UND) / len(found), 2)
    return report


def report_markdown(report: dict[str, Any]) -> str:
    """The evaluation as Markdown tables."""
    names = [k for k in report if isinstance(report[k], dict)]
    out = [
        f"Lingua test texts of {' '.join(report['languages'])}: {report['texts']} texts, "
        "no candidate restriction.\n"
    ]
    out.append(
        "| backend | single words | word pairs | sentences | und % | texts/s "
        "| und % on no-signal inputs |"
    )
    out.append("|---|---|---|---|---|---|---|")
    for name in names:
        acc = report[name]["accuracy"]
        out.append(
            f"| {name} | {acc['single-words']} | {acc['word-pairs']} | {acc['sentences']} | "
            f"{report[name]['und_share']} | {report[name]['texts_per_second']} | "
            f"{report[name]['no_signal_und_share']} |"
        )
    out.append("\nOdd lines only (the half not used to tune the default):\n")
    out.append("| backend | single words | word pairs | sentences |\n|---|---|---|---|")
    for name in names:
        acc = report[name]["accuracy_odd_lines"]
        out.append(f"| {name} | {acc['single-words']} | {acc['word-pairs']} | {acc['sentences']} |")
    for name in names:
        out.append(f"\n### {name}: per language (single words / word pairs / sentences)\n")
        out.append("| lang | single | pairs | sentences |\n|---|---|---|---|")
        for lang, acc in report[name]["per_language"].items():
            out.append(f"| {lang} | " + " | ".join(str(acc[x]) for x in LENGTHS) + " |")
        out.append(f"\nErrors inside confusable groups: {report[name]['confusions_in_groups']}")
        out.append(f"\nTop confusions: {report[name]['top_confusions']}")
    return "\n".join(out) + "\n"


@evaluate_app.command("language")
def evaluate_language_command(
    data: Annotated[Path | None, typer.Option(help="Data folder (default ../shared/data)")] = None,
    backend: Annotated[list[str] | None, typer.Option(help="Backends to compare.")] = None,
    limit: Annotated[int | None, typer.Option(help="First N lines of each file.")] = None,
    out: Annotated[Path | None, typer.Option(help="Write the JSON report (and .md).")] = None,
    language: Annotated[list[str] | None, typer.Option(help="Languages (ISO 639-1).")] = None,
) -> None:
    """Accuracy per language and text length on the lingua test texts, every backend."""
    report = evaluate_language(
        data or default_data_dir(),
        backend or list(BACKENDS),
        limit,
        tuple(language) if language else EVAL_LANGUAGES,
    )
    markdown = report_markdown(report)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        out.with_suffix(".md").write_text(markdown, encoding="utf-8")
    typer.echo(markdown)


@app.command("detect-language")
def detect_language_command(
    text: Annotated[list[str], typer.Argument(help="Texts to detect.")],
    backend: Annotated[str, typer.Option(help="Backend name.")] = "default",
    candidate: Annotated[list[str] | None, typer.Option(help="Allowed languages.")] = None,
) -> None:
    """Print `lang<TAB>score<TAB>text` for each text."""
    found = get_detector(backend).detect(text, candidates=candidate or None)
    for (lang, score), item in zip(found, text, strict=True):
        typer.echo(f"{lang}\t{score:.3f}\t{item}")
