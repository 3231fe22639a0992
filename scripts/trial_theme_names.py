"""Trial: theme-naming rules that prefer what sets a theme apart, against today's rule.

Each set (scripts/theme_sets.py) is fitted once with the default stages; then every rule
names the same fitted themes (naming moves no comment, so assignments are those of the
fit). Rules, all on the same candidates (`topics.naming`: the 10 best phrases by class-based
TF-IDF, used by >= 2 units and 10 % of the theme's units):

- `current`: today's `naming.name_themes` (cosine of the phrase to the theme centroid).
- `top_word`: a candidate holding one of the theme's three most distinctive words (c-TF-IDF
  of single words used by >= 2 units and 10 % of the theme) beats any other; a theme with
  no such candidate also gets the most used phrase holding each of those words.
- `contrast`: cosine to the theme's centroid minus the highest cosine to another theme's.
- `word_idf`: cosine plus 0.3 x the phrase's best word IDF over themes
  (log(themes / themes using the word) / log(themes)).
- `rank_only`: no cosine, the c-TF-IDF order alone (what an edit's renaming uses).
- `dominant`: when a content word is used by `DOMINANT_SHARE` of the theme's units, only
  candidates holding it compete (its five most used phrases added), else "word / next word".
- `lemma_support`, `lemma_content`, `lemma_bar`: a candidate's support counted over its
  inflected variants (same lemma sequence; `lemma_content`: of content words), see
  scripts/trial_name_variants.py.

Measures per rule: names holding none of the theme's top-5 keywords (lemmas), names sharing
a word (lemma) with the theme's majority gold label, names whose lemma set another name has,
"word / word" names, the median share of a theme's units using its name; and every name that
differs from `current`.

    python scripts/trial_theme_names.py --data ../shared/data --sets banking77 mams steam demo
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).parent))

from eval_themes import multilabel, tagged, theme_sets
from theme_sets import SETS
from trial_name_variants import name_by_lemma_bar, name_by_lemma_support

from feedback_nlp.topics import fallback_names, naming, phrases
from feedback_nlp.topics.labels import Lemmatizer
from feedback_nlp.topics.units import stop_words

if TYPE_CHECKING:
    from feedback_nlp.topics.model import ThemeModel

RULES = ("top_word", "contrast", "word_idf", "rank_only", "dominant")
DOMINANT_SHARE = 0.5
LEMMA_RULES = ("lemma_support", "lemma_content", "lemma_bar")  # run with --rules
TOP_WORDS = 3
WHAT = (
    "Theme names under today's rule ('current') and rules preferring distinctive phrases, "
    "the c-TF-IDF order alone, or support counted over inflected variants (lemma_*), "
    "on the same fitted themes: four counts per rule and every name that differs from "
    "'current' (scripts/trial_theme_names.py)."
)
PREFER = 10.0
IDF_WEIGHT = 0.3
Scores = dict[int, dict[str, float]]
Encode = Callable[[list[str]], np.ndarray]
_COUNT_PHRASES = phrases.count_phrases
_COUNT_CALLS: list[tuple] = []


def _recording_count(*args: object) -> phrases.PhraseCounts:
    """`phrases.count_phrases`, keeping the fit's inputs (its units) for the `lemma_*` rules."""
    _COUNT_CALLS.append(args)
    return _COUNT_PHRASES(*args)


def lemma_rule(model: ThemeModel, encode: Encode, rule: str) -> dict[str, float]:
    """Name by a rule of `trial_name_variants`; the seconds it takes (with a spaCy pipeline
    load and, but for `lemma_bar`, a recount), and the fit's plain phrase count's."""
    args = _COUNT_CALLS[-1]
    start = time.perf_counter()
    _COUNT_PHRASES(*args)
    plain = time.perf_counter() - start
    start = time.perf_counter()
    if rule == "lemma_bar":
        name_by_lemma_bar(model, encode)
    else:
        name_by_lemma_support(model, encode, args, rule == "lemma_content")
    seconds = round(time.perf_counter() - start, 2)
    return {"count_seconds_plain": round(plain, 2), f"name_seconds_{rule}": seconds}


def distinct_words(
    model: ThemeModel, weights: sparse.csr_matrix, row: int
) -> tuple[list[str], np.ndarray]:
    """The row's `TOP_WORDS` best single words (c-TF-IDF, >= 2 units and 10 %); its counts."""
    counts_ = model.phrases_
    counts = counts_.counts.getrow(row).toarray().ravel()
    weight = weights.getrow(row).toarray().ravel()
    floor = max(phrases.MIN_SUPPORT, phrases.MIN_SHARE * int(counts_.sizes[row]))
    stop = stop_words(counts_.lang)
    singles = [
        i
        for i in np.flatnonzero(counts >= floor)
        if " " not in counts_.phrases[i] and "'" not in counts_.phrases[i]
        and counts_.phrases[i] not in stop
    ]  # fmt: skip
    singles.sort(key=lambda i: (-weight[i], counts_.phrases[i]))
    return [counts_.phrases[i] for i in singles[:TOP_WORDS]], counts


def dominant_word(model: ThemeModel, row: int) -> str:
    """The content word at least `DOMINANT_SHARE` of the row's units use ("" if none)."""
    counts_ = model.phrases_
    counts = counts_.counts.getrow(row).toarray().ravel()
    size = int(counts_.sizes[row])
    stop = stop_words(counts_.lang)
    singles = [
        i
        for i in np.flatnonzero(counts >= max(phrases.MIN_SUPPORT, DOMINANT_SHARE * size))
        if " " not in counts_.phrases[i] and "'" not in counts_.phrases[i]
        and counts_.phrases[i] not in stop
    ]  # fmt: skip
    return (
        counts_.phrases[max(singles, key=lambda i: (counts[i], counts_.phrases[i]))]
        if singles
        else ""
    )


def phrases_with(word: str, counts: np.ndarray, names: list[str], top: int = 5) -> list[str]:
    """The `top` most used phrases of 2-5 words holding `word` (>= MIN_SUPPORT units)."""
    holding = [
        i for i in np.flatnonzero(counts >= phrases.MIN_SUPPORT)
        if " " in names[i] and word in names[i].split()
    ]  # fmt: skip
    holding.sort(key=lambda i: (-counts[i], names[i]))
    return [names[i] for i in holding[:top]]


def name_support(name: str, counts: np.ndarray, index: dict[str, int], size: int) -> float:
    """Share of the theme's units using its name ("a / b": both words)."""
    parts = name.split(" / ") if " / " in name else [name]
    used = [counts[index[p]] if p in index else 0 for p in parts]
    return float(min(used)) / size if size else 0.0


def themes_using(model: ThemeModel) -> dict[str, int]:
    """Per single word: how many theme rows use it (>= 2 units and 10 % of the row)."""
    counts_ = model.phrases_
    dense = counts_.counts.toarray()
    floor = np.maximum(phrases.MIN_SUPPORT, phrases.MIN_SHARE * counts_.sizes)[:, None]
    using = (dense >= floor).sum(axis=0)
    return {p: int(using[i]) for i, p in enumerate(counts_.phrases) if " " not in p}


def name_with(model: ThemeModel, encode: Encode, rule: str) -> None:
    """Name every unlocked theme like `naming.name_themes`, scoring candidates by `rule`."""
    themes = [model.themes_[int(t)] for t in model.topic_ids_]
    rows = [r for r, t in enumerate(themes) if not t.label_locked]
    taken = {t.label.lower() for t in themes if t.label_locked and t.label}
    weights = phrases.class_tfidf(model.phrases_.counts)
    found = {r: phrases.ranked_phrases(model.phrases_, weights, r)[:10] for r in rows}
    words: dict[int, list[str]] = {}
    for row in rows:
        words[row], counts = distinct_words(model, weights, row)
        if rule == "top_word" and not any(set(c.split()) & set(words[row]) for c in found[row]):
            extra = [phrases.phrase_with(w, counts, model.phrases_.phrases) for w in words[row]]
            found[row] += [p for p in dict.fromkeys(extra) if p and p not in found[row]]
    dominant = {r: dominant_word(model, r) for r in rows} if rule == "dominant" else {}
    for row, word in dominant.items():
        if word:
            counts = model.phrases_.counts.getrow(row).toarray().ravel()
            found[row] = [c for c in found[row] if word in c.split()] + phrases_with(
                word, counts, model.phrases_.phrases
            )
            found[row] = list(dict.fromkeys(found[row]))
    scores = _scores(model, encode, rule, found, words)
    for row in sorted(rows, key=lambda r: (-themes[r].size, r)):
        name = naming._best_free(found[row], scores[row], taken)
        if not name and dominant.get(row):
            others = [w for w in words[row] if w != dominant[row]]
            name = f"{dominant[row]} / {others[0]}" if others else ""
            name = "" if name.lower() in taken else name
        if not name:
            quotes = themes[row].representative_texts
            name = fallback_names.fallback_name(model.phrases_, weights, row, taken, quotes)
        themes[row].label = name or naming.keyword_name(themes[row], model.label_language_)
        themes[row].label = themes[row].label or f"theme {themes[row].topic}"
        taken.add(themes[row].label.lower())


def _scores(
    model: ThemeModel,
    encode: Encode,
    rule: str,
    found: dict[int, list[str]],
    words: dict[int, list[str]],
) -> Scores:
    """Each candidate's score under `rule` (today's: cosine minus a small rank penalty)."""
    texts = sorted({c for cands in found.values() for c in cands})
    vectors = model.center(np.asarray(encode(texts)), [model.label_language_] * len(texts))
    index = {t: i for i, t in enumerate(texts)}
    using = themes_using(model)
    n_rows = len(model.topic_ids_)
    result: Scores = {}
    for row, cands in found.items():
        result[row] = {}
        for place, cand in enumerate(cands):
            sims = model.centroids_ @ vectors[index[cand]]
            score = float(sims[row]) - naming.RANK_PENALTY * place
            if rule == "rank_only":
                score = -naming.RANK_PENALTY * place
            elif rule == "contrast":
                score -= float(np.delete(sims, row).max())
            elif rule == "top_word" and set(cand.split()) & set(words[row]):
                score += PREFER
            elif rule == "word_idf":
                idf = [np.log(n_rows / using[w]) / np.log(n_rows) for w in cand.split()
                       if using.get(w)]  # fmt: skip
                score += IDF_WEIGHT * max(idf, default=0.0)
            result[row][cand] = score
    return result


def measures(names: list[str], keywords: list[list[str]], golds: list[str]) -> dict[str, int]:
    """The four counts of the module docstring."""
    lemmatizer = Lemmatizer()
    lemmas = _lemma_sets(lemmatizer, [n.replace(" / ", " ") for n in names])
    gold = _lemma_sets(lemmatizer, [g.replace("_", " ").lower() for g in golds])
    keys = [frozenset(x) for x in lemmatizer.lemmas(names, "en")]
    seen = Counter(k for k in keys if k)
    pairs = list(zip(lemmas, keywords, gold, strict=True))
    return {
        "no_top5_keyword": sum(not (le & set(k[:5])) for le, k, _ in pairs),
        "shares_word_with_gold": sum(bool(le & g) for le, _, g in pairs),
        "same_lemmas_as_another": sum(bool(k) and seen[k] > 1 for k in keys),
        "word_slash_word": sum(" / " in n for n in names),
    }


def _lemma_sets(lemmatizer: Lemmatizer, texts: list[str]) -> list[set[str]]:
    """Each text's words and their lemmas (English pipeline)."""
    lemmas = lemmatizer.lemmas(texts, "en")
    return [set(x) | set(t.split()) for t, x in zip(texts, lemmas, strict=True)]


def trial(name: str, data: Path, rules: list[str]) -> dict[str, object]:
    from feedback_nlp.topics.model import _default_encode

    table = SETS[name](data)
    gold = list(table.pop("gold"))
    phrases.count_phrases = _recording_count
    try:
        out, stage, fit_seconds, _ = tagged(table, theme_sentiment=False)
    finally:
        phrases.count_phrases = _COUNT_PHRASES
    timing: dict[str, float] = {"fit_seconds": round(fit_seconds, 1)}
    model = stage.model_
    mapping = multilabel(gold, theme_sets(out))["mapping"]
    themes = [model.themes_[int(t)] for t in model.topic_ids_]
    golds = [mapping.get(int(t.topic)) or "" for t in themes]
    keywords = [t.keywords for t in themes]
    named: dict[str, list[str]] = {}
    for rule in ["current", *rules]:
        for theme in themes:
            theme.label = theme.label if theme.label_locked else ""
        if rule == "current":
            naming.name_themes(model, _default_encode)
        elif rule.startswith("lemma_"):
            timing |= lemma_rule(model, _default_encode, rule)
        else:
            name_with(model, _default_encode, rule)
        named[rule] = [t.label for t in themes]
    index = {p: i for i, p in enumerate(model.phrases_.phrases)}
    dense = model.phrases_.counts.toarray()
    sizes = model.phrases_.sizes
    support = {
        rule: round(float(np.median([
            name_support(n.lower(), dense[r], index, int(sizes[r])) for r, n in enumerate(names)
        ])), 3)
        for rule, names in named.items()
    }  # fmt: skip
    return {
        "median_name_support": support,
        "set": name,
        "themes": len(themes),
        "timing": timing,
        "measures": {r: measures(n, keywords, golds) for r, n in named.items()},
        "current": [
            {"label": n, "size": t.size, "majority_gold": g}
            for n, t, g in zip(named["current"], themes, golds, strict=True)
        ],
        "changed": {
            rule: [
                {"before": b, "after": a, "size": t.size, "majority_gold": g}
                for b, a, t, g in zip(named["current"], names, themes, golds, strict=True)
                if a != b
            ]
            for rule, names in named.items()
            if rule != "current"
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("FEEDBACK_NLP_DATA", "../shared/data"))
    )
    parser.add_argument("--sets", nargs="*", default=["banking77", "mams", "steam", "demo"])
    parser.add_argument("--rules", nargs="*", default=list(RULES), choices=RULES + LEMMA_RULES)
    parser.add_argument(
        "--out", type=Path, default=Path("docs/results/theme_names_distinct_eval.json")
    )
    args = parser.parse_args()
    reports = []
    for name in args.sets:
        reports.append(trial(name, args.data, args.rules))
        print(name, json.dumps(reports[-1]["measures"]), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {"what": WHAT, "command": " ".join(["python", *sys.argv]), "sets": reports}
    text = json.dumps(result, indent=1, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
