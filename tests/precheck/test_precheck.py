"""The pre-check of files and packages: problems, materials, translations, form, verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.notice import MATERIALS
from bot.precheck import results
from bot.precheck.pipeline import analyse_file, analyse_files, assemble, collect_files, precheck
from bot.settings import Limits
from tests.support import docgen, formgen


def problems(a) -> list[tuple[str, str]]:
    return [(p.code, p.detail) for p in a.problems]


# --- one problem code at a time -----------------------------------------------------


def test_unreadable(tmp_path, pool):
    whole = docgen.write_sample(tmp_path / "whole.pdf", "2.1", "zh")
    cut = docgen.make_truncated(tmp_path / "考试大纲.pdf", whole, keep=0.4)
    a = analyse_file(cut, pool=pool)
    assert problems(a) == [(results.UNREADABLE, "corrupt")]
    assert a.materials == ["2.1"]  # by name


def test_encrypted(tmp_path, pool):
    path = docgen.make_pdf(tmp_path / "x.pdf", ["secret"], encrypt="pw")
    assert problems(analyse_file(path, pool=pool)) == [(results.ENCRYPTED, "password")]


@pytest.mark.parametrize("name, data, detail", [
    ("合作协议.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
    ("licence.heic", b"\0\0\0\x18ftypheic" + b"\0" * 600, "image/heic"),
])
def test_unsupported_type(tmp_path, pool, name, data, detail):
    path = tmp_path / name
    path.write_bytes(data)
    assert problems(analyse_file(path, pool=pool)) == [(results.UNSUPPORTED_TYPE, detail)]


def test_no_text(tmp_path, pool):
    a = analyse_file(docgen.make_image_pdf(tmp_path / "scan.pdf", pages=3), pool=pool)
    # Pictures of lines, not of text: OCR reads nothing it can trust.
    assert problems(a) == [(results.NO_TEXT, "ocr_unreadable")]
    assert a.page_count == 3 and not a.has_text_layer


@pytest.mark.parametrize("make", ["zero_bytes", "blank_pdf", "empty_docx"])
def test_empty(tmp_path, pool, make):
    if make == "zero_bytes":
        path = tmp_path / "x.pdf"
        path.write_bytes(b"")
    elif make == "blank_pdf":
        path = docgen.make_blank_pdf(tmp_path / "x.pdf", pages=2)
    else:
        path = docgen.make_docx(tmp_path / "x.docx", ["", " "])
    assert [p.code for p in analyse_file(path, pool=pool).problems] == [results.EMPTY]


def test_too_large(tmp_path, pool):
    path = docgen.write_sample(tmp_path / "a.pdf", "2.1", "en")
    a = analyse_file(path, limits=Limits(max_file_bytes=100), pool=pool)
    assert problems(a) == [(results.TOO_LARGE, "file_size")]


def test_unclassified(tmp_path, pool):
    path = docgen.make_pdf(tmp_path / "scan_001.pdf", ["会议纪要", "会议讨论了明年的工作安排。"])
    a = analyse_file(path, pool=pool)
    assert problems(a) == [(results.UNCLASSIFIED, "")]
    assert a.materials == []


def test_untranslated_is_a_package_finding(tmp_path, pool):
    path = docgen.write_sample(tmp_path / "scan_001.pdf", "1.1.4", "en")
    a = analyse_file(path, pool=pool)
    assert a.problems == [] and a.language == "en" and a.materials == ["1.1.4"]
    result = assemble([a])
    assert [p.code for p in result.files[0].problems] == [results.UNTRANSLATED]
    assert _status(result, "1.1.4") == results.PROBLEM


def test_a_good_file(tmp_path, pool):
    path = docgen.write_sample(tmp_path / "scan_001.docx", "3.1", "zh")
    a = analyse_file(path, pool=pool)
    assert a.problems == [] and a.materials == ["3.1"] and a.language == "zh"
    assert a.kind == "docx" and a.page_count >= 1 and a.has_text_layer
    assert a.title == "考试章程" and len(a.sha256) == 64


# --- translations -------------------------------------------------------------------


def _status(result, material: str) -> str:
    return next(m.status for m in result.materials if m.id == material)


def _file(result, name: str):
    return next(f for f in result.files if f.name == name)


def test_translation_pairing_reported_both_ways(tmp_path, pool):
    docgen.write_sample(tmp_path / "Satzung.pdf", "1.1.2", "de")
    docgen.make_docx(tmp_path / "Satzung 中文译本.docx",
                     ["Schweißtechnik Ausbildung e.V. 章程（中文译本）",
                      "第一条 名称和住所。本协会名称为 Schweißtechnik Ausbildung e.V.，住所在慕尼黑。",
                      "第二条 宗旨。本协会的宗旨是促进职业教育。"])
    result = precheck([tmp_path], workers=2)
    original, translation = _file(result, "Satzung.pdf"), _file(result, "Satzung 中文译本.docx")
    assert original.translation == "Satzung 中文译本.docx"
    assert translation.translation == "Satzung.pdf"
    assert original.problems == [] and translation.problems == []
    assert original.materials == translation.materials == ["1.1.2"]
    assert _status(result, "1.1.2") == results.PROVIDED


def test_bilingual_file_needs_no_separate_translation(tmp_path):
    lines = ["考试章程 Examination Regulations",
             "第一条 报考条件：年满18周岁。", "Article 1 Eligibility: candidates must be 18 or over.",
             "第二条 考生可在30日内申请复核。", "Article 2 Candidates may appeal within 30 days."]
    path = docgen.make_pdf(tmp_path / "regs.pdf", lines)
    result = precheck([path])
    f = result.files[0]
    assert f.bilingual and f.problems == [] and f.translation is None
    assert _status(result, "3.1") == results.PROVIDED


def test_translation_without_its_original_is_not_a_file_problem(tmp_path):
    docgen.write_sample(tmp_path / "银行资信证明（中文译本）.pdf", "1.1.4", "zh")
    result = precheck([tmp_path])
    f = result.files[0]
    assert f.problems == [] and f.translation is None and f.materials == ["1.1.4"]
    # The foreign original is what the material needs: it is still missing.
    assert _status(result, "1.1.4") == results.MISSING


def test_scanned_original_with_typed_translation(tmp_path):
    docgen.make_image_pdf(tmp_path / "Certificate of Incorporation.pdf")
    docgen.write_sample(tmp_path / "Certificate of Incorporation 中文译本.pdf", "1.1.1", "zh")
    result = precheck([tmp_path])
    scan = _file(result, "Certificate of Incorporation.pdf")
    assert [p.code for p in scan.problems] == [results.NO_TEXT]
    assert scan.translation == "Certificate of Incorporation 中文译本.pdf"
    assert _status(result, "1.1.1") == results.PROBLEM


# --- packages -----------------------------------------------------------------------


def test_clean_package_is_complete(clean_package):
    result = precheck([clean_package])
    assert [(f.name, [p.code for p in f.problems]) for f in result.files
            if f.problems] == []
    statuses = {m.id: m.status for m in result.materials}
    assert statuses == {m.id: results.OPTIONAL if m.optional else results.PROVIDED
                        for m in MATERIALS}
    assert result.form is not None and result.form.problems == []
    assert result.verdict == results.COMPLETE
    pairs = {f.name: f.translation for f in result.files if f.translation}
    assert pairs == {
        "01 Certificate of Incorporation.pdf": "01 Certificate of Incorporation 中文译本.pdf",
        "01 Certificate of Incorporation 中文译本.pdf": "01 Certificate of Incorporation.pdf",
        "02 Articles of Association.docx": "02 外方章程（中文译本）.docx",
        "02 外方章程（中文译本）.docx": "02 Articles of Association.docx",
        "03 Bank Reference Letter.pdf": "03 银行资信证明（中文译本）.pdf",
        "03 银行资信证明（中文译本）.pdf": "03 Bank Reference Letter.pdf",
    }


SHIPPED_PACKAGE = Path(__file__).resolve().parent.parent / "sample_package"


@pytest.mark.parametrize("where", ["generated", "shipped"])
def test_defective_package_reports_exactly_its_defects(where, defective_package):
    # tests/sample_package/ is the generated package, shipped so that help-desk staff can
    # try `python -m bot precheck tests/sample_package` (tests/support/sample_package.py makes it).
    package = defective_package if where == "generated" else SHIPPED_PACKAGE
    assert sorted(p.name for p in SHIPPED_PACKAGE.iterdir()) == sorted(
        p.name for p in defective_package.iterdir())
    result = precheck([package])
    found = {f.name: sorted(p.code for p in f.problems) for f in result.files if f.problems}
    assert found == {
        "03 Bank Reference Letter.pdf": [results.UNTRANSLATED],
        "11 考务管理规则.doc": [results.UNSUPPORTED_TYPE],
        "12 考点设置标准.pdf": [results.NO_TEXT],
        "15 可行性论证报告.pdf": [results.ENCRYPTED],
        "16 scan_0016.pdf": [results.UNCLASSIFIED],
    }
    not_provided = {m.id: m.status for m in result.materials if m.status != results.PROVIDED}
    assert not_provided == {"1.1.3": results.OPTIONAL, "1.1.4": results.PROBLEM,
                            "2.3": results.MISSING, "3.2": results.PROBLEM, "3.3": results.PROBLEM, "4.3": results.PROBLEM}
    assert result.form is not None and result.form.file == "13 注册表（附件1）.docx"
    assert sorted((p.code, p.field) for p in result.form.problems) == [
        ("invalid_uscc", "统一社会信用代码"), ("missing_field", "电子邮箱")]
    assert result.verdict == results.INCOMPLETE
    unclassified = _file(result, "16 scan_0016.pdf")
    assert unclassified.candidates  # the chat can offer its best guesses


def test_form_problems_alone_make_a_package_incomplete(clean_package, tmp_path):
    analyses = analyse_files(collect_files([clean_package]))
    bad_form = formgen.filled_annex1_docx(tmp_path / "13 注册表（附件1）.docx",
                                          head_mobile="12345")
    replaced = [a for a in analyses if a.name != "13 注册表（附件1）.docx"]
    replaced += analyse_files([bad_form])
    result = assemble(replaced)
    assert all(m.status in (results.PROVIDED, results.OPTIONAL) for m in result.materials)
    assert [p.code for p in result.form.problems] == ["invalid_mobile"]
    assert result.verdict == results.INCOMPLETE


def test_form_read_from_a_pdf(tmp_path, pool):
    path = formgen.filled_annex1_pdf(tmp_path / "scan_004.pdf", email="not-an-email")
    a = analyse_file(path, pool=pool)
    assert a.materials == ["4.1"]
    assert a.form is not None
    assert ("invalid_email", "电子邮箱") in [(p.code, p.field) for p in a.form.problems]


# --- stored analyses and the user's answers ------------------------------------------


def test_assemble_from_stored_analyses(defective_package):
    analyses = analyse_files(collect_files([defective_package]))
    stored = json.loads(json.dumps([a.to_dict() for a in analyses], ensure_ascii=False))
    again = assemble([results.FileAnalysis.from_dict(d) for d in stored])
    first = assemble(analyses)
    strip = lambda r: {k: v for k, v in r.to_dict().items() if k != "generated_at"}  # noqa: E731
    assert strip(again) == strip(first)
    # assemble() does not change the stored analyses
    assert [a.to_dict() for a in analyses] == stored


def test_overrides_place_an_unclassified_file(defective_package):
    analyses = analyse_files(collect_files([defective_package]))
    before = assemble(analyses)
    assert _status(before, "2.3") == results.MISSING
    after = assemble(analyses, overrides={"16 scan_0016.pdf": ["2.3"]})
    f = _file(after, "16 scan_0016.pdf")
    assert f.materials == ["2.3"] and results.UNTRANSLATED in [p.code for p in f.problems]
    assert results.UNCLASSIFIED not in [p.code for p in f.problems]
    assert _status(after, "2.3") == results.PROBLEM  # placed, but it still needs a translation
    none = assemble(analyses, overrides={"16 scan_0016.pdf": []})
    assert _file(none, "16 scan_0016.pdf").problems == []  # not a material: nothing to fix


def test_unknown_override_is_refused(tmp_path):
    with pytest.raises(ValueError):
        assemble([], overrides={"x.pdf": ["9.9"]})


def test_empty_package_is_missing_everything():
    result = assemble([])
    assert result.verdict == results.INCOMPLETE and result.form is None
    assert {m.status for m in result.materials} == {results.MISSING, results.OPTIONAL}


def test_folders_are_walked_and_names_kept_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b" / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "~$lock.docx").write_bytes(b"x")
    names = [n for _, n in collect_files([tmp_path])]
    assert names == ["a/x.pdf", "b/x.pdf"]
    names = [n for _, n in collect_files([tmp_path / "a" / "x.pdf", tmp_path / "b" / "x.pdf"])]
    assert names == ["x.pdf", "x (2).pdf"]
    with pytest.raises(FileNotFoundError):
        collect_files([tmp_path / "nope"])


def test_progress_is_reported_per_file(tmp_path):
    paths = [docgen.write_sample(tmp_path / f"{i}.pdf", "2.1", "zh") for i in range(3)]
    seen = []
    analyse_files(paths, progress=lambda done, total, name: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_annual_summary_is_not_the_registration_form(tmp_path, pool):
    path = formgen.filled_annex2_docx(tmp_path / "附件2.docx")
    a = analyse_file(path, pool=pool)
    assert a.materials == [] and a.form is None
    assert problems(a) == [(results.UNCLASSIFIED, "annex2")]


def test_blank_registration_form_is_read_and_found_empty(tmp_path, pool):
    from bot.precheck.blanks import write_template

    path = tmp_path / "附件1.docx"
    write_template("annex1", path)
    a = analyse_file(path, pool=pool)
    assert a.materials == ["4.1"]
    assert ("missing_field", "统一社会信用代码") in [(p.code, p.field) for p in a.form.problems]
