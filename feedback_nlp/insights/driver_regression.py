"""The regression behind key drivers, in numpy: L2-penalised logistic regression (the same
objective as scikit-learn's ``LogisticRegression(C=C)``: log-loss + ‖w‖²/(2C), intercept not
penalised), ridge regression, and their seeded bootstrap refits over units."""

from __future__ import annotations

import numpy as np


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    c: float = 1.0,
    start: np.ndarray | None = None,
    counts: np.ndarray | None = None,
) -> np.ndarray:
    """L2-penalised logistic regression by damped Newton steps; returns [intercept, *weights].

    `counts`: how many times each row occurs (the same objective as the rows repeated)."""
    design = np.column_stack([np.ones(len(y)), x])
    counts = np.ones(len(y)) if counts is None else np.asarray(counts, dtype=float)
    penalty = np.full(design.shape[1], 1.0 / c)
    penalty[0] = 0.0
    params = np.zeros(design.shape[1]) if start is None else start.copy()
    loss = _logistic_loss(design, y, params, penalty, counts)
    for _ in range(100):
        probs = 1.0 / (1.0 + np.exp(-(design @ params)))
        grad = design.T @ (counts * (probs - y)) + penalty * params
        curvature = counts * probs * (1 - probs)
        hessian = (design.T * curvature) @ design + np.diag(penalty + 1e-10)
        step = np.linalg.solve(hessian, grad)
        size = 1.0
        while size > 1e-6:
            candidate = params - size * step
            new_loss = _logistic_loss(design, y, candidate, penalty, counts)
            if new_loss <= loss + 1e-12:
                break
            size /= 2
        params, loss = candidate, new_loss
        if np.max(np.abs(size * step)) < 1e-10:
            break
    return params


def _logistic_loss(
    design: np.ndarray, y: np.ndarray, params: np.ndarray, penalty: np.ndarray, counts: np.ndarray
) -> float:
    logits = design @ params
    return float(counts @ (np.logaddexp(0.0, logits) - y * logits) + penalty @ params**2 / 2)


def fit_ridge(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> np.ndarray:
    """Ridge regression with penalty ‖w‖²/(2C) on the weights only; returns [intercept, *w]."""
    centred_x, centred_y = x - x.mean(axis=0), y - y.mean()
    gram = centred_x.T @ centred_x + np.eye(x.shape[1]) / c
    weights = np.linalg.solve(gram, centred_x.T @ centred_y)
    return np.concatenate([[y.mean() - x.mean(axis=0) @ weights], weights])


def _fit_logistic_bootstrap(
    x: np.ndarray, y: np.ndarray, c: float, n: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """The logistic fit and its `n` bootstrap refits (the draws of `_bootstrap`), each on the
    distinct (indicators, event) rows weighted by how often they occur: the same objectives,
    on a few thousand rows where units number tens of thousands (a 40k-comment report spent
    most of its time here), each refit started from the full-data fit."""
    distinct, inverse = np.unique(np.column_stack([x, y]), axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    ux, uy = distinct[:, :-1], distinct[:, -1]
    params = fit_logistic(ux, uy, c, counts=np.bincount(inverse, minlength=len(distinct)))
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n):
        counts = np.bincount(inverse[rng.integers(0, len(y), len(y))], minlength=len(distinct))
        drawn = counts > 0
        draws.append(fit_logistic(ux[drawn], uy[drawn], c, start=params, counts=counts[drawn]))
    return params, np.array(draws).reshape(n, x.shape[1] + 1)


def _bootstrap(fitter, x: np.ndarray, y: np.ndarray, c: float, n: int, seed: int) -> np.ndarray:  # noqa: ANN001
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n):
        rows = rng.integers(0, len(y), len(y))
        draws.append(fitter(x[rows], y[rows], c))
    return np.array(draws).reshape(n, x.shape[1] + 1)
