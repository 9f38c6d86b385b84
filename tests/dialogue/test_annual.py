"""After approval, in both languages: the 附件2 uploaded in the chat and answered from its
own report, the duties' dates with the calendar link, and the FTZ area's city department."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from bot.dialogue import dispatch as C
from bot.dialogue.dispatch import Turn
from bot.precheck.pipeline import analyse_file
from bot.service.session_tokens import portal_sender
from bot.service.store import Store
from tests.support import annex2gen as g

TODAY = dt.date(2026, 12, 1)


def say(text: str, intent: str | None, lang: str = "zh", values: dict | None = None,
        sender: str = "s1"):
    intent = C.exact_intent(text, intent) or intent
    handler = "answer"
    turn = Turn(intent, text, {}, sender_id=sender)
    out = C.respond(handler, turn, {"language": lang, **(values or {})}, TODAY)
    return "\n".join(r.text for r in out.replies), out


def test_several_assessment_dates_get_each_deadline_the_rule_and_a_calendar_link() -> None:
    text, out = say("我们计划2027年1月15日、2027年3月2日和2027年4月8日在南宁片区鉴定，计划什么时候报？",
                    "ask_assessment_plan")
    assert "2027年1月5日" in text and "2027年2月20日" in text and "2027年3月29日" in text
    assert "按日历日从鉴定日期往前数10天" in text and "《通知》没有规定" in text
    assert "2026年12月31日" in text and "六（四）" in text
    assert "南宁市人力资源社会保障部门" in text and "自由贸易试验区设区市人力资源社会保障部门" in text
    url = out.replies[0].custom["ics"]
    q = parse_qs(urlparse(url).query)
    assert q["dates"] == ["2027-01-15,2027-03-02,2027-04-08"] and q["area"] == ["nanning"]
    assert url in text
    assert out.values["ftz_area"] == "nanning"
    assert "http" not in text.replace(url, "")  # no invented address or site


def test_in_english_and_without_an_area_the_area_is_asked_for() -> None:
    text, out = say("The assessment is on 15 June 2027; when must the plan reach the bureau?",
                    "ask_assessment_plan", "en")
    assert "Saturday 5 June 2027" in text and "calendar days" in text
    assert "does not say whether a weekend or public holiday moves" in text
    assert "In which area" in text and "not yet published the 2027" in text
    assert "duties.ics?dates=2027-06-15" in out.replies[0].custom["ics"]


def test_the_area_is_remembered_and_a_follow_up_names_its_city() -> None:
    text, out = say("钦州港呢", "nlu_fallback")
    assert "钦州港片区" in text and "钦州市人力资源社会保障部门" in text
    assert out.values["ftz_area"] == "qinzhou"
    text, _ = say("Plan for an assessment on 2027-01-20?", "ask_assessment_plan", "en",
                  {"ftz_area": "qinzhou"})
    assert "Qinzhou" in text and "area=qinzhou" in text


@pytest.mark.parametrize(("text", "lang", "place"), [("北海行不行", "zh", "北海"),
                                                     ("我们在桂林，可以开展鉴定吗", "zh", "桂林"),
                                                     ("What about Guilin?", "en", "Guilin")])
def test_a_place_outside_the_ftz_is_told_the_notice_covers_three_areas(text, lang, place) -> None:
    answer, _ = say(text, "ask_operating_area", lang)
    assert place in answer
    if lang == "zh":
        assert "南宁片区、钦州港片区、崇左片区" in answer and "不适用" in answer
    else:
        assert "Nanning Area, Qinzhou Port Area, Chongzuo Area" in answer
    assert "人力资源社会保障部门" not in answer.split("不在其中")[-1]


def test_the_annual_deadline_is_this_december() -> None:
    text, out = say("年度汇总表什么时候交？", "ask_annual_report")
    assert "2026年12月31日" in text and "每年12月底" in text
    assert out.replies[-1].custom["ics"].endswith("year=2026&lang=zh")
    en, _ = say("When is the annual summary due?", "ask_annual_report", "en")
    assert "Thursday 31 December 2026" in en


def test_decision_dates_in_2027_work_in_both_languages() -> None:
    zh, _ = say("如果2026年12月1日收到申请，什么时候出审批决定？", "ask_timing")
    assert "2027年2月3日" in zh and "尚未公布" in zh and "可能变动几天" in zh
    en, _ = say("If it is received on 1 December 2026, when is the decision due?", "ask_timing",
                "en")
    assert "3 February 2027" in en and "may shift by a few days" in en


# --- 附件2 uploaded in the chat --------------------------------------------------------------


def _upload(store: Store, session: str, path: Path) -> str:
    rec = store.add_upload(session, path.name, path.read_bytes(), path.suffix)
    store.set_analysis(rec.id, analyse_file(path, path.name))
    return rec.id


def _feedback(session: str, ids: list[str], lang: str = "zh"):
    turn = Turn(None, "/file_uploaded", {}, sender_id=portal_sender(session),
                metadata={"upload_ids": ids})
    return C.respond("file_feedback", turn, {"language": lang, "ftz_area": "chongzuo"}, TODAY)


def test_an_uploaded_annex2_is_answered_from_its_own_report(store: Store, tmp_path) -> None:
    s = store.create_session("web", "zh")
    bad = g.annex2_pdf(tmp_path / "年度汇总表.pdf", uscc="123", year="2030", work="")
    out = _feedback(s.id, [_upload(store, s.id, bad)])
    text = out.replies[0].text
    assert "附件2" in text and "不是申请材料" in text and "发现 4 处问题" in text
    assert "统一社会信用代码" in text and "2030" in text and "工作情况汇报" in text
    assert "另附，但没有上传" in text or "写明另附" in text
    assert "崇左市" in text
    report = out.replies[0].custom["annex2_report"]
    assert report["problems"] == ["invalid_uscc", "invalid_year", "missing_field", "no_register"]
    assert set(report["links"]) == {"docx", "html", "json"}
    assert not out.replies[0].buttons  # no "which material is this?" for 附件2


def test_a_register_upload_is_counted_against_the_total(store: Store, tmp_path) -> None:
    s = store.create_session("web", "en")
    form = _upload(store, s.id, g.annex2_docx(tmp_path / "annex2.docx"))
    register = _upload(store, s.id, g.register_docx(tmp_path / "名册.docx", 4))
    out = _feedback(s.id, [form, register], "en")
    last = out.replies[1].text
    assert "register has 4 rows" in last and "add up to 5" in last
    store_reports = store.get_report(s.id, out.replies[1].custom["annex2_report"]["id"])
    assert store_reports is not None and store_reports.verdict == "annex2_problems"
