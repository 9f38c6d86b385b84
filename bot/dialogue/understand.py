"""Answering from the notice itself: retrieval over its units, calibrated against the intent
classifier, with the conversation's subject for follow-ups and several questions per message.

:func:`route` takes the user's turn and returns the replies, or None when the classic
topic answer (``bot.dialogue.guidance``) should stand.  A confident wrong answer is worse
than a question back: when the best candidates are close or weak, it asks which is meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.dialogue import actors, claims, compare, overview, presence, shape, split, terms, verdicts
from bot.dialogue import context as ctx
from bot.dialogue import guidance as answers
from bot.dialogue.context import clause_key, same_place  # noqa: F401
from bot.dialogue.forms import forms_use
from bot.dialogue.normalise import normalise
from bot.dialogue.pasted import quoted_unit
from bot.dialogue.render import (
    _SHORT_NAME_PARTS,
    UNIT_PREFIX,
    clarify,
    render_units,
    silent_reply,
)
from bot.dialogue.reply import Reply
from bot.dialogue.retrieval import Hit, is_zh, search
from bot.dialogue.silence import day_kind_asked, silent_aspect
from bot.dialogue.state import State, Turn
from bot.i18n import t
from bot.notice import NOTICE
from bot.notice.units import UNITS_BY_ID, Unit, children
from bot.settings import get_settings

HIGH = {"zh": 0.42, "en": 0.32}  # a retrieval score this high answers on its own
LOW = {"zh": 0.22, "en": 0.16}  # below this, retrieval says nothing
MID = {"zh": 0.28, "en": 0.22}  # this high answers when nothing elsewhere comes near
CLEAR = 0.6  # "nothing comes near": the best unit elsewhere scores under this ratio
CLOSE = 0.82  # a runner-up within this ratio of the best is "close"
CONFIDENT_INTENT = 0.85
SILENT_WITH_UNIT = 0.75  # a question on what the notice leaves open also quotes a unit this clear


def _distinct(hits: Sequence[Hit]) -> list[Hit]:
    """Hits with one per place and no unit whose parent or child is already in."""
    out: list[Hit] = []
    for h in hits:
        related = False
        for o in out:
            if h.unit.parent == o.unit.id or o.unit.parent == h.unit.id or \
                    (h.unit.parent and h.unit.parent == o.unit.parent and h.unit.kind == "column"):
                related = True
        if not related:
            out.append(h)
    return out


def _decide(hits: list[Hit], zh: bool) -> tuple[str, list[Unit]]:
    """("answer" | "several" | "clarify" | "weak" | "none", units)."""
    lang = "zh" if zh else "en"
    high, low, mid = HIGH[lang], LOW[lang], MID[lang]
    hits = _distinct(hits)
    if not hits or hits[0].score < low:
        return "none", []
    top = hits[0]
    runners = [h for h in hits[1:3] if h.score >= CLOSE * top.score
               and not same_place(h.unit, top.unit)]
    if top.score >= high:
        strong = [h for h in runners if h.score >= high]
        if strong:
            return "several", [top.unit] + [h.unit for h in strong]
        return "answer", [top.unit]
    if runners and top.unit.kind in ("material", "field", "column") and \
            all(h.unit.kind == top.unit.kind for h in runners) and top.score >= low * 1.5:
        # The same word names several items (章程 of either party, 职业编码 in both forms).
        return "several", [top.unit] + [h.unit for h in runners]
    if runners:
        return "clarify", [top.unit] + [h.unit for h in runners]
    elsewhere = [h for h in hits[1:] if not same_place(h.unit, top.unit)]
    if top.score >= mid and (not elsewhere or elsewhere[0].score < CLEAR * top.score):
        return "answer", [top.unit]
    return "weak", [top.unit]


_SPECIFIC = ("section", "field", "table", "column", "free_text", "header", "sentence")


def _agrees(unit: Unit, classic_zh: str) -> bool:
    """Whether the classic topic answer (in Chinese) already gives this unit."""
    if unit.text.zh[:16] in classic_zh and (len(unit.text.zh) >= 20 or len(classic_zh) < 300 and (
            unit.kind != "clause" or clause_key(unit) in _cited(classic_zh))):
        return True  # (a short text such as "自治区人力资源社会保障部门" is in many answers: its clause cited)
    if unit.kind in _SPECIFIC:
        return False
    if unit.kind == "material":
        return unit.title.zh in classic_zh and len(classic_zh) < 600
    key = clause_key(unit)
    if unit.kind == "clause" and f"{key} " in classic_zh and unit.text.zh[:16] not in classic_zh:
        return False  # the clause named in a list of headings, its words not given
    return len(key) >= 3 and key in classic_zh  # "六（三）", not "一"


def _cited(classic_zh: str) -> list[str]:
    """The clause references on a classic answer's source line, each whole ("六（一）", not "一")."""
    lead = t("source", "zh", cite="")
    line = next((x for x in classic_zh.splitlines() if x.startswith(lead)), "")
    return re.findall(r"(?:《通知》|；)([一二三四五六](?:（[一二三四五六]）)?)", line)


# The unit each topic intent's classic answer gives (its place in the notice).
INTENT_UNITS = {
    "ask_approval": "1", "ask_legal_basis": "header.basis", "ask_conditions": "2",
    "ask_materials": "3", "ask_translation": "3.translation", "ask_procedure": "4",
    "ask_submission": "4.1", "ask_timing": "4.3", "ask_supervision": "5", "ask_duties": "6",
    "ask_operating_area": "6.operate_in_ftz", "ask_assessment_plan": "6.assessment_plan",
    "ask_equivalence": "6.equivalence", "ask_annual_report": "6.annual_report",
    "ask_rectification": "6.rectification", "ask_annex": "annex1",
}


def _compared(pair: tuple[str, str], state: State) -> list[Unit]:
    """The unit each side of a comparison is about, when both are clear and different."""
    found: list[list[Unit]] = []
    state = replace(state, topic_query=None, topic_unit=None)  # each side says what it is
    for side in pair:
        places = terms.places(side)[:2]  # the words as the notice writes them
        if not places:
            query, hits = ctx.contextual_search(side, state)
            verdict, units = _decide(hits, is_zh(query))
            if verdict not in ("answer", "several", "weak") or not units:
                return []
            places = units[:1]
        found.append(places)
    if {u.id for u in found[0]} == {u.id for u in found[1]}:
        return []
    return list({u.id: u for u in found[0] + found[1]}.values())


def _section_over_table(units: list[Unit], hits: Sequence[Hit], text: str) -> list[Unit]:
    """A table and its section scoring alike for a question that does not name the table
    ("What does Annex 1 ask about personnel?"): the section, which gives all its tables."""
    top = units[0] if units else None
    if top is None or top.kind != "table" or not hits:
        return units
    section = next((h for h in hits[:3] if h.unit.id == top.parent), None)
    if section is None or section.score < 0.85 * hits[0].score:
        return units
    name = re.sub(r"^[（(][一二三四五六\d][)）]\s*|情况$", "", top.title.zh)
    name_en = re.sub(r"^\(\d\)\s*", "", top.title.en).lower()
    if name[:2] in text or name_en in text.lower():
        return units
    return [section.unit] + units[1:]


_OVERVIEW = re.compile(r"流程|步骤|程序|过程|环节|整个|全部|一步步|一步一步|\bsteps?\b|\bprocedure\b|\bprocess\b|"
                       r"\boutline\b|\boverview\b|\bwhole\b|\ball the\b", re.IGNORECASE)


def _whole_part(units: list[Unit], text: str) -> Unit | None:
    """"Could you outline the procedure step by step?": the part, when the places found are
    clauses of one part and the question asks for the whole."""
    if len(units) < 2 or not _OVERVIEW.search(text):
        return None
    parts = {u.id.split(".")[0] for u in units[:3]}
    if len(parts) != 1 or any(u.kind not in ("clause", "sentence", "part") for u in units[:3]):
        return None
    part = UNITS_BY_ID.get(parts.pop())
    return part if part is not None and part.kind == "part" else None


def _same_label(units: list[Unit]) -> list[Unit]:
    """A form field asked about by a label two fields share (附件1's two 联系手机): both."""
    top = units[0] if units else None
    if top is None or top.kind not in ("field", "column"):
        return units
    form = top.id.split(".")[0]
    twins = [u for u in UNITS_BY_ID.values() if u.kind == top.kind and u.id != top.id and
             u.title.zh == top.title.zh and u.id.split(".")[0] == form]
    return [top] + twins + [u for u in units[1:] if u not in twins] if twins else units


_GROUPS = {"外方": "3.g1.1", "中方": "3.g1.2"}
# "这通知啥时候发的": the day it was signed and the day it was printed, told apart.
_NOTICE_DATES = ("header.signed", "header.printed")
# The day the notice was printed named where the day it was signed is asked (or the other way).
_OTHER_DATE = {"header.signed": re.compile(r"(?:9|九)月(?:25|二十五)|25(?:th)? sept|sept\w* 25", re.I),
               "header.printed": re.compile(r"(?:9|九)月(?:22|二十二)|22(?:nd)? sept|sept\w* 22", re.I)}
_BOTH_DATES = re.compile(r"还是|两个|分别|差|一样|相同|\bboth\b|\bsame\b|\bdifferen|\bor\b", re.IGNORECASE)
# "签发和印发差了几天", "印发日期跟落款日期是同一天吗": how far apart the two dates are.
_APART = re.compile(r"差|相隔|隔了|间隔|同一天|一天吗|一样|相同|几天|多少天|\bsame day\b|\bapart\b|\bhow many days\b|"
                    r"\bdifference\b|\bgap\b|\bbetween\b", re.IGNORECASE)
_DATE_ASKED = re.compile(r"日期|哪天|几号|哪一天|什么时候|啥时候|何时|哪年|几月|\bwhen\b|\bdates?\b|\bday\b|\bwhich year\b",
                         re.IGNORECASE)
_A_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}|\bsept(?:ember)?\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+sept", re.IGNORECASE)
_WHICH_DATE = (re.compile(r"落款|成文|签发|签署|签字|\bsigned\b|\bsigning\b|\bdated\b", re.I),
               re.compile(r"印发|印制|\bprinted\b|\bdistributed\b|\bprinting\b", re.I))


def _with_party(units: list[Unit], query: str) -> list[Unit]:
    """A material of one party asked about for the other ("中方要不要交银行资信证明"): the
    material, and the list of what that other party does hand in."""
    party = ctx.party_of(query)
    if party is None or not units or units[0].kind != "material":
        return units
    own = _GROUPS[party]
    other = _GROUPS["中方" if party == "外方" else "外方"]
    top = units[0]
    if top.id == other or top.parent == other:
        return [top, UNITS_BY_ID[own]]
    return units


def _party_lacks(text: str, lang: str) -> tuple[Reply, Unit, str] | None:
    """"中方也要交银行资信证明吗", "Does the Chinese side need a bank credit certificate?": a
    material the notice lists for the other party only, and the asking party's own list (the
    claim line before it says "no": the material's party is not the one asked about)."""
    party = ctx.party_of(text)
    if party is None or shape.both_parties(text) or not claims.is_yes_no(text):
        return None
    core = shape.without_parties(text)
    own, other = _GROUPS[party], _GROUPS["中方" if party == "外方" else "外方"]
    top = next((h.unit for h in search(core)[:3] if h.unit.kind == "material"), None)
    if top is None or top.parent != other or not presence.provides(core, top):
        return None
    if any(presence.provides(core, u) for u in (UNITS_BY_ID[own], *children(own))):
        return None  # "外方要交机构章程吗": each party has one
    key = "both_parties_only_foreign" if party == "中方" else "both_parties_only_chinese"
    reply = render_units([top, UNITS_BY_ID[own]], lang, query=core)
    return Reply(f"{t(key, lang)}\n{reply.text}", reply.buttons), top, core  # "no": the claim line


def _of_both_parties(text: str, lang: str) -> tuple[Reply, Unit, str] | None:
    """"中方外方都要交机构章程吗", "Do both sides need a bank reference?": the material each
    party hands in under that name, or which of the two hands it in."""
    if not shape.both_parties(text):
        return None
    core = shape.without_parties(text)
    if len(core) < 2:
        return None
    hits = search(core)
    verdict, units = _decide(hits, is_zh(core))
    if verdict not in ("answer", "several", "clarify"):
        return None
    # "要交机构章程吗" also reads as the exam's 章程: of two near readings, the material.
    groups = {v: k for k, v in _GROUPS.items()}
    # "外方中方都得交章程吗": of the parties' own materials first (机构章程, not the exam's 章程)
    own_items = [h.unit for h in hits[:4] if h.unit.kind == "material" and h.unit.parent in groups
                 and h.score >= 0.6 * hits[0].score]
    top: Unit = own_items[0] if own_items else \
        next((h.unit for h in hits[:4] if h.unit.kind == "material" and h.score >= 0.8 * hits[0].score), units[0])
    if top.id in ("3", "3.1") or top.id in groups:
        # "外方中方分别交什么材料": each party's list.
        pair = [UNITS_BY_ID[_GROUPS["外方"]], UNITS_BY_ID[_GROUPS["中方"]]]
        return render_units(pair, lang, query=core), top, core
    if top.kind != "material":
        return None
    if top.parent not in groups:
        return render_units([top], lang, query=core), top, core  # a joint material
    name = re.sub(r"^(?:外方|中方)", "", top.title.zh)
    other = _GROUPS["中方" if groups[top.parent] == "外方" else "外方"]
    twin = next((u for u in children(other) if re.sub(r"^(?:外方|中方)", "", u.title.zh) == name),
                None)
    if twin is not None:
        pair = sorted([top, twin], key=lambda u: u.parent != _GROUPS["外方"])
        reply = render_units(pair, lang, query=core)
        key = "both_parties_both_yes" if claims.is_yes_no(text) else "both_parties_both"  # "都要交吗": yes
        return Reply(f"{t(key, lang)}\n{reply.text}", reply.buttons), top, core
    key = "both_parties_only_foreign" if groups[top.parent] == "外方" else "both_parties_only_chinese"
    reply = render_units([top, UNITS_BY_ID[other]], lang, query=core)
    return Reply(f"{t(key, lang)}\n{reply.text}", reply.buttons), top, core


def _intent_reply(turn: Turn, lang: str, text: str) -> tuple[Reply, Reply] | None:
    intent = turn.intent or ""
    if intent not in answers.QUESTION_INTENTS:
        return None
    subject = turn.entities.get("subject")
    return (answers.answer(intent, text, lang, subject), answers.answer(intent, text, "zh", subject))


_WHICH_NOTICE = re.compile(r"讲(?:什么|啥)|是(?:什么|啥|哪个|哪份)|是关于|是不是|有效|还管用|关于什么|(?:是|由)\S{0,8}(?:发|印发|发布)的|"
                           r"\bissued by\b|\bwho issued\b|"
                           r"\bthe one (?:about|on|for)\b|\babout what\b|\bwhat is\b|\bis (?:this|it) the\b|"
                           r"\bvalid\b|\bin force\b|\bwhich notice\b|\bthe right (?:notice|document)\b",
                           re.IGNORECASE)


def _answer_one(text: str, turn: Turn, state: State, allow_intent: bool,
                strict: bool = False, decisive: bool = False
                ) -> tuple[Reply | None, Unit | None, str]:
    """One question: (reply or None for the classic answer, the unit cited, the query)."""
    lang = state.language
    if state.topic_unit == "6.assessment_plan" and day_kind_asked(text) and \
            not re.search(r"45|四十五|forty|decision|审批|决定", text, re.IGNORECASE):
        # "Are those working days or calendar days?" after the 10 days: the notice does not say
        return overview.plan_days_open(lang), UNITS_BY_ID["6.assessment_plan"], text
    if overview.SUMMARY.search(text):
        return overview.summary(lang), UNITS_BY_ID["header.title"], text
    if overview.OUTLINE.search(text):
        return overview.outline(lang), None, text
    named = shape.document_number(text)
    if named is not None and (_WHICH_NOTICE.search(text) or claims.is_yes_no(text)) and not (
            named == shape.document_number(NOTICE.number) and silent_aspect(text)):
        # "Is 桂人社规〔2020〕12号 the one about …?": this notice's number and title, or not.
        lead = "number_not_this" if named != shape.document_number(NOTICE.number) else (
            "number_is_this" if shape.is_claim(text) or re.search(r"^\W*is\b|是不是|是否", text, re.I)
            else "number_this")
        units = [UNITS_BY_ID["header.number"], UNITS_BY_ID["header.title"]]
        if re.search(r"谁|哪个(?:部门|单位|机关)|发的|发布|签发|\bissued\b|\bwho\b", text, re.IGNORECASE):
            units.append(UNITS_BY_ID["header.issuer"])  # "…12号，是人社厅发的吗？"
        shown = render_units(units, lang, query=text)
        return Reply(f"{t(lead, lang)}\n{shown.text}"), units[0], text
    national = claims.national_issuer_claim(text)
    if national is not None:  # "这是人社部直接发给全国的通知吧？": the region's own notice
        shown = render_units([UNITS_BY_ID[u] for u in national], lang, query=text)
        return Reply(f"{t('claim_differs', lang)}\n{shown.text}"), UNITS_BY_ID[national[0]], text
    claimed = "4.1" if claims.applicant_claim(text) else "1" if claims.approver_claim(text) else None
    if claimed is not None:  # "是中方合作机构去提申请吗" (四（一）), "是市里批吧" (一)
        return render_units([UNITS_BY_ID[claimed]], lang, query=text), UNITS_BY_ID[claimed], text
    both_roles = actors.approver_and_supervisor(text) if silent_aspect(text) is None else []
    if both_roles:  # "批的和管的是同一个部门吗": two departments, each with its clause
        shown = render_units(both_roles, lang, query=text)
        return Reply(f"{t('approver_vs_supervisor', lang)}\n{shown.text}"), both_roles[1], text
    roles = actors.actor_units(text) if silent_aspect(text) is None else []
    if roles:
        # "设区市还负责收哪些东西": every clause that gives that department a task.
        texts = [f"{t('actor_role', lang, name=name)}\n{render_units(units, lang, query=text).text}"
                 for name, units in roles]
        return Reply("\n\n".join(texts)), roles[0][1][0], text
    who = actors.overseers(text) if silent_aspect(text) is None else []
    if who:  # "检查是谁来检查的": the clauses that say who oversees
        return Reply(f"{t('who_oversees', lang)}\n{render_units(who, lang, query=text).text}"), who[0], text
    of_both = _of_both_parties(text, lang) if silent_aspect(text) is None else None
    if of_both is not None:
        return of_both
    uses = forms_use(text)
    if uses:  # "附件1和附件2分别在什么时候用": each form with when it is handed in
        return render_units(uses, lang, query=text), uses[0], text
    two = compare.each(text) if len(shape.time_limits(text)) < 2 else None  # the time limits: all named, below
    if two is not None:
        asked = [_answer_one(q, replace(turn, intent=None), state, False)[1] for q in two]
        of_each = [u for u in asked if u is not None]
        if len(of_each) == 2 and of_each[0].id != of_each[1].id:
            return render_units(of_each, lang, query=text), of_each[0], text
    lacking = compare.form_lacks(text)
    if lacking is not None:  # "附件2里还要填人员情况吗": no; that part is in the other form
        form, part = UNITS_BY_ID[lacking[0]], lacking[1]
        shown = render_units([form, part], lang, query=text)
        return Reply(f"{compare.lacks_line(part, lang)}\n{shown.text}"), part, text
    elsewhere = compare.column_elsewhere(text)
    if elsewhere is not None:  # "考评人员表里有“主要工作职责”这一列吗": no; the other table has it
        table, column = elsewhere
        shown = render_units([table, UNITS_BY_ID[column.parent or table.id]], lang, query=text)
        line = t("table_lacks", lang, table=table.title.get(lang), column=column.title.get(lang))
        return Reply(f"{line}\n{shown.text}"), table, text
    form_pair = compare.form_parts(text, state.topic_unit)
    if form_pair is not None:
        return compare.difference(form_pair, lang, text), UNITS_BY_ID[form_pair[0]], text
    lacks = _party_lacks(text, lang) if silent_aspect(text) is None else None
    if lacks is not None:
        return lacks
    query, hits = ctx.contextual_search(text, state)
    key = silent_aspect(text)
    verdict, units = _decide(hits, is_zh(query))
    picked = bool(hits) and all(h.score == ctx.PICKED for h in hits)
    if picked and len(hits) > 1:
        verdict, units = "several", [h.unit for h in hits]  # "第三、第四部分"
    if key == "plan_day_kind":
        return overview.plan_days_open(lang), UNITS_BY_ID["6.assessment_plan"], query
    if key is not None:
        silent = silent_reply(key, lang)
        alone = search(text) if query != text else hits  # the words alone, not the subject
        if verdict == "answer" and hits[0].score >= SILENT_WITH_UNIT and \
                units[0].kind not in ("header", "part", "annex") and \
                alone and alone[0].unit.id == units[0].id and alone[0].score >= SILENT_WITH_UNIT:
            # "收考试费算不算营利": what the notice does say, then what it leaves open.
            quoted = render_units(units[:1], lang, query=query)
            return Reply(f"{quoted.text}\n{silent.text}", silent.buttons), units[0], query
        return silent, None, query
    if verdict == "answer":
        units = _section_over_table(units, hits, text)
    whole = _whole_part(units, text) if verdict in ("answer", "several", "clarify") else None
    whole = whole or shape.whole_counted(text, claims.is_yes_no(text))  # "四类材料分别是啥", "材料是分三类吗"
    if whole is not None:
        verdict, units = "answer", [whole]
    both_named = all(rx.search(text) for rx in _WHICH_DATE)  # "签发和印发差了几天"
    one_dated = _A_DATE.search(text) and sum(bool(rx.search(text)) for rx in _WHICH_DATE) == 1  # "通知是9月20号印发的对吗"
    if both_named or one_dated or verdict != "none" and units and units[0].id in _NOTICE_DATES and (
            verdict not in ("clarify", "weak") or verdict == "clarify" and _DATE_ASKED.search(text) or _A_DATE.search(text)) or \
            verdict in ("answer", "several") and any(u.id in _NOTICE_DATES for u in units[:2]):
        which = [u for u, rx in zip(_NOTICE_DATES, _WHICH_DATE, strict=True) if rx.search(text)]
        if len(which) == 1 and _OTHER_DATE[which[0]].search(text) and claims.is_yes_no(text):
            # "印发日期是9月22号吗？": no; that is the other date (both shown, told apart)
            dates = render_units([UNITS_BY_ID[u] for u in _NOTICE_DATES], lang, query=text)
            return Reply(f"{t('claim_differs', lang)}\n{dates.text}"), UNITS_BY_ID[which[0]], text
        if _BOTH_DATES.search(text) or both_named:
            which = []  # "落款是厅还是办公室", "两个日期分别是啥": both
        if not which and _APART.search(text):
            dates = render_units([UNITS_BY_ID[u] for u in _NOTICE_DATES], lang, query=text)
            return Reply(f"{overview.dates_apart(lang)}\n{dates.text}"), UNITS_BY_ID[_NOTICE_DATES[0]], text
        # "印发日期是…": that one; "这通知啥时候发的": both, told apart.
        verdict, units = ("answer", [UNITS_BY_ID[which[0]]]) if len(which) == 1 else \
            ("several", [UNITS_BY_ID[u] for u in _NOTICE_DATES])
        said = {claims.claim_line(text, u, lang) for u in units} if verdict == "several" and claims.is_yes_no(text) else set()
        if said == {t("claim_holds", lang)} or said == {t("claim_holds", lang), t("claim_differs", lang)}:
            # "这个通知是2020年出的吧": both dates say so; "通知是9月25日发的对吧": one of the two dates
            lead = t("claim_holds" if len(said) == 1 else "notice_dates_mixed", lang)
            return Reply(f"{lead}\n{render_units(units, lang, query=text).text}"), units[0], text
    if verdict in ("answer", "several"):
        more = _with_party(_same_label(units), query)
        if len(more) > len(units):
            verdict, units = "several", more
    focused = split.focus(text) if not picked else None  # (places the words named stay)
    if focused:
        # A question inside a story: the asking clause alone may say it more clearly.
        f_query, f_hits = ctx.contextual_search(focused, state)
        f_verdict, f_units = _decide(f_hits, is_zh(f_query))
        if f_verdict in ("answer", "several"):
            query, hits, verdict, units = f_query, f_hits, f_verdict, f_units
    pair = compare.sides(text)
    if pair is not None:
        both = _compared(pair, state)
        if len(both) == 2 and all(k.kind in ("column", "field") for u in both
                                  for k in children(u.id)[:1]) and all(children(u.id) for u in both):
            # Two tables or sections: what one has that the other does not.
            return compare.difference((both[0].id, both[1].id), lang, query), both[0], query
        if both:
            return render_units(both, lang, query=query), both[0], query
    term = terms.term_of(text)
    if term and verdict in ("answer", "several") and not terms.is_marked(text, term):
        term = None  # an unmarked word in a question the notice answers plainly
    if term:
        # "备案是啥意思": where the notice uses the word (it defines few of them).
        found = terms.places(term)
        if found:
            reply = render_units(found, lang, query=query)
            key = "term_defined" if terms.is_defined(term) else "term_not_defined"
            line = t(key, lang, term=term, contact=get_settings().contact.get(lang))
            return Reply(f"{reply.text}\n{line}", reply.buttons), found[0], query
    pasted_unit = quoted_unit(text, units[0]) if units else None
    if pasted_unit is not None:
        return render_units([pasted_unit], lang, pasted=True), pasted_unit, query
    # A place the words point at is answered as such, not by the topic it belongs to.
    classic = _intent_reply(turn, lang, text) if allow_intent and not picked else None
    conf = turn.confidence
    if classic is not None and units and units[0].id in shape.TIME_LIMIT_UNITS and \
            state.topic_unit in (None, units[0].id) and verdict in ("answer", "several") and \
            classic[0].text.startswith(t("timing_which", lang)):
        # "是从提交那天算还是受理那天算": the notice names the time limit; no menu of limits
        return render_units(units[:1], lang, query=query), units[0], query
    if classic is not None:
        agree = bool(units) and (_agrees(units[0], classic[1].text)
                                 or units[0].id == INTENT_UNITS.get(turn.intent or ""))
        if agree and units and "工作日" in units[0].text.zh and shape.HOLIDAYS.search(text):
            return render_units(units[:1], lang, query=query), units[0], query
        duty = next((u for u in (units[0] if units else None,
                                 UNITS_BY_ID.get(INTENT_UNITS.get(turn.intent or "", "")))
                     if u is not None and _SHORT_NAME_PARTS[0].zh in u.text.zh), None)
        if duty is not None and units and ctx.party_of(query) and (
                agree or (units[0].id.startswith("annex2") and duty.id == "6.annual_report")):
            # "中方机构也要推吗": the duty's clause, and whom its short name covers.
            return render_units([duty], lang, query=query), duty, query
        if agree and (verdict != "several"):
            shown = render_units(units[:1], lang, query=query)
            if not ctx.area_of(query) and shown.text != render_units(units[:1], lang).text:
                return shown, units[0], query  # "通知里列了几种监管方式": a line for this question
            return None, units[0], query
        own = UNITS_BY_ID.get(INTENT_UNITS.get(turn.intent or "", ""))
        near = own is not None and any(same_place(own, h.unit) for h in hits[:3])
        if verdict == "none" or (near and verdict != "answer" and verdict != "several"):
            if conf >= 0.5 or near:
                return None, own, query
        elif verdict in ("weak", "clarify") and own is not None:
            # The classifier and the notice disagree: ask rather than guess.
            choices = [units[0]] + [u for u in units[1:2] if not same_place(u, own)]
            if not any(same_place(own, u) for u in choices):
                choices.append(own)
            return clarify(choices, lang), None, query
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if verdict in ("none", "weak", "clarify") and current is not None and \
            ctx.is_elliptical(text) and state.topic_query and query != text:
        verdict, units = "answer", [current]
    if verdict in ("answer", "several"):
        return render_units(units, lang, query=query), units[0], query
    if strict:
        return None, None, query
    if decisive and verdict in ("clarify", "weak") and units:
        # Inside the self-check a question gets the likeliest answer (the check goes on).
        return render_units(units[:1], lang, query=query), units[0], query
    if verdict == "clarify":
        return clarify(units, lang), None, query
    if classic is not None and conf >= 0.5:
        return None, None, query
    if verdict == "weak" and units:
        return clarify(units + [h.unit for h in hits[1:2] if h.unit is not units[0]], lang), \
            None, query
    return None, None, query


def _both_provided(text: str, turn: Turn, state: State) -> tuple[Reply, Unit] | None:
    """"Do we need sample papers and sample certificates?": yes only when each of the two
    things is in the clause that answers it (then both are quoted)."""
    pair = presence.two_asked(text)
    if pair is None:
        return None
    found = [_answer_one(q, replace(turn, intent=None), state, False, strict=True)[1] for q in pair]
    if any(u is None for u in found) or not all(
            presence.provides(q, u) for q, u in zip(pair, found, strict=True) if u is not None):
        return None
    units = [u for u in dict.fromkeys(found) if u is not None]
    shown = render_units(units, state.language, query=text)
    return Reply(f"{t('claim_present', state.language)}\n{shown.text}", shown.buttons), units[0]


def _resolved(text: str, state: State) -> str:
    """"中方要不要？" after "外方要交银行资信证明吗？": the previous question asked of the other
    party (or FTZ area), answered and judged as if typed so; any other text as it is."""
    if not state.topic_query or not ctx.is_elliptical(text) or not ctx.is_bare(text, parties=True):
        return text
    return ctx.substituted(state.topic_query, text) or text


def route(turn: Turn, state: State, strict: bool = False,
          decisive: bool = False) -> tuple[list[Reply] | None, State]:
    """The replies from the notice's units for a question (None: the classic topic answer
    stands) and the state with the subject remembered.  ``strict`` (a message classified as
    something other than a question) answers only when the notice clearly answers it."""
    lang = state.language
    subject = turn.entities.get("subject") or ""
    if subject.startswith(UNIT_PREFIX):
        unit = UNITS_BY_ID.get(subject[len(UNIT_PREFIX):])
        if unit is None:
            return None, state
        return [render_units([unit], lang)], ctx.remember(state, unit, unit.title.get(lang))
    words = split.without_letter(turn.words)  # "Dear Sir/Madam, … Best regards, J. Smith"
    text = split.without_preamble(words)
    if not text.strip():
        return None, state
    if text != words.strip():
        # "题外话，这个文件公开不": a lead-in that turns away from the subject.
        state = replace(state, topic_query=None)
    if overview.SUMMARY.search(text):
        return [overview.summary(lang)], ctx.remember(state, UNITS_BY_ID["header.title"], text)
    if overview.OUTLINE.search(text):
        return [overview.outline(lang)], state  # one question, however many clauses it has
    both = _both_provided(text, turn, state) if claims.is_yes_no(text) else None
    if both is not None:
        return [both[0]], ctx.remember(state, both[1], text)
    parts = split.questions(text)
    parts = parts if len(parts) > 1 else split.questions(normalise(text))  # "咁…呢？要唔要交？"
    if len(parts) > 1:
        replies: list[Reply] = []
        st = state
        answered = 0
        for i, part in enumerate(parts):
            # Each part is a question of its own; a bare one ("哪天") leans on the part before.
            own_state = st if ctx.is_bare(part) or ctx.is_elliptical(part) else state
            part = _resolved(part, own_state)
            reply, unit, query = _answer_one(part, replace(turn, intent=None), own_state, False,
                                             strict)
            judged = f"{parts[i - 1]}，{part}" if i and presence.contentless(part) else part
            reply, unit = verdicts.judged(judged, reply, unit, query, own_state, strict)  # "…？45个工作日是吗？", "…呢？要不要交？"
            if reply is None and unit is not None:
                reply = render_units([unit], lang)
            if reply is None:
                # This part alone is not clear: say so, and answer the others.
                reply = Reply(t("part_unclear", lang, part=part[:60]))
            else:
                answered += 1
            held = next((i for i, r in enumerate(replies) if r.text in reply.text), None)
            if held is not None:
                replies[held] = reply  # the same clause again, now with the verdict on it: said once
            elif not any(reply.text in r.text for r in replies):
                replies.append(reply)  # two parts one answer holds: said once
            if unit is not None:
                st = ctx.remember(st, unit, query)
        if not answered:
            return None, state
        return replies, st
    resolved = _resolved(text, state)
    if resolved != text:  # "and the Chinese partner?": the topic read from the fragment says nothing
        text, turn = resolved, replace(turn, intent=None)
    reply, unit, query = _answer_one(text, turn, state, True, strict, decisive)
    reply, unit = verdicts.judged(text, reply, unit, query, state, strict)
    if unit is not None:
        new_state = ctx.remember(state, unit, query)
    elif reply is not None:  # "What's the fine?" left open: a follow-up ("then what happens?") leans on it
        new_state = replace(ctx.remember(state, None, query), topic_unit=None)
    else:
        new_state = state
    return ([reply] if reply is not None else None), new_state
