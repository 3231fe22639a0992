"""Train the encoder branch: LoRA on a copy of the encoder's top layers, with its heads, on CPU.

The encoder's layers below the branch are frozen and shared with the themes, so their output
at the branch's first layer is computed once per text (cached outside the project); training
runs only the branch (about 5.5 minutes per epoch on 2 CPU cores for the default data). The
branch (``sentiment-branch.safetensors`` + ``.json``) and the sentiment head that reads it
(``sentiment.*``, ``reads = "sentiment_features"``) are written to --out. Since stop 29 the
branch learns emotion too (multi-task): a linear emotion head on the same features is trained
with it and then dropped; ``train_heads.py emotion --train-on branch`` fits the shipped
emotion head on the trained branch. The emotion head in --out is left as it is.

Data (never copied into the project; ``--data`` or ``$FEEDBACK_NLP_DATA`` or ../shared/data):
xlm-t train (all 8 languages), the MobASA dev file's seeded ``train`` part and MAMS-ACSA train
(sentences whose aspects carry both polarities are the soft target half negative, half
positive), weighted 3 : 1 : 1 per set; with ``--emotion-weight`` above 0 (default 1), the
BRIGHTER train rows of the six evaluated languages that the emotion head's threshold holdout
does not hold (masked binary cross-entropy over the labels a language annotates), each row
weighted like an average sentiment row times the option. The temperature is fitted on xlm-t
val.

    python scripts/train_sentiment_branch.py --out models/sentiment-emotion-heads
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache_domain_features import brighter_head_holdout
from domain_sets import load_mams, load_mobasa
from finetune_encoder import batches, load_encoder, pad, token_ids, warmup_linear_schedule
from train_domain_heads import soft_targets
from train_heads import (
    BRIGHTER_EVAL,
    data_dir,
    fit_temperature,
    load_brighter,
    load_xlmt,
    train_cache,
)

from feedback_nlp.backends.branch import (
    BRANCH_NAME,
    POOLED_LAYERS,
    branch_layers,
    branch_pooled_layers,
    run_branch,
)
from feedback_nlp.backends.heads import Head
from feedback_nlp.backends.lora import LoraSpec, apply_lora, lora_state
from feedback_nlp.schema import EMOTION_LABELS, SENTIMENT_LABELS

SEED = 13
#: The head reads L2-normalised pooled blocks (as the pipeline's features) times this.
COSINE_SCALE = 20.0


def training_sets(data: Path) -> dict[str, pd.DataFrame]:
    xlmt = load_xlmt(data)
    mobasa = load_mobasa(data, "dev")
    return {
        "xlmt-train": xlmt[xlmt["split"] == "train"],
        "mobasa-train": mobasa[mobasa["part"] == "train"],
        "mams-train": load_mams(data, "train"),
        "xlmt-val": xlmt[xlmt["split"] == "val"],
    }


def emotion_rows(data: Path) -> pd.DataFrame:
    """BRIGHTER train rows of the evaluated languages outside the emotion head's holdout."""
    brighter = load_brighter(data, BRIGHTER_EVAL)
    train = brighter[brighter["split"] == "train"]
    return train.drop(index=brighter_head_holdout(brighter).index).reset_index(drop=True)


def hidden_states(
    model, tokenizer, texts: list[str], first: int
) -> tuple[list[np.ndarray], np.ndarray]:
    """Each text's hidden states at the input of layer `first` (float16, unpadded), and the
    mean-pooled outputs of the shared layers below it that the branch's features also pool
    (rows, layers, 384; none for a branch of 4 layers or more)."""
    shared = max(0, POOLED_LAYERS - (model.config.num_hidden_layers - first))
    ids = token_ids(tokenizer, texts)
    order = np.argsort([len(s) for s in ids], kind="stable")
    out: list[np.ndarray] = [np.empty(0)] * len(ids)
    pooled = np.zeros((len(ids), shared, 384), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), 64):
            chunk = order[start : start + 64]
            input_ids, mask = pad([np.array(ids[i]) for i in chunk], tokenizer.pad_token_id)
            result = model(input_ids=input_ids, attention_mask=mask, output_hidden_states=True)
            hidden = result.hidden_states[first]
            weights = mask.unsqueeze(-1).float()
            for j, layer in enumerate(result.hidden_states[first - shared + 1 : first + 1]):
                pooled[chunk, j] = ((layer * weights).sum(1) / weights.sum(1)).numpy()
            for row, i in enumerate(chunk):
                out[i] = hidden[row, : len(ids[i])].numpy().astype(np.float16)
    return out, pooled


def cached_states(
    model, tokenizer, name: str, texts: list[str], first: int
) -> tuple[list[np.ndarray], np.ndarray]:
    """:func:`hidden_states`, cached under the training cache by set name and layer."""
    path = train_cache() / f"branch-{name}.layer{first}.npz"
    if path.exists():
        stored = np.load(path)
        if int(stored["count"]) == len(texts):
            flat, bounds = stored["states"], np.concatenate([[0], np.cumsum(stored["lengths"])])
            states = [flat[bounds[i] : bounds[i + 1]] for i in range(len(texts))]
            return states, stored["shared"]
    states, shared = hidden_states(model, tokenizer, texts, first)
    path.parent.mkdir(parents=True, exist_ok=True)
    lengths = np.array([len(s) for s in states])
    np.savez(path, states=np.concatenate(states), lengths=lengths, shared=shared, count=len(texts))
    return states, shared


class BranchModel(torch.nn.Module):
    """The branch layers (LoRA-wrapped copies), a linear sentiment head on their pooling and,
    with `emotions`, a linear emotion head on the same features (used in training only)."""

    def __init__(self, model, spec: LoraSpec, emotions: int = 0) -> None:
        super().__init__()
        import copy

        self.layers = torch.nn.ModuleList(copy.deepcopy(model.encoder.layer[spec.first_layer :]))
        for parameter in self.layers.parameters():
            parameter.requires_grad_(False)
        apply_lora(self.layers, spec)
        self.head = torch.nn.Linear(384 * POOLED_LAYERS, len(SENTIMENT_LABELS))
        self.emotion_head = torch.nn.Linear(384 * POOLED_LAYERS, emotions) if emotions else None

    def features(self, states: torch.Tensor, mask: torch.Tensor, shared: torch.Tensor):
        outputs = run_branch(self.layers, states.float(), mask)
        weights = mask.unsqueeze(-1).float()
        means = [(h * weights).sum(1) / weights.sum(1) for h in outputs]
        blocks = branch_pooled_layers([shared[:, j] for j in range(shared.shape[1])], means)
        return torch.cat([torch.nn.functional.normalize(m, dim=1) for m in blocks], dim=1)

    def forward(self, states: torch.Tensor, mask: torch.Tensor, shared: torch.Tensor):
        return self.head(self.features(states, mask, shared) * COSINE_SCALE)

    def row_losses(self, states, mask, shared, targets: Targets, rows: np.ndarray):
        """Per-row loss: soft-target cross-entropy on sentiment rows, masked binary
        cross-entropy (mean over annotated labels) on emotion rows."""
        features = self.features(states, mask, shared) * COSINE_SCALE
        log_p = torch.log_softmax(self.head(features), 1)
        losses = -(torch.from_numpy(targets.sentiment[rows]) * log_p).sum(1)
        if self.emotion_head is None:
            return losses
        raw = torch.nn.functional.binary_cross_entropy_with_logits(
            self.emotion_head(features), torch.from_numpy(targets.emotion[rows]), reduction="none"
        )
        known = torch.from_numpy(targets.emotion_known[rows])
        emotion = (raw * known).sum(1) / known.sum(1).clamp(min=1)
        return torch.where(torch.from_numpy(targets.is_emotion[rows]), emotion, losses)


@dataclass
class Targets:
    """Training targets of every row (sentiment rows first, then emotion rows)."""

    sentiment: np.ndarray  # (rows, 3) soft targets; 0 on emotion rows
    emotion: np.ndarray  # (rows, emotions) 0/1; 0 where unknown and on sentiment rows
    emotion_known: np.ndarray  # (rows, emotions) 1 where the label is annotated
    is_emotion: np.ndarray  # (rows,) bool
    weights: np.ndarray  # (rows,) mean 1 over the sentiment rows


def logits_of(branch: BranchModel, states: list[np.ndarray], shared: np.ndarray) -> np.ndarray:
    branch.eval()
    out = np.zeros((len(states), len(SENTIMENT_LABELS)), dtype=np.float32)
    order = np.argsort([len(s) for s in states], kind="stable")
    with torch.inference_mode():
        for start in range(0, len(order), 128):
            chunk = order[start : start + 128]
            padded, mask = pad([states[i] for i in chunk])
            out[chunk] = branch(padded, mask, torch.from_numpy(shared[chunk])).numpy()
    return out


def train(branch: BranchModel, states, shared, targets: Targets, args) -> list[dict]:
    """Row-weighted losses, length-bucketed batches, warm-up and linear decay."""
    rng = np.random.default_rng(args.seed)
    adapters = [p for n, p in branch.named_parameters() if p.requires_grad and "head" not in n]
    heads = [p for n, p in branch.named_parameters() if "head" in n]
    groups = [{"params": adapters, "lr": args.lr}, {"params": heads, "lr": args.head_lr}]
    optimiser = torch.optim.AdamW(groups, weight_decay=0.01)
    lengths = np.array([len(s) for s in states])
    schedule = warmup_linear_schedule(
        optimiser, args.epochs * math.ceil(len(states) / args.batch_size)
    )
    history = []
    for epoch in range(args.epochs):
        branch.train()
        began, total = time.time(), 0.0
        groups = batches(lengths, args.batch_size, rng)
        for batch in groups:
            padded, mask = pad([states[i] for i in batch])
            shared_rows = torch.from_numpy(shared[batch])
            per_row = branch.row_losses(padded, mask, shared_rows, targets, batch)
            loss = (per_row * torch.from_numpy(targets.weights[batch])).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
        history.append({"epoch": epoch + 1, "loss": total / len(groups)})
        print(f"epoch {epoch + 1}: loss {total / len(groups):.4f} {time.time() - began:.0f} s")
    return history


def training_targets(
    sets: dict[str, pd.DataFrame],
    set_weights: dict[str, float],
    emotion: pd.DataFrame | None,
    emotion_weight: float,
) -> Targets:
    """Targets of the sentiment sets (in `set_weights` order), then of the `emotion` rows."""
    sentiment = [soft_targets(sets[name]["label"]).astype(np.float32) for name in set_weights]
    weights = np.concatenate(
        [np.full(len(sets[n]), w / len(sets[n]), dtype=np.float32) for n, w in set_weights.items()]
    )
    weights /= weights.mean()
    n_sentiment = len(weights)
    if emotion is None:
        emotion = pd.DataFrame(columns=list(EMOTION_LABELS), dtype=float)
    labels = [label for label in EMOTION_LABELS if emotion[label].notna().any()]
    truth = emotion[labels].to_numpy(float)
    known = ~np.isnan(truth)
    return Targets(
        sentiment=np.concatenate([*sentiment, np.zeros((len(truth), 3), np.float32)]),
        emotion=np.vstack([np.zeros((n_sentiment, len(labels))), np.nan_to_num(truth)]).astype(
            np.float32
        ),
        emotion_known=np.vstack([np.zeros((n_sentiment, len(labels))), known]).astype(np.float32),
        is_emotion=np.concatenate([np.zeros(n_sentiment, bool), np.ones(len(truth), bool)]),
        weights=np.concatenate([weights, np.full(len(truth), emotion_weight, np.float32)]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--out", required=True, help="heads folder to write the branch into")
    parser.add_argument("--first-layer", type=int, default=8)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--head-lr", type=float, default=3e-3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--set-weights", default="3,1,1", help="xlm-t, MobASA, MAMS")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--emotion-weight", type=float, default=1.0, help="0: a sentiment-only branch"
    )
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    tokenizer, model = load_encoder()
    data = data_dir(args.data)
    sets = training_sets(data)
    states = {
        name: cached_states(model, tokenizer, name, table["text"].tolist(), args.first_layer)
        for name, table in sets.items()
    }
    set_weights = dict(zip(list(sets)[:3], map(float, args.set_weights.split(",")), strict=True))
    emotion = emotion_rows(data) if args.emotion_weight > 0 else None
    train_states = [s for name in set_weights for s in states[name][0]]
    shared = [states[name][1] for name in set_weights]
    if emotion is not None:
        emotion_states = cached_states(
            model, tokenizer, "brighter-branch-train", emotion["text"].tolist(), args.first_layer
        )
        train_states += emotion_states[0]
        shared.append(emotion_states[1])
    targets = training_targets(sets, set_weights, emotion, args.emotion_weight)
    spec = LoraSpec(first_layer=args.first_layer, rank=args.rank, alpha=2.0 * args.rank)
    branch = BranchModel(model, spec, targets.emotion.shape[1])
    history = train(branch, train_states, np.concatenate(shared), targets, args)
    save(branch, spec, states["xlmt-val"], sets["xlmt-val"], history, args, model)


def save(branch: BranchModel, spec: LoraSpec, val, val_table, history, args, model) -> None:
    """The branch adapters and the head (cosine scale folded in, temperature fitted on val)."""
    from safetensors.torch import save_file

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    save_file(lora_state(branch.layers, spec), str(out / f"{BRANCH_NAME}.safetensors"))
    provenance = {
        "data": {"xlmt-train": "all", "mobasa-train": "MobASA dev, seeded train part",
                 "mams-train": "MAMS-ACSA train"},
        "emotion": "BRIGHTER train of the six evaluated languages, less the emotion head's "
                   "holdout" if args.emotion_weight > 0 else None,
        "emotion_weight": args.emotion_weight,
        "set_weights": args.set_weights, "epochs": args.epochs, "lr": args.lr,
        "head_lr": args.head_lr, "batch_size": args.batch_size, "seed": args.seed,
        "history": history,
    }  # fmt: skip
    (out / f"{BRANCH_NAME}.json").write_text(
        json.dumps({**spec.to_json(), "metadata": provenance}, indent=2), encoding="utf-8"
    )
    truth = val_table["label"].map(SENTIMENT_LABELS.index).to_numpy()
    weight = branch.head.weight.detach().numpy().T * COSINE_SCALE
    head = Head(
        SENTIMENT_LABELS, "softmax", [weight.copy()], [branch.head.bias.detach().numpy().copy()],
        384 * POOLED_LAYERS, reads="sentiment_features",
    )  # fmt: skip
    head.temperature = fit_temperature(logits_of(branch, *val).astype(np.float64), truth)
    head.metadata = {"trained": "jointly with the sentiment branch", **provenance}
    head.save(out, "sentiment")
    check = branch_layers(model, str(out))[0]  # the saved adapters load and merge
    print(f"wrote {out}: branch of {len(check)} layers, temperature {head.temperature:.2f}")


if __name__ == "__main__":
    main()
