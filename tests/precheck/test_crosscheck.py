"""The package checked against itself (表证一致): the form against the licence, the
issuer against the foreign registration certificate, the agreement's parties, the
certificates against the level rules, a translation against its original.  Flagged only
when both values were read, with both values in the message, in the reports too."""

from __future__ import annotations

from bot.precheck import results
from bot.precheck.crosscheck import read_facts
from bot.precheck.pipeline import analyse_files, assemble
from bot.precheck.problems import file_problem_message
from bot.precheck.report import render_html, render_json, render_markdown
from bot.precheck.validators import uscc_check_char
from tests.support import docgen, formgen

FORM = "13 注册表（附件1）.docx"
OTHER_USCC = "91450100MA5K" + "00001"
OTHER_USCC += uscc_check_char(OTHER_USCC)


def _package(tmp_path, *, licence=None, registration=None, agreement=None, rules=None,
             translation=None):
    d = tmp_path
    lic_title, lic_body = docgen.SAMPLES["1.2.1"]["zh"]
    docgen.make_docx(d / "04 营业执照.docx", licence or [lic_title, *lic_body])
    reg_title, reg_body = docgen.SAMPLES["1.1.1"]["en"]
    docgen.make_docx(d / "document(1).docx", registration or [reg_title, *reg_body])
    zh_title, zh_body = docgen.SAMPLES["1.1.1"]["zh"]
    docgen.make_docx(d / "translation-1.docx", translation or [zh_title, *zh_body])
    ag_title, ag_body = docgen.SAMPLES["4.2"]["zh"]
    docgen.make_docx(d / "14 合作协议书.docx", agreement or [ag_title, *ag_body])
    r_title, r_body = docgen.SAMPLES["2.2"]["zh"]
    docgen.make_docx(d / "08 证书等级规定及样本.docx", rules or [r_title, *r_body])
    formgen.filled_annex1_docx(d / FORM)
    return sorted(p for p in d.iterdir())


def _problems(tmp_path, pool, **kw):
    result = assemble(analyse_files(_package(tmp_path, **kw), pool=pool))
    found = {(f.name, p.code): p for f in result.files for p in f.problems}
    return result, found


def test_a_consistent_package_has_no_cross_check_problem(tmp_path, pool):
    _result, found = _problems(tmp_path, pool)
    assert not [k for k in found if k[1].startswith("mismatch_")]


def test_form_against_licence_name_and_credit_code(tmp_path, pool):
    title, body = docgen.SAMPLES["1.2.1"]["zh"]
    body = [line.replace(formgen.USCC, OTHER_USCC).replace(docgen.CHINESE_ORG, "南宁某某培训有限公司")
            for line in body]
    result, found = _problems(tmp_path, pool, licence=[title, *body])
    uscc = found[(FORM, results.MISMATCH_USCC)]
    assert (uscc.value, uscc.other, uscc.other_file) == (formgen.USCC, OTHER_USCC, "04 营业执照.docx")
    name = found[(FORM, results.MISMATCH_NAME)]
    assert (name.value, name.other) == (docgen.CHINESE_ORG, "南宁某某培训有限公司")
    zh, en = file_problem_message(uscc, "zh"), file_problem_message(uscc, "en")
    assert formgen.USCC in zh and OTHER_USCC in zh and "请" in zh
    assert OTHER_USCC in en and "correct" in en
    for text in (render_markdown(result, "zh"), render_html(result, "en"), render_json(result, "zh")):
        assert OTHER_USCC in text and "南宁某某培训有限公司" in text


def test_issuer_against_foreign_registration_certificate(tmp_path, pool):
    title, body = docgen.SAMPLES["1.1.1"]["en"]
    body = [line.replace("GLOBAL WELDING INSTITUTE LTD", "NORTHERN JOINING ACADEMY LIMITED")
            for line in body]
    _result, found = _problems(tmp_path, pool, registration=[title, *body])
    p = found[(FORM, results.MISMATCH_ISSUER)]
    assert (p.value, p.other) == (docgen.FOREIGN_ORG, "NORTHERN JOINING ACADEMY LIMITED")
    assert "NORTHERN JOINING ACADEMY LIMITED" in file_problem_message(p, "en")


def test_agreement_parties_against_the_institutions(tmp_path, pool):
    title, body = docgen.SAMPLES["4.2"]["zh"]
    body = [line.replace(docgen.CHINESE_ORG, "柳州某某咨询有限公司") for line in body]
    _result, found = _problems(tmp_path, pool, agreement=[title, *body])
    p = found[("14 合作协议书.docx", results.MISMATCH_PARTIES)]
    assert "柳州某某咨询有限公司" in p.value and p.other == docgen.CHINESE_ORG
    assert "柳州某某咨询有限公司" in file_problem_message(p, "zh")


def test_certificates_of_the_form_against_the_level_rules(tmp_path, pool):
    title, body = docgen.SAMPLES["2.2"]["zh"]
    body = [line.replace("国际焊接技能证书", "国际切割技术证书") for line in body]
    _result, found = _problems(tmp_path, pool, rules=[title, *body])
    p = found[(FORM, results.MISMATCH_CERTIFICATE)]
    assert p.value == "国际焊接技能证书（三级）" and "国际切割技术证书" in p.other


def test_translation_against_its_original_numbers_and_dates(tmp_path, pool):
    title, body = docgen.SAMPLES["1.1.1"]["zh"]
    body = [line.replace("2008年3月14日", "2008年3月18日") for line in body]
    _result, found = _problems(tmp_path, pool, translation=[title, *body])
    p = found[("translation-1.docx", results.MISMATCH_TRANSLATION)]
    assert (p.value, p.other, p.other_file) == ("2008-03-18", "2008-03-14", "document(1).docx")
    assert "2008-03-14" in file_problem_message(p, "zh")


def test_values_not_read_with_confidence_are_not_compared():
    # Two credit codes on one page, a name in another script, no labelled parties.
    facts = read_facts("名称 Example Co., Ltd.\n91110000600037341L\n" + OTHER_USCC)
    assert len(facts["uscc"]) == 2
    assert "party_a" not in read_facts("本合同由双方签订，合同金额100万元。")
