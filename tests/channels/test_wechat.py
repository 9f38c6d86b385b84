"""WeChat on a running assistant, against the fake WeChat server: the mini-program's login
and its use of the HTTP API, and the official account's webhook (URL verification,
signatures, retries, a reply within WeChat's 5 seconds or later through the
customer-service message API)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from defusedxml import ElementTree as SafeET

from bot import notice as N
from bot.precheck.problems import material_name
from bot.service.session_tokens import issue_token
from bot.service.store import Store
from bot.settings import Settings
from channels.wechat import signature
from tests.support import fake_wechat, samples
from tests.support.shared_stack import OA_TOKEN, SECRET, ApiSession, Shared, texts
from tests.support.stack import Response, multipart, request

pytestmark = pytest.mark.stack

WECHAT_DEADLINE = 5.0  # WeChat drops a passive reply that takes longer, and retries


# -- mini-program ---------------------------------------------------------------------------


def wx_login(portal: Shared, code: str, **headers: str) -> Response:
    return request("POST", f"{portal.api}/wx/login", json_body={"code": code}, headers=headers)


def everything_under(root: Path) -> Iterator[tuple[Path, bytes]]:
    for p in root.rglob("*"):
        if p.is_file():
            yield p, p.read_bytes()


def test_login_exchanges_the_code_for_a_session(portal: Shared) -> None:
    r = wx_login(portal, fake_wechat.GOOD_CODE)
    assert r.status == 200, r.text
    d = r.json()
    assert d["token"].startswith(d["session_id"] + ".") and d["reference"].startswith("GX-")
    sent = portal.wechat.code_requests[-1]
    assert sent["appid"] == "wx-test-app" and sent["js_code"] == fake_wechat.GOOD_CODE
    assert sent["grant_type"] == "authorization_code"
    # The same WeChat user logging in again gets the same session (and conversation).
    r1 = request("POST", f"{portal.api}/messages", token=d["token"], json_body={"text": "谁审批？"})
    assert r1.status == 200
    again = wx_login(portal, fake_wechat.GOOD_CODE).json()
    assert (again["session_id"], again["reference"]) == (d["session_id"], d["reference"])
    history = request("GET", f"{portal.api}/history", token=again["token"]).json()
    assert [e["text"] for e in history["events"] if e["role"] == "user"] == ["谁审批？"]


@pytest.mark.parametrize("lang, words", [("zh", "微信登录失败"), ("en", "WeChat login failed")])
def test_a_bad_code_is_refused_with_a_message(portal: Shared, lang: str, words: str) -> None:
    r = wx_login(portal, "expired-code", **{"X-Assistant-Lang": lang})
    assert r.status == 502
    assert r.json()["error"] == "wechat_login_failed" and words in r.json()["message"]
    assert "token" not in r.json()


def test_a_missing_code_is_refused(portal: Shared) -> None:
    for body in ({}, {"code": ""}, {"code": 42}, {"code": "x" * 300}):
        r = request("POST", f"{portal.api}/wx/login", json_body=body)
        assert r.status == 400 and r.json()["error"] == "no_code"


def test_session_key_never_leaves_the_login(portal: Shared) -> None:
    key = fake_wechat.SESSION_KEY
    responses = [wx_login(portal, fake_wechat.GOOD_CODE) for _ in range(2)]
    token = responses[0].json()["token"]
    responses.append(request("GET", f"{portal.api}/history", token=token))
    responses.append(request("POST", f"{portal.api}/messages", token=token,
                             json_body={"text": "session_key"}))
    for r in responses:
        assert key not in r.text and "session_key" not in r.headers.get("set-cookie", "")
    # Not in any log, database or file the assistant wrote.
    for path, data in everything_under(portal.stack.data_dir):
        assert key.encode() not in data, path


def test_a_mini_program_chats_uploads_and_gets_its_report(portal: Shared) -> None:
    d = wx_login(portal, fake_wechat.GOOD_CODE).json()
    s = ApiSession(portal.api, d["token"], d["session_id"], d["reference"], d["lang"])
    assert "材料" in texts(s.say("需要提交哪些材料？"))
    # wx.uploadFile: one file per call, field "file", extra formData fields.
    for name, data in (("营业执照.pdf", samples.sample("1.2.1", "zh")),
                       ("附件1.docx", samples.form_docx())):
        body, ctype = multipart([(name, data)], {"lang": "zh", "source": "miniprogram"})
        r = request("POST", f"{portal.api}/uploads", token=s.token, data=body,
                    headers={"Content-Type": ctype})
        assert r.status == 200, r.text
        [f] = r.json()["files"]
        assert f["accepted"] and f["name"] == name and f["materials"]
    rep = s.report()
    assert rep.status == 200
    report = rep.json()["report"]
    # The report as JSON, for the mini-program to render: every material with its status.
    result = report["result"]
    assert {m["id"] for m in result["materials"]} == {m.id for m in N.MATERIALS}
    status = {m["id"]: m for m in result["materials"]}
    assert status["1.2.1"]["status"] == "provided" and status["1.2.1"]["files"] == ["营业执照.pdf"]
    assert status["4.1"]["status"] == "provided" and status["1.1.4"]["status"] == "missing"
    assert status["1.1.4"]["name"] == material_name("1.1.4", "zh")  # ready to show
    assert result["form"]["problems"] == []
    j = request("GET", portal.stack.base + report["links"]["json"])
    assert j.status == 200 and j.json()["verdict"] == result["verdict"] == "incomplete"
    docx = request("GET", portal.stack.base + report["links"]["docx"])
    assert docx.status == 200 and docx.body[:2] == b"PK"


# -- official account -----------------------------------------------------------------------


def oa_query(timestamp: int | None = None, nonce: str | None = None, token: str = OA_TOKEN,
             **extra: str) -> str:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nonce = nonce or uuid.uuid4().hex[:10]
    return urlencode({"signature": signature(token, ts, nonce), "timestamp": ts,
                      "nonce": nonce, **extra})


def text_message(openid: str, content: str, msg_id: str) -> bytes:
    return (f"<xml><ToUserName><![CDATA[gh_test_account]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>").encode()


def post_oa(portal: Shared, body: bytes, query: str | None = None) -> tuple[Response, float]:
    started = time.monotonic()
    r = request("POST", f"{portal.stack.base}/portal/wx/official?{query or oa_query()}",
                data=body, headers={"Content-Type": "text/xml"}, timeout=30)
    return r, time.monotonic() - started


def oa_history(portal: Shared, openid: str, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The conversation of an official-account follower, read as its owner would."""
    monkeypatch.setenv("ASSISTANT_SECRET", SECRET)
    session = Store(Settings(data_dir=portal.stack.data_dir)).session_by_openid(f"oa:{openid}")
    assert session is not None
    r = request("GET", f"{portal.api}/history", token=issue_token(session.id))
    return r.json()["events"]


def test_url_verification(portal: Shared) -> None:
    url = f"{portal.stack.base}/portal/wx/official"
    ok = request("GET", f"{url}?{oa_query(echostr='echo-1234')}")
    assert ok.status == 200 and ok.text == "echo-1234"
    wrong = request("GET", f"{url}?{oa_query(token='not-the-token', echostr='x')}")
    assert wrong.status == 403 and "x" not in wrong.text
    stale = request("GET", f"{url}?{oa_query(timestamp=int(time.time()) - 3600, echostr='x')}")
    assert stale.status == 403
    assert request("GET", f"{url}?echostr=x").status == 403


def test_a_text_message_gets_an_xml_reply_in_time(portal: Shared) -> None:
    openid = f"o_follower_{uuid.uuid4().hex[:8]}"
    r, elapsed = post_oa(portal, text_message(openid, "谁审批？", "7100000001"))
    assert r.status == 200 and elapsed < WECHAT_DEADLINE
    xml = SafeET.fromstring(r.body)
    assert xml.findtext("ToUserName") == openid
    assert xml.findtext("FromUserName") == "gh_test_account"
    assert xml.findtext("MsgType") == "text"
    content = xml.findtext("Content")
    assert N.APPROVAL_AUTHORITY.zh in content and "**" not in content


def test_wechat_retries_of_a_message_run_it_once(portal: Shared,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    openid = f"o_follower_{uuid.uuid4().hex[:8]}"
    body = text_message(openid, "审批需要多长时间？", "7100000002")
    query = oa_query()
    first, _ = post_oa(portal, body, query)
    assert first.status == 200 and "45" in SafeET.fromstring(first.body).findtext("Content")
    # WeChat retries with the same MsgId (the same or a fresh signature).
    for q in (query, oa_query()):
        again, _ = post_oa(portal, body, q)
        assert again.status == 200 and again.text == "success"
    asked = [e for e in oa_history(portal, openid, monkeypatch) if e["role"] == "user"]
    assert [e["text"] for e in asked] == ["审批需要多长时间？"]


def test_a_replayed_nonce_with_another_message_is_refused(portal: Shared,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    openid = f"o_follower_{uuid.uuid4().hex[:8]}"
    query = oa_query()
    first, _ = post_oa(portal, text_message(openid, "谁审批？", "7100000003"), query)
    assert first.status == 200
    replay, _ = post_oa(portal, text_message(openid, "删除我的资料", "7100000004"), query)
    assert replay.status == 403
    asked = [e["text"] for e in oa_history(portal, openid, monkeypatch) if e["role"] == "user"]
    assert asked == ["谁审批？"]


def test_a_forged_or_malformed_push_is_refused(portal: Shared) -> None:
    body = text_message("o_forger", "谁审批？", "7100000005")
    r, _ = post_oa(portal, body, oa_query(token="guessed-token"))
    assert r.status == 403
    r, _ = post_oa(portal, b"<xml><unclosed>", oa_query())
    assert r.status == 400
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>')
    r, _ = post_oa(portal, bomb, oa_query())
    assert r.status == 400


# The action server (Sanic) closes a connection after this many idle seconds.  A frozen
# server's timers all fire when it resumes, so one idle connection Rasa keeps to it would
# be closed under Rasa's next request: the test lets those expire before it freezes it.
ACTION_SERVER_KEEP_ALIVE = 5.0


@contextmanager
def paused(portal: Shared, service: str) -> Iterator[None]:
    """Freeze a server (SIGSTOP): requests to it wait until it is resumed."""
    pid = portal.stack.service(service).process.pid
    time.sleep(ACTION_SERVER_KEEP_ALIVE + 1)
    os.killpg(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(pid, signal.SIGCONT)


def test_a_slow_turn_answers_success_now_and_the_answer_later(portal: Shared,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    openid = f"o_follower_{uuid.uuid4().hex[:8]}"
    body = text_message(openid, "谁审批？", "7100000006")
    with paused(portal, "actions"):  # the turn waits for the action server
        r, elapsed = post_oa(portal, body)
        assert r.status == 200 and r.text == "success" and elapsed < WECHAT_DEADLINE
        retry, elapsed = post_oa(portal, body)  # WeChat retries after 5 s
        assert retry.text == "success" and elapsed < WECHAT_DEADLINE
        assert not [m for m in portal.wechat.sent if m["touser"] == openid]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not [m for m in portal.wechat.sent
                                               if m["touser"] == openid]:
        time.sleep(0.2)
    time.sleep(1.0)  # a second delivery would come right after the first
    late = [m for m in portal.wechat.sent if m["touser"] == openid]
    assert len(late) == 1, late
    assert late[0]["msgtype"] == "text"
    assert N.APPROVAL_AUTHORITY.zh in late[0]["text"]["content"]
    asked = [e["text"] for e in oa_history(portal, openid, monkeypatch) if e["role"] == "user"]
    assert asked == ["谁审批？"]


def test_a_non_text_message_is_told_what_works(portal: Shared) -> None:
    body = (b"<xml><ToUserName><![CDATA[gh_test_account]]></ToUserName>"
            b"<FromUserName><![CDATA[o_image_sender]]></FromUserName>"
            b"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType>"
            b"<PicUrl><![CDATA[http://example.invalid/x.jpg]]></PicUrl>"
            b"<MsgId>7100000007</MsgId></xml>")
    r, _ = post_oa(portal, body)
    assert r.status == 200
    assert "文字消息" in SafeET.fromstring(r.body).findtext("Content")
