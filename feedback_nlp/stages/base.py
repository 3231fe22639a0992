"""The stage contract: what every pipeline stage reads, writes and promises.

A stage takes a :class:`Batch` (the feedback table plus arrays aligned with its rows, such as
sentence embeddings) and returns a new Batch with the same rows, the same index and the columns
it declares in `produces` added. It never drops, reorders or mutates input rows; the checks in
:meth:`Stage.transform` enforce that for every stage.

A stage is configured by its `__init__` arguments only (they are stored unchanged and returned
by :meth:`Stage.get_config`); learned state ends in `_` and is written by `save_state`.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np
import pandas as pd

from feedback_nlp.errors import SchemaError
from feedback_nlp.schema import require


@dataclass(frozen=True)
class Batch:
    """The feedback table, arrays aligned with its rows and side tables keyed by its rows.

    `arrays` hold one row per table row (e.g. ``"embedding"``: the L2-normalised sentence
    embedding of `text_clean`). `tables` hold side tables keyed by `response_id`, such as
    ``"sentences"`` (one row per sentence: response_id, sentence_index, …).
    """

    table: pd.DataFrame
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, array in self.arrays.items():
            if len(array) != len(self.table):
                raise SchemaError(
                    f"array '{name}' has {len(array)} rows but the table has {len(self.table)}"
                )

    def with_columns(
        self,
        columns: pd.DataFrame,
        arrays: dict[str, np.ndarray] | None = None,
        tables: dict[str, pd.DataFrame] | None = None,
    ) -> Batch:
        """A new Batch with `columns` set on a copy of the table, `arrays`/`tables` added."""
        table = self.table.copy()
        for name in columns.columns:
            table[name] = columns[name]
        return Batch(table, {**self.arrays, **(arrays or {})}, {**self.tables, **(tables or {})})


class Stage:
    """Base class of pipeline stages; subclasses implement :meth:`_compute`."""

    #: Registry name, used in saved configs.
    name: ClassVar[str] = ""
    #: Table columns the stage reads.
    requires: ClassVar[tuple[str, ...]] = ()
    #: Table columns the stage writes.
    produces: ClassVar[tuple[str, ...]] = ()
    #: Arrays the stage reads / writes.
    requires_arrays: ClassVar[tuple[str, ...]] = ()
    produces_arrays: ClassVar[tuple[str, ...]] = ()
    #: Arrays of which the stage reads at least one (none: no such need).
    requires_any_array: ClassVar[tuple[str, ...]] = ()

    def fit(self, batch: Batch) -> Self:
        """Learn from `batch`; stages without learned state return self unchanged."""
        return self

    def transform(self, batch: Batch) -> Batch:
        """Check inputs, compute the declared outputs and check them before returning."""
        self._check_inputs(batch)
        columns, arrays = self._compute(batch)
        self._check_outputs(batch, columns, arrays)
        return batch.with_columns(columns, arrays, self._side_tables(batch, columns))

    def fit_transform(self, batch: Batch) -> Batch:
        """fit, then transform, on the same batch."""
        return self.fit(batch).transform(batch)

    def __call__(self, table: pd.DataFrame) -> pd.DataFrame:
        """Run the stage on a plain DataFrame (arrays it produces are discarded)."""
        return self.transform(Batch(table)).table

    def _compute(self, batch: Batch) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        """Return the produced columns (indexed like the table) and arrays."""
        raise NotImplementedError

    def _side_tables(self, batch: Batch, columns: pd.DataFrame) -> dict[str, pd.DataFrame]:
        """Side tables the stage adds (e.g. per-sentence results). Default: none."""
        return {}

    def _check_inputs(self, batch: Batch) -> None:
        require(batch.table, self.requires, by=f"stage '{self.name}'")
        missing = missing_arrays(self, set(batch.arrays))
        if missing:
            raise SchemaError(
                f"stage '{self.name}' needs the array(s) {missing}; "
                "add the stage that computes them (e.g. 'embed') before it."
            )

    def _check_outputs(
        self, batch: Batch, columns: pd.DataFrame, arrays: dict[str, np.ndarray]
    ) -> None:
        if not columns.index.equals(batch.table.index):
            raise SchemaError(f"stage '{self.name}' changed the rows or their order")
        missing = [c for c in self.produces if c not in columns.columns]
        missing += [a for a in self.produces_arrays if a not in arrays]
        if missing:
            raise SchemaError(f"stage '{self.name}' did not produce {missing}")

    # -- configuration and persistence -------------------------------------------------------

    def check_ready(self) -> None:
        """Raise ConfigError for what can be checked before any data is read (a file the
        stage will need); nothing by default."""

    def get_config(self) -> dict[str, Any]:
        """The `__init__` arguments, as stored (they are the stage's configuration)."""
        params = inspect.signature(type(self).__init__).parameters
        return {name: getattr(self, name) for name in params if name != "self"}

    def save_state(self, folder: Path) -> None:
        """Write learned state into `folder` (safetensors / JSON only). Default: nothing."""

    def load_state(self, folder: Path) -> None:
        """Read learned state written by :meth:`save_state`. Default: nothing."""

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


def missing_arrays(stage: Stage, have: set[str]) -> list[str]:
    """The arrays `stage` needs that `have` lacks: each of its `requires_arrays`, and its
    `requires_any_array` (written "a or b") when it holds none of them."""
    missing = [a for a in stage.requires_arrays if a not in have]
    if stage.requires_any_array and not have.intersection(stage.requires_any_array):
        missing.append(" or ".join(stage.requires_any_array))
    return missing


STAGES: dict[str, type[Stage]] = {}


def register_stage(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available by its `name` in saved configs."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    STAGES[cls.name] = cls
    return cls


def check_chain(stages: list[Stage], available: set[str] | None = None) -> None:
    """Raise SchemaError if some stage requires a column or array no earlier stage provides."""
    have = set(available or ()) | {"response_id", "text"}
    arrays: set[str] = set()
    for stage in stages:
        missing = [c for c in stage.requires if c not in have]
        missing += missing_arrays(stage, arrays)
        if missing:
            raise SchemaError(
                f"stage '{stage.name}' needs {missing}, which no stage before it produces; "
                f"order was {[s.name for s in stages]}"
            )
        have |= set(stage.produces)
        arrays |= set(stage.produces_arrays)
