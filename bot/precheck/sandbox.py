"""Parsing hostile files safely: size and zip-bomb checks, and a pool of parser processes.

Every file is parsed in a worker process with a wall-time limit and an address-space
limit (``RLIMIT_AS``).  A worker that hangs is killed, one that crashes (even with a
segmentation fault) or runs out of memory is replaced, and the call that met it gets a
:class:`WorkerFailed` whose ``detail`` is ``timeout``, ``memory`` or ``crash``; the other
files go on being parsed.

Workers are separate interpreters (``python -m bot.precheck.sandbox``) talking over pipes, so
the pool is safe to use from a threaded or asyncio server (call
:meth:`ParserPool.call` through ``run_in_executor``) as well as from the command line,
and never re-runs the caller's main module.  Calls from several threads run in parallel, one per
worker.

Before a file is parsed at all, :func:`preflight` refuses files over the size limit and
zip containers (DOCX) whose entry count or declared inflated size is too large;
:func:`zip_inflated_problem`, run in the worker before the parser, refuses those whose
actual inflated size is too large whatever their directory declares.
"""

from __future__ import annotations

import atexit
import lzma
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.precheck.results import TOO_LARGE, FileProblem
from bot.settings import Limits

# Test hook: "hang:NAME,crash:NAME,memory:NAME" makes the worker misbehave on a file whose
# path contains NAME.  Read only inside the worker, by apply_test_hook().
TEST_HOOK_ENV = "ASSISTANT_PARSER_TEST_HOOK"

TIMEOUT = "timeout"
MEMORY = "memory"
CRASH = "crash"

# Recycle a worker after this many files, so that a slow leak in a parser cannot grow.
_TASKS_PER_WORKER = 200
_START_SECONDS = 120.0  # a worker must import its modules within this time


class WorkerStartError(RuntimeError):
    """A parser worker could not be started: the installation is broken, not the file."""


class WorkerFailed(Exception):
    """The worker met trouble it could not report itself: timeout, memory or crash."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


# ---------------------------------------------------------------------------
# Checks before parsing
# ---------------------------------------------------------------------------


def preflight(path: Path, limits: Limits) -> FileProblem | None:
    """A ``too_large`` problem for a file that must not be parsed at all, else None.

    Cheap: reads the file size and, for a zip container, its directory.
    """
    size = Path(path).stat().st_size
    if size > limits.max_file_bytes:
        return FileProblem(TOO_LARGE, "file_size")
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head in (b"PK\x03\x04", b"PK\x05\x06"):
        return zip_declared_problem(path, limits)
    return None


def _eocd_entries(path: Path) -> int | None:
    """The entry count in a zip's end-of-central-directory record (zip64 aware)."""
    size = Path(path).stat().st_size
    with open(path, "rb") as fh:
        start = max(0, size - (65535 + 22))
        fh.seek(start)
        tail = fh.read()
        pos = tail.rfind(b"PK\x05\x06")
        if pos < 0 or pos + 22 > len(tail):
            return None
        entries = struct.unpack_from("<H", tail, pos + 10)[0]
        if entries != 0xFFFF:
            return entries
        loc = tail.rfind(b"PK\x06\x07", 0, pos)
        if loc < 0 or loc + 20 > len(tail):
            return entries
        offset = struct.unpack_from("<Q", tail, loc + 8)[0]
        fh.seek(offset)
        rec = fh.read(56)
        if len(rec) < 56 or not rec.startswith(b"PK\x06\x06"):
            return entries
        return struct.unpack_from("<Q", rec, 32)[0]


def zip_declared_problem(path: Path, limits: Limits) -> FileProblem | None:
    """``too_large`` when a zip has too many entries or declares too much inflated data."""
    try:
        entries = _eocd_entries(path)
    except OSError:
        return None
    if entries is not None and entries > limits.max_zip_entries:
        return FileProblem(TOO_LARGE, "zip_entries")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None  # not a readable zip: the parser reports it as unreadable
    if len(infos) > limits.max_zip_entries:
        return FileProblem(TOO_LARGE, "zip_entries")
    if sum(i.file_size for i in infos) > limits.max_unzipped_bytes:
        return FileProblem(TOO_LARGE, "zip_declared_size")
    return None


def zip_inflated_problem(path: Path, limits: Limits) -> FileProblem | None:
    """``too_large`` when a zip's entries actually inflate to more than the limit.

    Inflates each entry's compressed bytes in small steps, ignoring the sizes the zip
    declares, and stops as soon as the total passes the limit.
    """
    budget = limits.max_unzipped_bytes
    total = 0
    try:
        with zipfile.ZipFile(path) as zf, open(path, "rb") as fh:
            for info in zf.infolist():
                fh.seek(info.header_offset)
                header = fh.read(30)
                if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
                    continue
                name_len, extra_len = struct.unpack_from("<HH", header, 26)
                fh.seek(info.header_offset + 30 + name_len + extra_len)
                if info.compress_type == zipfile.ZIP_STORED:
                    total += info.compress_size
                elif info.compress_type in (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                                            zipfile.ZIP_LZMA):
                    total += _inflated_size(fh, info.compress_size, budget - total,
                                            info.compress_type)
                else:
                    with zf.open(info) as member:
                        while chunk := member.read(1 << 20):
                            total += len(chunk)
                            if total > budget:
                                break
                if total > budget:
                    return FileProblem(TOO_LARGE, "zip_inflated_size")
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError,
            zlib.error, lzma.LZMAError, EOFError):
        return None  # damaged: the parser reports it as unreadable
    return None


def _decompressor(method: int):
    """A decompressor for a zip entry's data that ignores the sizes the zip declares."""
    if method == zipfile.ZIP_BZIP2:
        import bz2

        return bz2.BZ2Decompressor()
    if method == zipfile.ZIP_LZMA:
        return _ZipLzma()
    return zlib.decompressobj(-15)


class _ZipLzma:
    """LZMA as zip stores it: a 4-byte header and the filter properties, then raw data."""

    def __init__(self) -> None:
        self._head = b""
        self._inner: lzma.LZMADecompressor | None = None
        self.eof = False

    @property
    def needs_input(self) -> bool:
        return self._inner is None or self._inner.needs_input

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        if self._inner is None:
            self._head += data
            if len(self._head) < 4:
                return b""
            size = struct.unpack_from("<H", self._head, 2)[0]
            if len(self._head) < 4 + size:
                return b""
            props = lzma._decode_filter_properties(  # type: ignore[attr-defined]  # as zipfile does
                lzma.FILTER_LZMA1, self._head[4:4 + size])
            self._inner = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[props])
            data = self._head[4 + size:]
        out = self._inner.decompress(data, max_length)
        self.eof = self._inner.eof
        return out


def _inflated_size(fh, compressed: int, budget: int, method: int = zipfile.ZIP_DEFLATED) -> int:
    """How much an entry's ``compressed`` bytes at ``fh`` inflate to, counting no further
    than just past ``budget``."""
    d = _decompressor(method)
    total = 0
    left = compressed
    while left > 0 and total <= budget:
        chunk = fh.read(min(left, 1 << 16))
        if not chunk:
            break
        left -= len(chunk)
        out = d.decompress(chunk, 1 << 20)
        total += len(out)
        while total <= budget and not d.eof:
            more = _more(d)
            if not more:
                break
            total += len(more)
        if d.eof:
            break
    return total


def _more(d) -> bytes:
    """Output a decompressor still holds back from input already given (max_length)."""
    if hasattr(d, "unconsumed_tail"):  # zlib
        tail = d.unconsumed_tail
        return d.decompress(tail, 1 << 20) if tail else b""
    if not d.needs_input:  # bz2, lzma
        return d.decompress(b"", 1 << 20)
    return b""


# ---------------------------------------------------------------------------
# The worker
# ---------------------------------------------------------------------------


def apply_test_hook(path: str | Path) -> None:
    """Misbehave on purpose when the test hook names this file (see TEST_HOOK_ENV).

    Only tests set the variable; it lets them check that a hang, a crash and a memory
    blow-up in the parser are contained.  Called inside the worker only.
    """
    spec = os.environ.get(TEST_HOOK_ENV, "")
    if not spec:
        return
    for item in spec.split(","):
        action, _, needle = item.partition(":")
        if not needle or needle not in str(path):
            continue
        if action == "hang":
            while True:
                time.sleep(1)
        elif action == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif action == "memory":
            hog: list[bytes] = []
            # Grows until the address-space limit stops it; gives up at 4 GiB so that a
            # missing limit shows as a wrong result instead of exhausting the machine.
            while len(hog) < 64:
                hog.append(bytearray(64 << 20))
            hog.clear()


def _serve(read_fd: int, write_fd: int, memory_bytes: int, preload: list[str]) -> None:
    """The worker's loop: receive (function, args, kwargs), send back (status, value)."""
    from multiprocessing.connection import Connection

    if memory_bytes > 0:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        except (ImportError, ValueError, OSError):
            pass
    import importlib

    from bot import logmask

    logmask.install()  # a parser's warnings may quote a document's text
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    for module in preload:
        importlib.import_module(module)
    outbox.send(("ready", None))
    while True:
        try:
            msg = inbox.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            fn, args, kwargs = msg
            reply = ("ok", fn(*args, **kwargs))
        except MemoryError:
            reply = (MEMORY, None)
        except BaseException as exc:  # the parser's own errors are reported, not fatal
            reply = ("error", f"{type(exc).__name__}: {exc}"[:500])
        try:
            outbox.send(reply)
        except MemoryError:
            outbox.send((MEMORY, None))
        if reply[0] == MEMORY:
            return  # the heap may be in a bad state: let a fresh worker take over


class _Worker:
    """One worker process, started as ``python -m bot.precheck.sandbox`` with two pipes.

    A separate interpreter (not a fork) is safe from threaded servers and does not
    re-import the caller's main module.
    """

    def __init__(self, memory_bytes: int, preload: tuple[str, ...]) -> None:
        from multiprocessing.connection import Connection

        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        debug = bool(os.environ.get("ASSISTANT_PARSER_DEBUG"))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.precheck.sandbox", str(to_child_r), str(from_child_w),
                 str(memory_bytes), *preload],
                pass_fds=(to_child_r, from_child_w), env=env, cwd=root,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=None if debug else subprocess.DEVNULL)
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self.inbox = Connection(from_child_r, writable=False)
        self.outbox = Connection(to_child_w, readable=False)
        self.tasks = 0
        try:
            if not self.inbox.poll(_START_SECONDS):
                raise WorkerStartError("the parser worker did not start in time")
            self.inbox.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            raise WorkerStartError("the parser worker exited while starting (run with "
                                   "ASSISTANT_PARSER_DEBUG=1 to see why)") from exc
        except WorkerStartError:
            self.kill()
            raise

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        for conn in (self.inbox, self.outbox):
            try:
                conn.close()
            except OSError:
                pass

    def stop(self) -> None:
        try:
            self.outbox.send(None)
            self.process.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def died_of(self) -> str:
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            return CRASH
        if code == -signal.SIGKILL:
            return MEMORY  # the kernel's out-of-memory killer
        return CRASH


@dataclass
class _Slot:
    worker: _Worker | None = None


class ParserPool:
    """Worker processes that run parsing functions under time and memory limits.

    ``call(fn, *args)`` runs the module-level function ``fn`` in a worker and returns its
    result; it raises :class:`WorkerFailed` on timeout, memory exhaustion or a crash, and
    re-raises the function's own exception as ``RuntimeError``.  Dead workers are
    replaced on the next call.
    """

    def __init__(self, workers: int | None = None, limits: Limits | None = None, *,
                 preload: tuple[str, ...] = ()) -> None:
        self.limits = limits or Limits()
        self.size = max(1, workers or min(2, os.cpu_count() or 1))
        self.preload = preload
        self._slots: queue.Queue[_Slot] = queue.Queue()
        self._all: list[_Slot] = []
        self._closed = False
        for _ in range(self.size):
            slot = _Slot()
            self._all.append(slot)
            self._slots.put(slot)

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None,
             **kwargs: Any) -> Any:
        if self._closed:
            raise RuntimeError("the parser pool is closed")
        timeout = self.limits.parse_seconds if timeout is None else timeout
        slot = self._slots.get()
        try:
            if slot.worker is None or not slot.worker.alive():
                if slot.worker is not None:
                    slot.worker.kill()
                slot.worker = _Worker(self.limits.parse_memory_bytes, self.preload)
            worker = slot.worker
            try:
                worker.outbox.send((fn, args, kwargs))
                ready = worker.inbox.poll(timeout)
            except (OSError, EOFError, BrokenPipeError):
                slot.worker = None
                detail = worker.died_of()
                worker.kill()
                raise WorkerFailed(detail) from None
            if not ready:
                worker.kill()
                slot.worker = None
                raise WorkerFailed(TIMEOUT)
            try:
                status, value = worker.inbox.recv()
            except (EOFError, OSError):
                slot.worker = None
                detail = worker.died_of()
                worker.kill()
                raise WorkerFailed(detail) from None
            worker.tasks += 1
            if status == MEMORY:
                worker.kill()
                slot.worker = None
                raise WorkerFailed(MEMORY)
            if worker.tasks >= _TASKS_PER_WORKER:
                worker.stop()
                slot.worker = None
            if status == "error":
                raise RuntimeError(value)
            return value
        finally:
            self._slots.put(slot)

    def close(self) -> None:
        self._closed = True
        for slot in self._all:
            if slot.worker is not None:
                slot.worker.stop()
                slot.worker = None


_pools: dict[Limits, ParserPool] = {}
_pools_lock = threading.Lock()


def default_pool(limits: Limits | None = None, workers: int | None = None, *,
                 preload: tuple[str, ...] = ()) -> ParserPool:
    """The process-wide pool for ``limits``, created on first use with ``workers``
    processes (default: the ASSISTANT_PARSE_WORKERS setting).  A pool in use is never
    replaced: other threads may be calling it."""
    limits = limits or Limits()
    with _pools_lock:
        pool = _pools.get(limits)
        if pool is None or pool._closed:
            if workers is None:
                from bot.settings import get_settings

                workers = get_settings().parse_workers
            pool = _pools[limits] = ParserPool(workers, limits, preload=preload)
        return pool


@atexit.register
def close_default_pool() -> None:
    """Stop the process-wide pools' workers (they start again on next use)."""
    with _pools_lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
