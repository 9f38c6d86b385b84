"""The file index's tables and records, ids and references, atomic writes and the
database engine."""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from bot.precheck.results import FileAnalysis

_meta = sa.MetaData()

sessions = sa.Table(
    "assistant_sessions", _meta,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("reference", sa.String(32), nullable=False, unique=True),
    sa.Column("channel", sa.String(32), nullable=False, default="web"),
    sa.Column("wx_openid", sa.String(128), nullable=True, unique=True),
    sa.Column("lang", sa.String(8), nullable=False, default="zh"),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen_at", sa.Float, nullable=False),
)
uploads = sa.Table(
    "assistant_uploads", _meta,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("session_id", sa.String(64), nullable=False, index=True),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("stored", sa.String(512), nullable=False),  # path relative to data_dir
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, default="parsing"),  # parsing|done
    sa.Column("analysis", sa.Text, nullable=True),
    sa.Column("materials_override", sa.Text, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
)
reports = sa.Table(
    "assistant_reports", _meta,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("session_id", sa.String(64), nullable=False, index=True),
    sa.Column("reference", sa.String(32), nullable=False, index=True),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("formats", sa.Text, nullable=False),  # JSON: format -> path relative to data_dir
    sa.Column("created_at", sa.Float, nullable=False),
)
handoffs = sa.Table(
    "assistant_handoffs", _meta,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("session_id", sa.String(64), nullable=False, index=True),
    sa.Column("reference", sa.String(32), nullable=False, index=True),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.Float, nullable=False),
    # The help desk's queue (added later: see _migrate).
    sa.Column("status", sa.String(16), nullable=False, default="new",
              server_default="new"),  # new|claimed|done
    sa.Column("claimed_by", sa.String(64), nullable=True),
    sa.Column("claimed_at", sa.Float, nullable=True),
    sa.Column("closed_at", sa.Float, nullable=True),
)
# Columns added to existing tables after their first release: name -> DDL type and default.
_ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "assistant_handoffs": {"status": "VARCHAR(16) NOT NULL DEFAULT 'new'",
                           "claimed_by": "VARCHAR(64)", "claimed_at": "FLOAT",
                           "closed_at": "FLOAT"},
}
staff_accounts = sa.Table(
    "assistant_staff_accounts", _meta,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("secret_hash", sa.String(255), nullable=False),  # argon2id
    sa.Column("role", sa.String(16), nullable=False, default="staff"),  # staff|admin
    sa.Column("created_at", sa.Float, nullable=False),
)
staff_sessions = sa.Table(
    "assistant_staff_sessions", _meta,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the cookie value
    sa.Column("account", sa.String(64), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen_at", sa.Float, nullable=False),
)
staff_audit = sa.Table(
    "assistant_staff_audit", _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("account", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("reference", sa.String(32), nullable=False, default=""),
    sa.Column("detail", sa.String(255), nullable=False, default=""),
)
staff_batch_files = sa.Table(  # a batch pre-check in the console: never an applicant's files
    "assistant_staff_batch_files", _meta,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("batch_id", sa.String(32), nullable=False, index=True),
    sa.Column("account", sa.String(64), nullable=False),
    sa.Column("name", sa.String(512), nullable=False),
    sa.Column("analysis", sa.Text, nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)
wx_messages = sa.Table(
    "assistant_wx_messages", _meta,
    sa.Column("msg_id", sa.String(64), primary_key=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

wx_nonces = sa.Table(  # official-account (timestamp, nonce) pairs already used
    "assistant_wx_nonces", _meta,
    sa.Column("key", sa.String(96), primary_key=True),
    sa.Column("message_key", sa.String(64), nullable=False, default=""),
    sa.Column("created_at", sa.Float, nullable=False),
)

REPORT_FORMATS = ("docx", "html", "json", "md")
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I


class StoreUnavailable(RuntimeError):
    """The index database could not be reached; nothing was changed."""


class QuotaExceeded(RuntimeError):
    """The data folder's quota (or its disk) has no room for this file."""


@dataclass(frozen=True)
class SessionRecord:
    id: str
    reference: str
    channel: str
    lang: str
    created_at: float
    last_seen_at: float
    wx_openid: str | None = None


@dataclass(frozen=True)
class UploadRecord:
    id: str
    session_id: str
    name: str
    stored: str
    sha256: str
    size: int
    status: str
    created_at: float
    analysis: FileAnalysis | None = None
    materials_override: list[str] | None = None

    @property
    def materials(self) -> list[str]:
        """The material ids of this file: the user's choice if they made one."""
        if self.materials_override is not None:
            return list(self.materials_override)
        return list(self.analysis.materials) if self.analysis else []


@dataclass(frozen=True)
class ReportRecord:
    id: str
    session_id: str
    reference: str
    verdict: str
    formats: dict[str, str] = field(default_factory=dict)
    created_at: float = 0.0


@dataclass(frozen=True)
class HandoffRecord:
    id: str
    session_id: str
    reference: str
    lang: str
    note: str
    created_at: float
    status: str = "new"
    claimed_by: str | None = None
    claimed_at: float | None = None
    closed_at: float | None = None


def new_id() -> str:
    return secrets.token_hex(16)


def new_reference(now: float | None = None) -> str:
    """A reference number a person can read out: GX-YYMMDD-XXXXX."""
    day = datetime.fromtimestamp(now or time.time(), tz=timezone(timedelta(hours=8)))
    tail = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(5))
    return f"GX-{day:%y%m%d}-{tail}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either nothing or all of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


_engines: dict[str, sa.engine.Engine] = {}
_engines_lock = threading.Lock()


def _engine(url: str) -> sa.engine.Engine:
    with _engines_lock:
        eng = _engines.get(url)
        if eng is None:
            if url.startswith("sqlite"):
                eng = sa.create_engine(url, future=True, connect_args={"timeout": 30})

                @sa.event.listens_for(eng, "connect")
                def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                    cur = dbapi_conn.cursor()
                    cur.execute("PRAGMA journal_mode=WAL")
                    cur.execute("PRAGMA synchronous=FULL")
                    cur.close()
            else:
                eng = sa.create_engine(url, future=True, pool_pre_ping=True, pool_size=5,
                                       max_overflow=5)
            _create_tables(eng)
            _engines[url] = eng
        return eng


def _create_tables(eng: sa.engine.Engine, attempts: int = 5) -> None:
    """Create the index tables that do not exist yet.  Several server instances started
    at once on one empty database race to create them; the losers see an error from the
    database (a duplicate type or table) and simply check again."""
    for attempt in range(attempts):
        try:
            _meta.create_all(eng)
            _migrate(eng)
            return
        except (IntegrityError, ProgrammingError, OperationalError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))




def _migrate(eng: sa.engine.Engine) -> None:
    """Add the columns a database made by an earlier release lacks (SQLite and PostgreSQL
    both take ``ALTER TABLE … ADD COLUMN`` with a constant default).  Two instances doing
    it at once: the loser's error is retried by _create_tables, which then finds the
    column there."""
    inspector = sa.inspect(eng)
    for table, columns in _ADDED_COLUMNS.items():
        have = {c["name"] for c in inspector.get_columns(table)}
        for name, ddl in columns.items():
            if name not in have:
                with eng.begin() as conn:
                    conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {name} {ddl}"))
