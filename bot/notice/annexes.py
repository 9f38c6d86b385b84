"""The notice's two annex forms, 附件1 and 附件2, section by section and field by field."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.notice.document import Clause, Text
from bot.notice.duties import DUTIES_BY_ID
from bot.notice.materials import FORM_MATERIAL_ID, MATERIALS_BY_ID

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

    @property
    def number_en(self) -> str:
        """"附件1" → "Annex 1"."""
        return "Annex " + self.number.removeprefix("附件")

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
        FormSection("basic", "一、申请单位基本信息", "1. Basic information on the applicant", fields=BASIC_INFO_FIELDS),
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
        FormSection("basic", "一、单位基本信息", "1. Basic information on the institution", fields=BASIC_INFO_FIELDS),
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
    "annex1": MATERIALS_BY_ID[FORM_MATERIAL_ID].clause,  # 三（四）1 asks for it
    "annex2": DUTIES_BY_ID["annual_report"].clause,  # 六（四） asks for it every December
}
# The forms' short names in running text.
FORM_NAMES: dict[str, Text] = {
    "annex1": Text(f"注册表（{ANNEX1.number}）", f"registration form ({ANNEX1.number_en})"),
    "annex2": Text(f"年度汇总表（{ANNEX2.number}）", f"annual summary ({ANNEX2.number_en})"),
}
