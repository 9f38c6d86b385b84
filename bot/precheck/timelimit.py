"""A time limit on a piece of code in a parser worker, by SIGALRM."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OutOfTime(Exception):
    """The code inside :func:`time_limit` used up its seconds."""


@contextmanager
def time_limit(seconds: float, *, inside_other: bool = False) -> Iterator[None]:
    """Raise :class:`OutOfTime` in the code inside after ``seconds``.

    The limit needs the main thread of a process (a parser worker, whose main thread runs
    the analysis); elsewhere, and for ``seconds`` <= 0, the code runs without one.  With
    ``inside_other`` a timer that already runs is left alone and its limit is the one that
    applies (a reader called from within a limited stage); without it this limit replaces
    it."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0 \
            or not hasattr(signal, "setitimer") \
            or (inside_other and signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expired(signum, frame):
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
