"""What every route of the project's HTTP channels shares: JSON errors in the user's
language, the bearer token, the request's language, security headers, downloads and the
health check."""

from __future__ import annotations

from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.i18n import t

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
             "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def error(status: int, code: str, lang: str = "zh", **kw: Any) -> HTTPResponse:
    return response.json({"error": code, "message": t(f"api_error_{code}", lang, **kw)},
                         status=status, headers=SECURITY_HEADERS)


async def health(request: Request) -> HTTPResponse:
    """The health check of a channel: it answers, so the server runs."""
    return response.json({"status": "ok"})


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0")


def bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return None


def request_lang(request: Request, default: str = "zh") -> str:
    lang = (request.args.get("lang") or request.headers.get("x-assistant-lang") or "").lower()
    if lang in ("zh", "en"):
        return lang
    accept = request.headers.get("accept-language", "")
    if accept and not accept.lower().startswith("zh") and accept.lower().startswith("en"):
        return "en"
    return default


def is_json(request: Request) -> bool:
    try:
        request.json  # noqa: B018 - parses the body
        return True
    except Exception:
        return False


def download(data: bytes, fmt: str, filename: str) -> HTTPResponse:
    from urllib.parse import quote

    headers = dict(SECURITY_HEADERS)
    disposition = "inline" if fmt in ("html", "json") else "attachment"
    ascii_name = "".join(c if c.isascii() and c.isalnum() or c in ".-_" else "_"
                         for c in filename)
    headers["Content-Disposition"] = (f"{disposition}; filename=\"{ascii_name}\"; "
                                      f"filename*=UTF-8''{quote(filename)}")
    if fmt == "html":
        headers["Content-Security-Policy"] = ("sandbox; default-src 'none'; "
                                              "style-src 'unsafe-inline'; img-src data:")
    return response.raw(data, content_type=CONTENT_TYPES[fmt], headers=headers)




def history(tracker: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if tracker is None:
        return out
    for ev in tracker.events:
        kind = getattr(ev, "type_name", "")
        if kind == "user":
            text = ev.text or ""
            meta = ev.metadata or {}
            if text.startswith("/"):
                if text == "/file_uploaded":
                    out.append({"role": "upload", "timestamp": ev.timestamp,
                                "count": len(meta.get("upload_ids", []))})
                continue
            out.append({"role": "user", "text": text, "timestamp": ev.timestamp})
        elif kind == "bot":
            data = ev.data or {}
            out.append({"role": "bot", "text": ev.text, "buttons": data.get("buttons"),
                        "custom": data.get("custom"), "timestamp": ev.timestamp})
    return out



async def limited(limiter: Any, request: Request, kind: str, per_address: int,
                  session_id: str | None = None, per_session: int = 0,
                  lang: str = "zh") -> HTTPResponse | None:
    """A 429 in the user's language (with Retry-After) when the client's address, or the
    session, is over its limit for ``kind``; None when the request may go on.  The
    address is the peer's, or the proxy's X-Forwarded-For with SANIC_PROXIES_COUNT set."""
    address = request.remote_addr or request.ip or "unknown"
    verdict = await limiter.hit(kind, address, per_address)
    if verdict.allowed and session_id:
        verdict = await limiter.hit(kind + ":s", session_id, per_session)
    if verdict.allowed:
        return None
    resp = error(429, "rate_limited", lang, seconds=verdict.retry_after)
    resp.headers["Retry-After"] = str(verdict.retry_after)
    return resp


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def foreign_origin(request: Request) -> bool:
    """True when a browser says the request comes from a page not on this machine (the
    Origin header names another host).  Scripts and curl send no Origin."""
    from urllib.parse import urlsplit

    origin = request.headers.get("origin")
    if origin is None:
        return False
    try:
        parts = urlsplit(origin)
        host = parts.hostname or ""
    except ValueError:
        return True
    if parts.scheme not in ("http", "https"):
        return True
    return (f"[{host}]" if ":" in host else host) not in LOOPBACK_HOSTS


def json_content_type(request: Request) -> bool:
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    return ctype == "application/json"
