"""A fake WeChat API server on loopback, for the mini-program login and the
customer-service message API.  Runs in a thread; records what it was sent."""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

GOOD_CODE = "code-ok"
OPENID = "o_fake_openid_123"
SESSION_KEY = "SECRET-session-key-must-never-leak"


@dataclass
class FakeWeChat:
    host: str = "127.0.0.1"
    port: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)
    code_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _app(self) -> web.Application:
        async def jscode2session(request: web.Request) -> web.Response:
            q = dict(request.query)
            self.code_requests.append(q)
            if q.get("js_code") == GOOD_CODE and q.get("appid") == "wx-test-app" and \
                    q.get("secret") == "wx-test-secret":
                body = {"openid": OPENID, "session_key": SESSION_KEY}
            else:
                body = {"errcode": 40029, "errmsg": "invalid code"}
            return web.json_response(body, content_type="text/plain")

        async def token(request: web.Request) -> web.Response:
            self.token_requests += 1
            return web.json_response({"access_token": "AT-1", "expires_in": 7200})

        async def send(request: web.Request) -> web.Response:
            if request.query.get("access_token") != "AT-1":
                return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
            self.sent.append(await request.json())
            return web.json_response({"errcode": 0, "errmsg": "ok"})

        app = web.Application()
        app.router.add_get("/sns/jscode2session", jscode2session)
        app.router.add_get("/cgi-bin/token", token)
        app.router.add_post("/cgi-bin/message/custom/send", send)
        return app

    def start(self) -> FakeWeChat:
        if not self.port:
            with socket.socket() as s:
                s.bind((self.host, 0))
                self.port = s.getsockname()[1]
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            self._runner = web.AppRunner(self._app())
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, self.host, self.port)
            self._loop.run_until_complete(site.start())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop and self._runner:
            fut = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            fut.result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)
