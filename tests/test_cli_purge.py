"""Retention: `python -m bot purge --days N` removes the sessions idle for longer than N
days with their files and reports, and keeps the recent ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from bot.service.store import Store, sessions
from bot.settings import ROOT, Settings


def age(store: Store, session_id: str, days: float) -> None:
    """Make a session look last seen ``days`` ago."""
    with store.engine.begin() as c:
        c.execute(sa.update(sessions).where(sessions.c.id == session_id).values(
            last_seen_at=time.time() - days * 86400))


def purge(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("ASSISTANT_DATABASE_URL", None)
    env.pop("ASSISTANT_RETENTION_DAYS", None)
    return subprocess.run([sys.executable, "-m", "bot", "purge", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_purge_removes_idle_sessions_with_their_files_and_keeps_recent_ones(tmp_path: Path
                                                                          ) -> None:
    data = tmp_path / "data"
    store = Store(Settings(data_dir=data))
    old, recent, fresh = store.create_session(), store.create_session(), store.create_session()
    old_files = [store.add_upload(old.id, f"{i}.pdf", b"%PDF-1.4 old", ".pdf")
                 for i in range(2)]
    old_report = store.save_report(old.id, old.reference, "incomplete",
                                   {"json": b"{}", "docx": b"PK"})
    store.record_handoff(old.id, old.reference, "zh", "请回电")
    recent_file = store.add_upload(recent.id, "r.pdf", b"%PDF-1.4 recent", ".pdf")
    recent_report = store.save_report(recent.id, recent.reference, "complete", {"json": b"{}"})
    age(store, old.id, 12)
    age(store, recent.id, 8)

    r = purge(data, "--days", "10")
    assert r.returncode == 0, r.stderr
    counts = json.loads(r.stdout.strip().splitlines()[-1])
    assert counts["sessions"] == 1 and counts["files"] == 2 and counts["reports"] == 1

    assert store.get_session(old.id) is None and store.uploads(old.id) == []
    assert store.get_report_by_id(old_report.id) is None
    assert not any(store.path(u.stored).exists() for u in old_files)
    assert not (data / "files" / old.id).exists() and not (data / "reports" / old.id).exists()
    assert [h.reference for h in store.handoffs()] == []
    # Sessions seen within the period keep everything.
    assert store.get_session(recent.id) and store.get_session(fresh.id)
    assert store.path(recent_file.stored).read_bytes() == b"%PDF-1.4 recent"
    assert store.get_report(recent.id, recent_report.id) is not None

    # A shorter period reaches the session seen 8 days ago, not the one seen today.
    counts = json.loads(purge(data, "--days", "7").stdout.strip().splitlines()[-1])
    assert counts["sessions"] == 1 and counts["files"] == 1
    assert store.get_session(recent.id) is None and store.get_session(fresh.id) is not None


def test_purge_refuses_a_negative_period(tmp_path: Path) -> None:
    r = purge(tmp_path / "data", "--days", "-1")
    assert r.returncode != 0 and "--days" in r.stderr
