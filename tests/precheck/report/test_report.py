"""The four renderings of a pre-check result."""

from __future__ import annotations

import io
import json

import docx
import pytest

from bot.masking import mask_personal_data
from bot.notice import (
    APPROVAL_AUTHORITY,
    DECISION_WORKING_DAYS,
    MATERIALS_BY_ID,
    NOTICE,
    TRANSLATION_RULE,
)
from bot.precheck.problems import file_problem_message, form_problem_message
from bot.precheck.report import render_docx, render_html, render_json, render_markdown
from bot.precheck.report.view import disclaimer
from bot.precheck.results import COMPLETE, MISSING, FileProblem
from tests.support.documents import RAW_BAD_ID, RAW_ID, RAW_MOBILE, docx_text

RAW = (RAW_ID, RAW_BAD_ID, RAW_MOBILE, RAW_MOBILE[:10], "19491231")


def _no_raw_personal_data(text: str) -> None:
    for raw in RAW:
        assert raw not in text, raw


# --- JSON ---------------------------------------------------------------------------


def test_json_follows_the_contract(result):
    data = json.loads(render_json(result))
    assert data["verdict"] == "incomplete"
    assert [m["id"] for m in data["materials"]] == [s.id for s in result.materials]
    for m in data["materials"]:
        assert m["status"] in ("provided", "missing", "problem", "optional")
        assert isinstance(m["files"], list)
    by_name = {f["name"]: f for f in data["files"]}
    art = by_name["Articles of Association.pdf"]
    assert art == {**art, "language": "en", "materials": ["1.1.2"], "problems": ["untranslated"],
                   "translation": None}
    assert by_name["Certificate of Incorporation.pdf"]["translation"] == \
        "公司注册证书（中文译本）.pdf"
    assert data["form"]["file"] == "注册表.docx"
    assert {"code": "invalid_uscc", "field": "统一社会信用代码"}.items() <= \
        data["form"]["problems"][1].items()


def test_json_is_stable_utf8_and_masks_form_values(result):
    text = render_json(result)
    assert text == render_json(result)
    assert "注册表" in text and "\\u" not in text
    form_part = json.dumps(json.loads(text)["form"], ensure_ascii=False)
    _no_raw_personal_data(form_part)


def test_json_without_form_and_with_messages(result):
    result.form = None
    data = json.loads(render_json(result, lang="en"))
    assert data["form"] is None
    assert data["materials"][0]["name"] == MATERIALS_BY_ID["1.1.1"].name.en
    details = data["files"][0]["problem_details"][0]
    assert details["message"] == file_problem_message(FileProblem("no_text"), "en")


# --- Markdown -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_lists_every_gap(result, lang):
    md = render_markdown(result, lang)
    assert ("材料不齐全" if lang == "zh" else "Incomplete") in md
    for status in result.materials:
        if status.status == MISSING:
            m = MATERIALS_BY_ID[status.id]
            assert m.name.get(lang) in md and m.clause.short(lang) in md
    for f in result.files:
        for p in f.problems:
            if p.code == "unclassified":
                continue  # its name holds an ID number: checked masked below
            assert f"`{f.name}`" in md
    assert "`王芳身份证110***********002X.pdf`" in md
    assert TRANSLATION_RULE.get(lang) in md
    for p in result.form.problems:
        message = form_problem_message(p, lang)
        assert message.replace("*", "\\*") in md
    assert f"{DECISION_WORKING_DAYS}" in md
    assert disclaimer(lang).replace("*", "\\*") in md
    _no_raw_personal_data(md)


def test_markdown_of_a_complete_package(complete_result):
    md = render_markdown(complete_result, "zh")
    assert "材料齐全" in md and "不齐全" not in md
    assert "缺少的材料" not in md
    assert "未发现问题" in md


def test_markdown_without_form_says_so(result):
    result.form = None
    md = render_markdown(result, "zh")
    assert "未能从中读出表格内容" in md  # 4.1 was supplied but the form was not read
    for s in result.materials:
        if s.id == "4.1":
            s.status, s.files = MISSING, []
    assert "未找到注册表（附件1）" in render_markdown(result, "zh")


# --- HTML -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_is_a_standalone_escaped_printable_page(result, lang):
    page = render_html(result, lang)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "@media print" in page and "@page" in page
    assert "<b>考务</b>" not in page and "&lt;b&gt;考务&lt;/b&gt;" in page
    assert "http://" not in page and "https://" not in page  # no external resources
    assert ("材料不齐全" if lang == "zh" else "Incomplete") in page
    assert MATERIALS_BY_ID["1.1.4"].name.get(lang) in page
    assert f"{DECISION_WORKING_DAYS}" in page
    _no_raw_personal_data(page)


# --- DOCX -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_docx_report_reads_well(result, lang):
    text = docx_text(render_docx(result, lang))
    assert NOTICE.number in text and "YS-2024-0042" in text
    assert ("材料不齐全" if lang == "zh" else "Incomplete") in text
    for status in result.materials:
        m = MATERIALS_BY_ID[status.id]
        assert m.name.get(lang) in text  # every material, by its name in the notice
    assert (f"{DECISION_WORKING_DAYS}个工作日" if lang == "zh"
            else f"{DECISION_WORKING_DAYS} working days") in text
    assert APPROVAL_AUTHORITY.get(lang) in text
    assert disclaimer(lang) in text
    assert ("预审" if lang == "zh" else "pre-check") in disclaimer(lang)
    assert TRANSLATION_RULE.get(lang) in text
    for p in result.form.problems:
        assert mask_personal_data(form_problem_message(p, lang)) in text
    assert file_problem_message(FileProblem("no_text"), lang) in text
    _no_raw_personal_data(text)


def test_docx_report_groups_materials_by_category(result):
    document = docx.Document(io.BytesIO(render_docx(result, "zh")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "编号")
    firsts = [row.cells[0].text for row in table.rows[1:]]
    assert firsts[0].startswith("三（一）")
    assert [f for f in firsts if f.startswith("三（")] == \
        ["三（一） 机构资信证明类文件", "三（二） 申请注册职业资格的专业技术类文件",
         "三（三） 考试组织实施类文件", "三（四） 其他材料"]
    missing = [row for row in table.rows if row.cells[0].text == "1.1.4"][0]
    assert missing.cells[3].text == "缺少"


def test_docx_report_of_a_complete_package(complete_result):
    text = docx_text(render_docx(complete_result, "zh"))
    assert "材料齐全" in text and "材料不齐全" not in text
    assert complete_result.verdict == COMPLETE
    assert "未发现填写问题" in text
