"""One running assistant shared by the API, WeChat and browser tests of a pytest run, and
small helpers to talk to it as the chat page or a mini-program would.

The stack is configured for testing the edges: a small file-size limit, few files per
session, a staff token, WeChat pointed at the fake WeChat server (tests/fake_wechat.py)
and a known signing secret (so a test can make an expired download link).  It starts
once, on first use, and stops at the end of the test run (session-scoped fixtures in
tests/portal and tests/e2e share it).
"""

from __future__ import annotations

import json
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.fake_wechat import FakeWeChat
from tests.support.stack import Response, Stack, multipart, request

SECRET = "test-signing-secret-7f3a9c"
STAFF_TOKEN = "staff-token-for-tests"
MAX_FILE_BYTES = 200_000  # generated fixtures are 3–60 KB
MAX_FILES_PER_SESSION = 8
MAX_FILES_PER_REQUEST = 10  # credentials.yml
WX_APPID = "wx-test-app"
WX_SECRET = "wx-test-secret"
OA_TOKEN = "oa-test-token"


def stack_env(wechat: FakeWeChat) -> dict[str, str]:
    return {
        "ASSISTANT_SECRET": SECRET,
        "ASSISTANT_STAFF_TOKEN": STAFF_TOKEN,
        "ASSISTANT_MAX_FILE_BYTES": str(MAX_FILE_BYTES),
        "ASSISTANT_MAX_FILES_PER_SESSION": str(MAX_FILES_PER_SESSION),
        "ASSISTANT_WX_APPID": WX_APPID,
        "ASSISTANT_WX_SECRET": WX_SECRET,
        "ASSISTANT_WX_API_BASE": wechat.url,
        "ASSISTANT_WX_OA_TOKEN": OA_TOKEN,
        "ASSISTANT_WX_OA_APPID": "wx-test-oa",
        "ASSISTANT_WX_OA_SECRET": "wx-test-oa-secret",
    }


@dataclass
class Shared:
    stack: Stack
    wechat: FakeWeChat
    root: Path

    @property
    def api(self) -> str:
        return self.stack.api


_lock = threading.Lock()
_shared: Shared | None = None
_users = 0


def acquire() -> Shared:
    """The shared stack, started on first use."""
    global _shared, _users
    with _lock:
        if _shared is None:
            root = Path(tempfile.mkdtemp(prefix="assistant-portal-stack-"))
            wechat = FakeWeChat().start()
            stack = Stack(root / "data", env=stack_env(wechat))
            try:
                stack.start()
            except BaseException:
                wechat.stop()
                raise
            _shared = Shared(stack, wechat, root)
        _users += 1
        return _shared


def release() -> None:
    """Stop the stack when its last user is done."""
    global _shared, _users
    with _lock:
        _users -= 1
        if _users == 0 and _shared is not None:
            _shared.stack.stop()
            _shared.wechat.stop()
            _shared = None


# -- talking to it --------------------------------------------------------------------------


@dataclass
class ApiSession:
    """A session of the HTTP API, used the way the chat page and the mini-program use it."""

    api: str
    token: str
    session_id: str
    reference: str
    lang: str
    extra_headers: dict[str, str] = field(default_factory=dict)

    def say(self, text: str, **headers: str) -> Response:
        return request("POST", f"{self.api}/messages", token=self.token,
                       json_body={"text": text}, headers={**self.extra_headers, **headers})

    def upload(self, files: list[tuple[str, bytes]], fields: dict[str, str] | None = None,
               **headers: str) -> Response:
        body, ctype = multipart(files, fields)
        return request("POST", f"{self.api}/uploads", token=self.token, data=body,
                       headers={"Content-Type": ctype, **self.extra_headers, **headers},
                       timeout=120)

    def get(self, path: str, **headers: str) -> Response:
        return request("GET", f"{self.api}{path}", token=self.token,
                       headers={**self.extra_headers, **headers})

    def delete(self, path: str) -> Response:
        return request("DELETE", f"{self.api}{path}", token=self.token,
                       headers=dict(self.extra_headers))

    def report(self) -> Response:
        return request("POST", f"{self.api}/reports", token=self.token,
                       headers=dict(self.extra_headers), timeout=120)

    def files(self) -> list[dict[str, Any]]:
        r = self.get("/uploads")
        assert r.status == 200, r.text
        return r.json()["files"]


def new_session(api: str, lang: str | None = None) -> ApiSession:
    body = {"lang": lang} if lang else None
    r = request("POST", f"{api}/sessions", json_body=body)
    assert r.status == 201, r.text
    d = r.json()
    return ApiSession(api, d["token"], d["session_id"], d["reference"], d["lang"])


def texts(r: Response) -> str:
    """Every text the assistant sent in a response, one per line."""
    return "\n".join(m.get("text") or "" for m in r.json().get("messages", []))


def buttons(r: Response) -> list[dict[str, str]]:
    return [b for m in r.json().get("messages", []) for b in (m.get("buttons") or [])]


def customs(r: Response) -> list[dict[str, Any]]:
    return [m["custom"] for m in r.json().get("messages", []) if m.get("custom")]


def payload_entities(payload: str) -> dict[str, str]:
    """The entities of a button payload such as /choose_material{"upload": …}."""
    start = payload.find("{")
    return json.loads(payload[start:]) if start >= 0 else {}
