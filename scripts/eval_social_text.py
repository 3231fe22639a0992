"""Sentiment on real social posts with the encoder reading social markup raw or rewritten.

    PYTHONPATH=. python scripts/eval_social_text.py --data ../shared/data

MobASA (German public-transport feedback from Twitter and forums: about half the documents
hold @handles, a quarter URLs, a third hashtags), relevant documents of the held-out part of
its dev file and of its test file. The shipped sentiment head scores each document twice in
the same run: the encoder reading ``text_clean`` as it is (before) and through
:func:`feedback_nlp.text.social.social_for_encoder` (after; the embed stage's default), and a
variant that also turns hashtags into words. Writes docs/results/social_text_eval.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from domain_sets import load_mobasa  # noqa: E402

from feedback_nlp.backends.heads import load_default_head  # noqa: E402
from feedback_nlp.labelled_sets import default_data_dir  # noqa: E402
from feedback_nlp.stages.embed import HEAD_LAYERS, shared_encoder  # noqa: E402
from feedback_nlp.text.clean import clean_text  # noqa: E402
from feedback_nlp.text.social import (  # noqa: E402
    HASHTAG_RE,
    has_social_markup,
    hashtag_words,
    social_for_encoder,
)


def predicted_labels(texts: list[str]) -> np.ndarray:
    """The shipped sentiment head's label for each text."""
    head = load_default_head("sentiment", None)
    encoder = shared_encoder(None, "cpu", None, 512, False, "none", "auto", None)
    probs = head.predict_proba(encoder.encode(texts, layers=HEAD_LAYERS))
    return np.asarray(head.labels, dtype=object)[probs.argmax(axis=1)]


def score(part, texts: list[str]) -> dict[str, object]:
    """Macro-F1 and accuracy of the head on `texts` against the part's gold labels."""
    truth = part["label"].to_numpy(dtype=object)
    predicted = predicted_labels(texts)
    negative = truth == "negative"
    return {
        "macro_f1": round(float(f1_score(truth, predicted, average="macro")), 4),
        "accuracy": round(float((truth == predicted).mean()), 4),
        "negative_read_neutral": round(float((predicted[negative] == "neutral").mean()), 4),
    }


def _hashtags_as_words(text: str) -> str:
    """A variant measured beside the shipped rewrite: hashtags also become their words."""
    return HASHTAG_RE.sub(lambda m: hashtag_words(m.group(1)), social_for_encoder(text))


def evaluate(data: Path) -> dict[str, object]:
    parts = {
        "mobasa dev held-out": load_mobasa(data, "dev").query("part == 'heldout'"),
        "mobasa test": load_mobasa(data, "test"),
    }
    out: dict[str, object] = {}
    for name, part in parts.items():
        texts = [clean_text(t) for t in part["text"]]
        rewritten = [social_for_encoder(t) for t in texts]
        out[name] = {
            "documents": len(texts),
            "with_markup": sum(has_social_markup(t) for t in texts),
            "rewritten": sum(a != b for a, b in zip(texts, rewritten, strict=True)),
            "before_raw": score(part, texts),
            "after_social_for_encoder": score(part, rewritten),
            "variant_hashtags_as_words": score(part, [_hashtags_as_words(t) for t in texts]),
        }
        print(name, json.dumps(out[name]), flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs/results/social_text_eval.json")
    args = parser.parse_args()
    data = args.data or default_data_dir()
    result = {
        "what": "sentiment macro-F1 of the shipped head, encoder reading social markup raw vs "
        "rewritten (handles -> @user, URLs -> http, no RT; hashtags kept)",
        "command": "PYTHONPATH=. python scripts/eval_social_text.py --data ../shared/data",
        "sets": evaluate(data),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
