"""Failures while applicants are using the assistant: the action server dies in the middle
of a turn, the Rasa server is killed while a large upload is arriving, the database is
unreachable for a moment.  Each time the user gets a clear "try again" in their language,
nothing is half-written, and the session goes on once the service is back.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dialogue.self_check import render_question
from bot.i18n import t
from bot.notice import CONDITIONS
from bot.service.session_tokens import portal_sender
from tests.scale import services
from tests.scale.cluster import Client, interleaving, text_of
from tests.support.stack import Stack, multipart, request

pytestmark = [pytest.mark.stack, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One instance on SQLite (the default), killed and restarted by the tests."""
    s = Stack(tmp_path_factory.mktemp("faults") / "data")
    s.start()
    try:
        yield s
    finally:
        s.stop()


def _queued_requests(port: int) -> int:
    """How many connections to ``port`` on loopback hold bytes the server has not read."""
    n = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, queues = fields[1], fields[3], fields[4]
            if int(local.rsplit(":", 1)[1], 16) == port and state == "01" and \
                    int(queues.split(":")[1], 16) > 0:
                n += 1
    return n


def _turn_in_flight_when_the_action_server_dies(stack: Stack, user: Client, text: str
                                                ) -> list[dict]:
    """Send ``text`` while the action server is frozen; once Rasa's call to it has arrived
    (waiting, unread, in its socket), kill it.  Returns the bot's reply."""
    actions = stack.service("actions")
    assert actions.process is not None
    os.killpg(actions.process.pid, signal.SIGSTOP)
    result: dict[str, object] = {}

    def send() -> None:
        result["response"] = user.post(stack, text)

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.monotonic() + 30
    while _queued_requests(stack.actions_port) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    in_flight = _queued_requests(stack.actions_port) > 0
    stack.kill("actions")  # SIGKILL; a stopped process dies too
    sender.join(60)
    assert in_flight, "the turn never reached the action server"
    r = result["response"]
    assert r.status == 200, r.text  # type: ignore[attr-defined]
    return r.json()["messages"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang, start, answer", [("zh", "我们能申请吗", "是"),
                                                 ("en", "am I eligible?", "yes")])
def test_action_server_killed_mid_turn(stack: Stack, lang: str, start: str, answer: str
                                       ) -> None:
    user = Client.start(stack, lang)
    assert render_question(CONDITIONS[0], lang) in text_of(user.say(stack, start))
    assert render_question(CONDITIONS[1], lang) in text_of(user.say(stack, answer))

    messages = _turn_in_flight_when_the_action_server_dies(stack, user, answer)
    assert [m["text"] for m in messages] == [t("try_again", lang)]
    assert messages[0]["custom"]["error"]

    stack.restart("actions")
    # The answer that got no reply is sent again, and the check goes on from there:
    # nothing of the lost turn was counted twice or skipped.
    assert render_question(CONDITIONS[2], lang) in text_of(user.say(stack, answer))
    assert render_question(CONDITIONS[3], lang) in text_of(user.say(stack, answer))
    history = user.history(stack)
    assert [e["text"] for e in history if e["role"] == "user"] == [start, answer, answer,
                                                                    answer, answer]


def _index_rows(data_dir: Path, session_id: str) -> list[tuple]:
    with sqlite3.connect(data_dir / "assistant.db") as db:
        return db.execute("SELECT id, name, status FROM assistant_uploads WHERE session_id = ?",
                          (session_id,)).fetchall()


def _stored_files(data_dir: Path) -> list[Path]:
    root = data_dir / "files"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def test_rasa_server_killed_mid_upload(stack: Stack, tmp_path: Path) -> None:
    from tests.support.docgen import make_pdf, write_sample

    user = Client.start(stack)
    first = write_sample(tmp_path / "first.pdf", "1.1.1", "zh").read_bytes()
    r = user.upload(stack, [("营业执照.pdf", first)])
    assert r.status == 200 and r.json()["files"][0]["accepted"]
    user.say(stack, "谁审批？")
    before_files = _stored_files(stack.data_dir)
    before_rows = _index_rows(stack.data_dir, user.session_id)
    assert len(before_rows) == 1

    # A large upload (a many-page PDF, padded to ~8 MB) of which only half has arrived.
    big = make_pdf(tmp_path / "big.pdf", [[f"第{i}页 Page {i}"] for i in range(1, 41)]
                   ).read_bytes()
    big += b"\n%" + b"x" * (8_000_000 - len(big)) + b"\n"
    body, ctype = multipart([("large.pdf", big)])
    conn = socket.create_connection(("127.0.0.1", stack.rasa_port), timeout=30)
    head = (f"POST /portal/api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {user.token}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    conn.sendall(head + body[: len(body) // 2])
    time.sleep(0.5)
    stack.kill("rasa")
    try:
        conn.sendall(body[len(body) // 2:])
        reply = conn.recv(4096)
    except OSError:
        reply = b""
    finally:
        conn.close()
    assert not reply.startswith(b"HTTP/1.1 2"), reply[:200]  # an error, never a success

    # Nothing of the interrupted upload anywhere: no file, no temporary part, no index row.
    assert _stored_files(stack.data_dir) == before_files
    assert not list(stack.data_dir.rglob(".part-*"))
    assert _index_rows(stack.data_dir, user.session_id) == before_rows

    stack.restart("rasa")
    # The session, its file and its conversation are all there, and it goes on.
    listed = user.get(stack, "/uploads").json()["files"]
    assert [(f["name"], f["materials"]) for f in listed] == [("营业执照.pdf", ["1.1.1"])]
    assert [e["text"] for e in user.history(stack) if e["role"] == "user"] == ["谁审批？"]
    assert "45" in text_of(user.say(stack, "审批要多久"))
    r = user.upload(stack, [("large.pdf", big)])
    assert r.status == 200 and r.json()["files"][0]["accepted"], r.text[:300]
    assert len(_index_rows(stack.data_dir, user.session_id)) == 2


# -- the database ----------------------------------------------------------------------------


def test_database_briefly_unreachable(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The conversations and the file index on PostgreSQL, reached through a proxy the
    test cuts for a moment (as a database host restarting or a network partition)."""
    from tests.support.docgen import write_sample

    services.require(postgres=True, redis=False)
    root = tmp_path_factory.mktemp("db-fault")
    admin = services.postgres_admin_url()
    host, port = admin.split("@", 1)[1].split("/", 1)[0].rsplit(":", 1)
    with services.fresh_database() as direct_url:
        proxy = services.TcpProxy(host, int(port))
        via_proxy = direct_url.replace(f"@{host}:{port}/", f"@127.0.0.1:{proxy.port}/")
        stack = Stack(root / "data", env={"ASSISTANT_DATABASE_URL": via_proxy})
        try:
            stack.start()
            zh, en = Client.start(stack, "zh"), Client.start(stack, "en")
            zh.say(stack, "谁审批？")
            en.say(stack, "who approves the application?")
            doc = write_sample(root / "a.pdf", "1.1.1", "zh").read_bytes()
            assert zh.upload(stack, [("营业执照.pdf", doc)]).status == 200
            files_before = _stored_files(stack.data_dir)

            proxy.cut()
            r = zh.post(stack, "审批要多久")
            assert r.status == 200
            assert [m["text"] for m in r.json()["messages"]] == [t("try_again", "zh")]
            r = en.post(stack, "how long does the approval take?")
            assert [m["text"] for m in r.json()["messages"]] == [t("try_again", "en")]
            r = zh.upload(stack, [("章程.pdf", doc)])
            assert r.status == 503 and r.json()["message"] == t("api_error_unavailable", "zh")
            r = request("POST", f"{stack.api}/sessions", json_body={"lang": "en"})
            assert r.status == 503 and r.json()["message"] == t("api_error_unavailable", "en")
            assert _stored_files(stack.data_dir) == files_before

            time.sleep(1.0)
            proxy.restore()
            # The very next turn works (pooled connections that died are replaced).
            assert "45" in text_of(zh.say(stack, "审批要多久"))
            assert "45" in text_of(en.say(stack, "how long does the approval take?"))
            listed = zh.get(stack, "/uploads").json()["files"]
            assert [f["name"] for f in listed] == ["营业执照.pdf"]
            assert [e["text"] for e in zh.history(stack) if e["role"] == "user"] == [
                "谁审批？", "审批要多久"]
            for user in (zh, en):
                events = [(r[0], r[1]) for r in services.query(
                    direct_url, "SELECT type_name, action_name FROM events "
                    "WHERE sender_id = %s ORDER BY id", portal_sender(
                        user.session_id,
                        key=(stack.data_dir / "secret.key").read_text().strip().encode()))]
                assert interleaving(events) == []
            assert Client.start(stack, "en").token
        finally:
            stack.stop()
            proxy.close()
