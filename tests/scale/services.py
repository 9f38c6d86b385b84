"""PostgreSQL and Redis for the tests that need them: availability (skip, or fail under
CI), a fresh database per run, a unique Redis key prefix, and a TCP proxy on loopback that
a test can cut and restore to make the database unreachable for a moment.

``ASSISTANT_TEST_POSTGRES`` (default ``postgresql://postgres@127.0.0.1:5432/test``) names
a database the tests may log in to and create databases from; ``ASSISTANT_TEST_REDIS``
(default ``redis://127.0.0.1:6379/15``) a Redis database they may write keys to.
"""

from __future__ import annotations

import os
import secrets
import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest

POSTGRES_ENV = "ASSISTANT_TEST_POSTGRES"
REDIS_ENV = "ASSISTANT_TEST_REDIS"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"


def postgres_admin_url() -> str:
    return os.environ.get(POSTGRES_ENV, "").strip() or DEFAULT_POSTGRES


def redis_url() -> str:
    return os.environ.get(REDIS_ENV, "").strip() or DEFAULT_REDIS


def _pg_connect(url: str, dbname: str | None = None):  # noqa: ANN202 - a psycopg2 connection
    import psycopg2

    u = urlparse(url)
    return psycopg2.connect(host=u.hostname or "127.0.0.1", port=u.port or 5432,
                            user=u.username or "postgres", password=u.password or None,
                            dbname=dbname or u.path.lstrip("/") or "postgres",
                            connect_timeout=3)


def _postgres_problem() -> str | None:
    try:
        _pg_connect(postgres_admin_url()).close()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not usable here"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL at {_safe(postgres_admin_url())} ({first})"


def _redis_problem() -> str | None:
    import redis

    try:
        client = redis.Redis.from_url(redis_url(), socket_timeout=3, socket_connect_timeout=3)
        client.ping()
        client.close()
        return None
    except Exception as exc:  # noqa: BLE001
        return f"Redis at {_safe(redis_url())} ({exc})"


def _safe(url: str) -> str:
    """The URL without its password."""
    u = urlparse(url)
    if u.password:
        return url.replace(f":{u.password}@", ":***@")
    return url


def require(postgres: bool = True, redis: bool = True) -> None:
    """Skip the test when a service it needs is not running, naming what is missing; a
    failure instead when ``CI=true`` (CI runs these tests on its own services)."""
    missing = [p for p in ((_postgres_problem() if postgres else None),
                           (_redis_problem() if redis else None)) if p]
    if not missing:
        return
    message = "needs " + " and ".join(missing) + (
        f"; set {POSTGRES_ENV} / {REDIS_ENV} to use other servers")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and a service is missing: " + message, pytrace=False)
    pytest.skip(message)


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (``assistant_test_<random>``) for one run, dropped
    at the end; yields its SQLAlchemy URL."""
    admin = postgres_admin_url()
    name = f"assistant_test_{secrets.token_hex(6)}"
    _admin_command(admin, f'CREATE DATABASE "{name}"')
    u = urlparse(admin)
    try:
        yield u._replace(scheme="postgresql", path=f"/{name}").geturl()
    finally:
        _admin_command(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin_command(admin: str, sql: str) -> None:
    """One statement outside a transaction (CREATE and DROP DATABASE need that)."""
    conn = _pg_connect(admin)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def query(url: str, sql: str, *args: object) -> list[tuple]:
    """Rows of one query on the database at ``url``."""
    conn = _pg_connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


@dataclass(frozen=True)
class RedisKeys:
    url: str
    prefix: str  # alphanumeric, as Rasa's RedisLockStore wants it

    def count(self) -> int:
        import redis

        client = redis.Redis.from_url(self.url)
        try:
            return sum(1 for _ in client.scan_iter(f"{self.prefix}:*"))
        finally:
            client.close()


@contextmanager
def redis_prefix() -> Iterator[RedisKeys]:
    """A key prefix of this run's own; its keys are deleted at the end."""
    import redis

    keys = RedisKeys(redis_url(), "assistanttest" + secrets.token_hex(6))
    try:
        yield keys
    finally:
        client = redis.Redis.from_url(keys.url)
        try:
            for key in client.scan_iter(f"{keys.prefix}:*"):
                client.delete(key)
        finally:
            client.close()


class TcpProxy:
    """Forwards a loopback port to ``target``.  :meth:`cut` drops every open connection
    and refuses new ones (as a database host that went away); :meth:`restore` lets them
    through again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.listener], [], [], 0.2)
            if not ready:
                continue
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            if not self._open.is_set():
                _reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=3)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    (b if s is a else a).sendall(data)
        except (OSError, ValueError):  # ValueError: a socket cut() closed meanwhile
            return
        finally:
            _reset(a)
            _reset(b)
            with self._lock:
                if (a, b) in self._pairs:
                    self._pairs.remove((a, b))

    def cut(self) -> None:
        self._open.clear()
        with self._lock:
            pairs = list(self._pairs)
        for a, b in pairs:
            _reset(a)
            _reset(b)

    def restore(self) -> None:
        self._open.set()

    def close(self) -> None:
        self._stop.set()
        self.cut()
        self.listener.close()
        self._thread.join(5)


def _reset(s: socket.socket) -> None:
    """Close with a reset (RST), as a dropped connection looks to its peer."""
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    except OSError:
        pass
    try:
        s.close()
    except OSError:
        pass
