"""The verdict a yes/no question gets before the clause that answers it: "yes", "no", "no, the
notice requires exactly that", "one of the two is enough", or none (the clause is quoted and the
user judges).  Given the reply the search made, the unit it cites and the question as typed."""

from __future__ import annotations

import re

from bot.dialogue import claims, compare, overview, presence, shape
from bot.dialogue import context as ctx
from bot.dialogue.annual import FTZ_UNIT, find_area, find_outside_place
from bot.dialogue.render import render_units
from bot.dialogue.reply import Reply
from bot.dialogue.silence import silent_aspect
from bot.dialogue.state import State
from bot.i18n import t
from bot.notice.units import OPENING, UNITS_BY_ID, Unit

SHORT_TAIL = 8  # characters: a last "question" this short only qualifies the one before
NEAR_TOP = 0.8  # a place this close to the best may answer a yes/no question the best does not hold
# "中方要不要交…", "Does the Chinese partner need…": asked whether a party must hand it in
# (a claim "是中方交的吧" keeps "that is not right").
_NEEDS = re.compile(r"要不要|需不需要|需要|要交|要提交|要提供|也要|用不用|\b(?:need|have to|must|required?)\b",
                    re.IGNORECASE)
_TRANSLATION = "3.translation"  # 三: materials in a foreign language with a Chinese translation


def _place_that_holds(text: str, asked: str, state: State, unit: Unit | None, reply: Reply,
                      many: bool) -> Unit | None:
    """For a yes/no question shown several places, a question back, or one place that does not
    hold it: the only place near the top that holds what was asked ("Does the regional
    department organize experts?": 四（二）; "汇总表里要附发证名册吗": 附件2 四, not 二)."""
    lang = state.language
    question_back = unit is None and reply.text.startswith(t("clarify_which", lang))
    plain = unit is not None and unit.text.get(lang)[:20] in reply.text.split("\n")[0] \
        and not presence.provides(asked, unit) \
        and not presence.denies(asked, unit)
    if not (many or question_back or plain):
        return None
    hits = ctx.contextual_search(text, state)[1][:4]
    places = [h.unit for h in hits if (h.unit.kind != "header" or h.unit.ref == OPENING)  # a fact of its own
              and not (unit is not None and unit is not h.unit and h.unit.text.zh in unit.text.zh)  # shown already
              and h.score >= NEAR_TOP * hits[0].score
              and (not many or h.unit.text.get(lang)[:30] in reply.text)]  # "落款日和印发日是同一天吗"
    picked = presence.one_provides(asked, places)
    return picked if picked is not None and (picked is not unit or many) else None


def _one_says_no(text: str, asked: str, state: State, reply: Reply) -> str | None:
    """For a yes/no question shown several places: "no" when one of them states a different
    value of what was asked (the place), else None."""
    lang = state.language
    shown = [h.unit for h in ctx.contextual_search(text, state)[1][:4] if h.unit.text.get(lang)[:30] in reply.text]
    differs = t("claim_differs", lang)
    return differs if any(claims.claim_line(asked, u, lang) == differs for u in shown) else None


def judged(text: str, reply: Reply | None, unit: Unit | None, query: str, state: State,
           strict: bool) -> tuple[Reply | None, Unit | None]:
    """(the reply with its verdict line first, the unit cited) for ``text``."""
    lang = state.language
    many = reply is not None and reply.text.startswith(t("unit_several", lang, n=0)[:6])
    several = many and unit is not None and unit.kind != "material"  # a material with its party's list
    holidays = shape.HOLIDAYS.search(text) and unit is not None and "工作日" in unit.text.zh
    asked = presence.question_part(ctx.strip_correction(text)[0])  # "不对，我是问…", "Our…. Is …?"
    if asked != text and not claims.is_yes_no(asked) and len(asked) <= SHORT_TAIL and claims.is_yes_no(text):
        asked = text  # "审批时限是45天吧？自然日那种？": the tail qualifies the question before it
    if reply is not None and claims.is_yes_no(asked) and not strict:
        picked = _place_that_holds(text, asked, state, unit, reply, many)
        if picked is not None:  # the one place that holds what was asked, alone
            unit, several, reply = picked, False, render_units([picked], lang, query=query)
    decided = reply is not None and reply.text.startswith(overview.dates_apart(lang)) or \
        reply is not None and compare.states_lack(reply.text, lang) or \
        reply is not None and reply.text.startswith(t("notice_dates_mixed", lang)) or \
        unit is not None and unit.id == "header.addressees" and bool(ctx.area_of(asked))  # the area line says
    if unit is not None and unit.id != "header.number" and claims.is_yes_no(asked) and not holidays and not decided \
            and silent_aspect(text) is None:  # "45个工作日到了还没决定，算自动通过吗": left open
        # numbers are judged; "国庆那七天假算在里面吗" is a question about the days, not a count
        # "原件在总部，寄过来很麻烦。交复印件可以吗？": the question judged, then the whole message
        line = (claims.claim_line(asked, unit, lang) if asked != text else None) or claims.claim_line(text, unit, lang)
        if line is None and several and reply is not None:
            line = _one_says_no(text, asked, state, reply)  # "…能不能在FTZ外面单独搞鉴定": 六（一） says no
        if reply is not None and _NEEDS.search(asked) and reply.text.startswith(
                (t("both_parties_only_foreign", lang), t("both_parties_only_chinese", lang))):
            line = t("claim_party_lacks", lang)  # "中方也要交银行资信证明吗": the other party's item
        if line == t("claim_holds", lang) and presence.denies(asked, unit):
            line = None  # "没在人社厅备案行不行": the department is right, the premise is not
        if several and (unit.kind not in ("clause", "sentence", "header") or line == t("claim_holds", lang)):
            line = None  # of several places shown, the first may say "no", never alone "yes"
        # A field both forms have ("Do we need to fill in the occupation code?"): yes, of each.
        same_item = unit.kind in ("field", "column", "material")
        forbidden = presence.prohibition(asked, unit) if not several and line is None else None
        if not several and presence.for_all(asked, unit):
            line = t("claim_only_qualified", lang)  # "所有国外证书都能等同吗": only the registered ones
        elif line is None and not several and presence.alone_enough(asked, unit):
            line = t("claim_not_enough", lang)  # "证书只要在本国有名就够了吗": the clause asks more
        elif forbidden is not None:
            # "可以以营利为目的吧" against "不得以营利为目的": no; "不能营利吧": yes
            line = t("claim_forbidden" if forbidden == "asked" else "claim_holds", lang)
        elif not several and presence.denies(asked, unit):
            line = t("claim_denied", lang)  # "没备案的学校能做合作方吗": what the clause requires
            if presence.foreign_only(asked) and unit.id != _TRANSLATION:
                shown = reply or render_units([unit], lang, query=query)
                rule = render_units([UNITS_BY_ID[_TRANSLATION]], lang)
                reply = Reply(f"{shown.text}\n{rule.text}", shown.buttons)
        elif line is None and not several and presence.either(text, unit):
            line = t("claim_either", lang)  # "只有考试大纲，没有职业标准，行吗": 职业标准或考试大纲
        elif line is None and not several and unit.id.split(".")[0] == "3" and presence.translation_asked(asked):
            # "考试样卷要不要也给中文的": the rule on translations; "本来就是中文的，还要译本吗": no
            line = t("claim_chinese_already" if presence.already_chinese(text) else "claim_present", lang)
            if unit.id != _TRANSLATION:
                shown = reply or render_units([unit], lang, query=query)
                rule = render_units([UNITS_BY_ID[_TRANSLATION]], lang)
                reply = Reply(f"{shown.text}\n{rule.text}", shown.buttons)
        elif line is None and (not several or same_item) and presence.provides(asked, unit):
            line = t("claim_present", lang)  # "外方要交章程吗": the clause lists what was asked
        elif line is None and unit.id == FTZ_UNIT and find_area(text) and not find_outside_place(text):
            line = t("claim_present", lang)  # "我们想在崇左片区考，要得不": an area of the free trade zone
        if line is not None:
            shown = reply or render_units([unit], lang, query=query)
            if not shown.text.startswith(line):  # a verdict given already is not said twice
                reply = Reply(f"{line}\n{shown.text}", shown.buttons)
    if unit is not None and reply is not None and not strict and claims.is_choice(asked) and not several:
        side = claims.choice_side(asked, unit, lang)
        if side is not None and not reply.text.startswith(t("choice_named", lang, side=side)):
            reply = Reply(f"{t('choice_named', lang, side=side)}\n{reply.text}", reply.buttons)  # "被委托"
    return reply, unit
