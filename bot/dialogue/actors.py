"""What one of the two departments does: "设区市还负责收哪些东西", "what does the city
bureau do?".  The notice never lists a department's tasks in one place; they are the
clauses that name the department, found in the notice's own text (nothing typed here but
the words that name each department and the question's shape)."""

from __future__ import annotations

import re

from bot.notice.units import UNITS_BY_ID, Unit

# (key, words naming the department in a question, its name in the notice)
_ACTORS = (
    ("city", re.compile(r"设区市|市人社局|市(?:级)?人社部门|市里|市一级|各市人社|\bcity(?:'s|-level)? (?:hrss |hr |human resources "
                        r"(?:and social security )?)?(?:bureaus?|departments?|level|authorit(?:y|ies))\b|\bmunicipal\b|"
                        r"\bprefecture", re.IGNORECASE),
     "设区市人力资源社会保障部门"),
    ("region", re.compile(r"自治区(?:人社|人力资源)|人社厅|自治区厅|省厅|区厅|\b(?:the )?(?:regional|autonomous "
                          r"region'?s?) (?:department|authorit(?:y|ies)|bureau)\b", re.IGNORECASE),
     "自治区人力资源社会保障部门"),
)
_ROLE = re.compile(
    r"负责(?:什么|哪些|啥|干什么)|负责\S{0,6}还是|(?:审批|审核)还是(?:监管|监督|管理)|(?:监管|监督|管理)还是(?:审批|审核)|(?:干|做|管)(?:什么|哪些|啥)|干嘛|职责|作用|角色|还(?:负责|管|收|要做)|"
    r"收(?:哪些|什么|啥)|接收(?:哪些|什么|啥)|(?:哪些|什么)(?:事|工作)|"
    r"\bwhat (?:else )?(?:does|do|will) .{0,50}\b(?:do|handle|receive|get|oversee)\b|\bresponsib|\brole\b|\bduties of\b|"
    r"\bwhat .{0,40}\b(?:receive|is sent|gets sent)\b", re.IGNORECASE)
_RECEIVE = re.compile(r"收|接收|报给|送给|\breceiv|\bsent to\b|\bget\b", re.IGNORECASE)
_RECEIVES = r"(?:推送|向|抄送|收到)(?:自由贸易试验区)?"
_MAX = 6


def _clauses(marker: str, receive: bool) -> list[Unit]:
    """The clauses (not parts, not their sentences) that name the department; with
    ``receive``, those where it is sent or given something."""
    found = []
    for unit in UNITS_BY_ID.values():
        if unit.kind != "clause" or marker not in unit.text.zh or unit.id in ("1",):
            continue
        if receive and not re.search(_RECEIVES + re.escape(marker) + "|" + re.escape(marker)
                                     + r"在收到", unit.text.zh):
            continue
        found.append(unit)
    return found


def actor_units(text: str) -> list[tuple[str, list[Unit]]]:
    """[(the department's name in the notice, the clauses about what it does or receives)]
    for a question about the role of one department or of each of the two ("设区市和自治区
    分别干啥"); empty for any other question."""
    if not _ROLE.search(text):
        return []
    receive = bool(_RECEIVE.search(text))
    found = [(marker, _clauses(marker, receive)[:_MAX]) for _, rx, marker in _ACTORS
             if rx.search(text)]
    return [(m, units) for m, units in found if len(units) >= 2]


# "检查是谁来检查的", "Who carries out supervision checks after approval?": the notice's part on
# supervision says how, not by whom; the clauses that give a department the oversight say who.
_WHO_OVERSEES = re.compile(
    r"(?:谁|哪个部门|哪一级|哪级|哪个单位|什么部门)\S{0,8}(?:检查|监管|监督|抽查|查)|(?:检查|监管|监督|抽查|查)\S{0,6}"
    r"(?:是谁|由谁|归谁|谁来|哪个部门|哪一级|哪级|什么部门)|\b(?:who|which (?:department|authority|body|office))\b"
    r".{0,40}\b(?:supervis|inspect|check|oversee|overseen|monitor|audit)", re.IGNORECASE)
_OVERSIGHT = re.compile(r"监督")
# Who is overseen, not who oversees: "监管的对象是谁", "Who is subject to supervision?"
_OVERSEEN = re.compile(r"对象|被(?:监管|检查|查)|管的是谁|(?:监管|检查|查)(?:的是)?谁|\bsubject to\b|\btargets?\b|"
                       r"\bwho (?:is|are|gets?) (?:supervised|inspected|checked|monitored|audited)\b|\bwhom\b",
                       re.IGNORECASE)


def overseers(text: str) -> list[Unit]:
    """The clauses that give a department oversight (管理和监督, 监督检查) for a question on
    who supervises or inspects; empty for any other question."""
    if not _WHO_OVERSEES.search(text) or _OVERSEEN.search(text):
        return []
    return [u for u in UNITS_BY_ID.values() if u.kind == "clause" and _OVERSIGHT.search(u.text.zh)][:_MAX]


# "批的和管的是同一个部门吗", "Approval body vs supervising body - who is who?": who approves
# (一) and who is entrusted with management and supervision afterwards (四（三）).
_APPROVES = r"(?:审批|批的|批准的?|批|\bapprov\w*)"
_SUPERVISES = r"(?:监管|监督|管的|管理|日常管|\bsupervis\w*|\boversee\w*|\bmonitor\w*)"
_SAME_OR_WHO = re.compile(
    rf"{_APPROVES}.{{0,24}}{_SUPERVISES}.{{0,16}}(?:同一|一个部门|是一个|一样|一回事|分别|各是|还是|\bsame\b|\bwho is who\b|\bvs\.?|"
    rf"\bversus\b|\balso\b|\bdifferent\b|\beach\b)|{_SUPERVISES}.{{0,24}}{_APPROVES}.{{0,16}}(?:同一|一个部门|一样|\bsame\b)|"
    rf"(?:同一个?部门|\bthe same (?:body|department|authority)\b).{{0,20}}{_APPROVES}.{{0,20}}{_SUPERVISES}|"
    rf"{_APPROVES}.{{0,30}}(?:\balso\b|也是).{{0,30}}{_SUPERVISES}|"
    rf"{_APPROVES}.{{0,30}}(?:\b(?:the )?same (?:as|one as)\b|\bdifferent from\b|跟|和|与).{{0,20}}{_SUPERVISES}.{{0,30}}(?:\?|吗|一样|同一)|"
    rf"{_APPROVES}\S{{0,8}}\s?(?:\bvs\.?|\bversus\b|对比)\s?\S{{0,8}}\s?\S{{0,8}}{_SUPERVISES}", re.IGNORECASE)


def approver_and_supervisor(text: str) -> list[Unit]:
    """The clause on who approves and the one that entrusts the city with supervision, for a
    question that sets the two side by side; empty for any other question."""
    if not _SAME_OR_WHO.search(text):
        return []
    return [UNITS_BY_ID["1"], UNITS_BY_ID["4.3"]]
