"""Pairing foreign-language files with their Chinese translations."""

from __future__ import annotations

import pytest

from bot.precheck.pairing import content_keys, name_stem, pair_translations
from bot.precheck.results import NO_TEXT, FileAnalysis, FileProblem


@pytest.mark.parametrize("text, key", [
    ("dated 5 May 2020", "d:2020-05-05"),
    ("日期2020年5月5日", "d:2020-05-05"),
    ("Tag der Eintragung: 03.05.2011", "d:2011-05-03"),
    ("le 1er juin 2012", "d:2012-06-01"),
    ("September 22, 2020", "d:2020-09-22"),
    ("2020-09-22", "d:2020-09-22"),
])
def test_dates_are_normalised(text, key):
    assert key in content_keys(text)


def test_numbers_names_and_emails_survive_translation():
    en = content_keys("Company No. 04567321, GLOBAL WELDING INSTITUTE LTD, Barclays Bank PLC, "
                      "info@gwi.example")
    zh = content_keys("公司编号：04567321，GLOBAL WELDING INSTITUTE LTD，Barclays Bank PLC，"
                      "info@gwi.example")
    assert {"n:04567321", "w:barclays", "e:info@gwi.example"} <= set(en) & set(zh)


@pytest.mark.parametrize("a, b", [
    ("Articles of Association.pdf", "Articles of Association 中文译本.pdf"),
    ("articles_of_association.docx", "Articles of Association (translation).docx"),
    ("03 Bank Reference.pdf", "03 Bank Reference（中文）.pdf"),
    ("folder/Satzung.pdf", "Satzung_译文.docx"),
])
def test_name_stems_match_without_cues(a, b):
    assert name_stem(a) == name_stem(b)


def fa(name: str, language: str, materials=(), **kw) -> FileAnalysis:
    return FileAnalysis(name=name, language=language, materials=list(materials), kind="pdf",
                        has_text_layer=True, **kw)


def test_pairs_by_name_and_material_both_ways():
    files = [fa("Bank Reference.pdf", "en", ["1.1.4"]),
             fa("Bank Reference 中文译本.pdf", "zh", ["1.1.4"], is_translation=True),
             fa("营业执照.pdf", "zh", ["1.2.1"])]
    p = pair_translations(files)
    assert p.translation_of == {"Bank Reference.pdf": "Bank Reference 中文译本.pdf"}
    assert p.original_of == {"Bank Reference 中文译本.pdf": "Bank Reference.pdf"}
    assert p.partner("Bank Reference 中文译本.pdf") == "Bank Reference.pdf"
    assert p.untranslated == []


def test_pairs_by_content_keys_when_names_say_nothing():
    keys = ["d:2008-03-14", "n:04567321", "w:global", "w:welding", "w:institute"]
    files = [fa("scan_001.pdf", "en", ["1.1.1"], keys=keys),
             fa("scan_002.pdf", "zh", ["1.1.1"], keys=keys[:4] + ["n:2006"]),
             fa("scan_003.pdf", "zh", ["1.1.1"], keys=["n:99999", "d:2019-01-01"])]
    assert pair_translations(files).translation_of == {"scan_001.pdf": "scan_002.pdf"}


def test_same_material_alone_is_not_a_translation():
    # An English syllabus and the Chinese occupational standard: two documents.
    files = [fa("syllabus.pdf", "en", ["2.1"]), fa("职业标准.pdf", "zh", ["2.1"])]
    p = pair_translations(files)
    assert p.translation_of == {}
    assert p.untranslated == ["syllabus.pdf"]


def test_different_materials_are_not_paired():
    files = [fa("Articles.pdf", "en", ["1.1.2"]),
             fa("Articles 译文.pdf", "zh", ["4.2"], is_translation=True)]
    assert pair_translations(files).translation_of == {}


def test_bilingual_and_chinese_files_need_no_translation():
    files = [fa("bilingual.pdf", "en", ["3.1"], bilingual=True, has_chinese=True),
             fa("中文.pdf", "zh", ["3.2"])]
    assert pair_translations(files).untranslated == []


def test_japanese_needs_a_translation():
    files = [fa("定款.pdf", "ja", ["1.1.2"])]
    assert pair_translations(files).untranslated == ["定款.pdf"]


def test_one_translation_per_original():
    files = [fa("Syllabus.pdf", "en", ["2.1"]), fa("Syllabus v2.pdf", "en", ["2.1"]),
             fa("Syllabus 中文译本.pdf", "zh", ["2.1"], is_translation=True)]
    p = pair_translations(files)
    assert len(p.translation_of) == 1
    assert len(p.untranslated) == 1


def test_scanned_original_is_paired_by_name():
    scan = fa("Certificate of Incorporation.pdf", "und",
              problems=[FileProblem(NO_TEXT, "scanned")])
    files = [scan, fa("Certificate of Incorporation 中文译本.pdf", "zh", ["1.1.1"],
                      is_translation=True)]
    p = pair_translations(files)
    assert p.translation_of == {"Certificate of Incorporation.pdf":
                                "Certificate of Incorporation 中文译本.pdf"}
    assert p.untranslated == []
