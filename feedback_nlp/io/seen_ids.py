"""`SeenIds`: the response_ids read so far, in about 24 bytes each.

The readers reject a row whose response_id appeared earlier; for that they keep
``response_id -> "file:line"`` of every row. A plain dict costs ~150 bytes a row (10M rows:
1.5 GB), which would make a streaming read grow with its input. `SeenIds` keeps the newest ids
in a dict and folds older ones into arrays of 128-bit BLAKE2b digests with their place, sorted
by the digest's first half, so memory stays ~24 bytes a row. Segments are merged like a binary
counter (two of equal size into one), so at most log2(ids / RECENT_LIMIT) + 1 of them are
searched and a merge briefly holds at most one extra copy of what it merges. Lookups are exact
up to a 2^-128 digest collision.
"""

from __future__ import annotations

import hashlib

import numpy as np

#: Ids kept as a plain dict before they are folded into the sorted arrays.
RECENT_LIMIT = 65_536
_LINE_BITS = 40


def _digest(key: str) -> tuple[int, int]:
    raw = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return int.from_bytes(raw[:8], "little"), int.from_bytes(raw[8:], "little")


class SeenIds:
    """A mapping ``response_id -> "file:line"`` (what TableBuilder reads and writes)."""

    def __init__(self, recent_limit: int = RECENT_LIMIT) -> None:
        self.recent_limit = recent_limit
        self._recent: dict[str, str] = {}
        self._segments: list[Segment] = []
        self._places: list[str] = []
        self._place_index: dict[str, int] = {}
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
        for highs, lows, places in self._segments:
            index = int(np.searchsorted(highs, np.uint64(high)))
            while index < len(highs) and int(highs[index]) == high:
                if int(lows[index]) == low:
                    return self._place(int(places[index]))
                index += 1
        return default

    def __setitem__(self, key: str, place: str) -> None:
        self._recent[key] = place
        if len(self._recent) >= self.recent_limit:
            self._fold()

    def _place(self, code: int) -> str:
        return f"{self._places[code >> _LINE_BITS]}:{code & ((1 << _LINE_BITS) - 1)}"

    def _code(self, place: str) -> int:
        name, _, line = place.rpartition(":")
        index = self._place_index.setdefault(name, len(self._places))
        if index == len(self._places):
            self._places.append(name)
        return (index << _LINE_BITS) | int(line)

    def _fold(self) -> None:
        digests = [_digest(key) for key in self._recent]
        highs = np.fromiter((d[0] for d in digests), dtype=np.uint64, count=len(digests))
        lows = np.fromiter((d[1] for d in digests), dtype=np.uint64, count=len(digests))
        places = np.fromiter(
            (self._code(p) for p in self._recent.values()), dtype=np.int64, count=len(digests)
        )
        self._folded += len(self._recent)
        self._recent = {}
        order = np.argsort(highs, kind="stable")
        segment = (highs[order], lows[order], places[order])
        while self._segments and len(self._segments[-1][0]) <= len(segment[0]):
            segment = _merge(self._segments.pop(), segment)
        self._segments.append(segment)


Segment = tuple[np.ndarray, np.ndarray, np.ndarray]


def _merge(first: Segment, second: Segment) -> Segment:
    """One segment sorted by the digests' first half holding both."""
    size = len(first[0]) + len(second[0])
    slots = np.searchsorted(first[0], second[0]) + np.arange(len(second[0]))
    rest = np.ones(size, dtype=bool)
    rest[slots] = False
    merged = []
    for old, new in zip(first, second, strict=True):
        out = np.empty(size, dtype=old.dtype)
        out[slots] = new
        out[rest] = old
        merged.append(out)
    return merged[0], merged[1], merged[2]
