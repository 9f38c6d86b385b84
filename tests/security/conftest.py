"""Fixtures of the attacker's suite: the shared running assistant (tests/support)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import shared_stack


@pytest.fixture(scope="session")
def portal() -> Iterator[shared_stack.Shared]:
    shared = shared_stack.acquire()
    yield shared
    shared_stack.release()
