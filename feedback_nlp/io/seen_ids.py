"""`SeenIds`: the response_ids read so far, in about 18 bytes each.

The readers reject a row whose response_id appeared earlier; for that they keep
``response_id -> "file:line"`` of every row. A plain dict costs ~150 bytes a row (10M rows:
1.5 GB), which would make a streaming read grow with its input. `SeenIds` keeps the newest ids
in a dict and folds older ones into arrays: a 96-bit BLAKE2b digest of the id (8 + 4 bytes),
the line (4 bytes) and the file (2 bytes), sorted by the digest's first 8 bytes. Segments are
merged like a binary counter (two of equal size into one), so at most
log2(ids / RECENT_LIMIT) + 1 of them are searched and a merge briefly holds one extra copy of
what it merges. Lookups are exact up to a digest collision (about 10^-15 for 10^7 ids).
"""

from __future__ import annotations

import hashlib

import numpy as np

#: Ids kept as a plain dict before they are folded into the sorted arrays.
RECENT_LIMIT = 65_536

#: highs (uint64), lows (uint32), lines, file name indexes: one entry per id.
Segment = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _digest(key: str) -> tuple[int, int]:
    raw = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=12).digest()
    return int.from_bytes(raw[:8], "little"), int.from_bytes(raw[8:], "little")


class SeenIds:
    """A mapping ``response_id -> "file:line"`` (what TableBuilder reads and writes)."""

    def __init__(self, recent_limit: int = RECENT_LIMIT) -> None:
        self.recent_limit = recent_limit
        self._recent: dict[str, str] = {}
        self._segments: list[Segment] = []
        self._names: list[str] = []
        self._name_index: dict[str, int] = {}
        self._folded = 0

    def __len__(self) -> int:
        return len(self._recent) + self._folded

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def get(self, key: str, default: str | None = None) -> str | None:
        """The place ("file:line") where `key` was first seen, else `default`."""
        found = self._recent.get(key)
        if found is not None or not self._segments:
            return found if found is not None else default
        high, low = _digest(key)
        for highs, lows, lines, names in self._segments:
            index = int(np.searchsorted(highs, np.uint64(high)))
            while index < len(highs) and int(highs[index]) == high:
                if int(lows[index]) == low:
                    return f"{self._names[int(names[index])]}:{int(lines[index])}"
                index += 1
        return default

    def __setitem__(self, key: str, place: str) -> None:
        self._recent[key] = place
        if len(self._recent) >= self.recent_limit:
            self._fold()

    def _name(self, name: str) -> int:
        index = self._name_index.setdefault(name, len(self._names))
        if index == len(self._names):
            self._names.append(name)
        return index

    def _fold(self) -> None:
        count = len(self._recent)
        digests = [_digest(key) for key in self._recent]
        places = [place.rpartition(":") for place in self._recent.values()]
        highs = np.fromiter((d[0] for d in digests), dtype=np.uint64, count=count)
        lows = np.fromiter((d[1] for d in digests), dtype=np.uint32, count=count)
        lines = _smallest(np.fromiter((int(p[2]) for p in places), dtype=np.uint64, count=count))
        names = _smallest(
            np.fromiter((self._name(p[0]) for p in places), dtype=np.uint64, count=count)
        )
        self._folded += count
        self._recent = {}
        order = np.argsort(highs, kind="stable")
        segment: Segment = (highs[order], lows[order], lines[order], names[order])
        while self._segments and len(self._segments[-1][0]) <= len(segment[0]):
            segment = _merge(self._segments.pop(), segment)
        self._segments.append(segment)


def _smallest(values: np.ndarray) -> np.ndarray:
    """`values` in the smallest unsigned dtype (at least uint16) that holds them."""
    top = int(values.max()) if len(values) else 0
    return values.astype(np.promote_types(np.min_scalar_type(top), np.uint16))


def _merge(first: Segment, second: Segment) -> Segment:
    """One segment sorted by the digests' first 8 bytes holding both."""
    size = len(first[0]) + len(second[0])
    slots = np.searchsorted(first[0], second[0]) + np.arange(len(second[0]))
    rest = np.ones(size, dtype=bool)
    rest[slots] = False
    merged = []
    for old, new in zip(first, second, strict=True):
        out = np.empty(size, dtype=np.promote_types(old.dtype, new.dtype))
        out[slots] = new
        out[rest] = old
        merged.append(out)
    return merged[0], merged[1], merged[2], merged[3]
