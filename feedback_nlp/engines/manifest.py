"""The manifest of a tagging job: what was asked, what is done, written atomically.

``<out>/manifest.json`` holds the job (input fingerprints, model and config hashes, toolkit
version, read options), its status and one entry per finished chunk (rows read, tagged and
rejected, part files). A run that finds a manifest continues it only when the job is the same;
otherwise :class:`JobConflictError` says what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_nlp import __version__
from feedback_nlp.errors import FeedbackError
from feedback_nlp.topics.drift import BatchCounts

MANIFEST = "manifest.json"
FORMAT = 1
_BLOCK = 1 << 20


class JobConflictError(FeedbackError):
    """The output folder holds another job (or an unfinished one that was not resumed)."""


def file_hash(path: Path) -> str:
    """BLAKE2b of a file's bytes (hex, 32 characters)."""
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def model_hash(folder: str | Path) -> str:
    """BLAKE2b over every file of a saved model folder (relative names and bytes)."""
    folder = Path(folder)
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(file_hash(path).encode())
    return digest.hexdigest()


def input_fingerprint(paths: list[Path]) -> list[dict[str, Any]]:
    """Path, size and content hash of each input (and of a mapping file read beside it)."""
    prints = []
    for path in paths:
        entry: dict[str, Any] = {
            "path": str(path.resolve()),
            "bytes": path.stat().st_size,
            "hash": file_hash(path),
        }
        beside = path.with_name(f"{path.stem}.mapping.toml")
        if beside.is_file():
            entry["mapping_beside"] = file_hash(beside)
        prints.append(entry)
    return prints


def describe_job(
    model: Path, paths: list[Path], options: dict[str, Any], engine: str
) -> dict[str, Any]:
    """The identity of a job: two runs continue each other only when these are equal."""
    mapping = options.get("mapping")
    if isinstance(mapping, str | Path):  # the file, wherever it is named from
        mapping = Path(mapping).resolve()
        options = {**options, "mapping": {"path": str(mapping), "hash": file_hash(mapping)}}
    return {
        "toolkit_version": __version__,
        "engine": engine,
        "model": {
            "path": str(model.resolve()),
            "hash": model_hash(model),
            "config_hash": file_hash(model / "config.toml"),
        },
        "inputs": input_fingerprint(paths),
        "options": json.loads(json.dumps(options, default=str)),
    }


@dataclass
class Manifest:
    """The state of a job in `folder`; :meth:`save` writes it atomically."""

    folder: Path
    job: dict[str, Any]
    status: str = "running"
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The first tagged part of each input file (by file index): the file's later parts are
    #: cast to its schema.
    schema_parts: dict[str, str] = field(default_factory=dict)
    started_at: float = field(default_factory=time.time)
    finished_at: float | None = None
    #: The model's fit counts (`topics.drift.baseline`): comments that say something and
    #: those with a theme; None without a topics stage or for models saved before the record.
    theme_baseline: dict[str, int] | None = None

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST

    @classmethod
    def load(cls, folder: Path) -> Manifest | None:
        """The manifest in `folder`, or None when there is none."""
        path = folder / MANIFEST
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise JobConflictError(
                f"{path}: unreadable manifest ({exc}); use another --out folder or --overwrite"
            ) from None
        return cls(
            folder=folder,
            job=data["job"],
            status=data["status"],
            parts=data["parts"],
            schema_parts=data.get("schema_parts", {}),
            started_at=data["started_at"],
            finished_at=data.get("finished_at"),
            theme_baseline=data.get("theme_baseline"),
        )

    def missing_parts(self) -> list[str]:
        """The keys of finished chunks one of whose part files is not in the folder."""
        return missing_part_files(self.folder, self.parts)

    def totals(self) -> dict[str, int]:
        """Rows read, tagged and rejected over the finished parts, and the rows kept with a
        problem (a score, date or outcome emptied; manifests before stop 49 count none)."""
        keys = ("rows_read", "rows", "rejects", "kept_with_problem")
        return {key: sum(int(p.get(key, 0)) for p in self.parts.values()) for key in keys}

    def theme_counts(self) -> BatchCounts:
        """The finished parts' comments that say something, those of them with no theme and
        those in languages the model was not fitted on (`topics.drift`; parts written before
        stop 51 count none)."""
        said = sum(int(p.get("said", 0)) for p in self.parts.values())
        unthemed = sum(int(p.get("unthemed", 0)) for p in self.parts.values())
        unseen: Counter[str] = Counter()
        for part in self.parts.values():
            unseen.update(part.get("unseen_languages") or {})
        return BatchCounts(said, unthemed, dict(unseen))

    def save(self) -> None:
        """Write manifest.json through a temporary file and an atomic rename."""
        data = {
            "format": FORMAT,
            "status": self.status,
            "job": self.job,
            "totals": self.totals(),
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "schema_parts": self.schema_parts,
            "theme_baseline": self.theme_baseline,
            "parts": self.parts,
        }
        write_atomic(self.path, json.dumps(data, indent=1).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a hidden temporary file beside `path`, flush it, rename it over `path`."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def conflicts(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two job descriptions, in words (empty: the same job)."""
    found = []
    if old.get("toolkit_version") != new["toolkit_version"]:
        found.append(
            f"it was tagged by feedback_nlp {old.get('toolkit_version')}, "
            f"this is {new['toolkit_version']}"
        )
    if old.get("engine") != new["engine"]:
        found.append(f"it was run by the {old.get('engine')} engine, not {new['engine']}")
    old_model, new_model = old.get("model", {}), new["model"]
    if old_model.get("config_hash") != new_model["config_hash"]:
        found.append(f"the model configuration changed ({new_model['path']}/config.toml)")
    elif old_model.get("hash") != new_model["hash"]:
        found.append(f"the model changed ({new_model['path']})")
    old_inputs = list(old.get("inputs", []))  # a file named twice is listed twice
    if [i["path"] for i in old_inputs] != [i["path"] for i in new["inputs"]]:
        found.append(f"the input files differ (was {[i['path'] for i in old_inputs]})")
    else:
        found += [
            _what_changed(before, now)
            for now, before in zip(new["inputs"], old_inputs, strict=True)
            if before != now
        ]
    old_options = old.get("options") or {}
    changes = [
        _option_change(name, old_options.get(name), new["options"].get(name))
        for name in sorted({*old_options, *new["options"]})
        if old_options.get(name) != new["options"].get(name)
    ]
    if changes:
        found.append(f"the read options differ: {', '.join(changes)}")
    return found


def _option_change(name: str, before: Any, now: Any) -> str:
    """A read option's change in words: "--chunk-rows was 5000, now 2000"."""
    path = now.get("path") if isinstance(now, dict) else None
    if name == "mapping" and path and isinstance(before, dict) and before.get("path") == path:
        return f"the mapping {path} changed since the job started"
    before, now = (_option_value(v) for v in (before, now))
    flag = "--" + name.replace("_", "-") if name in ("chunk_rows", "mapping") else name
    return f"{flag} was {before}, now {now}"


def _option_value(value: Any) -> str:
    """A recorded read option for people: a mapping by its path, "none" when not given."""
    if value is None:
        return "none"
    if isinstance(value, dict) and "path" in value:
        return str(value["path"])
    return str(value)


def _what_changed(before: dict[str, Any], now: dict[str, Any]) -> str:
    """An input's change in words: the file, or only the mapping beside it."""
    same_file = all(before.get(k) == now.get(k) for k in ("bytes", "hash"))
    if same_file:
        return f"the mapping beside the input {now['path']} changed since the job started"
    return f"the input {now['path']} changed since the job started"


def missing_part_files(folder: Path, parts: dict[str, dict[str, Any]]) -> list[str]:
    """The keys of the `parts` (a manifest's) whose tagged, rejected or mentions file is not in
    `folder` (deleted or never copied with the job)."""
    from feedback_nlp.engines.parts import MENTIONS, REJECTS, TAGGED

    subfolders = {"tagged": TAGGED, "rejected": REJECTS, "mentions": MENTIONS}
    return [
        key
        for key, record in parts.items()
        if any(
            record.get(field) and not (folder / sub / record[field]).is_file()
            for field, sub in subfolders.items()
        )
    ]
