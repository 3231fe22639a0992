"""Stage "embed": one encoder pass per comment, shared by sentiment, emotion and topics."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from feedback_nlp.backends.branch import branch_folder, check_branch
from feedback_nlp.backends.encoder import EMBEDDING_DIM, MAX_WINDOWS, E5Encoder
from feedback_nlp.backends.encoder_loading import QUANTIZE_MODES, RUNTIMES
from feedback_nlp.backends.heads import DEFAULT_HEADS_DIR
from feedback_nlp.backends.theme_pooling import POOLINGS, THEME_ARRAY
from feedback_nlp.errors import ConfigError
from feedback_nlp.stages.base import Batch, Stage, register_stage
from feedback_nlp.text.caps import encoder_text
from feedback_nlp.text.damage import merge_issues

#: Array read by the default heads: mean-pooled last `HEAD_LAYERS` layers, each L2-normalised
#: (its first 384 columns are the embedding itself). Same encoder pass as ``"embedding"``.
HEAD_FEATURES = "head_features"
HEAD_LAYERS = 4
#: Array read by the shipped sentiment head: the same pooling of the sentiment branch's top
#: layers (:mod:`feedback_nlp.backends.branch`); written when the embed stage has a branch.
SENTIMENT_FEATURES = "sentiment_features"
#: Default encoder precision of the stages: ``"none"`` (float) or ``"auto"`` (int8 on CPU).
DEFAULT_QUANTIZE = "none"
#: Default encoder runtime: ONNX Runtime on CPU when installed, else torch (see E5Encoder).
DEFAULT_RUNTIME = "auto"
ADAPTER_FILE = "encoder-lora.safetensors"
#: What the embed stage writes: every array, or only the one the shipped heads read.
ARRAY_SETS = ("all", "heads")


def check_adapters(adapters: str | None) -> str | None:
    """The folder of LoRA encoder adapters, checked to hold them; None for the plain encoder."""
    if adapters is None:
        return None
    if not (Path(adapters) / ADAPTER_FILE).exists():
        raise ConfigError(f"{Path(adapters) / ADAPTER_FILE}: encoder adapters not found")
    return str(adapters)


def adapters_for_heads(heads_dir: str | None) -> str | None:
    """The encoder adapters that belong to a heads folder: its own, or None if it has none."""
    if heads_dir is not None and (Path(heads_dir) / ADAPTER_FILE).exists():
        return heads_dir
    return None


def resolve_branch(sentiment_branch: bool | str | None) -> str | None:
    """The sentiment branch folder: True = the shipped heads' branch (None if they have
    none), a path = that folder's (checked), False or None = no branch."""
    if sentiment_branch is True:
        return branch_folder(DEFAULT_HEADS_DIR)
    if not sentiment_branch:
        return None
    return check_branch(str(sentiment_branch))


def feature_arrays(
    features: np.ndarray, branched: bool, theme: bool = False
) -> dict[str, np.ndarray]:
    """The embed stage's arrays from ``encode(texts, layers=HEAD_LAYERS, theme=theme)`` output."""
    width = EMBEDDING_DIM * HEAD_LAYERS
    arrays = {}
    if theme:
        arrays[THEME_ARRAY] = np.ascontiguousarray(features[:, -EMBEDDING_DIM:])
        features = features[:, :-EMBEDDING_DIM]
    arrays["embedding"] = np.ascontiguousarray(features[:, :EMBEDDING_DIM])
    arrays[HEAD_FEATURES] = features[:, :width] if branched else features
    if branched:
        arrays[SENTIMENT_FEATURES] = np.ascontiguousarray(features[:, width:])
    return arrays


@lru_cache(maxsize=4)
def shared_encoder(
    model_dir: str | None,
    device: str,
    batch_size: int | None,
    max_length: int,
    windowed: bool,
    quantize: str = "none",
    runtime: str = DEFAULT_RUNTIME,
    adapters: str | None = None,
    max_windows: int = MAX_WINDOWS,
    branch: str | None = None,
    heads_only: bool = False,
) -> E5Encoder:
    """One loaded encoder per configuration and process (the weights are shared further: one
    copy per model folder, device and precision, see `load_model` / `onnx_session`)."""
    return E5Encoder(
        model_dir=Path(model_dir) if model_dir else None,
        device=device,
        batch_size=batch_size,
        max_length=max_length,
        windowed=windowed,
        quantize=quantize,
        runtime=runtime,
        adapters=check_adapters(adapters),
        max_windows=max_windows,
        branch=check_branch(branch),
        heads_only=heads_only,
    )


def check_quantize(stage: str, quantize: str) -> None:
    """Refuse an unknown encoder precision when the stage is built, not at first use."""
    if quantize not in QUANTIZE_MODES:
        raise ConfigError(
            f"stage '{stage}': quantize must be one of {QUANTIZE_MODES}, not {quantize!r}"
        )


def check_runtime(stage: str, runtime: str) -> None:
    """Refuse an unknown encoder runtime when the stage is built."""
    if runtime not in RUNTIMES:
        raise ConfigError(f"stage '{stage}': runtime must be one of {RUNTIMES}, not {runtime!r}")


def texts_of(series: pd.Series) -> list[str]:
    """The column as plain strings; missing values become empty strings."""
    return ["" if pd.isna(value) else str(value) for value in series]


@register_stage
class EmbedStage(Stage):
    """Adds the array ``"embedding"``: float32, L2-normalised multilingual-e5-small vectors.

    The same pass also gives ``"head_features"`` (the last 4 layers, mean-pooled, 1536-d), and,
    with a `sentiment_branch`, ``"sentiment_features"`` (the same pooling of the branch's own
    top layers, run from the encoder's hidden state at the branch's first layer) that the
    shipped sentiment and emotion heads read. `sentiment_branch`: True
    (default) the shipped heads' branch, a folder (``sentiment-branch.*``, from
    scripts/train_sentiment_branch.py; give the sentiment stage's `heads_dir`), or False for
    none (the sentiment stage then runs the branch itself). The embedding is the same with and
    without a branch.

    Long comments are truncated to `max_length` tokens, or with ``windowed=True`` embedded in
    windows that are averaged, at most `max_windows` of them (default 8, about 4,000 tokens);
    a comment with tokens left out gets ``embedded_partly`` in `text_issues`. Batches hold at
    most ``batch_size * 128`` padded tokens, so peak memory does not grow with comment length.
    `device="auto"` uses CUDA (bf16/fp16) when present.
    `batch_size` None: 32 texts per pass on CPU, 128 on GPU.
    `quantize`: ``"int8"`` runs the encoder's Linear layers with dynamic int8 quantisation (CPU
    only, faster, less accurate heads), ``"bf16"`` the torch model in bfloat16 (same heads'
    accuracy; faster on CPUs with native bf16), ``"none"`` in float, ``"auto"`` int8 on CPU
    and float on CUDA. `runtime`: ``"auto"`` runs the encoder on ONNX Runtime on CPU (when
    installed, and not bf16) and on torch elsewhere; ``"torch"`` / ``"onnx"`` force one.
    `adapters`: a folder holding LoRA adapters (``encoder-lora.*``, from
    scripts/finetune_encoder.py) merged into the encoder;
    None (default) runs the plain e5 encoder, which the shipped heads and the topics expect.
    `social_text`: the encoder reads @handles as ``@user``, web addresses as ``http`` and no
    retweet markers (:func:`feedback_nlp.text.social.social_for_encoder`); whatever
    `social_text`, a comment written all in capitals is read in sentence case (since stop 52,
    :mod:`feedback_nlp.text.caps`); `text_clean` itself is unchanged. False embeds
    `text_clean` as it is.
    `theme_pooling`: ``"frequency"`` (default) also writes ``"theme_embedding"``, the last
    layer pooled so that frequent tokens count less (:mod:`feedback_nlp.backends.theme_pooling`;
    the topics stage reads it), from the same pass; ``"mean"`` writes none (the themes then
    read ``"embedding"``, as before stop 32).
    `arrays`: ``"all"`` (default) writes every array above; ``"heads"`` only
    ``"sentiment_features"``, the array the shipped sentiment and emotion heads read: the
    encoder then runs its layers below the branch and the branch, not its own top layers
    (about a quarter less work; since stop 35). A pipeline of sentiment and emotion without
    themes needs nothing else; the topics stage cannot follow it.
    """

    name = "embed"
    requires = ("text_clean",)
    produces = ("text_issues",)
    produces_arrays = ("embedding", HEAD_FEATURES, SENTIMENT_FEATURES, THEME_ARRAY)

    def __init__(
        self,
        device: str = "auto",
        batch_size: int | None = None,
        max_length: int = 512,
        windowed: bool = False,
        model_dir: str | None = None,
        quantize: str = DEFAULT_QUANTIZE,
        runtime: str = DEFAULT_RUNTIME,
        adapters: str | None = None,
        max_windows: int = MAX_WINDOWS,
        social_text: bool = True,
        sentiment_branch: bool | str = True,
        theme_pooling: str = "frequency",
        arrays: str = "all",
    ) -> None:
        if max_windows < 1:
            raise ConfigError(f"stage 'embed': max_windows must be >= 1, not {max_windows}")
        if theme_pooling not in POOLINGS:
            raise ConfigError(
                f"stage 'embed': theme_pooling must be one of {POOLINGS}, not {theme_pooling!r}"
            )
        if arrays not in ARRAY_SETS:
            raise ConfigError(f"stage 'embed': arrays must be one of {ARRAY_SETS}, not {arrays!r}")
        check_quantize(self.name, quantize)
        check_runtime(self.name, runtime)
        check_adapters(adapters)
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.windowed = windowed
        self.model_dir = model_dir
        self.quantize = quantize
        self.runtime = runtime
        self.adapters = adapters
        self.max_windows = max_windows
        self.social_text = social_text
        self.sentiment_branch = sentiment_branch
        self.theme_pooling = theme_pooling
        self.arrays = arrays
        self.branch = resolve_branch(sentiment_branch)
        if arrays == "heads" and self.branch is None:
            raise ConfigError(
                "stage 'embed': arrays='heads' writes the sentiment branch's features; "
                "it needs a sentiment_branch"
            )
        self.produces_arrays = tuple(
            name
            for name in type(self).produces_arrays
            if (name != SENTIMENT_FEATURES or self.branch is not None)
            and (name != THEME_ARRAY or theme_pooling == "frequency")
            and (name == SENTIMENT_FEATURES or arrays == "all")
        )

    def encoder(self) -> E5Encoder:
        """The (process-wide shared) encoder for this configuration."""
        return shared_encoder(
            self.model_dir,
            self.device,
            self.batch_size,
            self.max_length,
            self.windowed,
            self.quantize,
            self.runtime,
            self.adapters,
            self.max_windows,
            self.branch,
            self.arrays == "heads",
        )

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        table = batch.table
        texts = [encoder_text(text, self.social_text) for text in texts_of(table["text_clean"])]
        heads_only = self.arrays == "heads"
        theme = self.theme_pooling == "frequency" and not heads_only
        features, partial = self.encoder().encode_with_coverage(
            texts, HEAD_LAYERS, with_branch=True, theme=theme
        )
        if heads_only:
            arrays = {SENTIMENT_FEATURES: features}
        else:
            arrays = feature_arrays(features, self.branch is not None, theme)
        before = table["text_issues"] if "text_issues" in table.columns else None
        issues = [
            merge_issues(
                None if before is None else before.iat[i], ["embedded_partly"] if cut else []
            )
            for i, cut in enumerate(partial)
        ]
        columns = pd.DataFrame(
            {"text_issues": pd.Series(issues, index=table.index, dtype="string")}
        )
        return columns, arrays
