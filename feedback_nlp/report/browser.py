"""Open a report in headless Chromium with the network blocked, and say what happened.

Used by the tests and by scripts/bench_report.py. Needs the `playwright` Python package (the
`test` extra) and a Chromium: Debian's `chromium` at /usr/bin/chromium by default (Playwright's
own browser download is never used), or the path in ``FEEDBACK_NLP_CHROMIUM``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Flags that keep Chromium from calling home (updates, sync, field trials, QUIC…).
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def chromium_path() -> str | None:
    """The Chromium executable to use, or None when there is none."""
    configured = os.environ.get("FEEDBACK_NLP_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class ChartBox:
    """A chart element of the page and its rendered size in CSS pixels."""

    key: str
    width: float
    height: float
    has_svg: bool


@dataclass
class PageCheck:
    """What happened when the page was opened."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    charts: list[ChartBox] = field(default_factory=list)
    #: From navigation start until every chart reported it was drawn (ms, in the page).
    render_ms: float = float("nan")
    #: Wall time of the whole load-and-render wait, seen from Python (ms).
    wall_ms: float = float("nan")


def open_report(
    path: str | Path,
    *,
    screenshot: str | Path | None = None,
    full_page: bool = True,
    width: int = 1280,
    height: int = 900,
    timeout_ms: int = 60_000,
) -> PageCheck:
    """Open `path` offline; record every request attempted, console errors and chart sizes."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise FileNotFoundError("no Chromium found: apt-get install chromium")
    path = Path(path).resolve()
    check = PageCheck()
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=list(CHROMIUM_FLAGS),
            viewport={"width": width, "height": height},
        )
        try:
            page = browser.new_page()
            _listen(page, check, path)
            began = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load", timeout=timeout_ms)
            page.wait_for_function("window.reportRendered !== undefined", timeout=timeout_ms)
            check.wall_ms = (time.perf_counter() - began) * 1000
            check.render_ms = float(page.evaluate("window.reportRendered"))
            check.charts = [ChartBox(**box) for box in page.evaluate(_CHART_BOXES)]
            if screenshot is not None:
                page.screenshot(path=str(screenshot), full_page=full_page)
        finally:
            browser.close()
    return check


def _listen(page: object, check: PageCheck, path: Path) -> None:
    page_url = path.as_uri()

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url == page_url:
            route.continue_()  # type: ignore[attr-defined]
            return
        check.requests.append(url)
        route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)  # type: ignore[attr-defined]
    page.on(  # type: ignore[attr-defined]
        "console", lambda m: check.console_errors.append(m.text) if m.type == "error" else None
    )
    page.on("pageerror", lambda e: check.page_errors.append(str(e)))  # type: ignore[attr-defined]

    def dialog(d: object) -> None:
        check.dialogs.append(d.message)  # type: ignore[attr-defined]
        d.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", dialog)  # type: ignore[attr-defined]


_CHART_BOXES = """
() => Array.from(document.querySelectorAll('[data-figure]')).map(el => {
  const r = el.getBoundingClientRect();
  const svg = el.querySelector('svg.main-svg');
  return {key: el.id, width: r.width, height: r.height,
          has_svg: !!svg && svg.getBoundingClientRect().width > 0};
})
"""
