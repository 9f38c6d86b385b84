"""Duty deadlines and the .ics file, parsed back."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from bot.service import duties as S

D = dt.date
TODAY = D(2026, 12, 1)


def test_plan_and_december_deadlines() -> None:
    assert S.plan_due(D(2027, 1, 15)) == D(2027, 1, 5)
    assert S.plan_due(D(2027, 3, 2)) == D(2027, 2, 20)  # calendar days, a Saturday stays
    assert S.annual_due(2026) == D(2026, 12, 31)


def test_the_ics_file_holds_every_deadline() -> None:
    data = S.duty_calendar([D(2027, 3, 2), D(2027, 1, 15)], 2026, "chongzuo", "zh", TODAY)
    cal = Calendar.from_ical(data)
    assert cal["version"] == "2.0" and cal.get("prodid")
    events = [e for e in cal.walk("VEVENT")]
    starts = [e.decoded("dtstart") for e in events]
    assert starts == [D(2027, 1, 5), D(2027, 2, 20), D(2026, 12, 31)]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert len({str(e["uid"]) for e in events}) == 3
    assert "2027-01-15" in str(events[0]["summary"])
    text = str(events[2]["description"])
    assert "自由贸易试验区设区市人力资源社会保障部门" in text and "崇左市" in text and "六（四）" in text
    assert b"\r\n" in data  # RFC 5545 line endings
    assert S.duty_calendar([D(2027, 1, 15)], 2026, None, "en", TODAY) == \
        S.duty_calendar([D(2027, 1, 15)], 2026, None, "en", TODAY)  # deterministic


def test_requests_are_validated() -> None:
    assert S.parse_request("2027-01-15,2027-03-02", None, "nanning", "en", TODAY) == (
        [D(2027, 1, 15), D(2027, 3, 2)], 2026, "nanning", "en")
    for args, code in [(("2027-1-15", None, None, None), "bad_dates"),
                       (("2027-02-30", None, None, None), "bad_dates"),
                       ((",".join(["2027-01-15"] * 21), None, None, None), "bad_dates"),
                       ((None, "1999", None, None), "bad_year"),
                       ((None, "20x6", None, None), "bad_year"),
                       ((None, None, "../etc", None), "bad_area"),
                       ((None, None, None, "fr"), "bad_lang")]:
        with pytest.raises(S.DutyRequestError) as err:
            S.parse_request(*args, TODAY)
        assert err.value.code == code


def test_the_link_carries_the_request() -> None:
    url = S.ics_url([D(2027, 3, 2), D(2027, 1, 15)], 2026, "qinzhou", "zh")
    assert url == "/portal/api/v1/duties.ics?dates=2027-01-15,2027-03-02&year=2026&lang=zh" \
                  "&area=qinzhou"
