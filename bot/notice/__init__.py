"""The notice 桂人社规〔2020〕12号 as structured data.

This module is the single source of truth for every fact the assistant states:
who approves, the licensing conditions, the materials list, the procedure and its
time limit, supervision, the duties after approval and the fields of the two annex
forms.  Chinese text is the notice's own wording; English text is a rendering of
it.  Answers, checklists, reports and templates are rendered from here and never
retyped elsewhere.

A clause is cited by its place in the notice, e.g. ``二（一）`` / ``II(1)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Clause:
    """A numbered place in the notice, e.g. part 二, item （一）."""

    ref: Text  # "二（一）" / "II(1)"
    heading: Text  # the heading of the part it sits in

    def cite(self, lang: str) -> str:
        if lang == "en":
            return f"Notice {NOTICE.number}, Part {self.ref.en} ({self.heading.en})"
        return f"《通知》{self.ref.zh}（{self.heading.zh}）"

    def short(self, lang: str) -> str:
        return f"Part {self.ref.en}" if lang == "en" else self.ref.zh


@dataclass(frozen=True)
class NoticeInfo:
    number: str
    title: Text
    issuer: Text
    signed: str  # ISO date on the signature
    printed: str  # ISO date the office printed it
    basis: Text  # the document that delegated the power
    reform: Text  # the reform the delegation belongs to
    addressees: Text
    free_trade_zone_areas: tuple[Text, ...]


NOTICE = NoticeInfo(
    number="桂人社规〔2020〕12号",
    title=Text(
        zh="广西壮族自治区人力资源和社会保障厅关于明确自由贸易试验区以技能为主的国外职业资格证书"
        "及发证机构资格审核和注册工作有关事项的通知",
        en="Notice of the Human Resources and Social Security Department of Guangxi Zhuang Autonomous "
        "Region on the approval and registration of foreign skill-based vocational qualification "
        "certificates and their issuing institutions in the Free Trade Zone",
    ),
    issuer=Text(
        zh="广西壮族自治区人力资源和社会保障厅",
        en="Human Resources and Social Security Department of Guangxi Zhuang Autonomous Region",
    ),
    signed="2020-09-22",
    printed="2020-09-25",
    basis=Text(
        zh="人力资源社会保障部办公厅《关于印发<人力资源社会保障部关于在自由贸易试验区开展“证照分离”"
        "改革全覆盖试点的实施方案>的通知》（人社厅发〔2019〕103号）",
        en="the General Office of the Ministry of Human Resources and Social Security's notice "
        "Ren She Ting Fa [2019] No. 103 (人社厅发〔2019〕103号), issuing the Ministry's plan for the "
        "full-coverage pilot of the “separating permits from business licences” (证照分离) reform in "
        "free trade zones",
    ),
    reform=Text(
        zh="“以技能为主的国外职业资格证书及发证机构资格审核和注册”行政审批事项的审批权限已下放至"
        "自由贸易试验区省级人力资源和社会保障部门",
        en="the power to approve “review and registration of foreign skill-based vocational "
        "qualification certificates and their issuing institutions” has been delegated to the "
        "provincial-level human resources and social security departments of the free trade zones",
    ),
    addressees=Text(
        zh="各市人力资源和社会保障局，中国（广西）自由贸易试验区南宁片区、钦州港片区、崇左片区管理委员会",
        en="the human resources and social security bureaus of every city, and the management "
        "committees of the Nanning, Qinzhou Port and Chongzuo areas of the China (Guangxi) Pilot "
        "Free Trade Zone",
    ),
    free_trade_zone_areas=(
        Text(zh="南宁片区", en="Nanning Area"),
        Text(zh="钦州港片区", en="Qinzhou Port Area"),
        Text(zh="崇左片区", en="Chongzuo Area"),
    ),
)

# ---------------------------------------------------------------------------
# Part 一: approval level
# ---------------------------------------------------------------------------

APPROVAL_CLAUSE = Clause(Text("一", "I"), Text("审批层级", "Approval level"))
APPROVAL_AUTHORITY = Text(
    zh="自治区人力资源社会保障部门",
    en="the human resources and social security department of the Autonomous Region",
)

# ---------------------------------------------------------------------------
# Part 二: licensing conditions
# ---------------------------------------------------------------------------

CONDITIONS_HEADING = Text("许可条件", "Licensing conditions")


@dataclass(frozen=True)
class ConditionClause:
    """One numbered item of part 二, with its full text."""

    clause: Clause
    text: Text


CONDITION_CLAUSES: tuple[ConditionClause, ...] = (
    ConditionClause(
        Clause(Text("二（一）", "II(1)"), CONDITIONS_HEADING),
        Text(
            zh="申请注册的国外职业资格证书应当在国际上具有广泛的影响和流通性，其职业种类和标准应符合"
            "我国职业资格证书体系发展的需要。开展引进工作的中外合作机构应具有相应的技术实力和可靠的"
            "资信，其活动不得以营利为目的。",
            en="A foreign vocational qualification certificate applied for registration shall have broad "
            "international influence and circulation, and its occupations and standards shall meet the "
            "needs of the development of China's vocational qualification certificate system. The "
            "Chinese-foreign cooperating institutions carrying out the introduction shall have the "
            "corresponding technical strength and reliable credit standing, and their activities shall "
            "not be for profit.",
        ),
    ),
    ConditionClause(
        Clause(Text("二（二）", "II(2)"), CONDITIONS_HEADING),
        Text(
            zh="境外机构及其驻华办事机构拟在我区境内开展国外职业技能考试或职业资格认证和发证活动的，"
            "必须与经自治区人力资源社会保障部门备案的职业技能评价机构（职业技能考核鉴定机构或职业技能"
            "等级认定机构）、行业组织、社会团体或其它相应法人机构合作，且同一时期内中方合作机构原则上"
            "应为一家。",
            en="An overseas institution or its representative office in China that intends to conduct "
            "foreign vocational skill examinations, or vocational qualification certification and "
            "certificate issuing, within the Region must cooperate with a vocational skill evaluation "
            "institution (a vocational skill testing and appraisal institution or a vocational skill "
            "level recognition institution), an industry organisation, a social group or another "
            "appropriate legal-person institution that is on record with the Autonomous Region's human "
            "resources and social security department; in principle there shall be only one Chinese "
            "cooperating institution at a time.",
        ),
    ),
    ConditionClause(
        Clause(Text("二（三）", "II(3)"), CONDITIONS_HEADING),
        Text(
            zh="申请机构应当具备独立法人资格、明确的考试项目和考试章程、承办考试的必要条件。",
            en="The applying institution shall have independent legal-person status, clearly defined "
            "examination items and examination regulations, and the conditions necessary to hold the "
            "examinations.",
        ),
    ),
)


@dataclass(frozen=True)
class Condition:
    """One separately checkable licensing condition (a piece of a part-二 item)."""

    id: str
    clause: Clause
    requirement: Text  # the notice's words for this piece
    question: Text  # the self-check question, in plain words
    if_failed: Text  # what failing it means for the application
    evidence: Text  # what settles it when the applicant is unsure
    materials: tuple[str, ...]  # ids of the materials that bear on it


_EXPERT_REVIEW = Text(
    zh="通知未规定具体的量化标准，是否满足由审批部门组织专家审核论证时判断（四（二））。",
    en="The notice sets no numeric threshold; whether it is met is judged in the expert review the "
    "department organises (Part IV(2)).",
)


def _clause(i: int) -> Clause:
    return CONDITION_CLAUSES[i].clause


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        id="international_recognition",
        clause=_clause(0),
        requirement=Text(
            zh="申请注册的国外职业资格证书应当在国际上具有广泛的影响和流通性",
            en="the foreign certificate has broad international influence and circulation",
        ),
        question=Text(
            zh="您申请注册的国外职业资格证书，是否在国际上具有广泛的影响和流通性？",
            en="Does the foreign vocational qualification certificate you want to register have broad "
            "international influence and circulation?",
        ),
        if_failed=Text(
            zh="不满足这一条件的证书不符合许可条件，不能申请注册。",
            en="A certificate that does not meet this condition does not satisfy the licensing "
            "conditions and cannot be registered.",
        ),
        evidence=Text(
            zh="请准备能说明证书国际影响和流通情况的材料，例如职业标准或考试大纲、证书等级规定及样本、"
            "考试的可行性论证报告。" + _EXPERT_REVIEW.zh,
            en="Prepare material showing the certificate's international influence and circulation, such "
            "as the occupational standard or syllabus, the certificate levels and samples, and the "
            "feasibility report. " + _EXPERT_REVIEW.en,
        ),
        materials=("2.1", "2.2", "4.3"),
    ),
    Condition(
        id="fits_chinese_system",
        clause=_clause(0),
        requirement=Text(
            zh="其职业种类和标准应符合我国职业资格证书体系发展的需要",
            en="its occupations and standards meet the needs of the development of China's vocational "
            "qualification certificate system",
        ),
        question=Text(
            zh="证书的职业种类和标准，是否符合我国职业资格证书体系发展的需要（能对应我国的职业（工种）"
            "及等级）？",
            en="Do the certificate's occupations and standards meet the needs of China's vocational "
            "qualification certificate system (can they be matched to a Chinese occupation and level)?",
        ),
        if_failed=Text(
            zh="职业种类和标准不符合我国职业资格证书体系发展需要的，不符合许可条件。",
            en="If the occupations and standards do not meet the needs of China's system, the licensing "
            "conditions are not met.",
        ),
        evidence=Text(
            zh="注册表（附件1）要求填写每个证书对应我国职业（工种）名称及等级和职业编码；请对照职业标准或"
            "考试大纲确认能否一一对应。" + _EXPERT_REVIEW.zh,
            en="The registration form (Annex 1) asks, for each certificate, the corresponding Chinese "
            "occupation (trade), its level and the occupation code; check against your standard or "
            "syllabus that each certificate has one. " + _EXPERT_REVIEW.en,
        ),
        materials=("2.1", "4.1"),
    ),
    Condition(
        id="technical_strength",
        clause=_clause(0),
        requirement=Text(
            zh="开展引进工作的中外合作机构应具有相应的技术实力",
            en="the Chinese-foreign cooperating institutions have the corresponding technical strength",
        ),
        question=Text(
            zh="开展引进工作的中外合作机构，是否具有相应的技术实力（场地、设备、专职人员和考评人员）？",
            en="Do the cooperating Chinese and foreign institutions have the corresponding technical "
            "strength (premises, equipment, full-time staff and examiners)?",
        ),
        if_failed=Text(
            zh="合作机构不具备相应技术实力的，不符合许可条件。",
            en="If the cooperating institutions lack the corresponding technical strength, the licensing "
            "conditions are not met.",
        ),
        evidence=Text(
            zh="注册表（附件1）第四、五部分要求列明场地设备（含所有权归属）和人员情况；请按表逐项核对。"
            + _EXPERT_REVIEW.zh,
            en="Parts 4 and 5 of the registration form (Annex 1) ask for premises and equipment (with "
            "ownership) and for staff and examiners; check yourself against them item by item. "
            + _EXPERT_REVIEW.en,
        ),
        materials=("4.1", "1.2.3"),
    ),
    Condition(
        id="reliable_credit",
        clause=_clause(0),
        requirement=Text(
            zh="开展引进工作的中外合作机构应具有可靠的资信",
            en="the Chinese-foreign cooperating institutions have reliable credit standing",
        ),
        question=Text(
            zh="中外合作机构是否具有可靠的资信（例如外方能提供银行资信证明）？",
            en="Do the cooperating institutions have reliable credit standing (for example, can the "
            "foreign institution provide a bank credit reference)?",
        ),
        if_failed=Text(
            zh="合作机构资信不可靠的，不符合许可条件。",
            en="If the cooperating institutions' credit standing is not reliable, the licensing "
            "conditions are not met.",
        ),
        evidence=Text(
            zh="材料清单中的机构资信证明类文件用于证明这一点，其中包括外方机构的银行资信证明。",
            en="The institutional credential documents in the materials list serve this purpose, "
            "including the foreign institution's bank credit reference.",
        ),
        materials=("1.1.1", "1.1.4", "1.2.1"),
    ),
    Condition(
        id="non_profit",
        clause=_clause(0),
        requirement=Text(
            zh="其活动不得以营利为目的",
            en="their activities are not for profit",
        ),
        question=Text(
            zh="合作机构开展的引进、考试和发证活动，是否不以营利为目的？",
            en="Are the cooperating institutions' introduction, examination and certification "
            "activities carried out not for profit?",
        ),
        if_failed=Text(
            zh="通知规定合作机构的活动不得以营利为目的；以营利为目的的，不符合许可条件。",
            en="The notice says the cooperating institutions' activities shall not be for profit; if "
            "they are, the licensing conditions are not met.",
        ),
        evidence=Text(
            zh="请查看双方机构章程和合作协议书中关于活动性质和收益的约定。",
            en="Look at both institutions' articles of association and the cooperation agreement for "
            "what they say about the nature of the activities and any proceeds.",
        ),
        materials=("1.1.2", "1.2.2", "4.2"),
    ),
    Condition(
        id="registered_partner",
        clause=_clause(1),
        requirement=Text(
            zh="必须与经自治区人力资源社会保障部门备案的职业技能评价机构（职业技能考核鉴定机构或职业技能"
            "等级认定机构）、行业组织、社会团体或其它相应法人机构合作",
            en="cooperate with a vocational skill evaluation institution, industry organisation, social "
            "group or other appropriate legal-person institution on record with the Autonomous "
            "Region's human resources and social security department",
        ),
        question=Text(
            zh="外方是否已与经自治区人力资源社会保障部门备案的职业技能评价机构、行业组织、社会团体或其它"
            "相应法人机构合作？",
            en="Does the foreign institution cooperate with a vocational skill evaluation institution, "
            "industry organisation, social group or other legal-person institution that is on record "
            "with the Autonomous Region's human resources and social security department?",
        ),
        if_failed=Text(
            zh="境外机构在我区开展考试、认证和发证活动，必须与经备案的中方机构合作；没有这样的合作机构，"
            "不能申请。",
            en="An overseas institution must cooperate with such a Chinese institution on record to "
            "examine, certify and issue certificates in the Region; without one it cannot apply.",
        ),
        evidence=Text(
            zh="请向中方合作机构确认其是否已在自治区人力资源社会保障部门备案，并准备合作协议书（复印件）。",
            en="Ask your Chinese partner whether it is on record with the Autonomous Region's human "
            "resources and social security department, and prepare a copy of the cooperation "
            "agreement.",
        ),
        materials=("4.2", "1.2.1"),
    ),
    Condition(
        id="single_partner",
        clause=_clause(1),
        requirement=Text(
            zh="同一时期内中方合作机构原则上应为一家",
            en="in principle only one Chinese cooperating institution at a time",
        ),
        question=Text(
            zh="同一时期内，中方合作机构是否只有一家？",
            en="Is there only one Chinese cooperating institution at a time?",
        ),
        if_failed=Text(
            zh="通知规定同一时期内中方合作机构原则上应为一家；有多家的，请先与审批部门沟通。",
            en="The notice says that in principle there shall be one Chinese cooperating institution at "
            "a time; if you have several, talk to the department first.",
        ),
        evidence=Text(
            zh="请核对现有的合作协议，确认同一时期内签约的中方机构数量。",
            en="Check your existing cooperation agreements for how many Chinese institutions are under "
            "contract at the same time.",
        ),
        materials=("4.2",),
    ),
    Condition(
        id="legal_person",
        clause=_clause(2),
        requirement=Text(
            zh="申请机构应当具备独立法人资格",
            en="the applying institution has independent legal-person status",
        ),
        question=Text(
            zh="申请机构是否具备独立法人资格？",
            en="Does the applying institution have independent legal-person status?",
        ),
        if_failed=Text(
            zh="申请机构不具备独立法人资格的，不符合许可条件。",
            en="An applying institution without independent legal-person status does not meet the "
            "licensing conditions.",
        ),
        evidence=Text(
            zh="机构登记证书、营业执照或事业单位登记证书可以说明法人资格。",
            en="The registration certificate, business licence or public institution registration "
            "certificate shows legal-person status.",
        ),
        materials=("1.1.1", "1.2.1"),
    ),
    Condition(
        id="exam_rules",
        clause=_clause(2),
        requirement=Text(
            zh="申请机构应当具备明确的考试项目和考试章程",
            en="the applying institution has clearly defined examination items and examination "
            "regulations",
        ),
        question=Text(
            zh="是否已有明确的考试项目和考试章程？",
            en="Do you have clearly defined examination items and examination regulations?",
        ),
        if_failed=Text(
            zh="没有明确的考试项目和考试章程的，不符合许可条件；考试章程也是必交材料。",
            en="Without clearly defined examination items and regulations the licensing conditions are "
            "not met; the examination regulations are also a required material.",
        ),
        evidence=Text(
            zh="请对照材料清单准备考试章程、职业标准或考试大纲，并在注册表中列明开展考试的证书。",
            en="Prepare the examination regulations and the occupational standard or syllabus from the "
            "materials list, and list the certificates you will examine in the registration form.",
        ),
        materials=("3.1", "2.1", "4.1"),
    ),
    Condition(
        id="exam_capacity",
        clause=_clause(2),
        requirement=Text(
            zh="申请机构应当具备承办考试的必要条件",
            en="the applying institution has the conditions necessary to hold the examinations",
        ),
        question=Text(
            zh="是否具备承办考试的必要条件（考点、场地设备、考务管理）？",
            en="Do you have the conditions necessary to hold the examinations (test centres, premises "
            "and equipment, examination administration)?",
        ),
        if_failed=Text(
            zh="不具备承办考试必要条件的，不符合许可条件。",
            en="Without the conditions necessary to hold the examinations the licensing conditions are "
            "not met.",
        ),
        evidence=Text(
            zh="材料清单中的考务管理规则、考点设置标准，以及注册表第四部分（场地设备、计算机考务管理及"
            "视频监控设备）说明这一点。" + _EXPERT_REVIEW.zh,
            en="The examination administration rules and test-centre standards in the materials list, and "
            "Part 4 of the registration form (premises, equipment, computer-based administration and "
            "video surveillance), show this. " + _EXPERT_REVIEW.en,
        ),
        materials=("3.2", "3.3", "4.1"),
    ),
)

CONDITIONS_BY_ID: dict[str, Condition] = {c.id: c for c in CONDITIONS}

# ---------------------------------------------------------------------------
# Part 三: materials
# ---------------------------------------------------------------------------

MATERIALS_HEADING = Text("申请材料清单", "Application materials")


@dataclass(frozen=True)
class Category:
    id: str  # "1" … "4"
    clause: Clause
    name: Text


@dataclass(frozen=True)
class Group:
    """A numbered line of the notice's list that holds several materials (三（一）1 and 2)."""

    id: str  # "1.1", "1.2"
    name: Text
    notice_text: Text


@dataclass(frozen=True)
class Material:
    id: str  # stable id used by the pre-check and the reports, e.g. "1.1.4"
    category: str  # Category.id
    clause: Clause
    name: Text
    short: Text  # a short name for tables and buttons
    optional: bool = False  # the notice says 如有 (if any)
    note: Text | None = None  # what else the notice says about this item, if anything
    aliases: tuple[str, ...] = ()  # other ways applicants name it (matching, not facts)
    group: str | None = None  # Group.id for items of 三（一）


CATEGORIES: tuple[Category, ...] = (
    Category("1", Clause(Text("三（一）", "III(1)"), MATERIALS_HEADING),
             Text("机构资信证明类文件", "Institutional credential documents")),
    Category("2", Clause(Text("三（二）", "III(2)"), MATERIALS_HEADING),
             Text("申请注册职业资格的专业技术类文件",
                  "Technical documents on the qualification applied for")),
    Category("3", Clause(Text("三（三）", "III(3)"), MATERIALS_HEADING),
             Text("考试组织实施类文件", "Examination organisation and delivery documents")),
    Category("4", Clause(Text("三（四）", "III(4)"), MATERIALS_HEADING),
             Text("其他材料", "Other materials")),
)
CATEGORIES_BY_ID: dict[str, Category] = {c.id: c for c in CATEGORIES}

GROUPS: tuple[Group, ...] = (
    Group(
        "1.1",
        Text("外方机构合法性证明材料", "Proof of the foreign institution's legal standing"),
        Text(
            zh="外方机构合法性证明材料，包括机构登记证书、机构章程、所属国开展认证的政府批准文件（如有）、"
            "银行资信证明",
            en="proof of the foreign institution's legal standing, including its registration "
            "certificate, its articles of association, the government approval in its home country "
            "for conducting certification (if any) and a bank credit reference",
        ),
    ),
    Group(
        "1.2",
        Text("中方机构合法性证明材料", "Proof of the Chinese institution's legal standing"),
        Text(
            zh="中方机构合法性证明材料，包括营业执照或事业单位登记证书、机构章程、机构介绍",
            en="proof of the Chinese institution's legal standing, including its business licence or "
            "public institution registration certificate, its articles of association and an "
            "introduction to the institution",
        ),
    ),
)
GROUPS_BY_ID: dict[str, Group] = {g.id: g for g in GROUPS}


def _m(cat: str, item: int) -> Clause:
    c = CATEGORIES_BY_ID[cat].clause
    return Clause(Text(f"{c.ref.zh}{item}", f"{c.ref.en}.{item}"), MATERIALS_HEADING)


MATERIALS: tuple[Material, ...] = (
    Material(
        "1.1.1", "1", _m("1", 1),
        Text("外方机构登记证书", "Registration certificate of the foreign institution"),
        Text("外方登记证书", "Foreign registration certificate"),
        group="1.1",
        aliases=("登记证书", "外方登记证书", "注册证书", "registration certificate",
                 "certificate of incorporation", "certificate of registration"),
    ),
    Material(
        "1.1.2", "1", _m("1", 1),
        Text("外方机构章程", "Articles of association of the foreign institution"),
        Text("外方章程", "Foreign articles"),
        group="1.1",
        aliases=("外方章程", "外方机构章程", "articles of association", "constitution", "bylaws",
                 "statutes"),
    ),
    Material(
        "1.1.3", "1", _m("1", 1),
        Text("所属国开展认证的政府批准文件（如有）",
             "Government approval in its home country for conducting certification (if any)"),
        Text("所属国政府批准文件（如有）", "Home-country government approval (if any)"),
        optional=True,
        group="1.1",
        note=Text(
            zh="通知写明“如有”：所属国有此类批准文件的才需提交。",
            en="The notice says “if any”: submit it only where such an approval exists.",
        ),
        aliases=("政府批准文件", "批准文件", "认证批准", "government approval", "accreditation",
                 "authorisation", "authorization"),
    ),
    Material(
        "1.1.4", "1", _m("1", 1),
        Text("外方机构银行资信证明", "Bank credit reference of the foreign institution"),
        Text("外方银行资信证明", "Foreign bank credit reference"),
        group="1.1",
        aliases=("银行资信证明", "资信证明", "银行证明", "bank reference", "bank credit reference",
                 "bank reference letter", "bank letter", "credit reference"),
    ),
    Material(
        "1.2.1", "1", _m("1", 2),
        Text("中方机构营业执照或事业单位登记证书",
             "Business licence or public institution registration certificate of the Chinese "
             "institution"),
        Text("中方营业执照/事业单位登记证书", "Chinese business licence / registration"),
        group="1.2",
        aliases=("营业执照", "事业单位登记证书", "事业单位法人证书", "business licence",
                 "business license"),
    ),
    Material(
        "1.2.2", "1", _m("1", 2),
        Text("中方机构章程", "Articles of association of the Chinese institution"),
        Text("中方章程", "Chinese articles"),
        group="1.2",
        aliases=("中方章程", "中方机构章程"),
    ),
    Material(
        "1.2.3", "1", _m("1", 2),
        Text("中方机构介绍", "Introduction to the Chinese institution"),
        Text("中方机构介绍", "Chinese institution profile"),
        group="1.2",
        aliases=("机构介绍", "机构简介", "单位简介", "introduction", "profile"),
    ),
    Material(
        "2.1", "2", _m("2", 1),
        Text("职业标准或考试大纲", "Occupational standard or examination syllabus"),
        Text("职业标准/考试大纲", "Standard / syllabus"),
        aliases=("职业标准", "考试大纲", "大纲", "occupational standard", "syllabus",
                 "exam syllabus", "standard"),
    ),
    Material(
        "2.2", "2", _m("2", 2),
        Text("证书等级规定及各等级证书样本",
             "Certificate level rules and a sample certificate for each level"),
        Text("证书等级规定及样本", "Levels and sample certificates"),
        aliases=("证书等级", "等级规定", "证书样本", "样本", "certificate levels",
                 "sample certificate", "certificate sample"),
    ),
    Material(
        "2.3", "2", _m("2", 3),
        Text("各等级考试样卷", "Sample examination papers for each level"),
        Text("各等级考试样卷", "Sample papers"),
        aliases=("样卷", "考试样卷", "试卷", "sample paper", "sample exam", "specimen paper",
                 "past paper"),
    ),
    Material(
        "3.1", "3", _m("3", 1),
        Text("考试章程", "Examination regulations"),
        Text("考试章程", "Exam regulations"),
        aliases=("考试章程", "exam regulations", "examination regulations", "examination charter"),
    ),
    Material(
        "3.2", "3", _m("3", 2),
        Text("考务管理规则", "Examination administration rules"),
        Text("考务管理规则", "Exam administration rules"),
        aliases=("考务管理", "考务规则", "exam administration", "examination administration",
                 "administration rules"),
    ),
    Material(
        "3.3", "3", _m("3", 3),
        Text("考点设置标准", "Standards for setting up test centres"),
        Text("考点设置标准", "Test-centre standards"),
        aliases=("考点设置", "考点标准", "考场", "test centre", "test center", "exam centre",
                 "exam center"),
    ),
    Material(
        "4.1", "4", _m("4", 1),
        Text("《国外职业资格证书及其发证机构资格审核注册表》（附件1）",
             "Registration form for the review of foreign vocational qualification certificates and "
             "their issuing institutions (Annex 1)"),
        Text("注册表（附件1）", "Registration form (Annex 1)"),
        aliases=("注册表", "审核注册表", "附件1", "附件一", "registration form", "annex 1",
                 "application form"),
    ),
    Material(
        "4.2", "4", _m("4", 2),
        Text("中外合作机构之间的合作协议书（复印件）",
             "Cooperation agreement between the Chinese and foreign institutions (copy)"),
        Text("合作协议书（复印件）", "Cooperation agreement (copy)"),
        note=Text(
            zh="通知要求提交复印件。",
            en="The notice asks for a copy.",
        ),
        aliases=("合作协议", "协议书", "cooperation agreement", "partnership agreement",
                 "agreement", "contract"),
    ),
    Material(
        "4.3", "4", _m("4", 3),
        Text("考试的可行性论证报告", "Feasibility report on the examination"),
        Text("可行性论证报告", "Feasibility report"),
        aliases=("可行性论证报告", "可行性报告", "可行性论证", "feasibility report",
                 "feasibility study", "feasibility"),
    ),
)
MATERIALS_BY_ID: dict[str, Material] = {m.id: m for m in MATERIALS}
REQUIRED_MATERIALS: tuple[Material, ...] = tuple(m for m in MATERIALS if not m.optional)


def materials_in(category: str) -> tuple[Material, ...]:
    return tuple(m for m in MATERIALS if m.category == category)


TRANSLATION_RULE = Text(
    zh="上述材料如为外文版的，需同时提交中文译本，且申请人须保证中、外文版本内容一致。",
    en="Any of the above materials in a foreign language must be submitted together with a Chinese "
    "translation, and the applicant must guarantee that the Chinese and foreign-language versions "
    "are consistent.",
)
TRANSLATION_CLAUSE = Clause(Text("三", "III"), MATERIALS_HEADING)

# ---------------------------------------------------------------------------
# Part 四: procedure
# ---------------------------------------------------------------------------

PROCEDURE_HEADING = Text("办理程序", "Procedure")


@dataclass(frozen=True)
class Step:
    clause: Clause
    text: Text


PROCEDURE: tuple[Step, ...] = (
    Step(
        Clause(Text("四（一）", "IV(1)"), PROCEDURE_HEADING),
        Text(
            zh="以技能为主的国外职业资格证书发证机构向自治区人力资源社会保障部门提出申请。",
            en="The issuing institution of the foreign skill-based vocational qualification certificate "
            "applies to the Autonomous Region's human resources and social security department.",
        ),
    ),
    Step(
        Clause(Text("四（二）", "IV(2)"), PROCEDURE_HEADING),
        Text(
            zh="自治区人力资源社会保障部门受理后，组织专家进行审核论证。",
            en="After accepting the application, the department organises experts to review and assess "
            "it.",
        ),
    ),
    Step(
        Clause(Text("四（三）", "IV(3)"), PROCEDURE_HEADING),
        Text(
            zh="自治区人力资源社会保障部门在收到申请之日起45个工作日内作出审批决定。同时，抄送自由贸易"
            "试验区设区市人力资源社会保障部门，委托其进行管理和监督。",
            en="The department makes its decision within 45 working days of the day it receives the "
            "application, and at the same time sends a copy to the human resources and social security "
            "department of the city in the free trade zone, entrusting it with management and "
            "supervision.",
        ),
    ),
)
DECISION_WORKING_DAYS = 45
# The words of 四（三） that set the period (quoted when a decision date is worked out).
DECISION_PERIOD = Text(
    zh="在收到申请之日起45个工作日内",
    en="within 45 working days of the day it receives the application",
)
DECISION_CLAUSE = PROCEDURE[2].clause

# ---------------------------------------------------------------------------
# Part 五: supervision
# ---------------------------------------------------------------------------

SUPERVISION_CLAUSE = Clause(Text("五", "V"),
                            Text("事中事后监管", "Supervision during and after approval"))
SUPERVISION = Text(
    zh="对以技能为主的国外职业资格证书发证机构的代表机构、中方合作机构采用“日常检查”“专项检查”的形式，"
    "通过“双随机、一公开”“重点监管”“信用监管”的方式进行监管检查。对通过投诉举报等渠道反映问题多的机构"
    "实施重点监管。发现违法违规行为依法查处并公开结果。",
    en="The representative offices of the issuing institutions and the Chinese cooperating "
    "institutions are supervised through routine inspections and special inspections, by means of "
    "“double random, one public” checks (random selection of inspected institutions and inspectors, "
    "with results made public), key supervision and credit-based supervision. Institutions about "
    "which many problems are reported through complaints and other channels are put under key "
    "supervision. Violations of laws and regulations found are dealt with according to law and the "
    "results are made public.",
)

# ---------------------------------------------------------------------------
# Part 六: duties after approval
# ---------------------------------------------------------------------------

DUTIES_HEADING = Text("其他要求", "Other requirements")


@dataclass(frozen=True)
class Duty:
    id: str
    clause: Clause
    summary: Text
    text: Text


def _d(i: int) -> Clause:
    return Clause(Text(f"六（{'一二三四'[i - 1]}）", f"VI({i})"), DUTIES_HEADING)


DUTIES: tuple[Duty, ...] = (
    Duty(
        "operate_in_ftz",
        _d(1),
        Text("只能在自由贸易试验区内开展鉴定、发证活动",
             "Assess and issue certificates only inside the free trade zone"),
        Text(
            zh="取得自治区人力资源社会保障部门许可的以技能为主的国外职业资格证书发证机构的代表机构、中方"
            "合作机构（两者以下简称国外职业资格证书机构）只能在自由贸易试验区内开展鉴定、发证活动。",
            en="The representative office of a licensed issuing institution and its Chinese cooperating "
            "institution (together “foreign qualification certificate institutions”) may carry out "
            "assessment and certificate issuing only inside the free trade zone.",
        ),
    ),
    Duty(
        "assessment_plan",
        _d(2),
        Text("每次鉴定活动前10日向设区市人社部门推送鉴定计划",
             "Send each assessment plan to the city bureau 10 days before"),
        Text(
            zh="国外职业资格证书机构应在每次开展鉴定活动前10日将鉴定计划推送自由贸易试验区设区市人力资源"
            "社会保障部门，并自觉接受设区市人力资源社会保障部门监督检查。",
            en="Foreign qualification certificate institutions shall send the assessment plan to the "
            "human resources and social security department of the free-trade-zone city 10 days before "
            "each assessment, and accept that department's supervision and inspection.",
        ),
    ),
    Duty(
        "equivalence",
        _d(3),
        Text("经审核注册的国外证书可等同于我国同类工种同等级职业技能证书",
             "Registered certificates count as equal to Chinese skill certificates of the same trade "
             "and level"),
        Text(
            zh="在办理申请职业培训补贴、机关事业工作人员单位岗位晋升、职业资格或职业技能等级晋升等事项时，"
            "相关人员持有的经自治区人力资源社会保障部门审核注册的国外职业资格证书，可等同于我国同类工种"
            "同等级职业技能证书。",
            en="When applying for vocational training subsidies, for promotion of staff of government "
            "bodies and public institutions, or for promotion in vocational qualification or skill "
            "level, a foreign certificate reviewed and registered by the Autonomous Region's department "
            "may be treated as equal to a Chinese vocational skill certificate of the same trade and "
            "level.",
        ),
    ),
    Duty(
        "annual_report",
        _d(4),
        Text("每年12月底报送年度核发证书信息汇总表（附件2）",
             "Report the year's certificates by the end of each December (Annex 2)"),
        Text(
            zh="国外职业资格证书机构每年12月底向自由贸易试验区设区市人力资源社会保障部门报送《国外职业资格"
            "证书发证机构年度核发证书信息汇总表》（见附件2）。",
            en="Foreign qualification certificate institutions shall send the “Annual summary of "
            "certificates issued by a foreign vocational qualification certificate issuing institution” "
            "(Annex 2) to the human resources and social security department of the free-trade-zone "
            "city by the end of December every year.",
        ),
    ),
    Duty(
        "rectification",
        _d(4),
        Text("违规的限期整改；《行政许可法》规定的变更、撤回、撤销、注销按规定办理",
             "Rectification of violations; changes, withdrawal, revocation and cancellation under the "
             "Administrative Licensing Law"),
        Text(
            zh="对不按规定从事鉴定、发证工作的，由自由贸易试验区设区市人力资源社会保障部门督促其限期整改。"
            "有《行政许可法》规定的可变更、撤回、撤销、注销等情形的，按规定办理。",
            en="An institution that does not assess and issue certificates as required is urged by the "
            "free-trade-zone city's department to rectify within a time limit. Where the Administrative "
            "Licensing Law provides for changing, withdrawing, revoking or cancelling the licence, that "
            "is done as provided.",
        ),
    ),
)
DUTIES_BY_ID: dict[str, Duty] = {d.id: d for d in DUTIES}
ASSESSMENT_PLAN_DAYS_BEFORE = 10
# The words of 六（二） that set the plan's deadline.
ASSESSMENT_PLAN_PERIOD = Text(zh="在每次开展鉴定活动前10日", en="10 days before each assessment")
ANNUAL_REPORT_MONTH = 12

# ---------------------------------------------------------------------------
# The annex forms
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormField:
    key: str
    label: str  # the label printed on the form
    en: str
    required: bool = True
    kind: str = "text"  # text | uscc | mobile | phone | email


@dataclass(frozen=True)
class FormTable:
    key: str
    title: str
    en: str
    columns: tuple[str, ...]
    columns_en: tuple[str, ...]
    rows: int  # numbered blank rows printed on the form
    open_ended: bool = False  # the last row is "…"


@dataclass(frozen=True)
class FormSection:
    key: str
    title: str
    en: str
    fields: tuple[FormField, ...] = ()
    tables: tuple[FormTable, ...] = ()
    free_text: tuple[tuple[str, str], ...] = ()  # (label, en) of blank paragraphs to fill in


@dataclass(frozen=True)
class AnnexForm:
    key: str
    number: str  # "附件1"
    title: str
    en: str
    sections: tuple[FormSection, ...] = field(default_factory=tuple)

    def fields(self) -> tuple[FormField, ...]:
        return tuple(f for s in self.sections for f in s.fields)


BASIC_INFO_FIELDS: tuple[FormField, ...] = (
    FormField("name", "机构名称", "Institution name"),
    FormField("address", "机构地址", "Institution address"),
    FormField("registrar", "注册登记机构", "Registration authority"),
    FormField("uscc", "统一社会信用代码", "Unified social credit code", kind="uscc"),
    FormField("head", "单位负责人", "Head of the institution"),
    FormField("head_mobile", "联系手机", "Mobile of the head", kind="mobile"),
    FormField("contact", "业务联系人", "Contact person"),
    FormField("contact_mobile", "联系手机", "Mobile of the contact person", kind="mobile"),
    FormField("office_phone", "办公电话", "Office telephone", kind="phone"),
    FormField("email", "电子邮箱", "E-mail", kind="email"),
    FormField("issuer", "证书核发机构名称", "Name of the certificate-issuing institution"),
)

ANNEX1 = AnnexForm(
    key="annex1",
    number="附件1",
    title="国外职业资格证书及其发证机构资格审核注册表",
    en="Registration form for the review of foreign vocational qualification certificates and their "
    "issuing institutions",
    sections=(
        FormSection("basic", "一、申请单位基本信息", "1. The applicant", fields=BASIC_INFO_FIELDS),
        FormSection(
            "certificates", "二、开展考试和发证的职业资格证书信息",
            "2. Certificates to be examined and issued",
            tables=(FormTable(
                "certificates", "开展考试和发证的职业资格证书信息",
                "Certificates to be examined and issued",
                ("序号", "证书名称", "对应我国职业（工种）名称及等级", "职业编码"),
                ("No.", "Certificate name", "Corresponding Chinese occupation (trade) and level",
                 "Occupation code"),
                rows=6),),
        ),
        FormSection(
            "introduction", "三、开展考试发证的证书相关情况介绍",
            "3. About the certificates to be examined and issued",
            free_text=(("开展考试发证的证书相关情况介绍",
                        "About the certificates to be examined and issued"),),
        ),
        FormSection(
            "facilities", "四、场地设备等情况（列明所有权归属）",
            "4. Premises and equipment (state ownership)",
            tables=(FormTable(
                "equipment", "（二）设施设备情况", "(2) Facilities and equipment",
                ("序号", "名称", "品牌", "规格/型号", "数量", "所有权归属"),
                ("No.", "Name", "Brand", "Specification / model", "Quantity", "Owned by"),
                rows=5),),
            free_text=(("（一）场地情况", "(1) Premises"),
                       ("（三）计算机考务管理及视频监控设备配置情况",
                        "(3) Computer-based examination administration and video surveillance "
                        "equipment")),
        ),
        FormSection(
            "staff", "五、人员情况（技术技能水平证明复印件另附）",
            "5. Staff (attach copies of proof of technical and skill level)",
            tables=(
                FormTable(
                    "full_time_staff", "（一）专职工作人员情况", "(1) Full-time staff",
                    ("序号", "姓名", "身份证号", "职务/职称", "学历", "主要工作职责"),
                    ("No.", "Name", "ID number", "Post / title", "Education", "Main duties"),
                    rows=4),
                FormTable(
                    "examiners", "（二）考评人员情况", "(2) Examiners",
                    ("序号", "姓名", "身份证号", "所在单位", "职务/职称/技能等级", "学历",
                     "考评职业领域"),
                    ("No.", "Name", "ID number", "Employer", "Post / title / skill level",
                     "Education", "Occupational field examined"),
                    rows=4),
            ),
        ),
        FormSection(
            "management", "六、管理制度",
            "6. Management rules",
            free_text=(("现有的考评制度文件、题（卷）库建设、信息管理系统以及专门负责考试的内设机构情况说明"
                        "（另附材料）",
                        "Existing assessment rules, question (paper) bank, information management system "
                        "and the internal unit responsible for examinations (attach material)"),),
        ),
    ),
)

ANNEX2 = AnnexForm(
    key="annex2",
    number="附件2",
    title="国外职业资格证书发证机构年度核发证书信息汇总表",
    en="Annual summary of certificates issued by a foreign vocational qualification certificate "
    "issuing institution",
    sections=(
        FormSection("basic", "一、单位基本信息", "1. The institution", fields=BASIC_INFO_FIELDS),
        FormSection(
            "issued", "二、核发国外职业资格证书信息汇总（        年）",
            "2. Foreign vocational qualification certificates issued (year ____)",
            tables=(FormTable(
                "issued", "核发国外职业资格证书信息汇总", "Certificates issued",
                ("序号", "证书名称", "对应我国职业（工种）名称及等级", "职业编码", "发证数量"),
                ("No.", "Certificate name", "Corresponding Chinese occupation (trade) and level",
                 "Occupation code", "Number issued"),
                rows=5, open_ended=True),),
        ),
        FormSection("work", "三、工作情况汇报", "3. Report on the year's work",
                    free_text=(("工作情况汇报", "Report on the year's work"),)),
        FormSection("register", "四、核发证书信息名册（名册可另附）",
                    "4. Register of certificates issued (may be attached)",
                    free_text=(("核发证书信息名册", "Register of certificates issued"),)),
    ),
)
ANNEXES: dict[str, AnnexForm] = {"annex1": ANNEX1, "annex2": ANNEX2}
ANNEX_CLAUSES: dict[str, Clause] = {
    "annex1": MATERIALS[13].clause,  # 三（四）1 asks for it
    "annex2": DUTIES_BY_ID["annual_report"].clause,  # 六（四） asks for it every December
}
