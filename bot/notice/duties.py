"""Part 六 of the notice: what approved institutions must do."""

from __future__ import annotations

from dataclasses import dataclass

from bot.notice.document import Clause, Text

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
            "human resources and social security department of the prefecture-level city in the free "
            "trade zone 10 days before "
            "each assessment, and accept that department's supervision and inspection.",
        ),
    ),
    Duty(
        "equivalence",
        _d(3),
        Text("经审核注册的国外证书可等同于我国同类工种同等级职业技能证书",
             "Registered certificates count as equivalent to Chinese skill certificates of the same type "
             "of work and the same level"),
        Text(
            zh="在办理申请职业培训补贴、机关事业工作人员单位岗位晋升、职业资格或职业技能等级晋升等事项时，"
            "相关人员持有的经自治区人力资源社会保障部门审核注册的国外职业资格证书，可等同于我国同类工种"
            "同等级职业技能证书。",
            en="When applying for vocational training subsidies, for promotion of staff of government "
            "bodies and public institutions, or for promotion in vocational qualification or skill "
            "level, a foreign certificate reviewed and registered by the Autonomous Region's department "
            "may be treated as equivalent to a Chinese vocational skill certificate of the same type of "
            "work (trade) and the same level.",
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
            "(Annex 2) to the human resources and social security department of the prefecture-level "
            "city in the free trade zone by the end of December every year.",
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
            "human resources and social security department of the prefecture-level city in the free "
            "trade zone to rectify within a time limit. Where the Administrative "
            "Licensing Law provides for a change, withdrawal, revocation or cancellation of the licence, that "
            "is done as provided.",
        ),
    ),
)
DUTIES_BY_ID: dict[str, Duty] = {d.id: d for d in DUTIES}
ASSESSMENT_PLAN_DAYS_BEFORE = 10
# The words of 六（二） that set the plan's deadline.
ASSESSMENT_PLAN_PERIOD = Text(zh="在每次开展鉴定活动前10日", en="10 days before each assessment")
ANNUAL_REPORT_MONTH = 12
# The words of 六（四） that set the annual report's deadline.
ANNUAL_REPORT_DEADLINE = Text(zh="每年12月底", en="the end of each December")

# The words of 六（四） that set the annual summary's deadline.
ANNUAL_REPORT_PERIOD = Text(zh="每年12月底", en="by the end of December every year")
