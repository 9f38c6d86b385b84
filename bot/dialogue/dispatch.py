"""The conversation, independent of any chat framework.

Each assistant action (answer a question, greet, ask a self-check question, give the
verdict …) is a function of the user's latest message (:class:`Turn`) and the
conversation's remembered values (:class:`State`), returning the replies and the values
that change (:class:`bot.dialogue.reply.Outcome`).  The Rasa actions in ``actions/`` are thin
adapters around :func:`respond`; other channels can call it the same way.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from bot.dialogue import annual, check_request, split, understand
from bot.dialogue import guidance as answers
from bot.dialogue import self_check as elig
from bot.dialogue import uploads as package_dialogue
from bot.dialogue.context import is_bare, remember, strip_correction
from bot.dialogue.dates import (
    DateParseError,
    FoundDate,
    find_date,
    format_date,
    is_date_only,
    render_decision,
    render_plan,
)
from bot.dialogue.language import LanguageState
from bot.dialogue.normalise import normalise
from bot.dialogue.reply import Button, Outcome, Reply, payload
from bot.dialogue.silence import silent_aspect
from bot.dialogue.state import (  # noqa: F401
    DATE_CONTEXT,
    DECISION,
    LANGUAGE,
    PENDING_DATE,
    PLAN,
    PREFERRED_LANGUAGE,
    STATE_SLOTS,
    State,
    Turn,
)
from bot.i18n import t
from bot.notice import CONDITIONS, CONDITIONS_BY_ID, LANGS
from bot.notice.units import UNITS_BY_ID
from bot.settings import get_settings


def observe(state: State, turn: Turn) -> State:
    """The state after reading the user's message: which language to answer in, and the
    FTZ area it names."""
    lang_state = LanguageState(state.language, state.preferred_language)  # type: ignore[arg-type]
    lang_state = lang_state.observe(turn.text, turn.entities.get("language"))
    page_lang = (turn.metadata or {}).get("lang")
    if turn.is_payload and not lang_state.preferred and page_lang in LANGS:
        # A button, an upload or a page event carries no words: answer in the language the
        # page is shown in.
        return replace(state, language=page_lang, preferred_language=None)
    area = annual.find_area(turn.words) if turn.words and not turn.is_payload else None
    # The FTZ area the user names ("our exam is in the Qinzhou area") stays the subject.
    return replace(state, language=lang_state.language,
                   preferred_language=lang_state.preferred, ftz_area=area or state.ftz_area)


# ---------------------------------------------------------------------------
# Handlers
# ---------------------------------------------------------------------------

Handler = Callable[[Turn, State, dt.date], tuple[list[Reply], State]]


def _menu(lang: str) -> tuple[Button, ...]:
    return answers.menu_buttons(lang)


def _routed(handler: Handler, long_ok: bool = True, unless: re.Pattern[str] | None = None,
            when: re.Pattern[str] | None = None) -> Handler:
    """A handler for a message that may really be a question about the notice: answered from
    the notice when it clearly is (a long message, or the classifier unsure), else as is."""

    def run(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
        words = turn.words.strip()
        if unless is not None and unless.search(words):
            return handler(turn, state, today)
        if words and silent_aspect(words) and not _PERSON.search(words):
            replies, routed = understand.route(turn, state, strict=True)
            if replies:
                return replies, routed
        corrected = strip_correction(words)[1]
        asked = (when is not None and bool(when.search(words))) or (
            when is None and len(split.clauses(words)) == 1 and split.clauses(words)[0][1])
        if words and (turn.confidence < 0.7 or (long_ok and len(words) > 12)
                      or unless is not None or corrected or asked):
            replies, routed = understand.route(turn, state, strict=not corrected)
            if replies:
                return replies, routed
        return handler(turn, state, today)

    run.__name__ = handler.__name__
    return run


def greet(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    from bot.notice import NOTICE

    return [Reply(t("greet", state.language, number=NOTICE.number), _menu(state.language))], state


def help_menu(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    return [Reply(t("menu", state.language), _menu(state.language))], state


def thanks(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    return [Reply(t("thanks", state.language))], state


def goodbye(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    return [Reply(t("goodbye", state.language))], replace(state, date_context=None,
                                                         pending_date=None)


def handoff(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    contact = get_settings().contact.get(state.language)
    return [Reply(t("handoff", state.language, contact=contact), custom={"handoff": True})], state


def switch_language(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    from bot.dialogue.language import requested_language

    asked = turn.entities.get("language") or requested_language(turn.words)
    if asked not in LANGS:
        buttons = (Button(t("btn_chinese", "zh"), payload("switch_language", language="zh")),
                   Button(t("btn_english", "en"), payload("switch_language", language="en")))
        return [Reply(t("language_which", state.language), buttons)], state
    state = replace(state, language=asked, preferred_language=asked)
    return [Reply(t("language_switched", asked), _menu(asked))], state


def out_of_scope(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    from bot.notice import NOTICE

    return [Reply(t("out_of_scope", state.language, number=NOTICE.number),
                  _menu(state.language))], state


def fallback(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """A message we did not understand: the notice's units it may be about (answered when
    one clearly is, asked about when several are close), or the menu; never a guess."""
    lang = state.language
    year = _year_reply(turn, state)
    if year is not None:
        return year
    inside = annual.area_inside(turn.words, state.topic_unit, state.language)
    if inside is not None:  # "钦州港片区可以吗" after where one may operate
        return [inside], replace(state, ftz_area=annual.find_area(turn.words))
    replies, routed = understand.route(turn, state)
    if replies:
        return _receiver(replies, turn, routed)
    subjects = answers.candidates(turn.words)
    if subjects:
        buttons = tuple(answers.subject_button(s, lang) for s in subjects)
        buttons += (Button(t("btn_handoff", lang), payload("human_handoff")),)
        return [Reply(t("fallback_candidates", lang), buttons)], state
    return [Reply(t("fallback", lang), _menu(lang))], state


# --- questions and dates ---------------------------------------------------------------

_DATE_INTENTS = ("ask_timing", "ask_assessment_plan", "inform_date", "ask_duties")


_DECISION_WORDS = re.compile(r"审批决定|决定|交的|交了|交到|交给|送到|出结果|有结果|结果出来|给结果|批下来|递交|提交申请|受理|审批|decision|decided|approv|"
                             r"submit|apply|application|\bresults? (?:come|be out|be ready)", re.IGNORECASE)
_PLAN_WORDS = re.compile(r"鉴定计划|推送|鉴定活动|考试日期|assessment|the plan\b|exam date", re.IGNORECASE)
_DATE_UNITS = {DECISION: "4.3", PLAN: "6.assessment_plan"}


def _date_kind(turn: Turn, state: State) -> str | None:
    """Which date calculation a message asks for, if any."""
    intent = turn.intent or ""
    words = turn.words
    for day in annual.date_texts(words):
        words = words.replace(day, " ")  # "12月1日" names a day, not the December duty
    if words and intent in _DATE_INTENTS:
        decision, plan = bool(_DECISION_WORDS.search(words)), bool(_PLAN_WORDS.search(words))
        if decision != plan:
            return DECISION if decision else PLAN
    subject = answers.resolve(intent, words, turn.entities.get("subject")) \
        if intent in answers.QUESTION_INTENTS else None
    if intent == "ask_assessment_plan" or (subject and subject.key in ("timing:plan",
                                                                        "duty:assessment_plan")):
        return PLAN
    if intent == "ask_timing" and (subject is None or subject.key == "timing:decision"):
        return DECISION
    if intent == "inform_date":
        return state.date_context
    return None


def _date_reply(kind: str, found: FoundDate, lang: str, today: dt.date,
                turn: Turn | None = None, area: str | None = None) -> Reply:
    if kind == DECISION:
        return Reply(render_decision(found, lang, today))
    words = turn.words if turn is not None else ""
    dates = annual.find_dates(words, today) or [found.value]
    area = annual.find_area(words) or area
    if len(dates) > 1:
        lines, url = annual.duty_dates_lines(dates, area, lang, today)
    else:
        lines = [render_plan(found, lang, today)]
        more, url = annual.duty_dates_lines(dates, area, lang, today)
        lines += more[-2:]  # the December deadline and the calendar file
    lines += annual.area_lines(area, lang, words)
    return Reply("\n".join(lines), custom={"ics": url})


_ANNUAL_UNITS = ("6.annual_report", "annex2")
_ANNUAL_WORDS = re.compile(r"汇总表|年报|年度报告|附件2|annual (?:summary|report)|\bsummary\b|annex 2",
                           re.IGNORECASE)


def _year_reply(turn: Turn, state: State) -> tuple[list[Reply], State] | None:
    """"那2027年的呢" after the annual summary, "2027年度的汇总表什么时候交": its deadline
    in that year."""
    year = annual.year_asked(turn.words)
    if year is None or not (turn.intent == "ask_annual_report" or _ANNUAL_WORDS.search(turn.words)
                            or state.topic_unit in _ANNUAL_UNITS
                            and is_bare(_YEAR_WORDS.sub("", turn.words))):
        return None
    return [Reply(annual.annual_line(year, state.language))], remember(
        state, UNITS_BY_ID["6.annual_report"], turn.words)
_YEAR_WORDS = re.compile(r"20\d\d\s*(?:年度|年)?|\b(?:year|for)\b", re.IGNORECASE)
_AREA_INTENTS = ("ask_assessment_plan", "ask_annual_report", "ask_operating_area")
_BUREAU_APPROVES = re.compile(r"(?:人社局|人社部门|人力资源和?社会保障局|bureau).{0,10}(?:审批|批准|批|approv)|"
                              r"(?:审批|批准|approv)\w*.{0,10}(?:人社局|bureau)", re.IGNORECASE)
_RECEIVING_UNITS = ("6.assessment_plan", "6.annual_report")  # sent to the city's bureau
_AREA_UNITS = (*_RECEIVING_UNITS, "6.operate_in_ftz")


def _area_reply(turn: Turn, state: State, today: dt.date) -> Reply | None:
    """Who receives plans and reports, for a message that names a place or asks for the
    annual summary's date."""
    lang = state.language
    words = turn.words
    if _BUREAU_APPROVES.search(words):
        return None  # "南宁市人社局负责审批吗": who approves, not where to send plans
    area = annual.find_area(words) or (None if annual.find_outside_place(words) else
                                       state.ftz_area)
    outside = annual.find_outside_place(words)
    if turn.intent == "ask_annual_report":
        lines, url = annual.duty_dates_lines([], area, lang, today)
        return Reply("\n".join(lines[1:] + annual.area_lines(area, lang, words)),
                     custom={"ics": url})
    if turn.intent == "ask_assessment_plan":
        return Reply("\n".join([t("duty_dates_needed", lang)]
                               + annual.area_lines(area, lang, words)))
    if area or outside:
        return Reply("\n".join(annual.area_lines(area, lang, words)))
    return None


def _receiver(replies: list[Reply], turn: Turn, state: State) -> tuple[list[Reply], State]:
    """"To whom?" after a plan for an exam in the Qinzhou area: the answer, and that city's
    bureau."""
    area = annual.find_area(turn.words) or state.ftz_area
    if area and state.topic_unit in _RECEIVING_UNITS:
        line = "\n".join(annual.area_lines(area, state.language, turn.words))
        if not any(line in r.text for r in replies):
            replies = replies + [Reply(line)]
        state = replace(state, ftz_area=area)
    return replies, state


def _is_notice_date(day: dt.date) -> bool:
    from bot.notice import NOTICE

    own = {dt.date.fromisoformat(NOTICE.signed), dt.date.fromisoformat(NOTICE.printed)}
    return any((day.month, day.day) == (d.month, d.day) for d in own)


def answer(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """A question about the notice, or a date for one of its time limits."""
    lang = state.language
    intent = turn.intent or ""
    if intent in ("affirm", "deny", "unsure", "stop"):
        if strip_correction(turn.words)[1] or (
                turn.words.strip() and elig.parse_answer(turn.words.strip()) is None):
            replies, routed = understand.route(turn, state)
            if replies:
                return replies, routed
        return help_menu(turn, state, today)
    year = _year_reply(turn, state)
    if year is not None:
        return year
    inside = annual.area_inside(turn.words, state.topic_unit, state.language)
    if inside is not None:  # "钦州港片区可以吗" after where one may operate
        return [inside], replace(state, ftz_area=annual.find_area(turn.words))
    try:
        found = find_date(turn.words, today)
    except DateParseError as exc:
        return [Reply(t("date_invalid", lang, text=exc.text))], state
    if found is not None and _is_notice_date(found.value) and (
            found.year_assumed or found.value.year == 2020) and not (
            _DECISION_WORDS.search(turn.words) or _PLAN_WORDS.search(turn.words)):
        # 9月22日 / 9月25日: the notice's own dates, asked about, not a date to count from.
        replies, routed = understand.route(turn, state)
        if replies:
            return replies, routed
    if found is not None and intent not in _DATE_INTENTS:
        rest = strip_correction(turn.words)
        if state.date_context in (DECISION, PLAN) and (rest[1] or is_date_only(rest[0])):
            # "不对，是12月2日交的": the same calculation from the corrected date.
            turn = replace(turn, intent="inform_date")
        elif intent in answers.QUESTION_INTENTS and _DECISION_WORDS.search(turn.words) and \
                not _PLAN_WORDS.search(turn.words):
            turn = replace(turn, intent="ask_timing")  # "11月30号交的，决定会拖到明年吗"
        intent = turn.intent or ""
    if found is None and turn.is_payload and state.pending_date:
        # A "which deadline?" button pressed for a date given earlier.
        found = FoundDate(dt.date.fromisoformat(state.pending_date), False, state.pending_date)
    if intent in _DATE_INTENTS:
        kind = _date_kind(turn, state)
        if found is not None:
            if kind is None:
                state = replace(state, pending_date=found.value.isoformat(), date_context=None)
                lines = [t("date_which", lang, date=format_date(found.value, lang))]
                if found.year_assumed:
                    lines.insert(0, t("year_assumed_past" if found.past else "year_assumed", lang,
                                      today=format_date(today, lang, weekday=False),
                                      year=found.value.year))
                buttons = (
                    Button(t("btn_decision_date", lang),
                           payload("ask_timing", subject="timing:decision")),
                    Button(t("btn_plan_date", lang), payload("ask_assessment_plan")),
                )
                return [Reply("\n".join(lines), buttons)], state
            state = replace(state, date_context=kind, pending_date=None,
                            ftz_area=annual.find_area(turn.words) or state.ftz_area)
            state = remember(state, UNITS_BY_ID[_DATE_UNITS[kind]], turn.words)
            return [_date_reply(kind, found, lang, today, turn, state.ftz_area)], state
        if intent == "inform_date":
            # A question the notice answers ("年报是12月初还是12月底") is answered; other text
            # classified as a date but holding none: ask for one.
            replies, routed = understand.route(turn, state, strict=True)
            if replies:
                return replies, routed
            key = "date_needed_plan" if kind == PLAN else "date_needed_decision"
            return [Reply(t(key, lang))], state
        if kind in (DECISION, PLAN):
            state = replace(state, date_context=kind, pending_date=None)
    else:
        state = replace(state, date_context=None, pending_date=None)
    if intent not in answers.QUESTION_INTENTS:
        return help_menu(turn, state, today)
    replies = []
    if found is None:
        replies, state = understand.route(turn, state)
    if intent in _AREA_INTENTS:
        # The deadlines and the receiving bureau, after what the notice says of the duty.
        extra = _area_reply(turn, state, today)
        state = replace(state, ftz_area=annual.find_area(turn.words) or state.ftz_area)
        if extra is not None and replies and state.topic_unit not in _AREA_UNITS \
                and not annual.find_outside_place(turn.words):
            return replies, state  # "钦州的学校…协议要原件吗": the question was not the area's
        if extra is not None:
            if annual.is_area_only(turn.words) and replies and state.topic_unit == "6.operate_in_ftz":
                return replies, state  # "钦州港片区呢" after where one may operate: inside or not
            if annual.is_area_only(turn.words):
                return [extra], state
            if not replies:
                replies = [answers.answer(intent, turn.words, lang, turn.entities.get("subject"))]
            return replies + [extra], state
    if replies:
        return (_receiver(replies, turn, state) if intent not in _AREA_INTENTS
                else (replies, state))
    return [answers.answer(intent, turn.words, lang, turn.entities.get("subject"))], state


# --- the self-check ----------------------------------------------------------------------


def start_self_check(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """The self-check's opening; a question asked in the same message ("帮我做个资格核查，另外
    审批多少个工作日？") is answered first."""
    replies: list[Reply] = []
    words = turn.words
    parts = split.clauses(words) if words and not turn.is_payload else []
    for part, asks in parts if len(parts) > 1 else []:
        if not asks or check_request.asks_for_check(normalise(part)):
            continue
        answered, state = understand.route(replace(turn, text=part, intent=None), state)
        replies += answered or []
    return replies + [Reply(t("check_intro", state.language, n=len(CONDITIONS)))], state


def ask_condition(condition_id: str) -> Handler:
    cond = CONDITIONS_BY_ID[condition_id]

    def ask(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
        lang = state.language
        buttons = (
            Button(t("btn_yes", lang), payload("affirm")),
            Button(t("btn_no", lang), payload("deny")),
            Button(t("btn_unsure", lang), payload("unsure")),
            Button(t("btn_stop", lang), payload("stop")),
        )
        question = elig.render_question(cond, lang)
        note = _answer_note(condition_id, turn, lang)
        return [Reply(f"{note}\n{question}" if note else question, buttons)], state

    return ask


def _answer_note(condition_id: str, turn: Turn, lang: str) -> str | None:
    """What a "no" or "not sure" to the condition just answered means, before the next one."""
    order = [c.id for c in CONDITIONS]
    at = order.index(condition_id)
    if at == 0 or turn.intent not in ("deny", "unsure"):
        return None
    before = CONDITIONS[at - 1]
    key = "check_note_unmet" if turn.intent == "deny" else "check_note_unsure"
    return t(key, lang, ref=before.clause.ref.get(lang), requirement=before.requirement.get(lang))


def self_check_unclear(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """A reply during the self-check that is neither an answer nor a question we know: a
    question the notice answers is answered (the form then asks its question again)."""
    if turn.words.strip() and turn.intent not in ("affirm", "deny", "unsure"):
        replies, routed = understand.route(turn, state, decisive=True)
        if replies:
            return replies, routed
    return [Reply(t("check_unparsed", state.language))], state


def self_check_stopped(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    return [Reply(t("check_stopped", lang), _menu(lang))], state


def exact_intent(text: str | None, intent: str | None, confidence: float = 1.0) -> str | None:
    """An intent certain from the words alone, overriding the classifier, or None.

    A self-check answer as a whole ("是的", "not yet") is affirm / deny / unsure, a
    question or a weak guess at one is ``nlu_fallback``
    (:func:`bot.dialogue.self_check.answer_intent`); a message that is just a date is
    ``inform_date``.
    """
    if text and is_date_only(text):
        return "inform_date"
    text = normalise(text) if text else text
    if text and annual.is_area_only(text):
        return "ask_operating_area"
    if text and not text.startswith("/"):
        asked = check_request.intent_of(text, intent)
        if asked is not None:
            return asked
    return elig.answer_intent(text, intent, confidence)


_log = logging.getLogger(__name__)

_PERSON = re.compile(r"人工|真人|客服|工作人员联系|person|human|agent|staff member", re.IGNORECASE)



def verdict_reply(answers_by_slot: Mapping[str, str | None], lang: str) -> Reply:
    v = elig.verdict({k: answers_by_slot.get(k) for k in elig.SLOTS})
    buttons: tuple[Button, ...] = (
        Button(t("btn_materials", lang), payload("ask_materials")),
        Button(t("btn_procedure", lang), payload("ask_procedure")),
        Button(t("btn_handoff", lang), payload("human_handoff")),
    )
    return Reply(elig.render_verdict(v, lang), buttons)


# ---------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------

HANDLERS: dict[str, Handler] = {
    "answer": answer,
    "greet": _routed(greet),
    "help": _routed(help_menu),
    "thanks": _routed(thanks),
    "goodbye": goodbye,
    "handoff": handoff,
    "switch_language": _routed(switch_language, long_ok=False, when=re.compile(
        r"填|写|翻译|译|材料|证书|表|考试|submit|fill|translat|document|form|exam", re.IGNORECASE)),
    "out_of_scope": _routed(out_of_scope),
    "fallback": fallback,
    "start_self_check": start_self_check,
    "self_check_stopped": self_check_stopped,
    "self_check_unclear": self_check_unclear,
}
HANDLERS.update({f"ask_condition:{c.id}": ask_condition(c.id) for c in CONDITIONS})
HANDLERS.update(package_dialogue.HANDLERS)
# Questions about the application taken for questions about one's own files.
_OWN_FILES = re.compile(r"上传|我的文件|我们的文件|传的文件|预审|检查报告|(?:我的|我们的)报告|报告(?:在哪|下载|怎么看|生成)|缺[了什么哪]|还差|我的材料|我们的材料|传了|"
                        r"upload|my files?|our files?|(?<!work )\breport\b|missing|pre-?check|my documents|"
                        r"our documents|删除|删掉|清除|注销账号|\bdelete|\berase|\bremove", re.IGNORECASE)
for _name in ("upload_help", "missing", "report", "delete_request"):
    if _name in HANDLERS:
        HANDLERS[_name] = _routed(HANDLERS[_name], unless=_OWN_FILES)


def handoff_recorded(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """The contact, and the request recorded with the reference number staff look up."""
    replies, state = handoff(turn, state, today)
    more, state = package_dialogue.handoff_reference(turn, state, today)
    return replies + more, state


# A question that names no person ("专职工作人员和考评人员两张表有啥不同") is a question.
HANDLERS["handoff"] = _routed(handoff_recorded, long_ok=False, when=re.compile(
    r"^(?!.*(?:人工|真人|客服|(?<!业务)联系人|找人|找个人|转接|person|human|agent|someone|somebody|staff member|"
    r"operator|representative)).*(?:[？?]|吗|什么|啥|哪|怎么|有何|区别|不同|\b(?:what|which|how|why|is|are|does)\b)",
    re.IGNORECASE))


def respond(handler: str, turn: Turn, values: Mapping[str, Any],
            today: dt.date | None = None) -> Outcome:
    """Run one assistant action.

    ``values`` are the remembered values (at least those in :data:`STATE_SLOTS`); the
    outcome's ``values`` hold the ones that changed.
    """
    before = State.from_values(values)
    state = observe(before, turn)
    try:
        replies, after = HANDLERS[handler](turn, state, today or dt.date.today())
    except Exception:  # noqa: BLE001 - a fault must not leave the user without a reply
        _log.exception("handler %s failed", handler)
        lang = state.language
        return Outcome([Reply(t("internal_error", lang), (
            Button(t("btn_handoff", lang), payload("human_handoff")),))], {})
    changed = {k: v for k, v in after.values().items() if values.get(k) != v}
    return Outcome(replies, changed)
