"""Follow-ups about the two annex forms: which form a unit belongs to, "Which form do we
use?", "And to whom?", "年度汇总表呢？" (the same part of the other form), "哪一栏…" asked of
the form under discussion."""

from __future__ import annotations

import re

from bot.dialogue.retrieval import TO_A_DEPARTMENT, is_zh
from bot.dialogue.shape import is_elliptical
from bot.dialogue.state import State
from bot.notice.units import UNITS_BY_ID, Unit, children

# Units that stand for an annex form when its parts are counted ("第四部分").
FORM_OF = {"3.m4.1": "annex1", "6.annual_report": "annex2"}


def form_of(unit_id: str) -> str | None:
    """The annex form ("annex1" | "annex2") a unit belongs to or stands for, or None."""
    key = FORM_OF.get(unit_id) or unit_id.split(".")[0]
    return key if key in ("annex1", "annex2") else None


ANNEX_NAMED = ((re.compile(r"附件\s*1|附件一|注册表|(?:annex|attachment|appendix|enclosure)\s*1|(?:annex|attachment|appendix) i\b|registration form", re.I), "annex1"),
                (re.compile(r"附件\s*2|附件二|汇总表|(?:annex|attachment|appendix|enclosure)\s*2|(?:annex|attachment|appendix) ii\b|annual (?:summary|form|table)",
                            re.I), "annex2"))


_INSIDE_ASK = re.compile(r"哪一?列|哪一?栏|栏目|字段|\b(?:columns?|fields?|rows?|box(?:es)?)\b", re.IGNORECASE)


def in_current_form(text: str, state: State) -> str | None:
    """"Which column shows the volume?" while a form is the subject: the question, asked of
    that form."""
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if current is None or not _INSIDE_ASK.search(text) or any(rx.search(text) for rx, _ in ANNEX_NAMED):
        return None
    key = form_of(current.id)
    if key is None:
        return None
    number = key[-1]
    return f"附件{number} {text}" if is_zh(text) else f"Annex {number} {text}"


_WHEN = re.compile(r"什么时候|何时|哪天|几月|啥时候|截止|\bwhen\b|\bby when\b|\bdeadline\b|\bdue\b",
                   re.IGNORECASE)


_WHICH_FORM = re.compile(r"(?:哪个|哪张|哪一?份|什么|啥)(?:表|表格|附件|模板)|用(?:哪个|什么|啥)表|"
                         r"\b(?:which|what) (?:form|annex|template|table|attachment)\b", re.IGNORECASE)


def form_of_subject(text: str, state: State) -> Unit | None:
    """"Which form do we use?" after the annual report (or the application): that form."""
    current = state.topic_unit or ""
    if not _WHICH_FORM.search(text) or any(rx.search(text) for rx, _ in ANNEX_NAMED) or \
            not is_elliptical(text) and len(text) > 40:
        return None
    key = form_of(current) if current else None
    return UNITS_BY_ID[key] if key else None


TO_WHOM = re.compile(r"(?:交|报|送|推|递|提交|报送|寄)给?(?:谁|哪个?部门|哪个?单位|哪里|哪儿)|给谁|"
                     + TO_A_DEPARTMENT + "|"
                      r"\bto whom\b|\bwho (?:gets|receives)\b|\bwhere (?:do|should|must) (?:we|i) send\b|\b(?:send|submit|file) (?:it |them )?to\b|"
                      r"\bwhere (?:do|should|must) (?:we|i) (?:send|submit|file)", re.IGNORECASE)
# The clause that says when and to whom a form goes: the annual summary, the application.
_FORM_DUTY = {"annex2": "6.annual_report", "annex1": "4.1"}


# The parts the two forms share ("注册表的基本信息…" → "年度汇总表呢？").
_COUNTERPARTS = (("annex1.basic", "annex2.basic"),
                 ("annex1.certificates.certificates", "annex2.issued.issued"),
                 ("annex1.certificates", "annex2.issued"))


def counterpart(unit: Unit) -> Unit | None:
    """The same part of the other form (the basic information, the certificate table, a field
    under the same label), or None when only this form has it."""
    key = form_of(unit.id)
    for a, b in _COUNTERPARTS:
        mine, theirs = (a, b) if key == "annex1" else (b, a)
        if unit.id == mine or unit.id.startswith(mine + "."):
            found = UNITS_BY_ID.get(theirs + unit.id[len(mine):])
            return found or next((u for u in children(theirs) if u.title.zh == unit.title.zh), None)
    return None


def other_form(text: str, state: State) -> Unit | None:
    """"年度汇总表呢？" while a part of the registration form is the subject: the same part of
    the other form, when it has one (else None: the question is read as it stands)."""
    current = state.topic_unit or ""
    named = [key for rx, key in ANNEX_NAMED if rx.search(text)]
    key = form_of(current) if current else None
    if len(named) != 1 or key is None or named[0] == key or not is_elliptical(text):
        return None
    for a, b in _COUNTERPARTS:
        mine, theirs = (a, b) if key == "annex1" else (b, a)
        if current == mine or current.startswith(mine + "."):
            # a field the other form has under the same label, or that part as a whole
            return counterpart(UNITS_BY_ID[current]) or UNITS_BY_ID[theirs]
    return None


def when_of_form(text: str, state: State) -> Unit | None:
    """"When is it filed?", "And to whom?" while a form (or a part of it) is the subject: the
    clause that sets its date and its receiver (the application: to whom only)."""
    key = form_of(state.topic_unit or "") if state.topic_unit else None
    if key is None or not is_elliptical(text) or state.topic_unit in _FORM_DUTY.values():
        return None
    if TO_WHOM.search(text) or key == "annex2" and _WHEN.search(text):
        return UNITS_BY_ID[_FORM_DUTY[key]]
    return None


_USE = re.compile(r"(?:什么|啥|的)时候(?:用|交|填|报|提交)|何时(?:用|交|填)|干(?:什么|啥|嘛)(?:用|的)|做什么用|有(?:什么|啥)用|用途|"
                  r"用来(?:干|做)|用在|\bwhen (?:is|are|do|does) (?:\w+ ){0,4}(?:used|filled|submitted|needed|handed)|"
                  r"\bwhat (?:is|are) (?:\w+ ){0,5}(?:for|used for)\b|\bpurpose\b|\bwhat (?:\w+ ){0,3}used for\b",
                  re.IGNORECASE)
_A_PART = re.compile(r"第\S{1,2}(?:部分|项|栏|列)|[一二三四五六][、.]|\b(?:part|section) \w+|栏|列|\bcolumns?\b|\bfields?\b",
                     re.IGNORECASE)


def forms_use(text: str) -> list[Unit]:
    """"附件1和附件2分别在什么时候用": both forms, each with when it is handed in; else []."""
    named = [key for rx, key in ANNEX_NAMED if rx.search(text)]
    if not named or not _USE.search(text) or _A_PART.search(text):
        return []
    if len(named) == 1 and not _PURPOSE.search(text):
        return []  # "附件2什么时候交": the clause that sets its date answers
    return [UNITS_BY_ID[key] for key in named]


# "附件1是申请的时候交，还是年报的时候交？", "注册表是干什么用的": which form is for what.
_PURPOSE = re.compile(r"还是|干(?:什么|啥|嘛)(?:用|的)|做什么用|有(?:什么|啥)用|用途|用来(?:干|做)|\bpurpose\b|\bused for\b|\bwhat (?:is|are) (?:\w+ ){0,5}for\b|"
                      r"\bor (?:at|in|with|when)\b", re.IGNORECASE)


_AROUND_FORM = re.compile(r"[\W\d_]|我是问|我问的是|我说的是|我指的是|就是|不对|不是|那个?|呢|的|"
                          r"\bi meant\b|\bi mean\b|\bwhat about\b|\bsorry\b|\bno\b|\band\b|\bthe\b|\babout\b|\bform\b",
                          re.IGNORECASE)


def form_swapped(text: str, previous: str) -> str | None:
    """"不对，我是问注册表，就是附件1" after a question on the annual summary: that question,
    asked of the other form; None when the message says more than which form."""
    named = {key for rx, key in ANNEX_NAMED if rx.search(text)}
    before = [(rx, key) for rx, key in ANNEX_NAMED if rx.search(previous)]
    if len(named) != 1 or len(before) != 1 or before[0][1] in named:
        return None
    rest = text
    for rx, _ in ANNEX_NAMED:
        rest = rx.sub("", rest)
    if len(_AROUND_FORM.sub("", rest)) > 3:
        return None
    ref = UNITS_BY_ID[named.pop()].ref
    return before[0][0].sub(ref.zh if is_zh(previous) else ref.en, previous)
