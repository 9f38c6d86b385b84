"""Parts 四 (the procedure and its 45-working-day limit) and 五 (supervision) of the notice."""

from __future__ import annotations

from dataclasses import dataclass

from bot.notice.document import Clause, Text

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

