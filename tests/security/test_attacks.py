"""The attacks of issue 11, tried against the running assistant as an attacker on the same
machine would, each refused now.  Every test states the attack, then what must happen."""

from __future__ import annotations

import http.client
import json
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.service.session_tokens import portal_sender
from scripts.serve import ROOT, action_token
from tests.support import samples
from tests.support.shared_stack import (
    MAX_FILES_PER_SESSION,
    SECRET,
    STAFF_TOKEN,
    Shared,
    new_session,
    texts,
)
from tests.support.stack import request

pytestmark = pytest.mark.stack

REST = "/webhooks/rest/webhook"


def rest(portal: Shared, sender: object, message: str, **extra: object):  # noqa: ANN201
    return request("POST", portal.stack.base + REST,
                   json_body={"sender": sender, "message": message, **extra})


def rest_text(r) -> str:  # noqa: ANN001
    return "\n".join(m.get("text") or "" for m in r.json())


# -- critical: path traversal through the sender id ------------------------------------------


def test_a_sender_that_climbs_out_of_the_data_folder_is_refused(portal: Shared,
                                                                tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "keep.txt").write_text("still here")
    data = portal.stack.data_dir.resolve()
    climb = "../" * 12 + str(canary).lstrip("/")
    for sender in (climb, "..", "../", "./x", "a/b", "..\\..", str(canary), "é", "", None, 7,
                   "a" * 65):
        for message in ("/confirm_delete", "/request_report"):
            r = rest(portal, sender, message)
            assert r.status == 400 and r.json()["error"] == "bad_sender", (sender, r.text)
    assert (canary / "keep.txt").read_text() == "still here"
    assert sorted(p.name for p in canary.iterdir()) == ["keep.txt"]  # no report written
    for kept in ("assistant.db", "tracker.db"):
        assert (data / kept).exists()
    # A well-formed REST sender touches no stored file either.
    r = rest(portal, "attacker", "/request_report")
    assert r.status == 200 and "只能在网页聊天或小程序中使用" in rest_text(r)
    assert not (data / "reports" / "attacker").exists()
    assert not (data / "reports" / "rest-attacker").exists()


# -- high: a session id is not enough to act as the applicant --------------------------------


def test_a_session_id_gives_nothing_through_the_rest_channel(portal: Shared) -> None:
    victim = new_session(portal.api)
    assert victim.upload([("cert.pdf", samples.sample("1.1.1", "en"))]).status == 200
    before = victim.get("/history").json()["events"]
    for message in ("还缺什么？", "/request_report", "删除我的资料", "/confirm_delete"):
        r = rest(portal, victim.session_id, message,
                 metadata={"upload_ids": ["x"], "rejected": [{"name": "注入", "code": "x"}]})
        assert r.status == 200
        assert "只能在网页聊天或小程序中使用" in rest_text(r) or message == "还缺什么？"
        assert "cert.pdf" not in rest_text(r)
        assert all("/reports/" not in json.dumps(m) for m in r.json())
    # Nothing reached the applicant: the file is there, no report, the history unchanged.
    assert [f["name"] for f in victim.files()] == ["cert.pdf"]
    assert victim.get("/history").json()["events"] == before
    assert request("GET", f"{portal.api}/staff/reports/{victim.reference}",
                   token=STAFF_TOKEN).status == 404
    # The conversation is stored under a sender only the server can compute.
    sender = portal_sender(victim.session_id, key=SECRET.encode())
    with sqlite3.connect(portal.stack.data_dir / "tracker.db") as db:
        senders = {r[0] for r in db.execute("SELECT DISTINCT sender_id FROM events")}
    assert sender in senders and victim.session_id not in senders
    assert "rest-" + victim.session_id in senders  # the REST attempt lived apart


def test_a_cross_origin_page_cannot_drive_the_rest_channel(portal: Shared) -> None:
    url = portal.stack.base + REST
    body = json.dumps({"sender": "csrf", "message": "谁审批？"}).encode()
    # A form post from another site: text/plain, with that site as Origin.
    r = request("POST", url, data=body, headers={"Content-Type": "text/plain",
                                                 "Origin": "https://evil.example"})
    assert r.status in (403, 415)
    r = request("POST", url, data=body, headers={"Content-Type": "text/plain"})
    assert r.status == 415 and r.json()["error"] == "bad_content_type"
    r = request("POST", url, data=body, headers={"Content-Type": "application/json",
                                                 "Origin": "https://evil.example"})
    assert r.status == 403 and r.json()["error"] == "cross_origin"
    # This machine's own pages and scripts (no Origin) still work.
    ok = request("POST", url, data=body, headers={
        "Content-Type": "application/json", "Origin": f"http://localhost:{portal.stack.rasa_port}"})
    assert ok.status == 200 and ok.json()


def test_the_action_server_refuses_calls_without_the_token(portal: Shared) -> None:
    url = f"http://127.0.0.1:{portal.stack.actions_port}/webhook"
    call = {"next_action": "action_report", "sender_id": "p-" + "0" * 32 + "-" + "0" * 24,
            "tracker": {"sender_id": "x", "slots": {}, "events": [], "latest_message": {},
                        "latest_action_name": "action_listen", "active_loop": {}},
            "domain": {}, "version": "3.6.2"}
    assert request("POST", url, json_body=call).status == 401
    assert request("POST", url, json_body=call,
                   headers={"X-Assistant-Action-Token": "guess"}).status == 401
    conn = http.client.HTTPConnection("127.0.0.1", portal.stack.actions_port, timeout=10)
    conn.putrequest("POST", "/webhook")
    conn.putheader("X-Assistant-Action-Token", "tökén".encode())
    conn.putheader("Content-Length", "2")
    conn.endheaders(b"{}")
    assert conn.getresponse().status == 401
    conn.close()
    ok = request("POST", url, json_body=call,
                 headers={"X-Assistant-Action-Token": action_token()})
    assert ok.status == 200
    # It listens on loopback only.
    out = subprocess.run(["ss", "-ltnH", f"sport = :{portal.stack.actions_port}"],
                         capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        assert all("127.0.0.1:" in line for line in out.stdout.strip().splitlines())


# -- medium: limits that hold ----------------------------------------------------------------


def test_parallel_uploads_never_exceed_the_session_limit(portal: Shared) -> None:
    s = new_session(portal.api)
    batch = [(f"c{i}.pdf", samples.sample("1.1.1", "en")) for i in range(4)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: s.upload(batch), range(4)))
    assert all(r.status == 200 for r in results)
    files = [f for r in results for f in r.json()["files"]]
    assert sum(f["accepted"] for f in files) == MAX_FILES_PER_SESSION
    assert sum("too_many_files" in f["problems"] for f in files) == 16 - MAX_FILES_PER_SESSION
    assert len(s.files()) == MAX_FILES_PER_SESSION
    folder = portal.stack.data_dir / "files" / s.session_id
    assert len([p for p in folder.iterdir() if not p.name.startswith(".")]) == \
        MAX_FILES_PER_SESSION


def _raw_upload(portal: Shared, token: str | None, declared: int, sent: bytes) -> tuple[int, float]:
    """Headers declaring ``declared`` bytes, then only ``sent``: the status, and how long
    the answer took."""
    boundary = "b0undary"
    head = (f"POST /portal/api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {declared}\r\n"
            + (f"Authorization: Bearer {token}\r\n" if token else "") + "\r\n").encode()
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", portal.stack.rasa_port), timeout=10) as sock:
        sock.sendall(head + sent)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]), time.monotonic() - start


def test_a_big_body_is_refused_before_it_is_read(portal: Shared) -> None:
    thirty_mb = 30 * 1024 * 1024
    status, took = _raw_upload(portal, None, thirty_mb, b"x" * 1024)
    assert status == 401 and took < 5  # answered with 1 KB of the 30 MB sent
    s = new_session(portal.api)
    status, took = _raw_upload(portal, s.token, thirty_mb, b"x" * 1024)
    assert status == 413 and took < 5
    # A small request with a big body on another route: refused by size, unread.
    status, _ = _raw_upload(portal, "x", 10 * 1024 * 1024, b"x")
    assert status == 401


def test_rate_limits_answer_429_in_the_users_language(tmp_path: Path) -> None:
    from tests.support.stack import Stack

    stack = Stack(tmp_path / "data", env={"ASSISTANT_RATE_SESSIONS": "3",
                                          "ASSISTANT_RATE_SESSION_MESSAGES": "2"}).start()
    try:
        api = stack.api
        codes = [request("POST", f"{api}/sessions", json_body={"lang": "en"}).status
                 for _ in range(4)]
        assert codes == [201, 201, 201, 429]
        r = request("POST", f"{api}/sessions", json_body={"lang": "en"})
        assert r.status == 429 and "Too many requests" in r.json()["message"]
        assert int(r.headers["retry-after"]) >= 1
        r = request("POST", f"{api}/sessions", headers={"Accept-Language": "zh-CN"})
        assert r.status == 429 and "操作太频繁" in r.json()["message"]
        # Per session: the third message of one session within a minute.
        body = request("POST", stack.base + REST, json_body={"sender": "r1", "message": "谁审批？"})
        assert body.status == 200
        request("POST", stack.base + REST, json_body={"sender": "r1", "message": "谁审批？"})
        r = request("POST", stack.base + REST, json_body={"sender": "r1", "message": "谁审批？"})
        assert r.status == 429
        assert request("POST", stack.base + REST,
                       json_body={"sender": "r2", "message": "谁审批？"}).status == 200
    finally:
        stack.stop()


# -- medium: tokens ----------------------------------------------------------------------------


def test_an_unused_token_expires_and_a_purged_session_is_not_recreated(
        portal: Shared, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.service.store import Store, sessions
    from bot.settings import Settings

    monkeypatch.setenv("ASSISTANT_SECRET", SECRET)
    store = Store(Settings(data_dir=portal.stack.data_dir))
    old, purged = new_session(portal.api), new_session(portal.api)
    assert old.say("谁审批？").status == 200
    with store.engine.begin() as c:
        c.execute(sessions.update().where(sessions.c.id == old.session_id).values(
            last_seen_at=time.time() - 31 * 86400))
    r = old.say("谁审批？")
    assert r.status == 401 and r.json()["error"] == "unauthorized"
    with store.engine.begin() as c:
        c.execute(sessions.update().where(sessions.c.id == purged.session_id).values(
            last_seen_at=time.time() - 400 * 86400))
    store.purge(older_than_days=365)
    assert store.get_session(purged.session_id) is None
    for path in ("/history", "/uploads"):
        assert purged.get(path).status == 401
    assert purged.say("谁审批？").status == 401
    assert purged.upload([("a.pdf", samples.sample("1.1.1", "en"))]).status == 401
    assert store.get_session(purged.session_id) is None  # never re-created


# -- medium: deployment safety -----------------------------------------------------------------


@pytest.mark.parametrize("secret", ["CHANGE-ME-64-random-hex-characters", "short", ""])
def test_placeholder_secrets_stop_the_servers_outside_local_mode(secret: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "ASSISTANT_MODE": "production",
           "ASSISTANT_SECRET": secret, "ASSISTANT_ACTION_TOKEN": "a" * 40}
    out = subprocess.run([sys.executable, "-m", "actions.server", "--port", "1"], env=env,
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 2 and "ASSISTANT_SECRET" in out.stderr
    code = ("from channels.portal import PortalInput\n"
            "try:\n    PortalInput()\nexcept SystemExit as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert "refusing to start" in out.stdout and "ASSISTANT_SECRET" in out.stdout


# -- low: bad input never costs a 5xx ----------------------------------------------------------


def _raw(portal: Shared, method: str, path: str, headers: dict[str, bytes],
         body: bytes = b"") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", portal.stack.rasa_port, timeout=30)
    conn.putrequest(method, path)
    for k, v in headers.items():
        conn.putheader(k, v)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    status = conn.getresponse().status
    conn.close()
    return status


def test_malformed_tokens_links_ids_and_messages_get_4xx(portal: Shared) -> None:
    s = new_session(portal.api)
    link = s.report().json()["report"]["links"]["json"]
    path, _, query = link.partition("?")
    sig = query.split("sig=")[1]
    for exp in ("²", "１２３", "-1", "9" * 40, "1e99"):
        r = request("GET", f"{portal.stack.base}{path}?exp={quote(exp)}&sig={sig}")
        assert 400 <= r.status < 500, (exp, r.status)
    for token in ("é".encode(), "Bearer ²".encode(), b"Bearer \xff\xfe",
                  ("Bearer " + s.token + "é").encode()):
        for route in ("/portal/api/v1/history", "/portal/api/v1/staff/handoffs"):
            status = _raw(portal, "GET", route, {"Authorization": token})
            assert status in (401, 403), (token, route, status)
    assert _raw(portal, "GET", "/portal/api/v1/staff/handoffs",
                {"Authorization": f"Bearer {STAFF_TOKEN}".encode()}) == 200
    for bad_id in ("..%2F..%2Fsecret.key", "..", "%00", "x" * 300):
        assert s.delete(f"/uploads/{bad_id}").status in (400, 404)
        assert s.get(f"/reports/{bad_id}.json").status in (400, 404)
    long = "谁审批？" * 30_000
    start = time.monotonic()
    r = rest(portal, "long", long)
    assert r.status == 413 and time.monotonic() - start < 3
    assert s.say(long).status == 413
    assert texts(s.say("谁审批？"))  # and the session goes on
