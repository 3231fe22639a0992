"""The Ray Data engine: read chunks -> map_batches on an actor pool -> write_parquet.

* **read**: :class:`ChunkDatasource` runs :func:`~feedback_nlp.io.stream.stream_feedback` in
  one read task (so a response_id repeated across files is rejected as on the local runner)
  and yields one row per chunk: the chunk's rows as Arrow IPC bytes. A chunk therefore
  reaches the tagging function whole, whatever Ray's block sizes, and the output is the
  local runner's. The read task writes each chunk's rejected rows to ``<out>/rejects/``.
* **map_batches**: :class:`TagActor` loads the model once per actor and tags each chunk as
  the local runner does (:func:`~feedback_nlp.engines.local.tag_chunk_tables`). Where the
  model has a topics stage, the actor writes the chunk's `theme_mentions` side table as
  ``<out>/theme_mentions/part-<chunk>.parquet``, the local runner's name. With GPUs in the
  cluster each actor takes one GPU; otherwise actors take a fraction of a CPU each (actors
  that claim every CPU leave none for the read and write tasks, and the job hangs) and run
  `threads` threads.
* **write_parquet** into ``<out>/tagged/``. The manifest lists every file once the job is done.

Worker failures are Ray's to handle: actors are restarted and their tasks retried. A run
whose driver dies is not resumable (Ray names its files per run): start it again with
`overwrite`. Input and output paths must be visible to every node (a shared file system).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from feedback_nlp.engines.job import TagSummary, finish_job, load_model
from feedback_nlp.engines.manifest import Manifest
from feedback_nlp.engines.parts import (
    COUNTS,
    MENTIONS,
    REJECTS,
    TAGGED,
    clean_temporary,
    part_name,
    read_chunk_counts,
    to_arrow,
    write_chunk_counts,
    write_mentions,
    write_part,
)
from feedback_nlp.errors import MissingDependencyError, require_package
from feedback_nlp.report.export import redact_for_export
from feedback_nlp.topics.drift import baseline, chunk_record, theme_model

#: CPUs claimed by the read task and by each write task (they mostly wait on I/O).
IO_TASK_CPUS = 0.25


def frame_to_bytes(table: pd.DataFrame) -> bytes:
    """A DataFrame as Arrow IPC stream bytes (dtypes kept through the pandas metadata)."""
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow.schema) as writer:
        writer.write_table(arrow)
    return sink.getvalue().to_pybytes()


def bytes_to_frame(data: bytes) -> pd.DataFrame:
    """The DataFrame written by :func:`frame_to_bytes`."""
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all().to_pandas()


def _datasource_class() -> type:
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    from feedback_nlp.io.stream import stream_feedback

    class ChunkDatasource(Datasource):
        """The input files as chunks, read and checked by stream_feedback in one task."""

        def __init__(
            self,
            paths: list[str],
            chunk_rows: int,
            options: dict[str, Any],
            rejects: str,
            shown: list[str],
        ) -> None:
            super().__init__()
            self.paths = paths
            self.shown = dict(zip(paths, shown, strict=True))  # as the caller named them
            self.chunk_rows = chunk_rows
            self.options = options
            self.rejects = rejects

        def estimate_inmemory_data_size(self) -> int | None:
            return sum(os.path.getsize(p) for p in self.paths)

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[ReadTask]:
            def read() -> Any:
                chunks = stream_feedback(self.paths, chunk_rows=self.chunk_rows, **self.options)
                for chunk in chunks:
                    if len(chunk.rejects):  # named as the local runner names them
                        rejected = chunk.rejects.assign(
                            file=chunk.rejects["file"].map(lambda f: self.shown.get(f, f))
                        )
                        arrow = to_arrow(redact_for_export(rejected, rows_kept=chunk.table))
                        write_part(arrow, Path(self.rejects), part_name(chunk.key))
                    if len(chunk.table):
                        yield pa.table(
                            {
                                "key": [chunk.key],
                                "rows_read": [chunk.rows_read],
                                "payload": pa.array([frame_to_bytes(chunk.table)], pa.binary()),
                            }
                        )

            metadata = BlockMetadata(
                num_rows=None, size_bytes=None, input_files=self.paths, exec_stats=None
            )
            return [ReadTask(read, metadata)]

    return ChunkDatasource


class TagActor:
    """A Ray Data actor: the model loaded once, each chunk tagged as by the local runner.

    A chunk's `theme_mentions` table is written to ``<out>/theme_mentions/`` before its tagged
    rows are returned; a retried task writes the same file again (atomically, same content).
    """

    def __init__(self, model: str, out: str, threads: int | None = None) -> None:
        if threads:
            _limit_threads(threads)
        from feedback_nlp.engines.job import load_model

        self.analyzer = load_model(Path(model))
        self.out = Path(out)

    def __call__(self, batch: pa.Table) -> pa.Table:
        from feedback_nlp.engines.local import tag_chunk_tables

        tables = []
        for key, payload in zip(
            batch.column("key").to_pylist(), batch.column("payload").to_pylist(), strict=True
        ):
            tagged, mentions = tag_chunk_tables(self.analyzer, bytes_to_frame(payload))
            write_mentions(mentions, self.out, part_name(key))
            write_chunk_counts(chunk_record(self.analyzer, tagged), self.out, key)
            tables.append(to_arrow(tagged))
        return pa.concat_tables(tables, promote_options="permissive")


def _limit_threads(threads: int) -> None:
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(threads)


def pool_shape(resources: dict[str, float], actors: int | None) -> dict[str, Any]:
    """Actors, their resources and threads for a cluster's resources."""
    gpus = int(resources.get("GPU", 0))
    cpus = max(1.0, float(resources.get("CPU", 1)))
    if gpus:
        count = actors or gpus
        return {"actors": count, "num_gpus": 1, "num_cpus": 1, "threads": None}
    count = actors or max(1, int(cpus // 2))
    share = (cpus - 2 * IO_TASK_CPUS) / count
    return {
        "actors": count,
        "num_gpus": None,
        "num_cpus": max(0.1, round(share * 0.9, 2)),
        "threads": max(1, round(cpus / count)),
    }


def run_ray(
    manifest: Manifest,
    model: Path,
    paths: list[Path],
    *,
    chunk_rows: int,
    read_options: dict[str, Any],
    address: str | None = None,
    actors: int | None = None,
    progress: bool | None = None,
) -> TagSummary:
    """Tag on a Ray cluster (the one at `address`, the current one, or a new local one)."""
    ray = require_package("ray", "ray", "the Ray engine (--engine ray)")
    require_package("ray.data", "ray", "the Ray engine (--engine ray)")
    out = manifest.folder
    # What an unfinished Ray run of this job left: start again.
    for sub in (TAGGED, REJECTS, MENTIONS, COUNTS):
        shutil.rmtree(out / sub, ignore_errors=True)
    manifest.parts.clear()
    manifest.theme_baseline = baseline(theme_model(load_model(model)))  # loaded: cached
    manifest.save()
    started_here = not ray.is_initialized()
    if started_here:
        check_address(address)
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    started = time.perf_counter()
    try:
        shape = pool_shape(ray.cluster_resources(), actors)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = sys.stderr.isatty() if progress is None else progress
        source = _datasource_class()(
            [str(p.resolve()) for p in paths],
            chunk_rows,
            read_options,
            str(out / REJECTS),
            [str(p) for p in paths],
        )
        tagged = ray.data.read_datasource(source, num_cpus=IO_TASK_CPUS).map_batches(
            TagActor,
            fn_constructor_args=(str(model.resolve()), str(out.resolve()), shape["threads"]),
            batch_size=1,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=shape["actors"]),
            num_cpus=shape["num_cpus"],
            num_gpus=shape["num_gpus"],
        )
        tagged.write_parquet(str(out / TAGGED), ray_remote_args={"num_cpus": IO_TASK_CPUS})
    finally:
        if started_here:
            ray.shutdown()
    return _finish(manifest, time.perf_counter() - started)


#: Seconds to wait for a cluster's port to answer before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10.0


def check_address(address: str | None) -> None:
    """Fail fast on a cluster address Ray would retry for minutes: a Ray Client address
    (``ray://``) without its package, or a host and port where nothing answers.
    ``auto``, ``local`` and None are Ray's to resolve."""
    if not address or address in ("auto", "local"):
        return
    if address.startswith("ray://") and importlib.util.find_spec("grpc") is None:
        raise MissingDependencyError("ray[client]", "ray-client", f"the address {address}")
    host, _, port = address.removeprefix("ray://").rpartition(":")
    host = host.removeprefix("[").removesuffix("]")  # IPv6: [::1]:6379
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as error:
        raise ConnectionError(
            f"no Ray cluster answers at {address} ({error}): check --address "
            "(`ray status` on the head node prints it)"
        ) from error


def _rejected_in(path: Path) -> int:
    """Rows of a rejects part that are not in the tagged table (`row_kept` not True)."""
    table = pq.read_table(path, columns=["row_kept"]) if _has_row_kept(path) else None
    if table is None:
        return pq.read_metadata(path).num_rows
    return sum(1 for kept in table.column("row_kept").to_pylist() if kept is not True)


def _has_row_kept(path: Path) -> bool:
    return "row_kept" in pq.read_schema(path).names


def _counts(sub: str, path: Path) -> tuple[int, int, int]:
    """Rows read, tagged and rejected that a part file of the job stands for."""
    if sub == TAGGED:
        rows = pq.read_metadata(path).num_rows
        return rows, rows, 0
    if sub == REJECTS:
        rejected = _rejected_in(path)
        return rejected, 0, rejected
    return 0, 0, 0  # theme_mentions: its comments are counted in tagged/


def _finish(manifest: Manifest, seconds: float) -> TagSummary:
    """Record the files the job wrote (and their rows) in the manifest; mark the job done."""
    out = manifest.folder
    for sub, key in ((TAGGED, "tagged"), (REJECTS, "rejected"), (MENTIONS, "mentions")):
        clean_temporary(out / sub)  # left by a killed task that Ray ran again
        for path in sorted((out / sub).glob("*.parquet")):
            rows_read, rows, rejects = _counts(sub, path)
            kept = pq.read_metadata(path).num_rows - rejects if sub == REJECTS else 0
            manifest.parts[f"{sub}/{path.name}"] = {
                "rows_read": rows_read,
                "rows": rows,
                "rejects": rejects,
                "kept_with_problem": kept,
                key: path.name,
            }
    files = len(manifest.parts)
    manifest.parts.update(read_chunk_counts(out))
    return finish_job(manifest, "ray", files, 0, seconds)
