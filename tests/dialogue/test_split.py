"""Several questions in one message, and the question inside a story."""

from __future__ import annotations

import pytest

from bot.dialogue.split import focus, questions, without_preamble


@pytest.mark.parametrize("text, expected", [
    ("谁审批，要多久？", ["谁审批", "要多久"]),
    ("我就想问下两个事 审批找谁 然后材料要是英文的咋办", ["审批找谁", "材料要是英文的咋办"]),
    ("他问两件事：一是外国证书能不能用来申请培训补贴，二是批下来以后谁来管他们",
     ["外国证书能不能用来申请培训补贴", "批下来以后谁来管他们"]),
    ("who approves and how long does it take?", ["who approves", "how long does it take"]),
    ("Who approves, and within what time limit?", ["Who approves", "what time limit"]),
])
def test_each_question_of_a_message_is_found_in_order(text: str, expected: list[str]) -> None:
    got = questions(text)
    assert len(got) == len(expected)
    for part, want in zip(got, expected, strict=True):
        assert want in part


def test_a_short_question_keeps_the_background_it_leans_on() -> None:
    got = questions("他们的材料全是韩文 另外合作协议也是韩文版的 请问要怎么处理 还有合作协议交原件行不行")
    assert len(got) == 2
    assert "韩文" in got[0] and "怎么处理" in got[0]
    assert got[1].startswith("合作协议交原件")


@pytest.mark.parametrize("text", [
    "第一类材料有哪些", "二（三）是什么意思", "外方机构是否需要提交银行资信证明，还是中方提交",
    "Our certificate is known only in Germany. Could it still be registered?", "申请材料分几类啊",
])
def test_one_question_stays_whole(text: str) -> None:
    assert questions(text) == [text]


def test_the_question_inside_a_long_story_is_found() -> None:
    story = ("我们学校老板之前在别的省做过类似的事情，他说那边是市里批的，还说专家评审要交一大堆东西，"
             "现在想在崇左片区搞，你帮我说说广西这里受理以后具体是什么流程")
    assert focus(story) == "你帮我说说广西这里受理以后具体是什么流程"
    assert focus("审批要多久") is None


def test_a_belief_checked_with_dui_ba_is_a_question() -> None:
    assert questions("年度汇总表报给设区市人社部门对吧？那审批决定抄送的也是设区市吗") == [
        "年度汇总表报给设区市人社部门对吧", "那审批决定抄送的也是设区市吗"]


def test_a_choice_question_is_one_question_and_a_second_choice_is_another() -> None:
    assert questions("外方机构是否需要提交银行资信证明，还是中方提交") == [
        "外方机构是否需要提交银行资信证明，还是中方提交"]
    assert questions("材料外文的要不要翻译，合作协议给原件还是复印件") == [
        "材料外文的要不要翻译", "合作协议给原件还是复印件"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Quick question first: who approves?", "who approves?"),
    ("顺便问一下，年报几月交", "年报几月交"),
    ("Who approves?", "Who approves?"),  # nothing to take away
    ("另外：", "另外："),  # nothing left after the lead-in: the message as it was
])
def test_a_lead_in_before_the_question_is_set_aside(text: str, expected: str) -> None:
    assert without_preamble(text) == expected
