"""Classification of files to the notice's materials, by content and by name."""

from __future__ import annotations

import pytest

from bot.notice import MATERIALS
from bot.precheck.classify import classify
from bot.precheck.language import detect_language
from tests.support import docgen


def _classify(text: str, name: str = "scan_001.pdf"):
    g = detect_language(text)
    return classify(text, name, language=g.language, bilingual=g.bilingual)


def _text(material: str, lang: str) -> str:
    title, body = docgen.SAMPLES[material][lang]
    return "\n".join([title, *body])


CONTENT_CASES = [(m, lang) for m, langs in docgen.SAMPLES.items() for lang in langs]


def test_every_material_has_chinese_and_english_samples():
    ids = {m.id for m in MATERIALS}
    # the Chinese form (4.1) is tested with real filled-in forms below
    assert ids - {"4.1"} <= {m for m, lang in CONTENT_CASES if lang == "zh"}
    assert ids <= {m for m, lang in CONTENT_CASES if lang == "en"}


@pytest.mark.parametrize("material, lang", CONTENT_CASES)
def test_material_from_content_under_a_meaningless_name(material, lang):
    assert _classify(_text(material, lang)).materials == [material]


@pytest.mark.parametrize("maker", ["docx", "pdf"])
def test_registration_form_from_content(tmp_path, maker):
    from bot.precheck.extract import extract
    from tests.support import formgen

    path = (formgen.filled_annex1_docx(tmp_path / "scan_001.docx") if maker == "docx"
            else formgen.filled_annex1_pdf(tmp_path / "scan_001.pdf"))
    assert _classify(extract(path).text).materials == ["4.1"]


@pytest.mark.parametrize("title, material", [
    ("Bankauskunft der Sparkasse", "1.1.4"),
    ("Attestation bancaire", "1.1.4"),
    ("Referencia bancaria", "1.1.4"),
    ("銀行残高証明書", "1.1.4"),
    ("은행 잔고 증명서", "1.1.4"),
    ("Банковская справка", "1.1.4"),
    ("Handelsregisterauszug", "1.1.1"),
    ("Extrait Kbis", "1.1.1"),
    ("履歴事項全部証明書", "1.1.1"),
    ("Выписка из ЕГРЮЛ", "1.1.1"),
    ("Satzung des Vereins", "1.1.2"),
    ("Statuts de l'association", "1.1.2"),
    ("Estatutos sociales", "1.1.2"),
    ("定款", "1.1.2"),
    ("정관", "1.1.2"),
    ("Устав организации", "1.1.2"),
    ("Prüfungsordnung", "3.1"),
    ("Règlement des examens", "3.1"),
    ("試験規程", "3.1"),
    ("Lehrplan Schweißer", "2.1"),
    ("Programme d'examen", "2.1"),
    ("シラバス", "2.1"),
    ("Программа экзамена", "2.1"),
    ("Musterprüfung", "2.3"),
    ("Modelo de examen", "2.3"),
    ("Kooperationsvertrag", "4.2"),
    ("Accord de coopération", "4.2"),
    ("업무협약서", "4.2"),
    ("Соглашение о сотрудничестве", "4.2"),
    ("Machbarkeitsstudie", "4.3"),
    ("Étude de faisabilité", "4.3"),
    ("타당성 조사 보고서", "4.3"),
    ("Prüfungszentrum Anforderungen", "3.3"),
    ("試験会場の設置基準", "3.3"),
    ("Staatliche Anerkennung", "1.1.3"),
])
def test_foreign_titles(title, material):
    body = "\n".join([title, "Seite 1", "-"])
    assert _classify(body).materials == [material]


@pytest.mark.parametrize("name, material", [
    ("Bank Reference Letter.pdf", "1.1.4"),
    ("营业执照副本.pdf", "1.2.1"),
    ("事业单位法人证书.pdf", "1.2.1"),
    ("考试章程.docx", "3.1"),
    ("考务管理规则.pdf", "3.2"),
    ("feasibility_study_final.docx", "4.3"),
    ("1.1.4 scan.pdf", "1.1.4"),
])
def test_material_from_name_alone(name, material):
    assert classify("", name).materials == [material]


def test_exam_regulations_are_not_articles_of_association():
    text = "考试章程\n第一条 为规范考试工作，制定本章程。\n第二条 本章程由考务部负责解释。"
    assert _classify(text).materials == ["3.1"]


def test_foreign_and_chinese_articles_are_told_apart():
    foreign = _classify(_text("1.1.2", "en"))
    chinese = _classify(_text("1.2.2", "zh"))
    translated = _classify(_text("1.1.2", "zh"), "章程译文.pdf")
    assert foreign.materials == ["1.1.2"]
    assert chinese.materials == ["1.2.2"]
    assert translated.materials == ["1.1.2"] and translated.is_translation
    # The English version of the Chinese partner's articles is still the Chinese articles.
    assert _classify(_text("1.2.2", "en")).materials == ["1.2.2"]


def test_foreign_registration_certificate_is_not_a_business_licence():
    assert _classify(_text("1.1.1", "en")).materials == ["1.1.1"]
    assert _classify(_text("1.1.1", "zh")).materials == ["1.1.1"]  # its Chinese translation
    assert _classify(_text("1.2.1", "zh")).materials == ["1.2.1"]
    assert _classify("事业单位法人证书\n统一社会信用代码 12450000MB0000000X\n举办单位 某某厅") \
        .materials == ["1.2.1"]


def test_one_file_with_two_materials():
    text = "\n".join([_text("3.2", "zh"), "", _text("3.3", "zh")])
    assert sorted(_classify(text).materials) == ["3.2", "3.3"]


def test_body_mentions_do_not_add_materials():
    # The agreement mentions the syllabus and the certificates in passing.
    assert _classify(_text("4.2", "en")).materials == ["4.2"]
    assert _classify(_text("4.3", "zh")).materials == ["4.3"]


def test_unclassified_keeps_best_guesses():
    text = "Minutes of the meeting\nThe chair opened the meeting. The agreement was discussed."
    c = _classify(text)
    assert c.materials == [] and c.unclassified
    assert c.candidates and c.candidates[0][0] == "4.2"
    assert all(0 < score < 1 for _, score in c.candidates)


def test_nothing_to_go_on():
    c = classify("", "scan_001.pdf")
    assert c.materials == [] and c.candidates == []


@pytest.mark.parametrize("name, title, expected", [
    ("章程（中文译本）.pdf", "", True),
    ("articles_translation.docx", "", True),
    ("scan.pdf", "银行资信证明（译文）", True),
    ("章程.pdf", "某某公司章程", False),
])
def test_translation_cue(name, title, expected):
    c = classify(title + "\n第一条 内容。", name, language="zh")
    assert c.is_translation is expected
