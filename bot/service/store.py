"""Sessions, uploaded files, reports and hand-off requests: on disk and in an index.

Files live under ``<data_dir>/files/<session>/`` and are written atomically (a temporary
file in the same folder, flushed and fsynced, then renamed), so a crash never leaves a
half-written upload behind.  Their index is a SQL database: SQLite under ``data_dir`` by
default, PostgreSQL (or any SQLAlchemy URL) through ``ASSISTANT_DATABASE_URL`` when several
server instances share it.  A file is written before its index row and removed after it,
so the index never names a file that is not there; an orphan file left by a crash is
removed by :meth:`Store.purge`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.precheck.results import FileAnalysis
from bot.service.ids import InvalidId, check_generated, inside
from bot.service.schema import (  # noqa: F401
    REPORT_FORMATS,
    HandoffRecord,
    QuotaExceeded,
    ReportRecord,
    SessionRecord,
    StoreUnavailable,
    UploadRecord,
    _engine,
    handoffs,
    new_id,
    new_reference,
    reports,
    sessions,
    uploads,
    write_atomic,
    wx_messages,
    wx_nonces,
)
from bot.service.session_tokens import portal_sender
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)

# -- the conversations in Rasa's tracker store ------------------------------------------------

TRACKER_DB_ENV = "ASSISTANT_TRACKER_DB_URL"
TRACKER_EVENTS_TABLE = "events"  # Rasa's SQLTrackerStore table (sender_id = session id)


def tracker_db_url(settings: Settings | None = None) -> str:
    """The SQLAlchemy URL of the database holding the conversations (Rasa's tracker
    store): ``ASSISTANT_TRACKER_DB_URL``, else ``ASSISTANT_DATABASE_URL``, else SQLite at
    ``<data_dir>/tracker.db``.  ``addons.tracker_store`` uses the same rule."""
    settings = settings or get_settings()
    url = os.environ.get(TRACKER_DB_ENV, "").strip() or settings.database_url.strip()
    return url or f"sqlite:///{Path(settings.data_dir) / 'tracker.db'}"


def delete_conversations(session_ids: Iterable[str] = (), settings: Settings | None = None, *,
                         idle_before: float | None = None) -> int:
    """Delete conversations (every stored event) from the tracker store's database: those
    of ``session_ids`` (their senders, :func:`portal_sender`), and with ``idle_before`` (a Unix time) every conversation whose
    last event is older than that.  Returns how many conversations were deleted.  A
    database that holds no conversations yet is left alone."""
    ids = {portal_sender(s, settings) for s in session_ids if s}
    url = tracker_db_url(settings)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return 0
    eng = _engine(url)
    events = sa.table(TRACKER_EVENTS_TABLE, sa.column("sender_id"), sa.column("timestamp"))

    def _delete(conn: Any) -> int:
        if not sa.inspect(conn).has_table(TRACKER_EVENTS_TABLE):
            return 0
        senders = set(ids)
        if idle_before is not None:
            senders.update(r[0] for r in conn.execute(
                sa.select(events.c.sender_id).group_by(events.c.sender_id).having(
                    sa.func.max(events.c.timestamp) < idle_before)))
        batch = sorted(senders)
        found = 0
        for start in range(0, len(batch), 500):
            part = batch[start:start + 500]
            found += conn.execute(sa.select(sa.func.count(sa.distinct(events.c.sender_id)))
                                  .where(events.c.sender_id.in_(part))).scalar() or 0
            conn.execute(events.delete().where(events.c.sender_id.in_(part)))
        return found

    for attempt in range(3):
        try:
            with eng.begin() as conn:
                return _delete(conn)
        except OperationalError as exc:
            if attempt == 2:
                raise StoreUnavailable(str(exc)) from exc
            time.sleep(0.2 * (attempt + 1))
    return 0


class Store:
    """The session store.  Cheap to create; engines are shared per database URL."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.data_dir = Path(self.settings.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = _engine(self.settings.db_url)
        except OperationalError as exc:
            raise StoreUnavailable(str(exc)) from exc

    # -- helpers ---------------------------------------------------------------------------

    def _run(self, fn: Any, *, write: bool = False, attempts: int = 3) -> Any:
        """Run ``fn(connection)`` in a transaction; a lost connection is retried briefly,
        then reported as StoreUnavailable (the transaction is rolled back, nothing changes)."""
        for attempt in range(attempts):
            try:
                if write:
                    with self.engine.begin() as conn:
                        return fn(conn)
                with self.engine.connect() as conn:
                    return fn(conn)
            except OperationalError as exc:
                if attempt == attempts - 1:
                    raise StoreUnavailable(str(exc)) from exc
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def path(self, stored: str) -> Path:
        """The file of a stored path, refused (UnsafePath) unless inside the data folder."""
        return inside(self.data_dir, stored)

    # -- sessions --------------------------------------------------------------------------

    def create_session(self, channel: str = "web", lang: str = "zh",
                       session_id: str | None = None, wx_openid: str | None = None
                       ) -> SessionRecord:
        now = time.time()
        for _ in range(10):
            rec = SessionRecord(id=session_id or new_id(), reference=new_reference(now),
                                channel=channel, lang=lang if lang in ("zh", "en") else "zh",
                                created_at=now, last_seen_at=now, wx_openid=wx_openid)
            try:
                self._run(lambda c, r=rec: c.execute(sessions.insert().values(**r.__dict__)),
                          write=True)
                return rec
            except IntegrityError:
                existing = self.get_session(rec.id) if session_id else None
                if existing:
                    return existing
                if wx_openid and self.session_by_openid(wx_openid):
                    return self.session_by_openid(wx_openid)  # type: ignore[return-value]
        raise RuntimeError("could not allocate a unique reference number")

    @staticmethod
    def _session(row: Any) -> SessionRecord | None:
        return SessionRecord(**dict(row._mapping)) if row is not None else None

    def get_session(self, session_id: str) -> SessionRecord | None:
        return self._session(self._run(lambda c: c.execute(
            sessions.select().where(sessions.c.id == session_id)).first()))

    def session_by_reference(self, reference: str) -> SessionRecord | None:
        return self._session(self._run(lambda c: c.execute(
            sessions.select().where(sessions.c.reference == reference.strip().upper())).first()))

    def session_by_openid(self, openid: str) -> SessionRecord | None:
        return self._session(self._run(lambda c: c.execute(
            sessions.select().where(sessions.c.wx_openid == openid)).first()))

    def touch(self, session_id: str, lang: str | None = None) -> None:
        values: dict[str, Any] = {"last_seen_at": time.time()}
        if lang in ("zh", "en"):
            values["lang"] = lang
        self._run(lambda c: c.execute(
            sessions.update().where(sessions.c.id == session_id).values(**values)), write=True)

    # -- uploads ---------------------------------------------------------------------------

    def add_upload(self, session_id: str, name: str, data: bytes, suffix: str = "", *,
                   max_files: int | None = None, replaces: str | None = None
                   ) -> UploadRecord | None:
        """Store a file and index it.  With ``max_files`` the session's count is checked in
        the same transaction as the insert, with the session's row locked, so parallel
        requests (on any number of server instances sharing the database) never store more
        than ``max_files``; a file that ``replaces`` another one takes its place in the
        count.  Returns None when the session is full (or gone); raises QuotaExceeded when
        the data folder has no room."""
        check_generated(session_id, "session")
        if suffix and not suffix.startswith(".") or "/" in suffix or "\\" in suffix:
            raise ValueError(f"bad suffix {suffix!r}")
        limits = self.settings.limits
        try:
            free = shutil.disk_usage(self.data_dir).free
        except OSError:
            free = None
        if free is not None and free - len(data) < limits.min_free_bytes:
            raise QuotaExceeded("disk")
        upload_id = new_id()
        stored = f"files/{session_id}/{upload_id}{suffix}"
        path = self.path(stored)
        write_atomic(path, data)
        rec = UploadRecord(id=upload_id, session_id=session_id, name=name, stored=stored,
                           sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                           status="parsing", created_at=time.time())

        def _insert(c: Any) -> str:
            # The row lock (PostgreSQL) or the write lock (SQLite) is held to the commit.
            locked = c.execute(sessions.update().where(sessions.c.id == session_id).values(
                last_seen_at=rec.created_at)).rowcount
            if not locked:
                return "gone"
            if max_files is not None:
                n = c.execute(sa.select(sa.func.count()).select_from(uploads).where(
                    uploads.c.session_id == session_id)).scalar() or 0
                if replaces:
                    n -= c.execute(sa.select(sa.func.count()).select_from(uploads).where(
                        (uploads.c.session_id == session_id) & (uploads.c.id == replaces))
                    ).scalar() or 0
                if n >= max_files:
                    return "full"
            total = c.execute(sa.select(sa.func.coalesce(sa.func.sum(uploads.c.size), 0))
                              ).scalar() or 0
            if total + rec.size > limits.data_quota_bytes:
                return "quota"
            c.execute(uploads.insert().values(
                id=rec.id, session_id=rec.session_id, name=rec.name, stored=rec.stored,
                sha256=rec.sha256, size=rec.size, status=rec.status,
                created_at=rec.created_at))
            return "ok"

        try:
            outcome = self._run(_insert, write=True)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        if outcome != "ok":
            path.unlink(missing_ok=True)
            if outcome == "quota":
                logger.warning("store.quota_reached bytes=%d", limits.data_quota_bytes)
                raise QuotaExceeded("quota")
            return None
        return rec

    def set_analysis(self, upload_id: str, analysis: FileAnalysis) -> None:
        payload = json.dumps(analysis.to_dict(), ensure_ascii=False)
        self._run(lambda c: c.execute(uploads.update().where(uploads.c.id == upload_id).values(
            analysis=payload, status="done")), write=True)

    def set_materials(self, session_id: str, upload_id: str, materials: list[str] | None) -> bool:
        """Record which materials the user says a file is (None: back to the classifier's)."""
        payload = None if materials is None else json.dumps(list(materials))
        n = self._run(lambda c: c.execute(uploads.update().where(
            (uploads.c.id == upload_id) & (uploads.c.session_id == session_id)).values(
            materials_override=payload)).rowcount, write=True)
        return bool(n)

    @staticmethod
    def _upload(row: Any) -> UploadRecord:
        d = dict(row._mapping)
        d["analysis"] = FileAnalysis.from_dict(json.loads(d["analysis"])) if d["analysis"] else None
        d["materials_override"] = (json.loads(d["materials_override"])
                                   if d["materials_override"] is not None else None)
        return UploadRecord(**d)

    def uploads(self, session_id: str) -> list[UploadRecord]:
        rows = self._run(lambda c: c.execute(uploads.select().where(
            uploads.c.session_id == session_id).order_by(uploads.c.created_at)).all())
        return [self._upload(r) for r in rows]

    def unparsed_uploads(self, before: float | None = None) -> list[UploadRecord]:
        """Uploads stored before ``before`` (default: now) but never analysed: the server
        stopped while parsing them."""
        cutoff = time.time() if before is None else before
        rows = self._run(lambda c: c.execute(uploads.select().where(
            uploads.c.analysis.is_(None) & (uploads.c.created_at < cutoff)).order_by(
            uploads.c.created_at)).all())
        return [self._upload(r) for r in rows]

    def upload_names(self, session_id: str) -> dict[str, str]:
        """The session's uploads as id → name, in upload order: what counting and naming
        need, without reading the stored analyses."""
        rows = self._run(lambda c: c.execute(sa.select(uploads.c.id, uploads.c.name).where(
            uploads.c.session_id == session_id).order_by(uploads.c.created_at)).all())
        return {r[0]: r[1] for r in rows}

    def get_upload(self, session_id: str, upload_id: str) -> UploadRecord | None:
        """The upload, only if it belongs to this session."""
        row = self._run(lambda c: c.execute(uploads.select().where(
            (uploads.c.id == upload_id) & (uploads.c.session_id == session_id))).first())
        return self._upload(row) if row is not None else None

    def remove_upload(self, session_id: str, upload_id: str) -> UploadRecord | None:
        rec = self.get_upload(session_id, upload_id)
        if rec is None:
            return None
        self._run(lambda c: c.execute(uploads.delete().where(uploads.c.id == upload_id)),
                  write=True)
        self.path(rec.stored).unlink(missing_ok=True)
        return rec

    # -- reports ---------------------------------------------------------------------------

    def save_report(self, session_id: str, reference: str, verdict: str,
                    files: dict[str, bytes]) -> ReportRecord:
        check_generated(session_id, "session")
        report_id = new_id()
        formats: dict[str, str] = {}
        for fmt, data in files.items():
            if fmt not in REPORT_FORMATS:
                raise ValueError(f"unknown report format {fmt!r}")
            stored = f"reports/{session_id}/{report_id}.{fmt}"
            write_atomic(self.path(stored), data)
            formats[fmt] = stored
        rec = ReportRecord(id=report_id, session_id=session_id, reference=reference,
                           verdict=verdict, formats=formats, created_at=time.time())
        try:
            self._run(lambda c: c.execute(reports.insert().values(
                id=rec.id, session_id=session_id, reference=reference, verdict=verdict,
                formats=json.dumps(formats), created_at=rec.created_at)), write=True)
        except BaseException:
            for stored in formats.values():
                self.path(stored).unlink(missing_ok=True)
            raise
        return rec

    @staticmethod
    def _report(row: Any) -> ReportRecord:
        d = dict(row._mapping)
        d["formats"] = json.loads(d["formats"])
        return ReportRecord(**d)

    def get_report(self, session_id: str, report_id: str) -> ReportRecord | None:
        row = self._run(lambda c: c.execute(reports.select().where(
            (reports.c.id == report_id) & (reports.c.session_id == session_id))).first())
        return self._report(row) if row is not None else None

    def get_report_by_id(self, report_id: str) -> ReportRecord | None:
        row = self._run(lambda c: c.execute(
            reports.select().where(reports.c.id == report_id)).first())
        return self._report(row) if row is not None else None

    def latest_report(self, reference: str) -> ReportRecord | None:
        row = self._run(lambda c: c.execute(reports.select().where(
            reports.c.reference == reference.strip().upper()).order_by(
            reports.c.created_at.desc())).first())
        return self._report(row) if row is not None else None

    # -- hand-off --------------------------------------------------------------------------

    def record_handoff(self, session_id: str, reference: str, lang: str, note: str = ""
                       ) -> HandoffRecord:
        rec = HandoffRecord(id=new_id(), session_id=session_id, reference=reference, lang=lang,
                            note=note[:2000], created_at=time.time())
        self._run(lambda c: c.execute(handoffs.insert().values(**rec.__dict__)), write=True)
        return rec

    def handoffs(self, since: float = 0.0) -> list[HandoffRecord]:
        rows = self._run(lambda c: c.execute(handoffs.select().where(
            handoffs.c.created_at >= since).order_by(handoffs.c.created_at.desc())).all())
        return [HandoffRecord(**dict(r._mapping)) for r in rows]

    # -- WeChat retries --------------------------------------------------------------------

    def use_nonce(self, key: str, message_key: str = "") -> bool:
        """Record an official-account request's ``timestamp:nonce`` in the shared
        database.  False when it was used before for another message (a replay, caught
        on every instance); True the first time, and for WeChat's retries of the same
        message."""
        try:
            self._run(lambda c: c.execute(wx_nonces.insert().values(
                key=key[:96], message_key=message_key[:64], created_at=time.time())),
                write=True)
            return True
        except IntegrityError:
            row = self._run(lambda c: c.execute(sa.select(wx_nonces.c.message_key).where(
                wx_nonces.c.key == key[:96])).first())
            return bool(message_key) and row is not None and row[0] == message_key[:64]

    def first_delivery(self, msg_id: str) -> bool:
        """True the first time a WeChat MsgId is seen, False for WeChat's retries of it."""
        try:
            self._run(lambda c: c.execute(wx_messages.insert().values(
                msg_id=msg_id, created_at=time.time())), write=True)
            return True
        except IntegrityError:
            return False

    # -- deletion and retention ------------------------------------------------------------

    def delete_session_data(self, session_id: str) -> dict[str, int]:
        """Remove a session's uploads (files and their names), reports and hand-off notes.
        Returns how many of each were deleted."""
        check_generated(session_id, "session")
        ups = self.uploads(session_id)
        reps = self._run(lambda c: c.execute(reports.select().where(
            reports.c.session_id == session_id)).all())

        def _delete(c: Any) -> int:
            c.execute(uploads.delete().where(uploads.c.session_id == session_id))
            c.execute(reports.delete().where(reports.c.session_id == session_id))
            return c.execute(handoffs.delete().where(
                handoffs.c.session_id == session_id)).rowcount or 0

        notes = self._run(_delete, write=True)
        for u in ups:
            self.path(u.stored).unlink(missing_ok=True)
        for r in reps:
            for stored in json.loads(r._mapping["formats"]).values():
                self.path(stored).unlink(missing_ok=True)
        for sub in ("files", "reports"):
            _remove_tree(self.path(f"{sub}/{session_id}"))
        return {"files": len(ups), "reports": len(reps), "handoffs": notes}

    def forget_session(self, session_id: str) -> dict[str, int]:
        """"Delete my data": the session's files, reports, hand-off notes, its
        conversation and the session itself, so that its token opens nothing any more
        and no request re-creates it."""
        counts = self.delete_session_data(session_id)
        counts["conversations"] = delete_conversations([session_id], self.settings)
        self._run(lambda c: c.execute(sessions.delete().where(sessions.c.id == session_id)),
                  write=True)
        return counts

    def purge(self, older_than_days: int | None = None, now: float | None = None
              ) -> dict[str, int]:
        """Remove sessions idle for longer than the retention period, with all their data,
        and any file on disk that the index does not name (left by a crash)."""
        days = self.settings.retention_days if older_than_days is None else older_than_days
        cutoff = (now or time.time()) - days * 86400
        old = self._run(lambda c: c.execute(sessions.select().where(
            sessions.c.last_seen_at < cutoff)).all())
        counts = {"sessions": 0, "files": 0, "reports": 0, "orphans": 0}
        # What was said goes first: if that fails, nothing else is deleted and the next
        # purge tries again.  Conversations that never had a session record (the REST
        # channel, `rasa shell`) go once their last message is older than the cutoff.
        counts["conversations"] = delete_conversations(
            [row._mapping["id"] for row in old], self.settings, idle_before=cutoff)
        for row in old:
            sid = row._mapping["id"]
            try:
                n = self.delete_session_data(sid)
            except InvalidId:  # a record from before ids were checked: its rows only
                n = self._run(lambda c, sid=sid: {
                    "files": c.execute(uploads.delete().where(
                        uploads.c.session_id == sid)).rowcount or 0,
                    "reports": c.execute(reports.delete().where(
                        reports.c.session_id == sid)).rowcount or 0}, write=True)
            counts["files"] += n["files"]
            counts["reports"] += n["reports"]

            def _forget(c: Any, sid: str = sid) -> None:
                c.execute(handoffs.delete().where(handoffs.c.session_id == sid))
                c.execute(sessions.delete().where(sessions.c.id == sid))

            self._run(_forget, write=True)
            counts["sessions"] += 1
        self._run(lambda c: c.execute(wx_messages.delete().where(
            wx_messages.c.created_at < (now or time.time()) - 86400)), write=True)
        self._run(lambda c: c.execute(wx_nonces.delete().where(
            wx_nonces.c.created_at < (now or time.time()) - 86400)), write=True)
        counts["orphans"] = self._remove_orphans(cutoff_age=3600, now=now)
        return counts

    def _known_paths(self) -> set[str]:
        known: set[str] = set()
        for row in self._run(lambda c: c.execute(sa.select(uploads.c.stored)).all()):
            known.add(row[0])
        for row in self._run(lambda c: c.execute(sa.select(reports.c.formats)).all()):
            known.update(json.loads(row[0]).values())
        return known

    def _remove_orphans(self, cutoff_age: float, now: float | None = None) -> int:
        known = self._known_paths()
        now = now or time.time()
        removed = 0
        for sub in ("files", "reports"):
            for path in _walk_files(self.data_dir / sub):
                rel = path.relative_to(self.data_dir).as_posix()
                if rel in known:
                    continue
                try:
                    if now - path.stat().st_mtime < cutoff_age:
                        continue  # may be an upload still being indexed
                    path.unlink()
                    removed += 1
                except FileNotFoundError:
                    continue
        return removed


def _walk_files(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return [p for p in root.rglob("*") if p.is_file()]


def _remove_tree(d: Path) -> None:
    if not d.is_dir():
        return
    for p in sorted(d.rglob("*"), reverse=True):
        if p.is_file() or p.is_symlink():
            p.unlink(missing_ok=True)
        elif p.is_dir():
            p.rmdir()
    d.rmdir()
