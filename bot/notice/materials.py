"""Part 三 of the notice: the application materials, their categories and groups, the translation
rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.notice.document import Clause, Text

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
# 三（四）1: the registration form, 附件1 — the one material whose content is checked field by field.
FORM_MATERIAL_ID = "4.1"
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

