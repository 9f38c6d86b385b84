"""The shape of a question apart from its subject (bot/dialogue/shape.py)."""

from __future__ import annotations

import pytest

from bot.dialogue import shape


@pytest.mark.parametrize("text", [
    "申请后45个工作日内作决定，这个对吗？", "鉴定计划要提前30天报吧？", "审批是45天对吧",
    "Is it true that approval comes within 45 working days?", "So the decision comes within 45 working days?",
    "We must send the assessment plan 45 days in advance?",
])
def test_a_statement_to_confirm_is_a_claim(text: str) -> None:
    assert shape.is_claim(text)


@pytest.mark.parametrize("text", ["审批要多久？", "How long does the approval take?", "要交哪些材料"])
def test_a_plain_question_is_no_claim(text: str) -> None:
    assert not shape.is_claim(text)


def test_counts_know_what_they_count_and_skip_labels() -> None:
    assert shape.counts("鉴定计划提前十天推送，材料分五类") == {("day", 10), ("category", 5)}
    assert shape.counts("四十五个工作日") == {("day", 45)}
    assert shape.counts("ten days before") == {("day", 10)}
    assert shape.counts("附件1有几部分，第三部分是什么") == set()


@pytest.mark.parametrize("text,both", [
    ("中方外方都要交机构章程吗？", True), ("Do both sides need to provide articles of association?", True),
    ("Do the foreign and Chinese institutions both submit articles?", True),
    ("Must the Chinese and foreign-language versions be identical?", False),
    ("中外文版本要一致吗", False), ("中方合作机构必须是一家，不能两家？", False),
])
def test_both_parties(text: str, both: bool) -> None:
    assert shape.both_parties(text) is both


def test_without_parties_keeps_the_thing_asked() -> None:
    assert "章程" in shape.without_parties("中方外方都要交机构章程吗？")
    assert "外方" not in shape.without_parties("中方外方都要交机构章程吗？")


def test_where_in_the_notice_is_dropped_and_a_thing_set_aside_is_kept_apart() -> None:
    core, aside = shape.core_question("申请表在文件哪个位置")
    assert "文件" not in core and "申请表" in core and aside == ""
    core, aside = shape.core_question("核发信息汇总表除了汇总数还要附名册吗")
    assert aside.split("|")[0] == "汇总数" and "名册" in aside.split("|")[1]


def test_the_named_annex_wins_over_the_other() -> None:
    from bot.dialogue.retrieval import search
    hits = shape.named_annex(search("附件1是什么表"), "附件1是什么表")
    assert hits[0].unit.id == "annex1"
    assert all(not h.unit.id.startswith("annex2") for h in hits)


def test_time_limits_named_together() -> None:
    ids = [u.id for u in shape.time_limits("办理时限、鉴定计划提前天数、年报时间，分别是多少？")]
    assert ids == ["4.3", "6.assessment_plan", "6.annual_report"]
    assert shape.time_limits("鉴定计划提前几天报") == []
