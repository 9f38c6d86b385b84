"""Rate limits: per key and per minute, in memory or in Redis."""

from __future__ import annotations

import asyncio
import os

import pytest

from bot.service.ratelimit import RateLimiter


class Clock:
    def __init__(self, now: float = 6000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def hits(limiter: RateLimiter, key: str, limit: int, n: int) -> list[bool]:
    async def run() -> list[bool]:
        return [(await limiter.hit("messages", key, limit)).allowed for _ in range(n)]
    return asyncio.run(run())


def test_the_limit_holds_per_key_and_resets_next_minute() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    assert hits(limiter, "10.0.0.1", 3, 5) == [True, True, True, False, False]
    assert hits(limiter, "10.0.0.2", 3, 1) == [True]  # another address is not affected
    verdict = asyncio.run(limiter.hit("messages", "10.0.0.1", 3))
    assert not verdict.allowed and 1 <= verdict.retry_after <= 60
    clock.now += 60
    assert hits(limiter, "10.0.0.1", 3, 3) == [True, True, True]


def test_no_limit_means_no_limit() -> None:
    assert all(hits(RateLimiter(), "k", 0, 1000))


def test_a_redis_that_cannot_be_reached_falls_back_to_memory() -> None:
    limiter = RateLimiter("redis://127.0.0.1:1/0", clock=Clock())
    assert hits(limiter, "k", 2, 3) == [True, True, False]


def test_redis_counts_are_shared_between_limiters() -> None:
    url = os.environ.get("ASSISTANT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {url}")
    clock = Clock(float(int(os.urandom(3).hex(), 16) * 60))  # a fresh window
    a, b = RateLimiter(url, clock=clock), RateLimiter(url, clock=clock)
    assert hits(a, "shared", 4, 3) == [True, True, True]
    assert hits(b, "shared", 4, 2) == [True, False]  # two instances, one count
