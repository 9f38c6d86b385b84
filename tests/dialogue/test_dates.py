"""Working days from the official calendar, the 10-day plan, and dates in text."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue import dates as W
from bot.notice import DECISION_CLAUSE

D = dt.date
TODAY = D(2026, 1, 5)  # a Monday


def test_known_years_come_from_the_library() -> None:
    from chinese_calendar import constants

    first, last = W.known_years()
    assert first == min(d.year for d in constants.holidays)
    assert last == max(d.year for d in constants.holidays)
    assert first <= 2025 <= last


def test_decision_over_national_day_2025_counts_make_up_days() -> None:
    # Received Friday 26 Sep 2025.  Counting from the next day: Sun 28 Sep is a make-up
    # working day (1), 29-30 Sep (2-3), 1-8 Oct holidays, 9-10 Oct (4-5), Sat 11 Oct
    # make-up (6), then five a week: 24 Oct is the 16th, 21 Nov the 36th, 4 Dec the 45th.
    result = W.decision_due(D(2025, 9, 26))
    assert result.due == D(2025, 12, 4)
    assert result.makeup_days == (D(2025, 9, 28), D(2025, 10, 11))
    assert "National Day" in result.holidays


def test_decision_over_qingming_and_labour_day_2026() -> None:
    assert W.decision_due(D(2026, 3, 2)).due == D(2026, 5, 8)


def test_the_day_of_receipt_is_not_counted() -> None:
    # Received on a Monday with no holiday near: the 1st working day is Tuesday.
    assert W.add_working_days(D(2025, 3, 3), 1) == D(2025, 3, 4)
    assert W.add_working_days(D(2025, 3, 7), 1) == D(2025, 3, 10)  # Friday -> Monday


def test_years_beyond_the_provisional_ones_are_refused() -> None:
    from bot.service.calendar import PROVISIONAL_YEARS_AHEAD

    first, last = W.known_years()
    beyond = last + PROVISIONAL_YEARS_AHEAD + 1
    with pytest.raises(W.CalendarRangeError) as err:
        W.decision_due(D(beyond, 3, 2))
    assert err.value.first == first and err.value.last == last
    with pytest.raises(W.CalendarRangeError):  # the period runs into a year without data
        W.decision_due(D(beyond - 1, 12, 1))
    with pytest.raises(W.CalendarRangeError):
        W.decision_due(D(first - 1, 6, 1))


def test_the_plan_is_due_ten_calendar_days_before() -> None:
    plan = W.plan_deadline(D(2026, 6, 10))
    assert plan.deadline == D(2026, 5, 31)
    assert plan.deadline_is_workday is False and plan.rest_reason == "weekend"
    assert plan.workday_before == D(2026, 5, 29)
    assert W.plan_deadline(D(2026, 10, 11)).rest_reason == "National Day"


@pytest.mark.parametrize("text,expected,assumed", [
    ("2026-03-02", D(2026, 3, 2), False),
    ("2026/3/2", D(2026, 3, 2), False),
    ("2026年3月2日", D(2026, 3, 2), False),
    ("二〇二六年三月二日", D(2026, 3, 2), False),
    ("3月2日", D(2026, 3, 2), True),
    ("6月10日", D(2026, 6, 10), True),
    ("十月一日", D(2026, 10, 1), True),
    ("March 2, 2026", D(2026, 3, 2), False),
    ("2 March 2026", D(2026, 3, 2), False),
    ("on the 2nd of March", D(2026, 3, 2), True),
    ("Jan 3", D(2027, 1, 3), True),  # already past this year: next year
    ("明年3月1号", D(2027, 3, 1), False),
    ("If we submit on 2026-03-02, when is the decision due?", D(2026, 3, 2), False),
])
def test_dates_in_chinese_and_english(text: str, expected: dt.date, assumed: bool) -> None:
    found = W.find_date(text, TODAY)
    assert found is not None and found.value == expected and found.year_assumed is assumed


def test_impossible_dates_and_text_without_dates() -> None:
    with pytest.raises(W.DateParseError):
        W.find_date("2月30日", TODAY)
    assert W.find_date("审批要45个工作日吗", TODAY) is None
    assert W.is_date_only("是2026年3月2日")
    assert not W.is_date_only("我们3月2日提交什么时候出结果")


def test_decision_answer_states_the_convention_calendar_and_clause() -> None:
    found = W.find_date("2025年9月26日", TODAY)
    zh = W.render_decision(found, "zh", TODAY)
    assert "2025年12月4日" in zh
    assert "当天不计入" in zh and "国庆节" in zh and "2025年10月11日" in zh
    first, last = W.known_years()
    assert f"{first}–{last}" in zh
    assert DECISION_CLAUSE.cite("zh") in zh
    en = W.render_decision(found, "en", TODAY)
    assert "Thursday 4 December 2025" in en
    assert "I assume it does not" in en


def test_decision_answer_says_which_year_it_assumed_and_that_2027_is_provisional() -> None:
    today = D(2026, 11, 28)
    found = W.find_date("3月2日", today)
    text = W.render_decision(found, "zh", today)
    assert "2027年" in text and "没有写年份" in text and "2027年3月2日" in text
    assert "2027年的节假日和调休安排国务院办公厅尚未公布" in text and "可能变动几天" in text


def test_plan_answer() -> None:
    text = W.render_plan(W.find_date("6月10日", TODAY), "zh", TODAY)
    assert "2026年5月31日" in text and "自然日" in text and "2026年5月29日" in text
    assert "是否顺延或提前，《通知》没有规定" in text
    en = W.render_plan(W.find_date("15 June 2027", TODAY), "en", TODAY)
    assert "Saturday 5 June 2027" in en and "does not say what happens" in en
    assert "not yet published the 2027 holidays" in en


def test_the_quoted_periods_are_the_notices_own_words() -> None:
    from bot import notice as N

    for lang in ("zh", "en"):
        assert N.DECISION_PERIOD.get(lang) in N.PROCEDURE[2].text.get(lang)
        assert N.ASSESSMENT_PLAN_PERIOD.get(lang) in N.DUTIES_BY_ID["assessment_plan"].text.get(
            lang)
    assert str(N.DECISION_WORKING_DAYS) in N.DECISION_PERIOD.zh
    assert str(N.ASSESSMENT_PLAN_DAYS_BEFORE) in N.ASSESSMENT_PLAN_PERIOD.zh


def test_days_named_relative_to_today() -> None:
    today = dt.date(2026, 12, 3)  # a Thursday
    assert W.find_date("昨天交的", today).value == dt.date(2026, 12, 2)
    assert W.find_date("前天递交的", today).value == dt.date(2026, 12, 1)
    assert W.find_date("上周五提交的", today).value == dt.date(2026, 11, 27)
    assert W.find_date("We submitted it last Friday", today).value == dt.date(2026, 11, 27)
    assert W.find_date("下周三开展鉴定", today).value == dt.date(2026, 12, 9)


def test_a_past_submission_without_a_year_is_this_year_and_a_later_year_word_is_not_its_own() -> None:
    today = dt.date(2026, 12, 3)
    found = W.find_date("11月30号交的，决定会拖到明年吗", today)
    assert found.value == dt.date(2026, 11, 30) and found.past
    assert W.find_date("明年3月2日鉴定", today).value == dt.date(2027, 3, 2)
    assert W.find_date("3月2日鉴定", today).value == dt.date(2027, 3, 2)  # ahead: the next one


def test_a_relative_day_word_inside_another_word_is_no_date() -> None:
    today = dt.date(2026, 12, 4)
    assert W.find_date("鉴定计划提前天数是多少", today) is None
    found = W.find_date("前天交的申请", today)
    assert found is not None and found.value == dt.date(2026, 12, 2)
