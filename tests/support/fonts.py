"""The CJK font the scan tests draw Chinese with: skip without one, unless on CI."""

from __future__ import annotations

import os

import pytest

from tests.support.scangen import cjk_font


def require_cjk_font() -> str:
    """The font's path; without one the test is skipped, or fails when CI is set (a CI
    machine must have run scripts/ensure-cjk-font)."""
    path = cjk_font()
    if path:
        return path
    message = ("no CJK font to draw the test scans with: run scripts/ensure-cjk-font "
               "(Debian/Ubuntu: apt-get install fonts-wqy-microhei)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
