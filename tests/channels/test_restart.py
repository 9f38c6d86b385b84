"""Nothing is lost when the servers crash: after kill -9 of both servers and a restart, a
session's conversation, files and reports are all there and the conversation goes on.

This module runs its own assistant (it kills it), with the default configuration: no
staff token, so the staff endpoints are closed.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import notice as N
from bot.service.store import Store
from bot.settings import Settings
from tests.support import samples
from tests.support.shared_stack import new_session, texts
from tests.support.stack import Stack, request

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    root = Path(tempfile.mkdtemp(prefix="assistant-restart-"))
    s = Stack(root / "data", env={"ASSISTANT_STAFF_TOKEN": ""}).start()
    try:
        yield s
    finally:
        s.stop()


def test_everything_survives_kill_9_and_restart(stack: Stack) -> None:
    s = new_session(stack.api)
    first = texts(s.say("谁审批？"))
    assert N.APPROVAL_AUTHORITY.zh in first
    r = s.upload([("incorporation.pdf", samples.sample("1.1.1", "en")),
                  ("附件1.docx", samples.form_docx(email=""))])
    assert r.status == 200 and all(f["accepted"] for f in r.json()["files"])
    rep = s.report().json()["report"]
    downloads = {fmt: request("GET", stack.base + link).body
                 for fmt, link in rep["links"].items()}
    history_before = s.get("/history").json()
    files_before = s.files()
    # A file whose parse the crash interrupts: stored and indexed, never analysed.
    store = Store(Settings(data_dir=stack.data_dir))
    interrupted = store.add_upload(s.session_id, "章程.docx",
                                   samples.sample("1.1.2", "zh", "docx"), ".docx")

    stack.kill("rasa")
    stack.kill("actions")
    stack.restart("actions")
    stack.restart("rasa")

    history = s.get("/history")
    assert history.status == 200
    assert history.json() == history_before
    # The interrupted file is read when the server starts again.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and s.files()[-1]["status"] != "done":
        time.sleep(0.5)
    *files_after, reread = s.files()
    assert files_after == files_before
    assert (reread["id"], reread["status"], reread["materials"]) == (interrupted.id, "done",
                                                                     ["1.1.2"])
    for fmt, link in rep["links"].items():
        r = request("GET", stack.base + link)
        assert r.status == 200 and r.body == downloads[fmt], fmt
    assert s.get(f"/reports/{rep['id']}.docx").body == downloads["docx"]
    # The conversation goes on and still knows the files.
    missing = texts(s.say("还缺什么？"))
    assert "根据已上传的 3 个文件" in missing
    assert "incorporation.pdf" in missing  # still needs its translation
    assert "电子邮箱" in missing or "注册表（附件1）有 1 处填写问题" in missing
    again = s.report().json()["report"]
    assert again["id"] != rep["id"] and again["reference"] == s.reference


def test_staff_endpoints_are_closed_without_a_staff_token(stack: Stack) -> None:
    s = new_session(stack.api)
    for token in (None, "", "anything"):
        for path in (f"/staff/reports/{s.reference}", "/staff/handoffs"):
            r = request("GET", f"{stack.api}{path}", token=token)
            assert r.status == 403 and r.json()["error"] == "staff_only"
