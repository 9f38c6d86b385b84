""""X是什么意思": the places where the notice uses a term."""

from __future__ import annotations

import pytest

from bot.dialogue.terms import places, term_of


@pytest.mark.parametrize("text, term", [
    ("备案是啥意思？", "备案"), ("“或其它相应法人机构”指哪些", "或其它相应法人机构"),
    ("职业技能评价机构包括哪些", "职业技能评价机构"), ("双随机是什么意思", "双随机"),
    ("“国外职业资格证书机构”这个简称指谁", "国外职业资格证书机构"),
    ('What does "on record" mean?', "on record"),
])
def test_the_term_asked_about_is_read(text: str, term: str) -> None:
    assert term_of(text) == term


@pytest.mark.parametrize("text", ["审批要多久", "申请材料有哪些", "这是什么意思", "许可条件有几条"])
def test_other_questions_are_not_term_questions(text: str) -> None:
    assert term_of(text) is None or not places(term_of(text) or "")


def test_the_most_specific_place_is_given() -> None:
    assert [u.id for u in places("双随机")] == ["5.s1"]  # the sentence, not the whole clause
    assert [u.id for u in places("备案")] == ["2.2.s1"]


def test_a_defined_short_name_points_to_its_definition() -> None:
    found = places("国外职业资格证书机构")
    assert [u.id for u in found] == ["6.operate_in_ftz"]
    assert "简称" in found[0].text.zh
