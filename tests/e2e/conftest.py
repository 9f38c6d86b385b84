"""Fixtures of the browser tests: the shared running assistant and Debian's Chromium driven
by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import shared_stack

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """CHROMIUM, or Debian's chromium; a clear failure (never a skip) when there is none."""
    candidates = [os.environ.get("CHROMIUM", ""), "/usr/bin/chromium",
                  "/usr/bin/chromium-browser", shutil.which("chromium") or ""]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    pytest.fail("The browser test needs Chromium: run scripts/ensure-chromium (or "
                "`sudo apt-get install chromium`), or set CHROMIUM=/path/to/chromium.",
                pytrace=False)


@pytest.fixture(scope="session")
def portal() -> Iterator[shared_stack.Shared]:
    shared = shared_stack.acquire()
    yield shared
    shared_stack.release()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest) -> Path:
    """Where the test's screenshots go (printed, to look at after a run): kept after the
    run under results/screenshots/<test module>/ (gitignored)."""
    d = ROOT / "results" / "screenshots" / request.module.__name__.rsplit(".", 1)[-1]
    d.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {d}")
    return d
