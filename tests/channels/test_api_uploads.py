"""Uploads through the portal API on a running assistant: feedback on each file, "which
material is this?", listing, removing and replacing files, and the upload gate (size,
type, count, hostile names), which refuses before anything is parsed."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.precheck.problems import material_name
from bot.service.session_tokens import portal_sender
from tests.support import samples, shared_stack
from tests.support.shared_stack import Shared, buttons, new_session, payload_entities, texts
from tests.support.stack import multipart, request

pytestmark = pytest.mark.stack

STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|docx|jpg|png)$")


def stored_files(portal: Shared, s: shared_stack.ApiSession) -> list[Path]:
    folder = portal.stack.data_dir / "files" / s.session_id
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def messages(r) -> list[dict]:  # noqa: ANN001 - tests.support.stack.Response
    return r.json()["messages"]


# -- feedback -------------------------------------------------------------------------------


def test_one_file_gets_feedback_naming_material_language_and_what_to_do(portal: Shared
                                                                       ) -> None:
    s = new_session(portal.api)
    r = s.upload([("certificate.pdf", samples.sample("1.1.1", "en"))])
    assert r.status == 200, r.text
    [f] = r.json()["files"]
    assert f["accepted"] and f["status"] == "done" and f["name"] == "certificate.pdf"
    assert f["materials"] == ["1.1.1"] and f["language"] == "en"
    assert f["material_names"] == [f"1.1.1 {material_name('1.1.1', 'zh')}"]
    # Only the package shows that the English certificate has no Chinese translation.
    assert f["problems"] == ["untranslated"]
    assert "中文译本" in f["advice"][0]
    first = messages(r)[0]["text"]
    assert "certificate.pdf" in first and "1.1.1" in first
    assert material_name("1.1.1", "zh") in first and "英文" in first
    assert "中文译本" in first  # what to do about it
    assert "1 个文件" in texts(r)  # the running count
    assert [p.name for p in stored_files(portal, s)] == [f"{f['id']}.pdf"]


def test_several_files_in_one_request_each_get_feedback(portal: Shared) -> None:
    s = new_session(portal.api)
    r = s.upload([("incorporation.pdf", samples.sample("1.1.1", "en")),
                  ("incorporation-中文译本.docx", samples.sample("1.1.1", "zh", "docx")),
                  ("附件1.docx", samples.form_docx(email="", head_mobile="12345"))])
    assert r.status == 200, r.text
    files = r.json()["files"]
    assert [f["name"] for f in files] == ["incorporation.pdf", "incorporation-中文译本.docx",
                                          "附件1.docx"]
    assert [f["materials"] for f in files] == [["1.1.1"], ["1.1.1"], ["4.1"]]
    # The original and its translation were paired, so neither is "untranslated".
    assert files[0]["translation"] == "incorporation-中文译本.docx"
    assert files[0]["problems"] == [] and files[1]["language"] == "zh"
    feedback = [m["text"] for m in messages(r) if m.get("text")]
    assert "incorporation.pdf" in feedback[0] and "配对" in feedback[0]
    assert "incorporation-中文译本.docx" in feedback[1]
    # The registration form's own mistakes are in its feedback, each with what to do.
    assert "附件1.docx" in feedback[2] and "电子邮箱" in feedback[2]
    assert "手机号码" in feedback[2] and "请更正" in feedback[2]
    assert "3 个文件" in feedback[-1]
    # The blank forms are offered because the form needs correcting.
    assert any((m.get("custom") or {}).get("templates") for m in messages(r))


def test_feedback_is_in_english_for_an_english_session(portal: Shared) -> None:
    s = new_session(portal.api, "en")
    r = s.upload([("Articles.docx", samples.sample("1.1.2", "en", "docx"))])
    first = messages(r)[0]["text"]
    assert "recognised as" in first and material_name("1.1.2", "en") in first
    assert "English" in first and "Chinese translation" in first
    assert r.json()["files"][0]["material_names"] == [f"1.1.2 {material_name('1.1.2', 'en')}"]


def test_the_upload_form_can_choose_the_language(portal: Shared) -> None:
    s = new_session(portal.api, "zh")
    r = s.upload([("letter.docx", samples.unclassifiable_docx())], {"lang": "en"})
    assert "not recognised" in messages(r)[0]["text"]
    r = s.upload([("letter2.docx", samples.unclassifiable_docx())], {"lang": "xx"})
    assert r.status == 200  # an unknown language is ignored, not an error


def test_an_unsure_file_asks_which_material_with_buttons(portal: Shared) -> None:
    s = new_session(portal.api)
    r = s.upload([("letter.docx", samples.unclassifiable_docx())])
    [f] = r.json()["files"]
    assert f["materials"] == [] and f["problems"] == ["unclassified"]
    assert "letter.docx" in messages(r)[0]["text"] and "哪一项材料" in messages(r)[0]["text"]
    choices = buttons(r)
    answers = {payload_entities(b["payload"])["material"]: b for b in choices
               if b["payload"].startswith("/choose_material")}
    assert {"other", "none"} <= set(answers)
    assert all(payload_entities(b["payload"])["upload"] == f["id"] for b in answers.values())
    # "Something else…" lists every material.
    more = s.say(answers["other"]["payload"])
    listed = {payload_entities(b["payload"])["material"] for b in buttons(more)}
    assert {"1.1.1", "2.1", "4.3", "none"} <= listed
    pick = next(b for b in buttons(more) if payload_entities(b["payload"])["material"] == "2.1")
    done = s.say(pick["payload"])
    assert "已记录" in texts(done) and "2.1" in texts(done)
    assert "中文译本" in texts(done)  # now a material, the English letter needs a translation
    [after] = s.files()
    assert after["materials"] == ["2.1"] and after["confirmed"] is True
    assert after["problems"] == ["untranslated"]


def test_which_material_for_another_sessions_file_changes_nothing(portal: Shared) -> None:
    owner, other = new_session(portal.api), new_session(portal.api)
    r = owner.upload([("letter.docx", samples.unclassifiable_docx())])
    uid = r.json()["files"][0]["id"]
    reply = other.say(f'/choose_material{{"upload": "{uid}", "material": "2.1"}}')
    assert "找不到这个文件" in texts(reply)
    assert owner.files()[0]["materials"] == [] and not owner.files()[0]["confirmed"]


# -- list, delete, replace ------------------------------------------------------------------


def test_list_delete_and_another_sessions_ids(portal: Shared) -> None:
    s, other = new_session(portal.api), new_session(portal.api)
    r = s.upload([("a.pdf", samples.sample("1.1.1", "en")),
                  ("b.docx", samples.sample("1.1.2", "zh", "docx"))])
    a, b = r.json()["files"]
    assert [f["name"] for f in s.files()] == ["a.pdf", "b.docx"]
    assert other.files() == []
    # Another session cannot delete it; it looks exactly like no file.
    r = other.delete(f"/uploads/{a['id']}")
    assert r.status == 404 and r.json()["error"] == "not_found"
    assert [f["id"] for f in s.files()] == [a["id"], b["id"]]
    assert (portal.stack.data_dir / "files" / s.session_id / f"{a['id']}.pdf").exists()
    # The owner can.
    r = s.delete(f"/uploads/{a['id']}")
    assert r.status == 200 and r.json()["removed"] == "a.pdf"
    assert "已删除“a.pdf”" in texts(r) and "1 个文件" in texts(r)
    assert [f["id"] for f in s.files()] == [b["id"]]
    assert [p.name for p in stored_files(portal, s)] == [f"{b['id']}.docx"]
    assert s.delete(f"/uploads/{a['id']}").status == 404
    assert s.delete("/uploads/..%2F..%2Fassistant.db").status == 404
    assert (portal.stack.data_dir / "assistant.db").exists()


def test_a_file_replaces_another(portal: Shared) -> None:
    s = new_session(portal.api)
    old = s.upload([("form-draft.docx", samples.form_docx(email=""))]).json()["files"][0]
    r = s.upload([("form-final.docx", samples.form_docx())], {"replaces": old["id"]})
    assert r.status == 200 and r.json()["replaced"] == "form-draft.docx"
    assert "form-draft.docx" in messages(r)[0]["text"]  # "(replaces …)"
    [f] = s.files()
    assert f["name"] == "form-final.docx" and f["materials"] == ["4.1"] and f["problems"] == []
    assert [p.name for p in stored_files(portal, s)] == [f"{f['id']}.docx"]


def test_a_name_already_used_gets_a_number(portal: Shared) -> None:
    s = new_session(portal.api)
    pdf = samples.sample("1.1.1", "en")
    s.upload([("certificate.pdf", pdf)])
    r = s.upload([("certificate.pdf", pdf)])
    assert r.json()["files"][0]["name"] == "certificate (2).pdf"


# -- the gate -------------------------------------------------------------------------------


def test_an_oversized_file_is_refused_before_parsing(portal: Shared) -> None:
    s = new_session(portal.api)
    big = b"%PDF-1.4\n" + b"0" * shared_stack.MAX_FILE_BYTES
    r = s.upload([("big.pdf", big), ("ok.pdf", samples.sample("1.1.1", "en"))])
    assert r.status == 200
    refused = next(f for f in r.json()["files"] if f["name"] == "big.pdf")
    assert not refused["accepted"] and refused["problems"] == ["too_large"]
    limit_kb = f"{shared_stack.MAX_FILE_BYTES // 1024} KB"
    assert limit_kb in refused["advice"][0]
    assert "big.pdf" in texts(r) and "未接收" in texts(r) and limit_kb in texts(r)
    # Nothing of it was stored; the other file was taken.
    assert [f["name"] for f in s.files()] == ["ok.pdf"]
    assert len(stored_files(portal, s)) == 1


def _raw_post(url: str, token: str, declared: int, first_bytes: bytes, lang: str
              ) -> tuple[int, dict]:
    """POST with a declared body size, sending only its start: the server must answer
    from the headers alone."""
    parts = urlsplit(url)
    head = (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Authorization: Bearer {token}\r\nX-Assistant-Lang: {lang}\r\n"
            "Content-Type: multipart/form-data; boundary=xyz\r\n"
            f"Content-Length: {declared}\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(head + first_bytes)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    header, _, body = data.partition(b"\r\n\r\n")
    status = int(header.split()[1])
    return status, json.loads(body.decode())


@pytest.mark.parametrize("lang, words", [("zh", "太大"), ("en", "too large")])
def test_a_request_over_the_body_limit_is_refused_with_a_clear_message(
        portal: Shared, lang: str, words: str) -> None:
    s = new_session(portal.api)
    declared = shared_stack.MAX_FILE_BYTES * shared_stack.MAX_FILES_PER_REQUEST + (2 << 20)
    status, body = _raw_post(f"{portal.api}/uploads", s.token, declared, b"--xyz\r\n", lang)
    assert status == 413
    assert body["error"] == "request_too_large" and words in body["message"]
    assert s.files() == []


@pytest.mark.parametrize("name, data, words", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, "另存为"),
    ("photo.heic", b"\0\0\0\x18ftypheic" + b"\0" * 200, "图片"),
    ("scan.pdf", b"GIF89a" + b"\0" * 200, "图片"),  # a picture named .pdf
    ("setup.pdf", b"MZ\x90\x00\x03" + b"\0" * 200, "只接受PDF、DOCX文件和JPG、PNG图片"),  # an executable
    ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "只接受PDF、DOCX文件和JPG、PNG图片"),
    ("empty.pdf", b"", "没有内容"),
])
def test_wrong_types_are_refused_with_what_to_do(portal: Shared, name: str, data: bytes,
                                                 words: str) -> None:
    s = new_session(portal.api)
    r = s.upload([(name, data)])
    assert r.status == 200
    [f] = r.json()["files"]
    assert not f["accepted"] and f["problems"][0] in ("unsupported_type", "empty")
    assert words in f["advice"][0]
    assert f"{name}" in texts(r) and words in texts(r)
    assert s.files() == [] and stored_files(portal, s) == []


def test_a_spreadsheet_named_docx_is_refused(portal: Shared) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    s = new_session(portal.api)
    [f] = s.upload([("form.docx", buf.getvalue())]).json()["files"]
    assert not f["accepted"] and f["detail"] == ".xlsx"


HOSTILE_NAMES = [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\Windows\\win.pdf", "win.pdf"),
    ("/tmp/absolute.pdf", "absolute.pdf"),
    ("nul\x00byte.pdf", "nulbyte.pdf"),
    ("invoice\u202efdp.docx", "invoicefdp.docx"),  # right-to-left override
    (".hidden.pdf", "hidden.pdf"),
    ("../", "upload"),
]


def test_path_like_names_are_sanitised_and_files_stored_under_generated_ids(
        portal: Shared) -> None:
    s = new_session(portal.api)
    pdf, docx = samples.sample("1.1.1", "en"), samples.sample("1.1.2", "zh", "docx")
    files = [(raw, docx if clean.endswith(".docx") else pdf) for raw, clean in HOSTILE_NAMES]
    before = {p for p in portal.root.rglob("*")}
    r = s.upload(files)
    assert r.status == 200, r.text
    got = [f["name"] for f in r.json()["files"]]
    assert got == [clean for _, clean in HOSTILE_NAMES]
    assert all(f["accepted"] for f in r.json()["files"])
    shown = texts(r)
    assert "\u202e" not in shown and "\x00" not in shown and "../" not in shown
    stored = stored_files(portal, s)
    assert len(stored) == len(HOSTILE_NAMES)
    assert all(STORED_NAME.match(p.name) for p in stored), [p.name for p in stored]
    # Nothing new appeared anywhere else: not outside the data folder, not beside it.
    new = {p for p in portal.root.rglob("*")} - before
    outside = [p for p in new if p.is_file() and not (
        p.is_relative_to(portal.stack.data_dir / "files" / s.session_id)
        or p.is_relative_to(portal.stack.log_dir)
        or p.parent == portal.stack.data_dir)]  # the databases and their journals
    assert outside == []
    for name in ("passwd.pdf", "win.pdf", "absolute.pdf"):
        assert not list(portal.root.rglob(name))
    assert not Path("/etc/passwd.pdf").exists() and not Path("/tmp/absolute.pdf").exists()


def test_too_many_files_in_one_request(portal: Shared) -> None:
    s = new_session(portal.api)
    pdf = samples.sample("1.1.1", "en")
    r = s.upload([(f"f{i}.pdf", pdf) for i in range(shared_stack.MAX_FILES_PER_REQUEST + 1)])
    assert r.status == 400 and r.json()["error"] == "too_many_files"
    assert str(shared_stack.MAX_FILES_PER_REQUEST) in r.json()["message"]
    assert s.files() == []


def test_too_many_files_in_one_session(portal: Shared) -> None:
    s = new_session(portal.api)
    pdf = samples.sample("1.1.1", "en")
    first = s.upload([(f"f{i}.pdf", pdf) for i in range(shared_stack.MAX_FILES_PER_SESSION - 1)])
    assert all(f["accepted"] for f in first.json()["files"])
    r = s.upload([("last.pdf", pdf), ("one-too-many.pdf", pdf)])
    accepted = {f["name"]: f["accepted"] for f in r.json()["files"]}
    assert accepted == {"last.pdf": True, "one-too-many.pdf": False}
    assert f"最多可上传 {shared_stack.MAX_FILES_PER_SESSION} 个文件" in texts(r)
    assert len(s.files()) == shared_stack.MAX_FILES_PER_SESSION
    # A full session can still replace a file.
    target = s.files()[0]
    r = s.upload([("replacement.pdf", pdf)], {"replaces": target["id"]})
    assert r.json()["files"][0]["accepted"] and r.json()["replaced"] == target["name"]
    assert len(s.files()) == shared_stack.MAX_FILES_PER_SESSION


def test_an_upload_without_a_file_field(portal: Shared) -> None:
    s = new_session(portal.api)
    body, ctype = multipart([("a.pdf", samples.sample("1.1.1", "en"))], field_name="document")
    r = request("POST", f"{portal.api}/uploads", token=s.token, data=body,
                headers={"Content-Type": ctype})
    assert r.status == 400 and r.json()["error"] == "no_file" and "file" in r.json()["message"]
    r = request("POST", f"{portal.api}/uploads", token=s.token, json_body={"file": "x"})
    assert r.status == 400 and r.json()["error"] == "no_file"


# -- delete my data -------------------------------------------------------------------------


@pytest.mark.parametrize("lang, ask", [("zh", "删除我的资料"), ("en", "Please delete my data")])
def test_delete_my_data_through_the_conversation(portal: Shared, lang: str, ask: str) -> None:
    s = new_session(portal.api, lang)
    s.upload([("a.pdf", samples.sample("1.1.1", "en")),
              ("b.docx", samples.sample("1.1.2", "zh", "docx"))])
    rep = s.report().json()["report"]
    report_dir = portal.stack.data_dir / "reports" / s.session_id
    assert len(stored_files(portal, s)) == 2 and len(list(report_dir.iterdir())) == 4

    asked = s.say(ask)
    payloads = [b["payload"] for b in buttons(asked)]
    assert payloads == ["/confirm_delete", "/keep_my_data"]
    kept = s.say("/keep_my_data")
    assert ("已保留" if lang == "zh" else "kept") in texts(kept)
    assert len(s.files()) == 2

    s.say(ask)
    done = s.say("/confirm_delete")
    expected = ("您上传的 2 个文件（连同文件名）、1 份预审报告、0 条转人工留言，以及本次对话的全部记录"
                if lang == "zh" else "the 2 file(s) you uploaded (names included), 1 pre-check "
                "report(s), 0 message(s) to staff, and every message of this conversation")
    assert expected in texts(done)
    assert stored_files(portal, s) == [] and not report_dir.exists()
    assert request("GET", portal.stack.base + rep["links"]["docx"]).status == 404
    # The conversation is gone from the tracker store, and the token opens nothing.
    sender = portal_sender(s.session_id, key=shared_stack.SECRET.encode())
    with sqlite3.connect(portal.stack.data_dir / "tracker.db") as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                          (sender,)).fetchone() == (0,)
    for path in ("/uploads", "/history", f"/reports/{rep['id']}.docx"):
        assert s.get(path).status == 401
    assert s.say("还缺什么？").status == 401
