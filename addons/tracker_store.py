"""Rasa's SQL tracker store, with its database chosen by environment variables and a
write-through cache of recent conversations.

Database.  Rasa 3.6 substitutes ``${VAR}`` in ``endpoints.yml`` but has no defaults: an
unset variable is an error.  So ``endpoints.yml`` names this class, and the database
comes from the environment with a default that needs no service:

* ``ASSISTANT_TRACKER_DB_URL`` — a SQLAlchemy URL, e.g.
  ``postgresql://rasa:secret@db.example:5432/rasa``;
* otherwise ``ASSISTANT_DATABASE_URL``, the database of the file index, so one setting
  moves everything to PostgreSQL;
* otherwise SQLite at ``$ASSISTANT_DATA_DIR/tracker.db`` (``var/tracker.db`` by default).

SQLite runs in WAL mode with ``synchronous=NORMAL`` and pooled connections: readers do not
block the writer, a turn costs no fsync of its own, and a committed turn survives a crash
of the server process.  Other databases (PostgreSQL) check a pooled connection before
using it, so a turn after the database was briefly unreachable does not fail on a
connection that died meanwhile.

Unreachable database.  Rasa wraps every tracker store in a ``FailSafeTrackerStore`` that,
when the database fails, carries on with an empty in-memory conversation: the user is
answered out of context (a self-check in progress forgotten) and the turn is never
stored.  For this store the error is passed on instead, so the turn fails as a whole and
the channel asks the user to send the message again; nothing is written.

Several instances.  Rasa finds a conversation's latest session by the *timestamp* of its
newest ``session_started`` event, and event timestamps come from the clock of whichever
server wrote them; with servers whose clocks differ a little, the turns one of them wrote
just after another started the session would be left out.  This store finds the session
by event id instead (ids only grow, in the order the events were stored).

Cache.  Rasa reads a conversation's every event back from the database at the start of
each turn and counts them again to save the new ones.  This store keeps the trackers of
recently active conversations in memory (``ASSISTANT_TRACKER_CACHE``, default 2000
conversations; 0 turns the cache off).  A cached tracker is used only while the newest
event id in the database for that conversation is still the one the cache saw, so
events written by anything else (another server sharing the database) make it reload.
A tracker is lent out for the turn (taken out of the cache, not copied) and comes back
when the turn is saved; a turn that fails before saving leaves nothing stale behind.
Every turn is still written to the database before the reply is sent.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.service import store as _store

ENV_URL = _store.TRACKER_DB_ENV
ENV_CACHE = "ASSISTANT_TRACKER_CACHE"


def tracker_db_url() -> str:
    """The tracker database's SQLAlchemy URL (SQLite under the data folder by default)."""
    return _store.tracker_db_url()


@dataclass
class _Cached:
    tracker: DialogueStateTracker  # as last stored
    last_id: int | None  # newest event id of the conversation in the database then
    stored: int  # how many of the tracker's events are in the database


class ConfiguredSQLTrackerStore(SQLTrackerStore):
    """:class:`SQLTrackerStore` on :func:`tracker_db_url`, with a write-through cache."""

    def __init__(self, domain: Domain | None = None, host: str | None = None,
                 event_broker: EventBroker | None = None, **kwargs: Any) -> None:
        url = tracker_db_url()
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        for key in ("dialect", "db", "port", "username", "password", "url"):
            kwargs.pop(key, None)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._use_pooled_sqlite(url)
        else:
            self._use_checked_connections(url)
        self.cache_size = max(0, int(os.environ.get(ENV_CACHE, "2000") or 0))
        self._sql = self._raw_sql()
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self._lent: dict[str, _Cached] = {}  # trackers handed out for a turn in progress

    def _use_pooled_sqlite(self, url: str) -> None:
        """Keep SQLite connections open between turns (SQLAlchemy 1.4 opens and closes
        one per session for a SQLite file)."""
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=2,
                                       max_overflow=4,
                                       connect_args={"check_same_thread": False})

        @sa.event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _use_checked_connections(self, url: str) -> None:
        """The same engine, with each pooled connection checked before use."""
        from rasa.core.tracker_store import create_engine_kwargs

        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _event_query(self, session: Any, sender_id: str,
                     fetch_events_from_all_sessions: bool) -> Any:
        """The conversation's events in id order; its latest session found by id, not by
        timestamp (see the module's documentation).  The session is its
        ``session_started`` event and what follows, and the ``action_session_start``
        event stored just before it when Rasa's own query returns it."""
        table = self.SQLEvent
        query = session.query(table).filter(table.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = (session.query(sa.func.max(table.id))
                     .filter(table.sender_id == sender_id,
                             table.type_name == SessionStarted.type_name)
                     .scalar_subquery())
            before = (session.query(sa.func.max(table.id))
                      .filter(table.sender_id == sender_id, table.id < start)
                      .scalar_subquery())
            # Rasa keeps that event when it is stamped no earlier than the session start
            # (as the processor writes it); both come from the same server and turn.
            start_time = (session.query(table.timestamp).filter(table.id == start)
                          .scalar_subquery())
            query = query.filter(sa.or_(
                start.is_(None),
                table.id >= start,
                sa.and_(table.id == before, table.type_name == ActionExecuted.type_name,
                        table.action_name == ACTION_SESSION_START_NAME,
                        table.timestamp >= start_time)))
        return query.order_by(table.id)

    # --- the cache ---------------------------------------------------------------------

    _PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}

    def _raw_sql(self) -> tuple[str, str] | None:
        """(newest-id query, insert statement) for the database driver, or None to use
        SQLAlchemy's ORM (databases whose ids come from a sequence, unknown drivers)."""
        if self.engine.dialect.name not in ("sqlite", "postgresql"):
            return None
        mark = self._PLACEHOLDER.get(self.engine.dialect.paramstyle)
        if mark is None:
            return None
        table = self.SQLEvent.__tablename__
        values = ", ".join([mark] * 6)
        newest = f"SELECT max(id) FROM {table} WHERE sender_id = {mark}"
        insert = (f"INSERT INTO {table} (sender_id, type_name, timestamp, intent_name, "
                  f"action_name, data) VALUES ({values})")
        return newest, insert

    def _last_event_id(self, sender_id: str) -> int | None:
        """The newest stored event id of a conversation (one indexed query)."""
        sql = self._sql
        if sql is None:
            table = self.SQLEvent
            with self.session_scope() as session:
                return session.execute(sa.select(sa.func.max(table.id)).where(
                    table.sender_id == sender_id)).scalar()
        conn = self.engine.raw_connection()
        try:
            cursor = conn.cursor()
            cursor.execute(sql[0], (sender_id,))
            row = cursor.fetchone()
            cursor.close()
            conn.commit()  # end the read transaction
            return row[0] if row else None
        finally:
            conn.close()

    def _insert(self, sender_id: str, rows: list[tuple[Any, ...]]) -> int | None:
        """Insert events and return the conversation's newest event id, in one
        transaction."""
        sql = self._sql
        if sql is None:
            columns = ("sender_id", "type_name", "timestamp", "intent_name", "action_name",
                       "data")
            with self.session_scope() as session:
                if rows:
                    session.execute(self.SQLEvent.__table__.insert(),
                                    [dict(zip(columns, r, strict=True)) for r in rows])
                table = self.SQLEvent
                last_id = session.execute(sa.select(sa.func.max(table.id)).where(
                    table.sender_id == sender_id)).scalar()
                session.commit()
                return last_id
        conn = self.engine.raw_connection()
        try:
            cursor = conn.cursor()
            if rows:
                cursor.executemany(sql[1], rows)
            cursor.execute(sql[0], (sender_id,))
            row = cursor.fetchone()
            cursor.close()
            conn.commit()
            return row[0] if row else None
        except BaseException:
            conn.rollback()
            raise
        finally:
            conn.close()

    def _remember(self, tracker: DialogueStateTracker, last_id: int | None) -> None:
        if not self.cache_size:
            return
        self._cache[tracker.sender_id] = _Cached(tracker, last_id, len(tracker.events))
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        """Drop a conversation from the cache (the next turn reads the database)."""
        self._cache.pop(sender_id, None)
        self._lent.pop(sender_id, None)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The conversation's latest session, from the cache when it is current."""
        if not self.cache_size:
            return await super().retrieve(sender_id)
        last_id = self._last_event_id(sender_id)
        cached = self._cache.pop(sender_id, None)
        if cached is not None and last_id is not None and cached.last_id == last_id:
            self._lent[sender_id] = cached
            return cached.tracker
        self._lent.pop(sender_id, None)
        tracker = await super().retrieve(sender_id)
        if tracker is None:
            return None
        # The id was read before the events, so it is never newer than what was read.
        self._lent[sender_id] = _Cached(tracker, last_id, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events the database does not have yet."""
        lent = self._lent.pop(tracker.sender_id, None)
        self._cache.pop(tracker.sender_id, None)
        if not self.cache_size:
            await super().save(tracker)
            return
        if lent is None and self._sql is not None and \
                self._last_event_id(tracker.sender_id) is None:
            lent = _Cached(tracker, None, 0)  # a new conversation: every event is new
        if lent is None or lent.tracker is not tracker or len(tracker.events) < lent.stored:
            await super().save(tracker)
            return
        await self.stream_events(tracker)
        new_events = list(tracker.events)[lent.stored:]
        rows = []
        for event in new_events:
            data = event.as_dict()
            intent = data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY)
            rows.append((tracker.sender_id, event.type_name, data.get("timestamp"), intent,
                         data.get("name"), json.dumps(data)))
        last_id = self._insert(tracker.sender_id, rows)
        if any(isinstance(e, SessionStarted) for e in new_events):
            # A new session: let the next turn read it the way Rasa does.
            self.forget(tracker.sender_id)
        else:
            self._remember(tracker, last_id)
            # The same tracker may be saved again in this turn (a new conversation is
            # saved when created and after the turn).
            self._lent[tracker.sender_id] = _Cached(tracker, last_id, len(tracker.events))


def _errors_passed_on(method: Any) -> Any:
    """``FailSafeTrackerStore.<method>`` that lets this project's store raise."""

    async def call(self: FailSafeTrackerStore, *args: Any) -> Any:
        primary = self._tracker_store
        if isinstance(primary, ConfiguredSQLTrackerStore):
            return await getattr(primary, method.__name__)(*args)
        return await method(self, *args)

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


if not getattr(FailSafeTrackerStore, "_assistant_errors_passed_on", False):
    for _name in ("retrieve", "retrieve_full_tracker", "save"):
        setattr(FailSafeTrackerStore, _name,
                _errors_passed_on(getattr(FailSafeTrackerStore, _name)))
    FailSafeTrackerStore._assistant_errors_passed_on = True  # type: ignore[attr-defined]
