"""Progress of a tagging job: comments done, comments/s and the time left (tqdm).

The total number of comments of a streamed input is unknown until the end, so it is estimated
from the bytes read so far and refined after every chunk; while the reader has read the whole
input ahead of the chunks (a file under its 1 MB block), the total stays unknown rather than
showing 100 % after every chunk. The bar is off when `enabled` is False, and with None (the
default) whenever stderr is not a terminal: a log file then gets one line per chunk tagged
(comments, rate, time left), so a scheduled job's log shows it is alive.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType

from tqdm.auto import tqdm

from feedback_nlp.progress import chosen_setting, stderr_is_terminal


class Progress:
    """A tqdm bar fed chunk by chunk with (comments, bytes of input consumed)."""

    def __init__(self, total_bytes: int, enabled: bool | None = None) -> None:
        self.total_bytes = max(total_bytes, 1)
        self.rows = 0
        switched_off = chosen_setting() is False  # --quiet, quiet(), FEEDBACK_NLP_PROGRESS=0
        self.lines = enabled is None and not switched_off and not stderr_is_terminal()
        self.started = time.monotonic()
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
        if 0 < bytes_done < self.total_bytes:
            self.bar.total = max(self.rows, round(self.rows * self.total_bytes / bytes_done))
        else:  # all read ahead of the chunks: how many are left is unknown
            self.bar.total = None
        self.bar.set_description("skipping finished chunks" if skipped else "tagging")
        self.bar.update(rows)
        if self.lines and not skipped:
            print(self.line(), file=sys.stderr, flush=True)

    def line(self) -> str:
        """One log line: comments tagged, of about how many, the rate and the time left."""
        rate = self.rows / max(time.monotonic() - self.started, 1e-9)
        text = f"tagged {self.rows:,} comments"
        total = self.bar.total
        if total:
            text += f" of about {total:,} ({100 * self.rows / total:.0f} %)"
        text += f", {rate:,.1f} comments/s"
        if total and total > self.rows:
            text += f", about {_duration((total - self.rows) / rate)} left"
        return text

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


def _duration(seconds: float) -> str:
    """`95` → "2 min", `20` → "20 s", `7300` → "2.0 h"."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
