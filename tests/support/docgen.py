"""Generators of test documents: DOCX (python-docx) and PDF (reportlab, with a real CJK
text layer), plus hostile files (image-only, encrypted, truncated, zip bombs).

Everything here writes small files into a directory the caller owns (a pytest
``tmp_path`` or a temporary folder); nothing is shipped as a binary fixture.
``SAMPLES`` holds a realistic title and body for every material of the notice, in
Chinese and English, and a few in French and German.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

from tests.support.pdfgen import (  # noqa: F401  (docgen.make_pdf … as before)
    lzw_bomb,
    make_blank_pdf,
    make_image_pdf,
    make_pdf,
    make_truncated,
    raw_pdf,
    raw_stream,
)

FOREIGN_ORG = "Global Welding Institute Ltd"
CHINESE_ORG = "广西桂南职业技能评价有限公司"

# material id → language → (title, paragraphs)
SAMPLES: dict[str, dict[str, tuple[str, list[str]]]] = {
    "1.1.1": {
        "en": ("Certificate of Incorporation", [
            "Company No. 04567321",
            "The Registrar of Companies for England and Wales hereby certifies that "
            "GLOBAL WELDING INSTITUTE LTD is this day incorporated under the Companies Act 2006 "
            "as a private company, that the company is limited by guarantee, and the situation "
            "of its registered office is in England and Wales.",
            "Given at Companies House, Cardiff, on 14 March 2008.",
        ]),
        "zh": ("公司注册证书（中文译本）", [
            "公司编号：04567321",
            "英格兰及威尔士公司注册处处长特此证明，GLOBAL WELDING INSTITUTE LTD 于本日根据"
            "《2006年公司法》注册成立为私人公司，该公司为担保有限公司，其注册办事处位于英格兰及威尔士。",
            "2008年3月14日于卡迪夫公司注册处签发。",
        ]),
        "de": ("Handelsregisterauszug", [
            "Amtsgericht München, Handelsregister Abteilung B, HRB 204517",
            "Firma: Schweißtechnik Ausbildungs GmbH. Sitz: München. Gegenstand des Unternehmens: "
            "berufliche Ausbildung und Prüfung im Bereich Schweißtechnik.",
            "Tag der ersten Eintragung: 03.05.2011",
        ]),
        "fr": ("Extrait Kbis", [
            "Greffe du Tribunal de commerce de Lyon. Immatriculation au registre du commerce et des "
            "sociétés : RCS Lyon 512 345 678.",
            "Dénomination : Institut Européen de Soudure SAS. Date d'immatriculation : 12/09/2009.",
        ]),
    },
    "1.1.2": {
        "en": ("Articles of Association of Global Welding Institute Ltd", [
            "1. Name. The name of the company is Global Welding Institute Ltd (the Institute).",
            "2. Objects. The objects of the Institute are to advance education and training in "
            "welding and allied joining technologies and to award vocational qualifications.",
            "3. Members. The liability of the members is limited to GBP 1 each.",
            "4. Income. The income and property of the Institute shall be applied solely towards "
            "the promotion of its objects and no portion shall be paid by way of dividend.",
        ]),
        "zh": ("Global Welding Institute Ltd 公司章程（中文译本）", [
            "第一条 名称。公司名称为 Global Welding Institute Ltd（以下简称“本学会”）。",
            "第二条 宗旨。本学会的宗旨是促进焊接及相关连接技术的教育和培训，并颁发职业资格。",
            "第三条 成员。成员的责任以每人1英镑为限。",
            "第四条 收入。本学会的收入和财产只能用于实现其宗旨，不得以股息形式分配。",
        ]),
        "de": ("Satzung des Vereins Schweißtechnik Ausbildung e.V.", [
            "§ 1 Name und Sitz. Der Verein führt den Namen Schweißtechnik Ausbildung e.V. und hat "
            "seinen Sitz in München.",
            "§ 2 Zweck. Zweck des Vereins ist die Förderung der beruflichen Bildung.",
        ]),
        "fr": ("Statuts de l'Institut Européen de Soudure", [
            "Article 1 - Dénomination. La société a pour dénomination Institut Européen de Soudure.",
            "Article 2 - Objet. La société a pour objet la formation professionnelle et la "
            "certification des compétences dans le domaine du soudage.",
        ]),
    },
    "1.1.3": {
        "en": ("Letter of Approval for Awarding Organisation Recognition", [
            "The Office of Qualifications and Examinations Regulation (Ofqual) confirms that "
            "Global Welding Institute Ltd is recognised as an awarding organisation and is approved "
            "by the government to award the regulated qualifications listed in the schedule.",
            "Recognition number: RN5432. Date of recognition: 1 June 2012.",
        ]),
        "zh": ("政府认证批准文件（中文译本）", [
            "英国资格与考试监管办公室（Ofqual）确认，Global Welding Institute Ltd 已获认可为颁证机构，"
            "经政府批准颁发附表所列受监管的资格证书。",
            "认可编号：RN5432。认可日期：2012年6月1日。",
        ]),
    },
    "1.1.4": {
        "en": ("Bank Reference Letter", [
            "To whom it may concern",
            "We confirm that Global Welding Institute Ltd has maintained a current account with "
            "Barclays Bank PLC since 2008. The account has been conducted satisfactorily and the "
            "customer is considered good for normal business engagements.",
            "This bank reference is given in strict confidence and without responsibility on the "
            "part of the bank. Sort code 20-45-77, dated 5 May 2020.",
        ]),
        "zh": ("银行资信证明（中文译本）", [
            "致有关人士：",
            "兹证明 Global Welding Institute Ltd 自2008年起在 Barclays Bank PLC 开立往来账户，"
            "账户运作良好，客户资信可靠，可进行正常业务往来。",
            "本资信证明严格保密，银行不承担任何责任。银行代码 20-45-77，日期2020年5月5日。",
        ]),
        "de": ("Bankauskunft", [
            "Sehr geehrte Damen und Herren,",
            "wir bestätigen, dass die Schweißtechnik Ausbildungs GmbH seit 2011 ein Geschäftskonto "
            "bei unserer Bank unterhält. Die Kontoführung war stets einwandfrei.",
        ]),
        "fr": ("Attestation bancaire", [
            "Nous soussignés, BNP Paribas, attestons que la société Institut Européen de Soudure "
            "est titulaire d'un compte courant dans nos livres depuis 2009 et que ce compte a "
            "toujours fonctionné de manière satisfaisante.",
        ]),
    },
    "1.2.1": {
        "zh": ("营业执照", [
            "统一社会信用代码 91110000600037341L",
            f"名称 {CHINESE_ORG}",
            "类型 有限责任公司  法定代表人 张伟",
            "经营范围 职业技能培训；职业技能评价服务；教育咨询服务。",
            "注册资本 伍佰万元整  成立日期 2015年06月18日  住所 南宁市青秀区民族大道100号",
            "登记机关 南宁市市场监督管理局",
        ]),
        "en": ("Business Licence (translation)", [
            "Unified Social Credit Code 91110000600037341L",
            "Name: Guangxi Guinan Vocational Skill Evaluation Co., Ltd.",
            "Legal representative: Zhang Wei. Business scope: vocational skill training and "
            "vocational skill evaluation services.",
            "Registration authority: Nanning Administration for Market Regulation",
        ]),
    },
    "1.2.2": {
        "zh": (f"{CHINESE_ORG}章程", [
            "第一章 总则",
            f"第一条 为规范公司的组织和行为，根据《中华人民共和国公司法》制定本章程。公司名称为{CHINESE_ORG}。",
            "第二条 公司住所：南宁市青秀区民族大道100号。",
            "第二章 经营范围",
            "第三条 公司经营范围：职业技能培训、职业技能评价服务。",
            "第三章 股东会、董事和监事",
            "第四条 股东会由全体股东组成，是公司的权力机构。",
        ]),
        "en": ("Articles of Association of Guangxi Guinan Vocational Skill Evaluation Co., Ltd.", [
            "Chapter 1 General Provisions",
            "Article 1 These Articles are formulated in accordance with the Company Law of the "
            "People's Republic of China. The company is Guangxi Guinan Vocational Skill "
            "Evaluation Co., Ltd., registered in Nanning.",
        ]),
    },
    "1.2.3": {
        "zh": ("机构简介", [
            f"{CHINESE_ORG}成立于2015年，是经广西壮族自治区人力资源和社会保障厅备案的职业技能等级认定机构。",
            "公司现有专职工作人员26人，考评人员48人，拥有焊接实训工位60个。",
            "近三年累计开展职业技能等级认定1.2万人次，获评自治区优秀评价机构。",
        ]),
        "en": ("Introduction to the Institution", [
            "Guangxi Guinan Vocational Skill Evaluation Co., Ltd. was founded in 2015 and is a "
            "vocational skill level recognition institution on record with the Guangxi Department "
            "of Human Resources and Social Security.",
            "It has 26 full-time staff, 48 examiners and 60 welding workstations.",
        ]),
    },
    "2.1": {
        "en": ("Welding Practitioner Syllabus", [
            "Qualification: International Welding Practitioner, Levels 1 to 3",
            "Unit 101 Health and safety in the welding environment. Learning outcomes: the "
            "candidate will be able to identify hazards and apply safe working practices.",
            "Unit 102 Manual metal arc welding of plate. Assessment criteria: the candidate "
            "produces fillet and butt welds to ISO 5817 quality level C.",
            "Guided learning hours: 240. Assessment: practical test and written examination.",
        ]),
        "zh": ("焊工考试大纲", [
            "适用证书：国际焊接从业人员，一级至三级",
            "单元101 焊接作业环境的健康与安全。学习目标：考生能够识别危险源并采取安全作业方法。",
            "单元102 板材焊条电弧焊。考核要求：考生按 ISO 5817 C 级质量要求完成角焊缝和对接焊缝。",
            "学时：240。考核方式：实操考试和理论考试。",
        ]),
        "fr": ("Programme d'examen du soudeur", [
            "Qualification : Soudeur international, niveaux 1 à 3.",
            "Module 101 Santé et sécurité dans l'environnement de soudage. Le candidat sera capable "
            "d'identifier les risques.",
        ]),
        "de": ("Lehrplan Schweißer", [
            "Qualifikation: Internationaler Schweißer, Stufen 1 bis 3.",
            "Modul 101 Arbeitssicherheit beim Schweißen. Der Prüfling kann Gefahren erkennen.",
        ]),
    },
    "2.2": {
        "en": ("Certificate Levels and Sample Certificates", [
            "The International Welding Practitioner qualification is awarded at three levels: "
            "Level 1 (foundation), Level 2 (practitioner) and Level 3 (advanced practitioner).",
            "A sample certificate for each level is attached. Each certificate bears the "
            "certificate number, the candidate's name, the level and the date of award.",
        ]),
        "zh": ("证书等级规定及各等级证书样本", [
            "国际焊接技能证书分为三个等级：一级（基础级）、二级（从业级）和三级（高级）。",
            "附各等级证书样本。证书载明证书编号、持证人姓名、等级和颁发日期。",
        ]),
    },
    "2.3": {
        "en": ("Sample Examination Paper - Level 2", [
            "Time allowed: 90 minutes. Answer all questions.",
            "Question 1. State three hazards associated with manual metal arc welding. (6 marks)",
            "Question 2. Describe the purpose of preheating before welding carbon steel. (4 marks)",
            "Question 3. Which electrode classification is suitable for vertical-up welding? "
            "A) E6013 B) E7018 C) E6010 D) E7024",
        ]),
        "zh": ("二级考试样卷", [
            "考试时间：90分钟。请回答全部试题。",
            "第1题 写出焊条电弧焊的三种危险因素。（6分）",
            "第2题 说明碳钢焊前预热的目的。（4分）",
            "第3题 哪种焊条适用于立向上焊？A) E6013 B) E7018 C) E6010 D) E7024",
        ]),
    },
    "3.1": {
        "en": ("Examination Regulations", [
            "1. Scope. These regulations govern all examinations leading to the qualifications "
            "of Global Welding Institute Ltd.",
            "2. Eligibility. Candidates must be at least 18 years old and have completed the "
            "required guided learning hours.",
            "3. Appeals. A candidate may appeal against an examination result within 30 days.",
        ]),
        "zh": ("考试章程", [
            "第一条 为规范国际焊接从业人员证书考试，制定本章程。",
            "第二条 报考条件：年满18周岁，完成规定学时的培训。",
            "第三条 考生对考试成绩有异议的，可在30日内申请复核。",
        ]),
        "de": ("Prüfungsordnung", [
            "§ 1 Geltungsbereich. Diese Prüfungsordnung gilt für alle Prüfungen zum internationalen "
            "Schweißer.",
            "§ 2 Zulassung zur Prüfung. Zur Prüfung wird zugelassen, wer das 18. Lebensjahr "
            "vollendet hat.",
        ]),
    },
    "3.2": {
        "en": ("Examination Administration Rules", [
            "1. Invigilation. Each examination room shall have at least two invigilators.",
            "2. Security of examination papers. Papers are kept sealed and opened in front of "
            "candidates.",
            "3. Malpractice. Any candidate found cheating shall be disqualified.",
        ]),
        "zh": ("考务管理规则", [
            "第一条 监考。每个考场至少配备两名监考人员。",
            "第二条 试卷保密。试卷密封保管，当众启封。",
            "第三条 违纪处理。考生作弊的，取消其考试资格。",
        ]),
    },
    "3.3": {
        "en": ("Test Centre Standards", [
            "1. Premises. A test centre shall have a practical workshop of at least 200 square "
            "metres with at least 10 welding booths.",
            "2. Equipment. Each booth shall have a welding power source, extraction and "
            "personal protective equipment.",
            "3. Surveillance. Every examination room shall be covered by video surveillance.",
        ]),
        "zh": ("考点设置标准", [
            "一、场地。考点应有不少于200平方米的实操车间，焊接工位不少于10个。",
            "二、设备。每个工位配备焊接电源、排烟装置和个人防护用品。",
            "三、监控。每个考场应安装视频监控设备。",
        ]),
    },
    "4.1": {
        "en": ("Registration Form (Annex 1)", [
            "Registration form for the review of foreign vocational qualification "
            "certificates and their issuing institutions",
            "1. Basic information on the applicant",
            "Institution name: Guangxi Guinan Vocational Skill Evaluation Co., Ltd.",
            "Unified social credit code: 91110000600037341L",
            "Name of the certificate-issuing institution: Global Welding Institute Ltd",
            "2. Certificates to be examined and issued",
        ]),
    },
    "4.2": {
        "en": ("Cooperation Agreement", [
            f"This agreement is made between {FOREIGN_ORG} (Party A) and Guangxi Guinan "
            "Vocational Skill Evaluation Co., Ltd. (Party B).",
            "1. Party B shall organise the examinations in the China (Guangxi) Pilot Free Trade "
            "Zone. 2. Party A shall provide the syllabus and certificates.",
            "3. Term: five years from 1 January 2021.",
        ]),
        "zh": ("合作协议书", [
            f"甲方：{FOREIGN_ORG}    乙方：{CHINESE_ORG}",
            "一、乙方负责在中国（广西）自由贸易试验区内组织实施考试。二、甲方提供考试大纲和证书。",
            "三、协议期限为五年，自2021年1月1日起。",
        ]),
    },
    "4.3": {
        "en": ("Feasibility Report on the Examination", [
            "1. Demand. The welding industry in Guangxi employs more than 80,000 welders.",
            "2. Capacity. The partner has 60 welding workstations and 48 examiners.",
            "3. Conclusion. Introducing the examination is feasible.",
        ]),
        "zh": ("考试的可行性论证报告", [
            "一、需求分析。广西焊接行业从业人员超过8万人。",
            "二、承办能力。合作机构拥有焊接工位60个、考评人员48名。",
            "三、结论。引进该证书考试是可行的。",
        ]),
    },
}


def make_docx(path: Path, paragraphs: Sequence[str], *, tables: Sequence[Sequence[Sequence[str]]]
              = (), header: str | None = None, footer: str | None = None,
              sdt: Sequence[str] = (), run_sdt: str | None = None, title: str | None = None,
              merges: Sequence[tuple[int, int, int, int, int]] = (),
              nested: Sequence[tuple[int, int, int, Sequence[Sequence[str]]]] = (),
              declared_pages: int | None = None, sections: Sequence[Sequence[str]] = ()) -> Path:
    """Write a DOCX.

    ``tables`` are rows of cell texts; ``merges`` are (table, row1, col1, row2, col2) cell
    ranges to merge; ``nested`` puts a table (rows) into cell (table, row, col).  ``sdt``
    adds block-level content controls holding those texts; ``run_sdt`` adds a paragraph
    whose text sits in a run-level content control.  ``sections`` adds more sections
    (each a list of paragraphs) after a section break.  ``declared_pages`` writes that
    page count into docProps/app.xml the way Word does; without it the page count python-
    docx's template carries is stale and is ignored by the reader.
    """
    data = docx_bytes(paragraphs, tables=tables, header=header, footer=footer, sdt=sdt,
                      run_sdt=run_sdt, title=title, merges=merges, nested=nested,
                      declared_pages=declared_pages, sections=sections)
    Path(path).write_bytes(data)
    return Path(path)


def docx_bytes(paragraphs: Sequence[str], *, tables: Sequence[Sequence[Sequence[str]]] = (),
               header: str | None = None, footer: str | None = None, sdt: Sequence[str] = (),
               run_sdt: str | None = None, title: str | None = None,
               merges: Sequence[tuple[int, int, int, int, int]] = (),
               nested: Sequence[tuple[int, int, int, Sequence[Sequence[str]]]] = (),
               declared_pages: int | None = None, sections: Sequence[Sequence[str]] = ()) -> bytes:
    """The bytes of the DOCX :func:`make_docx` writes."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml.parser import parse_xml

    d = docx.Document()
    if title is not None:
        d.core_properties.title = title
    for text in paragraphs:
        d.add_paragraph(text)
    body = d.element.body
    w_ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for text in sdt:
        el = parse_xml(
            f'<w:sdt {w_ns}><w:sdtPr><w:alias w:val="field"/></w:sdtPr><w:sdtContent>'
            f'<w:p><w:r><w:t xml:space="preserve">{_xml(text)}</w:t></w:r></w:p>'
            f'</w:sdtContent></w:sdt>')
        body.insert(len(body) - 1, el)
    if run_sdt is not None:
        p = d.add_paragraph("Value: ")
        p._p.append(parse_xml(
            f'<w:sdt {w_ns}><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve">'
            f'{_xml(run_sdt)}</w:t></w:r></w:sdtContent></w:sdt>'))
    created = []
    for rows in tables:
        ncols = max((len(r) for r in rows), default=1)
        t = d.add_table(rows=len(rows), cols=ncols)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                t.cell(i, j).text = value
        created.append(t)
    for ti, r1, c1, r2, c2 in merges:
        t = created[ti]
        t.cell(r1, c1).merge(t.cell(r2, c2))
    for ti, r, c, rows in nested:
        cell = created[ti].cell(r, c)
        ncols = max((len(x) for x in rows), default=1)
        inner = cell.add_table(rows=len(rows), cols=ncols)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                inner.cell(i, j).text = value
    for extra in sections:
        d.add_section(WD_SECTION.NEW_PAGE)
        for text in extra:
            d.add_paragraph(text)
    if header is not None:
        d.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        d.sections[0].footer.paragraphs[0].text = footer
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if declared_pages is not None:
        data = _set_app_pages(data, declared_pages)
    return data


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _set_app_pages(data: bytes, pages: int) -> bytes:
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
           '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Pages>{pages}</Pages><Words>{pages * 300}</Words>"
           f"<Characters>{pages * 1800}</Characters><Application>Microsoft Office Word"
           "</Application></Properties>")
    return _rewrite_zip(data, {"docProps/app.xml": app.encode()})


def _rewrite_zip(data: bytes, replace: dict[str, bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def make_zip_bomb_docx(path: Path, *, inflated_bytes: int = 0, entries: int = 0,
                       lie_about_size: bool = False) -> Path:
    """A DOCX that is a valid Word file plus a payload meant to exhaust the reader.

    ``inflated_bytes`` adds one entry of zeros that inflates to that size (a high
    compression ratio); ``entries`` adds that many tiny entries; ``lie_about_size`` makes
    the zip directory declare the big entry as 1 KiB, so only its real inflated size
    gives it away.
    """
    buf = io.BytesIO(docx_bytes(["Bank Reference Letter", "An ordinary looking document."]))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        if inflated_bytes:
            with zf.open("word/media/payload.bin", "w", force_zip64=inflated_bytes > 2**31) as fh:
                chunk = b"\0" * (1 << 20)
                left = inflated_bytes
                while left > 0:
                    fh.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
        for i in range(entries):
            zf.writestr(f"customXml/item{i + 100}.xml", "<a/>")
    data = buf.getvalue()
    if lie_about_size and inflated_bytes:
        data = _lie_about_size(data, "word/media/payload.bin", 1024)
    Path(path).write_bytes(data)
    return Path(path)


def _lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Overwrite an entry's uncompressed size in its local header and the central directory."""
    buf = bytearray(data)
    raw = name.encode()
    # Local file header: signature, ..., uncompressed size at offset 22, name at 30.
    pos = buf.find(b"PK\x03\x04")
    while pos != -1:
        name_len, extra_len = struct.unpack_from("<HH", buf, pos + 26)
        if bytes(buf[pos + 30: pos + 30 + name_len]) == raw:
            struct.pack_into("<I", buf, pos + 22, size)
        pos = buf.find(b"PK\x03\x04", pos + 4)
    # Central directory header: uncompressed size at offset 24, name at 46.
    pos = buf.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46: pos + 46 + name_len]) == raw:
            struct.pack_into("<I", buf, pos + 24, size)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    return bytes(buf)


def write_sample(path: Path, material: str, lang: str, *, kind: str | None = None,
                 extra: Sequence[str] = ()) -> Path:
    """Write the sample document of ``material`` in ``lang`` as PDF or DOCX (by suffix
    unless ``kind`` is given)."""
    title, body = SAMPLES[material][lang]
    lines = [title, *body, *extra]
    kind = kind or Path(path).suffix.lstrip(".").lower()
    if kind == "pdf":
        return make_pdf(path, lines)
    return make_docx(path, lines)


