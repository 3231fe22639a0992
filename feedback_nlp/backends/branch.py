"""A task branch of the encoder: its own copy of the top layers, for the classifier heads.

The encoder runs once per text. Its hidden state at the branch's first layer also feeds a copy
of the layers from there on, with LoRA adapters merged into the copy only, so the frozen
layers' output (the ``embedding`` the themes read, and ``head_features``) stays bit-identical
while the sentiment and (since stop 29) emotion heads read the branch. The branch is stored
beside the heads as ``sentiment-branch.safetensors`` + ``.json`` (the
:class:`~feedback_nlp.backends.lora.LoraSpec` format; ``first_layer`` is where the branch
starts); scripts/train_sentiment_branch.py trains it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from feedback_nlp.errors import ConfigError, require_package

BRANCH_NAME = "sentiment-branch"
#: Pooled layers of each stack the pooled output holds (last layer first).
POOLED_LAYERS = 4


def branch_folder(folder: str | Path | None) -> str | None:
    """`folder` as a string if it holds a sentiment branch, else None."""
    if folder is not None and (Path(folder) / f"{BRANCH_NAME}.safetensors").exists():
        return str(folder)
    return None


def check_branch(folder: str | None) -> str | None:
    """The branch folder, checked to hold both branch files; None for no branch."""
    if folder is None:
        return None
    for suffix in (".safetensors", ".json"):
        path = Path(folder) / f"{BRANCH_NAME}{suffix}"
        if not path.exists():
            raise ConfigError(f"{path}: sentiment branch file not found")
    return str(folder)


def branch_layers(model: Any, folder: str) -> tuple[Any, int]:
    """A copy of `model`'s layers from the branch's first layer on, adapters merged, and
    that first layer's index."""
    from feedback_nlp.backends.lora import load_adapters, merge_lora_layers

    torch = require_package("torch", "transformers", "The sentiment branch")
    adapters, spec = load_adapters(Path(folder), BRANCH_NAME)
    layers = model.encoder.layer
    if not 0 < spec.first_layer < len(layers):
        raise ConfigError(
            f"{Path(folder) / BRANCH_NAME}.json: first_layer {spec.first_layer} does not fit "
            f"an encoder of {len(layers)} layers"
        )
    copies = torch.nn.ModuleList(copy.deepcopy(layers[spec.first_layer :]))
    merge_lora_layers([*layers[: spec.first_layer], *copies], adapters, spec)
    return copies.eval(), spec.first_layer


def pooled_encoder(model: Any, folder: str | None = None) -> Any:
    """A module from token ids and attention mask to the mean-pooled last
    :data:`POOLED_LAYERS` layers (last first), followed, with a branch `folder`, by the branch's
    last layers pooled the same way. Given `pool_weights` (rows x tokens) too, it also returns
    the last layer pooled with those weights (the theme embedding,
    :mod:`feedback_nlp.backends.theme_pooling`). Used by the torch path and exported to ONNX."""
    torch = require_package("torch", "transformers", "The encoder")
    branch, first = branch_layers(model, folder) if folder else (None, 0)

    class PooledLayers(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model
            self.branch = branch

        def forward(self, input_ids: Any, attention_mask: Any, pool_weights: Any = None) -> Any:
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True
            )
            weights = attention_mask.unsqueeze(-1).to(torch.float32)
            states = list(out.hidden_states[-POOLED_LAYERS:][::-1])
            if self.branch is not None:
                outputs = run_branch(self.branch, out.hidden_states[first], attention_mask)
                states += branch_pooled_layers(out.hidden_states[1 : first + 1], outputs)
            pooled = torch.cat([(s.float() * weights).sum(1) / weights.sum(1) for s in states], 1)
            if pool_weights is None:
                return pooled
            return pooled, weighted_mean(out.hidden_states[-1], pool_weights)

    return PooledLayers().eval()


def branch_only_encoder(model: Any, folder: str) -> Any:
    """A module from token ids and attention mask to the branch's pooled layers alone (the
    blocks :func:`pooled_encoder` puts after the encoder's): the encoder's layers below the
    branch, then the branch. The encoder's own top layers, whose output only the themes read,
    are not run, so sentiment and emotion alone cost one stack of layers, not two."""
    torch = require_package("torch", "transformers", "The encoder")
    branch, first = branch_layers(model, folder)

    class BranchOnly(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embeddings = model.embeddings
            self.shared = torch.nn.ModuleList(model.encoder.layer[:first])
            self.branch = branch

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.embeddings(input_ids=input_ids)
            blocked = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(
                hidden.dtype
            ).min
            shared = []
            for layer in self.shared:
                hidden = layer(hidden, blocked)
                hidden = hidden[0] if isinstance(hidden, tuple) else hidden
                shared.append(hidden)
            states = branch_pooled_layers(shared, run_branch(self.branch, hidden, attention_mask))
            weights = attention_mask.unsqueeze(-1).to(torch.float32)
            return torch.cat([(s.float() * weights).sum(1) / weights.sum(1) for s in states], 1)

    return BranchOnly().eval()


def weighted_mean(states: Any, pool_weights: Any) -> Any:
    """Rows of `states` (rows x tokens x width) averaged over tokens with `pool_weights`
    (rows x tokens, each row summing to more than 0), in float32."""
    weights = pool_weights.float().unsqueeze(-1)
    return (states.float() * weights).sum(1) / weights.sum(1)


def branch_pooled_layers(shared: Sequence[Any], outputs: list[Any]) -> list[Any]:
    """The :data:`POOLED_LAYERS` layer outputs the branch's features pool, last first: the
    branch's own `outputs`, then, for a branch of fewer layers, the last `shared` ones (the
    encoder's layers below the branch)."""
    return [*shared, *outputs][::-1][:POOLED_LAYERS]


def run_branch(layers: Any, hidden: Any, attention_mask: Any) -> list[Any]:
    """The outputs of the branch `layers` from `hidden` (the hidden state at its first layer)."""
    torch = require_package("torch", "transformers", "The sentiment branch")
    blocked = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(
        hidden.dtype
    ).min
    outputs = []
    for layer in layers:
        hidden = layer(hidden, blocked)
        hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        outputs.append(hidden)
    return outputs


def select_blocks(
    pooled: np.ndarray, layers: int, branched: bool, with_branch: bool = True
) -> np.ndarray:
    """From a pooled output (:func:`pooled_encoder`; `branched`: it holds a branch), the first
    `layers` blocks of the encoder's stack, then, `with_branch`, the first `layers` of the
    branch's."""
    width = pooled.shape[1] // (2 * POOLED_LAYERS if branched else POOLED_LAYERS)
    frozen = pooled[:, : width * layers]
    if not (branched and with_branch):
        return frozen
    start = width * POOLED_LAYERS
    return np.concatenate([frozen, pooled[:, start : start + width * layers]], axis=1)
