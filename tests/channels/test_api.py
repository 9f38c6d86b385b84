"""The portal channel's HTTP API on a running assistant: sessions, messages, history,
reports, templates, staff access, authentication and what is not exposed.

Uploads have their own module (test_api_uploads.py); both share one running stack.
"""

from __future__ import annotations

import re
import time

import pytest

from bot import notice as N
from bot.precheck.problems import material_name
from bot.service.session_tokens import sign_path
from tests.support import samples
from tests.support.documents import docx_text
from tests.support.shared_stack import (
    SECRET,
    STAFF_TOKEN,
    ApiSession,
    Shared,
    buttons,
    customs,
    new_session,
    texts,
)
from tests.support.stack import multipart, request

pytestmark = pytest.mark.stack

REFERENCE = re.compile(r"^GX-\d{6}-[2-9A-HJ-NP-Z]{5}$")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# -- sessions -------------------------------------------------------------------------------


def test_a_session_starts_with_a_token_and_a_reference(portal: Shared) -> None:
    r = request("POST", f"{portal.api}/sessions")
    assert r.status == 201
    d = r.json()
    assert REFERENCE.match(d["reference"]) and d["lang"] == "zh"
    assert d["token"].startswith(d["session_id"] + ".")
    en = request("POST", f"{portal.api}/sessions", json_body={"lang": "en"}).json()
    assert en["lang"] == "en" and en["reference"] != d["reference"]
    h = request("GET", f"{portal.api}/history", token=d["token"])
    assert h.status == 200
    assert h.json() == {"reference": d["reference"], "lang": "zh", "events": []}


# -- messages -------------------------------------------------------------------------------


def test_a_chinese_question_gets_a_chinese_answer_citing_the_notice(portal: Shared) -> None:
    s = new_session(portal.api)
    r = s.say("谁审批？")
    assert r.status == 200
    text = texts(r)
    assert N.APPROVAL_AUTHORITY.zh in text and "《通知》" in text
    assert N.APPROVAL_AUTHORITY.en not in text


def test_an_english_question_gets_an_english_answer_citing_the_notice(portal: Shared) -> None:
    s = new_session(portal.api)
    text = texts(s.say("Who approves the application?"))
    assert N.APPROVAL_AUTHORITY.en in text
    assert f"Notice {N.NOTICE.number}" in text
    assert N.APPROVAL_AUTHORITY.zh not in text


def test_what_the_notice_does_not_say_is_not_invented(portal: Shared) -> None:
    s = new_session(portal.api)
    r = s.say("申请要交多少钱？")
    assert "《通知》没有规定" in texts(r)
    assert any(b["payload"] == "/human_handoff" for b in buttons(r))


@pytest.mark.parametrize("lang, empty, too_long", [
    ("zh", "消息不能为空", "消息太长了"),
    ("en", "The message is empty", "The message is too long"),
])
def test_empty_and_too_long_messages_are_refused_in_the_users_language(
        portal: Shared, lang: str, empty: str, too_long: str) -> None:
    s = new_session(portal.api, lang)
    for text in ("", "   \n "):
        r = s.say(text)
        assert r.status == 400 and r.json()["error"] == "empty_message"
        assert empty in r.json()["message"]
    long_text = ("请问需要准备哪些材料？" * 200) if lang == "zh" else (
        "Which materials do we need to prepare? " * 60)
    r = s.say(long_text)
    assert r.status == 413 and r.json()["error"] == "message_too_long"
    assert too_long in r.json()["message"]
    assert s.get("/history").json()["events"] == []  # nothing reached the conversation


def test_a_too_long_message_is_refused_in_the_language_it_is_written_in(portal: Shared) -> None:
    s = new_session(portal.api, "zh")
    r = s.say("Which materials do we need to prepare for the application? " * 40)
    assert r.status == 413 and "too long" in r.json()["message"]


def test_a_body_that_is_not_json_is_refused_clearly(portal: Shared) -> None:
    s = new_session(portal.api)
    r = request("POST", f"{portal.api}/messages", token=s.token, data=b"text=hello",
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 400 and r.json()["error"] == "bad_json"
    assert "JSON" in r.json()["message"]


# -- history --------------------------------------------------------------------------------


def test_history_returns_the_conversation_in_order(portal: Shared) -> None:
    s = new_session(portal.api)
    s.say("谁审批？")
    s.upload([("certificate.pdf", samples.sample("1.1.1", "en"))])
    s.say("删除我的资料")
    s.say("/keep_my_data")
    h = s.get("/history")
    assert h.status == 200
    events = h.json()["events"]
    roles = [e["role"] for e in events]
    assert roles[0] == "user" and events[0]["text"] == "谁审批？"
    assert N.APPROVAL_AUTHORITY.zh in events[1]["text"]
    assert {"role": "upload", "count": 1} == {k: v for k, v in events[roles.index("upload")]
                                            .items() if k in ("role", "count")}
    # The confirmation question keeps its buttons, so a reloaded page can show them.
    with_buttons = [[b["payload"] for b in e["buttons"]] for e in events
                    if e["role"] == "bot" and e.get("buttons")]
    assert ["/confirm_delete", "/keep_my_data"] in with_buttons
    # Payloads are not shown as if the user had typed them.
    assert not any(e["role"] == "user" and e["text"].startswith("/") for e in events)
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps)


# -- reports --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reported(portal: Shared) -> tuple[ApiSession, dict]:
    """A session with an English certificate and a registration form with no e-mail, and its
    report."""
    s = new_session(portal.api)
    r = s.upload([("certificate.pdf", samples.sample("1.1.1", "en")),
                  ("附件1 注册表.docx", samples.form_docx(email=""))])
    assert r.status == 200, r.text
    rep = s.report()
    assert rep.status == 200, rep.text
    return s, rep.json()


def test_the_report_gives_a_chat_summary_and_signed_links(reported: tuple[ApiSession, dict]
                                                         ) -> None:
    s, body = reported
    report = body["report"]
    assert report["reference"] == s.reference and report["verdict"] == "incomplete"
    assert set(report["links"]) == {"docx", "html", "json"}
    for fmt, link in report["links"].items():
        assert re.fullmatch(rf"/portal/api/v1/reports/{report['id']}\.{fmt}\?exp=\d+&sig=\w+",
                            link)
    text = "\n".join(m.get("text") or "" for m in body["messages"])
    assert s.reference in text
    assert material_name("1.1.4", "zh") in text  # a missing material, named
    assert "电子邮箱" in text  # the form's mistake
    assert "中文译本" in text  # the English certificate needs a translation
    # The form has a mistake, so the blank forms are offered.
    templates = [c for c in (m.get("custom") for m in body["messages"]) if c and
                 "templates" in c]
    assert {t["kind"] for t in templates[0]["templates"]} == {"annex1", "annex2"}
    assert report["result"]["verdict"] == "incomplete"


def test_the_docx_report_downloads_with_the_session_token(portal: Shared,
                                                          reported: tuple[ApiSession, dict]
                                                          ) -> None:
    s, body = reported
    r = s.get(f"/reports/{body['report']['id']}.docx")
    assert r.status == 200 and r.headers["content-type"] == DOCX_TYPE
    assert "attachment" in r.headers["content-disposition"]
    text = docx_text(r.body)
    assert s.reference in text and material_name("1.1.4", "zh") in text
    assert "电子邮箱" in text


def test_a_signed_link_downloads_without_a_token(portal: Shared,
                                                 reported: tuple[ApiSession, dict]) -> None:
    _, body = reported
    links = body["report"]["links"]
    j = request("GET", portal.stack.base + links["json"])
    assert j.status == 200 and j.json()["verdict"] == "incomplete"
    assert {m["id"]: m["status"] for m in j.json()["materials"]}["1.1.4"] == "missing"
    h = request("GET", portal.stack.base + links["html"])
    assert h.status == 200 and h.headers["content-type"].startswith("text/html")
    assert "sandbox" in h.headers["content-security-policy"]
    assert body["report"]["reference"] in h.text


def test_tampered_expired_and_borrowed_links_are_refused(portal: Shared,
                                                         reported: tuple[ApiSession, dict],
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    _, body = reported
    rid = body["report"]["id"]
    link = body["report"]["links"]["docx"]
    sig = link.rsplit("sig=", 1)[1]
    tampered = link.replace(sig, ("0" if sig[0] != "0" else "1") + sig[1:])
    assert request("GET", portal.stack.base + tampered).status == 401
    # The docx link's signature does not open the HTML report.
    borrowed = link.replace(f"{rid}.docx", f"{rid}.html")
    assert request("GET", portal.stack.base + borrowed).status == 401
    # A later expiry with the old signature does not work either.
    exp = re.search(r"exp=(\d+)", link).group(1)
    assert request("GET", portal.stack.base + link.replace(
        exp, str(int(exp) + 86400))).status == 401
    monkeypatch.setenv("ASSISTANT_SECRET", SECRET)
    expired = sign_path(f"/portal/api/v1/reports/{rid}.docx", ttl_seconds=-60)
    r = request("GET", portal.stack.base + expired)
    assert r.status == 401 and r.json()["error"] == "unauthorized"
    fresh = sign_path(f"/portal/api/v1/reports/{rid}.docx", ttl_seconds=60)
    assert request("GET", portal.stack.base + fresh).status == 200  # the same secret works
    assert request("GET", f"{portal.api}/reports/{rid}.docx").status == 401  # no link, no token


def test_another_sessions_report_is_not_found(portal: Shared,
                                              reported: tuple[ApiSession, dict]) -> None:
    s, body = reported
    rid = body["report"]["id"]
    other = new_session(portal.api)
    r = other.get(f"/reports/{rid}.docx")
    assert r.status == 404 and r.json()["error"] == "not_found"
    assert s.get(f"/reports/{rid}.exe").status == 404
    assert s.get(f"/reports/{'0' * 32}.docx").status == 404
    assert s.get(f"/reports/{rid}.md").status == 200  # the chat summary as Markdown


def test_an_english_session_gets_an_english_report(portal: Shared) -> None:
    s = new_session(portal.api, "en")
    s.upload([("certificate.pdf", samples.sample("1.1.1", "en"))])
    body = s.report().json()
    text = "\n".join(m.get("text") or "" for m in body["messages"])
    assert "The pre-check report is ready" in text
    assert material_name("1.1.4", "en") in text
    doc = docx_text(s.get(f"/reports/{body['report']['id']}.docx").body)
    assert material_name("1.1.4", "en") in doc


# -- templates ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, words", [("annex1", "注册表"), ("annex2", "汇总表")])
def test_blank_annex_forms_download(portal: Shared, kind: str, words: str) -> None:
    r = request("GET", f"{portal.api}/templates/{kind}.docx")
    assert r.status == 200 and r.headers["content-type"] == DOCX_TYPE
    assert "filename*=UTF-8''" in r.headers["content-disposition"]
    assert words in docx_text(r.body)


def test_an_unknown_template_is_not_found(portal: Shared) -> None:
    r = request("GET", f"{portal.api}/templates/annex3.docx")
    assert r.status == 404 and r.json()["error"] == "not_found"


# -- help-desk staff ------------------------------------------------------------------------


def test_staff_open_a_report_by_reference(portal: Shared,
                                          reported: tuple[ApiSession, dict]) -> None:
    s, _ = reported
    r = request("GET", f"{portal.api}/staff/reports/{s.reference}", token=STAFF_TOKEN)
    assert r.status == 200 and r.json()["reference"] == s.reference
    d = request("GET", f"{portal.api}/staff/reports/{s.reference.lower()}.docx",
                token=STAFF_TOKEN)
    assert d.status == 200 and s.reference in docx_text(d.body)
    missing = request("GET", f"{portal.api}/staff/reports/GX-000101-AAAAA", token=STAFF_TOKEN)
    assert missing.status == 404 and "GX-000101-AAAAA" in missing.json()["message"]


@pytest.mark.parametrize("token", [None, "wrong-token", STAFF_TOKEN + "x"])
def test_staff_endpoints_refuse_anyone_else(portal: Shared, reported: tuple[ApiSession, dict],
                                            token: str | None) -> None:
    s, _ = reported
    for path in (f"/staff/reports/{s.reference}", "/staff/handoffs"):
        r = request("GET", f"{portal.api}{path}", token=token)
        assert r.status == 403 and r.json()["error"] == "staff_only"
    # An applicant's own session token is no staff token either.
    r = request("GET", f"{portal.api}/staff/reports/{s.reference}", token=s.token)
    assert r.status == 403


def test_a_handoff_request_is_recorded_with_the_reference(portal: Shared) -> None:
    s = new_session(portal.api)
    before = time.time() - 1
    r = s.say("转人工")
    assert s.reference in texts(r)
    assert any(c.get("reference") == s.reference for c in customs(r))
    h = request("GET", f"{portal.api}/staff/handoffs?since={before}", token=STAFF_TOKEN)
    assert h.status == 200
    mine = [x for x in h.json()["handoffs"] if x["reference"] == s.reference]
    assert len(mine) == 1 and mine[0]["note"] == "转人工" and mine[0]["lang"] == "zh"
    later = request("GET", f"{portal.api}/staff/handoffs?since={time.time() + 60}",
                    token=STAFF_TOKEN)
    assert later.json()["handoffs"] == []
    bad = request("GET", f"{portal.api}/staff/handoffs?since=yesterday", token=STAFF_TOKEN)
    assert bad.status == 400 and bad.json()["error"] == "bad_since"


# -- authentication -------------------------------------------------------------------------


def _calls(api: str) -> list[tuple[str, str, bytes | None, dict[str, str]]]:
    body, ctype = multipart([("a.pdf", b"%PDF-1.4 tiny")])
    return [
        ("POST", f"{api}/messages", b'{"text": "hello"}', {"Content-Type": "application/json"}),
        ("GET", f"{api}/history", None, {}),
        ("POST", f"{api}/uploads", body, {"Content-Type": ctype}),
        ("GET", f"{api}/uploads", None, {}),
        ("DELETE", f"{api}/uploads/{'a' * 32}", None, {}),
        ("POST", f"{api}/reports", None, {}),
        ("GET", f"{api}/reports/{'a' * 32}.docx", None, {}),
    ]


def _bad_tokens(s: ApiSession, other: ApiSession) -> list[str | None]:
    sid, mac = s.token.split(".")
    return [
        None,  # no token
        "",  # empty
        "not-a-token",
        sid,  # the id alone
        f"{sid}.{'0' * len(mac)}",  # forged signature
        f"{sid}.{other.token.split('.')[1]}",  # another session's signature
        f"{other.session_id}.{mac}",  # this signature on another session's id
        f"{s.token}.extra",
    ]


def test_missing_wrong_and_forged_tokens_are_refused_everywhere(portal: Shared) -> None:
    s, other = new_session(portal.api), new_session(portal.api)
    for token in _bad_tokens(s, other):
        for method, url, data, headers in _calls(portal.api):
            r = request(method, url, token=token, data=data, headers=headers)
            assert r.status == 401, (method, url, token, r.status)
            assert r.json()["error"] == "unauthorized"
            assert "会话无效" in r.json()["message"]
    r = request("GET", f"{portal.api}/history", token="nope",
                headers={"X-Assistant-Lang": "en"})
    assert r.status == 401 and "not valid" in r.json()["message"]
    assert s.get("/history").status == 200  # the real token still works


# -- what is not exposed, and what still is ------------------------------------------------


@pytest.mark.parametrize("method, path", [
    ("GET", "/status"),
    ("GET", "/version"),
    ("POST", "/model/parse"),
    ("PUT", "/model"),
    ("GET", "/domain"),
    ("GET", "/conversations/someone/tracker"),
    ("POST", "/conversations/someone/messages"),
    ("POST", "/conversations/someone/trigger_intent"),
])
def test_rasas_http_api_is_not_exposed(portal: Shared, method: str, path: str) -> None:
    data = b'{"text": "hi", "sender": "user", "name": "x"}' if method != "GET" else None
    r = request(method, portal.stack.base + path, data=data,
                headers={"Content-Type": "application/json"})
    assert r.status == 404


def test_the_rest_channel_still_answers(portal: Shared) -> None:
    r = request("POST", f"{portal.stack.base}/webhooks/rest/webhook",
                json_body={"sender": "rest-test", "message": "谁审批？"})
    assert r.status == 200
    assert N.APPROVAL_AUTHORITY.zh in "\n".join(m.get("text", "") for m in r.json())


def test_the_chat_page_is_served_with_a_strict_policy(portal: Shared) -> None:
    r = request("GET", f"{portal.stack.base}/portal/")
    assert r.status == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    js = request("GET", f"{portal.stack.base}/portal/static/app.js")
    assert js.status == 200 and "javascript" in js.headers["content-type"]
    for bad in ("/portal/static/..%2Fchannels%2Fportal.py", "/portal/static/.hidden",
                "/portal/static/..%5Cchannels%5Cportal.py", "/portal/static/missing.js"):
        assert request("GET", portal.stack.base + bad).status == 404, bad
    assert request("GET", f"{portal.api}/health").json() == {"status": "ok"}
