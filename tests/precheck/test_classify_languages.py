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


# Approvals, exam administration and regulations, registers, bank letters, centres and
# syllabuses as foreign bodies write them, the file name saying nothing.
MORE = [
 ("1.1.3","Décision n° 2019-114\nLe ministre du Travail,\nVu le code du travail,\nDécide : l'organisme Soudure Formation est habilité à délivrer le certificat de qualification professionnelle."),
 ("1.1.3","Bescheid\nDas Landesministerium für Arbeit erkennt die Schweißakademie Nord als Prüfstelle für Schweißerprüfungen an.\nDie Anerkennung gilt bis 2027."),
 ("1.1.3","Resolución de 4 de marzo de 2020\nLa Dirección General de Formación Profesional autoriza a la entidad a expedir certificados de profesionalidad."),
 ("1.1.3","Decreto n. 45/2018\nLa Regione autorizza l'ente a rilasciare attestati di qualifica professionale nel settore della saldatura."),
 ("1.1.3","Приказ № 112\nМинистерство труда разрешает организации проводить независимую оценку квалификации сварщиков."),
 ("1.1.3","認定通知書\n厚生労働大臣は、貴団体を溶接技能評価の実施機関として認定します。"),
 ("1.1.3","지정서\n고용노동부장관은 귀 기관을 용접 자격 검정 기관으로 지정합니다."),
 ("1.1.3","Besluit erkenning\nDe minister van Onderwijs erkent de stichting als examenorganisatie voor lassers."),
 ("1.1.3","Despacho n.º 23/2019\nO Ministério do Trabalho autoriza a entidade a emitir certificados de qualificação profissional."),
 ("3.2","Durchführung der Prüfung\n1. Die Aufsicht prüft die Ausweise der Teilnehmer.\n2. Mobiltelefone sind während der Prüfung auszuschalten."),
 ("3.2","Déroulement des épreuves\nLes surveillants vérifient l'identité des candidats. Les téléphones portables sont interdits dans la salle."),
 ("3.2","Normas para la administración de los exámenes\nLos vigilantes comprueban la identidad de los candidatos antes de la prueba."),
 ("3.2","Procedure di svolgimento degli esami\nI sorveglianti controllano i documenti dei candidati prima dell'inizio della prova."),
 ("3.2","Procedimentos de realização dos exames\nOs vigilantes verificam a identidade dos candidatos antes do início da prova."),
 ("3.2","Instructies voor de examenafname\nDe surveillanten controleren de identiteit van de kandidaten voor aanvang."),
 ("3.2","Правила организации экзамена\nНаблюдатели проверяют документы кандидатов до начала экзамена."),
 ("3.2","試験監督要領\n監督員は受験者の本人確認を行い、携帯電話の電源を切らせる。"),
 ("3.2","시험 감독 지침\n감독관은 시험 시작 전에 응시자의 신분증을 확인한다."),
 ("3.2","Instructions for invigilators\nCheck each candidate's identity before the start. Mobile phones must be switched off."),
 ("3.1","Regolamento d'esame\nArt. 1 Ammissione. Possono sostenere l'esame i candidati che hanno completato la formazione."),
 ("3.1","Prüfungsordnung\n§ 1 Zulassung zur Prüfung\nZur Prüfung wird zugelassen, wer die Ausbildung abgeschlossen hat."),
 ("3.1","Положение о проведении экзамена\n1. Общие положения. К экзамену допускаются кандидаты, прошедшие обучение."),
 ("3.1","Regulamento do exame\nArtigo 1.º Admissão. Podem realizar o exame os candidatos que concluíram a formação."),
 ("1.1.1","Certificado de inscrição\nConservatória do Registo Comercial de Lisboa\nA sociedade encontra-se matriculada sob o número 503 123 456."),
 ("1.1.1","Свидетельство о государственной регистрации юридического лица\nОГРН 1027700132195"),
 ("1.1.4","Справка\nНастоящим банк подтверждает, что организация имеет расчетный счет в нашем банке с 2015 года."),
 ("1.1.4","Attestazione bancaria\nSi conferma che la società è titolare di un conto presso la nostra banca dal 2016."),
 ("3.3","Requisiti per i centri d'esame\nOgni sede d'esame deve disporre di postazioni di saldatura separate e di ventilazione."),
 ("3.3","Требования к экзаменационным центрам\nЦентр должен иметь сварочные посты и вентиляцию."),
 ("2.1","Программа экзамена по сварке\n1. Основы сварки. 2. Охрана труда."),
 ("2.1","Programma d'esame per saldatori\n1. Fondamenti di saldatura. 2. Sicurezza sul lavoro."),
 ("1.2.3","机构简介\n广西某某职业培训学校成立于2008年，现有教职工85人，实训工位120个。"),
]


@pytest.mark.parametrize("material, text", MORE, ids=[f"{m}-{i}" for i, (m, _t) in enumerate(MORE)])
def test_more_materials_by_content(material, text):
    assert _material(text, "document(3).docx")[:1] == [material]
