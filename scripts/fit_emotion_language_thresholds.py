"""Fit thresholds of its own per BRIGHTER language for the gated emotion head (issue 13).

    PYTHONPATH=. python scripts/cache_domain_features.py --cache DIR
    PYTHONPATH=. python scripts/fit_emotion_language_thresholds.py --cache DIR \
        --heads models/sentiment-emotion-heads --out models/sentiment-emotion-heads

The head's six thresholds are shared by every language, but its probabilities do not run
alike across languages: on BRIGHTER's German and Ukrainian training rows it under-tags. For
each BRIGHTER language this picks one shift of the six Ekman thresholds (grid :data:`GRID`,
none below :data:`MIN_THRESHOLD`) that maximises the macro-F1 on the head's own threshold
holdout of that language (BRIGHTER training rows the head never trained on; gate scores 5-fold
out-of-fold, as in ``fit_emotion_thresholds.py``). One shift, not six free thresholds, because
a language has only 200-410 such rows. A shift must beat no shift by :data:`MIN_GAIN` to be
kept; the language then gets the six shifted thresholds as its own (``language_thresholds``
in ``emotion.json``; anticipation and trust, from XED, keep theirs). English keeps its
thresholds (fitted on GoEmotions and BRIGHTER together). No dev split and not the challenge
set is read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_sets import EKMAN_LABELS
from fit_emotion_thresholds import Rows, cuts_of, f1, gated_head_command, training_rows
from train_emotion_gate import SEED, save_emotion_head

from feedback_nlp.backends.heads import Head
from feedback_nlp.labelled_sets import BRIGHTER_LANGUAGES

GRID = np.round(np.arange(-0.25, 0.2501, 0.025), 3)
MIN_GAIN = 0.005
MIN_THRESHOLD = 0.05
KEEP = ("eng",)  # languages whose thresholds were fitted as they are


def holdout_macro_f1(rows: Rows, mask: np.ndarray, thresholds: np.ndarray, cut: float) -> float:
    """Macro-F1 over the Ekman labels the language annotates, gated as the head does."""
    factor = np.minimum(1.0, rows.scores[mask] / cut) ** rows.power
    decided = rows.probs[mask] * factor[:, None] >= np.maximum(thresholds, MIN_THRESHOLD)
    truth = rows.truth[mask]
    columns = [rows.labels.index(label) for label in EKMAN_LABELS]
    return float(
        np.mean(
            [f1(truth[:, i], decided[:, i]) for i in columns if not np.isnan(truth[:, i]).any()]
        )
    )


def fit_language_thresholds(rows: Rows, head: Head) -> tuple[dict[str, dict[str, float]], dict]:
    """Per BRIGHTER language (ISO code) with a kept shift its six thresholds, and per
    language what the holdout showed."""
    base = cuts_of(rows, head.thresholds)
    ekman = [rows.labels.index(label) for label in EKMAN_LABELS]
    own, report = {}, {}
    for code in sorted(set(rows.language[rows.heldout])):
        mask = rows.heldout & (rows.language == code)
        cut = head.gate_cut
        curve = {float(d) + 0.0: holdout_macro_f1(rows, mask, base + d, cut) for d in GRID}
        best = max(curve, key=lambda d: (curve[d], -abs(d)))
        keep = code not in KEEP and curve[best] >= curve[0.0] + MIN_GAIN
        report[code] = {"rows": int(mask.sum()), "no_shift": curve[0.0], "best": best,
                        "best_f1": curve[best], "kept": keep}  # fmt: skip
        if keep:
            shifted = np.maximum(base + best, MIN_THRESHOLD)
            own[BRIGHTER_LANGUAGES[code]] = {
                rows.labels[i]: round(float(shifted[i]), 4) for i in ekman
            }
    return own, report


def main() -> None:
    cache, heads, out, head = gated_head_command(__doc__.splitlines()[0])
    own, report = fit_language_thresholds(training_rows(cache, head), head)
    head.language_thresholds = own
    head.metadata["language_thresholds"] = {
        "grid": [float(GRID[0]), float(GRID[-1])], "min_gain": MIN_GAIN, "kept_as_is": KEEP,
        "holdout": report, "seed": SEED, "recipe": "scripts/fit_emotion_language_thresholds.py",
    }  # fmt: skip
    save_emotion_head(head, heads, out)
    print(json.dumps({"own": own, **head.metadata["language_thresholds"]}, indent=2))


if __name__ == "__main__":
    main()
