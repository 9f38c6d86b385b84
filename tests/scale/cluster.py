"""Several instances of the assistant on loopback sharing one data folder, one PostgreSQL
database and one Redis (the deployment of docs/deployment.md in miniature), and a small
client of the portal API for the scale-out and fault tests."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.stack import Response, Stack, multipart, request


def shared_env(data_dir: Path, database_url: str | None = None, redis_url: str | None = None,
               redis_prefix: str | None = None, secret: str | None = None) -> dict[str, str]:
    """The environment every instance of one deployment shares."""
    env = {"ASSISTANT_DATA_DIR": str(data_dir),
           "ASSISTANT_SECRET": secret or secrets.token_hex(16)}
    if database_url:
        env["ASSISTANT_DATABASE_URL"] = database_url
    if redis_url:
        env["ASSISTANT_REDIS_URL"] = redis_url
    if redis_prefix:
        env["ASSISTANT_REDIS_PREFIX"] = redis_prefix
    return env


def start_all(stacks: list[Stack]) -> None:
    """Start the instances at the same time, as a deployment's hosts boot; stop them all
    if one fails."""
    errors: list[BaseException] = []

    def start(stack: Stack) -> None:
        try:
            stack.start()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in stacks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(400)
    if errors or any(t.is_alive() for t in threads):
        for s in stacks:
            s.stop()
        raise RuntimeError(f"the instances did not start: {errors}")


@dataclass
class Client:
    """One applicant's session, sent to whichever instance each call names."""

    token: str = ""
    reference: str = ""
    lang: str = "zh"
    sent: list[str] = field(default_factory=list)
    replies: list[list[dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def start(cls, stack: Stack, lang: str = "zh") -> Client:
        r = request("POST", f"{stack.api}/sessions", json_body={"lang": lang})
        assert r.status == 201, r.text
        body = r.json()
        return cls(token=body["token"], reference=body["reference"], lang=lang)

    @property
    def session_id(self) -> str:
        return self.token.split(".")[0]

    def say(self, stack: Stack, text: str, timeout: float = 120) -> list[dict[str, Any]]:
        """Send a message; the bot's reply (checked: a real reply, not "try again")."""
        r = request("POST", f"{stack.api}/messages", token=self.token,
                    json_body={"text": text}, timeout=timeout)
        assert r.status == 200, f"{text!r} → HTTP {r.status}: {r.text[:300]}"
        messages = r.json()["messages"]
        assert messages, f"no reply to {text!r}"
        errors = [m for m in messages if (m.get("custom") or {}).get("error")]
        assert not errors, f"{text!r} → {errors}"
        self.sent.append(text)
        self.replies.append(messages)
        return messages

    def post(self, stack: Stack, text: str, timeout: float = 120) -> Response:
        """Send a message and return the raw response (no checks)."""
        return request("POST", f"{stack.api}/messages", token=self.token,
                       json_body={"text": text}, timeout=timeout)

    def upload(self, stack: Stack, files: list[tuple[str, bytes]]) -> Response:
        body, ctype = multipart(files)
        return request("POST", f"{stack.api}/uploads", token=self.token, data=body,
                       headers={"Content-Type": ctype}, timeout=180)

    def get(self, stack: Stack, path: str) -> Response:
        return request("GET", f"{stack.api}{path}", token=self.token)

    def history(self, stack: Stack) -> list[dict[str, Any]]:
        r = self.get(stack, "/history")
        assert r.status == 200, r.text
        return r.json()["events"]


def text_of(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def turns(events: list[tuple[str, str | None]]) -> list[list[tuple[str, str | None]]]:
    """Stored tracker events ``(type_name, action_name)`` cut into turns, each starting
    at a user message."""
    out: list[list[tuple[str, str | None]]] = []
    for event in events:
        if event[0] == "user" or not out:
            out.append([])
        out[-1].append(event)
    return out


def interleaving(events: list[tuple[str, str | None]]) -> list[str]:
    """What is wrong with the order of one conversation's stored events: every turn must
    be a user message, then the bot's actions, ending with one ``action_listen``."""
    problems = []
    for i, turn in enumerate(turns(events)):
        if turn[0][0] != "user":
            continue  # the session start before the first message
        listens = [j for j, (kind, name) in enumerate(turn)
                   if kind == "action" and name == "action_listen"]
        if listens != [len(turn) - 1]:
            problems.append(f"turn {i}: {turn}")
        elif not any(kind == "bot" for kind, _ in turn):
            problems.append(f"turn {i} has no bot message: {turn}")
    return problems
