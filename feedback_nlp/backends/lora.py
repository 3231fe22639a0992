"""Low-rank (LoRA) adapters for the encoder's top layers: training wrappers and merging.

An adapter adds ``scale * B @ A`` (rank `rank`, ``scale = alpha / rank``) to the weight of each
adapted ``nn.Linear`` in the encoder layers from `first_layer` on. Adapters are stored as
safetensors (``layer.<i>.<module path>.lora_A`` / ``.lora_B``) beside a JSON spec, and merged
into the weights when the encoder loads, so an adapted encoder costs nothing extra per text.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from feedback_nlp.errors import ConfigError, require_package

#: The Linear modules of a BERT layer that get adapters.
ADAPTED_MODULES = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


@dataclass(frozen=True)
class LoraSpec:
    """Which layers are adapted and how: rank, scaling and (training-only) dropout."""

    first_layer: int
    rank: int = 16
    alpha: float = 32.0
    dropout: float = 0.1
    modules: tuple[str, ...] = ADAPTED_MODULES

    @property
    def scale(self) -> float:
        return self.alpha / self.rank

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "modules": list(self.modules)}

    @classmethod
    def from_json(cls, spec: dict[str, Any]) -> LoraSpec:
        return cls(
            first_layer=int(spec["first_layer"]),
            rank=int(spec["rank"]),
            alpha=float(spec["alpha"]),
            dropout=float(spec.get("dropout", 0.0)),
            modules=tuple(spec.get("modules", ADAPTED_MODULES)),
        )


def _lora_linear_class() -> Any:
    torch = require_package("torch", "transformers", "LoRA adapters")

    class LoraLinear(torch.nn.Module):
        """A frozen Linear plus a trainable low-rank update (B starts at zero)."""

        def __init__(self, base: Any, spec: LoraSpec) -> None:
            super().__init__()
            self.base = base
            self.scale = spec.scale
            self.lora_A = torch.nn.Parameter(torch.empty(spec.rank, base.in_features))
            self.lora_B = torch.nn.Parameter(torch.zeros(base.out_features, spec.rank))
            torch.nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
            self.dropout = torch.nn.Dropout(spec.dropout)

        def forward(self, x: Any) -> Any:
            update = self.dropout(x) @ self.lora_A.T @ self.lora_B.T
            return self.base(x) + update * self.scale

    return LoraLinear


def _parent_and_name(module: Any, path: str) -> tuple[Any, str]:
    *parents, name = path.split(".")
    for part in parents:
        module = getattr(module, part)
    return module, name


def apply_lora(layers: Any, spec: LoraSpec) -> None:
    """Wrap the adapted Linear modules of `layers` (the adapted encoder layers) in place."""
    lora_linear = _lora_linear_class()
    for layer in layers:
        for path in spec.modules:
            parent, name = _parent_and_name(layer, path)
            setattr(parent, name, lora_linear(getattr(parent, name), spec))


def lora_state(layers: Any, spec: LoraSpec) -> dict[str, Any]:
    """The adapters of wrapped `layers`, keyed by absolute encoder layer index."""
    state = {}
    for offset, layer in enumerate(layers):
        for path in spec.modules:
            parent, name = _parent_and_name(layer, path)
            wrapped = getattr(parent, name)
            key = f"layer.{spec.first_layer + offset}.{path}"
            state[f"{key}.lora_A"] = wrapped.lora_A.detach().contiguous()
            state[f"{key}.lora_B"] = wrapped.lora_B.detach().contiguous()
    return state


def merge_lora(model: Any, adapters: dict[str, Any], spec: LoraSpec) -> None:
    """Add each adapter's ``scale * B @ A`` to the matching weight of a BertModel, in place."""
    merge_lora_layers(model.encoder.layer, adapters, spec)


def merge_lora_layers(layers: Any, adapters: dict[str, Any], spec: LoraSpec) -> None:
    """:func:`merge_lora` on a sequence of encoder layers (index = encoder layer index); the
    layers before ``spec.first_layer`` are not touched."""
    torch = require_package("torch", "transformers", "LoRA adapters")
    with torch.no_grad():
        for index in range(spec.first_layer, len(layers)):
            for path in spec.modules:
                key = f"layer.{index}.{path}"
                if f"{key}.lora_A" not in adapters or f"{key}.lora_B" not in adapters:
                    raise ConfigError(f"LoRA adapters lack {key}; the file does not match its spec")
                parent, name = _parent_and_name(layers[index], path)
                weight = getattr(parent, name).weight
                a = adapters[f"{key}.lora_A"].to(weight.device, torch.float32)
                b = adapters[f"{key}.lora_B"].to(weight.device, torch.float32)
                weight += (b @ a * spec.scale).to(weight.dtype)


def load_adapters(folder: Path, name: str = "encoder-lora") -> tuple[dict[str, Any], LoraSpec]:
    """Adapter tensors and spec from ``<name>.safetensors`` + ``<name>.json`` in `folder`."""
    import json

    from safetensors.torch import load_file

    weights, spec_path = folder / f"{name}.safetensors", folder / f"{name}.json"
    for path in (weights, spec_path):
        if not path.exists():
            raise ConfigError(f"{path}: LoRA adapter file not found")
    spec = LoraSpec.from_json(json.loads(spec_path.read_text(encoding="utf-8")))
    return load_file(str(weights)), spec
