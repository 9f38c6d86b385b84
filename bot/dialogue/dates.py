"""Dates in the notice: the 45-working-day decision limit and the 10-day assessment plan.

Working days follow China's official calendar as published each year by the State
Council and kept in the ``chinesecalendar`` library: weekends and public holidays are
rest days, and the official make-up working days (调休上班日) count as working days.
The library only knows the years it has data for; :func:`known_years` reads that range
from the library itself, and every calculation that needs a year outside it raises
:class:`CalendarRangeError` instead of guessing.

Counting convention for 四（三） "在收到申请之日起45个工作日内": the notice does not say
whether the day of receipt counts.  We assume it does not: the first working day counted
is the first working day after the day of receipt, and the decision is due by the 45th.

Dates are read from Chinese and English text (:func:`find_date`): ``2026-03-02``,
``2026/3/2``, ``2026年3月2日``, ``3月2日``, ``三月二日``, ``March 2, 2026``,
``2 March 2026``, ``Mar 2`` …  A date without a year is the next such date from
``today`` (which callers can inject), and the result says a year was assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.notice import ASSESSMENT_PLAN_DAYS_BEFORE, DECISION_WORKING_DAYS
from bot.service.calendar import CalendarRangeError, get_calendar  # noqa: F401

# ---------------------------------------------------------------------------
# The calendar
# ---------------------------------------------------------------------------


def known_years() -> tuple[int, int]:
    """The first and last year with an official schedule (the library, or the data file)."""
    return get_calendar().official_range


def _check_year(day: dt.date) -> None:
    get_calendar().year(day.year)  # raises CalendarRangeError beyond the provisional years


def is_provisional(day: dt.date) -> bool:
    """Whether ``day``'s year has no official schedule yet (statutory holidays only)."""
    return get_calendar().provisional(day.year)


def is_workday(day: dt.date) -> bool:
    """Whether ``day`` is a working day (make-up working days included)."""
    return get_calendar().is_workday(day)


def is_makeup_workday(day: dt.date) -> bool:
    """Whether ``day`` is a weekend day that is an official make-up working day."""
    return get_calendar().is_makeup_workday(day)


def holiday_name(day: dt.date) -> str | None:
    """The public holiday ``day`` belongs to (the library's English name), or None."""
    return get_calendar().holiday_name(day)


HOLIDAY_NAMES_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利纪念日",
}


@dataclass(frozen=True)
class DecisionDate:
    """When a decision is due under 四（三）."""

    received: dt.date
    due: dt.date
    working_days: int
    holidays: tuple[str, ...]  # names of the public holidays skipped, in order
    makeup_days: tuple[dt.date, ...]  # make-up working days counted
    provisional_years: tuple[int, ...] = ()  # years of the period without an official schedule


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    day = start
    counted = 0
    while counted < n:
        day += dt.timedelta(days=1)
        if is_workday(day):
            counted += 1
    return day


def decision_due(received: dt.date, working_days: int = DECISION_WORKING_DAYS) -> DecisionDate:
    """The last day for the decision when the application is received on ``received``.

    Raises :class:`CalendarRangeError` when the period reaches a year without data.
    """
    _check_year(received)
    due = add_working_days(received, working_days)
    holidays: list[str] = []
    makeup: list[dt.date] = []
    day = received + dt.timedelta(days=1)
    while day <= due:
        name = holiday_name(day)
        if name and name not in holidays and not is_workday(day):
            holidays.append(name)
        if is_makeup_workday(day):
            makeup.append(day)
        day += dt.timedelta(days=1)
    provisional = tuple(y for y in range(received.year, due.year + 1)
                        if get_calendar().provisional(y))
    return DecisionDate(received, due, working_days, tuple(holidays), tuple(makeup),
                        provisional)


@dataclass(frozen=True)
class PlanDeadline:
    """When an assessment plan must reach the city department under 六（二）."""

    assessment: dt.date
    deadline: dt.date
    days_before: int
    deadline_is_workday: bool | None  # None: the year is outside the calendar
    rest_reason: str | None  # holiday name, or "weekend", when the deadline is a rest day
    workday_before: dt.date | None  # the last working day before a rest-day deadline
    provisional: bool = False  # the deadline's year has no official schedule yet


def plan_deadline(assessment: dt.date,
                  days_before: int = ASSESSMENT_PLAN_DAYS_BEFORE) -> PlanDeadline:
    """The latest day to send the plan: ``days_before`` calendar days before the assessment.

    The notice says "前10日" without "工作日", so calendar days are counted; whether the
    deadline is a working day is reported when the calendar knows the year.
    """
    deadline = assessment - dt.timedelta(days=days_before)
    try:
        workday = is_workday(deadline)
    except CalendarRangeError:
        return PlanDeadline(assessment, deadline, days_before, None, None, None)
    provisional = is_provisional(deadline)
    if workday:
        return PlanDeadline(assessment, deadline, days_before, True, None, None, provisional)
    reason = holiday_name(deadline) or "weekend"
    before: dt.date | None = deadline
    try:
        while before is not None and not is_workday(before):
            before -= dt.timedelta(days=1)
    except CalendarRangeError:
        before = None
    return PlanDeadline(assessment, deadline, days_before, False, reason, before, provisional)


# ---------------------------------------------------------------------------
# Reading dates from text
# ---------------------------------------------------------------------------


class DateParseError(ValueError):
    """The text names a date that does not exist (e.g. 2月30日)."""

    def __init__(self, text: str) -> None:
        super().__init__(f"not a valid date: {text}")
        self.text = text


@dataclass(frozen=True)
class FoundDate:
    """A date read from text; ``year_assumed`` when the text gave no year."""

    value: dt.date
    year_assumed: bool
    text: str  # the part of the message that named the date
    past: bool = False  # said of a day gone by ("11月30号交的"): the year assumed is the latest


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = r"[〇零○Ｏ一二两三四五六七八九十]"


def _cn_number(s: str) -> int:
    """A small Chinese numeral (一 … 三十一, or digit by digit like 二〇二六) as an int."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    value = 0
    for ch in s:
        value = value * 10 + _CN_DIGITS[ch]
    return value


_MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2026-03-02, 2026/3/2, 2026.3.2
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.．]\s*(?P<m>\d{1,2})\s*[-/.．]\s*(?P<d>\d{1,2})(?!\d)"),
    # 2026年3月2日 / 2026年3月2号 / 二〇二六年三月二日
    re.compile(rf"(?P<y>\d{{4}}|{_CN_NUM}{{4}})\s*年\s*(?P<m>\d{{1,2}}|{_CN_NUM}{{1,2}})\s*月\s*"
               rf"(?P<d>\d{{1,2}}|{_CN_NUM}{{1,3}})\s*[日号號]?"),
    # 3月2日 / 三月二号
    re.compile(rf"(?<!\d)(?P<m>\d{{1,2}}|{_CN_NUM}{{1,2}})\s*月\s*(?P<d>\d{{1,2}}|{_CN_NUM}{{1,3}})"
               rf"\s*[日号號]?"),
    # March 2, 2026 / Mar 2nd 2026 / March 2
    re.compile(rf"\b{_MON}\s+{_DAY}\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?", re.IGNORECASE),
    # 2 March 2026 / 2nd of March, 2026 / 2 March
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?", re.IGNORECASE),
)
_RELATIVE = (
    (re.compile(r"大前天|\bthree days ago\b", re.IGNORECASE), -3),
    (re.compile(r"(?<![大提之以])前天(?![数内])|\bthe day before yesterday\b|\btwo days ago\b", re.IGNORECASE), -2),
    (re.compile(r"昨天|昨日|\byesterday\b", re.IGNORECASE), -1),
    (re.compile(r"今天|今日|\btoday\b", re.IGNORECASE), 0),
    (re.compile(r"明天|明日|\btomorrow\b", re.IGNORECASE), 1),
    (re.compile(r"(?<![大之以然最])后天(?![数内])|\bthe day after tomorrow\b", re.IGNORECASE), 2),
)
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAYS_EN = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
# "上周五", "这个星期一", "下礼拜三", "last Friday", "next Monday", "this Wednesday"
_WEEKDAY = re.compile(r"(?P<zw>上上|上|这|本|下)(?:个)?(?:周|星期|礼拜)(?P<zd>[一二三四五六日天])|"
                      r"\b(?P<ew>last|this|next)\s+(?P<ed>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.IGNORECASE)
_WEEK_OFFSET = {"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1, "last": -1, "this": 0, "next": 1}
# Words that say the date is past ("11月30号交的", "submitted on 30 November"): a date
# without a year is then the latest such day up to today, not the next one.
_PAST = re.compile(r"(?:交|提交|递交|送|报|寄|收到|受理|申请|上交|报送)(?:了)?的|已经?(?:交|提交|递交|报送|申请)|"
                   r"\b(?:submitted|sent|filed|handed in|received|applied|lodged|delivered)\b", re.IGNORECASE)


def _weekday(text: str, today: dt.date) -> FoundDate | None:
    m = _WEEKDAY.search(text)
    if not m:
        return None
    if m.group("zw"):
        week, day = _WEEK_OFFSET[m.group("zw")], _WEEKDAYS_ZH[m.group("zd")]
    else:
        week, day = _WEEK_OFFSET[m.group("ew").lower()], _WEEKDAYS_EN[m.group("ed").lower()]
    monday = today - dt.timedelta(days=today.weekday())
    return FoundDate(monday + dt.timedelta(weeks=week, days=day), False, m.group(0))


_RELATIVE_YEAR = (
    (re.compile(r"明年|\bnext year\b", re.IGNORECASE), 1),
    (re.compile(r"今年|\bthis year\b", re.IGNORECASE), 0),
    (re.compile(r"去年|\blast year\b", re.IGNORECASE), -1),
)


def _relative_year(text: str, today: dt.date) -> int | None:
    """The year named by 明年 / 今年 / next year … in ``text``, if any."""
    for pattern, offset in _RELATIVE_YEAR:
        if pattern.search(text):
            return today.year + offset
    return None


def _month_value(raw: str) -> int:
    raw = raw.lower().rstrip(".")
    if raw in _MONTHS:
        return _MONTHS[raw]
    return _cn_number(raw)


def find_date(text: str, today: dt.date | None = None) -> FoundDate | None:
    """The first date named in ``text``, or None when it names none.

    Raises :class:`DateParseError` when the text names an impossible date.
    """
    if not text:
        return None
    today = today or dt.date.today()
    best: tuple[int, FoundDate] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            try:
                month = _month_value(groups.get("mon") or groups["m"])
                day = _cn_number(groups["d"])
                year = _cn_number(groups["y"]) if groups.get("y") else None
            except (KeyError, ValueError):
                continue
            # 明年/今年 name this date's year only when written right before it ("明年3月2日");
            # "11月30号交的，决定会拖到明年吗" is about the decision, not the day it was sent.
            relative = _relative_year(text[max(0, match.start() - 4):match.start() + 1], today)
            past = bool(_PAST.search(text[match.end():match.end() + 6]) or _PAST.search(text))
            try:
                if year is None and relative is not None:
                    year = relative
                if year is None:
                    value = dt.date(today.year, month, day)
                    if value < today and not past:
                        value = dt.date(today.year + 1, month, day)
                    elif value > today and past:
                        value = dt.date(today.year - 1, month, day)
                else:
                    value = dt.date(year, month, day)
            except ValueError as exc:
                if month == 2 and day == 29 and year is None:
                    # 2月29日 without a year: the next leap year.
                    y = today.year
                    while True:
                        try:
                            value = dt.date(y, 2, 29)
                        except ValueError:
                            y += 1
                            continue
                        if value >= today:
                            break
                        y += 1
                else:
                    raise DateParseError(match.group(0).strip()) from exc
            found = FoundDate(value, year is None, match.group(0).strip(), past)
            if best is None or match.start() < best[0]:
                best = (match.start(), found)
            break
    if best:
        return best[1]
    for pattern, offset in _RELATIVE:
        said = pattern.search(text)
        if said:
            return FoundDate(today + dt.timedelta(days=offset), False, said.group(0))
    return _weekday(text, today)


_DATE_FILLER = re.compile(
    r"^(?:日期|时间|是|在|于|定在|就|大概|预计|明年|今年|next|this|year|the|date|is|it's|its|it|"
    r"on|at|around|about|"
    r"by|[\s,.:;!。，：；！、~-])*$", re.IGNORECASE)


def is_date_only(text: str, today: dt.date | None = None) -> bool:
    """Whether a message is just a date ("2026年3月2日", "on 2 March", "是3月2日")."""
    if not text or text.startswith("/"):
        return False
    try:
        found = find_date(text, today)
    except DateParseError:
        return True  # an impossible date is still meant as a date
    if found is None:
        return False
    rest = text.replace(found.text, " ", 1)
    return bool(_DATE_FILLER.match(rest))


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def format_date(day: dt.date, lang: str, weekday: bool = True) -> str:
    """2026年3月2日（星期一） / Monday 2 March 2026 (without the weekday if asked)."""
    from bot.i18n import MONTHS_EN, WEEKDAYS, t

    wd = WEEKDAYS["en" if lang == "en" else "zh"][day.weekday()]
    return t("date_fmt" if weekday else "date_fmt_short", lang, y=day.year, m=day.month,
             d=day.day, wd=wd, mon=MONTHS_EN[day.month - 1])


def holiday_label(name: str, lang: str) -> str:
    if lang == "en":
        return name
    return HOLIDAY_NAMES_ZH.get(name, name)


def _year_note(found: FoundDate, today: dt.date, lang: str) -> list[str]:
    from bot.i18n import t

    if not found.year_assumed:
        return []
    return [t("year_assumed_past" if found.past else "year_assumed", lang,
              today=format_date(today, lang, weekday=False), year=found.value.year)]


def render_decision(found: FoundDate, lang: str, today: dt.date) -> str:
    """The answer to "if it is received on <date>, when is the decision due?"."""
    from bot.i18n import t
    from bot.notice import DECISION_CLAUSE, DECISION_PERIOD, PROCEDURE

    lines = _year_note(found, today, lang)
    first, last = known_years()
    try:
        result = decision_due(found.value)
    except CalendarRangeError as exc:
        lines.append(t("calendar_unknown", lang, first=first, last=last, year=exc.year,
                       received=format_date(found.value, lang), days=DECISION_WORKING_DAYS))
        step = next(s for s in PROCEDURE if s.clause == DECISION_CLAUSE)
        lines.append(t("timing_answer", lang, ref=DECISION_CLAUSE.ref.get(lang),
                       text=step.text.get(lang)))
        lines.append(t("source", lang, cite=DECISION_CLAUSE.cite(lang)))
        return "\n".join(lines)
    lines.append(t("decision_result", lang, received=format_date(result.received, lang),
                   days=result.working_days, due=format_date(result.due, lang)))
    lines.append(t("decision_convention", lang, period=DECISION_PERIOD.get(lang)))
    if result.holidays:
        lines.append(t("decision_skipped", lang, holidays=t("list_sep", lang).join(
            holiday_label(h, lang) for h in result.holidays)))
    if result.makeup_days:
        lines.append(t("decision_makeup", lang, days=t("list_sep", lang).join(
            format_date(d, lang) for d in result.makeup_days)))
    lines.append(t("decision_received_note", lang))
    lines.append(t("calendar_source", lang, first=first, last=last))
    if result.provisional_years:
        lines.append(provisional_note(result.provisional_years, lang))
    lines.append(t("source", lang, cite=DECISION_CLAUSE.cite(lang)))
    return "\n".join(lines)


def provisional_note(years: tuple[int, ...], lang: str) -> str:
    """Why a date in a year without an official schedule may still move."""
    from bot.i18n import t

    return t("calendar_provisional", lang, years=t("list_sep", lang).join(str(y) for y in years))


def render_plan(found: FoundDate, lang: str, today: dt.date) -> str:
    """The answer to "the assessment is on <date>; when must the plan reach the city?"."""
    from bot.i18n import t
    from bot.notice import ASSESSMENT_PLAN_PERIOD, DUTIES_BY_ID

    clause = DUTIES_BY_ID["assessment_plan"].clause
    result = plan_deadline(found.value)
    lines = _year_note(found, today, lang)
    deadline = format_date(result.deadline, lang)
    lines.append(t("plan_result", lang, event=format_date(result.assessment, lang),
                   period=ASSESSMENT_PLAN_PERIOD.get(lang), deadline=deadline))
    lines.append(t("plan_convention", lang, days=result.days_before))
    if result.deadline < today:  # "下周三开展鉴定" when the tenth day before it is gone already
        lines.append(t("plan_deadline_passed", lang, deadline=deadline,
                       today=format_date(today, lang, weekday=False)))
    if result.deadline_is_workday is None:
        lines.append(t("plan_calendar_unknown", lang, year=result.deadline.year))
    elif result.deadline_is_workday is False and result.workday_before is not None:
        why = t("weekend", lang) if result.rest_reason == "weekend" else \
            holiday_label(result.rest_reason or "", lang)
        lines.append(t("plan_rest_day", lang, deadline=deadline, why=why,
                       workday=format_date(result.workday_before, lang)))
    if result.provisional and result.deadline_is_workday is False:
        lines.append(provisional_note((result.deadline.year,), lang))
    lines.append(t("source", lang, cite=clause.cite(lang)))
    return "\n".join(lines)
