"""Session tokens, signed download links and the conversation id of a session.

A token is ``<session id>.<HMAC>``; a download link carries ``exp`` and ``sig`` for one
path.  The conversation (Rasa's sender id) of a portal or WeChat session is
``p-<session id>-<HMAC>`` (:func:`portal_sender`): knowing a session id does not give its
conversation, and the action server recovers the session only from a sender whose MAC is
right (:func:`session_of_sender`).  The REST channel's senders are ``rest-<id>`` and never
carry a MAC, so they name no session.  Both are checked with the same secret on every server instance: the
``ASSISTANT_SECRET`` environment variable, or a random key kept in ``<data_dir>/secret.key``
(created once, readable by the owner only).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
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


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison that accepts any client text (non-ASCII included)."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"),
                               expected.encode("utf-8"))


_TOKEN = re.compile(r"([0-9a-f]{32})\.([0-9a-f]{40})")
_EXP = re.compile(r"[0-9]{1,12}")
_SIG = re.compile(r"[0-9a-f]{40}")
PORTAL_SENDER = re.compile(r"p-([0-9a-f]{32})-([0-9a-f]{24})")
REST_PREFIX = "rest-"


def portal_sender(session_id: str, settings: Settings | None = None,
                  key: bytes | None = None) -> str:
    """The conversation id (Rasa sender) of a portal or WeChat session (``key``: the
    deployment's secret, when it is not this process's)."""
    return f"p-{session_id}-{_mac(key or secret(settings), 'sender:' + session_id)[:24]}"


def session_of_sender(sender: str | None, settings: Settings | None = None) -> str | None:
    """The session whose conversation this is, or None (a REST or shell conversation, or
    a sender whose MAC is wrong)."""
    m = PORTAL_SENDER.fullmatch(sender or "")
    if m is None:
        return None
    expected = _mac(secret(settings), "sender:" + m.group(1))[:24]
    return m.group(1) if _same(m.group(2), expected) else None


def issue_token(session_id: str, settings: Settings | None = None) -> str:
    return f"{session_id}.{_mac(secret(settings), 'session:' + session_id)}"


def session_from_token(token: str | None, settings: Settings | None = None) -> str | None:
    """The session id a token was issued for, or None if it is not a valid token."""
    m = _TOKEN.fullmatch(token or "")
    if m is None:
        return None
    session_id, mac = m.groups()
    if not _same(mac, _mac(secret(settings), "session:" + session_id)):
        return None
    return session_id


def token_expired(last_seen_at: float, settings: Settings | None = None,
                  now: float | None = None) -> bool:
    """A session token stops working once its session has not been used for
    ``ASSISTANT_TOKEN_DAYS`` (30) days."""
    settings = settings or get_settings()
    return last_seen_at < (now or time.time()) - settings.token_days * 86400


def sign_path(path: str, ttl_seconds: int = 7 * 86400, settings: Settings | None = None,
              now: float | None = None) -> str:
    """``path`` with ``?exp=…&sig=…`` that lets whoever holds the link GET it until exp."""
    exp = int((now or time.time()) + ttl_seconds)
    return f"{path}?exp={exp}&sig={_mac(secret(settings), f'get:{path}:{exp}')}"


def check_signed(path: str, exp: str | None, sig: str | None, settings: Settings | None = None,
                 now: float | None = None) -> bool:
    if not exp or not sig or not _EXP.fullmatch(exp) or not _SIG.fullmatch(sig):
        return False  # "²" is a digit to str.isdigit, not to int()
    if int(exp) < (now or time.time()):
        return False
    return _same(sig, _mac(secret(settings), f"get:{path}:{exp}"))


def same_secret(given: str | None, expected: str) -> bool:
    """A shared token (staff, action server) compared in constant time; False for an
    empty expectation and for any text that is not the token, whatever its characters."""
    return bool(expected) and isinstance(given, str) and _same(given, expected)
