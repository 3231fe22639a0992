"""Part files of a tagging job: Parquet, written under a temporary name and renamed.

A reader of ``<out>/tagged/`` (pandas, pyarrow, Spark, DuckDB) never sees a half-written part:
temporary files start with a dot, which Parquet dataset readers skip, and a rename is atomic.
The parts of one input file share the schema of its first part, but for columns a later part
adds (a long export's question first answered late). Files of different layouts (other
carried columns) give parts of different schemas: :func:`read_parts` reads them all with the
union of their columns.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from feedback_nlp.engines.manifest import write_atomic
from feedback_nlp.errors import SchemaError

TAGGED = "tagged"
REJECTS = "rejects"
MENTIONS = "theme_mentions"  # one row per comment and theme (the topics stage's side table)
#: A Ray job's per-chunk theme counts (`topics.drift`), read into its manifest at the end.
COUNTS = ".theme_counts"


def part_name(key: str) -> str:
    """The file name of the part for chunk `key` (``<file>-<chunk>``)."""
    return f"part-{key}.parquet"


def to_arrow(table: pd.DataFrame, schema: pa.Schema | None = None) -> pa.Table:
    """`table` as Arrow; cast to `schema` (the job's first part) when given. A chunk may add
    columns after those (a long export's question first answered late, `io.long_format`);
    it may not lack one. A column of Python objects with no value in this chunk (a field a
    JSON export fills only later, a question no response of the chunk answered) is text:
    Arrow would otherwise type it from its missing values alone."""
    empty = [name for name in table.columns if table[name].dtype == object]
    empty = [name for name in empty if table[name].isna().all()]
    if empty:
        table = table.astype(dict.fromkeys(empty, "str"))
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    if schema is None or arrow.schema.equals(schema):
        return arrow
    extra = [name for name in arrow.schema.names if name not in schema.names]
    if set(schema.names) - set(arrow.schema.names) or len(set(arrow.schema.names)) < len(
        arrow.schema.names
    ):
        raise SchemaError(
            f"a chunk has the columns {arrow.schema.names}, the job's first part "
            f"{schema.names}; tag files of different layouts in separate jobs"
        )
    try:
        shared = arrow.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise SchemaError(f"a chunk does not fit the job's first part: {exc}") from None
    added = arrow.select(extra)
    return pa.Table.from_arrays(
        [*shared.columns, *added.columns], schema=pa.schema([*schema, *added.schema])
    )


def write_part(table: pa.Table, folder: Path, name: str) -> Path:
    """Write `table` as `folder/name` atomically (temporary file, fsync, rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    path = folder / name
    write_atomic(path, buffer.getvalue())
    return path


def write_mentions(mentions: pd.DataFrame | None, out: Path, name: str) -> str | None:
    """Write a chunk's `theme_mentions` table as ``out/theme_mentions/name``; return `name`,
    or None when there is no table (no topics stage) or it has no rows."""
    if mentions is None or not len(mentions):
        return None
    write_part(to_arrow(mentions), out / MENTIONS, name)
    return name


def write_chunk_counts(record: dict[str, Any], out: Path, key: str) -> None:
    """Write a chunk's theme counts as ``out/.theme_counts/<key>.json`` (atomically: a
    retried task writes the same file again); nothing without a topics stage."""
    if record:
        (out / COUNTS).mkdir(parents=True, exist_ok=True)
        write_atomic(out / COUNTS / f"{key}.json", json.dumps(record).encode("utf-8"))


def read_chunk_counts(out: Path) -> dict[str, dict[str, Any]]:
    """The chunks' theme counts written by the actors, as manifest parts (no rows), keyed
    ``.theme_counts/<chunk>``; the folder is removed once read."""
    folder = out / COUNTS
    clean_temporary(folder)
    found = {
        f"{COUNTS}/{path.stem}": {"rows_read": 0, "rows": 0, "rejects": 0}
        | json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    }
    shutil.rmtree(folder, ignore_errors=True)
    return found


def clean_temporary(folder: Path) -> int:
    """Remove temporary files left by a killed run; return how many there were."""
    if not folder.is_dir():
        return 0
    stale = [p for p in folder.rglob(".*.tmp") if p.is_file()]
    for path in stale:
        os.unlink(path)
    return len(stale)


def first_schema(folder: Path, name: str | None) -> pa.Schema | None:
    """The Arrow schema of an existing part (the one a resumed job must keep)."""
    if name is None:
        return None
    return pq.read_schema(folder / name)


def read_parts(folder: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Every part in `folder` as one DataFrame, with the union of the parts' columns."""
    import pyarrow.dataset as ds

    folder = Path(folder)
    files = sorted(str(p) for p in folder.glob("*.parquet"))
    if not files:
        return pd.DataFrame(columns=columns or [])
    schema = pa.unify_schemas([pq.read_schema(f) for f in files], promote_options="permissive")
    return ds.dataset(files, schema=schema, format="parquet").to_table(columns=columns).to_pandas()
