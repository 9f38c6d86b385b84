"""Parts 一 (the approval level) and 二 (the licensing conditions) of the notice."""

from __future__ import annotations

from dataclasses import dataclass

from bot.notice.document import Clause, Text

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

