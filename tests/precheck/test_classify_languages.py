"""Classification in the languages foreign bodies write in, by content when the file
name says nothing; 合同/协议/contract in running text is not the cooperation agreement."""

from __future__ import annotations

import pytest

from bot.precheck.classify import classify
from bot.precheck.language import detect_language


def _material(text: str, name: str = "document(1).docx") -> list[str]:
    g = detect_language(text)
    return classify(text, name, language=g.language, bilingual=g.bilingual).materials


CASES = [
    ("fr", "1.1.1", "Récépissé de déclaration de création d'une association\nPréfecture du Rhône\n"
     "L'association dont le siège est à Lyon a été déclarée le 4 mars 2015."),
    ("fr", "1.1.2", "Statuts de l'association Formation Soudure Europe\nArticle 1er – Dénomination\n"
     "Il est fondé entre les adhérents aux présents statuts une association."),
    ("de", "1.1.4", "Bankauskunft\nWir bestätigen, dass die Gesellschaft seit 2012 ein Girokonto "
     "bei unserer Filiale unterhält und ihren Verpflichtungen stets nachgekommen ist."),
    ("es", "3.1", "Reglamento de exámenes\nCapítulo 1. Disposiciones generales\nEl presente "
     "reglamento regula la inscripción, la realización y la calificación de los exámenes."),
    ("it", "1.1.1", "Visura camerale ordinaria\nRegistro delle imprese di Torino\nLa società "
     "risulta iscritta con numero REA TO-112233 dal 12/05/2010."),
    ("it", "1.1.4", "Referenza bancaria\nSi attesta che la società intrattiene presso il nostro "
     "istituto un conto corrente dal 2014 e gode di ottima solvibilità."),
    ("pt", "1.1.2", "Estatutos da Associação Portuguesa de Certificação\nCapítulo I – Denominação, "
     "sede e objeto\nA associação tem a sua sede em Lisboa."),
    ("pt", "3.3", "Requisitos dos centros de exame\nCada centro de exames deve dispor de uma sala "
     "de exame com lugares separados e vigilância permanente."),
    ("nl", "1.1.1", "Uittreksel Handelsregister Kamer van Koophandel\nKvK-nummer 12345678\n"
     "Rechtsvorm: besloten vennootschap, ingeschreven sinds 1 april 2009."),
    ("nl", "2.3", "Voorbeeldexamen lasser niveau 2\nVraag 1: Welke beschermgassen worden gebruikt "
     "bij MAG-lassen?\nVraag 2: Noem drie oorzaken van porositeit."),
    ("ru", "1.1.2", "Устав общества с ограниченной ответственностью\nГлава 1. Общие положения\n"
     "Общество создано в соответствии с законодательством."),
    ("ru", "3.2", "Порядок проведения экзамена\nНаблюдатели проверяют документы кандидатов и "
     "следят за соблюдением правил в аудитории."),
    ("ja", "1.1.4", "残高証明書\n株式会社サンプル技研 御中\n当行における貴社名義の預金残高を"
     "下記のとおり証明いたします。"),
    ("ja", "2.1", "溶接技能者評価試験 出題範囲\n1. 溶接の基礎知識\n2. 安全衛生に関する事項"),
    ("ko", "1.1.4", "잔액증명서\n당행은 귀사 명의의 예금 잔액이 아래와 같음을 증명합니다.\n"
     "계좌번호 123-456-7890"),
    ("ko", "3.1", "시험 규정\n제1조(목적) 이 규정은 용접 기능사 자격 시험의 응시자격과 "
     "시행에 관한 사항을 정한다."),
    ("en", "1.1.3", "Letter of Approval\nThe Ministry of Labour confirms that the Institute is "
     "recognised as an approved awarding body for vocational qualifications."),
    ("zh", "1.1.4", "银行资信证明（中文译本）\n兹证明该公司自2012年起在我行开立账户，"
     "信用良好。"),
]


@pytest.mark.parametrize("lang, material, text", CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_classified_by_content_in_every_language(lang, material, text):
    assert detect_language(text).language == lang
    assert _material(text) == [material]


@pytest.mark.parametrize("text", [
    "第三季度报告\n本公司本季度营业收入同比增长12%。报告期内公司签订销售合同38份，"
    "合同金额合计2.3亿元；与供应商的框架协议按期履行，未发生合同纠纷。",
    "Independent auditor's report\nWe have audited the financial statements. Revenue from "
    "contracts with customers is recognised when control passes. The company entered into "
    "a loan agreement and two lease agreements; contract liabilities are disclosed in note 7.",
    "租赁合同\n出租方：某某物业公司\n承租方：某某科技公司\n租期三年，租金按季度支付。",
])
def test_contract_words_in_running_text_are_not_the_cooperation_agreement(text):
    assert "4.2" not in _material(text)


@pytest.mark.parametrize("text", [
    "合作协议书\n甲方：广西某某职业技能培训学校\n乙方：Example Welding Institute Ltd\n"
    "双方就在广西开展焊工职业资格考试合作达成如下协议。",
    "Agreement\nbetween Party A, Guangxi Example Training Centre, and Party B, Example "
    "Institute Ltd, on cooperation in vocational examinations.",
    "Accord de coopération\nentre l'Institut Exemple et le Centre de formation du Guangxi.",
])
def test_the_cooperation_agreement_is_still_found(text):
    assert _material(text, "file.pdf")[:1] == ["4.2"]
