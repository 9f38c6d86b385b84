"""A part of the notice named by its place, alone or against the subject of the conversation."""

from __future__ import annotations

from bot.dialogue import ordinals
from bot.dialogue.state import State
from bot.notice.units import Unit


def _id(unit: Unit | None) -> str | None:
    return unit.id if unit is not None else None


def test_places_named_by_number_in_the_notice_and_its_forms() -> None:
    assert _id(ordinals.part_n("通知第五部分说了什么", State())) == "5"
    assert _id(ordinals.condition_n("许可条件第二条是啥")) == "2.2"
    assert [u.id for u in ordinals.annex_sections("汇总表第三、第四部分要写什么")] == ["annex2.work", "annex2.register"]


def test_an_ordinal_is_read_in_the_list_under_discussion() -> None:
    staff = State(topic_unit="annex1.staff")
    assert _id(ordinals.by_ordinal("第二张表呢", staff)) == "annex1.staff.examiners"
    assert _id(ordinals.by_ordinal("and the first table?", staff)) == "annex1.staff.full_time_staff"
    assert _id(ordinals.by_ordinal("第三类呢", State())) == "3.3"


def test_a_part_inside_a_form_s_section_and_a_section_by_its_numeral() -> None:
    assert [u.id for u in ordinals.annex_sections("What does section 4(3) of Annex 1 cover?")] == ["annex1.facilities.t2"]
    assert [u.id for u in ordinals.annex_sections("Part II of Annex 2, please")] == ["annex2.issued"]
    assert [u.id for u in ordinals.annex_sections("附件1五的标题是什么")] == ["annex1.staff"]
    assert ordinals.annex_sections("附件1一共分几个部分") == []  # 一共 is no section
