"""The tracker store when its database fails, when servers' clocks differ, and when the
purge deletes conversations (no servers needed)."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.tracker_store import ConfiguredSQLTrackerStore
from bot.service.session_tokens import portal_sender
from bot.service.store import Store, delete_conversations
from tests.support.trackers import turn

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore:.*SQLAlchemy 2.0",
                                        "ignore::DeprecationWarning")


def test_an_unreachable_database_fails_the_turn_instead_of_forgetting_it(
        data_dir: Path, domain: Domain) -> None:
    """Rasa's FailSafeTrackerStore would answer from an empty conversation and store
    nothing; with this store the error reaches the channel (which says "try again")."""

    async def go() -> None:
        store = ConfiguredSQLTrackerStore(domain)
        safe = FailSafeTrackerStore(store)
        tracker = await safe.get_or_create_tracker("u1")
        turn(tracker, "我们能申请吗")
        await safe.save(tracker)
        healthy = store.engine
        store.engine = sa.create_engine(f"sqlite:///{data_dir / 'gone' / 'tracker.db'}")
        with pytest.raises(sa.exc.OperationalError):
            await safe.retrieve("u1")
        with pytest.raises(sa.exc.OperationalError):
            await safe.get_or_create_tracker("u1")
        turn(tracker, "是")
        with pytest.raises(sa.exc.OperationalError):
            await safe.save(tracker)
        store.engine = healthy  # the database is back
        again = await safe.retrieve("u1")
        texts = [e.text for e in again.events if isinstance(e, UserUttered)]
        assert texts == ["我们能申请吗"]  # the failed turn is not half-stored

    asyncio.run(go())


def test_turns_stamped_by_a_slower_clock_stay_in_the_session(data_dir: Path, domain: Domain
                                                              ) -> None:
    """Server B's clock is two seconds behind server A's, which started the session: B's
    turn is still part of the session Rasa reads back."""

    async def go() -> None:
        a = ConfiguredSQLTrackerStore(domain)
        tracker = await a.get_or_create_tracker("u2")
        now = time.time()
        tracker.update(ActionExecuted("action_session_start", timestamp=now))
        tracker.update(SessionStarted(timestamp=now))
        tracker.update(ActionExecuted("action_listen", timestamp=now))
        turn(tracker, "你好", at=now + 0.1)  # on A
        await a.save(tracker)
        b = ConfiguredSQLTrackerStore(domain)
        on_b = await b.retrieve("u2")
        turn(on_b, "谁审批？", at=now - 2.0)  # on B, whose clock is behind
        await b.save(on_b)
        for store in (a, ConfiguredSQLTrackerStore(domain)):
            read = await store.retrieve("u2")
            texts = [e.text for e in read.events if isinstance(e, UserUttered)]
            assert texts == ["你好", "谁审批？"]

    asyncio.run(go())


def test_purge_deletes_the_conversations_of_what_it_purges(data_dir: Path, domain: Domain
                                                           ) -> None:
    now = time.time()
    old = now - 40 * 86400

    async def write(sender: str, at: float) -> None:
        store = ConfiguredSQLTrackerStore(domain)
        tracker = DialogueStateTracker(sender, domain.slots)
        turn(tracker, f"{sender} 你好", at=at)
        await store.save(tracker)

    store = Store()
    idle = store.create_session("web", "zh")
    active = store.create_session("web", "zh")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE assistant_sessions SET last_seen_at = ? WHERE id = ?",
                             (old, idle.id))
    idle_sender, active_sender = portal_sender(idle.id), portal_sender(active.id)
    for sender, at in ((idle_sender, old), (active_sender, now), ("rest-old", old),
                       ("rest-new", now)):
        asyncio.run(write(sender, at))

    counts = store.purge(now=now)
    assert counts["sessions"] == 1 and counts["conversations"] == 2
    with sqlite3.connect(data_dir / "tracker.db") as db:
        left = {r[0] for r in db.execute("SELECT DISTINCT sender_id FROM events")}
    assert left == {active_sender, "rest-new"}
    assert store.get_session(idle.id) is None and store.get_session(active.id) is not None
    assert delete_conversations([active.id]) == 1
    assert delete_conversations([active.id]) == 0
