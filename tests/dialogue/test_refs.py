"""A clause named by its reference is that clause."""

from __future__ import annotations

import pytest

from bot.dialogue.refs import named_clauses, without_refs
from tests.dialogue.test_understand import Chat


@pytest.mark.parametrize(("text", "units"), [
    ("三（三）2是啥", ["3.m3.2"]),
    ("六(三)讲的什么", ["6.equivalence"]),
    ("第二部分（二）", ["2.2"]),
    ("三（一）1", ["3.g1.1"]),  # the foreign institution's proof as a whole
    ("六（四）", ["6.annual_report", "6.rectification"]),  # one reference, two clauses
    ("What does Part IV(2) say?", ["4.2"]),
    ("III(2).1 means?", ["3.m2.1"]),
])
def test_a_reference_names_its_clause(text: str, units: list[str]) -> None:
    assert [u.id for u in named_clauses(text)] == units


@pytest.mark.parametrize("text", ["附件1四（三）要填什么", "我们有3(2)个人", "I have 2 (two) copies", "七（一）"])
def test_what_is_not_a_reference_to_the_notice_names_nothing(text: str) -> None:
    assert named_clauses(text) == []


def test_the_reply_quotes_the_clause_named() -> None:
    reply = Chat().say("六（三）讲的什么").text
    assert "六（三）" in reply and "同类工种同等级" in reply and "许可条件" not in reply
    assert "考务管理规则" in Chat().say("三（三）2是啥").text
    assert without_refs("二（二）里的合作机构要备案吗").strip().startswith("里的")
    assert Chat().say("二（二）里的合作机构要备案吗").text.startswith("是的")


def test_a_choice_between_two_gets_no_yes() -> None:
    for question in ("Is it 45 working days or calendar days?", "审批是45个工作日还是45个自然日？"):
        reply = Chat().say(question).text
        assert not reply.startswith(("Yes", "是的")) and ("45个工作日" in reply or "45 working days" in reply)
