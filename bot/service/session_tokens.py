"""Session tokens and signed download links.

A token is ``<session id>.<HMAC>``; a download link carries ``exp`` and ``sig`` for one
path.  Both are checked with the same secret on every server instance: the
``ASSISTANT_SECRET`` environment variable, or a random key kept in ``<data_dir>/secret.key``
(created once, readable by the owner only).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

from bot.settings import Settings, get_settings

_cache: dict[str, bytes] = {}


def secret(settings: Settings | None = None) -> bytes:
    settings = settings or get_settings()
    env = os.environ.get("ASSISTANT_SECRET")
    if env:
        return env.encode()
    key_path = Path(settings.data_dir) / "secret.key"
    cached = _cache.get(str(key_path))
    if cached:
        return cached
    key_path.parent.mkdir(parents=True, exist_ok=True)
    if not key_path.exists():
        tmp = key_path.with_name(f".secret-{os.getpid()}-{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, key_path)  # first writer wins; others read its key
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    value = key_path.read_text().strip().encode()
    _cache[str(key_path)] = value
    return value


def _mac(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()[:40]


def issue_token(session_id: str, settings: Settings | None = None) -> str:
    return f"{session_id}.{_mac(secret(settings), 'session:' + session_id)}"


def session_from_token(token: str | None, settings: Settings | None = None) -> str | None:
    """The session id a token was issued for, or None if it is not a valid token."""
    if not token or token.count(".") != 1:
        return None
    session_id, mac = token.split(".")
    if not session_id or not hmac.compare_digest(mac, _mac(secret(settings),
                                                           "session:" + session_id)):
        return None
    return session_id


def sign_path(path: str, ttl_seconds: int = 7 * 86400, settings: Settings | None = None,
              now: float | None = None) -> str:
    """``path`` with ``?exp=…&sig=…`` that lets whoever holds the link GET it until exp."""
    exp = int((now or time.time()) + ttl_seconds)
    return f"{path}?exp={exp}&sig={_mac(secret(settings), f'get:{path}:{exp}')}"


def check_signed(path: str, exp: str | None, sig: str | None, settings: Settings | None = None,
                 now: float | None = None) -> bool:
    if not exp or not sig or not exp.isdigit():
        return False
    if int(exp) < (now or time.time()):
        return False
    return hmac.compare_digest(sig, _mac(secret(settings), f"get:{path}:{exp}"))
