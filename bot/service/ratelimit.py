"""Rate limits: how many requests of one kind a client address or a session may make in a
minute.  Counted in Redis when ``ASSISTANT_REDIS_URL`` is set (shared by every server
instance), in this process's memory otherwise.  A Redis that cannot be reached does not
stop the service: the request is counted in memory instead, and the failure logged.

Fixed one-minute windows: a counter per (kind, key, minute) that expires after two.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60
KEY_PREFIX = "assistant:rate"


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the window ends (when refused)


class MemoryCounter:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, int]] = {}  # key -> (window, count)
        self._lock = threading.Lock()

    def incr(self, key: str, window: int) -> int:
        with self._lock:
            w, n = self._counts.get(key, (window, 0))
            n = n + 1 if w == window else 1
            self._counts[key] = (window, n)
            if len(self._counts) > 100_000:  # forget finished windows
                self._counts = {k: v for k, v in self._counts.items() if v[0] >= window}
            return n


class RedisCounter:
    def __init__(self, url: str) -> None:
        import redis.asyncio as aioredis  # type: ignore[import-untyped]

        self._client: Any = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    async def incr(self, key: str, window: int) -> int:
        pipe = self._client.pipeline()
        pipe.incr(key)
        pipe.expire(key, 2 * WINDOW_SECONDS)
        n, _ = await pipe.execute()
        return int(n)


class RateLimiter:
    """``await limiter.hit("messages", address, limit)`` counts one request and says
    whether it is allowed.  A limit of 0 or less means no limit."""

    def __init__(self, redis_url: str = "", clock: Any = time.time) -> None:
        self._memory = MemoryCounter()
        self._redis = RedisCounter(redis_url) if redis_url else None
        self._clock = clock

    async def hit(self, kind: str, key: str, limit: int) -> Verdict:
        if limit <= 0:
            return Verdict(True)
        now = self._clock()
        window = int(now // WINDOW_SECONDS)
        name = f"{KEY_PREFIX}:{kind}:{key}:{window}"
        n = None
        if self._redis is not None:
            try:
                n = await self._redis.incr(name, window)
            except Exception as exc:  # noqa: BLE001 - Redis down: count here instead
                logger.warning("ratelimit.redis_unavailable error=%s", type(exc).__name__)
        if n is None:
            n = self._memory.incr(name, window)
        if n <= limit:
            return Verdict(True)
        retry = max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999))
        logger.warning("ratelimit.refused kind=%s key=%s", kind, key[:16])
        return Verdict(False, retry)
