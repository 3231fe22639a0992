"""Time of the key-driver model's logistic fit and bootstrap: per unit (before stop 48) and on
the distinct rows weighted by their counts (`insights.drivers._fit_logistic_bootstrap`).

Synthetic units with ~140 sparse 0/1 indicators (themes, theme × negative, emotions,
touchpoints) and a detractor event; both ways run in this process on the same draws, so the
ratio is comparable across runs on a shared machine, and the coefficients must agree.

    nice python scripts/bench_drivers.py --out docs/results/bench_drivers.json
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.insights.drivers import _bootstrap, _fit_logistic_bootstrap, fit_logistic

DRIVERS = 140


def synthetic(units: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Indicators drawn with Zipf-like rates (a few common themes, many rare ones), and an
    event whose log-odds depend on a tenth of them."""
    rng = np.random.default_rng(seed)
    rates = 0.3 / np.arange(1, DRIVERS + 1) ** 0.8
    x = (rng.random((units, DRIVERS)) < rates).astype(float)
    effects = np.where(np.arange(DRIVERS) % 10 == 0, rng.normal(0, 1, DRIVERS), 0.0)
    y = (rng.random(units) < 1 / (1 + np.exp(-(x @ effects - 0.5)))).astype(float)
    return x, y


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """CPU seconds of one call, and its result."""
    start = time.process_time()
    result = function(*args)
    return time.process_time() - start, result


def per_unit(x: np.ndarray, y: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The way before stop 48: every unit a row, each refit from zero."""
    return fit_logistic(x, y), _bootstrap(fit_logistic, x, y, 1.0, n, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, nargs="+", default=[2_000, 10_000, 40_000])
    parser.add_argument("--bootstrap", type=int, default=20)
    parser.add_argument("--out", type=Path, default=Path("docs/results/bench_drivers.json"))
    args = parser.parse_args()
    rows = []
    for units in args.units:
        x, y = synthetic(units)
        before, (params, boot) = timed(per_unit, x, y, args.bootstrap)
        after, (new_params, new_boot) = timed(_fit_logistic_bootstrap, x, y, 1.0, args.bootstrap, 0)
        rows.append(
            {
                "units": units,
                "distinct_rows": len(np.unique(np.column_stack([x, y]), axis=0)),
                "cpu_s_per_unit_rows": round(before, 2),
                "cpu_s_distinct_rows": round(after, 2),
                "speed_up": round(before / after, 2),
                "max_coef_difference": float(
                    max(np.abs(params - new_params).max(), np.abs(boot - new_boot).max())
                ),
            }
        )
        print(rows[-1], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {"drivers": DRIVERS, "bootstrap": args.bootstrap, "runs": rows}
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
