"""Progress bars with rate and ETA for the long steps, silent when nobody is watching.

The analyzer opens one :func:`task` per stage (and one for reading); code inside a task calls
:func:`advance` with the number of items it finished (the encoder does per batch, the language
stage per chunk), and the innermost open task moves. A loop over something other than the
table's rows (e.g. sentences) opens its own nested task first, so counts never mix.

Bars (tqdm) show in terminals and notebooks; they stay silent when stderr is not a terminal
(CI, pipes, log files), inside :func:`quiet`, after ``set_enabled(False)`` (the CLI's
``--quiet``) or with ``FEEDBACK_NLP_PROGRESS=0``; ``FEEDBACK_NLP_PROGRESS=1`` forces them on.
Steps that finish within `DELAY_S` seconds never draw a bar.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

#: Environment variable: "0" silences every bar, "1" shows them even without a terminal.
ENV_VAR = "FEEDBACK_NLP_PROGRESS"
#: A step shorter than this never draws a bar.
DELAY_S = 1.0
#: Least time between two redraws of a bar.
REDRAW_S = 0.3

_forced: ContextVar[bool | None] = ContextVar("feedback_nlp_progress_forced", default=None)
_active: ContextVar[tuple[_Task, ...]] = ContextVar("feedback_nlp_progress_active", default=())
_default: list[bool | None] = [None]


class _Task:
    """One open step: its bar (None when silent), its total and how far it got."""

    def __init__(self, bar: Any, total: int | None, ticking: bool = False) -> None:
        self.bar = bar
        self.total = total
        self.done = 0
        self._stop = threading.Event()
        if bar is not None and ticking:  # nothing advances it: redraw the elapsed time
            threading.Thread(target=self._tick, daemon=True).start()

    def _tick(self) -> None:
        began = time.monotonic()
        while not self._stop.wait(0.5):
            if time.monotonic() - began >= DELAY_S:
                self.bar.refresh()

    def advance(self, count: int) -> None:
        step = count if self.total is None else max(0, min(count, self.total - self.done))
        self.done += step
        if self.bar is not None and step:
            self.bar.update(step)

    def finish(self) -> None:
        if self.total is not None:
            self.advance(self.total - self.done)
        self.close()

    def close(self) -> None:
        self._stop.set()
        if self.bar is not None:
            self.bar.close()


def set_enabled(value: bool | None) -> None:
    """Turn bars on or off for this process (None: decide from the terminal, the default)."""
    _default[0] = value


def enabled() -> bool:
    """Whether a bar opened now would be drawn."""
    chosen = chosen_setting()
    return chosen if chosen is not None else in_notebook() or stderr_is_terminal()


def chosen_setting() -> bool | None:
    """Progress switched on or off by :func:`quiet`, :func:`set_enabled` or the environment
    variable; None when nothing chose (then the terminal decides)."""
    forced = _forced.get()
    if forced is not None:
        return forced
    if _default[0] is not None:
        return _default[0]
    env = os.environ.get(ENV_VAR, "").strip().lower()
    if env in ("0", "false", "no", "off"):
        return False
    if env in ("1", "true", "yes", "on"):
        return True
    return None


def in_notebook() -> bool:
    """True inside a Jupyter kernel."""
    ipython = sys.modules.get("IPython")
    shell = getattr(ipython, "get_ipython", lambda: None)() if ipython else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def stderr_is_terminal() -> bool:
    """True when stderr is a terminal (not a pipe, a log file or CI)."""
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def quiet() -> Iterator[None]:
    """No bars inside this block (this thread and the tasks it starts)."""
    token = _forced.set(False)
    try:
        yield
    finally:
        _forced.reset(token)


def _bar_class() -> Any:
    if in_notebook():
        try:
            import ipywidgets  # noqa: F401
            from tqdm.notebook import tqdm

            return tqdm
        except ImportError:
            pass
    from tqdm import tqdm

    return tqdm


def _open_bar(description: str, total: int | None, unit: str) -> Any:
    tqdm = _bar_class()
    options: dict[str, Any] = {
        "desc": description,
        "total": total,
        "unit": unit or "it",
        "delay": DELAY_S,
        "mininterval": REDRAW_S,
        "dynamic_ncols": True,
        "file": sys.stderr,
        "leave": True,
    }
    if unit == "B":
        options.update(unit_scale=True, unit_divisor=1024)
    if total is None and not unit:
        options["bar_format"] = "{desc}: {elapsed}"
    return tqdm(**options)


@contextmanager
def task(description: str, total: int | None = None, unit: str = "comments") -> Iterator[None]:
    """A step with a bar; :func:`advance` inside it moves the bar (capped at `total`).

    `total` None: the bar counts without an ETA; with ``unit=""`` it only shows the time spent
    (a step that cannot count its items, such as fitting the themes).
    """
    bar = _open_bar(description, total, unit) if enabled() else None
    current = _Task(bar, total, ticking=total is None and not unit)
    token = _active.set((*_active.get(), current))
    try:
        yield
    except BaseException:
        current.close()
        raise
    else:
        current.finish()
    finally:
        _active.reset(token)


def advance(count: int = 1) -> None:
    """Add `count` finished items to the innermost open task (no-op when none is open)."""
    stack = _active.get()
    if stack and count:
        stack[-1].advance(int(count))


def track(items: list[Any], description: str, unit: str = "comments") -> Iterator[Any]:
    """Iterate over `items` inside a task, advancing by one per item."""
    with task(description, total=len(items), unit=unit):
        for item in items:
            yield item
            advance(1)
