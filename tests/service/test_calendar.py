"""The working-day calendar: official years, provisional years, the staff's override file."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from bot.service import calendar as C

D = dt.date


def test_2027_is_provisional_with_its_statutory_holidays() -> None:
    cal = C.WorkCalendar.load(None)
    assert cal.last_year == 2026 and cal.provisional(2027) and not cal.provisional(2026)
    # Spring Festival 2027 falls on 6 February; National Day on 1 October.
    assert cal.holiday_name(D(2027, 2, 8)) == "Spring Festival"
    assert cal.holiday_name(D(2027, 10, 1)) == "National Day"
    assert not cal.is_workday(D(2027, 10, 4))
    # No make-up working days are known: a Saturday stays a rest day.
    assert not cal.is_workday(D(2027, 2, 20)) and not cal.is_makeup_workday(D(2027, 2, 20))
    assert cal.is_workday(D(2027, 2, 22))


def test_a_period_into_2027_gets_a_provisional_date() -> None:
    from bot.dialogue.dates import decision_due

    result = decision_due(D(2026, 12, 1))
    assert result.due.year == 2027 and result.provisional_years == (2027,)
    assert decision_due(D(2026, 3, 2)).provisional_years == ()


def test_the_override_file_wins_over_the_library_and_the_rules(tmp_path) -> None:
    path = tmp_path / "cn_workdays.json"
    path.write_text(json.dumps({"years": {
        "2027": {"holidays": {"2027-02-05": "Spring Festival", "2027-02-22": "Spring Festival"},
                 "workdays": ["2027-02-20"]},
        "2026": {"holidays": {}, "workdays": []},
    }}), encoding="utf-8")
    cal = C.WorkCalendar.load(path)
    assert not cal.provisional(2027) and cal.last_year == 2027
    assert cal.is_workday(D(2027, 2, 20)) and cal.is_makeup_workday(D(2027, 2, 20))
    assert not cal.is_workday(D(2027, 2, 22))
    assert cal.is_workday(D(2027, 2, 8))  # not listed by the staff: an ordinary Monday
    assert cal.is_workday(D(2026, 10, 1))  # the file's 2026 replaces the library's
    assert cal.provisional(2028)


@pytest.mark.parametrize("content", [
    "not json", '{"years": []}', '{"years": {"27": {}}}',
    '{"years": {"2027": {"holidays": {"2028-01-01": "New Year\'s Day"}}}}',
    '{"years": {"2027": {"workdays": ["2027-02-30"]}}}',
])
def test_a_malformed_override_file_is_refused_with_its_name(tmp_path, content) -> None:
    path = tmp_path / "cn_workdays.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(C.CalendarFileError, match="cn_workdays.json"):
        C.WorkCalendar.load(path)


def test_the_shipped_file_is_valid_and_adds_nothing_yet() -> None:
    from bot.settings import get_settings

    assert C.read_file(get_settings().calendar_file) == {}


def test_a_warning_is_logged_when_the_calendar_ends_within_90_days(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.service.calendar"):
        message = C.startup_warning(D(2026, 12, 1))
    assert message and "2026-12-31" in message and "2027" in message
    assert "cn_workdays.json" in caplog.text
    assert C.startup_warning(D(2026, 9, 1)) is None  # 121 days before the end
    assert C.startup_warning(D(2026, 10, 2)) is not None  # 90 days before
