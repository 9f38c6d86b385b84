"""The SQL tracker store: database from the environment, cache that never serves stale
conversations, and every event stored."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    SessionStarted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from addons.tracker_store import ENV_URL, ConfiguredSQLTrackerStore, tracker_db_url
from tests.support.trackers import turn

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore:.*SQLAlchemy 2.0")


def stored_rows(path: Path, sender: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


async def greeted(store: ConfiguredSQLTrackerStore, sender: str
                  ) -> tuple[ConfiguredSQLTrackerStore, DialogueStateTracker]:
    """``store`` and the tracker of ``sender`` after one saved turn (你好)."""
    tracker = await store.get_or_create_tracker(sender)
    turn(tracker, "你好", "greet")
    await store.save(tracker)
    return store, tracker


def test_database_from_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tracker_db_url() == f"sqlite:///{data_dir / 'tracker.db'}"
    monkeypatch.setenv(ENV_URL, "postgresql://u:p@db.example:5432/rasa")
    assert tracker_db_url() == "postgresql://u:p@db.example:5432/rasa"


def test_sqlite_runs_in_wal_mode(data_dir: Path, domain: Domain) -> None:
    store = ConfiguredSQLTrackerStore(domain)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_every_turn_is_stored_and_read_back(data_dir: Path, domain: Domain) -> None:
    async def go() -> None:
        store = ConfiguredSQLTrackerStore(domain)
        tracker = await store.get_or_create_tracker("u1")
        for i in range(3):
            turn(tracker, f"问题{i}", "ask_approval")
            await store.save(tracker)
            tracker = await store.retrieve("u1")
        assert stored_rows(data_dir / "tracker.db", "u1") == len(tracker.events)
        fresh = ConfiguredSQLTrackerStore(domain)  # no cache: straight from the database
        again = await fresh.retrieve("u1")
        assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]

    asyncio.run(go())


def test_events_written_elsewhere_are_seen(data_dir: Path, domain: Domain) -> None:
    async def go() -> None:
        ours, _ = await greeted(ConfiguredSQLTrackerStore(domain), "u2")
        theirs = ConfiguredSQLTrackerStore(domain)
        other = await theirs.retrieve("u2")  # another server writes a turn
        turn(other, "谁审批", "ask_approval")
        await theirs.save(other)
        seen = await ours.retrieve("u2")
        assert [e.as_dict() for e in seen.events] == [e.as_dict() for e in other.events]

    asyncio.run(go())


def test_a_turn_that_fails_before_saving_leaves_nothing_stale(data_dir: Path,
                                                              domain: Domain) -> None:
    async def go() -> None:
        store, tracker = await greeted(ConfiguredSQLTrackerStore(domain), "u3")
        lent = await store.retrieve("u3")
        turn(lent, "这一轮没有保存", "greet")  # the turn crashes: no save
        again = await store.retrieve("u3")
        assert len(again.events) == stored_rows(data_dir / "tracker.db", "u3")
        assert "这一轮没有保存" not in [getattr(e, "text", None) for e in again.events]

    asyncio.run(go())


def test_a_new_session_is_read_the_way_rasa_reads_it(data_dir: Path, domain: Domain) -> None:
    async def go() -> None:
        store, tracker = await greeted(ConfiguredSQLTrackerStore(domain), "u4")
        tracker = await store.retrieve("u4")
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
        latest = await store.retrieve("u4")
        assert isinstance(latest.events[0], SessionStarted)  # only the new session
        assert not any(isinstance(e, UserUttered) for e in latest.events)
        assert stored_rows(data_dir / "tracker.db", "u4") == len(tracker.events)

    asyncio.run(go())


def test_the_cache_can_be_turned_off(data_dir: Path, domain: Domain,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_TRACKER_CACHE", "0")

    async def go() -> None:
        store, tracker = await greeted(ConfiguredSQLTrackerStore(domain), "u5")
        assert not store._cache
        assert len((await store.retrieve("u5")).events) == len(tracker.events)

    asyncio.run(go())
