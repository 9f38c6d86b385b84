"""附件2 read and checked from generated files in both layouts: blank, valid, each error."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from bot.precheck import annex2
from bot.precheck.annex1 import looks_like_annex1, looks_like_annex2
from bot.precheck.annex2.register import RegisterError, count_xlsx_rows, xlsx_rows_xml
from bot.precheck.annex2.report import build_view, render_docx, render_json, render_markdown
from bot.precheck.extract import extract
from tests.support import annex2gen as g

TODAY = dt.date(2026, 12, 1)
LAYOUTS = [("docx", g.annex2_docx), ("pdf", g.annex2_pdf)]


def _check(tmp_path, layout, **kw):
    kind, make = layout
    path = make(tmp_path / f"a2.{kind}", **kw)
    doc = extract(path, kind=kind, tables=True)
    return doc, annex2.read_annex2(doc, path.name, TODAY)


def _codes(check):
    return [(p.code, p.field) for p in check.problems]


@pytest.mark.parametrize("layout", LAYOUTS, ids=["docx", "pdf"])
def test_a_valid_form_is_recognised_and_clean(tmp_path, layout) -> None:
    doc, check = _check(tmp_path, layout)
    assert looks_like_annex2(doc) and not looks_like_annex1(doc)
    assert check.problems == []
    assert check.year == "2026" and check.total == 5 and len(check.rows) == 2
    assert check.register_attached  # "名册另附。"


@pytest.mark.parametrize("layout", LAYOUTS, ids=["docx", "pdf"])
def test_a_blank_form_lists_every_box(tmp_path, layout) -> None:
    _, check = _check(tmp_path, layout, blank=True)
    fields = [f for _, f in _codes(check)]
    assert "统一社会信用代码" in fields and "业务联系人 联系手机" in fields
    assert annex2.YEAR_FIELD in fields and "三、工作情况汇报" in fields
    assert (annex2.NO_ISSUED_ROWS, "核发国外职业资格证书信息汇总") in _codes(check)
    assert len(check.problems) == 14  # 11 basic fields, the year, the table, 三
    annex2.check_register(check, [])
    assert check.problems[-1].code == annex2.NO_REGISTER


@pytest.mark.parametrize("layout", LAYOUTS, ids=["docx", "pdf"])
@pytest.mark.parametrize(("overrides", "code", "field"), [
    ({"uscc": "91110000600037341M"}, "invalid_uscc", "统一社会信用代码"),
    ({"head_mobile": "1387711234"}, "invalid_mobile", "单位负责人 联系手机"),
    ({"email": "contact.example.com"}, "invalid_email", "电子邮箱"),
    ({"year": "2031"}, annex2.INVALID_YEAR, annex2.YEAR_FIELD),
    ({"year": "2019"}, annex2.INVALID_YEAR, annex2.YEAR_FIELD),
    ({"year": ""}, "missing_field", annex2.YEAR_FIELD),
    ({"issued": [("证书", "焊工（三级）", "61802", "3")]}, "invalid_occupation_code",
     "核发国外职业资格证书信息汇总 第1行 职业编码"),
    ({"issued": [("证书", "焊工（三级）", "6-18-02-04", "0")]}, annex2.INVALID_COUNT,
     "核发国外职业资格证书信息汇总 第1行 发证数量"),
    ({"issued": [("证书", "焊工（三级）", "6-18-02-04", "2.5")]}, annex2.INVALID_COUNT,
     "核发国外职业资格证书信息汇总 第1行 发证数量"),
    ({"issued": [("证书", "", "6-18-02-04", "3")]}, "missing_field",
     "核发国外职业资格证书信息汇总 第1行 对应我国职业（工种）名称及等级"),
    ({"work": ""}, "missing_field", "三、工作情况汇报"),
])
def test_each_error_is_found(tmp_path, layout, overrides, code, field) -> None:
    _, check = _check(tmp_path, layout, **overrides)
    assert (code, field) in _codes(check)


def test_every_error_is_listed_at_once(tmp_path) -> None:
    _, check = _check(tmp_path, LAYOUTS[0], uscc="123", email="x", year="2030", work="",
                      issued=[("证书", "焊工", "6-18", "x")])
    annex2.check_register(check, [])
    codes = [p.code for p in check.problems]
    assert codes == ["invalid_uscc", "invalid_email", annex2.INVALID_YEAR,
                     "invalid_occupation_code", annex2.INVALID_COUNT, "missing_field",
                     annex2.NO_REGISTER]
    view = build_view(check, "zh", TODAY)
    md = render_markdown(view, "zh")
    assert "发现 7 处问题" in md and "“123”" in md and "2030" in md
    assert "自由贸易试验区设区市人力资源社会保障部门" in md and "六（四）" in md
    en = render_markdown(build_view(check, "en", TODAY), "en")
    assert "7 problem(s)" in en and "Work report (report on the year's work)" in en
    assert '"ok": false' in render_json(check, view)
    assert render_docx(view, "zh")[:2] == b"PK"


def test_a_total_row_must_be_the_sum(tmp_path) -> None:
    rows = [("证书A", "焊工（三级）", "6-18-02-04", "3"), ("合计", "", "", "9")]
    _, check = _check(tmp_path, LAYOUTS[0], issued=rows)
    assert (annex2.TOTAL_MISMATCH, "核发国外职业资格证书信息汇总") in _codes(check)
    assert check.total == 3 and check.stated_total == 9


@pytest.mark.parametrize("make", [g.register_docx, g.register_pdf], ids=["docx", "pdf"])
def test_register_files_are_counted(tmp_path, make) -> None:
    kind = make.__name__.rsplit("_", 1)[-1]
    path = make(tmp_path / f"名册.{kind}", 5)
    assert annex2.count_register_rows(extract(path, kind=kind, tables=True)) == 5


def test_the_register_is_compared_with_the_total(tmp_path) -> None:
    _, check = _check(tmp_path, LAYOUTS[0])
    assert annex2.check_register(check, [("名册.xlsx", 5)]).problems == []
    annex2.check_register(check, [("名册.xlsx", 4)])
    assert [(p.code, p.value) for p in check.problems] == [(annex2.REGISTER_MISMATCH, "4")]
    text = render_markdown(build_view(check, "zh", TODAY), "zh")
    assert "4 行" in text and "合计 5" in text
    _, inline = _check(tmp_path, LAYOUTS[1], register="1 学员1 GWI-0001\n2 学员2 GWI-0002")
    assert annex2.check_register(inline, []).problems == []  # the register written in the form


def test_xlsx_registers_are_read_from_the_xml_safely(tmp_path) -> None:
    assert count_xlsx_rows(g.register_xlsx(tmp_path / "r.xlsx", 12)) == 12
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml",
                    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>')
    with pytest.raises(RegisterError):
        xlsx_rows_xml(evil)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(RegisterError):
        xlsx_rows_xml(broken)


def test_only_a_register_named_xlsx_passes_the_gate_and_is_counted(tmp_path) -> None:
    from bot.precheck.intake import check_upload, suffix_for
    from bot.precheck.pipeline import analyse_file
    from bot.settings import Limits

    path = g.register_xlsx(tmp_path / "核发证书信息名册.xlsx", 6)
    data = path.read_bytes()
    assert check_upload(path.name, data, Limits()) is None and suffix_for(data, path.name) == ".xlsx"
    refused = check_upload("budget.xlsx", data, Limits())
    assert refused is not None and refused.detail == ".xlsx"
    fa = analyse_file(path, path.name)
    assert fa.register_rows == 6 and fa.kind == "xlsx" and "unsupported_type" not in fa.problem_codes
    other = tmp_path / "budget.xlsx"
    other.write_bytes(data)
    assert analyse_file(other, other.name).problem_codes == ["unsupported_type"]
