"""Rasa's lock store, chosen by the environment.

Several Rasa server instances that share one tracker store must also share their locks,
or two turns of one conversation could run at once on two instances and interleave.
``ASSISTANT_REDIS_URL`` (``redis://[:password@]host:port/db``) selects Rasa's own
:class:`RedisLockStore`; without it, one instance's in-memory locks are enough and no
service is needed.  ``endpoints.yml`` names this class, so the same file serves both.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlparse

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

ENV_URL = "ASSISTANT_REDIS_URL"
KEY_PREFIX = "gxassistant"


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
            "use_ssl": u.scheme == "rediss", "key_prefix": KEY_PREFIX}


class ConfiguredLockStore(LockStore):
    """Redis locks when ``ASSISTANT_REDIS_URL`` is set, in-memory locks otherwise."""

    def __new__(cls, endpoint_config: Any = None, **_: Any) -> LockStore:  # type: ignore[misc]
        url = os.environ.get(ENV_URL, "").strip()
        if url:
            return RedisLockStore(**redis_settings(url))
        return InMemoryLockStore()
