"""Retrieval over the notice's units, in both languages, with the synonym table."""

from __future__ import annotations

import pytest

from bot.dialogue.normalise import normalise
from bot.dialogue.retrieval import search
from bot.dialogue.silence import silent_aspect


@pytest.mark.parametrize(("question", "unit"), [
    ("我们收点报名费赚点钱可以吗", "2.1.s2"),
    ("国内要找几家单位一起搞", "2.2.s2"),
    ("名册那部分可以单独附上吗", "annex2.register"),
    ("设备是租来的，表里怎么写", "annex1.facilities.equipment.所有权归属"),
    ("这份文件公开吗", "header.disclosure"),
    ("may our partner and we charge for profit", "2.1.s2"),
    ("which columns describe our examiners", "annex1.staff.examiners"),
    ("who signs off on the registration", "1"),
])
def test_the_unit_that_answers_ranks_first(question: str, unit: str) -> None:
    hits = search(question)
    # The unit, or the clause that holds it word for word (the same sentence is quoted).
    top = hits[0].unit if hits else None
    assert top is not None and (top.id == unit or unit.startswith(f"{top.id}.s")), \
        [(h.unit.id, round(h.score, 2)) for h in hits]


def test_a_question_the_notice_never_answers_is_recognised_as_silent() -> None:
    assert silent_aspect("注册下来以后管几年") == "validity"
    assert silent_aspect("审批能不能快一点，有加急吗") == "fast_track"
    assert silent_aspect("what is the fee for registration") == "fees"
    # A field of the form that is a phone number is not a question about phone numbers.
    assert silent_aspect("注册表里办公电话那栏填什么") is None
    assert silent_aspect("提前多少天推送鉴定计划") is None


def test_input_is_normalised_once() -> None:
    assert normalise("審核註冊表") == "审核注册表"
    assert normalise("ＡＢＣ１２３") == "ABC123"
    assert normalise("申情材料") == "申请材料"
    assert normalise("要交啥", oral=True) == "要交什么"
    assert normalise("/ask_materials") == "/ask_materials"
