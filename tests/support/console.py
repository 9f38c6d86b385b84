"""Helpers of the staff console and accessibility browser tests: staff accounts made with
the real CLI, signing in, and axe-core run inside a page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def add_account(data_dir: Path, name: str, secret: str, *, admin: bool = False) -> None:
    """``python -m bot staff add`` against the running stack's data folder."""
    argv = [sys.executable, "-m", "bot", "staff", "add", name, "--secret-stdin"]
    if admin:
        argv.append("--admin")
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    r = subprocess.run(argv, input=secret + "\n", capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=120)
    if r.returncode != 0 and "already exists" not in r.stderr:
        raise AssertionError(r.stderr)


def sign_in(page: Any, name: str, secret: str) -> None:
    page.locator("#signin-name").fill(name)
    page.locator("#signin-secret").fill(secret)
    page.locator("#signin-secret").press("Enter")
    page.locator("#desk").wait_for(state="visible")


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail("The accessibility test needs axe-core: run scripts/ensure-axe "
                    "(make test-stack does).", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now.  The script is
    evaluated through the browser's debugging protocol, so the page's CSP stays on."""
    page.evaluate("(src) => { (0, eval)(src); }", axe_source())
    return page.evaluate("""async (tags) => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' '))}));
    }""", AXE_TAGS)


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def save(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
