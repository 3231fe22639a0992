"""Size and render time of the HTML report for 1,000 and 50,000 comments.

    python scripts/bench_report.py --tagged demo-output [--sizes 1000 50000] \
        [--out docs/results/report_bench.json]

`--tagged` is an analysis output folder (or a tagged table) of real tags, e.g. the demo's;
larger tables are resampled from it (rows drawn with replacement, seeded, each copy a new
respondent), so the report covers the same themes and months with N comments. For every
size it times the insight tables (`explain`: 200 bootstrap refits of the drivers per score)
and the report itself (build and write HTML, Markdown, workbook) apart, measures report.html,
and opens it in headless Chromium (network blocked) three times: `render_ms` runs from
navigation start until every chart has drawn (the page's own clock). The baseline, in the
same run, is a page with only plotly.js inlined and one small chart, so `render_ratio` says
what the report costs over loading the library itself.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.insights import explain
from feedback_nlp.report.browser import chromium_path, open_report
from feedback_nlp.report.build import theme_labels_of, write_insight_report
from feedback_nlp.report.html import json_for_script, plotly_js
from feedback_nlp.report.inputs import ReportInputs, load_inputs

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def resample(inputs: ReportInputs, rows: int, seed: int = 0) -> ReportInputs:
    """`rows` comments drawn from the table; each draw's copy number makes new ids."""
    table = inputs.table
    picks = np.random.default_rng(seed).integers(0, len(table), size=rows)
    copy = pd.Series(np.arange(rows) // len(table), dtype="string")
    sample = table.iloc[picks].reset_index(drop=True)
    sample["response_id"] = (
        sample["response_id"] + "-" + copy + "-" + pd.Series(np.arange(rows), dtype="string")
    )
    for column in ("respondent_id", "conversation_id"):
        if column in sample:
            sample[column] = sample[column] + "-" + copy
    return ReportInputs(
        table=sample,
        themes=inputs.themes,
        rejects=inputs.rejects,
        stages=inputs.stages,
        meta=inputs.meta,
        source=f"{rows:,} comments resampled from {inputs.source}",
    )


def baseline_page(folder: Path) -> Path:
    """plotly.js and one small bar chart: the floor of any report's render time."""
    figure = {"data": [{"type": "bar", "x": [1, 2, 3], "y": ["a", "b", "c"]}], "layout": {}}
    page = folder / "baseline.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head><body>'
        '<div id="c" data-figure="f"></div>'
        f'<script type="application/json" id="f">{json_for_script(figure)}</script>'
        f"<script>{plotly_js()}</script><script>"
        "var f=JSON.parse(document.getElementById('f').textContent);"
        "Plotly.newPlot('c',f.data,f.layout).then(function(){"
        "window.reportRendered=performance.now();});</script></body></html>",
        encoding="utf-8",
    )
    return page


def render(page: Path) -> dict[str, object]:
    checks = [open_report(page) for _ in range(RUNS)]
    clean = all(not c.requests and not c.console_errors and not c.page_errors for c in checks)
    return {
        "render_ms_median": round(statistics.median(c.render_ms for c in checks), 1),
        "render_ms_runs": [round(c.render_ms, 1) for c in checks],
        "charts": len(checks[0].charts),
        "charts_drawn": sum(b.has_svg and b.width > 0 and b.height > 0 for b in checks[0].charts),
        "no_request_no_error": clean,
    }


def chromium_version() -> str:
    path = chromium_path()
    if path is None:
        return "none"
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tagged", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 50_000])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "results" / "report_bench.json")
    args = parser.parse_args()
    source = load_inputs(args.tagged)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = render(baseline_page(folder))
        for rows in args.sizes:
            inputs = resample(source, rows)
            began = time.perf_counter()
            explanation = explain(inputs.table, labels=theme_labels_of(inputs.themes) or None)
            explain_s = time.perf_counter() - began
            began = time.perf_counter()
            paths = write_insight_report(inputs, folder / str(rows), explanation=explanation).paths
            report_s = time.perf_counter() - began
            shown = render(paths["html"])
            results.append(
                {
                    "comments": rows,
                    "html_bytes": paths["html"].stat().st_size,
                    "html_mb": round(paths["html"].stat().st_size / 1e6, 3),
                    "xlsx_mb": round(paths["xlsx"].stat().st_size / 1e6, 3),
                    "explain_s": round(explain_s, 1),
                    "report_build_and_write_s": round(report_s, 1),
                    **shown,
                    "render_ratio_to_baseline": round(
                        shown["render_ms_median"] / baseline["render_ms_median"], 2
                    ),
                }
            )
            print(json.dumps(results[-1]))
    report = {
        "what": "report.html size and headless render time (scripts/bench_report.py)",
        "source": str(args.tagged),
        "plotly_js_bytes": len(plotly_js().encode("utf-8")),
        "baseline_plotly_only": baseline,
        "results": results,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "chromium": chromium_version(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
