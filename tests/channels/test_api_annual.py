"""After approval, through the HTTP API on a running assistant: a filled 附件2 uploaded with
its register gets its own report (every error at once, DOCX/HTML/JSON), and the duties'
deadlines download as an .ics file."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from icalendar import Calendar

from tests.support import annex2gen as g
from tests.support.shared_stack import Shared, customs, new_session, texts
from tests.support.stack import request

pytestmark = pytest.mark.stack


def test_an_annex2_and_its_register_get_their_own_report(portal: Shared, tmp_path) -> None:
    s = new_session(portal.api)
    form = g.annex2_docx(tmp_path / "附件2.docx", email="contact.example.com", year="2019",
                         issued=[("证书A", "焊工（三级）", "6-18-02-04", "3"),
                                 ("证书B", "", "618-02-04", "两")])
    register = g.register_pdf(tmp_path / "核发证书信息名册.pdf", 4)
    r = s.upload([(form.name, form.read_bytes()), (register.name, register.read_bytes())])
    assert r.status == 200, r.text
    reports = [c["annex2_report"] for c in customs(r) if "annex2_report" in c]
    assert reports, texts(r)
    report = reports[-1]
    assert report["problems"] == ["invalid_email", "invalid_year", "missing_field",
                                  "invalid_occupation_code", "invalid_count",
                                  "register_mismatch"]
    text = texts(r)
    assert "电子邮箱" in text and "2019" in text and "所附名册共 4 行" in text
    j = request("GET", portal.stack.base + report["links"]["json"])
    assert j.status == 200
    body = json.loads(j.body)
    assert body["form"] == "annex2" and body["total_issued"] == 3 and not body["ok"]
    assert body["register_files"] == [{"name": register.name, "rows": 4}]
    d = request("GET", portal.stack.base + report["links"]["docx"])
    assert d.status == 200 and d.body[:2] == b"PK"


def test_an_xlsx_register_is_accepted_and_matches_in_english(portal: Shared, tmp_path) -> None:
    s = new_session(portal.api, "en")
    form = g.annex2_pdf(tmp_path / "annex2.pdf")
    register = g.register_xlsx(tmp_path / "register.xlsx", 5)
    r = s.upload([(form.name, form.read_bytes()), (register.name, register.read_bytes())],
                 {"lang": "en"})
    assert r.status == 200, r.text
    assert all(f["accepted"] for f in r.json()["files"])
    report = [c["annex2_report"] for c in customs(r) if "annex2_report" in c][-1]
    assert report["ok"] and report["problems"] == []
    assert "No problems found" in texts(r) and "register.xlsx (5)" in texts(r)


def test_the_chat_links_an_ics_with_every_deadline(portal: Shared) -> None:
    s = new_session(portal.api)
    r = s.say("我们在崇左片区，鉴定安排在2027年1月15日和2027年3月2日，鉴定计划什么时候报？")
    assert r.status == 200, r.text
    links = [c["ics"] for c in customs(r) if "ics" in c]
    assert links, texts(r)
    assert "2027年1月5日" in texts(r) and "崇左市" in texts(r)
    ics = request("GET", portal.stack.base + links[0])
    headers = {k.lower(): v for k, v in ics.headers.items()}
    assert ics.status == 200 and headers["content-type"].startswith("text/calendar")
    assert "attachment" in headers["content-disposition"]
    events = Calendar.from_ical(ics.body).walk("VEVENT")
    starts = sorted(e.decoded("dtstart").isoformat() for e in events)
    assert starts[-2:] == ["2027-01-05", "2027-02-20"]  # after this year's 附件2 deadline
    assert len(starts) == 3 and starts[0].endswith("-12-31")
    assert any("崇左市" in str(e["description"]) for e in events)


@pytest.mark.parametrize("query", ["dates=2027-13-01", "dates=../../etc/passwd", "area=beihai",
                                   "year=1999", "lang=fr"])
def test_bad_ics_requests_are_a_clear_400(portal: Shared, query: str) -> None:
    r = request("GET", f"{portal.api}/duties.ics?{query}&" +
                urllib.parse.urlencode({"x": "1"}), headers={"Accept-Language": "en"})
    assert r.status == 400 and r.json()["error"].startswith("bad_")
    assert r.json()["message"]


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("zh", "如果2026年12月1日收到申请，什么时候出审批决定？", ("2027年", "尚未公布")),
    ("en", "If the application is received on 2026-12-01, when is the decision due?",
     ("2027", "not yet published")),
])
def test_decision_dates_reaching_2027_are_answered_provisionally(portal: Shared, lang: str,
                                                                 text: str, words) -> None:
    s = new_session(portal.api, lang)
    r = s.say(text)
    assert r.status == 200, r.text
    assert all(w in texts(r) for w in words), texts(r)
