"""The running assistant for end-to-end tests: the action server and the Rasa server on
free loopback ports, with their own data folder, started the way `make run` starts them
(scripts/serve.py).  Needs the trained model (models/assistant.tar.gz)."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from scripts.serve import MODEL, Service, Supervisor, services


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    def __init__(self, data_dir: Path, env: dict[str, str] | None = None,
                 rasa_port: int | None = None, actions_port: int | None = None,
                 endpoints: Path | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.rasa_port = rasa_port or free_port()
        self.actions_port = actions_port or free_port()
        self.env = {"ASSISTANT_DATA_DIR": str(self.data_dir), **(env or {})}
        self.log_dir = self.data_dir / "log"
        self.services: list[Service] = services(self.rasa_port, self.actions_port, MODEL,
                                                run_dir=self.log_dir, env=self.env,
                                                endpoints=endpoints)
        self.supervisor = Supervisor(self.services, self.log_dir)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def api(self) -> str:
        return f"{self.base}/portal/api/v1"

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def start(self) -> Stack:
        if not MODEL.exists():
            raise RuntimeError(f"no trained model at {MODEL}: run `make train` first")
        if not self.supervisor.start():
            raise RuntimeError("the assistant did not start:\n" + "\n".join(
                s.log_tail(60) for s in self.services))
        return self

    def stop(self) -> None:
        self.supervisor.stop()

    def kill(self, name: str) -> None:
        """kill -9, as a crash would."""
        s = self.service(name)
        assert s.process is not None
        os.killpg(s.process.pid, signal.SIGKILL)
        s.process.wait(10)

    def restart(self, name: str) -> None:
        s = self.service(name)
        if s.alive():
            s.stop()
        s.start(self.log_dir)
        if not s.wait_ready(time.monotonic() + s.ready_timeout):
            raise RuntimeError(f"{name} did not come back:\n{s.log_tail(60)}")


# -- a small HTTP client ------------------------------------------------------------------


class Response:
    def __init__(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.status = status
        self.body = body
        self.headers = {k.lower(): v for k, v in headers.items()}

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def request(method: str, url: str, *, token: str | None = None, json_body: Any = None,
            data: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 60) -> Response:
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    if json_body is not None:
        data = json.dumps(json_body).encode()
        h["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Response(r.status, r.read(), dict(r.headers))
    except urllib.error.HTTPError as e:
        return Response(e.code, e.read(), dict(e.headers))


def multipart(files: list[tuple[str, bytes]], fields: dict[str, str] | None = None,
              field_name: str = "file") -> tuple[bytes, str]:
    """A multipart/form-data body, as wx.uploadFile and browsers send it."""
    boundary = "----assistant-test-boundary-7MA4YWxkTrZu0gW"
    out = bytearray()
    for k, v in (fields or {}).items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                ).encode()
    for name, content in files:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field_name}\"; "
                f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                ).encode()
        out += content + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def upload(api: str, token: str, files: list[tuple[str, bytes]],
           fields: dict[str, str] | None = None) -> Response:
    body, ctype = multipart(files, fields)
    return request("POST", f"{api}/uploads", token=token, data=body,
                   headers={"Content-Type": ctype}, timeout=120)
