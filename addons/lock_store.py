"""Rasa's lock store, chosen by the environment.

Several Rasa server instances that share one tracker store must also share their locks,
or two turns of one conversation could run at once on two instances and interleave.
``ASSISTANT_REDIS_URL`` (``redis://[:password@]host:port/db``) selects Rasa's own
:class:`RedisLockStore`; without it, one instance's in-memory locks are enough and no
service is needed.  ``endpoints.yml`` names this class, so the same file serves both.
``ASSISTANT_REDIS_PREFIX`` (letters and digits; default ``gxassistant``) prefixes the
keys, so that several deployments (or test runs) can share one Redis database.

Rasa's ticket lock is a value in Redis that each instance reads, changes (a new ticket, a
ticket done) and writes back.  Two instances doing that at the same moment overwrite each
other's change: both hold "the" lock and run two turns of one conversation at once (one
of them is then lost from the stored conversation), or one deletes the lock the other is
waiting on (that turn fails).  :class:`AtomicRedisLockStore` makes each change atomic
with a short Redis mutex per conversation.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlparse

from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore

ENV_URL = "ASSISTANT_REDIS_URL"
ENV_PREFIX = "ASSISTANT_REDIS_PREFIX"
KEY_PREFIX = "gxassistant"


def key_prefix() -> str:
    prefix = os.environ.get(ENV_PREFIX, "").strip() or KEY_PREFIX
    if not prefix.isalnum():
        raise ValueError(f"{ENV_PREFIX} must be letters and digits only, not {prefix!r}")
    return prefix


def redis_settings(url: str) -> dict[str, Any]:
    """RedisLockStore's arguments from a redis:// or rediss:// URL."""
    u = urlparse(url)
    if u.scheme not in ("redis", "rediss") or not u.hostname:
        raise ValueError(f"{ENV_URL} must look like redis://host:6379/1, not {url!r}")
    db = u.path.lstrip("/") or "1"
    if not db.isdigit():
        raise ValueError(f"{ENV_URL}: the database must be a number, not {db!r}")
    return {"host": u.hostname, "port": u.port or 6379, "db": int(db),
            "username": u.username or None, "password": u.password or None,
            "use_ssl": u.scheme == "rediss", "key_prefix": key_prefix()}


class AtomicRedisLockStore(RedisLockStore):
    """:class:`RedisLockStore` whose read-change-write of a ticket lock is atomic."""

    MUTEX_SECONDS = 10.0

    def _mutex(self, conversation_id: str) -> Any:
        return self.red.lock(f"{self.key_prefix}{conversation_id}:mutex",
                             timeout=self.MUTEX_SECONDS, blocking_timeout=self.MUTEX_SECONDS,
                             sleep=0.002)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)


class ConfiguredLockStore(LockStore):
    """Redis locks when ``ASSISTANT_REDIS_URL`` is set, in-memory locks otherwise."""

    def __new__(cls, endpoint_config: Any = None, **_: Any) -> LockStore:  # type: ignore[misc]
        url = os.environ.get(ENV_URL, "").strip()
        if url:
            return AtomicRedisLockStore(**redis_settings(url))
        return InMemoryLockStore()
