"""Reading and checking the registration form 附件1 from DOCX and PDF, in several layouts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.notice import ANNEX1
from bot.precheck import results
from bot.precheck.annex1 import (
    CERTIFICATES,
    EXAMINERS,
    FIELDS,
    FREE_TEXTS,
    STAFF,
    looks_like_annex1,
    looks_like_annex2,
    read_annex1,
    row_field,
)
from bot.precheck.results import Document
from tests.support import formgen
from tests.support.documents import docx_document, pdf_document

BUILDERS = {
    "template": (formgen.filled_annex1_docx, "docx"),
    "pdf": (formgen.filled_annex1_pdf, "pdf"),
    "inline": (formgen.filled_annex1_inline_docx, "docx"),
    "header": (formgen.filled_annex1_header_docx, "docx"),
    "text": (formgen.filled_annex1_text_docx, "docx"),
}


def read(tmp_path: Path, layout: str = "template", **overrides):
    build, ext = BUILDERS[layout]
    path = build(tmp_path / f"form.{ext}", **overrides)
    doc = pdf_document(path) if ext == "pdf" else docx_document(path)
    return read_annex1(doc, path.name), doc


def codes(check) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in check.problems]


def field_name(key: str) -> str:
    return next(f.name for f in FIELDS if f.key == key)


# --- a correct form in every layout -------------------------------------------


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_correct_form_has_no_problems_and_reads_every_value(tmp_path, layout):
    check, doc = read(tmp_path, layout)
    assert check.problems == []
    assert looks_like_annex1(doc)
    for spec in FIELDS:
        value = formgen.SAMPLE[spec.key]
        assert check.fields[spec.name].replace(" ", "") == value.replace(" ", ""), spec.name
    for ft in FREE_TEXTS:
        assert check.fields[ft.name] == formgen.SAMPLE[ft.key.replace(".", "_")]
    assert [c["职业编码"] for c in check.certificates] == ["6-18-02-04"]
    assert check.certificates[0]["证书名称"] == "国际焊接技能证书（三级）"
    assert check.file.startswith("form.")


def test_the_two_mobiles_are_told_apart_by_position(tmp_path):
    check, _ = read(tmp_path, head_mobile="13877112345", contact_mobile="13977154321")
    assert check.fields["单位负责人 联系手机"] == "13877112345"
    assert check.fields["业务联系人 联系手机"] == "13977154321"


# --- every check, on DOCX and PDF ---------------------------------------------


@pytest.mark.parametrize("key", [f.key for f in ANNEX1.fields()])
def test_each_blank_basic_field_is_missing(tmp_path, key):
    check, _ = read(tmp_path, **{key: ""})
    assert codes(check) == [(results.MISSING_FIELD, field_name(key))]


@pytest.mark.parametrize("layout", ["pdf", "inline", "header", "text"])
@pytest.mark.parametrize("key", ["name", "head_mobile", "contact_mobile", "issuer"])
def test_blank_fields_in_other_layouts(tmp_path, layout, key):
    check, _ = read(tmp_path, layout, **{key: ""})
    assert codes(check) == [(results.MISSING_FIELD, field_name(key))]


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_invalid_uscc(tmp_path, layout):
    check, _ = read(tmp_path, layout, uscc="91110000600037341M")
    assert codes(check) == [(results.INVALID_USCC, "统一社会信用代码")]
    assert check.problems[0].value == "91110000600037341M"


@pytest.mark.parametrize("layout", ["template", "pdf", "inline", "header"])
@pytest.mark.parametrize("key", ["head_mobile", "contact_mobile"])
def test_invalid_mobile_names_the_right_one_and_is_masked(tmp_path, layout, key):
    check, _ = read(tmp_path, layout, **{key: "1391234567"})
    assert codes(check) == [(results.INVALID_MOBILE, field_name(key))]
    assert "1234567" not in check.problems[0].value
    assert check.problems[0].value.startswith("139")


@pytest.mark.parametrize("layout", ["template", "pdf", "inline"])
def test_invalid_email_is_masked(tmp_path, layout):
    check, _ = read(tmp_path, layout, email="wangfang.example.com")
    assert codes(check) == [(results.INVALID_EMAIL, "电子邮箱")]
    assert "wangfang" not in check.problems[0].value


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_invalid_id_numbers_in_staff_and_examiner_rows(tmp_path, layout):
    staff = [("王芳", formgen.STAFF_ID, "考务主管", "本科", "考务管理"),
             ("陈刚", "110105194913310021", "考务员", "大专", "考场管理")]
    examiners = [("赵强", "45010219800101123Y", "某学院", "高级技师", "本科", "焊接")]
    check, _ = read(tmp_path, layout, full_time_staff=staff, examiners=examiners)
    assert codes(check) == [
        (results.INVALID_ID_NUMBER, "专职工作人员情况 第2行 身份证号"),
        (results.INVALID_ID_NUMBER, "考评人员情况 第1行 身份证号"),
    ]
    for p in check.problems:
        assert "1949" not in p.value and "1980" not in p.value and "*" in p.value


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_invalid_occupation_code(tmp_path, layout):
    certificates = [("证书甲", "焊工 三级", "6-18-02-04"), ("证书乙", "电工 四级", "9-31-0103")]
    check, _ = read(tmp_path, layout, certificates=certificates)
    assert codes(check) == [(results.INVALID_OCCUPATION_CODE, row_field(CERTIFICATES, 2, "职业编码"))]
    assert check.problems[0].field == "开展考试和发证的职业资格证书信息 第2行 职业编码"
    assert check.problems[0].value == "9-31-0103"


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_no_certificates(tmp_path, layout):
    check, _ = read(tmp_path, layout, certificates=[])
    assert codes(check) == [(results.NO_CERTIFICATES, CERTIFICATES.name)]


def test_full_width_occupation_code_is_accepted_and_noted(tmp_path):
    check, _ = read(tmp_path, certificates=[("证书甲", "焊工 三级", "６－１８－０２－０４")])
    assert check.problems == []
    assert check.certificates[0]["职业编码（规范化）"] == "6-18-02-04"


@pytest.mark.parametrize("layout", ["template", "pdf"])
def test_a_partly_filled_row_names_its_blank_cells(tmp_path, layout):
    check, _ = read(tmp_path, layout, certificates=[("证书甲", "", "")],
                    full_time_staff=[("王芳", "", "考务主管", "本科", "考务管理")])
    assert codes(check) == [
        (results.MISSING_FIELD, row_field(CERTIFICATES, 1, "对应我国职业（工种）名称及等级")),
        (results.MISSING_FIELD, row_field(CERTIFICATES, 1, "职业编码")),
        (results.MISSING_FIELD, row_field(STAFF, 1, "身份证号")),
    ]


@pytest.mark.parametrize("layout", list(BUILDERS))
@pytest.mark.parametrize("key", ["introduction_1", "facilities_1", "facilities_2", "management_1"])
def test_each_blank_free_text_section_is_missing(tmp_path, layout, key):
    check, _ = read(tmp_path, layout, **{key: ""})
    name = next(ft.name for ft in FREE_TEXTS if ft.key.replace(".", "_") == key)
    assert codes(check) == [(results.MISSING_FIELD, name)]


def test_many_problems_at_once_in_the_form_order(tmp_path):
    check, _ = read(tmp_path, name="", email="bad", uscc="123",
                    certificates=[("证书甲", "焊工", "x")],
                    examiners=[("赵强", "123", "某学院", "技师", "本科", "焊接")],
                    management_1="")
    assert codes(check) == [
        (results.MISSING_FIELD, "机构名称"),
        (results.INVALID_USCC, "统一社会信用代码"),
        (results.INVALID_EMAIL, "电子邮箱"),
        (results.INVALID_OCCUPATION_CODE, row_field(CERTIFICATES, 1, "职业编码")),
        (results.INVALID_ID_NUMBER, row_field(EXAMINERS, 1, "身份证号")),
        (results.MISSING_FIELD, "六、管理制度"),
    ]


def test_blank_numbered_rows_are_skipped_and_rows_keep_their_numbers(tmp_path):
    staff = [("", "", "", "", ""), ("陈刚", "123", "考务员", "大专", "考场管理")]
    check, _ = read(tmp_path, full_time_staff=staff)
    assert codes(check) == [(results.INVALID_ID_NUMBER, row_field(STAFF, 2, "身份证号"))]


# --- layout tolerance on hand-made documents ----------------------------------


def _doc(tables=(), text: str = "") -> Document:
    return Document(kind="pdf", pages=[text] if text else [], tables=[list(t) for t in tables])


def test_label_and_value_in_one_cell_half_or_full_width_colon():
    doc = _doc([[["机构名称:广西甲公司", "机构地址：南宁市"],
                 ["单位负责人： 张伟", "联系手机 :13877112345"]]])
    check = read_annex1(doc, "f.pdf")
    assert check.fields["机构名称"] == "广西甲公司"
    assert check.fields["机构地址"] == "南宁市"
    assert check.fields["单位负责人"] == "张伟"
    assert check.fields["单位负责人 联系手机"] == "13877112345"


def test_spaced_and_wrapped_labels_and_none_cells():
    doc = _doc([[["机 构 名 称", None, "广西甲公司", None],
                 ["证书核发机\n构名称", "Global\nWelding Institute", None, None],
                 ["统一社会信\n用代码", "9111000060003\n7341L", None, None]]])
    check = read_annex1(doc, "f.pdf")
    assert check.fields["机构名称"] == "广西甲公司"
    assert check.fields["证书核发机构名称"] == "Global Welding Institute"
    assert check.fields["统一社会信用代码"] == "91110000600037341L"
    assert not any(p.field == "统一社会信用代码" for p in check.problems)


@pytest.mark.parametrize("rows, values, missing", [
    pytest.param([["单位负责人", "联系手机", "业务联系人", "联系手机"],
                  ["张伟", "13877112345", "李娜", "13977154321"]],
                 {"单位负责人 联系手机": "13877112345", "业务联系人 联系手机": "13977154321",
                  "业务联系人": "李娜"}, set(), id="labels as column headers, values below"),
    pytest.param([["单位负责人", "", "联系手机", "13877112345"],
                  ["业务联系人", "李娜", "联系手机", ""]],
                 {"单位负责人": "", "单位负责人 联系手机": "13877112345", "业务联系人 联系手机": ""},
                 {"单位负责人", "业务联系人 联系手机"},
                 id="a blank value is not taken from the next label"),
])
def test_mobiles_in_table_cells_follow_their_labels(rows, values, missing):
    check = read_annex1(_doc([rows]), "f.pdf")
    assert {label: check.fields[label] for label in values} == values
    assert missing <= {p.field for p in check.problems if p.code == results.MISSING_FIELD}


def test_placeholder_values_count_as_blank():
    doc = _doc([[["机构名称", "/"], ["机构地址", "—"]]])
    check = read_annex1(doc, "f.pdf")
    assert {"机构名称", "机构地址"} <= {p.field for p in check.problems if p.code == results.MISSING_FIELD}


def test_text_lines_when_there_are_no_tables():
    lines = formgen.annex1_text_lines(head_mobile="123")
    check = read_annex1(_doc(text="\n".join(lines)), "f.pdf")
    assert codes(check) == [(results.INVALID_MOBILE, "单位负责人 联系手机")]
    assert check.fields["机构名称"] == formgen.SAMPLE["name"]


@pytest.mark.parametrize("wrapped", [
    ["注册登记机", "南宁市市场监督管理局", "构"],   # the label's two lines around the value
    ["注册登记机 南宁市市场监督管理局", "构"],     # the value on the label's first line
    ["注册登记机 南宁市市场监督管理局"],           # the wrapped character lost by the reader
], ids=["around", "beside", "lost"])
def test_a_label_a_pdf_text_layer_wrapped_is_read_with_its_value(wrapped):
    lines = formgen.annex1_text_lines()
    at = next(i for i, line in enumerate(lines) if line.startswith("注册登记机构"))
    lines[at:at + 1] = wrapped
    check = read_annex1(_doc(text="\n".join(lines)), "f.pdf")
    assert check.fields["注册登记机构"] == "南宁市市场监督管理局"
    assert codes(check) == []


def test_a_cut_label_that_could_be_two_labels_is_not_guessed():
    lines = formgen.annex1_text_lines()
    at = next(i for i, line in enumerate(lines) if line.startswith("注册登记机构"))
    lines[at:at + 1] = ["注册登 南宁市市场监督管理局"]  # too short to be sure
    check = read_annex1(_doc(text="\n".join(lines)), "f.pdf")
    assert (results.MISSING_FIELD, "注册登记机构") in codes(check)


def test_a_table_cut_by_a_page_break_is_read_as_one():
    header = list(STAFF.columns)
    first = [["（一）专职工作人员情况", None, None, None, None, None], header,
             ["1", "王芳", formgen.STAFF_ID, "主管", "本科", "考务"]]
    second = [["2", "陈刚", "110105194912310021", "考务员", "大专", "考场"]]
    check = read_annex1(_doc([first, second]), "f.pdf")
    assert (results.INVALID_ID_NUMBER, row_field(STAFF, 2, "身份证号")) in codes(check)


# --- never crashes --------------------------------------------------------------

ALL_MISSING = [(results.MISSING_FIELD, f.name) for f in FIELDS] \
    + [(results.NO_CERTIFICATES, CERTIFICATES.name)] \
    + [(results.MISSING_FIELD, ft.name) for ft in FREE_TEXTS]


@pytest.mark.parametrize("doc", [
    Document(kind=""),
    Document(kind="pdf", pages=["", "\n\n"], tables=[]),
    Document(kind="pdf", tables=[[], [[]], [[None, None]], [["", ""]]]),
    Document(kind="docx", tables=[[["机构名称"]], [["联系手机"], ["联系手机"]]]),
    Document(kind="docx", tables=[[list(CERTIFICATES.columns)]]),
    Document(kind="docx", tables=[[list(CERTIFICATES.columns), ["1"], ["…", None]]]),
    Document(kind="pdf", pages=["机构名称", "统一社会信用代码："]),
])
def test_degenerate_documents_give_every_finding_without_crashing(doc):
    check = read_annex1(doc, "x")
    assert sorted(codes(check)) == sorted(ALL_MISSING)


def test_garbage_tables_never_crash():
    rng = random.Random(7)
    pool = ["", None, "机构名称", "联系手机", "序号", "身份证号", "职业编码", "1", "…", "x" * 300,
            "三、开展考试发证的证书相关情况介绍", "（一）场地情况", "机构名称：", "：", 12, 3.5,
            ["nested"], "证书名称", "姓名", "\n\n", "统一社会信用代码 91110000600037341L"]
    for _ in range(300):
        tables = [[[rng.choice(pool) for _ in range(rng.randint(0, 8))]
                   for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(0, 4))]
        pages = ["\n".join(str(rng.choice(pool)) for _ in range(rng.randint(0, 10)))]
        doc = Document(kind="pdf", pages=pages, tables=tables)  # type: ignore[arg-type]
        check = read_annex1(doc, "x")
        assert all(p.code in results.FORM_PROBLEM_CODES for p in check.problems)
        looks_like_annex1(doc)


# --- 附件1, 附件2 or something else -------------------------------------------


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_annex1_is_recognised_in_every_layout(tmp_path, layout):
    _, doc = read(tmp_path, layout)
    assert looks_like_annex1(doc) and not looks_like_annex2(doc)


def test_blank_template_is_annex1(tmp_path):
    from bot.precheck.blanks import write_template

    write_template("annex1", tmp_path / "a1.docx")
    doc = docx_document(tmp_path / "a1.docx")
    assert looks_like_annex1(doc)
    assert sorted(codes(read_annex1(doc, "a1.docx"))) == sorted(ALL_MISSING)


@pytest.mark.parametrize("filled", [True, False])
def test_annex2_is_not_annex1(tmp_path, filled):
    from bot.precheck.blanks import write_template

    path = tmp_path / "a2.docx"
    if filled:
        formgen.filled_annex2_docx(path)
    else:
        write_template("annex2", path)
    doc = docx_document(path)
    assert not looks_like_annex1(doc)
    assert looks_like_annex2(doc)


def test_other_documents_are_not_annex1():
    cover = Document(kind="docx", pages=[
        "申请函\n我单位申请以技能为主的国外职业资格证书及发证机构资格审核和注册，随函附上"
        "《国外职业资格证书及其发证机构资格审核注册表》及其他材料。\n联系人：李娜"])
    articles = Document(kind="docx", pages=["公司章程\n第一条 本公司名称为广西甲公司。\n"
                                            "第二条 公司住所：南宁市。"])
    assert not looks_like_annex1(cover)
    assert not looks_like_annex1(articles)
    assert not looks_like_annex1(Document(kind=""))


# --- through the project's extraction stage ---------------------------------------


@pytest.mark.parametrize("layout", list(BUILDERS))
def test_read_through_the_extraction_stage(tmp_path, layout):
    extract = pytest.importorskip("bot.precheck.extract").extract
    build, ext = BUILDERS[layout]
    good = build(tmp_path / f"good.{ext}")
    assert read_annex1(extract(good, tables=True), good.name).problems == []
    bad = build(tmp_path / f"bad.{ext}", contact_mobile="", uscc="91110000600037341M",
                full_time_staff=[("王芳", "110105194912310021", "主管", "本科", "考务")])
    doc = extract(bad, tables=True)
    assert looks_like_annex1(doc)
    assert codes(read_annex1(doc, bad.name)) == [
        (results.INVALID_USCC, "统一社会信用代码"),
        (results.MISSING_FIELD, "业务联系人 联系手机"),
        (results.INVALID_ID_NUMBER, row_field(STAFF, 1, "身份证号")),
    ]


def test_pdf_text_layer_alone_is_recognised_and_read(tmp_path):
    """The first extraction of a PDF has text only; the form is recognised from it and, with
    no tables at all, read from its lines: labels a narrow cell wrapped are joined again,
    and cells that cannot be told apart produce no false findings."""
    staff = [("王芳", formgen.STAFF_ID, "主管", "本科", "考务"),
             ("陈刚", "110105194912310021", "考务员", "大专", "考场")]
    path = formgen.filled_annex1_pdf(tmp_path / "form.pdf", email="", full_time_staff=staff)
    doc = pdf_document(path)
    doc.tables = []
    assert looks_like_annex1(doc)
    check = read_annex1(doc, path.name)
    assert codes(check) == [(results.MISSING_FIELD, "电子邮箱"),
                            (results.INVALID_ID_NUMBER, row_field(STAFF, 2, "身份证号"))]
    assert check.fields["注册登记机构"] == formgen.SAMPLE["registrar"]
    assert check.fields["证书核发机构名称"] == formgen.SAMPLE["issuer"]
