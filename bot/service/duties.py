"""The dates of the duties after approval, and an iCalendar file holding them.

- 六（二）: each assessment plan reaches the city department "在每次开展鉴定活动前10日".
  The notice says days, not working days: the deadline is the assessment date minus 10
  calendar days.  Whether a weekend or holiday moves it, the notice does not say; nothing
  here moves it.
- 六（四）: the annual summary (附件2) is sent "每年12月底": the deadline of a year is its
  31 December.

The .ics file (RFC 5545, written with the ``icalendar`` package) has one all-day event per
deadline, with the receiving department in the notice's words (and the area's city when
known) and the clause; it is the same bytes for the same request (the stamp is the day
asked, the ids are derived from the dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import urlencode

from bot.i18n import t
from bot.notice import (
    ANNUAL_REPORT_MONTH,
    ASSESSMENT_PLAN_DAYS_BEFORE,
    CITY_BUREAU,
    DUTIES_BY_ID,
    FTZ_AREAS_BY_ID,
)

API_BASE = "/portal/api/v1"
ICS_PATH = f"{API_BASE}/duties.ics"
MAX_DATES = 20
DATES_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:,\d{4}-\d{2}-\d{2}){0,19}$")
assert MAX_DATES == 20  # the pattern's {0,19}
YEAR_RE = re.compile(r"^\d{4}$")
PLAN_CLAUSE = DUTIES_BY_ID["assessment_plan"].clause
ANNUAL_CLAUSE = DUTIES_BY_ID["annual_report"].clause


class DutyRequestError(ValueError):
    """A request for duty dates that is not in the one accepted form; ``code`` names it."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def plan_due(assessment: dt.date, days_before: int = ASSESSMENT_PLAN_DAYS_BEFORE) -> dt.date:
    """The latest day the plan for an assessment on ``assessment`` reaches the city."""
    return assessment - dt.timedelta(days=days_before)


def annual_due(year: int) -> dt.date:
    """The last day of the December in which 附件2 for ``year`` is sent."""
    return dt.date(year, ANNUAL_REPORT_MONTH, 31)


def bureau(area_id: str | None, lang: str) -> str:
    """The receiving department in the notice's words, and the city when the area is known."""
    area = FTZ_AREAS_BY_ID.get(area_id or "")
    words = CITY_BUREAU.get(lang)
    if area is None:
        return words
    if lang == "en":
        return f"{words} ({area.city.en}, for the {area.name.en})"
    return f"{words}（{area.name.zh}：{area.city.zh}）"


def parse_request(dates: str | None, year: str | None, area: str | None, lang: str | None,
                  today: dt.date) -> tuple[list[dt.date], int, str | None, str]:
    """Validate the query of ``duties.ics``; raises :class:`DutyRequestError`."""
    lang = lang or "zh"
    if lang not in ("zh", "en"):
        raise DutyRequestError("bad_lang")
    days: list[dt.date] = []
    if dates:
        if not DATES_RE.match(dates):
            raise DutyRequestError("bad_dates")
        try:
            days = sorted({dt.date.fromisoformat(d) for d in dates.split(",")})
        except ValueError as exc:
            raise DutyRequestError("bad_dates") from exc
    if year is None or year == "":
        y = today.year
    elif YEAR_RE.match(year) and 2020 <= int(year) <= today.year + 1:
        y = int(year)
    else:
        raise DutyRequestError("bad_year")
    if area not in (None, "") and area not in FTZ_AREAS_BY_ID:
        raise DutyRequestError("bad_area")
    return days, y, area or None, lang


def ics_url(dates: Sequence[dt.date], year: int, area: str | None, lang: str) -> str:
    query = {"dates": ",".join(d.isoformat() for d in sorted(set(dates))), "year": str(year),
             "lang": lang}
    if area:
        query["area"] = area
    if not dates:
        del query["dates"]
    return f"{ICS_PATH}?{urlencode(query, safe=',')}"


def duty_calendar(dates: Sequence[dt.date], year: int, area: str | None, lang: str,
                  today: dt.date) -> bytes:
    """The .ics file with each plan's deadline and the December deadline of ``year``."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Guangxi FTZ foreign certificates assistant//duties//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    to = bureau(area, lang)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)

    def event(uid: str, day: dt.date, summary: str, clause_cite: str) -> Event:
        e = Event()
        e.add("uid", f"{uid}@duties.gx-ftz-cert")
        e.add("dtstamp", stamp)
        e.add("dtstart", day)
        e.add("dtend", day + dt.timedelta(days=1))
        e.add("summary", summary)
        e.add("description", t("ics_to", lang, bureau=to, cite=clause_cite))
        e.add("transp", "TRANSPARENT")
        return e

    for d in sorted(set(dates)):
        cal.add_component(event(f"plan-{d.isoformat()}", plan_due(d),
                                t("ics_plan", lang, event=d.isoformat()),
                                PLAN_CLAUSE.cite(lang)))
    cal.add_component(event(f"annex2-{year}", annual_due(year),
                            t("ics_annual", lang, year=year),
                            ANNUAL_CLAUSE.cite(lang)))
    return cal.to_ical()
