"""The conversation about the user's own files, on a temporary store: feedback on uploads,
"which material is this?", what is missing, the report, and "delete my data"."""

from __future__ import annotations

import datetime as dt

from bot.dialogue import dispatch as C
from bot.dialogue import uploads as PD
from bot.dialogue.dispatch import Turn
from bot.precheck.problems import material_name
from bot.precheck.results import FileAnalysis, FileProblem, FormCheck, FormProblem
from bot.service.session_tokens import check_signed, portal_sender
from bot.service.store import Store

TODAY = dt.date(2026, 1, 5)


def run(handler: str, session: str, text: str = "", lang: str = "zh", **meta: object):
    turn = Turn(None, text, {}, sender_id=portal_sender(session), metadata=meta)
    return C.respond(handler, turn, {"language": lang}, TODAY)


def choose(session: str, upload: str, material: str, lang: str = "zh"):
    turn = Turn("choose_material", "/choose_material{}",
                {"upload": upload, "material": material}, sender_id=portal_sender(session))
    return C.respond("choose_material", turn, {"language": lang}, TODAY)


def add(store: Store, session: str, name: str, analysis: FileAnalysis) -> str:
    rec = store.add_upload(session, name, b"%PDF-1.4 test", ".pdf")
    store.set_analysis(rec.id, analysis)
    return rec.id


def english_certificate(name: str = "certificate.pdf") -> FileAnalysis:
    return FileAnalysis(name=name, kind="pdf", page_count=1, has_text_layer=True,
                        language="en", materials=["1.1.1"], candidates=[("1.1.1", 0.9)])


def form(name: str, *problems: FormProblem) -> FileAnalysis:
    return FileAnalysis(name=name, kind="docx", page_count=3, has_text_layer=True,
                        language="zh", has_chinese=True, materials=["4.1"],
                        form=FormCheck(file=name, problems=list(problems)))


def test_feedback_names_the_material_language_and_what_to_do(store: Store) -> None:
    s = store.create_session()
    uid = add(store, s.id, "certificate.pdf", english_certificate())
    out = run("file_feedback", s.id, "/file_uploaded", upload_ids=[uid])
    first = out.replies[0].text
    assert "certificate.pdf" in first and f"1.1.1 {material_name('1.1.1', 'zh')}" in first
    assert "英文" in first and "1 页" in first and "中文译本" in first
    assert "1 个文件" in out.replies[-1].text
    assert [b.payload for b in out.replies[-1].buttons] == ["/ask_missing", "/request_report"]


def test_feedback_on_a_form_lists_its_mistakes(store: Store) -> None:
    s = store.create_session()
    problems = [FormProblem("missing_field", "电子邮箱"),
                FormProblem("invalid_mobile", "负责人手机", "12345")]
    uid = add(store, s.id, "附件1.docx", form("附件1.docx", *problems))
    out = run("file_feedback", s.id, "/file_uploaded", upload_ids=[uid])
    text = out.replies[0].text
    assert "“电子邮箱”未填写" in text and "手机号码" in text
    assert out.replies[-1].custom and out.replies[-1].custom["templates"]


def test_feedback_on_a_form_with_many_mistakes_points_to_the_report(store: Store) -> None:
    s = store.create_session()
    problems = [FormProblem("missing_field", f"字段{i}") for i in range(PD.MAX_FORM_LINES + 3)]
    uid = add(store, s.id, "附件1.docx", form("附件1.docx", *problems))
    text = run("file_feedback", s.id, "/file_uploaded", upload_ids=[uid]).replies[0].text
    assert text.count("未填写") == PD.MAX_FORM_LINES
    assert f"有 {PD.MAX_FORM_LINES + 3} 处填写问题" in text


def test_refused_files_are_explained(store: Store) -> None:
    s = store.create_session()
    out = run("file_feedback", s.id, "/file_uploaded", upload_ids=[],
              rejected=[{"name": "old.doc", "code": "unsupported_type", "detail": ".doc"},
                        {"name": "x.pdf", "code": "too_many_files", "detail": "60"}])
    text = out.text
    assert "old.doc" in text and "另存为" in text
    assert "x.pdf" in text and "最多可上传" in text
    assert "没有收到可以检查的文件" in out.replies[-1].text


def test_which_material_then_the_answer_is_recorded(store: Store) -> None:
    s = store.create_session()
    unsure = FileAnalysis(name="letter.pdf", kind="pdf", has_text_layer=True, language="en",
                          candidates=[("2.3", 0.2), ("3.1", 0.1)],
                          problems=[FileProblem("unclassified", "")])
    uid = add(store, s.id, "letter.pdf", unsure)
    out = run("file_feedback", s.id, "/file_uploaded", upload_ids=[uid])
    payloads = [b.payload for b in out.replies[0].buttons]
    assert payloads[:2] == [f'/choose_material{{"upload":"{uid}","material":"2.3"}}',
                            f'/choose_material{{"upload":"{uid}","material":"3.1"}}']
    assert payloads[-2:] == [f'/choose_material{{"upload":"{uid}","material":"other"}}',
                             f'/choose_material{{"upload":"{uid}","material":"none"}}']
    done = choose(s.id, uid, "2.3")
    assert "已记录" in done.text and "2.3" in done.text and "中文译本" in done.text
    assert store.get_upload(s.id, uid).materials == ["2.3"]
    none = choose(s.id, uid, "none")
    assert "不计入" in none.text and store.get_upload(s.id, uid).materials == []
    bogus = choose(s.id, uid, "9.9")
    assert "哪一项材料" in bogus.text and store.get_upload(s.id, uid).materials == []


def test_another_sessions_file_cannot_be_labelled(store: Store) -> None:
    a, b = store.create_session(), store.create_session()
    uid = add(store, a.id, "letter.pdf", FileAnalysis(name="letter.pdf"))
    out = choose(b.id, uid, "2.1")
    assert "找不到这个文件" in out.text
    assert store.get_upload(a.id, uid).materials_override is None


def test_what_is_missing_with_and_without_files(store: Store) -> None:
    s = store.create_session()
    empty = run("missing", s.id, "还缺什么")
    assert "还没有上传文件" in empty.text and material_name("4.3", "zh") in empty.text
    add(store, s.id, "certificate.pdf", english_certificate())
    out = run("missing", s.id, "还缺什么")
    assert "根据已上传的 1 个文件" in out.text
    assert material_name("1.1.4", "zh") in out.text  # still missing
    assert "certificate.pdf" in out.text  # needs its translation
    assert out.replies[0].custom["templates"]  # no registration form yet


def test_the_report_is_stored_with_signed_links(store: Store) -> None:
    s = store.create_session()
    add(store, s.id, "certificate.pdf", english_certificate())
    out = run("report", s.id, "/request_report", lang="en")
    report = out.replies[0].custom["report"]
    assert report["reference"] == s.reference and report["verdict"] == "incomplete"
    rec = store.get_report(s.id, report["id"])
    assert set(rec.formats) == {"docx", "html", "json", "md"}
    assert all(store.path(p).exists() for p in rec.formats.values())
    for link in report["links"].values():
        path, _, query = link.partition("?")
        args = dict(kv.split("=") for kv in query.split("&"))
        assert check_signed(path, args["exp"], args["sig"])
    assert "The pre-check report is ready" in out.text and s.reference in out.text


def test_delete_my_data_asks_first(store: Store) -> None:
    s = store.create_session()
    out = run("delete_request", s.id, "删除我的资料")
    assert "无法恢复" in out.text
    assert [b.payload for b in out.replies[0].buttons] == ["/confirm_delete", "/keep_my_data"]
    en = run("delete_request", s.id, "delete my data", lang="en")
    assert [b.title for b in en.replies[0].buttons] == ["Yes, delete", "Cancel"]


def test_delete_confirmed_removes_files_and_reports_and_says_how_many(store: Store) -> None:
    s, other = store.create_session(), store.create_session()
    add(store, s.id, "a.pdf", english_certificate("a.pdf"))
    add(store, s.id, "b.docx", form("b.docx"))
    keep = add(store, other.id, "c.pdf", english_certificate("c.pdf"))
    report = run("report", s.id, "/request_report").replies[0].custom["report"]
    stored = [store.path(u.stored) for u in store.uploads(s.id)]
    stored += [store.path(p) for p in store.get_report(s.id, report["id"]).formats.values()]
    assert all(p.exists() for p in stored)

    kept = run("delete_cancelled", s.id, "/keep_my_data")
    assert "已保留" in kept.text and len(store.uploads(s.id)) == 2

    store.record_handoff(s.id, s.reference, "zh", "请回电 13800138000")
    out = run("delete_confirmed", s.id, "/confirm_delete")
    assert "您上传的 2 个文件（连同文件名）、1 份预审报告、1 条转人工留言" in out.text
    assert "本次对话的全部记录" in out.text
    assert out.replies[0].custom == {"deleted": {"files": 2, "reports": 1, "handoffs": 1,
                                                 "conversation": True}}
    assert store.handoffs() == []
    assert store.uploads(s.id) == [] and store.get_report(s.id, report["id"]) is None
    assert not any(p.exists() for p in stored)
    assert not (store.data_dir / "files" / s.id).exists()
    assert not (store.data_dir / "reports" / s.id).exists()
    # Another session's files are untouched; the channel forgets the session after the turn.
    assert [u.id for u in store.uploads(other.id)] == [keep]
    again = run("delete_confirmed", s.id, "/confirm_delete", lang="en")
    assert "Deleted: the 0 file(s) you uploaded (names included), 0 pre-check" in again.text


def test_a_conversation_without_a_portal_session_touches_no_file(store: Store) -> None:
    s = store.create_session()
    add(store, s.id, "a.pdf", english_certificate("a.pdf"))
    # The REST channel's conversations, a bare session id, a forged MAC: no session.
    for sender in ("rest-" + s.id, s.id, "rest-demo", "p-" + s.id + "-" + "0" * 24):
        for handler, text in (("delete_confirmed", "/confirm_delete"),
                              ("report", "/request_report"), ("missing", "还缺什么"),
                              ("delete_request", "删除我的资料")):
            turn = Turn(None, text, {}, sender_id=sender)
            out = C.respond(handler, turn, {"language": "zh"}, TODAY)
            assert "只能在网页聊天或小程序中使用" in out.text, (sender, handler)
    assert len(store.uploads(s.id)) == 1 and store.latest_report(s.reference) is None


def test_a_handoff_records_the_reference(store: Store) -> None:
    s = store.create_session()
    out = run("handoff_reference", s.id, "我要找人工")
    assert s.reference in out.text
    [h] = store.handoffs()
    assert (h.reference, h.note, h.session_id) == (s.reference, "我要找人工", s.id)
