"""The conversation after approval: the annual summary (附件2) uploaded for a pre-check,
and the dates of the duties (plans 10 days before each assessment, 附件2 by the end of
December) with the receiving department of the institution's free-trade-zone area.

:mod:`bot.dialogue.dispatch` and :mod:`bot.dialogue.uploads` call these; replies are built
from bot.notice (clauses, the department's words, the areas) and bot.i18n.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.dialogue.dates import DateParseError, find_date, format_date
from bot.dialogue.reply import Reply
from bot.i18n import t
from bot.notice import (
    ANNEX2,
    ANNUAL_REPORT_PERIOD,
    ASSESSMENT_PLAN_DAYS_BEFORE,
    ASSESSMENT_PLAN_PERIOD,
    CITY_BUREAU,
    DUTIES_BY_ID,
    FTZ_AREAS,
    FTZ_AREAS_BY_ID,
    FTZ_CLAUSE,
    OUTSIDE_PLACES,
)
from bot.notice.units import UNITS_BY_ID
from bot.service import annual as annual_service
from bot.service import duties
from bot.service.store import SessionRecord, Store, UploadRecord
from bot.settings import get_settings

PLAN_CLAUSE = DUTIES_BY_ID["assessment_plan"].clause
ANNUAL_CLAUSE = DUTIES_BY_ID["annual_report"].clause


# --- where the institution is ------------------------------------------------------------


def find_area(text: str) -> str | None:
    """The FTZ area a message names (its id), or None."""
    low = (text or "").lower()
    for area in FTZ_AREAS:
        if any(a in low for a in area.aliases):
            return area.id
    return None


def find_outside_place(text: str) -> str | None:
    """A Guangxi city outside the three areas that the message names, in the message's words."""
    low = (text or "").lower()
    for place in OUTSIDE_PLACES:
        if place.zh in (text or "") or re.search(rf"\b{place.en.lower()}\b", low):
            return place.zh if place.zh in (text or "") else place.en
    return None


def areas_text(lang: str) -> str:
    return t("list_sep", lang).join(a.name.get(lang) for a in FTZ_AREAS)


def area_lines(area: str | None, lang: str, text: str = "") -> list[str]:
    """Who receives plans and reports: the area's city department, or the question."""
    outside = None if area else find_outside_place(text)
    if outside:
        return [t("area_outside", lang, ref=FTZ_CLAUSE.ref.get(lang), areas=areas_text(lang),
                  place=outside)]
    if area in FTZ_AREAS_BY_ID:
        a = FTZ_AREAS_BY_ID[area]
        return [t("area_bureau", lang, area=a.name.get(lang), bureau=CITY_BUREAU.get(lang),
                  city=a.city.get(lang))]
    return [t("area_ask", lang, bureau=CITY_BUREAU.get(lang))]


# --- duty dates ------------------------------------------------------------------------------


_DATE_SPLIT = re.compile(r"[,，、;；]|\s和\s|和|\band\b|及")


def find_dates(text: str, today: dt.date) -> list[dt.date]:
    """Every date a message names ("2027-01-15、2027-03-02和4月8日"), in order, once each."""
    out: list[dt.date] = []
    for piece in _DATE_SPLIT.split(text or ""):
        try:
            found = find_date(piece, today)
        except DateParseError:
            continue
        if found is not None and found.value not in out:
            out.append(found.value)
    return out


def date_texts(text: str) -> list[str]:
    """The parts of a message that name dates ("2026年12月1日"), as written."""
    out = []
    for piece in _DATE_SPLIT.split(text or ""):
        try:
            found = find_date(piece, dt.date.today())
        except DateParseError:
            continue
        if found is not None and found.text not in ("今天", "今日", "明天", "明日"):
            out.append(found.text)
    return out


_AREA_ONLY = re.compile(r"^(?:那|在|我们在|我们是|是)?(?P<place>[\w\s]{1,12}?)(?:片区|市)?"
                        r"(?:的话)?(?:呢|行不行|可以吗|可不可以|怎么样|行吗|(?:报|交|推|送)给谁|报哪里)?"
                        r"[?？!！。.\s]*$")


# The unit of the clause on where one may operate (六（一）).
FTZ_UNIT = next(u.id for u in UNITS_BY_ID.values() if u.kind == "clause" and u.ref.zh == FTZ_CLAUSE.ref.zh)
_SHORT_ASK = re.compile(r"^\W*(?:what about |and |how about )?[\w\s'-]{2,30}?(?: area| zone)?\s*(?:ok|okay|fine|"
                        r"allowed|too)?\W*$", re.IGNORECASE)


# "说错了，我是想问在南宁片区里面搞行不行", "OK, I mean inside the Qinzhou Port area then?"
_AREA_ASKED = re.compile(r"我是想问|我是问|我的意思是|行不行|可以吗|可不可以|能不能|行吗|\bi mean\b|\bi meant\b|"
                         r"\b(?:can|could|may) we\b|\bis (?:that|it) (?:ok|okay|allowed|fine)\b", re.IGNORECASE)


def area_inside(text: str, topic_unit: str | None, lang: str) -> Reply | None:
    """"钦州港片区可以吗", "Chongzuo area ok?" after where one may operate (六（一）): yes, it is
    one of the areas the notice covers (a place outside them is told so by :func:`area_lines`)."""
    words = (text or "").strip()
    area = find_area(words)
    if topic_unit != FTZ_UNIT or area is None or find_outside_place(words) or not (
            is_area_only(words) or _SHORT_ASK.match(words) or len(words) <= 70 and _AREA_ASKED.search(words)):
        return None
    return Reply(t("area_inside", lang, area=FTZ_AREAS_BY_ID[area].name.get(lang), ref=FTZ_CLAUSE.ref.get(lang),
                   areas=areas_text(lang)))


def is_area_only(text: str) -> bool:
    """A message that only names a place ("钦州港呢", "北海行不行", "Chongzuo?")."""
    m = _AREA_ONLY.match((text or "").strip())
    if not m:
        return False
    place = m.group("place").strip()
    if re.search(r"[\u4e00-\u9fff]", place) and len(place) > 6:
        return False  # "申请书交给南宁市人社局可以吗": a sentence that names a place
    return bool(place) and (find_area(place) is not None or find_outside_place(place) is not None)


def duty_dates_lines(dates: list[dt.date], area: str | None, lang: str,
                     today: dt.date) -> tuple[list[str], str]:
    """The answer lines for planned assessment dates, and the .ics link."""
    lines = [t("duty_dates_title", lang)]
    for d in sorted(set(dates)):
        lines.append(t("duty_plan_line", lang, event=format_date(d, lang),
                       deadline=format_date(duties.plan_due(d), lang)))
    if dates:
        lines.append(t("duty_plan_counting", lang, ref=PLAN_CLAUSE.ref.get(lang),
                       period=ASSESSMENT_PLAN_PERIOD.get(lang), days=ASSESSMENT_PLAN_DAYS_BEFORE,
                       contact=get_settings().contact.get(lang)))
    lines.append(annual_line(today.year, lang))
    url = duties.ics_url(dates, today.year, area, lang)
    lines.append(t("duty_ics", lang, url=url))
    return lines, url


def annual_line(year: int, lang: str) -> str:
    """When the annual summary for ``year`` is due."""
    return t("duty_annual_line", lang, title=ANNEX2.title if lang != "en" else ANNEX2.en,
             ref=ANNUAL_CLAUSE.ref.get(lang), period=ANNUAL_REPORT_PERIOD.get(lang),
             year=year, deadline=format_date(duties.annual_due(year), lang))


_YEAR = re.compile(r"(?<!\d)(20[2-9]\d)(?!\d)\s*(?:年|年度)?")


def year_asked(text: str) -> int | None:
    """The year a question names ("那2027年的呢", "for 2027?"), if it names one and no day."""
    m = _YEAR.search(text)
    if not m or date_texts(text):
        return None
    return int(m.group(1))


# --- 附件2 uploaded ---------------------------------------------------------------------------


def is_annual_upload(upload: UploadRecord) -> bool:
    return upload.analysis is not None and bool(upload.analysis.annex2)


def is_register_upload(upload: UploadRecord) -> bool:
    """A register of certificates that is not (also) an application material."""
    a = upload.analysis
    return a is not None and a.register_rows is not None and not a.materials


def annex2_reply(store: Store, session: SessionRecord, lang: str, area: str | None,
                 today: dt.date, upload: UploadRecord | None = None) -> Reply | None:
    """The 附件2 pre-check of the session, stored as a report, as one chat reply."""
    saved = annual_service.make_annual_report(store, session, lang, area, today)
    if saved is None:
        return None
    lines = []
    if upload is not None and is_annual_upload(upload):
        lines.append(t("a2_upload_seen", lang, name=upload.name,
                       title=ANNEX2.title if lang != "en" else ANNEX2.en))
    lines += [saved.summary, "", t("a2_links", lang)]
    custom = {"annex2_report": {"id": saved.record.id, "ok": saved.view.ok,
                                "problems": [c for c, _, _ in saved.view.problems],
                                "links": saved.links}}
    return Reply("\n".join(lines), custom=custom)


def no_annex2_reply(lang: str) -> Reply:
    return Reply(t("a2_none", lang, title=ANNEX2.title if lang != "en" else ANNEX2.en))
