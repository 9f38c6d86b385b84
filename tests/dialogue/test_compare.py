"""Two things of the notice asked about side by side."""

from __future__ import annotations

import pytest

from bot.dialogue.compare import form_parts, sides
from bot.i18n import t
from tests.dialogue.test_understand import Chat


@pytest.mark.parametrize("text, expected", [
    ("考试章程和机构章程是一个东西吗", ("考试章程", "机构章程")),
    ("汇总表的单位基本信息跟注册表的一样吗", ("汇总表的单位基本信息", "注册表的单位基本信息")),
    ("汇总表和注册表的证书表比多了哪一栏", ("汇总表的证书表", "注册表的证书表")),
    ("Is the examination charter different from our articles of association?",
     ("examination charter", "articles of association")),
    ("What is the difference between the full-time staff table and the examiners table?",
     ("full-time staff table", "examiners table")),
])
def test_the_two_sides_are_read(text: str, expected: tuple[str, str]) -> None:
    assert sides(text) == expected


@pytest.mark.parametrize("text", ["外方和中方都要交章程吗", "审批要多久", "谁审批，要多久？"])
def test_other_questions_are_not_comparisons(text: str) -> None:
    assert sides(text) is None


def test_a_comparison_is_answered_with_both_places() -> None:
    reply = Chat().say("考试章程和机构章程是一个东西吗").text
    assert "三（三）" in reply and "考试章程" in reply
    assert "机构章程" in reply and "三（一）" in reply


def test_both_tables_of_the_staff_section_are_given() -> None:
    reply = Chat().say("专职人员和考评人员的表有啥不同").text
    assert "专职工作人员" in reply and "考评人员" in reply


def test_a_year_after_the_annual_summary_gives_that_year_s_deadline() -> None:
    chat = Chat()
    assert "12月底" in chat.say("年度汇总表每年啥时候交").text
    reply = chat.say("那2027年的呢").text
    assert "2027年12月31日" in reply


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("附件2里有哪些部分", "它比附件1多了哪一栏", "发证数量"),  # leans on the form in question
    ("What is Annex 1?", "Which extra column does the annual summary have?", "Number issued"),
])
def test_the_column_one_form_has_and_the_other_lacks_is_named(first: str, then: str,
                                                              expected: str) -> None:
    chat = Chat()
    chat.say(first)
    reply = chat.say(then).text
    assert expected in reply.split("\n")[0], reply


def test_forms_with_the_same_entries_are_said_to_match() -> None:
    reply = Chat().say("注册表和汇总表的单位基本信息栏目一样吗").text
    assert "相同" in reply.split("\n")[0] and "统一社会信用代码" in reply


def test_the_forms_as_a_whole_are_not_reduced_to_one_table() -> None:
    assert form_parts("附件1和附件2有什么区别") is None
    assert form_parts("审批要多久") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("外方和中方分别要交哪些合法性证明", ("机构登记证书", "营业执照")),
    ("The plan and the annual summary: who receives each?", ("VI(2)", "VI(4)")),
])
def test_one_question_asked_of_two_things_answers_both(text: str,
                                                      expected: tuple[str, ...]) -> None:
    reply = Chat().say(text).text
    assert all(e in reply for e in expected), reply


def test_both_forms_asked_what_they_are_for_give_when_each_is_handed_in() -> None:
    reply = Chat().say("两个附件，附件1跟附件2各自是什么时候交的").text
    assert "申请时提交" in reply and "12月底" in reply


def test_what_a_certificate_counts_as_is_the_equivalence_clause() -> None:
    assert "同类工种同等级" in Chat().say("考下来的证相当于国内啥证书").text
    assert "same type of work" in Chat().say("What would the certificate be treated as in China?").text


def test_one_form_asked_which_occasion_it_is_for_gives_its_use() -> None:
    reply = Chat().say("注册表是年报时候交，还是申请的时候交").text
    assert "申请时提交" in reply


def test_all_the_categories_counted_give_the_whole_list() -> None:
    reply = Chat().say("四类材料都是什么").text
    assert all(name in reply for name in ("机构资信证明类", "专业技术类", "考试组织实施类", "其他材料"))


def test_a_column_only_the_sibling_table_has_is_no_with_both_tables() -> None:
    reply = Chat().say("专职工作人员那张表要写考评职业领域吗").text
    assert reply.startswith("没有") and "考评人员情况" in reply
    assert Chat().say("Does the full-time staff table have an employer column?").text.startswith("No")
    assert Chat().say("考评人员表要填学历吗").text.startswith(t("claim_present", "zh"))  # both have it


def test_a_correction_naming_the_other_form_asks_the_question_again_of_it() -> None:
    chat = Chat()
    chat.say("注册表一共有几部分")
    reply = chat.say("说错了，是年度汇总表").text
    assert "工作情况汇报" in reply


def test_what_a_form_is_for_asked_in_english() -> None:
    reply = Chat().say("What is the registration form for?").text
    assert "handed in with the application" in reply
