"""Progress of a tagging job: comments done, comments/s and the time left (tqdm).

The total number of comments of a streamed input is unknown until the end, so it is estimated
from the bytes read so far and refined after every chunk. The bar is off when `enabled` is
False, and with None (the default) whenever stderr is not a terminal.
"""

from __future__ import annotations

from types import TracebackType

from tqdm.auto import tqdm


class Progress:
    """A tqdm bar fed chunk by chunk with (comments, bytes of input consumed)."""

    def __init__(self, total_bytes: int, enabled: bool | None = None) -> None:
        self.total_bytes = max(total_bytes, 1)
        self.rows = 0
        self.bar = tqdm(
            total=None,
            unit=" comments",
            unit_scale=True,
            dynamic_ncols=True,
            smoothing=0.05,
            disable=None if enabled is None else not enabled,
        )

    def advance(self, rows: int, bytes_done: int, *, skipped: bool = False) -> None:
        """Count `rows` more comments; `bytes_done` of the input are read by now."""
        self.rows += rows
        if bytes_done > 0:
            self.bar.total = max(self.rows, round(self.rows * self.total_bytes / bytes_done))
        self.bar.set_description("skipping finished chunks" if skipped else "tagging")
        self.bar.update(rows)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.bar.total = self.rows
            self.bar.refresh()
        self.bar.close()
